// ui/mainwindow.cpp — the main window: composes the panels, the keychain banner and the status bar.
#include "mainwindow.h"

#include "clipboard.h"
#include "panels/apikeyspanel.h"
#include "panels/connectionspanel.h"
#include "panels/dashboardpanel.h"
#include "panels/historypanel.h"
#include "panels/inspectorpanel.h"
#include "panels/requestspanel.h"
#include "panels/tokenspanel.h"
#include "replay/history.h"
#include "replay/resend.h"
#include "resources.h"
#include "theme.h"
#include "trayreminder.h"

#include "desktop/autostart.h"
#include "desktop/launchrequest.h"
#include "oauth/connectionmanager.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

using vault::KeychainState;

MainWindow::MainWindow(vault::Vault *vault, QWidget *parent)
    : QMainWindow(parent)
    , m_vault(vault)
    , m_clipboard(new Clipboard(this))
    , m_banner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_keychainLabel(new QLabel(this))
    , m_network(new QNetworkAccessManager(this))
{
    initResources();
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Keyhaven"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner->setObjectName(u"keychainBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setMargin(10);
    theme::styleMessageLabel(m_banner, true);
    m_banner->hide();
    layout->addWidget(m_banner);
    m_tabs->setObjectName(u"panelTabs"_s);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    // One connection manager for the Connections and the Requests panel: a refresh asked for in
    // one while the other waits for the same connection is a single request (single flight holds
    // within one manager only). Made after the tabs, so the panels go before it.
    if (vault)
        m_connections = new oauth::ConnectionManager(vault, m_network, this);

    // One read of the store for all three panels (10,000 items are parsed once, not thrice).
    const QList<vault::Item> items = vault ? vault->items() : QList<vault::Item>();
    m_panels = { new ApiKeysPanel(vault, items, m_clipboard, m_tabs),
        new TokensPanel(vault, items, m_clipboard, m_tabs),
        new ConnectionsPanel(vault, items, m_clipboard, m_connections, m_tabs) };
    const QStringList icons = { u":/icons/api-key.svg"_s, u":/icons/token.svg"_s,
        u":/icons/connection.svg"_s };
    for (int i = 0; i < m_panels.size(); ++i) {
        ItemPanel *panel = m_panels.at(i);
        m_tabs->addTab(panel, QIcon(icons.at(i)), panel->title());
        connect(panel, &ItemPanel::statusMessage, statusBar(), &QStatusBar::showMessage);
    }
    // Rotation dashboard: every item with a deadline, across kinds.
    m_dashboard = new DashboardPanel(vault, items, m_tabs);
    m_tabs->addTab(m_dashboard, QIcon(u":/icons/keyhaven.svg"_s), m_dashboard->title());
    connect(m_dashboard, &DashboardPanel::statusMessage, statusBar(), &QStatusBar::showMessage);
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray = new TrayReminder(m_dashboard->model(), this, this);
    m_inspector = new InspectorPanel(vault, m_tabs);
    m_inspector->setConnections(m_connections);
    m_tabs->addTab(m_inspector, QIcon(u":/icons/token.svg"_s), m_inspector->title());
    connect(m_inspector, &InspectorPanel::statusMessage, statusBar(), &QStatusBar::showMessage);
    if (auto *tokens = qobject_cast<TokensPanel *>(panel(vault::ItemKind::Jwt))) {
        connect(tokens, &TokensPanel::inspectRequested, this, [this](const vault::Item &item) {
            m_tabs->setCurrentWidget(m_inspector);
            m_inspector->inspectItem(item);
        });
    }

    // Replay: the Requests panel sends, the History panel lists what was sent (redacted).
    if (vault) {
        Result<std::unique_ptr<replay::History>> opened =
            replay::History::open(vault->databaseFile());
        if (opened)
            m_replayHistory = std::move(opened).value();
        else
            statusBar()->showMessage(
                tr("The replay history cannot be opened: %1").arg(opened.error().message));
    }
    m_requests = new RequestsPanel(vault, m_network, m_replayHistory.get(), m_connections, m_tabs);
    m_tabs->addTab(m_requests, QIcon(u":/icons/send.svg"_s), m_requests->title());
    connect(m_requests, &RequestsPanel::statusMessage, statusBar(), &QStatusBar::showMessage);
    m_history = new HistoryPanel(m_replayHistory.get(), m_tabs);
    m_tabs->addTab(m_history, QIcon(u":/icons/history.svg"_s), m_history->title());
    connect(m_history, &HistoryPanel::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_requests, &RequestsPanel::exchanged, m_history, &HistoryPanel::reload);
    // keyhaven-cli may have changed the saved requests meanwhile: the tree reads them again when
    // the panel is shown (the loaded request stays selected).
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_requests)
            m_requests->reloadSaved();
    });
    connect(m_history, &HistoryPanel::sendAgainRequested, this,
        [this](const replay::HistoryEntry &entry) {
            const std::optional<vault::Item> item =
                m_vault && !entry.item.isEmpty() ? m_vault->find(entry.item) : std::nullopt;
            const replay::Resend resend = replay::resendFromHistory(entry, item);
            m_requests->loadRequest(resend.request, resend.notes);
            m_tabs->setCurrentWidget(m_requests);
        });

    // Window-wide shortcuts go to the current panel. A focused line edit still gets its own
    // Ctrl+C and Delete first (QLineEdit claims them through ShortcutOverride).
    QMenu *itemMenu = menuBar()->addMenu(tr("&Item"));
    const auto addAction = [&](const QString &text, const QKeySequence &key, const QString &icon,
                               void (ItemPanel::*slot)()) {
        QAction *action = itemMenu->addAction(text);
        action->setShortcut(key);
        if (!icon.isEmpty())
            action->setIcon(theme::icon(icon));
        connect(action, &QAction::triggered, this, [this, slot] {
            if (ItemPanel *panel = currentPanel())
                (panel->*slot)();
        });
        return action;
    };
    addAction(tr("&New…"), QKeySequence::New, u":/icons/add.svg"_s, &ItemPanel::addItem);
    addAction(tr("&Edit…"), QKeySequence(), u":/icons/edit.svg"_s, &ItemPanel::editSelected);
    addAction(tr("&Copy Secret"), QKeySequence::Copy, u":/icons/copy.svg"_s,
        &ItemPanel::copySelectedSecret);
    addAction(tr("&Reveal Secret"), QKeySequence(), u":/icons/eye.svg"_s,
        &ItemPanel::revealSelectedSecret);
    addAction(
        tr("&Delete…"), QKeySequence::Delete, u":/icons/delete.svg"_s, &ItemPanel::deleteSelected);
    itemMenu->addSeparator();
    addAction(tr("&Find"), QKeySequence::Find, QString(), &ItemPanel::focusSearch);
    itemMenu->addSeparator();
    QAction *quit = itemMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    // Start at login, to the tray: the reminders of overdue keys need a running app.
    m_settingsMenu = menuBar()->addMenu(tr("&Settings"));
    m_autostart = m_settingsMenu->addAction(tr("Start at &Login"));
    m_autostart->setObjectName(u"autostartAction"_s);
    m_autostart->setCheckable(true);
    m_autostart->setChecked(desktop::autostart::isEnabled());
    m_autostart->setToolTip(tr("Start Keyhaven in the system tray when you log in, so that it "
                               "can remind you of keys overdue for rotation."));
    connect(m_autostart, &QAction::toggled, this, &MainWindow::setAutostart);
    if (m_tray) {
        m_settingsMenu->addAction(m_tray->enabledAction());
        m_tray->addAction(m_autostart);
    }

    setAcceptDrops(true);

    m_keychainLabel->setObjectName(u"keychainStatus"_s);
    statusBar()->addPermanentWidget(m_keychainLabel);

    if (vault) {
        connect(vault, &vault::Vault::keychainStateChanged, this, &MainWindow::setKeychainState);
        setKeychainState(vault->keychainState());
    } else {
        setKeychainState(KeychainState::Unavailable);
    }
    resize(1200, 680);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // The panels use the replay history: they go before it does.
    delete m_requests;
    delete m_history;
}

