// tests/oauth/tst_oauth_e2e.cpp — the login pieces against a real OpenID provider (oidc-provider
// on 127.0.0.1) with headless Chromium as the user's browser: discovery, the authorization URL,
// the loopback receiver, code exchange with PKCE, refresh-token rotation, introspection,
// revocation, a user who says no, a confidential client, and the server's errors.
#include "e2eprovider.h"
#include "oauth/authorizationrequest.h"
#include "oauth/discovery.h"
#include "oauth/idtokenvalidator.h"
#include "oauth/jwkscache.h"
#include "oauth/loopbackreceiver.h"
#include "oauth/tokenclient.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <openssl/rand.h>

#include <optional>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::oauth;

namespace {

constexpr int kBrowserTimeoutMs = 120000;
const QString kResource = u"https://api.keyhaven.test/"_s;

QByteArray pkceVerifier()
{
    unsigned char bytes[48];
    RAND_bytes(bytes, sizeof bytes);
    return QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString s256(const QByteArray &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject jwtPayload(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
        .object();
}

struct Login
{
    std::optional<Result<AuthorizationResponse>> response;
    QUrl redirectUri;
    QByteArray verifier;
    QString nonce;
    int browserExit = -1;
    QByteArray browserErr;
};

template <typename T> struct Outcome
{
    std::optional<T> value;
};

} // namespace

class TestOAuthE2E : public QObject
{
    Q_OBJECT

    keyhaven::test::E2eProvider m_provider;
    QString m_issuer;
    QString m_clientId;
    std::optional<ServerMetadata> m_metadata;
    QNetworkAccessManager *m_network = nullptr;
    TokenClient *m_client = nullptr;
    JwksCache *m_jwks = nullptr;

    ClientConfig publicClient() const
    {
        ClientConfig c;
        c.tokenEndpoint = m_metadata->tokenEndpoint;
        c.clientId = m_clientId;
        return c;
    }

    // Drives one login: receiver + authorization URL + the browser; fills `login`.
    void runLogin(Login &login, const QString &clientId, bool deny)
    {
        LoopbackReceiver receiver;
        LoopbackReceiver::Options options;
        options.expectedState = randomToken();
        options.timeoutMs = kBrowserTimeoutMs;
        Result<QUrl> redirect = receiver.start(options,
            [&login](Result<AuthorizationResponse> r) { login.response.emplace(std::move(r)); });
        QVERIFY(redirect);
        login.redirectUri = *redirect;
        login.verifier = pkceVerifier();
        login.nonce = randomToken();

        AuthorizationRequest request;
        request.authorizationEndpoint = m_metadata->authorizationEndpoint;
        request.clientId = clientId;
        request.redirectUri = *redirect;
        request.scopes = { u"openid"_s, u"offline_access"_s, u"api:read"_s };
        request.state = options.expectedState;
        request.nonce = login.nonce;
        request.codeChallenge = s256(login.verifier);
        request.extra = { { u"resource"_s, kResource }, { u"prompt"_s, u"consent"_s } };
        Result<QUrl> url = authorizationUrl(request);
        QVERIFY(url);

        QProcess browser;
        QStringList args { QStringLiteral(KEYHAVEN_SOURCE_DIR) + u"/tests/e2e/browser_login.py"_s,
            url->toString(QUrl::FullyEncoded), u"--timeout"_s, u"90"_s };
        if (deny)
            args << u"--deny"_s;
        browser.start(u"/usr/bin/python3"_s, args);
        QVERIFY2(browser.waitForStarted(10000), qPrintable(browser.errorString()));
        // The receiver lives in this thread: wait by running the event loop.
        QTRY_VERIFY_WITH_TIMEOUT(
            login.response.has_value() || browser.state() == QProcess::NotRunning,
            kBrowserTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(browser.state() == QProcess::NotRunning, 30000);
        login.browserExit = browser.exitCode();
        login.browserErr = browser.readAllStandardError();
        QVERIFY2(login.response.has_value(), login.browserErr.constData());
    }

    Result<TokenSet> exchange(const ClientConfig &client, const Login &login)
    {
        Outcome<Result<TokenSet>> out;
        m_client->exchangeCode(client, login.response->value().code.toUtf8(), login.verifier,
            login.redirectUri, { { u"resource"_s, kResource } }, this,
            [&out](Result<TokenSet> r) { out.value.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&out] { return out.value.has_value(); }, 30000))
            return Error::environment(u"test-timeout"_s, u"no token response"_s);
        return std::move(*out.value);
    }

    Result<TokenSet> refresh(const QByteArray &refreshToken)
    {
        Outcome<Result<TokenSet>> out;
        m_client->refresh(publicClient(), refreshToken, { { u"resource"_s, kResource } }, this,
            [&out](Result<TokenSet> r) { out.value.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&out] { return out.value.has_value(); }, 30000))
            return Error::environment(u"test-timeout"_s, u"no token response"_s);
        return std::move(*out.value);
    }

    Result<jose::KeySet> issuerKeys(const QString &kid)
    {
        Outcome<Result<jose::KeySet>> out;
        m_jwks->keysFor(m_metadata->jwksUri, kid, this,
            [&out](Result<jose::KeySet> r) { out.value.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&out] { return out.value.has_value(); }, 30000))
            return Error::environment(u"test-timeout"_s, u"no key set"_s);
        return std::move(*out.value);
    }

