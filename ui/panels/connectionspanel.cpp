// ui/panels/connectionspanel.cpp — the panel of OAuth connections.
#include "panels/connectionspanel.h"

#include "dialogs/connectiondialog.h"
#include "jose/compactjws.h"
#include "models/itemtablemodel.h"
#include "oauth/connectionmanager.h"
#include "theme.h"

#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

using vault::Item;

namespace {

constexpr int kStatusMs = 5 * 1000;

QString loginErrorText(const Error &error)
{
    if (error.id == u"login-cancelled"_s)
        return ConnectionsPanel::tr("Login cancelled.");
    if (error.id == u"login-timeout"_s)
        return ConnectionsPanel::tr("Login timed out: the browser did not come back in time.");
    if (error.id == u"authorization-error"_s)
        return ConnectionsPanel::tr("Login denied: %1").arg(error.message);
    return ConnectionsPanel::tr("Login failed: %1").arg(error.message);
}

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return u"null"_s;
}

} // namespace

ConnectionsPanel::ConnectionsPanel(vault::Vault *vault, const QList<vault::Item> &items,
    Clipboard *clipboard, oauth::ConnectionManager *manager, QWidget *parent)
    : ItemPanel(vault::ItemKind::OAuth,
        Texts {
            tr("Connections"),
            tr("An OAuth 2.0 connection grants limited, scoped access to an API without sharing a "
               "password: the authorization server issues a short-lived access token, and a "
               "refresh token gets a new one when it expires."),
            tr("&Add Connection…"),
            tr("No connections yet. Press Ctrl+N to add one."),
        },
        vault, items, clipboard, parent)
    , m_vault(vault)
    , m_manager(manager)
    , m_openUrl([](const QUrl &url) { QDesktopServices::openUrl(url); })
    , m_tick(new QTimer(this))
    , m_details(new QGroupBox(tr("Selected connection"), this))
    , m_state(new QLabel(m_details))
    , m_subject(new QLabel(m_details))
    , m_scopes(new QLabel(m_details))
    , m_expiry(new QLabel(m_details))
    , m_result(new QLabel(m_details))
    , m_waiting(new QWidget(m_details))
    , m_waitingText(new QLabel(m_waiting))
    , m_cancelLogin(new QPushButton(tr("Cancel Login"), m_waiting))
    , m_login(new QPushButton(tr("&Log In"), m_details))
    , m_refresh(new QPushButton(tr("Re&fresh"), m_details))
    , m_revoke(new QPushButton(tr("Re&voke…"), m_details))
    , m_introspect(new QPushButton(tr("&Introspect"), m_details))
    , m_claims(new QPushButton(tr("Show &Claims"), m_details))
    , m_introspection(new QTableWidget(0, 2, m_details))
    , m_claimsView(new QPlainTextEdit(m_details))
{
    m_details->setObjectName(u"connectionDetails"_s);
    const std::pair<QWidget *, const char16_t *> names[] = { { m_state, u"stateLabel" },
        { m_subject, u"subjectLabel" }, { m_scopes, u"grantedScopesLabel" },
        { m_expiry, u"expiryLabel" }, { m_result, u"resultLabel" }, { m_waiting, u"waitingBox" },
        { m_waitingText, u"waitingLabel" }, { m_cancelLogin, u"cancelLoginButton" },
        { m_login, u"loginButton" }, { m_refresh, u"refreshButton" }, { m_revoke, u"revokeButton" },
        { m_introspect, u"introspectButton" }, { m_claims, u"claimsButton" },
        { m_introspection, u"introspectionTable" }, { m_claimsView, u"claimsView" } };
    for (const auto &[widget, name] : names)
        widget->setObjectName(QString::fromUtf16(name));
    for (QLabel *l : { m_state, m_subject, m_scopes, m_expiry, m_result, m_waitingText }) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    auto *form = new QFormLayout;
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Subject:"), m_subject);
    form->addRow(tr("Granted scopes:"), m_scopes);
    form->addRow(tr("Access token:"), m_expiry);
    auto *waitingRow = new QHBoxLayout(m_waiting);
    waitingRow->setContentsMargins(0, 0, 0, 0);
    waitingRow->addWidget(m_waitingText, 1);
    waitingRow->addWidget(m_cancelLogin);
    m_waiting->hide();
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : { m_login, m_refresh, m_revoke, m_introspect, m_claims }) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    m_cancelLogin->setAutoDefault(false);
    m_introspection->setHorizontalHeaderLabels({ tr("Member"), tr("Value") });
    m_introspection->horizontalHeader()->setStretchLastSection(true);
    m_introspection->verticalHeader()->hide();
    m_introspection->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_introspection->setMaximumHeight(160);
    m_introspection->hide();
    m_claimsView->setReadOnly(true);
    m_claimsView->setMaximumHeight(200);
    m_claimsView->hide();
    auto *box = new QVBoxLayout(m_details);
    box->addLayout(form);
    box->addWidget(m_waiting);
    box->addLayout(buttons);
    box->addWidget(m_result);
    box->addWidget(m_introspection);
    box->addWidget(m_claimsView);
    if (auto *outer = qobject_cast<QVBoxLayout *>(layout()))
        outer->addWidget(m_details);

    connect(m_login, &QPushButton::clicked, this, &ConnectionsPanel::logIn);
    connect(m_cancelLogin, &QPushButton::clicked, this, &ConnectionsPanel::cancelLogIn);
    connect(m_refresh, &QPushButton::clicked, this, &ConnectionsPanel::refreshToken);
    connect(m_revoke, &QPushButton::clicked, this, &ConnectionsPanel::revoke);
    connect(m_introspect, &QPushButton::clicked, this, &ConnectionsPanel::introspect);
    connect(m_claims, &QPushButton::clicked, this, &ConnectionsPanel::showClaims);
    connect(this, &ItemPanel::selectionChanged, this, [this] {
        m_result->clear();
        m_introspection->hide();
        m_claimsView->clear();
        m_claimsView->hide();
        updateDetails();
    });
    // Logins and refreshes update the item in the vault; the model follows, and so do we.
    connect(model(), &QAbstractItemModel::dataChanged, this, &ConnectionsPanel::updateDetails);
    connect(model(), &QAbstractItemModel::modelReset, this, &ConnectionsPanel::updateDetails);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ConnectionsPanel::updateCountdown);
    m_tick->start();
    updateDetails();
}

