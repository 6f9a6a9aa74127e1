// ui/trayreminder.cpp — the tray icon and its once-a-day "keys overdue" reminder.
#include "trayreminder.h"

#include "mainwindow.h"
#include "models/dashboardmodel.h"
#include "rotation/reminder.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

namespace {
constexpr int kFirstCheckMs = 5 * 1000; // after startup, once the store is read
constexpr int kCheckEveryMs = 60 * 60 * 1000;
} // namespace

TrayReminder::TrayReminder(DashboardModel *model, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_window(window)
    , m_icon(new QSystemTrayIcon(QIcon(u":/icons/keyhaven.svg"_s), this))
    , m_enabled(new QAction(tr("Remind Me of Overdue Keys"), this))
    , m_timer(new QTimer(this))
{
    m_icon->setToolTip(tr("Keyhaven"));
    auto *menu = new QMenu(window);
    QAction *show = menu->addAction(tr("Show Keyhaven"));
    menu->addAction(m_enabled);
    m_enabled->setCheckable(true);
    m_enabled->setChecked(QSettings().value(QLatin1StringView(kEnabledKey), true).toBool());
    m_icon->setContextMenu(menu);
    auto raise = [this] {
        if (m_window)
            bringToFront(m_window);
    };
    connect(show, &QAction::triggered, this, raise);
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, raise);
    connect(m_icon, &QSystemTrayIcon::activated, this,
        [raise](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger)
                raise();
        });
    connect(m_enabled, &QAction::toggled, this,
        [](bool on) { QSettings().setValue(QLatin1StringView(kEnabledKey), on); });
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_timer->setInterval(kCheckEveryMs);
        check();
    });
    m_timer->start(kFirstCheckMs);
    m_icon->show();
}

QString TrayReminder::messageText(const QStringList &overdueNames)
{
    const int n = int(overdueNames.size());
    const QString head = n == 1 ? tr("1 key is overdue for rotation")
                                : tr("%n keys are overdue for rotation", nullptr, n);
    const QString names = rotation::reminderNames(overdueNames);
    return names.isEmpty() ? head : tr("%1: %2", "overdue keys: their names").arg(head, names);
}

void TrayReminder::addAction(QAction *action)
{
    if (QMenu *menu = m_icon->contextMenu())
        menu->addAction(action);
}

bool TrayReminder::check()
{
    if (!m_model)
        return false;
    QSettings settings;
    rotation::ReminderState state;
    state.enabled = m_enabled->isChecked();
    state.lastShown =
        QDate::fromString(settings.value(QLatin1StringView(kLastShownKey)).toString(), Qt::ISODate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->rotationStatusAt(row).state == rotation::RotationState::Overdue)
            names << m_model->itemAt(row).name;
    }
    if (!rotation::shouldRemind(state, int(names.size()), now, zone))
        return false;
    m_icon->showMessage(
        tr("Keys overdue for rotation"), messageText(names), QSystemTrayIcon::Warning);
    settings.setValue(
        QLatin1StringView(kLastShownKey), now.toTimeZone(zone).date().toString(Qt::ISODate));
    return true;
}

} // namespace keyhaven::ui
