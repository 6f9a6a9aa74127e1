// ui/panels/inspectorpanel.cpp — the Token Inspector: paste a token, read it, verify it offline.
#include "panels/inspectorpanel.h"
#include "oauth/connectionmanager.h"
#include "oauth/jwkscache.h"

#include "models/inspectionmodels.h"
#include "panels/lifetimebar.h"
#include "theme.h"
#include "vault/vault.h"

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QSyntaxHighlighter>
#include <QTableView>
#include <QThreadPool>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

namespace {

constexpr int kStatusMs = 5000;

// Colours the segments of the token as typed: header, payload, signature (and the five parts of
// a JWE), in the tones of the current light or dark palette.
class TokenHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        // Colouring a huge single line doubles what Qt's text layout costs on the UI thread.
        if (text.size() > jose::kInspectOffThreadAbove)
            return;
        using Role = jose::Segment::Role;
        for (const jose::Segment &s : jose::segmentRanges(text)) {
            theme::Tone tone = theme::Tone::TokenExtra;
            switch (s.role) {
            case Role::Header:
                tone = theme::Tone::TokenHeader;
                break;
            case Role::Payload:
            case Role::Ciphertext:
                tone = theme::Tone::TokenPayload;
                break;
            case Role::Signature:
            case Role::Tag:
                tone = theme::Tone::TokenSignature;
                break;
            case Role::EncryptedKey:
            case Role::Iv:
                tone = theme::Tone::TokenKey;
                break;
            case Role::Extra:
                break;
            }
            const QColor c = theme::color(tone);
            setFormat(int(s.start), int(s.length), c);
        }
    }
};

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

