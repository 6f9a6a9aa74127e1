// oauth/connectionmanager.h — the lifecycle of OAuth connections (vault items of kind OAuth):
// discovery, PKCE login through the loopback receiver, fresh access tokens, logout, introspection.
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "oauth/discovery.h"
#include "vault/item.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUuid>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace keyhaven::vault {
class Vault;
}

namespace keyhaven::oauth {

class JwksCache;
class LoopbackReceiver;
class TokenClient;
struct TokenSet;

// Every operation is asynchronous and ends in exactly one callback through `context`. Tokens go
// only to the keychain (through the vault) and to the caller; never to logs.
class ConnectionManager : public QObject
{
    Q_OBJECT
public:
    // An access token valid for less than this is refreshed before it is handed out.
    static constexpr qint64 kMinValiditySecs = 60;
    // Another process refreshing the same connection is waited for this long at most (a refresh
    // is discovery plus one token request, each bounded by a 30 s network timeout).
    static constexpr int kRefreshLockWaitMs = 75 * 1000;

    ConnectionManager(
        vault::Vault *vault, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ConnectionManager() override;

    TokenClient *tokenClient() const { return m_tokens; }
    JwksCache *jwksCache() const { return m_jwks; }
    void setClock(Clock clock) { m_clock = clock; }
    // Refresh requests sent to token endpoints by this manager (single-flight check).
    int refreshRequests() const { return m_refreshRequests; }

    // OIDC discovery for `issuer` (which the document's issuer must equal exactly); cached per
    // issuer for the life of the manager. Error ids: "endpoint-insecure", "provider-unreachable",
    // "server-response", and those of parseServerMetadata().
    void discover(
        const QString &issuer, QObject *context, std::function<void(Result<ServerMetadata>)> done);

    struct LoginOptions
    {
        int timeoutMs = 5 * 60 * 1000;
        // Called once with the authorization URL, when the receiver listens: print it / open it.
        std::function<void(const QUrl &)> authorizationUrl;
    };
    // The authorization-code flow with PKCE (RFC 8252, RFC 7636): discovery, loopback receiver,
    // code exchange, id_token validation, tokens into the keychain. One login at a time. Error
    // ids: "not-a-connection", "login-busy", "authorization-error" (the user or the server said
    // no), "login-timeout", "login-cancelled", "issuer-mismatch", "id-token-invalid", the token
    // endpoint's "oauth-*", and the vault's keychain errors.
    void login(const QUuid &id, const LoginOptions &options, QObject *context,
        std::function<void(Result<vault::Item>)> done);
    void cancelLogin();
    bool loginRunning() const;

    // A valid access token: the stored one while it is valid for more than kMinValiditySecs,
    // else a refresh. Concurrent callers share one refresh request — in this process through the
    // list of waiters, across processes (the app, several keyhaven-cli) through a lock file per
    // connection next to the database: whoever gets the lock second re-reads the connection and
    // takes the token the first one stored. A rotated refresh token is in the keychain before any
    // caller gets the new access token. A refused refresh token (invalid_grant) marks the
    // connection "log in again": error id "login-required". "refresh-busy": another process held
    // the connection's lock for longer than kRefreshLockWaitMs.
    void accessToken(const QUuid &id, bool forceRefresh, QObject *context,
        std::function<void(Result<SecretBytes>)> done);

    // RFC 7009: revokes the refresh token and the access token, then deletes the stored tokens.
    void logout(const QUuid &id, QObject *context, std::function<void(Result<void>)> done);

    // RFC 7662 on the stored refresh token (falling back to the access token when there is none)
    // or on the access token: the server's answer.
    void introspect(const QUuid &id, bool refreshToken, QObject *context,
        std::function<void(Result<QJsonObject>)> done);

private:
    using TokenDone = std::function<void(Result<SecretBytes>)>;
    struct Connection;
    struct Flight;
    Result<vault::Item> connection(const QUuid &id) const;
    void withConnection(
        const QUuid &id, QObject *context, std::function<void(Result<Connection>)> done);
    void lockForRefresh(const QUuid &id, std::function<void(Result<void>)> locked);
    void refreshNow(const QUuid &id);
    void refreshLocked(const QUuid &id);
    void spendRefreshToken(const QUuid &id, std::shared_ptr<Connection> conn);
    void refreshAnswered(
        const QUuid &id, const std::shared_ptr<Connection> &conn, Result<TokenSet> tokens);
    void finishRefresh(const QUuid &id, Result<SecretBytes> result);
    void storeTokens(const vault::Item &item, std::shared_ptr<TokenSet> tokens,
        std::function<void(Result<vault::Item>)> done);

    QPointer<vault::Vault> m_vault;
    QPointer<QNetworkAccessManager> m_network;
    TokenClient *m_tokens = nullptr;
    JwksCache *m_jwks = nullptr;
    LoopbackReceiver *m_receiver = nullptr;
    Clock m_clock;
    QHash<QString, ServerMetadata> m_metadata;
    QHash<QUuid, std::shared_ptr<Flight>> m_refreshing; // single flight: one refresh per connection
    int m_refreshRequests = 0;
};

} // namespace keyhaven::oauth
