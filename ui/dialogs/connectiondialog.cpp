// ui/dialogs/connectiondialog.cpp — "Add connection": issuer -> OIDC discovery, client id, scopes.
#include "dialogs/connectiondialog.h"

#include "oauth/connectionmanager.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

namespace {

QString discoveryErrorText(const Error &error)
{
    if (error.id == u"issuer-mismatch"_s)
        return ConnectionDialog::tr(
            "Issuer mismatch: the provider names itself differently. Use exactly "
            "the issuer it publishes. (%1)")
            .arg(error.message);
    if (error.id == u"endpoint-insecure"_s)
        return ConnectionDialog::tr(
            "Insecure issuer: HTTPS is required (plain HTTP only on 127.0.0.1 / "
            "localhost). (%1)")
            .arg(error.message);
    if (error.id == u"provider-unreachable"_s)
        return ConnectionDialog::tr("Provider unreachable. (%1)").arg(error.message);
    return error.message;
}

QString endpointLine(const QString &label, const QUrl &url)
{
    return label + u": "_s
        + (url.isEmpty() ? ConnectionDialog::tr("(not advertised)") : url.toString());
}

} // namespace

ConnectionDialog::ConnectionDialog(oauth::ConnectionManager *manager, QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_name(new QLineEdit(this))
    , m_issuer(new QLineEdit(this))
    , m_discover(new QPushButton(tr("&Discover"), this))
    , m_endpoints(new QLabel(this))
    , m_clientId(new QLineEdit(this))
    , m_scopes(new QLineEdit(u"openid"_s, this))
    , m_params(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"connectionDialog"_s);
    setWindowTitle(tr("Add Connection"));
    m_name->setObjectName(u"nameEdit"_s);
    m_issuer->setObjectName(u"issuerEdit"_s);
    m_issuer->setPlaceholderText(u"https://id.example.com"_s);
    m_discover->setObjectName(u"discoverButton"_s);
    m_discover->setAutoDefault(false);
    m_endpoints->setObjectName(u"endpointsLabel"_s);
    m_endpoints->setTextFormat(Qt::PlainText);
    m_endpoints->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_endpoints->setText(tr("Endpoints appear here after discovery."));
    m_endpoints->setForegroundRole(QPalette::PlaceholderText);
    m_clientId->setObjectName(u"clientIdEdit"_s);
    m_scopes->setObjectName(u"scopesEdit"_s);
    m_params->setObjectName(u"paramsEdit"_s);
    m_params->setTabChangesFocus(true); // KEY=VALUE lines need no tabs; Tab must not trap
    m_params->setPlaceholderText(tr("One KEY=VALUE per line (audience, resource, prompt)"));
    m_params->setMaximumHeight(m_params->fontMetrics().height() * 4);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    theme::styleErrorText(m_error);
    m_error->hide();

    auto *issuerRow = new QHBoxLayout;
    issuerRow->addWidget(m_issuer, 1);
    issuerRow->addWidget(m_discover);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Issuer:"), issuerRow);
    form->addRow(tr("Endpoints:"), m_endpoints);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(tr("&Scopes:"), m_scopes);
    form->addRow(tr("Extra &parameters:"), m_params);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_discover, &QPushButton::clicked, this, &ConnectionDialog::discover);
    connect(m_issuer, &QLineEdit::editingFinished, this, [this] {
        if (m_issuer->text().trimmed() != m_discoveredIssuer)
            discover();
    });
    connect(m_issuer, &QLineEdit::textEdited, this, [this] {
        ++m_generation;
        m_metadata.reset();
        m_discoveredIssuer.clear();
        updateOk();
    });
    for (QLineEdit *e : { m_name, m_clientId })
        connect(e, &QLineEdit::textChanged, this, &ConnectionDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

QString ConnectionDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ConnectionDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ConnectionDialog::discover()
{
    const QString issuer = m_issuer->text().trimmed();
    const int generation = ++m_generation;
    m_metadata.reset();
    m_discoveredIssuer = issuer;
    showEndpoints();
    updateOk();
    if (issuer.isEmpty())
        return showError(tr("Enter the issuer URL of the authorization server."));
    if (!m_manager)
        return showError(tr("OAuth is not available (no vault)."));
    showError(QString());
    m_discover->setEnabled(false);
    m_endpoints->setText(tr("Discovering…"));
    m_manager->discover(issuer, this, [this, generation](Result<oauth::ServerMetadata> r) {
        if (generation != m_generation)
            return;
        m_discover->setEnabled(true);
        if (r)
            m_metadata = *r;
        else
            showError(discoveryErrorText(r.error()));
        showEndpoints();
        updateOk();
        Q_EMIT discoveryFinished(r.has_value());
    });
}

void ConnectionDialog::showEndpoints()
{
    if (!m_metadata) {
        m_endpoints->setText(tr("Endpoints appear here after discovery."));
        return;
    }
    m_endpoints->setText(QStringList {
        endpointLine(tr("Authorization"), m_metadata->authorizationEndpoint),
        endpointLine(tr("Token"), m_metadata->tokenEndpoint),
        endpointLine(tr("Revocation"), m_metadata->revocationEndpoint),
        endpointLine(tr("Introspection"), m_metadata->introspectionEndpoint),
        endpointLine(tr("JWKS"), m_metadata->jwksUri),
    }
                             .join(u'\n'));
}

void ConnectionDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_metadata.has_value() && !m_name->text().trimmed().isEmpty()
            && !m_clientId->text().trimmed().isEmpty());
}

vault::Item ConnectionDialog::item() const
{
    vault::Item item;
    item.kind = vault::ItemKind::OAuth;
    item.name = m_name->text().trimmed();
    item.issuerUrl = m_discoveredIssuer;
    item.clientId = m_clientId->text().trimmed();
    item.scopes = m_scopes->text().split(u' ', Qt::SkipEmptyParts);
    if (item.scopes.isEmpty())
        item.scopes = { u"openid"_s };
    item.authParams = m_params->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (QString &p : item.authParams)
        p = p.trimmed();
    item.authParams.removeAll(QString());
    return item;
}

void ConnectionDialog::accept()
{
    if (!m_metadata)
        return showError(tr("Discover the issuer first."));
    if (m_name->text().trimmed().isEmpty())
        return showError(tr("Enter a name."));
    if (m_clientId->text().trimmed().isEmpty())
        return showError(tr("Enter the client ID registered with the provider."));
    static const QRegularExpression param(u"^[A-Za-z0-9_.-]+=.*$"_s);
    for (const QString &p : item().authParams) {
        if (!param.match(p).hasMatch())
            return showError(tr("Extra parameters need KEY=VALUE, got \"%1\".").arg(p));
    }
    showError(QString());
    QDialog::accept();
}

} // namespace keyhaven::ui
