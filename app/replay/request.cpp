// replay/request.cpp — header helpers and origin computation of a replayed request.
#include "replay/request.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

int Request::headerIndex(QByteArrayView name, int from) const
{
    for (int i = from; i < headers.size(); ++i) {
        if (headers.at(i).first.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QByteArray Request::headerValue(QByteArrayView name) const
{
    const int i = headerIndex(name);
    return i < 0 ? QByteArray() : headers.at(i).second;
}

void Request::removeHeaders(QByteArrayView name)
{
    headers.removeIf(
        [name](const Header &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

void Request::setHeader(const QByteArray &name, const QByteArray &value)
{
    const int i = headerIndex(name);
    if (i < 0) {
        headers.append({ name, value });
        return;
    }
    headers[i] = { name, value };
    int j = i + 1;
    while ((j = headerIndex(name, j)) >= 0)
        headers.removeAt(j);
}

namespace {

// The URL split around its query: before "?", the query's pairs, and "#..." (kept as written).
struct QueryParts
{
    QString head;
    QStringList pairs;
    QString fragment;
    bool hadQuery = false;
};

QueryParts splitQuery(const QString &url)
{
    QueryParts p;
    QString rest = url;
    const qsizetype hash = rest.indexOf(u'#');
    if (hash >= 0) {
        p.fragment = rest.mid(hash);
        rest.truncate(hash);
    }
    const qsizetype q = rest.indexOf(u'?');
    p.hadQuery = q >= 0;
    p.head = q >= 0 ? rest.left(q) : rest;
    if (q >= 0 && q + 1 < rest.size())
        p.pairs = rest.mid(q + 1).split(u'&');
    return p;
}

QString joinQuery(const QueryParts &p)
{
    if (p.pairs.isEmpty())
        return p.head + p.fragment;
    return p.head + u'?' + p.pairs.join(u'&') + p.fragment;
}

bool pairNamed(QStringView pair, QByteArrayView name)
{
    const QStringView key = pair.left(pair.indexOf(u'='));
    return QByteArray::fromPercentEncoding(key.toUtf8()) == name;
}

QList<QByteArray> cookiePairs(const QByteArray &header)
{
    QList<QByteArray> out;
    for (const QByteArray &pair : header.split(';')) {
        if (!pair.trimmed().isEmpty())
            out.append(pair.trimmed());
    }
    return out;
}

bool cookieNamed(const QByteArray &pair, QByteArrayView name)
{
    return pair.left(pair.indexOf('=')).trimmed() == name;
}

} // namespace

void Request::setQueryParameter(QByteArrayView name, const QByteArray &encodedValue)
{
    QueryParts p = splitQuery(url);
    const QString pair = QString::fromUtf8(name.toByteArray().toPercentEncoding()) + u'='
        + QString::fromUtf8(encodedValue);
    bool placed = false;
    for (qsizetype i = 0; i < p.pairs.size(); ++i) {
        if (!pairNamed(p.pairs[i], name))
            continue;
        if (!placed) {
            p.pairs[i] = pair;
            placed = true;
        } else {
            p.pairs.removeAt(i--);
        }
    }
    if (!placed)
        p.pairs.append(pair);
    url = joinQuery(p);
}

void Request::removeQueryParameter(QByteArrayView name)
{
    QueryParts p = splitQuery(url);
    p.pairs.removeIf([name](const QString &pair) { return pairNamed(pair, name); });
    url = joinQuery(p);
}

void Request::setCookie(QByteArrayView name, const QByteArray &value)
{
    const int i = headerIndex("Cookie");
    const QByteArray pair = name.toByteArray() + '=' + value;
    if (i < 0) {
        headers.append({ "Cookie"_ba, pair });
        return;
    }
    QList<QByteArray> pairs = cookiePairs(headers[i].second);
    bool placed = false;
    for (qsizetype j = 0; j < pairs.size(); ++j) {
        if (!cookieNamed(pairs[j], name))
            continue;
        if (!placed) {
            pairs[j] = pair;
            placed = true;
        } else {
            pairs.removeAt(j--);
        }
    }
    if (!placed)
        pairs.append(pair);
    headers[i].second = pairs.join("; ");
}

void Request::removeCookie(QByteArrayView name)
{
    for (int i = headerIndex("Cookie"); i >= 0; i = headerIndex("Cookie", i)) {
        QList<QByteArray> pairs = cookiePairs(headers[i].second);
        pairs.removeIf([name](const QByteArray &pair) { return cookieNamed(pair, name); });
        if (pairs.isEmpty()) {
            headers.removeAt(i);
            continue;
        }
        headers[i].second = pairs.join("; ");
        ++i;
    }
}

QString originOf(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || u.scheme().isEmpty() || u.host().isEmpty())
        return {};
    const QString scheme = u.scheme().toLower();
    const int defaultPort = scheme == u"https"_s ? 443 : scheme == u"http"_s ? 80 : -1;
    const int port = u.port(defaultPort);
    QString host = u.host(QUrl::FullyEncoded).toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    if (port < 0)
        return scheme + u"://"_s + host;
    return scheme + u"://"_s + host + u':' + QString::number(port);
}

bool isLoopback(const QString &url)
{
    const QString host = QUrl(url).host().toLower();
    if (host == u"localhost"_s || host.endsWith(u".localhost"_s))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QByteArray requestTarget(const QString &url)
{
    // Taken from the text, not from QUrl, so that the bytes are exactly what was given.
    const QByteArray bytes = url.toUtf8();
    const int schemeEnd = bytes.indexOf("://");
    const int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
    qsizetype pathStart = bytes.size();
    for (qsizetype i = authorityStart; i < bytes.size(); ++i) {
        if (bytes.at(i) == '/' || bytes.at(i) == '?' || bytes.at(i) == '#') {
            pathStart = i;
            break;
        }
    }
    QByteArray target = bytes.mid(pathStart);
    const int hash = target.indexOf('#');
    if (hash >= 0)
        target.truncate(hash);
    if (!target.startsWith('/'))
        target.prepend('/');
    return target;
}

} // namespace keyhaven::replay
