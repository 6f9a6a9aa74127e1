// tests/replay/tst_replay_oauth_e2e.cpp — keyhaven-cli replay with an OAuth connection against the
// real OpenID provider (oidc-provider on 127.0.0.1; its userinfo endpoint is the protected
// resource), logged in through headless Chromium, tokens in the real gnome-keyring: 200 with the
// stored token; a revoked token -> 401 invalid_token -> exactly one refresh counted at the
// provider -> 200 and the new token stored; a resource that always rejects -> one retry, no
// loop; 403 insufficient_scope explained with the granted scopes; curl export run in bash. The
// GUI's send (replay::Exchange over BoundSender, with the window's ConnectionManager) gets the
// same one refresh and one retry for a revoked token, and records both attempts redacted.
#include "common/paths.h"
#include "e2eprovider.h"
#include "oauth/connectionmanager.h"
#include "replay/authbinding.h"
#include "replay/exchange.h"
#include "replay/history.h"
#include "testsupport.h"
#include "vault/vault.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;
using keyhaven::test::ProcessResult;

namespace {

// Long enough that no refresh happens by itself during the suite (the manager refreshes a token
// only within 60 s of its expiry): every refresh counted below is one replay asked for.
constexpr int kAccessTtl = 900;
const QString kConnection = u"userinfo"_s;

ProcessResult cli(const QStringList &args, const QStringList &env = {})
{
    return keyhaven::test::run(keyhaven::test::binPath(u"keyhaven-cli"_s), args, {}, env, 60000);
}

QByteArray describe(const ProcessResult &r)
{
    return "exit " + QByteArray::number(r.exitCode) + "; stdout: " + r.out.left(400)
        + "; stderr: " + r.err;
}

QJsonObject json(const ProcessResult &r) { return QJsonDocument::fromJson(r.out).object(); }

QStringList diagnosisIds(const QJsonObject &o)
{
    QStringList ids;
    for (const QJsonValue &d : o.value(u"diagnosis"_s).toArray())
        ids << d[u"id"_s].toString();
    return ids;
}

} // namespace

class TestReplayOAuthE2E : public QObject
{
    Q_OBJECT

    keyhaven::test::E2eProvider m_provider;
    QString m_issuer;
    QString m_userinfo;
    QUrl m_revocation;

    // The stored access token, as `keyhaven-cli token` hands it out (no refresh: still valid).
    QByteArray storedToken()
    {
        const ProcessResult r = cli({ u"token"_s, kConnection });
        return r.exitCode == 0 ? r.out.trimmed() : QByteArray();
    }

    int rejected() { return m_provider.stats().value(u"rejected"_s).toInt(-1); }

    // RFC 7009 at the provider: the token stays in the keychain but the provider refuses it.
    void revoke(const QByteArray &token)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(m_revocation);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        QUrlQuery form;
        form.addQueryItem(u"token"_s, QString::fromLatin1(token));
        form.addQueryItem(u"token_type_hint"_s, u"access_token"_s);
        form.addQueryItem(u"client_id"_s, m_provider.clientId());
        QNetworkReply *reply = network.post(request, form.toString(QUrl::FullyEncoded).toLatin1());
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete reply;
        QCOMPARE(storedToken(), token);
    }

    QStringList replay(const QString &url)
    {
        return { u"replay"_s, u"--curl"_s, u"curl '%1'"_s.arg(url), u"--with"_s, kConnection,
            u"--allow-origin"_s, m_issuer, u"--json"_s };
    }

