// oauth/connectionmanager.cpp — OAuth connection lifecycle on top of the vault and token client.
#include "oauth/connectionmanager.h"
#include "jose/compactjws.h"
#include "jose/pkce.h"
#include "oauth/authorizationrequest.h"
#include "oauth/idtokenvalidator.h"
#include "oauth/jwkscache.h"
#include "oauth/log.h"
#include "oauth/loopbackreceiver.h"
#include "oauth/tokenclient.h"
#include "vault/vault.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;

namespace keyhaven::oauth {

namespace {

constexpr qint64 kMaxMetadata = 512 * 1024;
constexpr int kRefreshLockPollMs = 25;

QString fieldName(const char16_t *f) { return QString::fromUtf16(f); }

template <typename T>
void deliverTo(
    const QPointer<QObject> &context, const std::function<void(Result<T>)> &done, Result<T> result)
{
    if (context && done)
        done(std::move(result));
}

// The connection's extra authorization parameters; "resource" also goes to the token endpoint
// (RFC 8707 §2.2) so that refreshed access tokens keep their audience.
Params authParams(const Item &item)
{
    Params out;
    for (const QString &kv : item.authParams) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq > 0)
            out << qMakePair(kv.left(eq), kv.mid(eq + 1));
    }
    return out;
}

Params tokenParams(const Item &item)
{
    Params out;
    for (const auto &p : authParams(item))
        if (p.first == u"resource"_s)
            out << p;
    return out;
}

Error loginRequired(const Item &item, const QString &why)
{
    return Error::environment(u"login-required"_s,
        u"The connection \"%1\" needs to log in again (%2): run 'keyhaven-cli login %1'."_s.arg(
            item.name, why));
}

} // namespace

struct ConnectionManager::Connection
{
    Item item;
    ServerMetadata metadata;
    ClientConfig client;
};

// One refresh under way for a connection: who waits for it, what the first caller asked for, and
// the cross-process lock once it is held.
struct ConnectionManager::Flight
{
    bool force = false;
    QDateTime expiresBefore; // the stored access token's expiry when the first caller asked
    QList<TokenDone> waiters;
    std::unique_ptr<QLockFile> lock;
};

ConnectionManager::ConnectionManager(
    vault::Vault *vault, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_network(network)
    , m_tokens(new TokenClient(network, this))
    , m_jwks(new JwksCache(network, this))
{
}

ConnectionManager::~ConnectionManager() = default;

Result<Item> ConnectionManager::connection(const QUuid &id) const
{
    if (!m_vault)
        return Error::environment(u"vault"_s, u"No vault is open."_s);
    std::optional<Item> item = m_vault->find(id.toString(QUuid::WithoutBraces));
    if (!item)
        return Error::input(u"not-found"_s, u"No such connection."_s);
    if (item->kind != ItemKind::OAuth)
        return Error::input(u"not-a-connection"_s,
            u"\"%1\" is not an OAuth connection (it is a %2 item)."_s.arg(
                item->name, vault::kindId(item->kind)));
    return *item;
}

void ConnectionManager::discover(
    const QString &issuer, QObject *context, std::function<void(Result<ServerMetadata>)> done)
{
    QPointer<QObject> ctx(context);
    if (const auto it = m_metadata.constFind(issuer); it != m_metadata.cend())
        return deliverTo<ServerMetadata>(ctx, done, *it);
    const QUrl issuerUrl(issuer, QUrl::StrictMode);
    if (!issuerUrl.isValid() || issuerUrl.host().isEmpty()
        || (issuerUrl.scheme() != u"https"_s && issuerUrl.scheme() != u"http"_s))
        return deliverTo<ServerMetadata>(ctx, done,
            Error::input(u"invalid-issuer"_s, u"\"%1\" is not an issuer URL."_s.arg(issuer)));
    const QUrl url = openIdConfigurationUrl(issuerUrl);
    if (!isAllowedEndpoint(url))
        return deliverTo<ServerMetadata>(ctx, done,
            Error::input(u"endpoint-insecure"_s,
                u"The issuer %1 must use HTTPS (plain HTTP only on loopback)."_s.arg(issuer)));
    if (!m_network)
        return deliverTo<ServerMetadata>(
            ctx, done, Error::environment(u"network"_s, u"No network access manager."_s));
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(30000);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, issuer, url, ctx, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return deliverTo<ServerMetadata>(ctx, done,
                Error::environment(u"provider-unreachable"_s,
                    u"Cannot reach the issuer %1: %2"_s.arg(issuer, reply->errorString())));
        const QByteArray body = reply->read(kMaxMetadata + 1);
        if (status != 200 || body.size() > kMaxMetadata)
            return deliverTo<ServerMetadata>(ctx, done,
                Error::environment(u"server-response"_s,
                    u"%1 answered HTTP %2: not an OpenID provider configuration."_s
                        .arg(url.toString())
                        .arg(status)));
        Result<ServerMetadata> metadata = parseServerMetadata(body, issuer);
        if (metadata)
            m_metadata.insert(issuer, *metadata);
        deliverTo<ServerMetadata>(ctx, done, std::move(metadata));
    });
}

