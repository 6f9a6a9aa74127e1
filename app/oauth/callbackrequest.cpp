// oauth/callbackrequest.cpp — parses the HTTP request a browser sends to the loopback redirect URI.
#include "oauth/callbackrequest.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace keyhaven::oauth {

qsizetype requestHeadLength(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    return end < 0 ? 0 : end + 4;
}

Result<CallbackRequest> parseCallbackRequest(const QByteArray &head)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd <= 0)
        return Error::input(u"bad-request"_s, u"The request has no request line."_s);
    const QByteArray line = head.left(lineEnd);
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty()
        || !parts[2].startsWith("HTTP/1."))
        return Error::input(u"bad-request"_s, u"The request line is malformed."_s);
    for (char c : line) {
        // Request lines are visible ASCII and single spaces (RFC 9112 §3); refuse control bytes.
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            return Error::input(u"bad-request"_s, u"The request line has invalid bytes."_s);
    }
    CallbackRequest r;
    r.method = parts[0];
    if (r.method != "GET")
        return Error::input(u"method-not-allowed"_s, u"Only GET is accepted."_s);
    const QByteArray &target = parts[1];
    if (!target.startsWith('/'))
        return Error::input(u"bad-request"_s, u"Only origin-form request targets are accepted."_s);
    const qsizetype q = target.indexOf('?');
    const QByteArray rawPath = q < 0 ? target : target.left(q);
    const QByteArray rawQuery = q < 0 ? QByteArray() : target.mid(q + 1);
    r.path = QUrl::fromPercentEncoding(rawPath);
    // application/x-www-form-urlencoded: '+' is a space (RFC 6749 Appendix B).
    QByteArray query = rawQuery;
    query.replace('+', "%20");
    r.query.setQuery(QString::fromLatin1(query));
    return r;
}

AuthorizationResponse authorizationResponse(const QUrlQuery &query)
{
    const auto get = [&query](const QString &key) {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    };
    AuthorizationResponse a;
    a.code = get(u"code"_s);
    a.state = get(u"state"_s);
    a.error = get(u"error"_s);
    a.errorDescription = get(u"error_description"_s);
    a.errorUri = get(u"error_uri"_s);
    a.issuer = get(u"iss"_s);
    return a;
}

} // namespace keyhaven::oauth