InspectorPanel::InspectorPanel(vault::Vault *vault, QWidget *parent, Clock clock)
    : QWidget(parent)
    , m_vault(vault)
    , m_clock(std::move(clock))
    , m_input(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_lifetime(new LifetimeBar(this))
    , m_tree(new QTreeView(this))
    , m_claims(new ClaimTreeModel(this))
    , m_keySource(new QComboBox(this))
    , m_keyEdit(new QPlainTextEdit(this))
    , m_algs(new QLineEdit(this))
    , m_fromIssuer(new QPushButton(tr("From issuer…"), this))
    , m_copyClaims(
          new QPushButton(theme::icon(u":/icons/copy.svg"_s), tr("Copy claims as JSON"), this))
    , m_verdict(new QLabel(this))
    , m_findingsView(new QTableView(this))
    , m_findings(new FindingsModel(this))
    , m_noFindings(new QLabel(this))
    , m_watcher(new QFutureWatcher<jose::InspectOutcome>(this))
{
    setObjectName(u"panel-inspector"_s);
    auto *layout = new QVBoxLayout(this);

    auto *description = new QLabel(
        tr("Paste or drop a token (a leading \"Bearer \" is fine). Everything stays on this "
           "computer: the token is decoded and checked here, and no key is ever fetched."),
        this);
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(description);

    m_input->setObjectName(u"tokenInput"_s);
    m_input->setPlaceholderText(tr("eyJhbGciOi… — header.payload.signature"));
    m_input->setWordWrapMode(QTextOption::WrapAnywhere);
    m_input->setTabChangesFocus(true);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_input->setFont(mono);
    m_input->setFixedHeight(m_input->fontMetrics().height() * 5 + 12);
    new TokenHighlighter(m_input->document());
    layout->addWidget(m_input);

    m_error->setObjectName(u"inspectorError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    theme::styleMessageLabel(m_error, false);
    m_error->hide();
    layout->addWidget(m_error);

    auto *summaryRow = new QHBoxLayout;
    m_summary->setObjectName(u"inspectorSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    summaryRow->addWidget(m_summary, 1);
    m_copyClaims->setObjectName(u"copyClaimsButton"_s);
    m_copyClaims->setAutoDefault(false);
    m_copyClaims->setEnabled(false);
    summaryRow->addWidget(m_copyClaims);
    layout->addLayout(summaryRow);
    layout->addWidget(m_lifetime);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_tree->setObjectName(u"claimTree"_s);
    //: Inspector: the tree of the token's header and payload members
    m_tree->setAccessibleName(tr("Token contents"));
    m_tree->setModel(m_claims);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(true);
    splitter->addWidget(m_tree);

    auto *verifyBox = new QGroupBox(tr("Verification"), splitter);
    auto *vlayout = new QVBoxLayout(verifyBox);
    auto *form = new QFormLayout;
    m_keySource->setObjectName(u"keySource"_s);
    m_keySource->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_keySource->setMinimumContentsLength(16);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_keySource, 1);
    m_fromIssuer->setObjectName(u"fromIssuerButton"_s);
    m_fromIssuer->setEnabled(false); // until setConnections()
    m_fromIssuer->setToolTip(
        tr("Fetch the keys the issuer publishes (OpenID discovery, then its JWKS) and check that "
           "the token's \"iss\" names that issuer. The inspector goes online only when you ask "
           "it to, and never follows a URL found in the token."));
    sourceRow->addWidget(m_fromIssuer);
    form->addRow(tr("Key:"), sourceRow);
    m_keyEdit->setObjectName(u"keyEdit"_s);
    m_keyEdit->setTabChangesFocus(true); // a PEM or JWK has no tabs; Tab must not trap
    m_keyEdit->setPlaceholderText(
        tr("Paste a PEM public key or certificate, a JWK or JWKS, or an HMAC secret"));
    m_keyEdit->setFont(mono);
    m_keyEdit->setMinimumHeight(m_keyEdit->fontMetrics().height() * 4);
    form->addRow(m_keyEdit);
    m_algs->setObjectName(u"allowedAlgs"_s);
    m_algs->setPlaceholderText(tr("from the key type, e.g. RS256, ES256"));
    m_algs->setToolTip(tr("Comma-separated. The token's own \"alg\" is never trusted on its own "
                          "(RFC 8725 §3.1)."));
    form->addRow(tr("Allowed &algorithms:"), m_algs);
    vlayout->addLayout(form);
    m_verdict->setObjectName(u"verdictLabel"_s);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    vlayout->addWidget(m_verdict);
    vlayout->addWidget(sectionLabel(tr("Findings"), verifyBox));
    m_findingsView->setObjectName(u"findingsView"_s);
    m_findingsView->setModel(m_findings);
    m_findingsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Rows, not cells: Tab leaves the table instead of walking its cells (a keyboard trap).
    m_findingsView->setTabKeyNavigation(false);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findingsView->setWordWrap(true);
    m_findingsView->verticalHeader()->hide();
    m_findingsView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_findingsView->horizontalHeader()->setSectionResizeMode(
        FindingsModel::MessageColumn, QHeaderView::Stretch);
    for (int c : { int(FindingsModel::SeverityColumn), int(FindingsModel::IdColumn),
             int(FindingsModel::ReferenceColumn) })
        m_findingsView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    vlayout->addWidget(m_findingsView, 1);
    m_noFindings->setObjectName(u"noFindingsLabel"_s);
    m_noFindings->setWordWrap(true);
    m_noFindings->setForegroundRole(QPalette::PlaceholderText);
    vlayout->addWidget(m_noFindings);
    vlayout->addStretch(0);
    splitter->addWidget(verifyBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 640, 460 });
    layout->addWidget(splitter, 1);

    fillKeySources();
    connect(m_input, &QPlainTextEdit::textChanged, this, &InspectorPanel::refresh);
    connect(m_keyEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_fillingIssuerKeys)
            m_expectedIssuer.clear(); // the user's own key: no issuer to expect
        if (!m_keyEdit->toPlainText().trimmed().isEmpty() && m_keySource->currentIndex() == NoKey)
            m_keySource->setCurrentIndex(PastedKey);
        refresh();
    });
    connect(m_algs, &QLineEdit::textChanged, this, &InspectorPanel::refresh);
    connect(m_keySource, &QComboBox::currentIndexChanged, this, &InspectorPanel::keySourceChanged);
    connect(m_copyClaims, &QPushButton::clicked, this, &InspectorPanel::copyClaimsJson);
    connect(m_fromIssuer, &QPushButton::clicked, this, &InspectorPanel::askIssuer);
    connect(
        m_findingsView, &QTableView::doubleClicked, this, &InspectorPanel::openFindingReference);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
        // A newer input (inspected synchronously, or another worker) wins over a late result.
        if (m_workerGeneration == m_generation && m_watcher->future().resultCount() > 0)
            apply(m_watcher->future().result());
    });
    if (vault) {
        connect(vault, &vault::Vault::itemAdded, this, &InspectorPanel::fillKeySources);
        connect(vault, &vault::Vault::itemRemoved, this, &InspectorPanel::fillKeySources);
        connect(vault, &vault::Vault::itemUpdated, this, &InspectorPanel::fillKeySources);
        connect(vault, &vault::Vault::itemsChanged, this, &InspectorPanel::fillKeySources);
    }
    apply({});
}

