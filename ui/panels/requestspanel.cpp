// ui/panels/requestspanel.cpp — the Requests panel.
#include "panels/requestspanel.h"

#include "common/io.h"
#include "dialogs/harpickerdialog.h"
#include "models/collectionsmodel.h"
#include "models/keyvaluemodel.h"
#include "replay/authbinding.h"
#include "replay/bodytext.h"
#include "replay/collections.h"
#include "replay/credentialmove.h"
#include "vault/vault.h"

#include <QAction>

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

namespace {

constexpr int kStatusMs = 5000;
constexpr qint64 kMaxHarBytes = 512LL * 1024 * 1024;
constexpr qint64 kMaxCollectionBytes = 64LL * 1024 * 1024; // importCollection's own cap

QFont monospace()
{
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    return mono;
}

QTableView *keyValueView(KeyValueModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->resizeSection(KeyValueModel::NameColumn, 200);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    return view;
}

// "Add" / "Remove" under an editable name/value table.
QWidget *withRowButtons(QTableView *view, KeyValueModel *model, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(QIcon(u":/icons/add.svg"_s), RequestsPanel::tr("Add"), box);
    auto *remove =
        new QPushButton(QIcon(u":/icons/delete.svg"_s), RequestsPanel::tr("Remove"), box);
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    layout->addLayout(row);
    QObject::connect(add, &QPushButton::clicked, view, [view, model] {
        const int r = model->appendRow();
        view->edit(model->index(r, KeyValueModel::NameColumn));
    });
    QObject::connect(remove, &QPushButton::clicked, view,
        [view, model] { model->removeRowAt(view->currentIndex().row()); });
    return box;
}

QList<KeyValueModel::Row> rowsOf(const replay::Headers &headers)
{
    QList<KeyValueModel::Row> rows;
    for (const replay::Header &h : headers)
        rows.append({ QString::fromLatin1(h.first), QString::fromUtf8(h.second) });
    return rows;
}

QString boxStyle(const char *background, const char *border, const char *text)
{
    return u"QLabel { background: %1; border: 1px solid %2; color: %3; padding: 6px; "
           "border-radius: 3px; }"_s.arg(
               QLatin1StringView(background), QLatin1StringView(border), QLatin1StringView(text));
}

// Save / Cancel under a dialog whose `save` may refuse: the dialog then stays open and shows
// why, as the panel's status line does.
void addSaveButtons(QDialog *dialog, QVBoxLayout *layout, const QString &errorName,
    const QLabel *status, std::function<bool()> save)
{
    auto *error = new QLabel(dialog);
    error->setObjectName(errorName);
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    error->setStyleSheet(boxStyle("#fdecea", "#e0a8a8", "#8b1a1a"));
    error->hide();
    layout->addWidget(error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog,
        [dialog, error, status, save = std::move(save)] {
            if (save()) {
                dialog->accept();
                return;
            }
            error->setText(status->text());
            error->show();
        });
}

// Asks before a step that loses data; `confirmed` runs only for the `action` button.
void confirm(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
    const QString &action, std::function<void()> confirmed)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(action, QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(
        box, &QMessageBox::finished, parent, [box, yes, confirmed = std::move(confirmed)] {
            if (box->clickedButton() == yes)
                confirmed();
        });
    box->open();
}

// Delete on the saved-requests tree: taken before the window's Item > Delete shortcut sees it.
class DeleteKeyFilter : public QObject
{
public:
    DeleteKeyFilter(std::function<void()> onDelete, QObject *parent)
        : QObject(parent)
        , m_onDelete(std::move(onDelete))
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->matches(QKeySequence::Delete)) {
                event->accept();
                if (event->type() == QEvent::KeyPress)
                    m_onDelete();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_onDelete;
};

} // namespace

RequestsPanel::RequestsPanel(vault::Vault *vault, QNetworkAccessManager *network,
    replay::History *history, oauth::ConnectionManager *connections, QWidget *parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_exchange(new replay::Exchange(network, vault, history, this))
    , m_harWatcher(new QFutureWatcher<HarLoad>(this))
{
    setObjectName(u"panel-requests"_s);
    m_exchange->setConnections(connections);
    if (vault) {
        // The vault's database file, as the window's History uses it: one store for GUI and CLI.
        Result<std::unique_ptr<replay::Collections>> opened =
            replay::Collections::open(vault->databaseFile());
        if (opened)
            m_store = std::move(opened).value();
        else
            m_storeError = opened.error().message;
    }
    buildUi();
    reloadItems();
    reloadSaved();
    if (vault) {
        connect(vault, &vault::Vault::itemAdded, this, &RequestsPanel::reloadItems);
        connect(vault, &vault::Vault::itemRemoved, this, &RequestsPanel::reloadItems);
        connect(vault, &vault::Vault::itemUpdated, this, &RequestsPanel::reloadItems);
        connect(vault, &vault::Vault::itemsChanged, this, &RequestsPanel::reloadItems);
    }
    connect(m_harWatcher, &QFutureWatcherBase::finished, this, [this] {
        setSending(false);
        m_progress->hide();
        const HarLoad load = m_harWatcher->future().resultCount() > 0
            ? m_harWatcher->future().result()
            : HarLoad { {}, tr("The HAR file could not be read.") };
        m_harEntries = load.entries;
        if (!load.error.isEmpty()) {
            m_status->setText(tr("HAR import failed: %1").arg(load.error));
            m_status->setStyleSheet(boxStyle("#fdecea", "#e0a8a8", "#8b1a1a"));
        } else {
            const int n = int(m_harEntries.size());
            Q_EMIT statusMessage(
                n == 1 ? tr("1 HAR entry read.") : tr("%n HAR entries read.", nullptr, n),
                kStatusMs);
        }
        Q_EMIT harLoaded();
        if (load.error.isEmpty())
            pickHarEntry();
    });
    loadRequest(replay::Request {});
}

RequestsPanel::~RequestsPanel()
{
    m_harWatcher->waitForFinished(); // the worker writes into the watcher's future
}

QWidget *RequestsPanel::buildSavedPane(QWidget *parent)
{
    auto *pane = new QWidget(parent);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_savedModel = new CollectionsModel(this);
    m_savedView = new QTreeView(pane);
    m_savedView->setObjectName(u"savedRequests"_s);
    m_savedView->setAccessibleName(tr("Saved requests"));
    m_savedView->setModel(m_savedModel);
    m_savedView->setUniformRowHeights(true);
    m_savedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_savedView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_savedView->installEventFilter(new DeleteKeyFilter([this] { deleteSelectedSaved(); }, this));
    layout->addWidget(m_savedView, 1);
    connect(m_savedView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &RequestsPanel::savedCurrentChanged);
    connect(m_savedView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const replay::SavedRequest *s = m_savedModel->requestAt(index))
            loadSaved(m_savedModel->collectionAt(index)->name, s->name);
    });

    auto *buttons = new QHBoxLayout;
    //: Saved requests: read a collection JSON file (e.g. from a git repository)
    m_importCollection = new QPushButton(tr("Import…"), pane);
    m_importCollection->setObjectName(u"importCollection"_s);
    m_importCollection->setToolTip(tr("Import a collection from a JSON file"));
    m_exportCollection = new QPushButton(tr("Export…"), pane);
    m_exportCollection->setObjectName(u"exportCollection"_s);
    m_exportCollection->setToolTip(
        tr("Write the selected collection to a JSON file (no secrets: items are named)"));
    m_deleteSaved = new QPushButton(QIcon(u":/icons/delete.svg"_s), tr("Delete"), pane);
    m_deleteSaved->setObjectName(u"deleteSaved"_s);
    buttons->addWidget(m_importCollection);
    buttons->addWidget(m_exportCollection);
    buttons->addWidget(m_deleteSaved);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(
        m_importCollection, &QPushButton::clicked, this, &RequestsPanel::chooseCollectionImport);
    connect(
        m_exportCollection, &QPushButton::clicked, this, &RequestsPanel::chooseCollectionExport);
    connect(m_deleteSaved, &QPushButton::clicked, this, &RequestsPanel::deleteSelectedSaved);

    m_savedView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *deleteAction = new QAction(tr("Delete…"), m_savedView);
    deleteAction->setShortcut(QKeySequence::Delete); // shown only: DeleteKeyFilter handles it
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &RequestsPanel::deleteSelectedSaved);
    auto *exportAction = new QAction(tr("Export Collection…"), m_savedView);
    connect(exportAction, &QAction::triggered, this, &RequestsPanel::chooseCollectionExport);
    auto *importAction = new QAction(tr("Import Collection…"), m_savedView);
    connect(importAction, &QAction::triggered, this, &RequestsPanel::chooseCollectionImport);
    m_savedView->addActions({ deleteAction, exportAction, importAction });

    const bool usable = m_store != nullptr;
    pane->setEnabled(usable);
    if (!usable)
        pane->setToolTip(m_storeError.isEmpty()
                ? tr("Saved requests need the vault's database.")
                : tr("The saved requests cannot be opened: %1").arg(m_storeError));
    return pane;
}

