// ui/trayreminder.h — the tray icon and its once-a-day "keys overdue" reminder.
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QSystemTrayIcon;
class QTimer;
class QWidget;

namespace keyhaven::ui {

class DashboardModel;

// Shown only where a system tray exists. The decision is rotation::shouldRemind (tested in
// app/); this class reads and writes its two settings (QSettings: a flag and a date, never a
// secret) and shows the notification. Clicking the icon or the message raises the window.
class TrayReminder : public QObject
{
    Q_OBJECT
public:
    static constexpr char kEnabledKey[] = "tray/remindOverdue";
    static constexpr char kLastShownKey[] = "tray/lastReminder"; // ISO date

    TrayReminder(DashboardModel *model, QWidget *window, QObject *parent);

    QSystemTrayIcon *icon() const { return m_icon; }
    QAction *enabledAction() const { return m_enabled; }
    // Adds `action` (owned elsewhere) to the icon's menu, e.g. "Start at Login".
    void addAction(QAction *action);

    // Shows the reminder if one is due; returns whether it did.
    bool check();
    // "3 keys are overdue for rotation: billing, search, maps…", in the user's language.
    static QString messageText(const QStringList &overdueNames);

private:
    QPointer<DashboardModel> m_model;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_icon;
    QAction *m_enabled;
    QTimer *m_timer;
};

} // namespace keyhaven::ui
