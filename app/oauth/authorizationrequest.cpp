// oauth/authorizationrequest.cpp — builds the authorization URL of the code flow with PKCE.
#include "oauth/authorizationrequest.h"
#include "oauth/discovery.h"

#include <QUrlQuery>

#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace keyhaven::oauth {

namespace {

const QStringList &reservedParameters()
{
    static const QStringList names { u"response_type"_s, u"client_id"_s, u"redirect_uri"_s,
        u"scope"_s, u"state"_s, u"nonce"_s, u"code_challenge"_s, u"code_challenge_method"_s };
    return names;
}

// Form-style encoding for a query value: only unreserved characters stay as they are.
QString encode(const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); }

} // namespace

Result<QUrl> authorizationUrl(const AuthorizationRequest &r)
{
    if (!isAllowedEndpoint(r.authorizationEndpoint))
        return Error::input(u"invalid-request"_s,
            u"The authorization endpoint must use HTTPS (or be on loopback)."_s);
    if (r.clientId.isEmpty() || r.state.isEmpty() || r.codeChallenge.isEmpty()
        || !r.redirectUri.isValid())
        return Error::input(u"invalid-request"_s,
            u"client_id, redirect_uri, state and code_challenge are required."_s);
    for (const auto &[name, value] : r.extra) {
        if (reservedParameters().contains(name))
            return Error::input(u"invalid-request"_s,
                u"The parameter \"%1\" is set by the login flow itself."_s.arg(name));
        if (name.isEmpty())
            return Error::input(u"invalid-request"_s, u"An extra parameter has no name."_s);
    }

    QStringList parts;
    const QString existing = r.authorizationEndpoint.query(QUrl::FullyEncoded);
    if (!existing.isEmpty())
        parts << existing;
    const auto add = [&parts](const QString &name, const QString &value) {
        parts << encode(name) + u'=' + encode(value);
    };
    add(u"response_type"_s, u"code"_s);
    add(u"client_id"_s, r.clientId);
    add(u"redirect_uri"_s, r.redirectUri.toString(QUrl::FullyEncoded));
    if (!r.scopes.isEmpty())
        add(u"scope"_s, r.scopes.join(u' '));
    add(u"state"_s, r.state);
    if (!r.nonce.isEmpty())
        add(u"nonce"_s, r.nonce);
    add(u"code_challenge"_s, r.codeChallenge);
    add(u"code_challenge_method"_s, u"S256"_s);
    for (const auto &[name, value] : r.extra)
        add(name, value);

    QUrl url = r.authorizationEndpoint;
    url.setQuery(parts.join(u'&'), QUrl::StrictMode);
    return url;
}

QString randomToken()
{
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        qFatal("RAND_bytes failed: no entropy for an OAuth state value");
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace keyhaven::oauth