void RequestsPanel::buildUi()
{
    auto *outer = new QHBoxLayout(this);
    auto *sides = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(sides);
    sides->addWidget(buildSavedPane(sides));
    auto *editor = new QWidget(sides);
    sides->addWidget(editor);
    sides->setStretchFactor(0, 0);
    sides->setStretchFactor(1, 1);
    sides->setSizes({ 220, 900 });
    auto *layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);

    // Import row.
    auto *importRow = new QHBoxLayout;
    m_pasteCurl = new QPushButton(QIcon(u":/icons/add.svg"_s), tr("Paste curl…"), this);
    m_pasteCurl->setObjectName(u"pasteCurl"_s);
    m_pasteCurl->setToolTip(tr("Paste a command from the browser's \"Copy as cURL\"."));
    m_importHar = new QPushButton(tr("Import HAR…"), this);
    m_importHar->setObjectName(u"importHar"_s);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    importRow->addWidget(m_pasteCurl);
    importRow->addWidget(m_importHar);
    importRow->addWidget(m_progress);
    importRow->addStretch();
    //: Requests panel: the environment whose {{variables}} a saved request is sent with
    auto *environmentLabel = new QLabel(tr("Environment:"), this);
    m_environment = new QComboBox(this);
    m_environment->setObjectName(u"environment"_s);
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    environmentLabel->setBuddy(m_environment);
    m_editEnvironment = new QPushButton(tr("Edit Environment…"), this);
    m_editEnvironment->setObjectName(u"editEnvironment"_s);
    m_editEnvironment->setToolTip(tr("Edit, rename or delete the chosen environment; with \"No "
                                     "environment\" chosen, add a new one"));
    m_save = new QPushButton(tr("Save…"), this);
    m_save->setObjectName(u"saveRequest"_s);
    m_save->setToolTip(
        tr("Save the request in a collection, without its credential (%1)")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_save->setEnabled(m_store != nullptr);
    importRow->addWidget(environmentLabel);
    importRow->addWidget(m_environment);
    importRow->addWidget(m_editEnvironment);
    importRow->addWidget(m_save);
    layout->addLayout(importRow);
    connect(m_pasteCurl, &QPushButton::clicked, this, &RequestsPanel::pasteCurl);
    connect(m_save, &QPushButton::clicked, this, &RequestsPanel::saveRequest);
    connect(m_editEnvironment, &QPushButton::clicked, this, &RequestsPanel::editEnvironment);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &RequestsPanel::refreshFindings);
    auto *saveAction = new QAction(tr("Save Request"), this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &RequestsPanel::saveRequest);
    addAction(saveAction);
    connect(m_importHar, &QPushButton::clicked, this, &RequestsPanel::chooseHarFile);

    // Request line.
    auto *line = new QHBoxLayout;
    m_method = new QComboBox(this);
    m_method->setObjectName(u"method"_s);
    m_method->setEditable(true);
    m_method->addItems(
        { u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s, u"OPTIONS"_s });
    m_method->setMinimumContentsLength(7);
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"url"_s);
    m_url->setPlaceholderText(tr("https://api.example.com/v1/resource"));
    m_url->setFont(monospace());
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(u"send"_s);
    m_send->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancel"_s);
    m_cancel->setEnabled(false);
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);
    line->addWidget(m_cancel);
    layout->addLayout(line);
    connect(m_send, &QPushButton::clicked, this, &RequestsPanel::send);
    connect(m_url, &QLineEdit::returnPressed, this, &RequestsPanel::send);
    connect(m_cancel, &QPushButton::clicked, this, &RequestsPanel::cancel);
    connect(m_url, &QLineEdit::textEdited, this, &RequestsPanel::urlEdited);
    connect(m_method, &QComboBox::currentTextChanged, this, &RequestsPanel::refreshFindings);

    // Auth binding.
    auto *auth = new QHBoxLayout;
    //: Requests panel: which vault item's credential the request carries
    auto *authLabel = new QLabel(tr("Credential:"), this);
    m_item = new QComboBox(this);
    m_item->setObjectName(u"bindItem"_s);
    // As wide as 24 characters, not as the longest of every item's name: measuring 10,000 names
    // on first show cost ~60 ms of the start-up.
    m_item->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_item->setMinimumContentsLength(24);
    m_placement = new QComboBox(this);
    m_placement->setObjectName(u"bindPlacement"_s);
    m_placement->setSizeAdjustPolicy(QComboBox::AdjustToContents); // filled per item kind
    m_placementEdit = new QLineEdit(this);
    m_placementEdit->setObjectName(u"bindPlacementEdit"_s);
    m_placementEdit->setMaximumWidth(220);
    auth->addWidget(authLabel);
    auth->addWidget(m_item);
    auth->addWidget(m_placement);
    auth->addWidget(m_placementEdit);
    auth->addStretch();
    layout->addLayout(auth);
    connect(m_item, &QComboBox::currentIndexChanged, this, &RequestsPanel::itemChanged);
    connect(m_placement, &QComboBox::currentIndexChanged, this, &RequestsPanel::placementChanged);
    connect(m_placementEdit, &QLineEdit::textEdited, this, &RequestsPanel::refreshFindings);

    // A credential found in a pasted command: offered for moving into the vault.
    m_credentialBar = new QWidget(this);
    m_credentialBar->setObjectName(u"credentialBar"_s);
    m_credentialBar->setStyleSheet(
        u"#credentialBar { background: #e8f0fe; border: 1px solid #a8c4f0; border-radius: 3px; }"_s);
    auto *bar = new QHBoxLayout(m_credentialBar);
    m_credentialLabel = new QLabel(m_credentialBar);
    m_credentialLabel->setWordWrap(true);
    m_credentialLabel->setTextFormat(Qt::PlainText);
    m_credentialName = new QLineEdit(m_credentialBar);
    m_credentialName->setObjectName(u"credentialName"_s);
    m_credentialName->setMaximumWidth(240);
    //: Requests panel: store the pasted credential as a new vault item
    m_moveCredential = new QPushButton(tr("Move into vault"), m_credentialBar);
    m_moveCredential->setObjectName(u"moveCredential"_s);
    bar->addWidget(m_credentialLabel, 1);
    bar->addWidget(m_credentialName);
    bar->addWidget(m_moveCredential);
    m_credentialBar->hide();
    layout->addWidget(m_credentialBar);
    connect(m_moveCredential, &QPushButton::clicked, this, &RequestsPanel::moveCredentialToVault);

    m_findingsLabel = new QLabel(this);
    m_findingsLabel->setObjectName(u"requestFindings"_s);
    m_findingsLabel->setWordWrap(true);
    m_findingsLabel->setTextFormat(Qt::PlainText);
    m_findingsLabel->hide();
    layout->addWidget(m_findingsLabel);
    m_allowOrigin = new QCheckBox(this);
    m_allowOrigin->setObjectName(u"allowOrigin"_s);
    m_allowOrigin->hide();
    layout->addWidget(m_allowOrigin);
    connect(m_allowOrigin, &QCheckBox::toggled, this, &RequestsPanel::refreshFindings);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter, 1);

    // Request editor tabs.
    m_requestTabs = new QTabWidget(splitter);
    m_query = new KeyValueModel(tr("Parameter"), true, this);
    m_headers = new KeyValueModel(tr("Header"), true, this);
    m_queryView = keyValueView(m_query, this);
    m_queryView->setObjectName(u"queryTable"_s);
    m_headersView = keyValueView(m_headers, this);
    m_headersView->setObjectName(u"headersTable"_s);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"requestBody"_s);
    m_body->setFont(monospace());
    m_body->setPlaceholderText(tr("No body"));
    m_requestTabs->addTab(withRowButtons(m_queryView, m_query, this), tr("Query"));
    m_requestTabs->addTab(withRowButtons(m_headersView, m_headers, this), tr("Headers"));
    m_requestTabs->addTab(m_body, tr("Body"));
    connect(m_query, &KeyValueModel::edited, this, &RequestsPanel::queryEdited);
    connect(m_headers, &KeyValueModel::edited, this, &RequestsPanel::refreshFindings);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_syncing)
            refreshFindings();
    });

    // Response.
    auto *response = new QWidget(splitter);
    auto *rl = new QVBoxLayout(response);
    rl->setContentsMargins(0, 6, 0, 0);
    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(response);
    m_status->setObjectName(u"responseStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    QFont big = m_status->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_status->setFont(big);
    m_meta = new QLabel(response);
    m_meta->setObjectName(u"responseMeta"_s);
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_meta, 1);
    rl->addLayout(statusRow);
    m_diagnosis = new QLabel(response);
    m_diagnosis->setObjectName(u"responseDiagnosis"_s);
    m_diagnosis->setWordWrap(true);
    m_diagnosis->setTextFormat(Qt::PlainText);
    m_diagnosis->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diagnosis->setStyleSheet(boxStyle("#fff8e1", "#e6c86e", "#5d4300"));
    m_diagnosis->hide();
    rl->addWidget(m_diagnosis);
    m_responseTabs = new QTabWidget(response);
    m_responseBody = new QPlainTextEdit(response);
    m_responseBody->setObjectName(u"responseBody"_s);
    m_responseBody->setReadOnly(true);
    m_responseBody->setFont(monospace());
    m_responseHeaders = new KeyValueModel(tr("Header"), false, this);
    auto *responseHeadersView = keyValueView(m_responseHeaders, response);
    responseHeadersView->setObjectName(u"responseHeaders"_s);
    m_responseTabs->addTab(m_responseBody, tr("Body"));
    m_responseTabs->addTab(responseHeadersView, tr("Headers"));
    rl->addWidget(m_responseTabs, 1);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
}