private Q_SLOTS:
    void initTestCase()
    {
        keyhaven::test::freshDataDir();
        QVERIFY2(QFile::exists(keyhaven::test::binPath(u"keyhaven-cli"_s)), "build keyhaven-cli");
        const QString started = m_provider.start(kAccessTtl);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_issuer = m_provider.issuer();
        const QJsonObject discovery = m_provider.getJson(u"/.well-known/openid-configuration"_s);
        m_userinfo = discovery.value(u"userinfo_endpoint"_s).toString();
        m_revocation = QUrl(discovery.value(u"revocation_endpoint"_s).toString());
        QVERIFY2(m_userinfo.startsWith(m_issuer), qPrintable(m_userinfo));
        QVERIFY(m_revocation.isValid());
        // No resource parameter: an opaque access token for the userinfo endpoint, and only
        // openid + offline_access (profile is left out for the insufficient_scope case).
        ProcessResult r = cli({ u"connections"_s, u"add"_s, kConnection, u"--issuer"_s, m_issuer,
            u"--client-id"_s, m_provider.clientId(), u"--scope"_s, u"openid offline_access"_s,
            u"--param"_s, u"prompt=consent"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const keyhaven::test::CliLogin login = keyhaven::test::cliLogin(kConnection);
        QVERIFY2(login.exitCode == 0,
            QByteArray(login.err + "\nbrowser: " + login.browserErr).constData());
        QVERIFY(!storedToken().isEmpty());
    }

    void cleanupTestCase() { m_provider.stop(); }

    void userinfoWithTheStoredToken()
    {
        const QByteArray token = storedToken();
        const int grants = m_provider.refreshGrants();
        // Rule 7: an OAuth connection lists no origin of its own, so the origin is named.
        ProcessResult r = cli(
            { u"replay"_s, u"--curl"_s, u"curl '%1'"_s.arg(m_userinfo), u"--with"_s, kConnection });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("credential-cross-origin"), describe(r).constData());

        r = cli(replay(m_userinfo));
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"status"_s).toInt(), 200);
        QCOMPARE(o.value(u"refreshed"_s).toBool(), false);
        QCOMPARE(o.value(u"attempts"_s).toInt(), 1);
        const QJsonObject claims =
            QJsonDocument::fromJson(o.value(u"body"_s).toString().toUtf8()).object();
        QCOMPARE(claims.value(u"sub"_s).toString(), u"alice"_s);
        QCOMPARE(m_provider.refreshGrants(), grants); // the stored token was good: no refresh
        QCOMPARE(storedToken(), token);
        QVERIFY(!r.out.contains(token) && !r.err.contains(token));
    }

    void revokedTokenGetsOneRefreshAndOneRetry()
    {
        const QByteArray revoked = storedToken();
        QVERIFY(!revoked.isEmpty());
        revoke(revoked);
        if (QTest::currentTestFailed())
            return;

        const int grants = m_provider.refreshGrants();
        QVERIFY(grants >= 0);
        const ProcessResult r = cli(replay(m_userinfo));
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"status"_s).toInt(), 200);
        QCOMPARE(o.value(u"refreshed"_s).toBool(), true);
        QCOMPARE(o.value(u"attempts"_s).toInt(), 2);
        QCOMPARE(diagnosisIds(o), QStringList { u"token-refreshed"_s });
        QVERIFY2(o.value(u"diagnosis"_s)[0][u"message"_s].toString().contains(u"200 now"_s),
            r.out.constData());
        QCOMPARE(m_provider.refreshGrants(), grants + 1); // exactly one, counted at the provider
        qInfo("revoked token: %s", qPrintable(o.value(u"diagnosis"_s)[0][u"message"_s].toString()));
        const QByteArray fresh = storedToken();
        QVERIFY(!fresh.isEmpty() && fresh != revoked); // the new token is the stored one
        QCOMPARE(m_provider.refreshGrants(), grants + 1);
        QVERIFY(!r.out.contains(revoked) && !r.out.contains(fresh));
        QVERIFY(!r.err.contains(revoked) && !r.err.contains(fresh));

        // Both attempts are in the history, newest first, the token replaced by its stand-in.
        const ProcessResult h = cli({ u"history"_s, u"--limit"_s, u"2"_s, u"--json"_s });
        QVERIFY2(h.exitCode == 0, describe(h).constData());
        QVERIFY(!h.out.contains(revoked) && !h.out.contains(fresh));
        const QJsonArray entries = json(h).value(u"history"_s).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0][u"status"_s].toInt(), 200);
        QCOMPARE(entries[1][u"status"_s].toInt(), 401);
        QCOMPARE(entries[0][u"diagnosis"_s][0][u"id"_s].toString(), u"token-refreshed"_s);
        QCOMPARE(entries[1][u"diagnosis"_s][0][u"id"_s].toString(), u"invalid-token"_s);
        for (const QJsonValue &e : entries) {
            QCOMPARE(e[u"item"_s].toString(), kConnection);
            QVERIFY(e[u"request_headers"_s].toArray().contains(
                QJsonArray { u"Authorization"_s, u"Bearer \u2039item userinfo\u203a"_s }));
        }
    }

    void exchangeRefreshesARevokedTokenOnce()
    {
        using namespace keyhaven::replay;
        const QByteArray revoked = storedToken();
        QVERIFY(!revoked.isEmpty());
        revoke(revoked);
        if (QTest::currentTestFailed())
            return;

        // What the main window builds: one vault, one network, one ConnectionManager given to
        // the Requests panel's Exchange; the history in the same SQLite file.
        QObject scope;
        keyhaven::Result<keyhaven::vault::Vault *> vault =
            keyhaven::vault::Vault::openDefault(&scope);
        QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message));
        auto history = History::open(keyhaven::paths::databaseFile());
        QVERIFY(history.has_value());
        QNetworkAccessManager network;
        keyhaven::oauth::ConnectionManager connections(*vault, &network);
        Exchange exchange(&network, *vault, history->get());
        exchange.setConnections(&connections);
        const std::optional<keyhaven::vault::Item> item = (*vault)->find(kConnection);
        QVERIFY(item.has_value());
        Request r;
        r.url = m_userinfo;
        r.auth = bindingFor(*item);
        QCOMPARE(r.auth.kind, AuthBinding::Kind::OAuth);
        QVERIFY(keyhaven::jose::hasFinding(exchange.check(r, {}), u"credential-cross-origin"_s));
        QVERIFY(!keyhaven::jose::hasError(exchange.check(r, { m_issuer })));
        const QByteArray standIn = "Bearer " + itemPlaceholder(kConnection);

        const int grants = m_provider.refreshGrants();
        const auto listed = (*history)->list(100000);
        QVERIFY(listed.has_value());
        const int rowsBefore = int(listed->size());
        std::optional<ExchangeOutcome> out;
        exchange.start(r, { m_issuer }, {}, [&out](ExchangeOutcome o) { out = std::move(o); });
        QVERIFY(exchange.isBusy());
        QVERIFY(QTest::qWaitFor([&out] { return out.has_value(); }, 60000));
        QVERIFY(!exchange.isBusy());
        QVERIFY2(!out->error, out->error ? qPrintable(out->error->message) : "");
        QVERIFY2(out->historyError.isEmpty(), qPrintable(out->historyError));
        QVERIFY(out->response.has_value());
        QCOMPARE(out->response->status, 200);
        QVERIFY(out->refreshed);
        QCOMPARE(out->attempts, 2);
        QStringList ids;
        for (const Diagnosis &d : std::as_const(out->diagnosis))
            ids << d.id;
        QCOMPARE(ids, QStringList { u"token-refreshed"_s });
        QVERIFY2(out->diagnosis.first().message.contains(u"200 now"_s),
            qPrintable(out->diagnosis.first().message));
        qInfo("exchange, revoked token: %s", qPrintable(out->diagnosis.first().message));
        QCOMPARE(
            QJsonDocument::fromJson(out->response->body).object()[u"sub"_s].toString(), u"alice"_s);
        QCOMPARE(out->shown.headerValue("Authorization"), standIn);
        // Exactly one refresh: asked by this manager, and counted at the provider.
        QCOMPARE(connections.refreshRequests(), 1);
        QCOMPARE(m_provider.refreshGrants(), grants + 1);
        const QByteArray fresh = storedToken();
        QVERIFY(!fresh.isEmpty() && fresh != revoked);
        QCOMPARE(m_provider.refreshGrants(), grants + 1);

        // Two rows, newest first, each with the stand-in and neither token.
        const auto rows = (*history)->list(100000);
        QVERIFY(rows.has_value());
        QCOMPARE(int(rows->size()), rowsBefore + 2);
        QCOMPARE(rows->at(0).status, 200);
        QCOMPARE(rows->at(1).status, 401);
        QCOMPARE(rows->at(0).diagnosis.value(0).id, u"token-refreshed"_s);
        QCOMPARE(rows->at(1).diagnosis.value(0).id, u"invalid-token"_s);
        for (int i = 0; i < 2; ++i) {
            const HistoryEntry &e = rows->at(i);
            QCOMPARE(e.item, kConnection);
            QVERIFY(e.requestHeaders.contains(Header { "Authorization", standIn }));
            for (const Header &h : e.requestHeaders)
                QVERIFY(!h.second.contains(revoked) && !h.second.contains(fresh));
        }
        QFile db(keyhaven::paths::databaseFile());
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray file = db.readAll();
        QVERIFY(!file.contains(revoked) && !file.contains(fresh));
    }

    void alwaysRejectedIsRetriedOnceNotLooped()
    {
        const int grants = m_provider.refreshGrants();
        const int before = rejected();
        QVERIFY(before >= 0);
        const ProcessResult r = cli(replay(m_issuer + u"/__reject"_s));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"status"_s).toInt(), 401);
        QCOMPARE(o.value(u"refreshed"_s).toBool(), true);
        QCOMPARE(o.value(u"attempts"_s).toInt(), 2);
        QCOMPARE(diagnosisIds(o).value(0), u"token-refreshed"_s);
        QVERIFY(diagnosisIds(o).contains(u"invalid-token"_s));
        QVERIFY2(
            o.value(u"diagnosis"_s)[0][u"message"_s].toString().contains(u"not retried again"_s),
            r.out.constData());
        QCOMPARE(rejected(), before + 2); // the first try and the one retry
        qInfo(
            "always rejected: %s", qPrintable(o.value(u"diagnosis"_s)[0][u"message"_s].toString()));
        QCOMPARE(m_provider.refreshGrants(), grants + 1);
    }

    void insufficientScopeIsExplained()
    {
        // The userinfo endpoint's scope parameter asks for claims the token was not granted:
        // oidc-provider answers 403 with Bearer error="insufficient_scope", scope="profile".
        const int grants = m_provider.refreshGrants();
        const ProcessResult r = cli(replay(m_userinfo + u"?scope=openid%20profile"_s));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"status"_s).toInt(), 403);
        QCOMPARE(o.value(u"refreshed"_s).toBool(), false); // a 403 is no reason to refresh
        QCOMPARE(diagnosisIds(o), QStringList { u"insufficient-scope"_s });
        const QString message = o.value(u"diagnosis"_s)[0][u"message"_s].toString();
        QVERIFY2(message.contains(u"openid"_s) && message.contains(u"offline_access"_s),
            qPrintable(message));
        QVERIFY2(message.contains(u"(missing: `profile`)"_s), qPrintable(message));
        qInfo("insufficient scope: %s", qPrintable(message));
        QCOMPARE(m_provider.refreshGrants(), grants);
        // Without --json the same explanation goes to stderr.
        QStringList args = replay(m_userinfo + u"?scope=openid%20profile"_s);
        args.removeAll(u"--json"_s);
        const ProcessResult text = cli(args);
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.err.startsWith("403 "), text.err.constData());
        QVERIFY2(text.err.contains("missing: `profile`"), text.err.constData());
    }

    void exportedCurlRunsInBash()
    {
        const ProcessResult r = cli({ u"replay"_s, u"--curl"_s, u"curl '%1'"_s.arg(m_userinfo),
            u"--with"_s, kConnection, u"--allow-origin"_s, m_issuer, u"--export-curl"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(r.out.contains("'Authorization: Bearer '\"$(keyhaven-cli token userinfo)\""),
            r.out.constData());
        const QByteArray token = storedToken();
        QVERIFY(!token.isEmpty() && !r.out.contains(token));
        // Run as printed, in bash, with keyhaven-cli found on PATH.
        const QString bin = QFileInfo(keyhaven::test::binPath(u"keyhaven-cli"_s)).absolutePath();
        const ProcessResult sh = keyhaven::test::run(u"/bin/bash"_s,
            { u"-c"_s, QString::fromUtf8("set -euo pipefail\n" + r.out.trimmed() + " --fail -sS") },
            {}, { u"PATH="_s + bin + u':' + qEnvironmentVariable("PATH") }, 60000);
        QVERIFY2(sh.exitCode == 0, describe(sh).constData());
        QCOMPARE(QJsonDocument::fromJson(sh.out).object().value(u"sub"_s).toString(), u"alice"_s);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(argc, argv, { [] { return new TestReplayOAuthE2E; } });
}

#include "tst_replay_oauth_e2e.moc"
