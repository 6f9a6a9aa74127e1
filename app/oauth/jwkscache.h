// oauth/jwkscache.h — an issuer's signing keys (jwks_uri), cached, refetched only when needed.
#pragma once

#include "common/result.h"
#include "jose/jwk.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace keyhaven::oauth {

// Keys come only from the jwks_uri the user's issuer published (pinned through discovery),
// never from a token's jku/x5u/jwk. A token whose kid is not in the cached set triggers one
// refetch (the issuer may have rotated its keys), at most once per minRefetchIntervalMs, so that
// tokens with random kids cannot make Keyhaven hammer the issuer.
class JwksCache : public QObject
{
    Q_OBJECT
public:
    JwksCache(QNetworkAccessManager *network, QObject *parent = nullptr);

    using Done = std::function<void(Result<jose::KeySet>)>;
    // Error ids: "endpoint-insecure", "network", "server-response", "kid-unknown".
    void keysFor(const QUrl &jwksUri, const QString &kid, QObject *context, Done done);

    // The key set document as last fetched from `jwksUri` (public keys only), or empty.
    QByteArray document(const QUrl &jwksUri) const { return m_cache.value(jwksUri).document; }

    void setMinRefetchInterval(int ms) { m_minRefetchMs = ms; }
    int fetchCount() const { return m_fetches; }
    static constexpr qint64 kMaxDocument = 512 * 1024;

private:
    struct Entry
    {
        jose::KeySet keys;
        QByteArray document;
        QElapsedTimer fetched;
    };
    void fetch(const QUrl &jwksUri, std::function<void(Result<jose::KeySet>)> done);
    static bool hasKid(const jose::KeySet &set, const QString &kid);

    QPointer<QNetworkAccessManager> m_network;
    QHash<QUrl, Entry> m_cache;
    int m_minRefetchMs = 60 * 1000;
    int m_fetches = 0;
};

} // namespace keyhaven::oauth