InspectorPanel::~InspectorPanel() = default;

void InspectorPanel::fillKeySources()
{
    const QVariant current = m_keySource->currentData();
    const int currentIndex = m_keySource->currentIndex();
    const QSignalBlocker block(m_keySource);
    m_keySource->clear();
    m_keySource->addItem(tr("No key: read only"));
    m_keySource->addItem(tr("Pasted key (below)"));
    if (m_vault) {
        // One insertion for all keys (addItem() per item costs a model signal each).
        const QIcon icon(u":/icons/api-key.svg"_s);
        QList<QStandardItem *> rows;
        for (const vault::Item &item : m_vault->items()) {
            if (item.kind != vault::ItemKind::ApiKey)
                continue;
            auto *row = new QStandardItem(icon, tr("Vault: %1").arg(item.name));
            row->setData(item.id, Qt::UserRole);
            rows.append(row);
        }
        if (auto *model = qobject_cast<QStandardItemModel *>(m_keySource->model()))
            model->invisibleRootItem()->appendRows(rows);
        else
            qDeleteAll(rows);
    }
    const int again = current.isValid() ? m_keySource->findData(current) : -1;
    if (again >= 0)
        m_keySource->setCurrentIndex(again);
    else if (currentIndex == PastedKey)
        m_keySource->setCurrentIndex(PastedKey);
}

void InspectorPanel::keySourceChanged()
{
    m_vaultKey.clear();
    const int index = m_keySource->currentIndex();
    m_keyEdit->setEnabled(index == PastedKey || index == NoKey);
    if (index < VaultKey || !m_vault) {
        refresh();
        return;
    }
    const QUuid id = m_keySource->currentData().toUuid();
    const std::optional<vault::Item> item = m_vault->find(id.toString());
    if (!item) {
        refresh();
        return;
    }
    m_vault->readSecret(id, item->primaryField(), this, [this, id](Result<SecretBytes> r) {
        if (m_keySource->currentData().toUuid() != id)
            return; // another source was chosen meanwhile
        if (!r) {
            m_verdict->setText(
                tr("The key could not be read from the keychain: %1").arg(r.error().message));
            return;
        }
        m_vaultKey = std::move(*r);
        refresh();
    });
}

void InspectorPanel::setToken(const QString &text) { m_input->setPlainText(text); }

void InspectorPanel::setPastedKey(const QString &text)
{
    m_keyEdit->setPlainText(text);
    m_keySource->setCurrentIndex(text.trimmed().isEmpty() ? NoKey : PastedKey);
}

void InspectorPanel::setAllowedAlgs(const QString &commaSeparated)
{
    m_algs->setText(commaSeparated);
}