void ConnectionManager::withConnection(
    const QUuid &id, QObject *context, std::function<void(Result<Connection>)> done)
{
    Result<Item> item = connection(id);
    if (!item)
        return done(item.error());
    const Item it = *item;
    discover(it.issuerUrl, context, [this, it, context, done](Result<ServerMetadata> metadata) {
        if (!metadata)
            return done(metadata.error());
        auto conn = std::make_shared<Connection>();
        conn->item = it;
        conn->metadata = *metadata;
        conn->client.tokenEndpoint = metadata->tokenEndpoint;
        conn->client.clientId = it.clientId;
        // A confidential client keeps its secret in the keychain; none = a public client.
        m_vault->readSecret(it.id, fieldName(vault::field::kClientSecret), context,
            [conn, done](Result<SecretBytes> secret) {
                if (secret) {
                    conn->client.clientSecret = secret->bytes();
                    conn->client.auth = conn->metadata.tokenEndpointAuthMethodsSupported.contains(
                                            u"client_secret_post"_s)
                            && !conn->metadata.tokenEndpointAuthMethodsSupported.contains(
                                u"client_secret_basic"_s)
                        ? ClientAuth::SecretPost
                        : ClientAuth::SecretBasic;
                } else if (secret.error().id != u"secret-missing"_s) {
                    return done(secret.error());
                }
                done(std::move(*conn));
            });
    });
}

// ---- login --------------------------------------------------------------------------------

bool ConnectionManager::loginRunning() const { return m_receiver != nullptr; }

void ConnectionManager::cancelLogin()
{
    if (m_receiver)
        m_receiver->cancel();
}