void RequestsPanel::reloadItems()
{
    const QString current = m_item->currentData().toString();
    m_syncing = true;
    m_item->clear();
    //: Requests panel: the request carries no vault credential
    m_item->addItem(tr("None"), QString());
    if (m_vault) {
        // One insertion for all items: addItem() per item costs a model signal each, which with
        // 10,000 items was a quarter of the window's start-up.
        const QList<vault::Item> items = m_vault->items();
        QList<QStandardItem *> rows;
        rows.reserve(items.size());
        for (const vault::Item &item : items) {
            QString kind;
            switch (item.kind) {
            case vault::ItemKind::ApiKey:
                kind = tr("API key");
                break;
            case vault::ItemKind::Jwt:
                kind = tr("JWT");
                break;
            case vault::ItemKind::OAuth:
                kind = tr("OAuth connection");
                break;
            }
            auto *row = new QStandardItem(u"%1 (%2)"_s.arg(item.name, kind));
            row->setData(item.name, Qt::UserRole);
            rows.append(row);
        }
        if (auto *model = qobject_cast<QStandardItemModel *>(m_item->model()))
            model->invisibleRootItem()->appendRows(rows);
        else
            qDeleteAll(rows);
    }
    m_item->setCurrentIndex(qMax(0, m_item->findData(current)));
    m_syncing = false;
    itemChanged();
}

void RequestsPanel::itemChanged()
{
    if (m_syncing)
        return;
    const QString previous = m_placement->currentData().toString();
    m_syncing = true;
    m_placement->clear();
    std::optional<vault::Item> item;
    if (m_vault && m_item->currentIndex() > 0)
        item = m_vault->find(m_item->currentData().toString());
    if (item) {
        switch (item->kind) {
        case vault::ItemKind::ApiKey:
            //: Requests panel: the API key goes into this request header
            m_placement->addItem(tr("in header"), u"header"_s);
            //: Requests panel: the API key goes into this query parameter of the URL
            m_placement->addItem(tr("in query parameter"), u"query"_s);
            //: Requests panel: the API key goes into this cookie
            m_placement->addItem(tr("in cookie"), u"cookie"_s);
            m_placement->addItem(tr("as Basic password"), u"basic"_s);
            break;
        case vault::ItemKind::Jwt:
            m_placement->addItem(tr("as Bearer token"), u"bearer"_s);
            m_placement->addItem(tr("in cookie"), u"cookie"_s);
            m_placement->addItem(tr("as Basic password"), u"basic"_s);
            break;
        case vault::ItemKind::OAuth:
            m_placement->addItem(tr("as Bearer token"), u"bearer"_s);
            break;
        }
        m_placementEdit->setText(
            item->kind == vault::ItemKind::ApiKey ? item->headerName : QString());
    }
    m_placement->setCurrentIndex(qMax(0, m_placement->findData(previous)));
    m_placement->setEnabled(item.has_value());
    m_syncing = false;
    placementChanged();
}

void RequestsPanel::placementChanged()
{
    if (m_syncing)
        return;
    const QString p = m_placement->currentData().toString();
    m_placementEdit->setVisible(
        p == u"header"_s || p == u"basic"_s || p == u"query"_s || p == u"cookie"_s);
    if (p == u"query"_s) {
        m_placementEdit->setPlaceholderText(tr("Parameter name"));
    } else if (p == u"cookie"_s) {
        m_placementEdit->setPlaceholderText(tr("Cookie name"));
    } else if (p == u"header"_s) {
        m_placementEdit->setPlaceholderText(tr("Header name"));
        if (auto item = m_vault ? m_vault->find(m_item->currentData().toString()) : std::nullopt;
            item && m_placementEdit->text().isEmpty())
            m_placementEdit->setText(item->headerName);
    } else if (p == u"basic"_s) {
        m_placementEdit->setPlaceholderText(tr("User name"));
    }
    refreshFindings();
}

