// replay/harimport.cpp — rebuilds each HAR request: query merged, cookies, postData (text,
// params, multipart) and encoding.
#include "replay/harimport.h"

#include "replay/curlimport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>

#include <cstring>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {

constexpr qsizetype kMaxHar = 512LL * 1024 * 1024;

QByteArray formEncode(const QString &s)
{
    return QUrl::toPercentEncoding(s, "*-._~").replace("%20", "+");
}

Result<HarEntry> entryFrom(const QJsonObject &e, int index)
{
    const QJsonObject req = e.value(u"request"_s).toObject();
    HarEntry out;
    out.index = index;
    out.pageref = e.value(u"pageref"_s).toString();
    out.started =
        QDateTime::fromString(e.value(u"startedDateTime"_s).toString(), Qt::ISODateWithMs);
    out.status = e.value(u"response"_s).toObject().value(u"status"_s).toInt();
    Request &r = out.request;
    r.method = req.value(u"method"_s).toString().toUtf8();
    QString url = req.value(u"url"_s).toString();
    if (r.method.isEmpty() || url.isEmpty())
        return Error::input(
            u"har-malformed"_s, u"Entry %1 has no request method or URL."_s.arg(index));
    const qsizetype hash = url.indexOf(u'#');
    if (hash >= 0)
        url.truncate(hash);
    // queryString repeats the URL's own query in browser HARs; add only what the URL lacks.
    QStringList present;
    const qsizetype q = url.indexOf(u'?');
    if (q >= 0) {
        for (const QString &pair : url.mid(q + 1).split(u'&', Qt::SkipEmptyParts))
            present.append(QUrl::fromPercentEncoding(pair.toUtf8()).replace(u'+', u' '));
    }
    QStringList extra;
    for (const QJsonValue &v : req.value(u"queryString"_s).toArray()) {
        const QString name = v[u"name"_s].toString();
        const QString value = v[u"value"_s].toString();
        const QString decoded = name + u'=' + value;
        if (present.removeOne(decoded))
            continue;
        extra.append(QString::fromLatin1(formEncode(name) + '=' + formEncode(value)));
    }
    if (!extra.isEmpty()) {
        const QString joined = extra.join(u'&');
        url += q < 0 ? u'?' + joined : (url.endsWith(u'&') ? joined : u'&' + joined);
    }
    r.url = url;

    bool haveCookie = false;
    for (const QJsonValue &v : req.value(u"headers"_s).toArray()) {
        const QByteArray name = v[u"name"_s].toString().toUtf8();
        const QByteArray lower = name.toLower();
        if (name.startsWith(':') || lower == "host" || lower == "content-length")
            continue; // HTTP/2 pseudo-headers and transport details follow from the URL and body
        haveCookie |= lower == "cookie";
        r.headers.append(Header { name, v[u"value"_s].toString().toUtf8() });
    }
    if (!haveCookie) {
        QList<QByteArray> cookies;
        for (const QJsonValue &v : req.value(u"cookies"_s).toArray())
            cookies.append(
                v[u"name"_s].toString().toUtf8() + '=' + v[u"value"_s].toString().toUtf8());
        if (!cookies.isEmpty())
            r.headers.prepend(Header { "Cookie", cookies.join("; ") });
    }

    const QJsonObject post = req.value(u"postData"_s).toObject();
    if (!post.isEmpty()) {
        const QString mime = post.value(u"mimeType"_s).toString();
        const QJsonArray params = post.value(u"params"_s).toArray();
        if (post.contains(u"text"_s)) {
            QByteArray text = post.value(u"text"_s).toString().toUtf8();
            const QString enc =
                post.value(u"encoding"_s).toString(post.value(u"_encoding"_s).toString());
            if (enc == u"base64"_s)
                text = QByteArray::fromBase64(text);
            r.body = text;
            r.bodyKind = mime.contains(u"json"_s) ? BodyKind::Json : BodyKind::Text;
        } else if (mime.startsWith(u"multipart/form-data"_s) && !params.isEmpty()) {
            const QByteArray boundary = "------------------------"
                + QByteArray::number(QRandomGenerator::global()->generate64(), 16)
                      .rightJustified(16, '0');
            QByteArray body;
            for (const QJsonValue &p : params) {
                body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + p[u"name"_s].toString().toUtf8() + '"';
                const QString file = p[u"fileName"_s].toString();
                if (!file.isEmpty())
                    body += "; filename=\"" + file.section(u'/', -1).toUtf8() + '"';
                body += "\r\n";
                const QString type = p[u"contentType"_s].toString();
                if (!type.isEmpty())
                    body += "Content-Type: " + type.toUtf8() + "\r\n";
                if (!file.isEmpty() && !p.toObject().contains(u"value"_s))
                    out.notes.append(
                        u"The HAR does not hold the bytes of the file part \"%1\" "
                        "(%2): it is sent empty."_s.arg(p[u"name"_s].toString(), file));
                body += "\r\n" + p[u"value"_s].toString().toUtf8() + "\r\n";
            }
            body += "--" + boundary + "--\r\n";
            r.body = body;
            r.bodyKind = BodyKind::Multipart;
            r.removeHeaders("Content-Type");
            r.headers.append(
                Header { "Content-Type", "multipart/form-data; boundary=" + boundary });
        } else if (!params.isEmpty()) {
            QList<QByteArray> pairs;
            for (const QJsonValue &p : params)
                pairs.append(formEncode(p[u"name"_s].toString()) + '='
                    + formEncode(p[u"value"_s].toString()));
            r.body = pairs.join('&');
            r.bodyKind = BodyKind::Form;
        }
        if (r.body && !r.hasHeader("Content-Type") && !mime.isEmpty())
            r.headers.append(Header { "Content-Type", mime.toUtf8() });
    }
    return out;
}

} // namespace

