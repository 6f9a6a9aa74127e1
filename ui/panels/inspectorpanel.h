// ui/panels/inspectorpanel.h — the Token Inspector: paste a token, read it, verify it offline.
#pragma once

#include "common/clock.h"
#include "common/secretbytes.h"
#include "jose/inspection.h"
#include "vault/item.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTreeView;

namespace keyhaven::vault {
class Vault;
}
namespace keyhaven::oauth {
class ConnectionManager;
}

namespace keyhaven::ui {

class ClaimTreeModel;
class FindingsModel;
class LifetimeBar;

// Thin on purpose: jose::inspectAndVerify does the work (on a worker thread for tokens over
// 64 kB, so the UI never freezes); the panel shows its outcome. Nothing is fetched unless the
// user asks with "From issuer…" (discovery, then the issuer's JWKS); keys never come from the
// token itself (jku, x5u, jwk: DESIGN.md rule 3).
class InspectorPanel : public QWidget
{
    Q_OBJECT
public:
    enum KeySource { NoKey, PastedKey, VaultKey };

    explicit InspectorPanel(vault::Vault *vault, QWidget *parent = nullptr, Clock clock = Clock());
    ~InspectorPanel() override;

    QString title() const { return tr("Inspector"); }
    void setToken(const QString &text);
    // Reads the item's token from the keychain (asynchronously) and inspects it.
    void inspectItem(const vault::Item &item);
    // Verify with pasted key material (PEM / JWK / JWKS / raw HMAC secret).
    void setPastedKey(const QString &text);
    void setAllowedAlgs(const QString &commaSeparated);
    // The window's connection manager (not owned): its discovery and JWKS caches serve
    // "From issuer…", which stays disabled without one.
    void setConnections(oauth::ConnectionManager *connections);
    // Only on the user's request: OpenID discovery at `issuer` (which must name itself exactly so),
    // then its JWKS, which becomes the pasted key; "iss" must then equal the issuer. Emits
    // issuerKeysFetched.
    void fetchIssuerKeys(const QString &issuer);

    const jose::InspectOutcome &outcome() const { return m_outcome; }
    bool busy() const { return m_busy; }
    QPlainTextEdit *input() const { return m_input; }
    QTreeView *tree() const { return m_tree; }
    QTableView *findingsView() const { return m_findingsView; }
    ClaimTreeModel *claimModel() const { return m_claims; }
    FindingsModel *findingsModel() const { return m_findings; }
    LifetimeBar *lifetimeBar() const { return m_lifetime; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *verdictLabel() const { return m_verdict; }
    QComboBox *keySourceCombo() const { return m_keySource; }

public Q_SLOTS:
    void refresh();
    void copyClaimsJson();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    // The panel shows the outcome of the current input (after a synchronous or threaded run).
    void updated();
    void issuerKeysFetched(bool ok);

private:
    void apply(const jose::InspectOutcome &outcome);
    void fillKeySources();
    void keySourceChanged();
    void openFindingReference(const QModelIndex &index);
    void askIssuer();

    QPointer<vault::Vault> m_vault;
    Clock m_clock;
    QPlainTextEdit *m_input;
    QLabel *m_error;
    QLabel *m_summary;
    LifetimeBar *m_lifetime;
    QTreeView *m_tree;
    ClaimTreeModel *m_claims;
    QComboBox *m_keySource;
    QPlainTextEdit *m_keyEdit;
    QLineEdit *m_algs;
    QPushButton *m_fromIssuer;
    QPushButton *m_copyClaims;
    QLabel *m_verdict;
    QTableView *m_findingsView;
    FindingsModel *m_findings;
    QLabel *m_noFindings;
    QFutureWatcher<jose::InspectOutcome> *m_watcher;
    QPointer<oauth::ConnectionManager> m_issuerKeys; // the window's: discovery and JWKS cache
    QString m_expectedIssuer; // while the pasted key is that issuer's JWKS
    bool m_fillingIssuerKeys = false;
    SecretBytes m_vaultKey; // the chosen vault item's secret, while it is chosen
    jose::InspectOutcome m_outcome;
    quint64 m_generation = 0; // of the newest input
    quint64 m_workerGeneration = 0; // of the input the worker is busy with
    bool m_busy = false;
};

} // namespace keyhaven::ui