replay::AuthBinding RequestsPanel::currentBinding() const
{
    if (!m_vault || m_item->currentIndex() <= 0)
        return {};
    const std::optional<vault::Item> item = m_vault->find(m_item->currentData().toString());
    if (!item)
        return {};
    const QString p = m_placement->currentData().toString();
    replay::AuthBinding b = replay::bindingFor(*item);
    if (p == u"basic"_s) {
        b.kind = replay::AuthBinding::Kind::Basic;
        b.user = m_placementEdit->text();
        b.headerName.clear();
    } else if (p == u"header"_s && !m_placementEdit->text().trimmed().isEmpty()) {
        b.headerName = m_placementEdit->text().trimmed().toLatin1();
    } else if (p == u"query"_s || p == u"cookie"_s) {
        // The secret goes as it is: a JWT in a cookie is an API-key-style binding too.
        const bool query = p == u"query"_s;
        b.kind = replay::AuthBinding::Kind::ApiKey;
        b.placement =
            query ? replay::AuthBinding::Placement::Query : replay::AuthBinding::Placement::Cookie;
        const QString name = m_placementEdit->text().trimmed();
        b.headerName = name.isEmpty() ? (query ? "api_key"_ba : "session"_ba) : name.toUtf8();
    }
    return b;
}

bool RequestsPanel::setBinding(const replay::AuthBinding &binding)
{
    if (binding.kind == replay::AuthBinding::Kind::None) {
        m_item->setCurrentIndex(0);
        return true;
    }
    if (!bindItem(binding.item))
        return false;
    QString placement;
    QString text;
    switch (binding.kind) {
    case replay::AuthBinding::Kind::None:
        break;
    case replay::AuthBinding::Kind::Basic:
        placement = u"basic"_s;
        text = binding.user;
        break;
    case replay::AuthBinding::Kind::JwtBearer:
    case replay::AuthBinding::Kind::OAuth:
        placement = u"bearer"_s;
        break;
    case replay::AuthBinding::Kind::ApiKey:
        placement = binding.placement == replay::AuthBinding::Placement::Query ? u"query"_s
            : binding.placement == replay::AuthBinding::Placement::Cookie      ? u"cookie"_s
                                                                               : u"header"_s;
        text = QString::fromUtf8(binding.headerName);
        break;
    }
    if (const int index = m_placement->findData(placement); index >= 0)
        m_placement->setCurrentIndex(index);
    if (!text.isEmpty())
        m_placementEdit->setText(text);
    refreshFindings();
    return true;
}

bool RequestsPanel::bindItem(const QString &itemName, const QString &basicUser)
{
    const int index = m_item->findData(itemName);
    if (index < 0)
        return false;
    m_item->setCurrentIndex(index);
    itemChanged();
    if (!basicUser.isEmpty()) {
        m_placement->setCurrentIndex(m_placement->findData(u"basic"_s));
        m_placementEdit->setText(basicUser);
        refreshFindings();
    }
    return true;
}

replay::Request RequestsPanel::currentRequest() const
{
    replay::Request r = m_base;
    r.method = m_method->currentText().trimmed().toUpper().toLatin1();
    if (r.method.isEmpty())
        r.method = "GET";
    r.url = m_url->text().trimmed();
    r.headers.clear();
    for (const KeyValueModel::Row &row : m_headers->rows()) {
        if (!row.first.trimmed().isEmpty())
            r.headers.append({ row.first.trimmed().toLatin1(), row.second.toUtf8() });
    }
    if (!m_body->isReadOnly()) {
        const QString text = m_body->toPlainText();
        if (!text.isEmpty()) {
            r.body = text.toUtf8();
            if (r.bodyKind == replay::BodyKind::None)
                r.bodyKind = replay::BodyKind::Text;
        } else if (!(m_base.body && m_base.body->isEmpty())) {
            r.body.reset();
            r.bodyKind = replay::BodyKind::None;
        }
    }
    r.auth = currentBinding();
    return r;
}

void RequestsPanel::loadRequest(const replay::Request &request, const QStringList &notes)
{
    m_syncing = true;
    m_base = request;
    m_importNotes = notes;
    m_savedCollection.clear(); // loadSaved() sets them again
    m_savedName.clear();
    m_method->setCurrentText(QString::fromLatin1(request.method));
    m_url->setText(request.url);
    m_headers->setRows(rowsOf(request.headers));
    if (request.body && !replay::bodyText(*request.body).text.isEmpty()
        && replay::bodyText(*request.body).kind != replay::BodyText::Kind::Binary) {
        m_body->setReadOnly(false);
        m_body->setPlainText(QString::fromUtf8(*request.body));
    } else if (request.body && !request.body->isEmpty()) {
        // Binary bytes are sent as imported; the editor shows what they are.
        m_body->setReadOnly(true);
        const int n = int(request.body->size());
        m_body->setPlainText(n == 1
                ? tr("(1 byte of binary data, sent as imported)")
                : tr("(%n bytes of binary data, sent as imported)", nullptr, n));
    } else {
        m_body->setReadOnly(false);
        m_body->clear();
    }
    m_syncing = false;
    urlEdited();
    if (!setBinding(request.auth)) {
        // A saved or imported request may name an item this vault does not have.
        m_item->setCurrentIndex(0);
        m_importNotes.append(
            tr("the vault has no item \"%1\" for the request's credential").arg(request.auth.item));
    }
    m_allowOrigin->setChecked(false);
    refreshFindings();
}

void RequestsPanel::urlEdited()
{
    if (m_syncing)
        return;
    const QUrl url(m_url->text().trimmed(), QUrl::TolerantMode);
    QList<KeyValueModel::Row> rows;
    const QString query = url.query(QUrl::FullyEncoded);
    if (!query.isEmpty()) {
        for (const QString &pair : query.split(u'&')) {
            const auto decode = [](const QString &s) {
                QByteArray b = s.toUtf8();
                b.replace('+', ' ');
                return QUrl::fromPercentEncoding(b);
            };
            rows.append({ decode(pair.section(u'=', 0, 0)), decode(pair.section(u'=', 1)) });
        }
    }
    m_syncing = true;
    m_query->setRows(rows);
    m_syncing = false;
    refreshFindings();
}

void RequestsPanel::queryEdited()
{
    if (m_syncing)
        return;
    QUrl url(m_url->text().trimmed(), QUrl::TolerantMode);
    QStringList pairs;
    for (const KeyValueModel::Row &row : m_query->rows()) {
        if (row.first.isEmpty() && row.second.isEmpty())
            continue;
        pairs.append(QString::fromLatin1(QUrl::toPercentEncoding(row.first)) + u'='
            + QString::fromLatin1(QUrl::toPercentEncoding(row.second)));
    }
    url.setQuery(pairs.join(u'&'), QUrl::StrictMode);
    m_syncing = true;
    m_url->setText(url.toString(QUrl::FullyEncoded));
    m_syncing = false;
    refreshFindings();
}

