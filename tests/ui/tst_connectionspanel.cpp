// tests/ui/tst_connectionspanel.cpp — the Connections panel and its Add dialog against a real
// Vault (SQLite file + test keychain) and a discovery server on 127.0.0.1 run by the test.
#include "common/paths.h"
#include "dialogs/connectiondialog.h"
#include "oauth/connectionmanager.h"
#include "panels/connectionspanel.h"
#include "testsupport.h"
#include "uitests.h"
#include "vault/vault.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::Clock;
using keyhaven::Result;
using keyhaven::SecretBytes;
using keyhaven::ui::ConnectionDialog;
using keyhaven::ui::ConnectionsPanel;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::KeychainState;
using keyhaven::vault::Vault;

namespace {

// Answers every request with `body` (a discovery document) and closes.
class DiscoveryServer : public QTcpServer
{
public:
    QByteArray body;
    int requests = 0;

    DiscoveryServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++requests;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Connection: close\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString issuer() const { return u"http://127.0.0.1:%1"_s.arg(serverPort()); }
    void serve(const QString &issuerName)
    {
        const QString base = issuer();
        body =
            QJsonDocument(QJsonObject {
                              { u"issuer"_s, issuerName },
                              { u"authorization_endpoint"_s, QString(base + u"/authorize"_s) },
                              { u"token_endpoint"_s, QString(base + u"/token"_s) },
                              { u"revocation_endpoint"_s, QString(base + u"/revoke"_s) },
                              { u"jwks_uri"_s, QString(base + u"/jwks"_s) },
                              { u"code_challenge_methods_supported"_s, QJsonArray { u"S256"_s } },
                          })
                .toJson(QJsonDocument::Compact);
    }
};

template <typename T> T *child(QWidget *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

} // namespace

class ConnectionsPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void expiryTexts();
    void addDialogReportsDiscoveryErrors();
    void addDialogAddsAConnection();
    void loginWaitsAndCancels();
    void detailsOfStoredMetadata();
    void revokeAsksFirst();

private:
    ConnectionDialog *openDialog();
    void discoverIn(ConnectionDialog *dialog, const QString &issuer, bool expectOk);

    Vault *m_vault = nullptr;
    std::unique_ptr<ConnectionsPanel> m_panel;
    DiscoveryServer m_server;
    QUuid m_addedId;
    QDateTime m_now = QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
};

void ConnectionsPanelTest::initTestCase()
{
    const QString dir = keyhaven::test::freshDataDir();
    Result<Vault *> vault =
        Vault::open(dir + u"/connections.sqlite"_s, keyhaven::paths::keychainService(), this);
    QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message));
    m_vault = *vault;
    m_vault->probeKeychain();
    QTRY_COMPARE_WITH_TIMEOUT(m_vault->keychainState(), KeychainState::Available, 10000);
    // As the main window does: the panel uses a manager it does not own.
    auto *manager =
        new keyhaven::oauth::ConnectionManager(m_vault, new QNetworkAccessManager(this), this);
    m_panel =
        std::make_unique<ConnectionsPanel>(m_vault, m_vault->items(), nullptr, manager, nullptr);
    m_panel->resize(900, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QVERIFY(m_panel->manager());
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
}

void ConnectionsPanelTest::cleanupTestCase()
{
    m_panel.reset();
    for (const Item &item : m_vault->items()) {
        bool done = false;
        m_vault->removeItem(item.id, this, [&done](Result<void>) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }
}

void ConnectionsPanelTest::expiryTexts()
{
    QCOMPARE(ConnectionsPanel::expiryText(m_now.addSecs(250), m_now), u"expires in 4 min 10 s"_s);
    QCOMPARE(ConnectionsPanel::expiryText(m_now.addSecs(59), m_now), u"expires in 59 s"_s);
    QCOMPARE(ConnectionsPanel::expiryText(m_now.addSecs(7500), m_now), u"expires in 2 h 5 min"_s);
    QCOMPARE(ConnectionsPanel::expiryText(m_now, m_now), u"expired"_s);
    QCOMPARE(ConnectionsPanel::expiryText(m_now.addSecs(-5), m_now), u"expired"_s);
    QCOMPARE(ConnectionsPanel::expiryText(QDateTime(), m_now), QString());
}

ConnectionDialog *ConnectionsPanelTest::openDialog()
{
    m_panel->addItem();
    ConnectionDialog *dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] { return (dialog = m_panel->findChild<ConnectionDialog *>()) && dialog->isVisible(); },
        5000);
    return dialog;
}

