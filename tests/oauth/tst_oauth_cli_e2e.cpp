// tests/oauth/tst_oauth_cli_e2e.cpp — the OAuth connection lifecycle through the built
// keyhaven-cli binary, against a real OpenID provider (oidc-provider on 127.0.0.1), headless
// Chromium as the user's browser and the real gnome-keyring: login, cached and refreshed tokens,
// rotation, invalid_grant, single-flight refresh counted at the provider, logout, consent denied,
// wrong state, Ctrl-C, verify --issuer, provider down.
#include "e2eprovider.h"
#include "oauth/connectionmanager.h"
#include "oauth/discovery.h"
#include "oauth/tokenclient.h"
#include "testsupport.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using keyhaven::test::ProcessResult;

namespace {

constexpr int kAccessTtl = 75; // seconds: 15 s after issue it is within the 60 s refresh margin
const QString kResource = u"https://api.keyhaven.test/"_s;

ProcessResult cli(const QStringList &args, int timeoutMs = 60000)
{
    return keyhaven::test::run(keyhaven::test::binPath(u"keyhaven-cli"_s), args, {}, {}, timeoutMs);
}

QByteArray describe(const ProcessResult &r)
{
    return "exit " + QByteArray::number(r.exitCode) + "; stderr: " + r.err;
}

QJsonObject jwtPayload(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.trimmed().split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
        .object();
}

template <typename T> std::optional<T> waitFor(std::optional<T> &slot, int ms = 30000)
{
    (void)QTest::qWaitFor([&slot] { return slot.has_value(); }, ms);
    return std::move(slot);
}

} // namespace

class TestOAuthCliE2E : public QObject
{
    Q_OBJECT

    keyhaven::test::E2eProvider m_provider;
    QString m_issuer;
    QString m_clientId;
    QNetworkAccessManager *m_network = nullptr;
    vault::Vault *m_vault = nullptr;
    std::optional<oauth::ServerMetadata> m_metadata;
    QList<qint64> m_loginMs;

    QUuid connectionId(const QString &name)
    {
        std::optional<vault::Item> item = m_vault->find(name);
        return item ? item->id : QUuid();
    }

    std::optional<vault::Item> item(const QString &name) { return m_vault->find(name); }

    // One secret straight from the keychain, through an in-process vault on the same store.
    Result<SecretBytes> secret(const QString &name, const char16_t *field)
    {
        std::optional<Result<SecretBytes>> out;
        m_vault->readSecret(connectionId(name), QString::fromUtf16(field), this,
            [&out](Result<SecretBytes> r) { out.emplace(std::move(r)); });
        std::optional<Result<SecretBytes>> r = waitFor(out);
        if (!r)
            return Error::environment(u"test-timeout"_s, u"no keychain answer"_s);
        return std::move(*r);
    }

    // "present", or the id of the error reading the secret.
    QString secretState(const QString &name, const char16_t *field)
    {
        Result<SecretBytes> r = secret(name, field);
        return r ? u"present"_s : r.error().id;
    }

    int refreshGrants() { return m_provider.refreshGrants(); }

    oauth::ClientConfig publicClient() const
    {
        oauth::ClientConfig c;
        c.tokenEndpoint = m_metadata->tokenEndpoint;
        c.clientId = m_clientId;
        return c;
    }

    keyhaven::test::CliLogin login(const QString &name, const QStringList &browserArgs = {})
    {
        return keyhaven::test::cliLogin(name, browserArgs);
    }

    void loginOk(const QString &name)
    {
        const keyhaven::test::CliLogin r = login(name);
        QVERIFY2(r.exitCode == 0, QByteArray(r.err + "\nbrowser: " + r.browserErr).constData());
        // The CLI's success is the proof; the browser script may still miss the final page when
        // the receiver has already closed (then say why, for whoever reads the log).
        if (r.browserExit != 0)
            qWarning("browser_login.py exited %d: %s", r.browserExit, r.browserErr.constData());
        m_loginMs << r.totalMs - r.browserMs;
    }

private Q_SLOTS:
    void initTestCase()
    {
        keyhaven::test::freshDataDir();
        const QString started = m_provider.start(kAccessTtl);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_issuer = m_provider.issuer();
        m_clientId = m_provider.clientId();

        m_network = new QNetworkAccessManager(this);
        Result<vault::Vault *> v = vault::Vault::openDefault(this);
        QVERIFY2(v, qPrintable(v ? QString() : v.error().message));
        m_vault = *v;
        auto *manager = new oauth::ConnectionManager(m_vault, m_network, this);
        std::optional<Result<oauth::ServerMetadata>> md;
        manager->discover(
            m_issuer, this, [&md](Result<oauth::ServerMetadata> r) { md.emplace(std::move(r)); });
        std::optional<Result<oauth::ServerMetadata>> got = waitFor(md);
        QVERIFY(got && got->has_value());
        m_metadata = got->value();
    }