    Result<QJsonObject> introspect(const QByteArray &token, const QString &hint)
    {
        Outcome<Result<QJsonObject>> out;
        m_client->introspect(m_metadata->introspectionEndpoint, publicClient(), token, hint, this,
            [&out](Result<QJsonObject> r) { out.value.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&out] { return out.value.has_value(); }, 30000))
            return Error::environment(u"test-timeout"_s, u"no introspection response"_s);
        return std::move(*out.value);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString started = m_provider.start(60);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_issuer = m_provider.issuer();
        m_clientId = m_provider.clientId();

        m_network = new QNetworkAccessManager(this);
        m_client = new TokenClient(m_network, this);
        m_jwks = new JwksCache(m_network, this);

        // Real discovery: the provider's own metadata document passes our checks.
        QNetworkReply *reply =
            m_network->get(QNetworkRequest(openIdConfigurationUrl(QUrl(m_issuer))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(15000));
        Result<ServerMetadata> metadata = parseServerMetadata(reply->readAll(), m_issuer);
        reply->deleteLater();
        QVERIFY2(metadata, qPrintable(metadata ? QString() : metadata.error().message));
        m_metadata = std::move(*metadata);
        QVERIFY(m_metadata->revocationEndpoint.isValid());
        QVERIFY(m_metadata->introspectionEndpoint.isValid());
        QVERIFY(m_metadata->codeChallengeMethodsSupported.contains(u"S256"_s));
        // A document for another issuer is refused (mix-up defence).
        QCOMPARE(
            parseServerMetadata(QJsonDocument(QJsonObject { { u"issuer"_s, m_issuer } }).toJson(),
                m_issuer + u"/"_s)
                .error()
                .id,
            u"issuer-mismatch"_s);
    }

    void cleanupTestCase() { m_provider.stop(); }

    void loginRefreshRotateIntrospectRevoke()
    {
        Login login;
        runLogin(login, m_clientId, false);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(login.response->has_value(),
            qPrintable(login.response->has_value() ? QString() : login.response->error().message));
        QCOMPARE(login.browserExit, 0);
        // RFC 9207: the provider says who answered.
        QCOMPARE(login.response->value().issuer, m_issuer);

        Result<TokenSet> first = exchange(publicClient(), login);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->tokenType.toLower(), u"bearer"_s);
        QVERIFY(!first->refreshToken.isEmpty());
        QVERIFY(!first->idToken.isEmpty());
        QVERIFY(first->expiresAt > QDateTime::currentDateTimeUtc().addSecs(30));
        QVERIFY(first->expiresAt <= QDateTime::currentDateTimeUtc().addSecs(61));
        // A JWT access token for the resource, and an id_token carrying our nonce.
        const QJsonObject access = jwtPayload(first->accessToken.bytes());
        QCOMPARE(access.value(u"iss"_s).toString(), m_issuer);
        QCOMPARE(access.value(u"aud"_s).toString(), kResource);
        QCOMPARE(jwtPayload(first->idToken.bytes()).value(u"nonce"_s).toString(), login.nonce);