void ConnectionsPanelTest::discoverIn(
    ConnectionDialog *dialog, const QString &issuer, bool expectOk)
{
    QSignalSpy finished(dialog, &ConnectionDialog::discoveryFinished);
    auto *edit = child<QLineEdit>(dialog, u"issuerEdit"_s);
    edit->clear();
    QTest::keyClicks(edit, issuer);
    QTest::mouseClick(child<QPushButton>(dialog, u"discoverButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 35000);
    QCOMPARE(finished.at(0).at(0).toBool(), expectOk);
    QCOMPARE(dialog->discovered(), expectOk);
}

void ConnectionsPanelTest::addDialogReportsDiscoveryErrors()
{
    ConnectionDialog *dialog = openDialog();
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok);
    auto *error = child<QLabel>(dialog, u"errorLabel"_s);
    QVERIFY(!error->isVisible());

    // Plain HTTP off loopback: refused before any request.
    discoverIn(dialog, u"http://id.example.com"_s, false);
    QVERIFY(error->isVisible());
    QVERIFY2(dialog->errorText().startsWith(u"Insecure issuer"_s), qPrintable(dialog->errorText()));
    QVERIFY(!ok->isEnabled());

    // Nobody listens there.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    discoverIn(dialog, u"http://127.0.0.1:%1"_s.arg(port), false);
    QVERIFY2(
        dialog->errorText().startsWith(u"Provider unreachable"_s), qPrintable(dialog->errorText()));

    // The document names another issuer.
    m_server.serve(m_server.issuer() + u"/elsewhere"_s);
    discoverIn(dialog, m_server.issuer(), false);
    QVERIFY2(dialog->errorText().startsWith(u"Issuer mismatch"_s), qPrintable(dialog->errorText()));
    QVERIFY(!ok->isEnabled());
    QVERIFY(child<QLabel>(dialog, u"endpointsLabel"_s)->text().contains(u"after discovery"_s));
    dialog->reject();
}

void ConnectionsPanelTest::addDialogAddsAConnection()
{
    m_server.serve(m_server.issuer());
    ConnectionDialog *dialog = openDialog();
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    discoverIn(dialog, m_server.issuer(), true);
    QVERIFY(dialog->errorText().isEmpty());
    const QString endpoints = child<QLabel>(dialog, u"endpointsLabel"_s)->text();
    QVERIFY2(
        endpoints.contains(u"Token: "_s + m_server.issuer() + u"/token"_s), qPrintable(endpoints));
    QVERIFY(endpoints.contains(u"Introspection: (not advertised)"_s));
    QVERIFY(!ok->isEnabled()); // no name, no client id yet

    QTest::keyClicks(child<QLineEdit>(dialog, u"nameEdit"_s), u"Local IdP"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"clientIdEdit"_s), u"keyhaven-desktop"_s);
    auto *scopes = child<QLineEdit>(dialog, u"scopesEdit"_s);
    scopes->clear();
    QTest::keyClicks(scopes, u"openid offline_access"_s);
    auto *params = child<QPlainTextEdit>(dialog, u"paramsEdit"_s);
    params->setPlainText(u"audience=https://api.example\nnot a param"_s);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog->isVisible()); // refused: the bad parameter
    QVERIFY2(dialog->errorText().contains(u"KEY=VALUE"_s), qPrintable(dialog->errorText()));

    params->setPlainText(u"audience=https://api.example\n"_s);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->selectedItem().has_value(), 10000);
    const Item added = *m_panel->selectedItem();
    QCOMPARE(added.name, u"Local IdP"_s);
    QCOMPARE(added.kind, ItemKind::OAuth);
    QCOMPARE(added.issuerUrl, m_server.issuer());
    QCOMPARE(added.clientId, u"keyhaven-desktop"_s);
    QCOMPARE(added.scopes, QStringList({ u"openid"_s, u"offline_access"_s }));
    QCOMPARE(added.authParams, QStringList({ u"audience=https://api.example"_s }));
    // It is in the store, not only in the model.
    bool stored = false;
    for (const Item &item : m_vault->items())
        stored = stored || (item.id == added.id && item.clientId == added.clientId);
    QVERIFY(stored);
    QCOMPARE(child<QLabel>(m_panel.get(), u"stateLabel"_s)->text(), u"not logged in"_s);
    m_addedId = added.id;
}

