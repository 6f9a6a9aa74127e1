// tests/oauth/tst_discovery.cpp — metadata checks and the authorization URL.
#include "oauth/authorizationrequest.h"
#include "oauth/discovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace keyhaven::oauth;

namespace {

QJsonObject metadata(const QString &issuer)
{
    return QJsonObject {
        { u"issuer"_s, issuer },
        { u"authorization_endpoint"_s, QString(issuer + u"/auth"_s) },
        { u"token_endpoint"_s, QString(issuer + u"/token"_s) },
        { u"jwks_uri"_s, QString(issuer + u"/jwks"_s) },
        { u"revocation_endpoint"_s, QString(issuer + u"/token/revocation"_s) },
        { u"introspection_endpoint"_s, QString(issuer + u"/token/introspection"_s) },
        { u"code_challenge_methods_supported"_s, QJsonArray { u"S256"_s } },
        { u"scopes_supported"_s, QJsonArray { u"openid"_s, u"offline_access"_s } },
        { u"authorization_response_iss_parameter_supported"_s, true },
    };
}

QByteArray bytes(const QJsonObject &o) { return QJsonDocument(o).toJson(); }

} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wellKnownUrls()
    {
        QCOMPARE(openIdConfigurationUrl(QUrl(u"https://id.example"_s)).toString(),
            u"https://id.example/.well-known/openid-configuration"_s);
        QCOMPARE(openIdConfigurationUrl(QUrl(u"https://id.example/tenant/"_s)).toString(),
            u"https://id.example/tenant/.well-known/openid-configuration"_s);
        QCOMPARE(oauthServerMetadataUrl(QUrl(u"https://id.example/tenant"_s)).toString(),
            u"https://id.example/.well-known/oauth-authorization-server/tenant"_s);
    }

    void endpointPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << u"https://id.example/token"_s << true;
        QTest::newRow("http-remote") << u"http://id.example/token"_s << false;
        QTest::newRow("http-127") << u"http://127.0.0.1:8080/token"_s << true;
        QTest::newRow("http-127.5") << u"http://127.0.0.5/token"_s << true;
        QTest::newRow("http-ipv6-loopback") << u"http://[::1]:9/token"_s << true;
        QTest::newRow("http-localhost") << u"http://localhost/token"_s << true;
        QTest::newRow("http-lan") << u"http://192.168.1.4/token"_s << false;
        QTest::newRow("http-localhost-suffix") << u"http://localhost.evil.example/t"_s << false;
        QTest::newRow("userinfo") << u"https://user:pw@id.example/token"_s << false;
        QTest::newRow("ftp") << u"ftp://id.example/token"_s << false;
        QTest::newRow("relative") << u"/token"_s << false;
    }
    void endpointPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(isAllowedEndpoint(QUrl(url)), allowed);
    }

    void parsesGoodMetadata()
    {
        auto m =
            parseServerMetadata(bytes(metadata(u"https://id.example"_s)), u"https://id.example"_s);
        QVERIFY2(m, qPrintable(m ? QString() : m.error().message));
        QCOMPARE(m->tokenEndpoint, QUrl(u"https://id.example/token"_s));
        QCOMPARE(m->revocationEndpoint, QUrl(u"https://id.example/token/revocation"_s));
        QVERIFY(m->authorizationResponseIssParameterSupported);
        QCOMPARE(m->scopesSupported, (QStringList { u"openid"_s, u"offline_access"_s }));
    }

    void issuerMustMatchExactly()
    {
        const QByteArray doc = bytes(metadata(u"https://id.example"_s));
        QCOMPARE(
            parseServerMetadata(doc, u"https://id.example/"_s).error().id, u"issuer-mismatch"_s);
        QCOMPARE(
            parseServerMetadata(doc, u"https://ID.example"_s).error().id, u"issuer-mismatch"_s);
        QCOMPARE(
            parseServerMetadata(doc, u"https://evil.example"_s).error().id, u"issuer-mismatch"_s);
    }

    void insecureEndpointRefused()
    {
        QJsonObject o = metadata(u"https://id.example"_s);
        o[u"token_endpoint"_s] = u"http://id.example/token"_s;
        auto m = parseServerMetadata(bytes(o), u"https://id.example"_s);
        QCOMPARE(m.error().id, u"endpoint-insecure"_s);
        QVERIFY(m.error().message.contains(u"token_endpoint"_s));
        // ... but a provider on loopback (a test server, a local dev IdP) is fine.
        auto local = parseServerMetadata(
            bytes(metadata(u"http://127.0.0.1:4000"_s)), u"http://127.0.0.1:4000"_s);
        QVERIFY(local);
    }

    void missingOrBroken()
    {
        QJsonObject o = metadata(u"https://id.example"_s);
        o.remove(u"token_endpoint"_s);
        QCOMPARE(parseServerMetadata(bytes(o), u"https://id.example"_s).error().id,
            u"discovery-malformed"_s);
        QCOMPARE(parseServerMetadata("[1,2]", u"https://id.example"_s).error().id,
            u"discovery-malformed"_s);
        QCOMPARE(parseServerMetadata("<html>", u"https://id.example"_s).error().id,
            u"discovery-malformed"_s);
    }

    void pkceMustOfferS256()
    {
        QJsonObject o = metadata(u"https://id.example"_s);
        o[u"code_challenge_methods_supported"_s] = QJsonArray { u"plain"_s };
        QCOMPARE(parseServerMetadata(bytes(o), u"https://id.example"_s).error().id,
            u"pkce-unsupported"_s);
        o.remove(u"code_challenge_methods_supported"_s); // not advertised: try anyway
        QVERIFY(parseServerMetadata(bytes(o), u"https://id.example"_s));
    }

    void authorizationUrlCarriesEverything()
    {
        AuthorizationRequest r;
        r.authorizationEndpoint = QUrl(u"https://id.example/auth?tenant=a%20b"_s);
        r.clientId = u"native app"_s;
        r.redirectUri = QUrl(u"http://127.0.0.1:5123/callback"_s);
        r.scopes = { u"openid"_s, u"offline_access"_s, u"api:read"_s };
        r.state = u"st&te"_s;
        r.nonce = u"n0nce"_s;
        r.codeChallenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;
        r.extra = { { u"resource"_s, u"https://api.example/"_s }, { u"prompt"_s, u"consent"_s } };
        auto url = authorizationUrl(r);
        QVERIFY(url);
        QCOMPARE(url->host(), u"id.example"_s);
        QCOMPARE(url->path(), u"/auth"_s);
        const QUrlQuery q(*url);
        QCOMPARE(q.queryItemValue(u"tenant"_s, QUrl::FullyDecoded), u"a b"_s);
        QCOMPARE(q.queryItemValue(u"response_type"_s), u"code"_s);
        QCOMPARE(q.queryItemValue(u"client_id"_s, QUrl::FullyDecoded), u"native app"_s);
        QCOMPARE(q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded),
            u"http://127.0.0.1:5123/callback"_s);
        QCOMPARE(
            q.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"openid offline_access api:read"_s);
        QCOMPARE(q.queryItemValue(u"state"_s, QUrl::FullyDecoded), u"st&te"_s);
        QCOMPARE(q.queryItemValue(u"nonce"_s), u"n0nce"_s);
        QCOMPARE(q.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(q.queryItemValue(u"resource"_s, QUrl::FullyDecoded), u"https://api.example/"_s);
        QCOMPARE(q.queryItemValue(u"prompt"_s), u"consent"_s);
        // The ampersand in the state cannot split the query.
        QVERIFY(!q.hasQueryItem(u"te"_s));
    }

    void authorizationUrlRefusesOverridesAndInsecureEndpoints()
    {
        AuthorizationRequest r;
        r.authorizationEndpoint = QUrl(u"https://id.example/auth"_s);
        r.clientId = u"c"_s;
        r.redirectUri = QUrl(u"http://127.0.0.1:1/cb"_s);
        r.state = u"s"_s;
        r.codeChallenge = u"c"_s;
        r.extra = { { u"code_challenge_method"_s, u"plain"_s } };
        QCOMPARE(authorizationUrl(r).error().id, u"invalid-request"_s);
        r.extra.clear();
        r.authorizationEndpoint = QUrl(u"http://id.example/auth"_s);
        QCOMPARE(authorizationUrl(r).error().id, u"invalid-request"_s);
        r.authorizationEndpoint = QUrl(u"https://id.example/auth"_s);
        r.codeChallenge.clear();
        QCOMPARE(authorizationUrl(r).error().id, u"invalid-request"_s);
    }

    void randomTokensAreLongAndDistinct()
    {
        const QString a = randomToken();
        const QString b = randomToken();
        QCOMPARE(a.size(), 43); // 32 bytes, base64url without padding
        QVERIFY(a != b);
        for (QChar c : a)
            QVERIFY(c.isLetterOrNumber() || c == u'-' || c == u'_');
    }
};

QObject *makeDiscoveryTest() { return new TestDiscovery; }

#include "tst_discovery.moc"
