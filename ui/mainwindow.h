// ui/mainwindow.h — the main window: composes the panels, the keychain banner and the status bar.
#pragma once

#include "vault/vault.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QNetworkAccessManager;
class QTabWidget;

namespace keyhaven::replay {
class History;
}
namespace keyhaven::oauth {
class ConnectionManager;
}

namespace keyhaven::ui {

class Clipboard;
class DashboardPanel;
class HistoryPanel;
class InspectorPanel;
class ItemPanel;
class TrayReminder;

// Shows `window` normal, on top and focused (a second launch, the tray icon).
void bringToFront(QWidget *window);
class RequestsPanel;

// Kept small on purpose (STYLE.md): the panels hold the item logic, the Vault holds the data.
// The window routes the shortcuts (Ctrl+F, Ctrl+N, Ctrl+C, Delete) to the current panel, shows
// the keychain state, and remembers its geometry and tab in QSettings (never a secret there).
// A token dropped on the window opens in the Inspector.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `vault` is not owned and may be null (then only the banner explains why).
    explicit MainWindow(vault::Vault *vault, QWidget *parent = nullptr);
    ~MainWindow() override;

    QList<ItemPanel *> panels() const { return m_panels; }
    ItemPanel *currentPanel() const;
    ItemPanel *panel(vault::ItemKind kind) const;
    void setCurrentPanel(vault::ItemKind kind);
    Clipboard *clipboard() const { return m_clipboard; }
    QLabel *banner() const { return m_banner; }
    DashboardPanel *dashboard() const { return m_dashboard; }
    void showDashboard();
    bool isDashboardShown() const;
    InspectorPanel *inspector() const { return m_inspector; }
    RequestsPanel *requests() const { return m_requests; }
    HistoryPanel *history() const { return m_history; }
    // Shows the tab whose widget is named "panel-<id>" ("api-key", "jwt", "inspector", ...).
    bool showPanel(const QString &id);
    // objectName() of the current tab's widget without "panel-" ("inspector", ...).
    QString currentPanelId() const;
    QTabWidget *tabs() const { return m_tabs; }
    // Opens `token` in the Inspector tab (a second launch with a token, a drop).
    void openToken(const QByteArray &token);
    // "Start at Login" (checkable): the XDG autostart entry (desktop/autostart.h).
    QAction *autostartAction() const { return m_autostart; }
    QMenu *settingsMenu() const { return m_settingsMenu; }
    // Null where there is no system tray.
    TrayReminder *trayReminder() const { return m_tray; }
    // The one OAuth connection manager of the window (null without a vault): the Connections
    // panel's actions and the Requests panel's sends share it, so one refresh serves both.
    oauth::ConnectionManager *connections() const { return m_connections; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setKeychainState(vault::KeychainState state);
    void saveSettings() const;
    void restoreSettings();
    void setAutostart(bool on);

    QPointer<vault::Vault> m_vault;
    Clipboard *m_clipboard;
    QLabel *m_banner;
    QTabWidget *m_tabs;
    QLabel *m_keychainLabel;
    QList<ItemPanel *> m_panels;
    DashboardPanel *m_dashboard = nullptr;
    InspectorPanel *m_inspector = nullptr;
    TrayReminder *m_tray = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QAction *m_autostart = nullptr;
    std::unique_ptr<replay::History> m_replayHistory; // the vault's SQLite file, own connection
    QNetworkAccessManager *m_network;
    oauth::ConnectionManager *m_connections = nullptr;
    RequestsPanel *m_requests = nullptr;
    HistoryPanel *m_history = nullptr;
};

} // namespace keyhaven::ui
