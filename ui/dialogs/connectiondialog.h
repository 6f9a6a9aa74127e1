// ui/dialogs/connectiondialog.h — "Add connection": issuer -> OIDC discovery, client id, scopes.
#pragma once

#include "oauth/discovery.h"
#include "vault/item.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace keyhaven::oauth {
class ConnectionManager;
}

namespace keyhaven::ui {

// The issuer is checked by discovery (ConnectionManager::discover) before the connection can be
// added: the endpoints it names are shown read-only, and an issuer mismatch, a plain-HTTP issuer
// off loopback or an unreachable provider is reported inline. Nothing here touches the vault.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionDialog(oauth::ConnectionManager *manager, QWidget *parent);

    // The connection described by the form (valid once accepted).
    vault::Item item() const;
    QString errorText() const;
    bool discovered() const { return m_metadata.has_value(); }

public Q_SLOTS:
    void discover();
    void accept() override;

Q_SIGNALS:
    void discoveryFinished(bool ok);

private:
    void showError(const QString &text);
    void showEndpoints();
    void updateOk();

    QPointer<oauth::ConnectionManager> m_manager;
    QLineEdit *m_name;
    QLineEdit *m_issuer;
    QPushButton *m_discover;
    QLabel *m_endpoints;
    QLineEdit *m_clientId;
    QLineEdit *m_scopes;
    QPlainTextEdit *m_params;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    std::optional<oauth::ServerMetadata> m_metadata;
    QString m_discoveredIssuer;
    int m_generation = 0; // drops answers for an issuer that was edited meanwhile
};

} // namespace keyhaven::ui