void InspectorPanel::askIssuer()
{
    // The token's own "iss" is only a suggestion: the user sees and confirms where to go.
    const QString iss = QJsonDocument::fromJson(m_outcome.inspection.claimsJson())
                            .object()
                            .value(u"iss"_s)
                            .toString();
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"issuerDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keys from an Issuer"));
    dialog->setLabelText(tr("Issuer URL (HTTPS, or HTTP on this machine). Keyhaven reads its "
                            "OpenID discovery document, then the keys it publishes:"));
    dialog->setTextValue(iss.isEmpty() ? m_expectedIssuer : iss);
    connect(dialog, &QInputDialog::textValueSelected, this,
        [this](const QString &text) { fetchIssuerKeys(text.trimmed()); });
    dialog->open();
}

void InspectorPanel::setConnections(oauth::ConnectionManager *connections)
{
    m_issuerKeys = connections;
    m_fromIssuer->setEnabled(connections != nullptr);
}

void InspectorPanel::fetchIssuerKeys(const QString &issuer)
{
    if (!m_issuerKeys)
        return;
    m_fromIssuer->setEnabled(false);
    m_verdict->setText(tr("Fetching the keys published by %1…").arg(issuer));
    auto failed = [this, issuer](const Error &error) {
        m_fromIssuer->setEnabled(true);
        m_verdict->setText(tr("Could not get the keys of %1: %2").arg(issuer, error.message));
        Q_EMIT issuerKeysFetched(false);
    };
    m_issuerKeys->discover(issuer, this, [this, failed](Result<oauth::ServerMetadata> metadata) {
        if (!metadata)
            return failed(metadata.error());
        const QUrl jwksUri = metadata->jwksUri;
        const QString named = metadata->issuer;
        m_issuerKeys->jwksCache()->keysFor(
            jwksUri, QString(), this, [this, failed, jwksUri, named](Result<jose::KeySet> keys) {
                if (!keys)
                    return failed(keys.error());
                m_fromIssuer->setEnabled(true);
                m_fillingIssuerKeys = true;
                m_expectedIssuer = named;
                setPastedKey(QString::fromUtf8(m_issuerKeys->jwksCache()->document(jwksUri)));
                m_fillingIssuerKeys = false;
                const int n = int(keys->keys.size());
                Q_EMIT statusMessage(n == 1
                        ? tr("Verifying with the key published by %1.").arg(named)
                        : tr("Verifying with the %n keys published by %1.", nullptr, n).arg(named),
                    kStatusMs * 2);
                Q_EMIT issuerKeysFetched(true);
            });
    });
}

void InspectorPanel::inspectItem(const vault::Item &item)
{
    if (!m_vault)
        return;
    const QString name = item.name;
    m_vault->readSecret(item.id, item.primaryField(), this, [this, name](Result<SecretBytes> r) {
        if (!r) {
            Q_EMIT statusMessage(
                tr("Could not read “%1”: %2").arg(name, r.error().message), kStatusMs * 2);
            return;
        }
        setToken(QString::fromUtf8(r->bytes()));
        Q_EMIT statusMessage(tr("Inspecting “%1”.").arg(name), kStatusMs);
    });
}

void InspectorPanel::refresh()
{
    const quint64 generation = ++m_generation;
    auto request = std::make_shared<jose::InspectRequest>();
    request->token = m_input->toPlainText().toUtf8();
    request->clock = m_clock;
    const int source = m_keySource->currentIndex();
    if (source == PastedKey) {
        QByteArray key = m_keyEdit->toPlainText().toUtf8();
        request->keyMaterial = SecretBytes(std::move(key));
        request->expectedIssuer = m_expectedIssuer;
    } else if (source >= VaultKey) {
        request->keyMaterial = SecretBytes::copyOf(m_vaultKey.view());
    }
    for (const QString &alg : m_algs->text().split(u',', Qt::SkipEmptyParts)) {
        if (!alg.trimmed().isEmpty())
            request->allowedAlgs << alg.trimmed();
    }

    if (request->token.size() <= jose::kInspectOffThreadAbove) {
        m_busy = false;
        apply(jose::inspectAndVerify(*request));
        return;
    }
    // Large input: the work runs on a worker; only the newest request's result is shown.
    m_busy = true;
    m_error->hide();
    m_summary->setText(tr("Reading a %1 kB token…").arg(request->token.size() / 1024));
    auto promise = std::make_shared<QPromise<jose::InspectOutcome>>();
    m_watcher->setFuture(promise->future());
    m_workerGeneration = generation;
    QThreadPool::globalInstance()->start([promise, request] {
        promise->start();
        promise->addResult(jose::inspectAndVerify(*request));
        promise->finish();
    });
}