    void cleanupTestCase()
    {
        if (!m_loginMs.isEmpty()) {
            qint64 sum = 0;
            for (qint64 ms : m_loginMs)
                sum += ms;
            qInfo("login round trip excluding the browser: %lld ms on average over %lld logins",
                sum / m_loginMs.size(), qint64(m_loginMs.size()));
        }
        m_provider.stop();
    }

    void addConnectionRunsDiscovery()
    {
        ProcessResult r = cli({ u"connections"_s, u"add"_s, u"e2e"_s, u"--issuer"_s, m_issuer,
            u"--client-id"_s, m_clientId, u"--scope"_s, u"openid offline_access api:read"_s,
            u"--param"_s, u"resource="_s + kResource, u"--param"_s, u"prompt=consent"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        // The issuer must match the discovered one exactly: a trailing slash is another issuer.
        r = cli({ u"connections"_s, u"add"_s, u"slash"_s, u"--issuer"_s, m_issuer + u"/"_s,
            u"--client-id"_s, m_clientId, u"--json"_s });
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(u"error"_s)
                     .toObject()
                     .value(u"id"_s)
                     .toString(),
            u"issuer-mismatch"_s);
        r = cli({ u"connections"_s, u"add"_s, u"bad"_s, u"--issuer"_s, m_issuer, u"--client-id"_s,
            m_clientId, u"--param"_s, u"no-equals-sign"_s });
        QCOMPARE(r.exitCode, 2);
        r = cli({ u"connections"_s, u"list"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list =
            QJsonDocument::fromJson(r.out).object().value(u"connections"_s).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(u"name"_s).toString(), u"e2e"_s);
        QCOMPARE(list.at(0).toObject().value(u"state"_s).toString(), u"not-logged-in"_s);
        // Before any login there is no token to give.
        r = cli({ u"token"_s, u"e2e"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("login"), describe(r).constData());
    }

    void loginPutsTokensInTheKeychain()
    {
        loginOk(u"e2e"_s);
        if (QTest::currentTestFailed())
            return;
        ProcessResult r = cli({ u"token"_s, u"e2e"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY(r.out.endsWith('\n'));
        const QByteArray token = r.out.trimmed();
        QCOMPARE(r.out.count('\n'), 1); // only the token on stdout
        const QJsonObject claims = jwtPayload(token);
        QCOMPARE(claims.value(u"iss"_s).toString(), m_issuer);
        QCOMPARE(claims.value(u"aud"_s).toString(), kResource);
        QCOMPARE(claims.value(u"sub"_s).toString(), u"alice"_s);
        // It is what the keychain holds, and no token is in the SQLite file (rule 1).
        Result<SecretBytes> stored = secret(u"e2e"_s, vault::field::kAccessToken);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        QVERIFY(stored->equals(token));
        Result<SecretBytes> refresh = secret(u"e2e"_s, vault::field::kRefreshToken);
        QVERIFY(refresh && !refresh->isEmpty());
        QFile db(qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/keyhaven.sqlite"_s);
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray dbBytes = db.readAll();
        QVERIFY(!dbBytes.contains(token));
        QVERIFY(!dbBytes.contains(refresh->bytes()));
        // The metadata the login recorded.
        std::optional<vault::Item> it = item(u"e2e"_s);
        QVERIFY(it);
        QCOMPARE(it->subject, u"alice"_s);
        QVERIFY(it->accessTokenExpires > QDateTime::currentDateTimeUtc().addSecs(30));
        QVERIFY(!it->needsLogin);
        r = cli({ u"connections"_s, u"list"_s, u"--json"_s });
        const QJsonObject c = QJsonDocument::fromJson(r.out)
                                  .object()
                                  .value(u"connections"_s)
                                  .toArray()
                                  .at(0)
                                  .toObject();
        QCOMPARE(c.value(u"state"_s).toString(), u"logged-in"_s);
        QCOMPARE(c.value(u"subject"_s).toString(), u"alice"_s);
    }

    void verifyIssuerAcceptsTheIdToken()
    {
        Result<SecretBytes> idToken = secret(u"e2e"_s, vault::field::kIdToken);
        QVERIFY2(idToken, qPrintable(idToken ? QString() : idToken.error().message));
        ProcessResult r = cli({ u"verify"_s, QString::fromLatin1(idToken->bytes()), u"--issuer"_s,
            m_issuer, u"--aud"_s, m_clientId, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject v = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(v.value(u"valid"_s).toBool(), true);
        QCOMPARE(v.value(u"claims"_s).toObject().value(u"iss"_s).toString(), m_issuer);
        // Another expected audience: invalid (exit 1), with the finding named.
        r = cli({ u"verify"_s, QString::fromLatin1(idToken->bytes()), u"--issuer"_s, m_issuer,
            u"--aud"_s, u"someone-else"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("audience-mismatch"));
        // --jwks URL: the provider's published key set.
        r = cli({ u"verify"_s, QString::fromLatin1(idToken->bytes()), u"--jwks"_s,
            m_metadata->jwksUri.toString(), u"--iss"_s, m_issuer });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY(r.out.startsWith("VALID"));
    }

    void tokenIsCachedThenRefreshedAndRotated()
    {
        const int grants = refreshGrants();
        QVERIFY(grants >= 0);
        ProcessResult a = cli({ u"token"_s, u"e2e"_s });
        ProcessResult b = cli({ u"token"_s, u"e2e"_s });
        QVERIFY2(a.exitCode == 0 && b.exitCode == 0, describe(b).constData());
        QCOMPARE(a.out, b.out); // still valid for > 60 s: no request to the provider
        QCOMPARE(refreshGrants(), grants);
        Result<SecretBytes> rt1 = secret(u"e2e"_s, vault::field::kRefreshToken);
        QVERIFY(rt1);

        // --force-refresh: a new access token and a rotated refresh token in the keychain.
        ProcessResult c = cli({ u"token"_s, u"e2e"_s, u"--force-refresh"_s });
        QVERIFY2(c.exitCode == 0, describe(c).constData());
        QVERIFY(c.out != a.out);
        QCOMPARE(refreshGrants(), grants + 1);
        Result<SecretBytes> rt2 = secret(u"e2e"_s, vault::field::kRefreshToken);
        QVERIFY(rt2);
        QVERIFY(!rt2->equals(rt1->bytes()));
        Result<SecretBytes> stored = secret(u"e2e"_s, vault::field::kAccessToken);
        QVERIFY(stored && stored->equals(c.out.trimmed()));

        // Once the token is within 60 s of its expiry, `token` refreshes by itself.
        std::optional<vault::Item> it = item(u"e2e"_s);
        QVERIFY(it && it->accessTokenExpires.isValid());
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(it->accessTokenExpires)
            - oauth::ConnectionManager::kMinValiditySecs * 1000 + 500;
        QVERIFY(wait < 16000);
        if (wait > 0)
            QTest::qWait(int(wait));
        ProcessResult d = cli({ u"token"_s, u"e2e"_s });
        QVERIFY2(d.exitCode == 0, describe(d).constData());
        QVERIFY(d.out != c.out);
        QCOMPARE(refreshGrants(), grants + 2);
        Result<SecretBytes> rt3 = secret(u"e2e"_s, vault::field::kRefreshToken);
        QVERIFY(rt3 && !rt3->equals(rt2->bytes()));
    }

    void concurrentCallersShareOneRefresh()
    {
        auto *manager = new oauth::ConnectionManager(m_vault, m_network, this);
        const QUuid id = connectionId(u"e2e"_s);
        const int grants = refreshGrants();
        std::optional<Result<SecretBytes>> first, second, third;
        manager->accessToken(
            id, true, this, [&first](Result<SecretBytes> r) { first.emplace(std::move(r)); });
        manager->accessToken(
            id, true, this, [&second](Result<SecretBytes> r) { second.emplace(std::move(r)); });
        manager->accessToken(
            id, false, this, [&third](Result<SecretBytes> r) { third.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(
            first.has_value() && second.has_value() && third.has_value(), 30000);
        QVERIFY2(first->has_value(),
            qPrintable(first->has_value() ? QString() : first->error().message));
        QVERIFY(second->has_value() && third->has_value());
        QVERIFY(first->value().equals(second->value().bytes()));
        QVERIFY(first->value().equals(third->value().bytes()));
        QCOMPARE(manager->refreshRequests(), 1);
        QCOMPARE(refreshGrants(), grants + 1); // counted at the provider
        // The CLI now hands out what the shared refresh stored.
        ProcessResult r = cli({ u"token"_s, u"e2e"_s });
        QVERIFY(first->value().equals(r.out.trimmed()));
        delete manager;
    }

    // Three keyhaven-cli processes ask at once for a token about to expire: the lock file makes
    // one of them refresh; the others wait, re-read the connection and hand out what it stored.
    // Without it each would spend the same refresh token, the provider (rotation) would refuse
    // the second, and the connection would need a new login.
    void concurrentProcessesShareOneRefresh()
    {
        std::optional<vault::Item> it = item(u"e2e"_s);
        QVERIFY(it && !it->needsLogin);
        it->accessTokenExpires =
            QDateTime::currentDateTimeUtc().addSecs(oauth::ConnectionManager::kMinValiditySecs / 2);
        QVERIFY(m_vault->updateItem(*it));
        const int grants = refreshGrants();
        QVERIFY(grants >= 0);
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < 3; ++i) {
            procs.push_back(std::make_unique<QProcess>());
            procs.back()->start(
                keyhaven::test::binPath(u"keyhaven-cli"_s), { u"token"_s, u"e2e"_s });
        }
        QList<QByteArray> tokens;
        for (auto &p : procs) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                p->readAllStandardError().constData());
            tokens << p->readAllStandardOutput().trimmed();
        }
        QCOMPARE(refreshGrants(), grants + 1); // counted at the provider
        QVERIFY(!tokens[0].isEmpty());
        QCOMPARE(tokens[1], tokens[0]);
        QCOMPARE(tokens[2], tokens[0]);
        Result<SecretBytes> stored = secret(u"e2e"_s, vault::field::kAccessToken);
        QVERIFY(stored && stored->equals(tokens[0]));
        it = item(u"e2e"_s);
        QVERIFY(it && !it->needsLogin);
        QVERIFY(QDateTime::currentDateTimeUtc().secsTo(it->accessTokenExpires)
            > oauth::ConnectionManager::kMinValiditySecs);
        // The lock file is gone once the refresh is over.
        const QString lock = QFileInfo(m_vault->databaseFile()).absolutePath() + u"/oauth-"_s
            + it->id.toString(QUuid::WithoutBraces) + u".lock"_s;
        QVERIFY(!QFile::exists(lock));
    }

    void oldRefreshTokenIsRefusedThenLogInAgain()
    {
        Result<SecretBytes> current = secret(u"e2e"_s, vault::field::kRefreshToken);
        QVERIFY(current);
        ProcessResult r = cli({ u"token"_s, u"e2e"_s, u"--force-refresh"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        // The rotated-away refresh token, sent raw to the provider: refused. (oidc-provider
        // then also revokes the grant, as RFC 9700 §4.14.2 suggests for a reused token.)
        auto *client = new oauth::TokenClient(m_network, this);
        std::optional<Result<oauth::TokenSet>> old;
        client->refresh(publicClient(), current->bytes(), { { u"resource"_s, kResource } }, this,
            [&old](Result<oauth::TokenSet> t) { old.emplace(std::move(t)); });
        QTRY_VERIFY_WITH_TIMEOUT(old.has_value(), 30000);
        QVERIFY(!old->has_value());
        QCOMPARE(old->error().id, u"oauth-invalid-grant"_s);
        // Our refresh token died with the grant: the connection must log in again, and says so.
        r = cli({ u"token"_s, u"e2e"_s, u"--force-refresh"_s, u"--json"_s });
        QVERIFY(r.exitCode != 0);
        r = cli({ u"token"_s, u"e2e"_s, u"--force-refresh"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("log in again"), describe(r).constData());
        QVERIFY(r.out.isEmpty());
        std::optional<vault::Item> it = item(u"e2e"_s);
        QVERIFY(it && it->needsLogin);
        r = cli({ u"connections"_s, u"list"_s, u"--json"_s });
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(u"connections"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"state"_s)
                     .toString(),
            u"log-in-again"_s);
        // Logging in again clears the state.
        loginOk(u"e2e"_s);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!item(u"e2e"_s)->needsLogin);
        r = cli({ u"token"_s, u"e2e"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
    }

    void logoutRevokesThenDeletes()
    {
        Result<SecretBytes> rt = secret(u"e2e"_s, vault::field::kRefreshToken);
        QVERIFY(rt);
        ProcessResult r = cli({ u"introspect"_s, u"e2e"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QJsonObject answer = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(answer.value(u"active"_s).toBool(), true);
        QCOMPARE(answer.value(u"sub"_s).toString(), u"alice"_s);

        r = cli({ u"logout"_s, u"e2e"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        // The provider says the refresh token is no longer active ...
        auto *client = new oauth::TokenClient(m_network, this);
        std::optional<Result<QJsonObject>> inactive;
        client->introspect(m_metadata->introspectionEndpoint, publicClient(), rt->bytes(),
            u"refresh_token"_s, this,
            [&inactive](Result<QJsonObject> o) { inactive.emplace(std::move(o)); });
        QTRY_VERIFY_WITH_TIMEOUT(inactive.has_value(), 30000);
        QVERIFY(inactive->has_value());
        QCOMPARE(inactive->value().value(u"active"_s).toBool(), false);
        // ... and the keychain holds no token any more.
        QCOMPARE(secretState(u"e2e"_s, vault::field::kRefreshToken), u"secret-missing"_s);
        QCOMPARE(secretState(u"e2e"_s, vault::field::kAccessToken), u"secret-missing"_s);
        QCOMPARE(secretState(u"e2e"_s, vault::field::kIdToken), u"secret-missing"_s);
        r = cli({ u"token"_s, u"e2e"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty());
    }

    void userDeniesConsent()
    {
        const keyhaven::test::CliLogin r = login(u"e2e"_s, { u"--deny"_s });
        QVERIFY2(r.exitCode == 3, QByteArray(r.err + "\nbrowser: " + r.browserErr).constData());
        QVERIFY2(r.err.contains("access_denied"), r.err.constData());
        QVERIFY(r.err.contains("refused the login"));
        QCOMPARE(secretState(u"e2e"_s, vault::field::kAccessToken), u"secret-missing"_s);
    }

    void wrongStateIsRefusedAndCtrlCCancels()
    {
        QProcess proc;
        proc.start(keyhaven::test::binPath(u"keyhaven-cli"_s),
            { u"login"_s, u"e2e"_s, u"--no-browser"_s, u"--timeout"_s, u"60"_s });
        QVERIFY(proc.waitForStarted(10000));
        QByteArray err;
        QUrl url;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                err += proc.readAllStandardError();
                for (const QByteArray &line : err.split('\n'))
                    if (line.startsWith("http"))
                        url = QUrl(QString::fromUtf8(line.trimmed()));
                return url.isValid() || proc.state() == QProcess::NotRunning;
            }(),
            30000);
        QVERIFY2(url.isValid(), err.constData());
        const QUrlQuery query(url);
        QUrl callback(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        QVERIFY(callback.host() == u"127.0.0.1"_s);
        // A callback with a forged state (CSRF, RFC 6749 §10.12) is refused ...
        callback.setQuery(u"code=stolen-code&state=forged-state"_s);
        QNetworkReply *reply = m_network->get(QNetworkRequest(callback));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        QVERIFY2(status >= 400, QByteArray::number(status).constData());
        // ... and the login keeps waiting for the real one, until the user presses Ctrl-C.
        QTest::qWait(300);
        QCOMPARE(proc.state(), QProcess::Running);
        ::kill(pid_t(proc.processId()), SIGINT);
        QTRY_VERIFY_WITH_TIMEOUT(proc.state() == QProcess::NotRunning, 10000);
        QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
        QCOMPARE(proc.exitCode(), 2);
        err += proc.readAllStandardError();
        QVERIFY2(err.contains("Login cancelled"), err.constData());
        QCOMPARE(secretState(u"e2e"_s, vault::field::kAccessToken), u"secret-missing"_s);
    }

    void providerDownIsAnEnvironmentError()
    {
        m_provider.stop();
        ProcessResult r = cli({ u"token"_s, u"e2e"_s, u"--force-refresh"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("Cannot reach the issuer"), describe(r).constData());
        r = cli({ u"connections"_s, u"add"_s, u"later"_s, u"--issuer"_s, m_issuer, u"--client-id"_s,
            m_clientId, u"--json"_s });
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(u"error"_s)
                     .toObject()
                     .value(u"id"_s)
                     .toString(),
            u"provider-unreachable"_s);
        r = cli({ u"login"_s, u"e2e"_s, u"--no-browser"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("Cannot reach the issuer"), describe(r).constData());
        r = cli({ u"connections"_s, u"rm"_s, u"e2e"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY(!item(u"e2e"_s));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(argc, argv, { [] { return new TestOAuthCliE2E; } });
}

#include "tst_oauth_cli_e2e.moc"