void ConnectionsPanelTest::loginWaitsAndCancels()
{
    QVERIFY(!m_addedId.isNull());
    QVERIFY(m_panel->selectItem(m_addedId));
    QList<QUrl> opened;
    m_panel->setUrlOpener([&opened](const QUrl &url) { opened << url; });
    QSignalSpy finished(m_panel.get(), &ConnectionsPanel::loginFinished);
    auto *login = child<QPushButton>(m_panel.get(), u"loginButton"_s);
    QVERIFY(login->isEnabled());
    QTest::mouseClick(login, Qt::LeftButton);

    // The browser gets the authorization request; the panel waits with a Cancel button.
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    const QUrl url = opened.first();
    QCOMPARE(url.toString(QUrl::RemoveQuery), m_server.issuer() + u"/authorize"_s);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"client_id"_s), u"keyhaven-desktop"_s);
    QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(query.queryItemValue(u"audience"_s, QUrl::FullyDecoded), u"https://api.example"_s);
    const QUrl redirect(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), u"127.0.0.1"_s);
    QVERIFY(child<QWidget>(m_panel.get(), u"waitingBox"_s)->isVisible());
    QVERIFY(child<QLabel>(m_panel.get(), u"waitingLabel"_s)
                ->text()
                .startsWith(u"Waiting for the browser"_s));
    QVERIFY(!login->isEnabled());
    QVERIFY(m_panel->manager()->loginRunning());
    // The receiver listens while waiting.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(probe.waitForConnected(5000));
    probe.abort();

    QTest::mouseClick(child<QPushButton>(m_panel.get(), u"cancelLoginButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(child<QLabel>(m_panel.get(), u"resultLabel"_s)->text(), u"Login cancelled."_s);
    QVERIFY(!child<QWidget>(m_panel.get(), u"waitingBox"_s)->isVisible());
    QVERIFY(!m_panel->manager()->loginRunning());
    QVERIFY(login->isEnabled());
    // Cancel stopped the loopback receiver: nothing listens on the redirect port any more.
    QTcpSocket after;
    after.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(!after.waitForConnected(2000));
    // Nothing was stored.
    QVERIFY(m_panel->selectedItem()->subject.isEmpty());
}

void ConnectionsPanelTest::detailsOfStoredMetadata()
{
    auto now = std::make_shared<QDateTime>(m_now);
    m_panel->setClock(Clock([now] { return *now; }));
    Item item;
    item.kind = ItemKind::OAuth;
    item.name = u"Stored metadata"_s;
    item.issuerUrl = m_server.issuer();
    item.clientId = u"cli"_s;
    item.scopes = { u"openid"_s, u"read"_s };
    item.subject = u"user-42"_s;
    item.grantedScopes = { u"openid"_s, u"read"_s };
    item.accessTokenExpires = m_now.addSecs(250);
    std::optional<Result<Item>> added;
    m_vault->addItem(item, SecretBytes(), this, [&added](Result<Item> r) { added = r; });
    QTRY_VERIFY_WITH_TIMEOUT(added.has_value(), 10000);
    QVERIFY2(*added, qPrintable(added->has_value() ? QString() : added->error().message));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->selectItem((*added)->id), 5000);

    auto *expiry = child<QLabel>(m_panel.get(), u"expiryLabel"_s);
    auto *state = child<QLabel>(m_panel.get(), u"stateLabel"_s);
    QCOMPARE(child<QLabel>(m_panel.get(), u"subjectLabel"_s)->text(), u"user-42"_s);
    QCOMPARE(child<QLabel>(m_panel.get(), u"grantedScopesLabel"_s)->text(), u"openid read"_s);
    QCOMPARE(expiry->text(), u"expires in 4 min 10 s"_s);
    QCOMPARE(state->text(), u"logged in"_s);
    // The countdown follows the clock each second.
    *now = m_now.addSecs(10);
    QTRY_COMPARE_WITH_TIMEOUT(expiry->text(), u"expires in 4 min 0 s"_s, 3000);
    *now = m_now.addSecs(251);
    QTRY_COMPARE_WITH_TIMEOUT(expiry->text(), u"expired"_s, 3000);

    // The provider refused the refresh token: "log in again", no Refresh.
    Item refused = *m_panel->selectedItem();
    refused.needsLogin = true;
    QVERIFY(m_vault->updateItem(refused));
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(u"log in again"_s), 5000);
    QVERIFY(!child<QPushButton>(m_panel.get(), u"refreshButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(m_panel.get(), u"loginButton"_s)->isEnabled());

    // No tokens in the keychain: the claims view says so.
    QSignalSpy done(m_panel.get(), &ConnectionsPanel::operationFinished);
    QTest::mouseClick(child<QPushButton>(m_panel.get(), u"claimsButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QCOMPARE(done.at(0).at(0).toBool(), false);
    QCOMPARE(child<QPlainTextEdit>(m_panel.get(), u"claimsView"_s)->toPlainText(),
        u"No tokens stored: log in first."_s);
    m_panel->setClock(Clock());
}

void ConnectionsPanelTest::revokeAsksFirst()
{
    QVERIFY(m_panel->selectItem(m_addedId));
    QSignalSpy done(m_panel.get(), &ConnectionsPanel::operationFinished);
    QTest::mouseClick(child<QPushButton>(m_panel.get(), u"revokeButton"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_panel->findChild<QMessageBox *>(u"confirmRevokeBox"_s)) && box->isVisible(), 5000);
    QVERIFY(box->text().contains(u"Local IdP"_s));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(200);
    QCOMPARE(done.size(), 0); // cancelled: nothing sent
}

QObject *keyhaven::test::makeConnectionsPanelTest() { return new ConnectionsPanelTest; }

#include "tst_connectionspanel.moc"