void bringToFront(QWidget *window)
{
    if (window->isMinimized())
        window->showNormal();
    else
        window->show();
    window->raise();
    window->activateWindow();
}

QString MainWindow::currentPanelId() const
{
    const QString name =
        m_tabs->currentWidget() ? m_tabs->currentWidget()->objectName() : QString();
    return name.startsWith(u"panel-"_s) ? name.mid(6) : name;
}

void MainWindow::openToken(const QByteArray &token)
{
    m_tabs->setCurrentWidget(m_inspector);
    m_inspector->setToken(QString::fromUtf8(token));
    bringToFront(this);
}

void MainWindow::setAutostart(bool on)
{
    auto done = desktop::autostart::setEnabled(on);
    if (done) {
        statusBar()->showMessage(on ? tr("Keyhaven starts in the tray when you log in.")
                                    : tr("Keyhaven no longer starts when you log in."),
            5000);
        return;
    }
    // Show the real state again, and why it could not change.
    const QSignalBlocker block(m_autostart);
    m_autostart->setChecked(desktop::autostart::isEnabled());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Start at Login"),
        tr("The login entry could not be changed:\n%1").arg(done.error().message),
        QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

namespace {
// Text dragged from a browser or terminal; only what has the shape of a token is taken.
bool dropsToken(const QMimeData *mime)
{
    return mime && mime->hasText() && desktop::looksLikeToken(mime->text());
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (dropsToken(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (dropsToken(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (!dropsToken(event->mimeData()))
        return;
    event->acceptProposedAction();
    openToken(event->mimeData()->text().trimmed().toUtf8());
}

ItemPanel *MainWindow::currentPanel() const
{
    return qobject_cast<ItemPanel *>(m_tabs->currentWidget());
}

ItemPanel *MainWindow::panel(vault::ItemKind kind) const
{
    for (ItemPanel *p : m_panels) {
        if (p->kind() == kind)
            return p;
    }
    return nullptr;
}

void MainWindow::setCurrentPanel(vault::ItemKind kind)
{
    if (ItemPanel *p = panel(kind))
        m_tabs->setCurrentWidget(p);
}

void MainWindow::showDashboard() { m_tabs->setCurrentWidget(m_dashboard); }

bool MainWindow::isDashboardShown() const { return m_tabs->currentWidget() == m_dashboard; }
bool MainWindow::showPanel(const QString &id)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == u"panel-"_s + id) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::setKeychainState(KeychainState state)
{
    for (ItemPanel *p : m_panels)
        p->setKeychainState(state);
    switch (state) {
    case KeychainState::Available:
        m_keychainLabel->setText(tr("Keychain: available"));
        m_keychainLabel->setToolTip(tr("Secrets are stored in the system keychain."));
        m_banner->hide();
        break;
    case KeychainState::Unknown:
        m_keychainLabel->setText(tr("Keychain: checking…"));
        m_keychainLabel->setToolTip(QString());
        m_banner->hide();
        break;
    case KeychainState::Unavailable:
        m_keychainLabel->setText(tr("Keychain: not reachable"));
        m_keychainLabel->setToolTip(tr("Secrets cannot be stored or read."));
        m_banner->setText(tr("No keychain is reachable — secrets cannot be stored or read. Start a "
                             "Secret Service (e.g. gnome-keyring) and restart Keyhaven."));
        m_banner->show();
        break;
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_clipboard->clearIfOurs();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(u"mainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, saveState());
    settings.setValue(u"currentPanel"_s, m_tabs->currentIndex());
    settings.endGroup();
    for (ItemPanel *p : m_panels)
        p->saveState();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(u"mainWindow"_s);
    restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    restoreState(settings.value(u"state"_s).toByteArray());
    m_tabs->setCurrentIndex(settings.value(u"currentPanel"_s, 0).toInt());
    settings.endGroup();
    for (ItemPanel *p : m_panels)
        p->restoreState();
}

} // namespace keyhaven::ui
