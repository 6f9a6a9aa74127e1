// ui/panels/connectionspanel.h — the panel of OAuth connections.
#pragma once

#include "common/clock.h"
#include "panels/itempanel.h"

#include <functional>

class QGroupBox;
class QPlainTextEdit;
class QTableWidget;

namespace keyhaven::oauth {
class ConnectionManager;
}

namespace keyhaven::ui {

// The shared list plus, for the selected connection, its state (subject, granted scopes, an
// access-token countdown) and the OAuth actions of oauth::ConnectionManager: Log in (system
// browser, with a waiting state and Cancel), Refresh, Revoke, Introspect, decoded token claims.
class ConnectionsPanel : public ItemPanel
{
    Q_OBJECT
public:
    // `manager` is not owned (the window's one, shared with the Requests panel so that a refresh
    // here and a replay there are one flight) and may be null: then the actions stay disabled.
    ConnectionsPanel(vault::Vault *vault, const QList<vault::Item> &items, Clipboard *clipboard,
        oauth::ConnectionManager *manager, QWidget *parent);
    ~ConnectionsPanel() override;

    oauth::ConnectionManager *manager() const;
    // Tests: a fixed clock for the countdown; a recorder instead of the system browser.
    void setClock(Clock clock);
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_openUrl = std::move(opener); }

    // "expires in 4 min 10 s", "expires in 2 h 5 min", "expired", "" for an unknown expiry.
    static QString expiryText(const QDateTime &expires, const QDateTime &now);

public Q_SLOTS:
    void addItem() override;
    void logIn();
    void cancelLogIn();
    void refreshToken();
    void revoke();
    void introspect();
    void showClaims();

Q_SIGNALS:
    void loginFinished(bool ok);
    void operationFinished(bool ok); // refresh, revoke, introspect, claims

private:
    void updateDetails();
    void updateCountdown();
    void setBusy(bool busy);
    void showResult(const QString &text, bool error);

    QPointer<vault::Vault> m_vault;
    QPointer<oauth::ConnectionManager> m_manager;
    Clock m_clock;
    std::function<void(const QUrl &)> m_openUrl;
    QTimer *m_tick;
    QGroupBox *m_details;
    QLabel *m_state;
    QLabel *m_subject;
    QLabel *m_scopes;
    QLabel *m_expiry;
    QLabel *m_result;
    QWidget *m_waiting;
    QLabel *m_waitingText;
    QPushButton *m_cancelLogin;
    QPushButton *m_login;
    QPushButton *m_refresh;
    QPushButton *m_revoke;
    QPushButton *m_introspect;
    QPushButton *m_claims;
    QTableWidget *m_introspection;
    QPlainTextEdit *m_claimsView;
    bool m_busy = false;
    bool m_loggingIn = false; // from Log In until the login's callback
};

} // namespace keyhaven::ui