void InspectorPanel::apply(const jose::InspectOutcome &outcome)
{
    m_busy = false;
    m_outcome = outcome;
    const jose::Inspection &in = outcome.inspection;
    using Kind = jose::Inspection::Kind;

    m_error->setText(in.error);
    m_error->setVisible(!in.error.isEmpty());
    m_summary->setText(in.kind == Kind::Malformed || in.kind == Kind::TooLarge
            ? tr("Nothing to show.")
            : in.summary());
    m_claims->setInspection(in);
    m_tree->expandToDepth(1);
    for (int c = 0; c < ClaimTreeModel::MeaningColumn; ++c) {
        m_tree->resizeColumnToContents(c);
        m_tree->setColumnWidth(c, std::min(m_tree->columnWidth(c) + 8, 200));
    }
    if (in.claims.isEmpty())
        m_lifetime->clear();
    else
        m_lifetime->setLifetime(in.lifetime);
    m_lifetime->setVisible(!in.claims.isEmpty());
    m_copyClaims->setEnabled(!in.claims.isEmpty());

    QPalette pal = m_verdict->palette();
    QColor colour = palette().color(QPalette::WindowText);
    if (in.kind == Kind::Empty) {
        m_verdict->setText(tr("Paste a token above."));
    } else if (in.kind == Kind::Jwe) {
        m_verdict->setText(tr("Encrypted token (JWE): it cannot be read or verified without the "
                              "decryption key."));
    } else if (!outcome.verifyError.isEmpty()) {
        m_verdict->setText(tr("The key cannot be used: %1").arg(outcome.verifyError));
        colour = theme::color(theme::Tone::Error);
    } else if (!outcome.verified) {
        m_verdict->setText(tr("Not verified: choose or paste a key to check the signature."));
    } else if (outcome.verdict.valid) {
        m_verdict->setText(tr("✔ Valid: the signature (%1) matches the key and the times are "
                              "fine.")
                               .arg(outcome.verdict.alg));
        colour = theme::color(theme::Tone::Success);
    } else {
        int errors = 0;
        for (const jose::Finding &f : outcome.verdict.findings)
            errors += f.isError() ? 1 : 0;
        // English has no plural catalogue: one and many are two messages.
        m_verdict->setText(errors == 1
                ? tr("✘ Invalid: 1 error below. Do not accept this token.")
                : tr("✘ Invalid: %n errors below. Do not accept this token.", nullptr, errors));
        colour = theme::color(theme::Tone::Error);
    }
    pal.setColor(QPalette::WindowText, colour);
    m_verdict->setPalette(pal);
    m_findings->setFindings(outcome.verified ? outcome.verdict.findings : in.findings);
    const bool none = m_findings->rowCount() == 0;
    m_findingsView->setVisible(!none);
    m_noFindings->setVisible(none && in.kind == Kind::Jws);
    m_noFindings->setText(outcome.verified
            ? tr("None: the token breaks none of the rules checked (RFC 8725).")
            : tr("None found so far; the signature and times are checked once a key is given."));
    Q_EMIT updated();
}

void InspectorPanel::copyClaimsJson()
{
    if (m_outcome.inspection.claims.isEmpty())
        return;
    // Claims are what the token shows anyone who holds it; they are not the credential itself.
    QGuiApplication::clipboard()->setText(QString::fromUtf8(m_outcome.inspection.claimsJson()));
    Q_EMIT statusMessage(tr("Claims copied as JSON."), kStatusMs);
}

void InspectorPanel::openFindingReference(const QModelIndex &index)
{
    const QUrl url = index.data(FindingsModel::UrlRole).toUrl();
    if (!url.isEmpty())
        QDesktopServices::openUrl(url);
}

} // namespace keyhaven::ui
