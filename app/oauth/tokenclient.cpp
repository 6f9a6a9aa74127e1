// oauth/tokenclient.cpp — token, revocation and introspection endpoints.
#include "oauth/tokenclient.h"
#include "oauth/discovery.h"
#include "oauth/log.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace keyhaven::oauth {

namespace {

// application/x-www-form-urlencoded (RFC 6749 Appendix B): everything but unreserved characters
// is percent-encoded, so a '+' in a token can never turn into a space.
void addParam(QByteArray &body, QByteArrayView name, QByteArrayView value)
{
    if (!body.isEmpty())
        body += '&';
    body += QUrl::toPercentEncoding(QString::fromLatin1(name.data(), name.size()));
    body += '=';
    body += QByteArray(value.data(), value.size()).toPercentEncoding();
}

void addClient(QByteArray &body, const ClientConfig &client)
{
    if (client.auth != ClientAuth::SecretBasic)
        addParam(body, "client_id", client.clientId.toUtf8());
    if (client.auth == ClientAuth::SecretPost)
        addParam(body, "client_secret", client.clientSecret);
}

void addExtra(QByteArray &body, const Params &extra)
{
    for (const auto &[name, value] : extra)
        addParam(body, name.toUtf8(), value.toUtf8());
}

// The body of a revocation or introspection request (RFC 7009 §2.1, RFC 7662 §2.1).
QByteArray tokenBody(
    const QByteArray &token, const QString &tokenTypeHint, const ClientConfig &client)
{
    QByteArray body;
    addParam(body, "token", token);
    if (!tokenTypeHint.isEmpty())
        addParam(body, "token_type_hint", tokenTypeHint.toUtf8());
    addClient(body, client);
    return body;
}

// Turns the raw answer of the token endpoint into a TokenSet or an Error.
auto tokenResponse(TokenClient::TokenDone done)
{
    return [done = std::move(done)](int status, const QByteArray &bytes, Result<void> transport) {
        if (!transport)
            return done(transport.error());
        done(parseTokenResponse(status, bytes, QDateTime::currentDateTimeUtc()));
    };
}

QString kebab(QString s) { return s.replace(u'_', u'-'); }

// A lifetime in seconds ("expires_in": 3600, or "3600" as some servers send it) as a UTC time;
// null when absent, negative or not a number.
QDateTime expiryFrom(const QJsonValue &seconds, const QDateTime &now)
{
    qint64 secs = -1;
    if (seconds.isDouble() && seconds.toDouble() >= 0 && seconds.toDouble() < 1e12) {
        secs = qint64(seconds.toDouble());
    } else if (seconds.isString()) {
        bool ok = false;
        secs = seconds.toString().toLongLong(&ok);
        if (!ok)
            secs = -1;
    }
    return secs < 0 ? QDateTime() : now.toUTC().addSecs(secs);
}

} // namespace

TokenClient::TokenClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

TokenClient::~TokenClient() = default;

Error oauthError(int httpStatus, const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString error = o.value(u"error"_s).toString();
    if (error.isEmpty())
        return Error::environment(u"server-response"_s,
            u"The server answered HTTP %1 without an OAuth error."_s.arg(httpStatus));
    // Only the RFC's characters (%x20-21 / %x23-5B / %x5D-7E) go into an id.
    for (QChar c : error)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            return Error::environment(u"server-response"_s,
                u"The server answered HTTP %1 with a malformed error."_s.arg(httpStatus));
    QString message = u"The server refused the request: %1"_s.arg(error);
    const QString description = o.value(u"error_description"_s).toString();
    if (!description.isEmpty())
        message += u" — "_s + description;
    if (error == u"invalid_grant"_s)
        message += u" (the grant is no longer valid: log in again)"_s;
    return Error::environment(u"oauth-"_s + kebab(error), message);
}

Result<TokenSet> parseTokenResponse(int httpStatus, const QByteArray &body, const QDateTime &now)
{
    if (httpStatus != 200)
        return oauthError(httpStatus, body);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::environment(
            u"server-response"_s, u"The token response is not a JSON object."_s);
    const QJsonObject o = doc.object();
    const QString access = o.value(u"access_token"_s).toString();
    const QString type = o.value(u"token_type"_s).toString();
    if (access.isEmpty() || type.isEmpty())
        return Error::environment(
            u"server-response"_s, u"The token response lacks access_token or token_type."_s);
    TokenSet t;
    t.accessToken = SecretBytes(access.toUtf8());
    t.refreshToken = SecretBytes(o.value(u"refresh_token"_s).toString().toUtf8());
    t.idToken = SecretBytes(o.value(u"id_token"_s).toString().toUtf8());
    t.tokenType = type;
    t.expiresAt = expiryFrom(o.value(u"expires_in"_s), now);
    // Not in RFC 6749, but common: Keycloak's refresh_expires_in, the refresh_token_expires_in of
    // GitHub and Microsoft. The rotation dashboard shows the refresh token's expiry from it.
    if (!t.refreshToken.isEmpty()) {
        // Keycloak's 0 means "does not expire" (offline tokens): null.
        const QJsonValue lifetime = o.contains(u"refresh_token_expires_in"_s)
            ? o.value(u"refresh_token_expires_in"_s)
            : o.value(u"refresh_expires_in"_s);
        if (lifetime.toDouble(-1) != 0 && lifetime.toString() != u"0"_s)
            t.refreshExpiresAt = expiryFrom(lifetime, now);
    }
    const QString scope = o.value(u"scope"_s).toString();
    if (!scope.isEmpty())
        t.scopes = scope.split(u' ', Qt::SkipEmptyParts);
    return t;
}