void RequestsPanel::refreshFindings()
{
    if (m_syncing)
        return;
    // A request with {{variables}} is checked as it would be sent; until they resolve, only
    // why is shown (Send then says it again and sends nothing).
    const Result<replay::Request> resolved = requestToSend();
    const replay::Request r = resolved ? *resolved : currentRequest();
    const QString origin = replay::originOf(r.url);
    QStringList allowed;
    if (m_allowOrigin->isChecked() && !origin.isEmpty())
        allowed.append(origin);
    m_findings = resolved ? m_exchange->check(r, allowed) : jose::Findings {};
    const bool crossOrigin = jose::hasFinding(m_findings, u"credential-cross-origin"_s);
    m_allowOrigin->setVisible(crossOrigin || m_allowOrigin->isChecked());
    m_allowOrigin->setText(
        tr("Allow this credential to go to %1 for this request only").arg(origin));

    QStringList lines;
    for (const jose::Finding &f : std::as_const(m_findings))
        lines.append(
            u"%1 [%2] %3"_s.arg(f.isError() ? tr("Blocked:") : tr("Warning:"), f.id, f.message));
    for (const QString &n : std::as_const(m_importNotes))
        lines.append(tr("Note: %1").arg(n));
    if (!resolved)
        lines.append(tr("Note: %1").arg(resolved.error().message));
    m_findingsLabel->setText(lines.join(u'\n'));
    m_findingsLabel->setVisible(!lines.isEmpty());
    if (jose::hasError(m_findings))
        m_findingsLabel->setStyleSheet(boxStyle("#fdecea", "#e0a8a8", "#8b1a1a"));
    else if (!m_findings.isEmpty())
        m_findingsLabel->setStyleSheet(boxStyle("#fff8e1", "#e6c86e", "#5d4300"));
    else
        m_findingsLabel->setStyleSheet(boxStyle("#f1f3f4", "#d0d4d8", "#3c4043"));
    m_send->setEnabled(!isSending() && !r.url.isEmpty() && !jose::hasError(m_findings));
}

bool RequestsPanel::importCurl(const QString &command)
{
    replay::CurlContext ctx;
    ctx.workingDir = QDir::home();
    ctx.env = [](const QString &) -> std::optional<QByteArray> { return std::nullopt; };
    ctx.readStdin = nullptr; // a pasted command has no stdin
    Result<replay::CurlImport> imported = replay::importCurl(command.trimmed().toUtf8(), ctx);
    if (!imported) {
        m_status->setText(
            tr("The command could not be imported: %1").arg(imported.error().message));
        m_status->setStyleSheet(boxStyle("#fdecea", "#e0a8a8", "#8b1a1a"));
        return false;
    }
    QStringList notes = imported->notes;
    for (const QString &u : std::as_const(imported->unknownOptions))
        notes.append(tr("unknown curl option %1 (not applied)").arg(u));
    if (imported->requests.size() > 1)
        notes.append(tr("the command sends %n requests; the first one is loaded", nullptr,
            int(imported->requests.size())));
    m_redactions.clear();
    m_detected.clear();
    for (const replay::DetectedCredential &c : std::as_const(imported->credentials)) {
        m_redactions.append({ c.value, "\u2039redacted\u203a"_ba });
        if (c.request == 0)
            m_detected.append(c);
    }
    m_status->clear();
    m_status->setStyleSheet({});
    loadRequest(imported->requests.first(), notes);
    showCredentialOffer();
    return true;
}

void RequestsPanel::showCredentialOffer()
{
    const replay::Request r = currentRequest();
    QStringList stays;
    const replay::DetectedCredential *offer = nullptr;
    std::optional<replay::VaultCandidate> candidate;
    for (const replay::DetectedCredential &c : std::as_const(m_detected)) {
        QString why;
        auto cand = replay::vaultCandidate(r, c, &why);
        if (cand && !offer) {
            offer = &c;
            candidate = std::move(cand);
        } else if (!cand) {
            stays.append(why);
        }
    }
    if (!offer && stays.isEmpty()) {
        m_credentialBar->hide();
        return;
    }
    QString text;
    if (offer)
        text = tr("The pasted command carries a credential in the %1. Move it into the vault: the "
                  "request then keeps only a reference to the item.")
                   .arg(offer->where);
    for (const QString &s : std::as_const(stays))
        text += (text.isEmpty() ? QString() : u"\n"_s) + s;
    m_credentialLabel->setText(text);
    m_credentialName->setVisible(offer != nullptr);
    m_moveCredential->setVisible(offer != nullptr);
    if (candidate) {
        QString name = candidate->item.name;
        for (int n = 2; m_vault && m_vault->find(name); ++n)
            name = u"%1 %2"_s.arg(candidate->item.name).arg(n);
        m_credentialName->setText(name);
    }
    const bool canStore = m_vault && m_vault->keychainState() != vault::KeychainState::Unavailable;
    m_moveCredential->setEnabled(canStore);
    m_moveCredential->setToolTip(canStore ? QString() : tr("No keychain is reachable."));
    m_credentialBar->show();
}

void RequestsPanel::moveCredentialToVault()
{
    if (!m_vault)
        return;
    const replay::Request r = currentRequest();
    for (int i = 0; i < m_detected.size(); ++i) {
        const replay::DetectedCredential c = m_detected.at(i);
        std::optional<replay::VaultCandidate> cand = replay::vaultCandidate(r, c);
        if (!cand)
            continue;
        const QString name = m_credentialName->text().trimmed();
        if (name.isEmpty()) {
            m_credentialName->setFocus();
            return;
        }
        cand->item.name = name;
        cand->binding.item = name;
        m_moveCredential->setEnabled(false);
        const replay::AuthBinding binding = cand->binding;
        m_vault->addItem(cand->item, std::move(cand->secret), this,
            [this, c, binding, name](Result<vault::Item> added) {
                m_moveCredential->setEnabled(true);
                if (!added) {
                    m_credentialLabel->setText(tr("Not moved: %1").arg(added.error().message));
                    return;
                }
                replay::Request req = currentRequest();
                replay::removeCredential(req, c);
                m_syncing = true;
                m_headers->setRows(rowsOf(req.headers));
                m_url->setText(req.url); // a key in the query leaves the URL
                m_syncing = false;
                urlEdited();
                m_detected.removeIf([&c](const replay::DetectedCredential &d) {
                    return d.kind == c.kind && d.name == c.name;
                });
                reloadItems();
                setBinding(binding);
                showCredentialOffer();
                refreshFindings();
                Q_EMIT statusMessage(
                    tr("The credential is now the vault item \"%1\"; the request refers to it.")
                        .arg(name),
                    kStatusMs);
                Q_EMIT credentialMoved(name);
            });
        return;
    }
}

bool RequestsPanel::isSending() const { return m_exchange->isBusy(); }

void RequestsPanel::setSending(bool sending)
{
    m_cancel->setEnabled(sending && m_exchange->isBusy());
    m_pasteCurl->setEnabled(!sending);
    m_importHar->setEnabled(!sending);
    m_send->setEnabled(!sending && !jose::hasError(m_findings));
}

