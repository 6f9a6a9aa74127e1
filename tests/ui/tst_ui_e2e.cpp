// tests/ui/tst_ui_e2e.cpp — the Connections panel against the real OpenID provider (tests/e2e),
// a real browser (browser_login.py, headless Chromium) and the test keyring: Log In, Refresh
// (counted at the provider), Introspect, token claims.
#include "common/bootstrap.h"
#include "common/paths.h"
#include "e2eprovider.h"
#include "oauth/connectionmanager.h"
#include "panels/connectionspanel.h"
#include "panels/inspectorpanel.h"
#include "testsupport.h"
#include "vault/vault.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHostAddress>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::Result;
using keyhaven::SecretBytes;
using keyhaven::ui::ConnectionsPanel;
using keyhaven::ui::InspectorPanel;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::KeychainState;
using keyhaven::vault::Vault;

class UiE2ETest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void logInThenRefresh();
    void deniedThenCancelledLogins();

private:
    int refreshGrants() const { return m_provider.refreshGrants(); }
    // Adds an OAuth connection to the provider and selects it in the panel.
    std::optional<Item> addConnection(
        const QString &name, const QStringList &scopes, const QStringList &authParams);
    // The panel's "system browser": browser_login.py playing the user, with `extraArgs`.
    void browserPlaysUser(const QStringList &extraArgs = {});
    template <typename T> T *child(const QString &name) const
    {
        return m_panel->findChild<T *>(name);
    }

    keyhaven::test::E2eProvider m_provider;
    QProcess m_browser;
    QString m_issuer;
    QString m_clientId;
    Vault *m_vault = nullptr;
    keyhaven::oauth::ConnectionManager *m_manager = nullptr;
    std::unique_ptr<ConnectionsPanel> m_panel;
};

void UiE2ETest::initTestCase()
{
    const QString why = m_provider.start(60);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_issuer = m_provider.issuer();
    m_clientId = m_provider.clientId();

    const QString data = keyhaven::test::freshDataDir();
    Result<Vault *> vault =
        Vault::open(data + u"/keyhaven.sqlite"_s, keyhaven::paths::keychainService(), this);
    QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message));
    m_vault = *vault;
    m_vault->probeKeychain();
    QTRY_COMPARE_WITH_TIMEOUT(m_vault->keychainState(), KeychainState::Available, 10000);
    // As the main window does: the panel uses a manager it does not own.
    m_manager =
        new keyhaven::oauth::ConnectionManager(m_vault, new QNetworkAccessManager(this), this);
    m_panel =
        std::make_unique<ConnectionsPanel>(m_vault, m_vault->items(), nullptr, m_manager, nullptr);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void UiE2ETest::cleanupTestCase()
{
    if (m_browser.state() != QProcess::NotRunning) {
        m_browser.kill();
        m_browser.waitForFinished(5000);
    }
    m_panel.reset();
    if (m_vault) {
        for (const Item &item : m_vault->items()) {
            bool done = false;
            m_vault->removeItem(item.id, this, [&done](Result<void>) { done = true; });
            (void)QTest::qWaitFor([&done] { return done; }, 10000);
        }
    }
    m_provider.stop();
}

std::optional<Item> UiE2ETest::addConnection(
    const QString &name, const QStringList &scopes, const QStringList &authParams)
{
    Item item;
    item.kind = ItemKind::OAuth;
    item.name = name;
    item.issuerUrl = m_issuer;
    item.clientId = m_clientId;
    item.scopes = scopes;
    item.authParams = authParams;
    std::optional<Result<Item>> added;
    m_vault->addItem(item, SecretBytes(), this, [&added](Result<Item> r) { added = r; });
    if (!QTest::qWaitFor([&added] { return added.has_value(); }, 10000) || !*added)
        return std::nullopt;
    const QUuid id = (*added)->id;
    if (!QTest::qWaitFor([this, id] { return m_panel->selectItem(id); }, 5000))
        return std::nullopt;
    return **added;
}