void ConnectionManager::login(const QUuid &id, const LoginOptions &options, QObject *context,
    std::function<void(Result<Item>)> done)
{
    QPointer<QObject> ctx(context);
    if (m_receiver)
        return deliverTo<Item>(ctx, done,
            Error::input(u"login-busy"_s, u"Another login is already waiting for the browser."_s));
    withConnection(id, this, [this, options, ctx, done](Result<Connection> conn) {
        if (!conn)
            return deliverTo<Item>(ctx, done, conn.error());
        if (m_receiver)
            return deliverTo<Item>(ctx, done,
                Error::input(
                    u"login-busy"_s, u"Another login is already waiting for the browser."_s));
        Result<QByteArray> verifier = jose::pkce::generateVerifier();
        if (!verifier)
            return deliverTo<Item>(ctx, done, verifier.error());
        auto shared = std::make_shared<Connection>(std::move(*conn));
        auto secretVerifier = std::make_shared<SecretBytes>(std::move(*verifier));
        const QString nonce = randomToken();

        m_receiver = new LoopbackReceiver(this);
        LoopbackReceiver::Options ro;
        ro.port = quint16(shared->item.redirectPort);
        ro.expectedState = randomToken();
        ro.timeoutMs = options.timeoutMs;
        auto onResponse = [this, shared, secretVerifier, nonce, ctx, done](
                              Result<AuthorizationResponse> response) {
            const QUrl redirectUri = m_receiver->redirectUri();
            m_receiver->deleteLater();
            m_receiver = nullptr;
            if (!response)
                return deliverTo<Item>(ctx, done, response.error());
            // RFC 9207: a response that names another issuer is a mix-up attempt.
            if (!response->issuer.isEmpty() && response->issuer != shared->metadata.issuer)
                return deliverTo<Item>(ctx, done,
                    Error::input(u"issuer-mismatch"_s,
                        u"The authorization response came from \"%1\", not from \"%2\"."_s.arg(
                            response->issuer, shared->metadata.issuer)));
            m_tokens->exchangeCode(shared->client, response->code.toUtf8(), secretVerifier->bytes(),
                redirectUri, tokenParams(shared->item), this,
                [this, shared, nonce, ctx, done](Result<TokenSet> tokens) {
                    if (!tokens)
                        return deliverTo<Item>(ctx, done, tokens.error());
                    auto set = std::make_shared<TokenSet>(std::move(*tokens));
                    auto store = [this, shared, set, ctx, done](const QString &subject) {
                        Item item = shared->item;
                        item.subject = subject;
                        storeTokens(item, set,
                            [ctx, done](Result<Item> r) { deliverTo<Item>(ctx, done, r); });
                    };
                    if (set->idToken.isEmpty()) {
                        if (shared->item.scopes.contains(u"openid"_s))
                            return deliverTo<Item>(ctx, done,
                                Error::environment(u"id-token-invalid"_s,
                                    u"The provider sent no id_token for an openid login."_s));
                        return store(QString());
                    }
                    auto decoded = jose::decodeCompact(set->idToken.bytes());
                    const QString kid = decoded ? decoded->kid : QString();
                    m_jwks->keysFor(shared->metadata.jwksUri, kid, this,
                        [this, shared, set, nonce, store, ctx, done](Result<jose::KeySet> keys) {
                            if (!keys)
                                return deliverTo<Item>(ctx, done, keys.error());
                            IdTokenExpectations expect;
                            expect.issuer = shared->metadata.issuer;
                            expect.clientId = shared->item.clientId;
                            expect.nonce = nonce;
                            expect.allowedAlgs = shared->metadata.idTokenSigningAlgValuesSupported;
                            expect.accessToken = set->accessToken.bytes();
                            expect.clock = m_clock;
                            Result<jose::VerifyResult> checked =
                                validateIdToken(set->idToken.bytes(), *keys, expect);
                            if (!checked)
                                return deliverTo<Item>(ctx, done, checked.error());
                            if (!checked->valid) {
                                QStringList why;
                                for (const jose::Finding &f : checked->findings)
                                    if (f.severity == jose::Severity::Error)
                                        why << f.id + u": "_s + f.message;
                                return deliverTo<Item>(ctx, done,
                                    Error::environment(u"id-token-invalid"_s,
                                        u"The provider's id_token is not valid: %1"_s.arg(
                                            why.join(u"; "_s))));
                            }
                            store(checked->claims.value(u"sub"_s).toString());
                        });
                });
        };
        Result<QUrl> redirect = m_receiver->start(ro, onResponse);
        if (!redirect) {
            m_receiver->deleteLater();
            m_receiver = nullptr;
            return deliverTo<Item>(ctx, done, redirect.error());
        }
        AuthorizationRequest request;
        request.authorizationEndpoint = shared->metadata.authorizationEndpoint;
        request.clientId = shared->item.clientId;
        request.redirectUri = *redirect;
        request.scopes = shared->item.scopes;
        request.state = ro.expectedState;
        request.nonce = shared->item.scopes.contains(u"openid"_s) ? nonce : QString();
        request.codeChallenge =
            QString::fromLatin1(jose::pkce::challengeS256(secretVerifier->view()));
        request.extra = authParams(shared->item);
        Result<QUrl> url = authorizationUrl(request);
        if (!url) {
            m_receiver->deleteLater(); // never calls onResponse once destroyed
            m_receiver = nullptr;
            return deliverTo<Item>(ctx, done, url.error());
        }
        qCInfo(lcOAuth) << "login for" << shared->item.name << "waiting on" << redirect->toString();
        if (options.authorizationUrl)
            options.authorizationUrl(*url);
    });
}