ConnectionsPanel::~ConnectionsPanel()
{
    if (m_manager && m_manager->loginRunning())
        m_manager->cancelLogin();
}

oauth::ConnectionManager *ConnectionsPanel::manager() const { return m_manager; }

void ConnectionsPanel::setClock(Clock clock)
{
    m_clock = clock;
    if (m_manager)
        m_manager->setClock(clock);
    updateDetails();
}

QString ConnectionsPanel::expiryText(const QDateTime &expires, const QDateTime &now)
{
    if (!expires.isValid())
        return QString();
    const qint64 secs = now.secsTo(expires);
    if (secs <= 0)
        return tr("expired");
    if (secs < 60)
        return tr("expires in %1 s").arg(secs);
    if (secs < 3600)
        return tr("expires in %1 min %2 s").arg(secs / 60).arg(secs % 60);
    if (secs < 86400)
        return tr("expires in %1 h %2 min").arg(secs / 3600).arg((secs % 3600) / 60);
    return tr("expires in %1 d %2 h").arg(secs / 86400).arg((secs % 86400) / 3600);
}

void ConnectionsPanel::updateCountdown()
{
    const std::optional<Item> item = selectedItem();
    if (!item) {
        m_expiry->clear();
        return;
    }
    if (!item->accessTokenExpires.isValid()) {
        m_expiry->setText(item->secretState == vault::SecretState::Present ? tr("expiry unknown")
                                                                           : tr("none stored"));
        return;
    }
    m_expiry->setText(expiryText(item->accessTokenExpires, m_clock.now()));
}

