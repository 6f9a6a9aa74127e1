// oauth/jwkscache.cpp — an issuer's signing keys, cached, refetched only when needed.
#include "oauth/jwkscache.h"
#include "oauth/discovery.h"
#include "oauth/log.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace keyhaven::oauth {

JwksCache::JwksCache(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

bool JwksCache::hasKid(const jose::KeySet &set, const QString &kid)
{
    if (kid.isEmpty())
        return !set.keys.isEmpty();
    for (const jose::Key &k : set.keys)
        if (k.kid() == kid)
            return true;
    return false;
}

void JwksCache::keysFor(const QUrl &jwksUri, const QString &kid, QObject *context, Done done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, done = std::move(done)](Result<jose::KeySet> r) {
        if (guard)
            done(std::move(r));
    };
    const auto cached = m_cache.constFind(jwksUri);
    if (cached != m_cache.cend()) {
        if (hasKid(cached->keys, kid))
            return deliver(cached->keys);
        if (cached->fetched.elapsed() < m_minRefetchMs)
            return deliver(Error::input(
                u"kid-unknown"_s, u"The issuer publishes no key with kid \"%1\"."_s.arg(kid)));
    }
    fetch(jwksUri, [this, kid, deliver = std::move(deliver)](Result<jose::KeySet> r) {
        if (r && !hasKid(*r, kid))
            return deliver(Error::input(
                u"kid-unknown"_s, u"The issuer publishes no key with kid \"%1\"."_s.arg(kid)));
        deliver(std::move(r));
    });
}

void JwksCache::fetch(const QUrl &jwksUri, std::function<void(Result<jose::KeySet>)> done)
{
    if (!isAllowedEndpoint(jwksUri))
        return done(Error::input(u"endpoint-insecure"_s,
            u"The key set %1 must be fetched over HTTPS (or from loopback)."_s.arg(
                jwksUri.toString())));
    if (!m_network)
        return done(Error::environment(u"network"_s, u"No network access manager."_s));
    ++m_fetches;
    QNetworkRequest request(jwksUri);
    request.setRawHeader("Accept", "application/jwk-set+json, application/json");
    request.setTransferTimeout(30000);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, jwksUri, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return done(Error::environment(u"network"_s,
                u"Cannot fetch %1: %2"_s.arg(jwksUri.toString(), reply->errorString())));
        const QByteArray body = reply->read(kMaxDocument + 1);
        if (status != 200 || body.size() > kMaxDocument)
            return done(Error::environment(u"server-response"_s,
                u"%1 answered HTTP %2 (%3 bytes)."_s.arg(jwksUri.toString())
                    .arg(status)
                    .arg(body.size())));
        Result<jose::KeySet> keys = jose::parseJwkOrJwks(body);
        if (!keys)
            return done(Error::environment(u"server-response"_s,
                u"The key set at %1 is not usable: %2"_s.arg(
                    jwksUri.toString(), keys.error().message)));
        Entry &entry = m_cache[jwksUri];
        entry.keys = *keys;
        entry.document = body;
        entry.fetched.start();
        qCInfo(lcOAuth) << "fetched" << keys->keys.size() << "keys from" << jwksUri.toString();
        done(std::move(keys));
    });
}

} // namespace keyhaven::oauth
