// ui/panels/requestspanel.h — the Requests panel: paste curl / import HAR, edit, bind a vault
// item, check, send (and cancel), and read the answer with its diagnosis; saved requests in
// collections (with their environments' {{variables}}) on the left.
#pragma once

#include "jose/finding.h"
#include "replay/collections.h"
#include "replay/curlimport.h"
#include "replay/exchange.h"
#include "replay/harimport.h"
#include "replay/history.h"
#include "replay/request.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeView;

namespace keyhaven::vault {
class Vault;
}
namespace keyhaven::oauth {
class ConnectionManager;
}

namespace keyhaven::ui {

class CollectionsModel;
class KeyValueModel;

// Thin on purpose: app/replay imports (curl, HAR), checks (request findings), sends
// (replay::Exchange: secret read at send time, rule 7, one refresh and retry for a rejected
// OAuth token, redacted history) and diagnoses; the panel edits a Request and shows the outcome.
class RequestsPanel : public QWidget
{
    Q_OBJECT
public:
    // `vault`, `history` and `connections` are not owned and may be null. `connections` gives
    // the access token of an OAuth binding (and refreshes it once when the server rejects it):
    // the window's one manager, shared with the Connections panel.
    RequestsPanel(vault::Vault *vault, QNetworkAccessManager *network, replay::History *history,
        oauth::ConnectionManager *connections, QWidget *parent = nullptr);
    ~RequestsPanel() override;

    QString title() const { return tr("Requests"); }

    // Imports a pasted `curl …` command: the first request goes into the editor, a credential
    // found in it is offered for moving into the vault. Returns false (and shows why) on error.
    bool importCurl(const QString &command);
    // Reads and parses a HAR file off the UI thread (busy bar meanwhile), then opens the entry
    // picker; harLoaded() is emitted when the entries are in.
    void importHarFile(const QString &path);
    const QList<replay::HarEntry> &harEntries() const { return m_harEntries; }
    void loadRequest(const replay::Request &request, const QStringList &notes = {});
    replay::Request currentRequest() const;
    // The request as Send sends it: {{variables}} filled from the current collection's chosen
    // environment, and that collection's CA file when the request names none.
    Result<replay::Request> requestToSend() const;
    // Binds a vault item by name (placement: its default; Basic when `basicUser` is given).
    bool bindItem(const QString &itemName, const QString &basicUser = {});
    // Selects the binding's item and placement (header, query parameter, cookie, Bearer, Basic
    // with its user); false when the vault has no such item.
    bool setBinding(const replay::AuthBinding &binding);
    // Shows an answer that was not sent from here (the screenshot's recorded sample).
    void showResponse(const replay::Request &shown, const replay::Response &response,
        const QList<replay::Diagnosis> &diagnosis);

    const jose::Findings &findings() const { return m_findings; }
    const QList<replay::DetectedCredential> &detectedCredentials() const { return m_detected; }
    bool isSending() const;

    // Saved requests (app/replay Collections, in the vault's database file). Each returns false
    // and shows why in the status line when it cannot be done; nothing is changed then.
    // Saves the editor's request without its credential: the item binding is kept, the header
    // it writes is left out; a pasted credential still in the request is refused.
    bool saveRequestAs(const QString &collection, const QString &name);
    // Loads a saved request into the editor and selects it; {{variables}} stay until Send.
    bool loadSaved(const QString &collection, const QString &name);
    // Removes a saved request, or the whole collection when `name` is empty (no confirmation).
    bool removeSaved(const QString &collection, const QString &name = {});
    bool exportCollectionFile(const QString &collection, const QString &path);
    // Reads a collection JSON file; when a collection of that name exists, asks Replace/Cancel
    // (the returned true then means "asked").
    bool importCollectionFile(const QString &path);
    // Adds or replaces an environment of the collection; a secret-looking variable is refused.
    // `editing` as in replay::Collections::saveEnvironment ("" new, or the name before a rename).
    bool saveEnvironment(const QString &collection, const replay::Environment &environment,
        const std::optional<QString> &editing = std::nullopt);
    bool removeEnvironment(const QString &collection, const QString &name);
    // The collection the tree's current row belongs to: its environments fill the environment
    // combo, and Send resolves {{variables}} with it.
    QString currentCollection() const;
    QString loadedCollection() const { return m_savedCollection; }
    QString loadedName() const { return m_savedName; }