// Writes what the token endpoint issued: the refresh token first (with rotation the old one is
// already dead at the server, so losing the new one would lose the connection), then the access
// and ID tokens, then the metadata.
void ConnectionManager::storeTokens(
    const Item &item, std::shared_ptr<TokenSet> tokens, std::function<void(Result<Item>)> done)
{
    auto steps = std::make_shared<QList<std::function<void(std::function<void(Result<void>)>)>>>();
    auto write = [this, id = item.id](const char16_t *field, const SecretBytes &value) {
        return [this, id, field, &value](std::function<void(Result<void>)> next) {
            m_vault->writeSecret(
                id, fieldName(field), SecretBytes::copyOf(value.view()), this, std::move(next));
        };
    };
    if (!tokens->refreshToken.isEmpty())
        *steps << write(vault::field::kRefreshToken, tokens->refreshToken);
    *steps << write(vault::field::kAccessToken, tokens->accessToken);
    if (!tokens->idToken.isEmpty())
        *steps << write(vault::field::kIdToken, tokens->idToken);

    auto finish = [this, item, tokens, done]() {
        std::optional<Item> now = m_vault->find(item.idString());
        Item updated = now ? *now : item;
        if (!item.subject.isEmpty())
            updated.subject = item.subject;
        updated.accessTokenExpires = tokens->expiresAt;
        if (!tokens->refreshToken.isEmpty()) // else the old refresh token and its expiry stay
            updated.refreshTokenExpires = tokens->refreshExpiresAt;
        updated.grantedScopes = tokens->scopes.isEmpty() ? updated.scopes : tokens->scopes;
        updated.needsLogin = false;
        updated.updated = QDateTime::currentDateTimeUtc();
        if (Result<void> r = m_vault->updateItem(updated); !r)
            return done(r.error());
        done(updated);
    };
    auto run = std::make_shared<std::function<void()>>();
    // `steps` owns the closures that reference `tokens`: kept alive by the captures below.
    *run = [steps, run, tokens, finish, done]() {
        if (steps->isEmpty()) {
            auto f = finish;
            *run = nullptr;
            return f();
        }
        auto step = steps->takeFirst();
        step([run, done](Result<void> r) {
            if (!r) {
                auto d = done;
                *run = nullptr;
                return d(r.error());
            }
            (*run)();
        });
    };
    (*run)();
}

// ---- access tokens ------------------------------------------------------------------------

void ConnectionManager::accessToken(const QUuid &id, bool forceRefresh, QObject *context,
    std::function<void(Result<SecretBytes>)> done)
{
    QPointer<QObject> ctx(context);
    TokenDone deliver = [ctx, done](Result<SecretBytes> r) {
        deliverTo<SecretBytes>(ctx, done, std::move(r));
    };
    Result<Item> item = connection(id);
    if (!item)
        return deliver(item.error());
    if (item->needsLogin)
        return deliver(loginRequired(*item, u"the provider refused its refresh token"_s));
    const QDateTime expires = item->accessTokenExpires;
    auto join = [this, id, deliver, forceRefresh, expires]() {
        if (std::shared_ptr<Flight> flight = m_refreshing.value(id)) {
            flight->waiters.append(deliver); // single flight: wait for the refresh under way
            return;
        }
        auto flight = std::make_shared<Flight>();
        flight->force = forceRefresh;
        flight->expiresBefore = expires;
        flight->waiters = { deliver };
        m_refreshing.insert(id, flight);
        refreshNow(id);
    };
    if (forceRefresh || !expires.isValid() || m_clock.now().secsTo(expires) <= kMinValiditySecs
        || m_refreshing.contains(id))
        return join();
    m_vault->readSecret(id, fieldName(vault::field::kAccessToken), this,
        [deliver, join](Result<SecretBytes> token) {
            if (!token && token.error().id == u"secret-missing"_s)
                return join();
            deliver(std::move(token));
        });
}

// Takes the connection's lock file, polling so that the event loop (the GUI, other connections)
// runs on while another process refreshes. QLockFile removes a lock whose process has died, or
// that is older than the stale time (a hung holder).
void ConnectionManager::lockForRefresh(const QUuid &id, std::function<void(Result<void>)> locked)
{
    std::shared_ptr<Flight> flight = m_refreshing.value(id);
    const QString dir = QFileInfo(m_vault->databaseFile()).absolutePath();
    flight->lock = std::make_unique<QLockFile>(
        u"%1/oauth-%2.lock"_s.arg(dir, id.toString(QUuid::WithoutBraces)));
    flight->lock->setStaleLockTime(2 * kRefreshLockWaitMs);
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    auto attempt = std::make_shared<std::function<void()>>();
    *attempt = [this, flight, waited, locked, weak = std::weak_ptr(attempt)]() {
        QLockFile *lock = flight->lock.get();
        if (lock->tryLock(0))
            return locked(Result<void>());
        if (lock->error() != QLockFile::LockFailedError)
            return locked(Error::environment(u"refresh-lock"_s,
                u"Cannot create the lock file next to the database (%1): check that its folder "
                "is writable."_s.arg(lock->error() == QLockFile::PermissionError
                        ? u"permission denied"_s
                        : u"unknown error"_s)));
        if (waited->elapsed() > kRefreshLockWaitMs)
            return locked(Error::environment(u"refresh-busy"_s,
                u"Another Keyhaven process has been refreshing this connection for more than "
                "%1 s; try again."_s.arg(kRefreshLockWaitMs / 1000)));
        if (std::shared_ptr<std::function<void()>> again = weak.lock())
            QTimer::singleShot(kRefreshLockPollMs, this, [again]() { (*again)(); });
    };
    // The pending timer owns the next attempt; dropping it (manager gone) frees everything.
    (*attempt)();
}

