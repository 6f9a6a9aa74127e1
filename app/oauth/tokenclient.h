// oauth/tokenclient.h — talks to an authorization server's token, revocation and introspection
// endpoints (RFC 6749 §4.1.3 and §6, RFC 7636, RFC 7009, RFC 7662).
#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace keyhaven::oauth {

// How the client authenticates at the token endpoint (RFC 6749 §2.3.1).
enum class ClientAuth {
    None, // public client (native app): client_id in the body, PKCE protects the code
    SecretBasic, // client_secret_basic
    SecretPost, // client_secret_post
};

struct ClientConfig
{
    QUrl tokenEndpoint;
    QString clientId;
    ClientAuth auth = ClientAuth::None;
    QByteArray clientSecret; // from the keychain; wiped by the caller when done
    int timeoutMs = 30000;
};

// What the token endpoint issued. Move-only because the tokens are secrets.
struct TokenSet
{
    SecretBytes accessToken;
    SecretBytes refreshToken; // empty when none was issued (keep the old one: RFC 6749 §6)
    SecretBytes idToken;
    QString tokenType; // "Bearer" (compared case-insensitively)
    QDateTime expiresAt; // UTC; null when the server did not say
    QDateTime refreshExpiresAt; // UTC; from the non-standard refresh(_token)_expires_in, else null
    QStringList scopes; // as granted; empty = as requested (RFC 6749 §5.1)
};

using Params = QList<QPair<QString, QString>>;

// Every call is asynchronous and ends in exactly one callback through `context`. Errors:
// - the server's OAuth error (RFC 6749 §5.2) as id "oauth-<error>" with '_' as '-' (for example
//   "oauth-invalid-grant": the refresh token is no longer valid, log in again), and a message
//   with `error` and `error_description`;
// - "endpoint-insecure" (not HTTPS and not loopback: nothing is sent), "network" (connection,
//   TLS, timeout), "server-response" (not the JSON the RFC describes, or an unexpected status).
class TokenClient : public QObject
{
    Q_OBJECT
public:
    TokenClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TokenClient() override;

    using TokenDone = std::function<void(Result<TokenSet>)>;
    using VoidDone = std::function<void(Result<void>)>;
    using JsonDone = std::function<void(Result<QJsonObject>)>;

    // authorization_code grant with the PKCE verifier. `extra` e.g. {resource, ...}.
    void exchangeCode(const ClientConfig &client, const QByteArray &code,
        const QByteArray &codeVerifier, const QUrl &redirectUri, const Params &extra,
        QObject *context, TokenDone done);
    // refresh_token grant. With rotation the response carries a new refresh token.
    void refresh(const ClientConfig &client, const QByteArray &refreshToken, const Params &extra,
        QObject *context, TokenDone done);
    // RFC 7009. tokenTypeHint: "access_token" or "refresh_token" (may be empty).
    void revoke(const QUrl &endpoint, const ClientConfig &client, const QByteArray &token,
        const QString &tokenTypeHint, QObject *context, VoidDone done);
    // RFC 7662: the introspection response ({"active": bool, ...}).
    void introspect(const QUrl &endpoint, const ClientConfig &client, const QByteArray &token,
        const QString &tokenTypeHint, QObject *context, JsonDone done);

private:
    using RawDone = std::function<void(int status, const QByteArray &body, Result<void> transport)>;
    void post(const QUrl &endpoint, const ClientConfig &client, QByteArray body, QObject *context,
        RawDone done);

    QPointer<QNetworkAccessManager> m_network;
};

// Parses a token response body (RFC 6749 §5.1 / §5.2). Exposed for tests and fuzzing.
Result<TokenSet> parseTokenResponse(int httpStatus, const QByteArray &body, const QDateTime &now);
// The Error for an RFC 6749 §5.2 error body (or a generic one when the body is not one).
Error oauthError(int httpStatus, const QByteArray &body);

} // namespace keyhaven::oauth