    QComboBox *methodCombo() const { return m_method; }
    QLineEdit *urlEdit() const { return m_url; }
    KeyValueModel *queryModel() const { return m_query; }
    KeyValueModel *headersModel() const { return m_headers; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QComboBox *itemCombo() const { return m_item; }
    QComboBox *placementCombo() const { return m_placement; }
    QLineEdit *placementEdit() const { return m_placementEdit; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *findingsLabel() const { return m_findingsLabel; }
    QCheckBox *allowOriginBox() const { return m_allowOrigin; }
    QWidget *credentialBar() const { return m_credentialBar; }
    QLabel *credentialLabel() const { return m_credentialLabel; }
    QLineEdit *credentialNameEdit() const { return m_credentialName; }
    QPushButton *moveCredentialButton() const { return m_moveCredential; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *metaLabel() const { return m_meta; }
    QLabel *diagnosisLabel() const { return m_diagnosis; }
    QPlainTextEdit *responseBody() const { return m_responseBody; }
    KeyValueModel *responseHeadersModel() const { return m_responseHeaders; }
    QProgressBar *progressBar() const { return m_progress; }
    QTreeView *savedView() const { return m_savedView; }
    CollectionsModel *savedModel() const { return m_savedModel; }
    QComboBox *environmentCombo() const { return m_environment; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *editEnvironmentButton() const { return m_editEnvironment; }

public Q_SLOTS:
    void send();
    void cancel();
    void pasteCurl(); // opens the paste dialog
    void chooseHarFile(); // opens a file dialog
    void moveCredentialToVault(); // the offered credential, under the name in the bar
    void reloadItems();
    void reloadSaved();
    void saveRequest(); // Ctrl+S: asks collection and name
    void deleteSelectedSaved(); // Delete: asks first
    void chooseCollectionExport(); // a file dialog
    void chooseCollectionImport(); // a file dialog
    void editEnvironment(); // the chosen environment of the current collection, or a new one

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    void harLoaded();
    void credentialMoved(const QString &itemName);
    // A send finished (the history may have a new row).
    void exchanged();

private:
    struct HarLoad
    {
        QList<replay::HarEntry> entries;
        QString error;
    };
    void buildUi();
    QWidget *buildSavedPane(QWidget *parent);
    void savedCurrentChanged(const QModelIndex &current);
    void fillEnvironments();
    void putImported(const replay::Collection &collection);
    void showError(const QString &text);
    QString storeProblem() const; // why m_store is null
    void refreshFindings();
    void urlEdited();
    void queryEdited();
    void placementChanged();
    void itemChanged();
    void showCredentialOffer();
    void showOutcome(const replay::ExchangeOutcome &outcome);
    void setSending(bool sending);
    void pickHarEntry();
    replay::AuthBinding currentBinding() const;

    QPointer<vault::Vault> m_vault;
    replay::Exchange *m_exchange;
    replay::Request m_base; // what the editor does not show (TLS options, body kind, reads)
    QStringList m_importNotes;
    QList<replay::DetectedCredential> m_detected; // of the request in the editor, not yet moved
    QList<replay::Redaction> m_redactions; // pasted credentials, kept out of the history
    jose::Findings m_findings;
    QList<replay::HarEntry> m_harEntries;
    QFutureWatcher<HarLoad> *m_harWatcher;
    bool m_syncing = false;
    std::unique_ptr<replay::Collections> m_store; // null: no vault, or the file cannot be opened
    QString m_storeError;
    QString m_savedCollection; // where the request in the editor was loaded from (or saved to)
    QString m_savedName;
    bool m_restoringSaved = false; // the tree's current row is set by code: no load

    QPushButton *m_pasteCurl;
    QPushButton *m_importHar;
    QProgressBar *m_progress;
    QComboBox *m_method;
    QLineEdit *m_url;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QComboBox *m_item;
    QComboBox *m_placement;
    QLineEdit *m_placementEdit;
    QWidget *m_credentialBar;
    QLabel *m_credentialLabel;
    QLineEdit *m_credentialName;
    QPushButton *m_moveCredential;
    QLabel *m_findingsLabel;
    QCheckBox *m_allowOrigin;
    QTabWidget *m_requestTabs;
    KeyValueModel *m_query;
    KeyValueModel *m_headers;
    QTableView *m_queryView;
    QTableView *m_headersView;
    QPlainTextEdit *m_body;
    QLabel *m_status;
    QLabel *m_meta;
    QLabel *m_diagnosis;
    QTabWidget *m_responseTabs;
    QPlainTextEdit *m_responseBody;
    KeyValueModel *m_responseHeaders;
    CollectionsModel *m_savedModel;
    QTreeView *m_savedView;
    QComboBox *m_environment;
    QPushButton *m_editEnvironment;
    QPushButton *m_save;
    QPushButton *m_exportCollection;
    QPushButton *m_importCollection;
    QPushButton *m_deleteSaved;
};

} // namespace keyhaven::ui