void RequestsPanel::send()
{
    if (m_exchange->isBusy())
        return;
    const Result<replay::Request> resolved = requestToSend();
    if (!resolved) {
        showError(tr("Not sent: %1").arg(resolved.error().message));
        return;
    }
    const replay::Request &r = *resolved;
    if (r.url.isEmpty())
        return;
    QStringList allowed;
    if (m_allowOrigin->isChecked())
        allowed.append(replay::originOf(r.url));
    m_status->setText(tr("Sending…"));
    m_status->setStyleSheet({});
    m_meta->clear();
    m_diagnosis->hide();
    m_responseBody->clear();
    m_responseHeaders->setRows({});
    m_exchange->start(r, allowed, m_redactions, [this](replay::ExchangeOutcome outcome) {
        setSending(false);
        showOutcome(outcome);
        Q_EMIT exchanged();
    });
    setSending(m_exchange->isBusy());
}

void RequestsPanel::cancel() { m_exchange->abort(); }

void RequestsPanel::showOutcome(const replay::ExchangeOutcome &outcome)
{
    if (outcome.response) {
        showResponse(outcome.shown, *outcome.response, outcome.diagnosis);
    } else if (outcome.error) {
        const QString id = outcome.error->id;
        m_status->setText(id == u"cancelled"_s ? tr("Cancelled.")
                : id == u"blocked"_s           ? tr("Not sent: a finding above blocks it.")
                                               : tr("No answer: %1").arg(outcome.error->message));
        m_status->setStyleSheet(u"QLabel { color: #b71c1c; }"_s);
        m_meta->clear();
        m_diagnosis->hide();
    }
    if (!outcome.historyError.isEmpty())
        Q_EMIT statusMessage(tr("Not recorded in the history: %1").arg(outcome.historyError), 0);
}

void RequestsPanel::showResponse(const replay::Request &shown, const replay::Response &response,
    const QList<replay::Diagnosis> &diagnosis)
{
    Q_UNUSED(shown)
    m_status->setText(u"%1 %2"_s.arg(response.status).arg(QString::fromLatin1(response.reason)));
    const char *colour = response.status >= 400 ? "#b71c1c"
        : response.status >= 300                ? "#8d6e00"
                                                : "#2e7d32";
    m_status->setStyleSheet(u"QLabel { color: %1; }"_s.arg(QLatin1StringView(colour)));
    QString meta = tr("%1 · %2 ms total · %3 ms to first byte")
                       .arg(QLocale().formattedDataSize(response.body.size()))
                       .arg(response.timeMs)
                       .arg(response.ttfbMs);
    if (response.redirects > 0)
        meta += u" · "_s
            + (response.redirects == 1 ? tr("1 redirect")
                                       : tr("%n redirects", nullptr, response.redirects));
    m_meta->setText(meta);

    QStringList lines;
    for (const replay::Diagnosis &d : diagnosis)
        lines.append(d.message);
    lines += response.notes;
    m_diagnosis->setText(lines.join(u'\n'));
    m_diagnosis->setVisible(!lines.isEmpty());

    QByteArray contentType;
    for (const replay::Header &h : response.headers) {
        if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            contentType = h.second;
    }
    const replay::BodyText body = replay::bodyText(response.body, contentType);
    QString text = body.text;
    if (body.truncated)
        text += u"\n"_s
            + tr("(hex dump cut off; %1 in all)")
                  .arg(QLocale().formattedDataSize(response.body.size()));
    m_responseBody->setPlainText(text);
    QString tab;
    switch (body.kind) {
    case replay::BodyText::Kind::Empty:
        tab = tr("Body (empty)");
        break;
    case replay::BodyText::Kind::Json:
        tab = tr("Body (JSON)");
        break;
    case replay::BodyText::Kind::Text:
        tab = tr("Body");
        break;
    case replay::BodyText::Kind::Binary:
        tab = tr("Body (binary, hex)");
        break;
    }
    m_responseTabs->setTabText(0, tab);
    m_responseHeaders->setRows(rowsOf(response.headers));
}

void RequestsPanel::pasteCurl()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"pasteCurlDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Paste curl command"));
    auto *layout = new QVBoxLayout(dialog);
    auto *hint = new QLabel(tr("Paste a curl command, e.g. from the browser's developer tools "
                               "(\"Copy as cURL\"). Nothing is sent yet."),
        dialog);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *edit = new QPlainTextEdit(dialog);
    edit->setObjectName(u"curlInput"_s);
    edit->setFont(monospace());
    edit->setPlaceholderText(
        u"curl 'https://api.example.com/v1/me' -H 'Authorization: Bearer …'"_s);
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, edit] {
        if (importCurl(edit->toPlainText()))
            dialog->accept();
        else
            edit->setFocus();
    });
    dialog->resize(640, 320);
    dialog->open();
}