void ConnectionsPanel::updateDetails()
{
    const std::optional<Item> item = selectedItem();
    m_details->setEnabled(item.has_value());
    if (!item) {
        for (QLabel *l : { m_state, m_subject, m_scopes, m_expiry })
            l->clear();
        return;
    }
    QString state;
    if (item->needsLogin)
        state = tr("log in again (the provider refused the refresh token)");
    else if (item->subject.isEmpty() && !item->accessTokenExpires.isValid())
        state = tr("not logged in");
    else if (item->accessTokenExpires.isValid() && item->accessTokenExpires <= m_clock.now())
        state = tr("access token expired (Refresh gets a new one)");
    else
        state = tr("logged in");
    m_state->setText(state);
    m_subject->setText(item->subject.isEmpty() ? tr("(unknown)") : item->subject);
    m_scopes->setText(
        item->grantedScopes.isEmpty() ? tr("(none recorded)") : item->grantedScopes.join(u' '));
    updateCountdown();
    const bool usable = m_manager && !m_busy;
    const bool running = m_loggingIn || (m_manager && m_manager->loginRunning());
    m_login->setEnabled(usable && !running);
    m_refresh->setEnabled(usable && !running && !item->needsLogin);
    m_revoke->setEnabled(usable && !running);
    m_introspect->setEnabled(usable && !running);
    m_claims->setEnabled(usable && !running);
}

void ConnectionsPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateDetails();
}

void ConnectionsPanel::showResult(const QString &text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(error
            ? u"QLabel { color: %1; }"_s.arg(theme::color(theme::Tone::Error).name())
            : QString());
    Q_EMIT statusMessage(text, kStatusMs);
}

void ConnectionsPanel::addItem()
{
    if (!m_manager)
        return;
    auto *dialog = new ConnectionDialog(m_manager, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_vault)
            return;
        Item item = dialog->item();
        const QString name = item.name;
        m_vault->addItem(std::move(item), SecretBytes(), this, [this, name](Result<Item> r) {
            if (!r)
                return showResult(tr("Could not add “%1”: %2").arg(name, r.error().message), true);
            searchEdit()->clear();
            selectItem(r->id);
            showResult(tr("Added “%1”. Press Log In to authorize it.").arg(name), false);
        });
    });
    dialog->open();
}

void ConnectionsPanel::logIn()
{
    const std::optional<Item> item = selectedItem();
    if (!item || !m_manager || m_manager->loginRunning())
        return;
    oauth::ConnectionManager::LoginOptions options;
    QPointer<ConnectionsPanel> self(this);
    options.authorizationUrl = [self](const QUrl &url) {
        if (!self)
            return;
        self->m_waitingText->setText(tr("Waiting for the browser… Complete the login there, or "
                                        "cancel."));
        self->m_openUrl(url);
    };
    m_waitingText->setText(tr("Starting the login…"));
    m_waiting->show();
    m_result->clear();
    m_loggingIn = true;
    m_manager->login(item->id, options, this, [this](Result<Item> r) {
        m_loggingIn = false;
        m_waiting->hide();
        updateDetails();
        if (r)
            showResult(tr("Logged in to “%1”.").arg(r->name), false);
        else
            showResult(loginErrorText(r.error()), true);
        Q_EMIT loginFinished(r.has_value());
    });
    updateDetails();
}

void ConnectionsPanel::cancelLogIn()
{
    if (m_manager)
        m_manager->cancelLogin();
}

void ConnectionsPanel::refreshToken()
{
    const std::optional<Item> item = selectedItem();
    if (!item || !m_manager)
        return;
    setBusy(true);
    const QString name = item->name;
    m_manager->accessToken(item->id, true, this, [this, name](Result<SecretBytes> r) {
        setBusy(false);
        if (r)
            showResult(tr("Refreshed the access token of “%1”.").arg(name), false);
        else if (r.error().id == u"login-required"_s)
            showResult(tr("Log in again: %1").arg(r.error().message), true);
        else
            showResult(tr("Refresh failed: %1").arg(r.error().message), true);
        Q_EMIT operationFinished(r.has_value());
    });
}