bool HarFilter::matches(const HarEntry &e) const
{
    const Request &r = e.request;
    if (!host.isEmpty() && QUrl(r.url).host().compare(host, Qt::CaseInsensitive) != 0)
        return false;
    if (!method.isEmpty() && r.method.compare(method, Qt::CaseInsensitive) != 0)
        return false;
    return status == 0 || e.status == status;
}

namespace {

// A structural scan of JSON text, enough to find log.entries and the bounds of each element
// without building the whole document: strings (with escapes) and nesting are followed; the
// values themselves are checked when each piece is parsed.
class Scanner
{
public:
    explicit Scanner(QByteArrayView text)
        : m_p(text.data())
        , m_n(text.size())
    {
    }

    qsizetype skipSpace(qsizetype i) const
    {
        while (i < m_n && (m_p[i] == ' ' || m_p[i] == '\n' || m_p[i] == '\r' || m_p[i] == '\t'))
            ++i;
        return i;
    }

    // The end of the value that starts at i (after space), or -1 if the text ends inside it.
    qsizetype skipValue(qsizetype i) const
    {
        if (i >= m_n)
            return -1;
        if (m_p[i] == '"')
            return skipString(i);
        if (m_p[i] != '{' && m_p[i] != '[') {
            while (i < m_n && !std::strchr(",]} \n\r\t", m_p[i]))
                ++i;
            return i;
        }
        int depth = 0;
        while (i < m_n) {
            const char c = m_p[i];
            if (c == '"') {
                i = skipString(i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            ++i;
        }
        return -1;
    }

    // Where the value of member `name` of the object that starts at i ('{') begins, or -1 when
    // it has none or the object is cut short. The matching value itself is not scanned.
    qsizetype member(qsizetype i, QByteArrayView name) const
    {
        if (i < 0 || i >= m_n || m_p[i] != '{')
            return -1;
        i = skipSpace(i + 1);
        while (i < m_n && m_p[i] == '"') {
            const qsizetype keyEnd = skipString(i);
            if (keyEnd < 0)
                return -1;
            const QByteArrayView key(m_p + i + 1, keyEnd - i - 2);
            i = skipSpace(keyEnd);
            if (i >= m_n || m_p[i] != ':')
                return -1;
            const qsizetype begin = skipSpace(i + 1);
            if (key == name)
                return begin < m_n ? begin : -1;
            const qsizetype end = skipValue(begin);
            if (end < 0)
                return -1;
            i = skipSpace(end);
            if (i >= m_n || m_p[i] != ',')
                return -1;
            i = skipSpace(i + 1);
        }
        return -1;
    }

private:
    // After the string that starts at i ('"'): the next quote not escaped by an odd run of
    // backslashes (memchr does the long stretches of text).
    qsizetype skipString(qsizetype i) const
    {
        qsizetype from = i + 1;
        while (from < m_n) {
            const void *quote = std::memchr(m_p + from, '"', size_t(m_n - from));
            if (!quote)
                return -1;
            const qsizetype q = static_cast<const char *>(quote) - m_p;
            qsizetype k = q;
            while (k > from && m_p[k - 1] == '\\')
                --k;
            if ((q - k) % 2 == 0)
                return q + 1;
            from = q + 1;
        }
        return -1;
    }

    const char *m_p;
    qsizetype m_n;
};

Error notJson(qsizetype offset, const QJsonParseError &error)
{
    return Error::input(u"har-malformed"_s,
        u"Not JSON (offset %1): %2"_s.arg(offset + error.offset).arg(error.errorString()));
}

} // namespace

Result<QList<HarEntry>> importHar(const QByteArray &json, const HarFilter &filter)
{
    if (json.size() > kMaxHar)
        return Error::input(u"input-too-large"_s, u"The HAR file is larger than 512 MiB."_s);
    // The entries are parsed one at a time (a 50 MB file never becomes one 250 MB document);
    // the rest of the file, without them, is parsed as a whole, so it is checked all the same.
    const Scanner scan(json);
    const qsizetype arrayBegin = scan.member(scan.member(scan.skipSpace(0), "log"), "entries");
    QJsonParseError error {};
    if (arrayBegin < 0 || json.at(arrayBegin) != '[') {
        // Not the expected shape: the whole-document parse says why, as precisely as it can.
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError)
            return notJson(0, error);
        return Error::input(u"har-malformed"_s, u"No log.entries array: not a HAR file."_s);
    }
    QList<HarEntry> out;
    qsizetype arrayEnd = -1; // after the closing ']'
    qsizetype i = scan.skipSpace(arrayBegin + 1);
    if (i < json.size() && json.at(i) == ']')
        arrayEnd = i + 1;
    for (int index = 0; arrayEnd < 0; ++index) {
        const qsizetype end = scan.skipValue(i);
        if (end < 0)
            return Error::input(u"har-malformed"_s,
                u"Not JSON (offset %1): entry %2 is cut short."_s.arg(i).arg(index));
        QJsonObject entry;
        if (json.at(i) == '{') {
            const QJsonDocument doc = QJsonDocument::fromJson(
                QByteArray::fromRawData(json.constData() + i, end - i), &error);
            if (error.error != QJsonParseError::NoError)
                return notJson(i, error);
            entry = doc.object();
        }
        Result<HarEntry> e = entryFrom(entry, index);
        if (!e)
            return e.error();
        if (filter.matches(*e))
            out.append(std::move(e).value());
        i = scan.skipSpace(end);
        if (i < json.size() && json.at(i) == ']') {
            arrayEnd = i + 1;
        } else if (i >= json.size() || json.at(i) != ',') {
            return Error::input(u"har-malformed"_s,
                u"Not JSON (offset %1): a ',' or ']' is missing after entry %2."_s.arg(i).arg(
                    index));
        } else {
            i = scan.skipSpace(i + 1);
            if (i < json.size() && json.at(i) == ']')
                return Error::input(
                    u"har-malformed"_s, u"Not JSON (offset %1): a ',' ends the entries."_s.arg(i));
        }
    }
    // The rest of the file, with the entries taken out, must be JSON of the HAR's shape too.
    const QByteArray rest = json.left(arrayBegin + 1) + json.mid(arrayEnd - 1);
    const QJsonDocument skeleton = QJsonDocument::fromJson(rest, &error);
    if (error.error != QJsonParseError::NoError)
        return notJson(error.offset > arrayBegin ? arrayEnd - 1 - arrayBegin - 1 : 0, error);
    if (!skeleton.object().value(u"log"_s).toObject().value(u"entries"_s).isArray())
        return Error::input(u"har-malformed"_s, u"No log.entries array: not a HAR file."_s);
    return out;
}

} // namespace keyhaven::replay