void TokenClient::post(const QUrl &endpoint, const ClientConfig &client, QByteArray body,
    QObject *context, RawDone done)
{
    QPointer<QObject> guard(context);
    if (!isAllowedEndpoint(endpoint)) {
        SecretBytes::wipe(body);
        done(0, {},
            Error::input(u"endpoint-insecure"_s,
                u"%1 is neither HTTPS nor on this machine: no credential is sent "
                "there."_s.arg(endpoint.toString(QUrl::RemoveUserInfo))));
        return;
    }
    if (!m_network) {
        done(0, {}, Error::environment(u"network"_s, u"No network access manager."_s));
        return;
    }
    QNetworkRequest request(endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(client.timeoutMs);
    // Credentials never follow a redirect (DESIGN.md rule 7).
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (client.auth == ClientAuth::SecretBasic) {
        QByteArray pair = QUrl::toPercentEncoding(client.clientId) + ':'
            + client.clientSecret.toPercentEncoding();
        QByteArray header = "Basic " + pair.toBase64();
        request.setRawHeader("Authorization", header);
        SecretBytes::wipe(pair);
        SecretBytes::wipe(header);
    }
    QNetworkReply *reply = m_network->post(request, body);
    SecretBytes::wipe(body);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QByteArray bytes = reply->readAll();
        if (status == 0) {
            done(0, {},
                Error::environment(u"network"_s,
                    u"Cannot reach %1: %2"_s.arg(
                        reply->url().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                        reply->errorString())));
        } else {
            done(status, bytes, {});
        }
        SecretBytes::wipe(bytes);
    });
}

void TokenClient::exchangeCode(const ClientConfig &client, const QByteArray &code,
    const QByteArray &codeVerifier, const QUrl &redirectUri, const Params &extra, QObject *context,
    TokenDone done)
{
    QByteArray body;
    addParam(body, "grant_type", "authorization_code");
    addParam(body, "code", code);
    addParam(body, "redirect_uri", redirectUri.toString(QUrl::FullyEncoded).toUtf8());
    addParam(body, "code_verifier", codeVerifier);
    addClient(body, client);
    addExtra(body, extra);
    qCInfo(lcOAuth) << "exchanging an authorization code at"
                    << client.tokenEndpoint.toString(QUrl::RemoveQuery);
    post(client.tokenEndpoint, client, std::move(body), context, tokenResponse(std::move(done)));
}

void TokenClient::refresh(const ClientConfig &client, const QByteArray &refreshToken,
    const Params &extra, QObject *context, TokenDone done)
{
    QByteArray body;
    addParam(body, "grant_type", "refresh_token");
    addParam(body, "refresh_token", refreshToken);
    addClient(body, client);
    addExtra(body, extra);
    post(client.tokenEndpoint, client, std::move(body), context, tokenResponse(std::move(done)));
}

void TokenClient::revoke(const QUrl &endpoint, const ClientConfig &client, const QByteArray &token,
    const QString &tokenTypeHint, QObject *context, VoidDone done)
{
    QByteArray body = tokenBody(token, tokenTypeHint, client);
    post(endpoint, client, std::move(body), context,
        [done = std::move(done)](int status, const QByteArray &bytes, Result<void> transport) {
            if (!transport)
                return done(transport.error());
            // RFC 7009 §2.2: 200 also for a token that was already invalid.
            if (status == 200)
                return done({});
            done(oauthError(status, bytes));
        });
}

void TokenClient::introspect(const QUrl &endpoint, const ClientConfig &client,
    const QByteArray &token, const QString &tokenTypeHint, QObject *context, JsonDone done)
{
    QByteArray body = tokenBody(token, tokenTypeHint, client);
    post(endpoint, client, std::move(body), context,
        [done = std::move(done)](int status, const QByteArray &bytes, Result<void> transport) {
            if (!transport)
                return done(transport.error());
            if (status != 200)
                return done(oauthError(status, bytes));
            const QJsonDocument doc = QJsonDocument::fromJson(bytes);
            if (!doc.isObject() || !doc.object().value(u"active"_s).isBool())
                return done(Error::environment(u"server-response"_s,
                    u"The introspection response has no boolean \"active\" (RFC 7662 §2.2)."_s));
            done(doc.object());
        });
}

} // namespace keyhaven::oauth