        // The ID token verifies with the issuer's published keys and says what it must.
        const QList<QByteArray> parts = first->idToken.bytes().split('.');
        const QString kid =
            QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding))
                .object()
                .value(u"kid"_s)
                .toString();
        Result<jose::KeySet> keys = issuerKeys(kid);
        QVERIFY2(keys, qPrintable(keys ? QString() : keys.error().message));
        IdTokenExpectations expect;
        expect.issuer = m_issuer;
        expect.clientId = m_clientId;
        expect.nonce = login.nonce;
        expect.allowedAlgs = m_metadata->idTokenSigningAlgValuesSupported;
        expect.accessToken = first->accessToken.bytes();
        Result<jose::VerifyResult> idToken = validateIdToken(first->idToken.bytes(), *keys, expect);
        QVERIFY(idToken);
        QString why;
        for (const jose::Finding &f : idToken->findings)
            why += f.id + u": "_s + f.message + u"\n"_s;
        QVERIFY2(idToken->valid, qPrintable(why));
        QCOMPARE(idToken->claims.value(u"sub"_s).toString(), u"alice"_s);
        IdTokenExpectations wrongNonce = expect;
        wrongNonce.nonce = u"another-login"_s;
        auto replayed = validateIdToken(first->idToken.bytes(), *keys, wrongNonce);
        QVERIFY(!replayed->valid);
        QVERIFY(jose::hasFinding(replayed->findings, u"nonce-mismatch"_s));
        IdTokenExpectations otherClient = expect;
        otherClient.clientId = u"someone-else"_s;
        auto misdirected = validateIdToken(first->idToken.bytes(), *keys, otherClient);
        QVERIFY(!misdirected->valid);
        QVERIFY(jose::hasFinding(misdirected->findings, u"audience-mismatch"_s));
        IdTokenExpectations otherIssuer = expect;
        otherIssuer.issuer = m_issuer + u"/other"_s;
        QVERIFY(
            jose::hasFinding(validateIdToken(first->idToken.bytes(), *keys, otherIssuer)->findings,
                u"issuer-mismatch"_s));
        if (idToken->claims.contains(u"at_hash"_s)) {
            IdTokenExpectations swapped = expect;
            swapped.accessToken = "a-different-access-token"_ba;
            QVERIFY(
                jose::hasFinding(validateIdToken(first->idToken.bytes(), *keys, swapped)->findings,
                    u"at-hash-mismatch"_s));
        }
        // A kid the issuer never published: one refetch, then kid-unknown; no second refetch
        // inside the rate limit.
        const int fetches = m_jwks->fetchCount();
        QVERIFY(issuerKeys(kid)); // cached: no fetch
        QCOMPARE(m_jwks->fetchCount(), fetches);
        // Within the interval an unknown kid is refused without asking the issuer again ...
        QCOMPARE(issuerKeys(u"no-such-kid-0"_s).error().id, u"kid-unknown"_s);
        QCOMPARE(m_jwks->fetchCount(), fetches);
        // ... after it, one refetch (the issuer may have rotated), then quiet again.
        m_jwks->setMinRefetchInterval(300);
        QTest::qWait(400);
        Result<jose::KeySet> unknown = issuerKeys(u"no-such-kid"_s);
        QCOMPARE(unknown.error().id, u"kid-unknown"_s);
        QCOMPARE(m_jwks->fetchCount(), fetches + 1);
        QCOMPARE(issuerKeys(u"no-such-kid-2"_s).error().id, u"kid-unknown"_s);
        QCOMPARE(m_jwks->fetchCount(), fetches + 1);

        // Refresh rotates the refresh token.
        Result<TokenSet> second = refresh(first->refreshToken.bytes());
        QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        QVERIFY(!second->refreshToken.isEmpty());
        QVERIFY(!second->refreshToken.equals(first->refreshToken.bytes()));
        QVERIFY(!second->accessToken.equals(first->accessToken.bytes()));

        Result<QJsonObject> active = introspect(second->refreshToken.bytes(), u"refresh_token"_s);
        QVERIFY2(active, qPrintable(active ? QString() : active.error().message));
        QCOMPARE(active->value(u"active"_s).toBool(), true);
        QCOMPARE(active->value(u"client_id"_s).toString(), m_clientId);

        // Revoke the current refresh token: introspection then says inactive.
        Outcome<Result<void>> revoked;
        m_client->revoke(m_metadata->revocationEndpoint, publicClient(),
            second->refreshToken.bytes(), u"refresh_token"_s, this,
            [&revoked](Result<void> r) { revoked.value.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(revoked.value.has_value(), 30000);
        QVERIFY2(revoked.value->has_value(),
            qPrintable(revoked.value->has_value() ? QString() : revoked.value->error().message));
        Result<QJsonObject> inactive = introspect(second->refreshToken.bytes(), u"refresh_token"_s);
        QVERIFY(inactive);
        QCOMPARE(inactive->value(u"active"_s).toBool(), false);

        // The rotated-away refresh token is refused: the state to show is "log in again".
        Result<TokenSet> old = refresh(first->refreshToken.bytes());
        QVERIFY(!old);
        QCOMPARE(old.error().id, u"oauth-invalid-grant"_s);
        QVERIFY(old.error().message.contains(u"log in again"_s));
    }

    void codeIsSingleUseAndReuseRevokesItsTokens()
    {
        Login login;
        runLogin(login, m_clientId, false);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(login.response->has_value());
        Result<TokenSet> first = exchange(publicClient(), login);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        Result<TokenSet> again = exchange(publicClient(), login);
        QVERIFY(!again);
        QCOMPARE(again.error().id, u"oauth-invalid-grant"_s);
        // RFC 6749 §4.1.2: a replayed code revokes what was issued for it.
        Result<TokenSet> refreshed = refresh(first->refreshToken.bytes());
        QVERIFY(!refreshed);
        QCOMPARE(refreshed.error().id, u"oauth-invalid-grant"_s);
    }

    void userSaysNo()
    {
        Login login;
        runLogin(login, m_clientId, true);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!login.response->has_value());
        QCOMPARE(login.response->error().id, u"authorization-error"_s);
        QVERIFY2(login.response->error().message.contains(u"access_denied"_s),
            qPrintable(login.response->error().message));
    }

    void confidentialClientAndWrongSecret()
    {
        const QString id = m_clientId + u"-confidential"_s;
        Login login;
        runLogin(login, id, false);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(login.response->has_value());
        ClientConfig client = publicClient();
        client.clientId = id;
        client.auth = ClientAuth::SecretBasic;
        client.clientSecret = "not-the-secret"_ba;
        Result<TokenSet> refused = exchange(client, login);
        QVERIFY(!refused);
        QCOMPARE(refused.error().id, u"oauth-invalid-client"_s);
        client.clientSecret = "e2e-client-secret-value"_ba;
        Result<TokenSet> tokens = exchange(client, login);
        QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().message));
        QVERIFY(!tokens->accessToken.isEmpty());
    }

    void nothingIsSentToAnInsecureEndpoint()
    {
        ClientConfig client = publicClient();
        client.tokenEndpoint = QUrl(u"http://token.keyhaven.invalid/token"_s);
        Outcome<Result<TokenSet>> out;
        m_client->refresh(client, "rt", {}, this,
            [&out](Result<TokenSet> r) { out.value.emplace(std::move(r)); });
        QVERIFY(out.value.has_value()); // refused synchronously, before any connection
        QCOMPARE(out.value->error().id, u"endpoint-insecure"_s);
    }

    void unreachableServerIsANetworkError()
    {
        ClientConfig client = publicClient();
        client.tokenEndpoint = QUrl(u"http://127.0.0.1:1/token"_s);
        Outcome<Result<TokenSet>> out;
        m_client->refresh(client, "rt", {}, this,
            [&out](Result<TokenSet> r) { out.value.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(out.value.has_value(), 30000);
        QCOMPARE(out.value->error().id, u"network"_s);
    }
};

class TestTokenResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesAndRejects()
    {
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        auto ok = parseTokenResponse(200,
            R"({"access_token":"a+b/c","token_type":"Bearer","expires_in":3600,
                     "refresh_token":"r","scope":"openid api:read"})",
            now);
        QVERIFY(ok);
        QVERIFY(ok->accessToken.equals("a+b/c"));
        QCOMPARE(ok->expiresAt, now.addSecs(3600));
        QCOMPARE(ok->scopes, (QStringList { u"openid"_s, u"api:read"_s }));
        QCOMPARE(parseTokenResponse(200, R"({"token_type":"Bearer"})", now).error().id,
            u"server-response"_s);
        QCOMPARE(parseTokenResponse(200, "<html>", now).error().id, u"server-response"_s);
        auto err = parseTokenResponse(400,
            R"({"error":"invalid_grant","error_description":"grant request is invalid"})", now);
        QCOMPARE(err.error().id, u"oauth-invalid-grant"_s);
        QVERIFY(err.error().message.contains(u"grant request is invalid"_s));
        QCOMPARE(parseTokenResponse(502, "Bad gateway", now).error().id, u"server-response"_s);
        QCOMPARE(parseTokenResponse(400, R"({"error":"bad\u0001"})", now).error().id,
            u"server-response"_s);
    }

    void refreshTokenLifetime()
    {
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        const auto parse = [&now](const char *extra) {
            return parseTokenResponse(200,
                QByteArray(
                    "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\"")
                    + extra + "}",
                now);
        };
        auto github = parse(",\"refresh_token_expires_in\":15897600"); // GitHub, Microsoft
        QVERIFY(github);
        QCOMPARE(github->refreshExpiresAt, now.addSecs(15897600));
        auto keycloak = parse(",\"refresh_expires_in\":\"1800\"");
        QVERIFY(keycloak);
        QCOMPARE(keycloak->refreshExpiresAt, now.addSecs(1800));
        auto offline = parse(",\"refresh_expires_in\":0"); // Keycloak: never expires
        QVERIFY(offline);
        QVERIFY(offline->refreshExpiresAt.isNull());
        auto unsaid = parse("");
        QVERIFY(unsaid);
        QVERIFY(unsaid->refreshExpiresAt.isNull());
        QVERIFY(unsaid->expiresAt.isNull());
        auto junk = parse(",\"refresh_expires_in\":\"soon\",\"expires_in\":-5");
        QVERIFY(junk);
        QVERIFY(junk->refreshExpiresAt.isNull());
        QVERIFY(junk->expiresAt.isNull());
    }

    void halfHashMatchesOidcExample()
    {
        // OpenID Connect Core 1.0, Appendix A.3 (RS256).
        QCOMPARE(halfHash(u"RS256"_s, "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"),
            u"77QmUPtjPfzWtF2AnpK9RQ"_s);
        QCOMPARE(halfHash(u"ES512"_s, "x").size(), 43);
        QVERIFY(halfHash(u"none"_s, "x").isEmpty());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(
        argc, argv, { [] { return new TestTokenResponse; }, [] { return new TestOAuthE2E; } });
}

#include "tst_oauth_e2e.moc"