void ConnectionManager::refreshNow(const QUuid &id)
{
    lockForRefresh(id, [this, id](Result<void> locked) {
        if (!locked)
            return finishRefresh(id, locked.error());
        refreshLocked(id);
    });
}

// Under the lock: the connection as it is now (another process may have refreshed it while this
// one waited), then either the token that process stored or a refresh of our own.
void ConnectionManager::refreshLocked(const QUuid &id)
{
    std::shared_ptr<Flight> flight = m_refreshing.value(id);
    withConnection(id, this, [this, id, flight](Result<Connection> conn) {
        if (!conn)
            return finishRefresh(id, conn.error());
        auto shared = std::make_shared<Connection>(std::move(*conn));
        const Item &now = shared->item;
        if (now.needsLogin)
            return finishRefresh(
                id, loginRequired(now, u"the provider refused its refresh token"_s));
        const bool fresh = now.accessTokenExpires.isValid()
            && m_clock.now().secsTo(now.accessTokenExpires) > kMinValiditySecs;
        const bool refreshedMeanwhile = now.accessTokenExpires != flight->expiresBefore;
        auto refresh = [this, id, shared]() { spendRefreshToken(id, shared); };
        // Not forced: any token valid long enough will do. Forced: only one issued after this
        // call asked, that is one another process stored while this one waited for the lock.
        if (!fresh || (flight->force && !refreshedMeanwhile))
            return refresh();
        qCInfo(lcOAuth) << "another process refreshed" << now.name << "- using its access token";
        m_vault->readSecret(id, fieldName(vault::field::kAccessToken), this,
            [this, id, refresh](Result<SecretBytes> token) {
                if (!token && token.error().id == u"secret-missing"_s)
                    return refresh();
                finishRefresh(id, std::move(token));
            });
    });
}

// The refresh grant itself: the stored refresh token for new tokens, which are in the keychain
// (rotated refresh token first) before the waiters get the access token.
void ConnectionManager::spendRefreshToken(const QUuid &id, std::shared_ptr<Connection> conn)
{
    m_vault->readSecret(id, fieldName(vault::field::kRefreshToken), this,
        [this, id, conn](Result<SecretBytes> refreshToken) {
            if (!refreshToken) {
                if (refreshToken.error().id == u"secret-missing"_s)
                    return finishRefresh(id,
                        Error::environment(u"login-required"_s,
                            u"The connection \"%1\" has no refresh token: run "
                            "'keyhaven-cli login %1'."_s.arg(conn->item.name)));
                return finishRefresh(id, refreshToken.error());
            }
            ++m_refreshRequests;
            qCInfo(lcOAuth) << "refreshing the access token of" << conn->item.name;
            m_tokens->refresh(conn->client, refreshToken->bytes(), tokenParams(conn->item), this,
                [this, id, conn](
                    Result<TokenSet> tokens) { refreshAnswered(id, conn, std::move(tokens)); });
        });
}

void ConnectionManager::refreshAnswered(
    const QUuid &id, const std::shared_ptr<Connection> &conn, Result<TokenSet> tokens)
{
    if (!tokens) {
        if (tokens.error().id != u"oauth-invalid-grant"_s)
            return finishRefresh(id, tokens.error());
        Item item = conn->item;
        if (std::optional<Item> now = m_vault->find(item.idString()))
            item = *now;
        item.needsLogin = true;
        (void)m_vault->updateItem(item);
        return finishRefresh(id, loginRequired(item, u"the provider refused its refresh token"_s));
    }
    auto set = std::make_shared<TokenSet>(std::move(*tokens));
    storeTokens(conn->item, set, [this, id, set](Result<Item> stored) {
        if (!stored)
            return finishRefresh(id, stored.error());
        finishRefresh(id, SecretBytes::copyOf(set->accessToken.view()));
    });
}

void ConnectionManager::finishRefresh(const QUuid &id, Result<SecretBytes> result)
{
    std::shared_ptr<Flight> flight = m_refreshing.take(id);
    if (!flight)
        return;
    if (flight->lock)
        flight->lock->unlock(); // no-op when it was never taken
    for (const TokenDone &w : std::as_const(flight->waiters)) {
        if (result)
            w(SecretBytes::copyOf(result->view()));
        else
            w(result.error());
    }
}

