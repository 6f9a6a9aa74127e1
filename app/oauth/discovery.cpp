// oauth/discovery.cpp — authorization server metadata: URLs and checks.
#include "oauth/discovery.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace keyhaven::oauth {

namespace {

Error malformed(const QString &why)
{
    return Error::environment(
        u"discovery-malformed"_s, u"The server's metadata document is not usable: %1"_s.arg(why));
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        if (e.isString())
            out << e.toString();
    return out;
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool isAllowedEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == u"https"_s)
        return true;
    return url.scheme() == u"http"_s && isLoopbackHost(url.host());
}

QUrl openIdConfigurationUrl(const QUrl &issuer)
{
    QUrl url = issuer;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/.well-known/openid-configuration"_s);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl oauthServerMetadataUrl(const QUrl &issuer)
{
    QUrl url = issuer;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(u"/.well-known/oauth-authorization-server"_s + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

Result<ServerMetadata> parseServerMetadata(const QByteArray &json, const QString &expectedIssuer)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(u"it is not a JSON object"_s);
    const QJsonObject o = doc.object();

    ServerMetadata m;
    m.issuer = o.value(u"issuer"_s).toString();
    if (m.issuer.isEmpty())
        return malformed(u"it has no issuer"_s);
    if (m.issuer != expectedIssuer)
        return Error::environment(u"issuer-mismatch"_s,
            u"The metadata names the issuer \"%1\", not \"%2\". The two must match exactly "
            "(RFC 8414 §3.3); otherwise tokens from one server could be accepted for another."_s
                .arg(m.issuer, expectedIssuer));

    struct Endpoint
    {
        const char16_t *name;
        QUrl *target;
        bool required;
    };
    const Endpoint endpoints[] = {
        { u"authorization_endpoint", &m.authorizationEndpoint, true },
        { u"token_endpoint", &m.tokenEndpoint, true },
        { u"jwks_uri", &m.jwksUri, false },
        { u"userinfo_endpoint", &m.userinfoEndpoint, false },
        { u"revocation_endpoint", &m.revocationEndpoint, false },
        { u"introspection_endpoint", &m.introspectionEndpoint, false },
        { u"end_session_endpoint", &m.endSessionEndpoint, false },
    };
    for (const Endpoint &e : endpoints) {
        const QString key = QString::fromUtf16(e.name);
        const QString value = o.value(key).toString();
        if (value.isEmpty()) {
            if (e.required)
                return malformed(u"%1 is missing"_s.arg(key));
            continue;
        }
        const QUrl url(value, QUrl::StrictMode);
        if (!isAllowedEndpoint(url))
            return Error::environment(u"endpoint-insecure"_s,
                u"%1 is %2: endpoints must use HTTPS unless they are on this machine "
                "(loopback)."_s.arg(key, value));
        *e.target = url;
    }

    m.scopesSupported = stringList(o.value(u"scopes_supported"_s));
    m.responseTypesSupported = stringList(o.value(u"response_types_supported"_s));
    m.grantTypesSupported = stringList(o.value(u"grant_types_supported"_s));
    m.codeChallengeMethodsSupported = stringList(o.value(u"code_challenge_methods_supported"_s));
    m.tokenEndpointAuthMethodsSupported =
        stringList(o.value(u"token_endpoint_auth_methods_supported"_s));
    m.idTokenSigningAlgValuesSupported =
        stringList(o.value(u"id_token_signing_alg_values_supported"_s));
    m.authorizationResponseIssParameterSupported =
        o.value(u"authorization_response_iss_parameter_supported"_s).toBool(false);

    if (!m.codeChallengeMethodsSupported.isEmpty()
        && !m.codeChallengeMethodsSupported.contains(u"S256"_s))
        return Error::environment(u"pkce-unsupported"_s,
            u"The server does not offer PKCE with S256 (it lists: %1); "
            "Keyhaven never falls back to plain."_s.arg(
                m.codeChallengeMethodsSupported.join(u", "_s)));
    return m;
}

} // namespace keyhaven::oauth