void RequestsPanel::chooseHarFile()
{
    auto *dialog = new QFileDialog(
        this, tr("Import HAR"), QDir::homePath(), tr("HAR files (*.har *.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &RequestsPanel::importHarFile);
    dialog->open();
}

void RequestsPanel::importHarFile(const QString &path)
{
    if (m_harWatcher->isRunning())
        return;
    m_progress->show();
    m_pasteCurl->setEnabled(false);
    m_importHar->setEnabled(false);
    Q_EMIT statusMessage(tr("Reading %1…").arg(path), 0);
    auto promise = std::make_shared<QPromise<HarLoad>>();
    m_harWatcher->setFuture(promise->future());
    promise->start();
    // Parsing a 50 MB HAR takes a while: off the UI thread, so the window keeps painting.
    QThreadPool::globalInstance()->start([promise, path] {
        HarLoad load;
        Result<QByteArray> bytes = io::readFile(path, kMaxHarBytes);
        if (!bytes) {
            load.error = bytes.error().message;
        } else {
            Result<QList<replay::HarEntry>> entries = replay::importHar(*bytes);
            if (entries)
                load.entries = std::move(entries).value();
            else
                load.error = entries.error().message;
        }
        promise->addResult(load);
        promise->finish();
    });
}

void RequestsPanel::pickHarEntry()
{
    if (m_harEntries.isEmpty()) {
        m_status->setText(tr("The HAR file has no entries."));
        return;
    }
    auto *dialog = new HarPickerDialog(m_harEntries, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const int index = dialog->selectedIndex();
        if (index < 0 || index >= m_harEntries.size())
            return;
        const replay::HarEntry &e = m_harEntries.at(index);
        m_detected.clear();
        m_redactions.clear();
        m_credentialBar->hide();
        // A recorded Authorization or Cookie value stays out of the history all the same, and
        // the credentials the browser sent are offered for the vault, as a pasted curl's are.
        for (const replay::Header &h : e.request.headers) {
            const QByteArray name = h.first.toLower();
            if (name == "authorization" || name == "proxy-authorization" || name == "cookie")
                m_redactions.append({ h.second, "\u2039redacted\u203a"_ba });
        }
        m_detected = replay::detectCredentials(e.request);
        for (const replay::DetectedCredential &c : std::as_const(m_detected))
            m_redactions.append({ c.value, "\u2039redacted\u203a"_ba });
        loadRequest(e.request, e.notes);
        showCredentialOffer();
    });
    dialog->open();
}

// --- Saved requests ---------------------------------------------------------------------------

void RequestsPanel::showError(const QString &text)
{
    m_status->setText(text);
    m_status->setStyleSheet(boxStyle("#fdecea", "#e0a8a8", "#8b1a1a"));
}

QString RequestsPanel::storeProblem() const
{
    return m_storeError.isEmpty() ? tr("saved requests need the vault's database.") : m_storeError;
}

QString RequestsPanel::currentCollection() const
{
    const replay::Collection *c = m_savedModel->collectionAt(m_savedView->currentIndex());
    return c ? c->name : QString();
}

Result<replay::Request> RequestsPanel::requestToSend() const
{
    // Always through resolveRequest: a request without variables still takes its collection's
    // CA file.
    const replay::Collection *c = m_savedModel->collection(currentCollection());
    return replay::resolveRequest(c ? *c : replay::Collection {},
        replay::SavedRequest { {}, currentRequest() }, m_environment->currentData().toString());
}

void RequestsPanel::reloadSaved()
{
    if (!m_store) {
        fillEnvironments();
        return;
    }
    QStringList unreadable;
    Result<QList<replay::Collection>> all = m_store->list(&unreadable);
    if (!all) {
        showError(tr("The saved requests cannot be read: %1").arg(all.error().message));
        return;
    }
    if (!unreadable.isEmpty())
        showError(tr("A saved collection cannot be read: %1").arg(unreadable.join(u"; "_s)));
    // The loaded request stays selected; otherwise whatever was.
    const QModelIndex current = m_savedView->currentIndex();
    QString collection = m_savedCollection;
    QString name = m_savedName;
    if (collection.isEmpty() && current.isValid()) {
        collection = current.data(CollectionsModel::CollectionRole).toString();
        name = current.data(CollectionsModel::RequestRole).toString();
    }
    m_restoringSaved = true;
    m_savedModel->setCollections(*all);
    m_savedView->expandAll();
    QModelIndex restore = m_savedModel->indexOf(collection, name);
    if (!restore.isValid())
        restore = m_savedModel->indexOf(collection);
    if (restore.isValid())
        m_savedView->setCurrentIndex(restore);
    m_restoringSaved = false;
    fillEnvironments();
}

void RequestsPanel::savedCurrentChanged(const QModelIndex &current)
{
    fillEnvironments();
    if (m_restoringSaved)
        return;
    const replay::SavedRequest *s = m_savedModel->requestAt(current);
    const QString collection = current.data(CollectionsModel::CollectionRole).toString();
    if (s && (collection != m_savedCollection || s->name != m_savedName))
        loadSaved(collection, s->name);
}

void RequestsPanel::fillEnvironments()
{
    const QString chosen = m_environment->currentData().toString();
    const replay::Collection *c = m_savedModel->collection(currentCollection());
    {
        const QSignalBlocker block(m_environment);
        m_environment->clear();
        //: Requests panel: send a saved request without an environment's {{variables}}
        m_environment->addItem(tr("No environment"), QString());
        if (c) {
            for (const replay::Environment &e : c->environments)
                m_environment->addItem(e.name, e.name);
        }
        m_environment->setCurrentIndex(qMax(0, m_environment->findData(chosen)));
        m_environment->setEnabled(m_environment->count() > 1);
    }
    m_editEnvironment->setEnabled(c != nullptr);
    refreshFindings();
}

bool RequestsPanel::loadSaved(const QString &collection, const QString &name)
{
    const replay::Collection *c = m_savedModel->collection(collection);
    const replay::SavedRequest *s = c ? c->request(name) : nullptr;
    if (!s) {
        showError(tr("There is no saved request \"%1\" in \"%2\".").arg(name, collection));
        return false;
    }
    const replay::Request request = s->request;
    m_detected.clear();
    m_redactions.clear();
    m_credentialBar->hide();
    m_status->clear();
    m_status->setStyleSheet({});
    loadRequest(request);
    m_savedCollection = collection;
    m_savedName = name;
    const QModelIndex index = m_savedModel->indexOf(collection, name);
    if (m_savedView->currentIndex() != index) {
        m_restoringSaved = true;
        m_savedView->setCurrentIndex(index);
        m_restoringSaved = false;
        fillEnvironments();
    }
    return true;
}

bool RequestsPanel::saveRequestAs(const QString &collection, const QString &name)
{
    if (!m_store) {
        showError(tr("Not saved: %1").arg(storeProblem()));
        return false;
    }
    replay::SavedRequest saved { name.trimmed(), currentRequest() };
    // The credential is the binding's item, read at send time: what the binding writes would
    // only hold a stale copy of it.
    replay::removeBoundCredential(saved.request);
    saved.request.reads.clear();
    const QString target = collection.trimmed();
    const Result<void> done = m_store->saveRequest(target, saved);
    if (!done) {
        showError(tr("Not saved: %1").arg(done.error().message));
        return false;
    }
    m_savedCollection = target;
    m_savedName = saved.name;
    reloadSaved();
    m_status->clear();
    m_status->setStyleSheet({});
    Q_EMIT statusMessage(
        tr("Saved as \"%1\" in the collection \"%2\".").arg(saved.name, target), kStatusMs);
    return true;
}

bool RequestsPanel::removeSaved(const QString &collection, const QString &name)
{
    if (!m_store)
        return false;
    const Result<void> done =
        name.isEmpty() ? m_store->remove(collection) : m_store->removeRequest(collection, name);
    if (!done) {
        showError(tr("Not deleted: %1").arg(done.error().message));
        return false;
    }
    if (m_savedCollection == collection && (name.isEmpty() || m_savedName == name)) {
        m_savedCollection.clear(); // the editor keeps the request, now unsaved
        m_savedName.clear();
    }
    reloadSaved();
    Q_EMIT statusMessage(name.isEmpty() ? tr("The collection \"%1\" was deleted.").arg(collection)
                                        : tr("The saved request \"%1\" was deleted.").arg(name),
        kStatusMs);
    return true;
}

void RequestsPanel::deleteSelectedSaved()
{
    const QModelIndex index = m_savedView->currentIndex();
    const replay::Collection *c = m_savedModel->collectionAt(index);
    if (!c)
        return;
    const replay::SavedRequest *s = m_savedModel->requestAt(index);
    const QString collection = c->name;
    const QString name = s ? s->name : QString();
    const QString question = s
        ? tr("Delete the saved request \"%1\" of the collection \"%2\"?").arg(name, collection)
        : tr("Delete the collection \"%1\" with its saved requests and environments?")
              .arg(collection);
    confirm(this, u"deleteSavedConfirm"_s, tr("Delete Saved Request"), question, tr("Delete"),
        [this, collection, name] { removeSaved(collection, name); });
}

void RequestsPanel::saveRequest()
{
    if (!m_store) {
        saveRequestAs({}, {}); // says why
        return;
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"saveRequestDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save Request"));
    auto *layout = new QVBoxLayout(dialog);
    auto *hint = new QLabel(tr("The request is saved without its credential: it names the vault "
                               "item bound to it. {{name}} placeholders are filled from the "
                               "collection's environment when it is sent."),
        dialog);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    layout->addWidget(hint);
    auto *form = new QFormLayout;
    auto *collection = new QComboBox(dialog);
    collection->setObjectName(u"saveCollection"_s);
    collection->setEditable(true);
    for (const replay::Collection &c : m_savedModel->collections())
        collection->addItem(c.name);
    collection->setCurrentText(
        m_savedCollection.isEmpty() ? currentCollection() : m_savedCollection);
    auto *name = new QLineEdit(m_savedName, dialog);
    name->setObjectName(u"saveName"_s);
    form->addRow(tr("Collection:"), collection);
    form->addRow(tr("Name:"), name);
    layout->addLayout(form);
    addSaveButtons(dialog, layout, u"saveError"_s, m_status, [this, collection, name] {
        return saveRequestAs(collection->currentText(), name->text()); // the editor stays as is
    });
    (m_savedCollection.isEmpty() && collection->currentText().isEmpty() ? collection->lineEdit()
                                                                        : name)
        ->setFocus();
    dialog->resize(480, dialog->sizeHint().height());
    dialog->open();
}