void ConnectionsPanel::revoke()
{
    const std::optional<Item> item = selectedItem();
    if (!item || !m_manager)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Revoke Connection"),
        tr("Log out of “%1”?").arg(item->name), QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"confirmRevokeBox"_s);
    box->setInformativeText(tr("The provider revokes its tokens and they are deleted from the "
                               "keychain. The connection stays; log in again to use it."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Revoke"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id = item->id, name = item->name] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes || !m_manager)
            return;
        setBusy(true);
        m_manager->logout(id, this, [this, name](Result<void> r) {
            setBusy(false);
            if (r)
                showResult(tr("Revoked the tokens of “%1”.").arg(name), false);
            else
                showResult(tr("Revoke failed: %1").arg(r.error().message), true);
            Q_EMIT operationFinished(r.has_value());
        });
    });
    box->open();
}

void ConnectionsPanel::introspect()
{
    const std::optional<Item> item = selectedItem();
    if (!item || !m_manager)
        return;
    setBusy(true);
    // As the CLI: the refresh token stands for the grant (RFC 7009 §2.1), and a JWT access token
    // meant for a resource server is often not introspectable by the client.
    m_manager->introspect(item->id, true, this, [this](Result<QJsonObject> r) {
        setBusy(false);
        if (!r) {
            showResult(tr("Introspection failed: %1").arg(r.error().message), true);
            Q_EMIT operationFinished(false);
            return;
        }
        const QStringList keys = r->keys();
        m_introspection->setRowCount(int(keys.size()));
        for (int row = 0; row < keys.size(); ++row) {
            m_introspection->setItem(row, 0, new QTableWidgetItem(keys.at(row)));
            m_introspection->setItem(
                row, 1, new QTableWidgetItem(valueText(r->value(keys.at(row)))));
        }
        m_introspection->show();
        showResult(r->value(u"active"_s).toBool() ? tr("The grant is active.")
                                                  : tr("The grant is not active."),
            false);
        Q_EMIT operationFinished(true);
    });
}

void ConnectionsPanel::showClaims()
{
    const std::optional<Item> item = selectedItem();
    if (!item || !m_vault)
        return;
    setBusy(true);
    struct Claims
    {
        QString text;
        int pending = 2;
    };
    auto claims = std::make_shared<Claims>();
    const QUuid id = item->id;
    const auto finishOne = [this, claims, id] {
        if (--claims->pending > 0)
            return;
        setBusy(false);
        const std::optional<Item> current = selectedItem();
        if (!current || current->id != id)
            return;
        m_claimsView->setPlainText(
            claims->text.isEmpty() ? tr("No tokens stored: log in first.") : claims->text);
        m_claimsView->show();
        Q_EMIT operationFinished(!claims->text.isEmpty());
    };
    for (const QString &field : { QString::fromUtf16(vault::field::kAccessToken),
             QString::fromUtf16(vault::field::kIdToken) }) {
        const QString title = field == QString::fromUtf16(vault::field::kIdToken)
            ? tr("ID token claims")
            : tr("Access token claims");
        // Later: the id token after the access token, whatever order the keychain answers in.
        const bool idToken = field == QString::fromUtf16(vault::field::kIdToken);
        m_vault->readSecret(
            id, field, this, [claims, title, idToken, finishOne](Result<SecretBytes> r) {
                if (r && !r->isEmpty()) {
                    QString section = title + u":\n"_s;
                    const Result<jose::DecodedJws> decoded = jose::decodeCompact(r->bytes());
                    if (decoded && decoded->hasClaims)
                        section += QString::fromUtf8(
                            QJsonDocument(decoded->claims).toJson(QJsonDocument::Indented));
                    else
                        section += tr("(opaque: not a JWT)\n");
                    claims->text = idToken ? claims->text + section : section + claims->text;
                }
                finishOne();
            });
    }
}

} // namespace keyhaven::ui
