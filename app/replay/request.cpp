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