void UiE2ETest::browserPlaysUser(const QStringList &extraArgs)
{
    m_panel->setUrlOpener([this, extraArgs](const QUrl &url) {
        m_browser.start(u"/usr/bin/python3"_s,
            QStringList { QStringLiteral(KEYHAVEN_SOURCE_DIR) + u"/tests/e2e/browser_login.py"_s,
                url.toString(QUrl::FullyEncoded), u"--timeout"_s, u"90"_s }
                + extraArgs);
    });
}

void UiE2ETest::logInThenRefresh()
{
    const std::optional<Item> added =
        addConnection(u"e2e-ui"_s, { u"openid"_s, u"offline_access"_s, u"api:read"_s },
            { u"resource=https://api.keyhaven.test/"_s, u"prompt=consent"_s });
    QVERIFY(added);
    browserPlaysUser();
    QSignalSpy login(m_panel.get(), &ConnectionsPanel::loginFinished);
    QTest::mouseClick(child<QPushButton>(u"loginButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(login.size(), 1, 120000);
    QVERIFY2(login.at(0).at(0).toBool(),
        qPrintable(child<QLabel>(u"resultLabel"_s)->text() + u" / browser: "_s
            + QString::fromUtf8(m_browser.readAllStandardError())));
    QCOMPARE(child<QLabel>(u"stateLabel"_s)->text(), u"logged in"_s);
    QVERIFY(!child<QLabel>(u"subjectLabel"_s)->text().startsWith(u"("_s));
    QVERIFY(child<QLabel>(u"grantedScopesLabel"_s)->text().contains(u"api:read"_s));
    QVERIFY2(child<QLabel>(u"expiryLabel"_s)->text().startsWith(u"expires in"_s),
        qPrintable(child<QLabel>(u"expiryLabel"_s)->text()));

    // Refresh: one refresh grant at the provider, a new expiry.
    const int grants = refreshGrants();
    QVERIFY(grants >= 0);
    const QDateTime before = m_panel->selectedItem()->accessTokenExpires;
    QSignalSpy done(m_panel.get(), &ConnectionsPanel::operationFinished);
    QTest::qWait(1100); // so that the new token's expiry differs
    QTest::mouseClick(child<QPushButton>(u"refreshButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(child<QLabel>(u"resultLabel"_s)->text()));
    QCOMPARE(refreshGrants(), grants + 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->selectedItem()->accessTokenExpires > before, 5000);
    QVERIFY(child<QLabel>(u"resultLabel"_s)->text().startsWith(u"Refreshed"_s));

    // Introspect: the provider says the token is active.
    QTest::mouseClick(child<QPushButton>(u"introspectButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 30000);
    QVERIFY2(done.at(1).at(0).toBool(), qPrintable(child<QLabel>(u"resultLabel"_s)->text()));
    auto *table = child<QTableWidget>(u"introspectionTable"_s);
    QVERIFY(table->isVisible());
    bool active = false;
    for (int row = 0; row < table->rowCount(); ++row)
        active = active
            || (table->item(row, 0)->text() == u"active"_s
                && table->item(row, 1)->text() == u"true"_s);
    QVERIFY(active);

    // The decoded id token names the subject shown above.
    QTest::mouseClick(child<QPushButton>(u"claimsButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 3, 30000);
    const QString claims = child<QPlainTextEdit>(u"claimsView"_s)->toPlainText();
    QVERIFY2(claims.contains(u"ID token claims"_s), qPrintable(claims));
    QVERIFY(claims.contains(child<QLabel>(u"subjectLabel"_s)->text()));

    // The inspector verifies the stored ID token against the issuer's published keys, asked
    // through "From issuer…" (its "iss" is offered, the user confirms).
    std::optional<Result<SecretBytes>> idToken;
    m_vault->readSecret(added->id, QString::fromUtf16(keyhaven::vault::field::kIdToken), this,
        [&idToken](Result<SecretBytes> r) { idToken.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(idToken.has_value(), 10000);
    QVERIFY(*idToken);
    InspectorPanel inspector(m_vault, nullptr);
    inspector.setConnections(m_manager);
    inspector.show();
    inspector.setToken(QString::fromUtf8((*idToken)->bytes()));
    QSignalSpy keys(&inspector, &InspectorPanel::issuerKeysFetched);
    QTest::mouseClick(inspector.findChild<QPushButton *>(u"fromIssuerButton"_s), Qt::LeftButton);
    QInputDialog *ask = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (ask = inspector.findChild<QInputDialog *>(u"issuerDialog"_s)) && ask->isVisible(), 5000);
    QCOMPARE(ask->textValue(), m_issuer);
    ask->accept();
    QTRY_COMPARE_WITH_TIMEOUT(keys.size(), 1, 30000);
    QVERIFY2(keys.at(0).at(0).toBool(), qPrintable(inspector.verdictLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(inspector.outcome().verified, 5000);
    QVERIFY2(inspector.outcome().verdict.valid, qPrintable(inspector.verdictLabel()->text()));
    QCOMPARE(inspector.keySourceCombo()->currentIndex(), int(InspectorPanel::PastedKey));

    // Revoke (after the confirmation): the provider revokes, the keychain forgets the tokens.
    QTest::mouseClick(child<QPushButton>(u"revokeButton"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_panel->findChild<QMessageBox *>(u"confirmRevokeBox"_s)) && box->isVisible(), 5000);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 4, 30000);
    QVERIFY2(done.at(3).at(0).toBool(), qPrintable(child<QLabel>(u"resultLabel"_s)->text()));
    QTest::mouseClick(child<QPushButton>(u"claimsButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 5, 30000);
    QCOMPARE(child<QPlainTextEdit>(u"claimsView"_s)->toPlainText(),
        u"No tokens stored: log in first."_s);
}

// The user says no at the provider's consent page: the panel says so, with the provider's error;
// then a login cancelled while the browser is away closes the loopback listener.
void UiE2ETest::deniedThenCancelledLogins()
{
    QVERIFY(addConnection(
        u"e2e-ui-deny"_s, { u"openid"_s, u"offline_access"_s }, { u"prompt=consent"_s }));
    browserPlaysUser({ u"--deny"_s });
    QSignalSpy login(m_panel.get(), &ConnectionsPanel::loginFinished);
    QTest::mouseClick(child<QPushButton>(u"loginButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(login.size(), 1, 120000);
    QVERIFY(!login.at(0).at(0).toBool());
    const QString denied = child<QLabel>(u"resultLabel"_s)->text();
    QVERIFY2(denied.startsWith(u"Login denied:"_s) && denied.contains(u"access_denied"_s),
        qPrintable(
            denied + u" / browser: "_s + QString::fromUtf8(m_browser.readAllStandardError())));
    QVERIFY(!child<QWidget>(u"cancelLoginButton"_s)->isVisible());
    QVERIFY(child<QLabel>(u"stateLabel"_s)->text() != u"logged in"_s);
    m_browser.waitForFinished(30000);

    // Cancel while the browser is away: the listener on the redirect port is closed.
    QUrl opened;
    m_panel->setUrlOpener([&opened](const QUrl &url) { opened = url; });
    QTest::mouseClick(child<QPushButton>(u"loginButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(opened.isValid(), 30000);
    QVERIFY(child<QWidget>(u"cancelLoginButton"_s)->isVisible());
    const QUrl redirect(QUrlQuery(opened).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), u"127.0.0.1"_s);
    QTest::mouseClick(child<QPushButton>(u"cancelLoginButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(login.size(), 2, 10000);
    QVERIFY(!login.at(1).at(0).toBool());
    QCOMPARE(child<QLabel>(u"resultLabel"_s)->text(), u"Login cancelled."_s);
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(!probe.waitForConnected(2000));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    keyhaven::bootstrapProcess();
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(u"keyhaven-tst-ui-e2e"_s);
    return keyhaven::test::runAll(argc, argv, { [] { return new UiE2ETest; } });
}

#include "tst_ui_e2e.moc"
