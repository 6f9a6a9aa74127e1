// replay/requestfindings.cpp — key-in-url, credential-over-http, credential-cross-origin,
// insecure-tls and token-expired.
#include "replay/requestfindings.h"

#include "replay/curlimport.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;
using keyhaven::jose::Finding;

namespace keyhaven::replay {

namespace {
// Request findings are not JOSE findings: built here, outside jose's catalogue, with the
// message saying both what was found and why it matters.
Finding warning(const QString &id, const QString &message)
{
    return Finding { id, jose::Severity::Warning, message };
}
Finding error(const QString &id, const QString &message)
{
    return Finding { id, jose::Severity::Error, message };
}
} // namespace

bool carriesCredential(const Request &request)
{
    if (request.auth.kind != AuthBinding::Kind::None)
        return true;
    static const QRegularExpression keyHeader(
        u"^(authorization|proxy-authorization|cookie)$|(^|[-_])(api[-_]?key|apikey|token|secret)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (const Header &h : request.headers) {
        if (keyHeader.match(QString::fromLatin1(h.first)).hasMatch())
            return true;
    }
    return false;
}

jose::Findings requestFindings(const Request &request, const FindingContext &context)
{
    jose::Findings out;
    const QUrl url(request.url);
    const QString origin = originOf(request.url);

    // key-in-url: URLs end up in logs, proxies, browser history and Referer headers.
    const QString query = url.query(QUrl::FullyEncoded);
    QStringList names;
    if (!query.isEmpty()) {
        for (const QString &pair : query.split(u'&')) {
            const QString name = pair.section(u'=', 0, 0);
            if (!pair.section(u'=', 1).isEmpty() && isCredentialParameterName(name))
                names.append(name);
        }
        const QByteArray decoded = QByteArray::fromPercentEncoding(query.toUtf8());
        for (const QByteArray &secret : context.secrets) {
            if (!secret.isEmpty() && decoded.contains(secret)) {
                names.append(u"(a vault secret)"_s);
                break;
            }
        }
    }
    if (!names.isEmpty())
        out.append(warning(u"key-in-url"_s,
            u"The URL carries a credential (%1): URLs are written to server logs, proxies and "
            "Referer headers. Send it in a header instead."_s.arg(names.join(u", "_s))));

    const bool bound = request.auth.kind != AuthBinding::Kind::None;
    if (carriesCredential(request) && url.scheme() == u"http"_s && !isLoopback(request.url)) {
        const QString detail = u"The request sends a credential over plain HTTP to %1: anyone on "
                               "the path can read it."_s.arg(origin);
        out.append(bound ? error(u"credential-over-http"_s, detail)
                         : warning(u"credential-over-http"_s, detail));
    }

    if (bound && context.item) {
        QStringList allowed;
        for (const QString &base : context.item->baseUrls)
            allowed.append(originOf(base));
        for (const QString &extra : context.allowedOrigins)
            allowed.append(originOf(extra));
        if (!allowed.contains(origin)) {
            const QString listed = context.item->baseUrls.isEmpty()
                ? u"it lists no origin"_s
                : u"it may go to %1"_s.arg(context.item->baseUrls.join(u", "_s));
            out.append(error(u"credential-cross-origin"_s,
                u"The credential of \"%1\" would go to %2, but %3. Add the origin to the item's "
                "base URLs or pass --allow-origin %2 for this request."_s.arg(
                    context.item->name, origin, listed)));
        }
        if (context.item->kind == vault::ItemKind::Jwt && context.item->expires.isValid()
            && context.item->expires < context.now) {
            const qint64 ago = context.item->expires.secsTo(context.now);
            out.append(warning(u"token-expired"_s,
                u"The token of \"%1\" expired %2 ago (exp %3): the server will most likely answer "
                "401."_s.arg(context.item->name,
                    ago < 120        ? u"%1 s"_s.arg(ago)
                        : ago < 7200 ? u"%1 min"_s.arg(ago / 60)
                                     : u"%1 h"_s.arg(ago / 3600),
                    context.item->expires.toString(Qt::ISODate))));
        }
    }

    if (request.insecureTls)
        out.append(warning(u"insecure-tls"_s,
            u"TLS certificate verification is off for this request (-k/--insecure): a "
            "man in the middle can read and change it."_s));
    return out;
}

} // namespace keyhaven::replay