bool RequestsPanel::exportCollectionFile(const QString &collection, const QString &path)
{
    const replay::Collection *c = m_savedModel->collection(collection);
    if (!c) {
        showError(tr("Not exported: there is no collection \"%1\".").arg(collection));
        return false;
    }
    if (const Result<void> written = io::writeFile(path, replay::exportCollection(*c)); !written) {
        showError(tr("Not exported: %1").arg(written.error().message));
        return false;
    }
    Q_EMIT statusMessage(tr("The collection \"%1\" was written to %2.")
                             .arg(collection, QDir::toNativeSeparators(path)),
        kStatusMs);
    return true;
}

void RequestsPanel::chooseCollectionExport()
{
    const QString collection = currentCollection();
    if (collection.isEmpty()) {
        showError(tr("Select the collection to export."));
        return;
    }
    auto *dialog = new QFileDialog(
        this, tr("Export Collection"), QDir::homePath(), tr("Collections (*.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"json"_s);
    dialog->selectFile(collection + u".json"_s);
    connect(dialog, &QFileDialog::fileSelected, this,
        [this, collection](const QString &path) { exportCollectionFile(collection, path); });
    dialog->open();
}

bool RequestsPanel::importCollectionFile(const QString &path)
{
    if (!m_store) {
        showError(tr("Not imported: %1").arg(storeProblem()));
        return false;
    }
    const Result<QByteArray> bytes = io::readFile(path, kMaxCollectionBytes);
    if (!bytes) {
        showError(tr("Not imported: %1").arg(bytes.error().message));
        return false;
    }
    Result<replay::Collection> imported = replay::importCollection(*bytes);
    if (!imported) {
        showError(tr("Not imported: %1").arg(imported.error().message));
        return false;
    }
    const replay::Collection collection = std::move(imported).value();
    if (!m_savedModel->collection(collection.name)) {
        putImported(collection);
        return true;
    }
    confirm(this, u"replaceCollectionConfirm"_s, tr("Import Collection"),
        tr("A collection named \"%1\" exists. Replace it with the one from the file? Its saved "
           "requests and environments are lost.")
            .arg(collection.name),
        tr("Replace"), [this, collection] { putImported(collection); });
    return true;
}

void RequestsPanel::putImported(const replay::Collection &collection)
{
    const Result<void> done = m_store->put(collection);
    if (!done) {
        showError(tr("Not imported: %1").arg(done.error().message));
        return;
    }
    reloadSaved();
    if (m_savedCollection.isEmpty())
        m_savedView->setCurrentIndex(m_savedModel->indexOf(collection.name));
    Q_EMIT statusMessage(tr("The collection \"%1\" was imported.").arg(collection.name), kStatusMs);
}

void RequestsPanel::chooseCollectionImport()
{
    auto *dialog = new QFileDialog(
        this, tr("Import Collection"), QDir::homePath(), tr("Collections (*.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this,
        [this](const QString &path) { importCollectionFile(path); });
    dialog->open();
}

bool RequestsPanel::saveEnvironment(const QString &collection,
    const replay::Environment &environment, const std::optional<QString> &editing)
{
    if (!m_store)
        return false;
    const Result<void> done = m_store->saveEnvironment(collection, environment, editing);
    if (!done) {
        showError(tr("The environment was not saved: %1").arg(done.error().message));
        return false;
    }
    reloadSaved();
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(environment.name)));
    Q_EMIT statusMessage(
        tr("The environment \"%1\" of \"%2\" was saved.").arg(environment.name, collection),
        kStatusMs);
    return true;
}

bool RequestsPanel::removeEnvironment(const QString &collection, const QString &name)
{
    if (!m_store)
        return false;
    const Result<void> done = m_store->removeEnvironment(collection, name);
    if (!done) {
        showError(tr("Not deleted: %1").arg(done.error().message));
        return false;
    }
    reloadSaved();
    Q_EMIT statusMessage(
        tr("The environment \"%1\" of \"%2\" was deleted.").arg(name, collection), kStatusMs);
    return true;
}

void RequestsPanel::editEnvironment()
{
    const replay::Collection *c = m_savedModel->collection(currentCollection());
    if (!c)
        return;
    const QString collection = c->name;
    const replay::Environment *current = c->environment(m_environment->currentData().toString());
    // The name it had when the dialog opened ("" for a new one): a changed name renames it.
    const QString editing = current ? current->name : u""_s;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"environmentDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(current ? tr("Environment of \"%1\"").arg(collection)
                                   : tr("New Environment of \"%1\"").arg(collection));
    auto *layout = new QVBoxLayout(dialog);
    auto *hint = new QLabel(tr("Values for the {{name}} placeholders of the collection's requests. "
                               "They are stored in plain text and exported: a secret belongs in "
                               "the vault, bound to the request as its credential."),
        dialog);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    layout->addWidget(hint);
    auto *form = new QFormLayout;
    auto *name = new QLineEdit(current ? current->name : QString(), dialog);
    name->setObjectName(u"environmentName"_s);
    form->addRow(tr("Name:"), name);
    layout->addLayout(form);
    auto *variables = new KeyValueModel(tr("Variable"), true, dialog);
    QList<KeyValueModel::Row> rows;
    if (current) {
        for (auto it = current->variables.cbegin(); it != current->variables.cend(); ++it)
            rows.append({ it.key(), it.value() });
    }
    variables->setRows(rows);
    auto *view = keyValueView(variables, dialog);
    view->setObjectName(u"environmentVariables"_s);
    view->setAccessibleName(tr("Variables"));
    layout->addWidget(withRowButtons(view, variables, dialog), 1);
    if (current) {
        auto *remove =
            new QPushButton(QIcon(u":/icons/delete.svg"_s), tr("Delete Environment…"), dialog);
        remove->setObjectName(u"deleteEnvironment"_s);
        remove->setAutoDefault(false);
        auto *row = new QHBoxLayout;
        row->addWidget(remove);
        row->addStretch();
        layout->addLayout(row);
        connect(remove, &QPushButton::clicked, dialog, [this, dialog, collection, editing] {
            confirm(dialog, u"deleteEnvironmentConfirm"_s, tr("Delete Environment"),
                tr("Delete the environment \"%1\" of \"%2\" and its variables?")
                    .arg(editing, collection),
                tr("Delete"), [this, dialog, collection, editing] {
                    if (removeEnvironment(collection, editing)) {
                        dialog->accept();
                    } else if (auto *error = dialog->findChild<QLabel *>(u"environmentError"_s)) {
                        error->setText(m_status->text()); // why, inside the dialog too
                        error->show();
                    }
                });
        });
    }
    addSaveButtons(dialog, layout, u"environmentError"_s, m_status,
        [this, collection, editing, name, variables] {
            replay::Environment edited { name->text().trimmed(), {} };
            for (const KeyValueModel::Row &row : variables->rows()) {
                if (!row.first.trimmed().isEmpty())
                    edited.variables.insert(row.first.trimmed(), row.second);
            }
            return saveEnvironment(collection, edited, editing);
        });
    dialog->resize(520, 360);
    dialog->open();
}

} // namespace keyhaven::ui