// ---- logout, introspection ------------------------------------------------------------------

void ConnectionManager::logout(
    const QUuid &id, QObject *context, std::function<void(Result<void>)> done)
{
    QPointer<QObject> ctx(context);
    auto deliver = [ctx, done](Result<void> r) { deliverTo<void>(ctx, done, std::move(r)); };
    withConnection(id, this, [this, id, deliver](Result<Connection> conn) {
        if (!conn)
            return deliver(conn.error());
        auto shared = std::make_shared<Connection>(std::move(*conn));
        // Revoke the refresh token (RFC 7009 §2.1: the server should then drop the grant's
        // access tokens too), then the access token, then forget both locally.
        auto revokeField = [this, id, shared](const char16_t *field, const QString &hint,
                               std::function<void(Result<void>)> next) {
            m_vault->readSecret(
                id, fieldName(field), this, [this, shared, hint, next](Result<SecretBytes> token) {
                    if (!token)
                        return next(token.error().id == u"secret-missing"_s
                                ? Result<void>()
                                : Result<void>(token.error()));
                    if (!shared->metadata.revocationEndpoint.isValid())
                        return next(Result<void>());
                    m_tokens->revoke(shared->metadata.revocationEndpoint, shared->client,
                        token->bytes(), hint, this, next);
                });
        };
        auto forget = [this, id, deliver](const char16_t *field, std::function<void()> next) {
            m_vault->removeSecret(id, fieldName(field), this, [deliver, next](Result<void> r) {
                if (!r)
                    return deliver(r);
                next();
            });
        };
        revokeField(vault::field::kRefreshToken, u"refresh_token"_s,
            [this, id, shared, revokeField, forget, deliver](Result<void> r) {
                if (!r)
                    return deliver(r);
                revokeField(vault::field::kAccessToken, u"access_token"_s,
                    [this, id, shared, forget, deliver](Result<void> r2) {
                        if (!r2)
                            return deliver(r2);
                        forget(vault::field::kRefreshToken, [this, id, forget, deliver] {
                            forget(vault::field::kAccessToken, [this, id, forget, deliver] {
                                forget(vault::field::kIdToken, [this, id, deliver] {
                                    if (std::optional<Item> now =
                                            m_vault->find(id.toString(QUuid::WithoutBraces))) {
                                        Item item = *now;
                                        item.accessTokenExpires = QDateTime();
                                        item.refreshTokenExpires = QDateTime();
                                        item.grantedScopes.clear();
                                        item.needsLogin = false;
                                        if (Result<void> u = m_vault->updateItem(item); !u)
                                            return deliver(u);
                                    }
                                    deliver(Result<void>());
                                });
                            });
                        });
                    });
            });
    });
}

void ConnectionManager::introspect(const QUuid &id, bool refreshToken, QObject *context,
    std::function<void(Result<QJsonObject>)> done)
{
    QPointer<QObject> ctx(context);
    auto deliver = [ctx, done](
                       Result<QJsonObject> r) { deliverTo<QJsonObject>(ctx, done, std::move(r)); };
    withConnection(id, this, [this, id, refreshToken, deliver](Result<Connection> conn) {
        if (!conn)
            return deliver(conn.error());
        auto shared = std::make_shared<Connection>(std::move(*conn));
        if (!shared->metadata.introspectionEndpoint.isValid())
            return deliver(Error::environment(u"introspection-unsupported"_s,
                u"The issuer %1 has no introspection endpoint."_s.arg(shared->metadata.issuer)));
        const char16_t *field =
            refreshToken ? vault::field::kRefreshToken : vault::field::kAccessToken;
        m_vault->readSecret(id, fieldName(field), this,
            [this, shared, refreshToken, deliver](Result<SecretBytes> token) {
                if (!token) {
                    if (token.error().id == u"secret-missing"_s && refreshToken)
                        return introspect(shared->item.id, false, this, deliver);
                    if (token.error().id == u"secret-missing"_s)
                        return deliver(Error::environment(u"login-required"_s,
                            u"The connection \"%1\" holds no %2: run 'keyhaven-cli login %1'."_s
                                .arg(shared->item.name,
                                    refreshToken ? u"refresh token"_s : u"access token"_s)));
                    return deliver(token.error());
                }
                m_tokens->introspect(shared->metadata.introspectionEndpoint, shared->client,
                    token->bytes(), refreshToken ? u"refresh_token"_s : u"access_token"_s, this,
                    deliver);
            });
    });
}

} // namespace keyhaven::oauth
