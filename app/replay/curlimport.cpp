// replay/curlimport.cpp — curl 7.88's option semantics, as far as they shape the request on the
// wire (checked against real curl captures in ../shared/testdata/curl).
#include "replay/curlimport.h"

#include "common/io.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {

constexpr qint64 kMaxFile = 64 * 1024 * 1024; // uploads may be larger than a token

enum class Opt {
    Request,
    Header,
    Data,
    DataAscii,
    DataRaw,
    DataBinary,
    DataUrlencode,
    Json,
    User,
    Cookie,
    CookieJar,
    Get,
    Head,
    Form,
    FormString,
    UploadFile,
    Referer,
    UserAgent,
    Range,
    Url,
    UrlQuery,
    Insecure,
    Location,
    LocationTrusted,
    Compressed,
    MaxTime,
    ConnectTimeout,
    Oauth2Bearer,
    Basic,
    Digest,
    Ntlm,
    Negotiate,
    AnyAuth,
    Next,
    CaCert,
    Proxy,
    Config,
    Ignored,
};

struct OptSpec
{
    const char *longName;
    char shortName;
    Opt opt;
    bool takesArg;
    bool boolean; // accepts --no-NAME
};

// The options that change the request, plus the common output-only ones (accepted and listed as
// ignored). Anything else is unknown and reported.
constexpr OptSpec kOptions[] = {
    { "request", 'X', Opt::Request, true, false },
    { "header", 'H', Opt::Header, true, false },
    { "data", 'd', Opt::Data, true, false },
    { "data-ascii", 0, Opt::DataAscii, true, false },
    { "data-raw", 0, Opt::DataRaw, true, false },
    { "data-binary", 0, Opt::DataBinary, true, false },
    { "data-urlencode", 0, Opt::DataUrlencode, true, false },
    { "json", 0, Opt::Json, true, false },
    { "user", 'u', Opt::User, true, false },
    { "cookie", 'b', Opt::Cookie, true, false },
    { "cookie-jar", 'c', Opt::CookieJar, true, false },
    { "get", 'G', Opt::Get, false, true },
    { "head", 'I', Opt::Head, false, true },
    { "form", 'F', Opt::Form, true, false },
    { "form-string", 0, Opt::FormString, true, false },
    { "upload-file", 'T', Opt::UploadFile, true, false },
    { "referer", 'e', Opt::Referer, true, false },
    { "user-agent", 'A', Opt::UserAgent, true, false },
    { "range", 'r', Opt::Range, true, false },
    { "url", 0, Opt::Url, true, false },
    { "url-query", 0, Opt::UrlQuery, true, false },
    { "insecure", 'k', Opt::Insecure, false, true },
    { "location", 'L', Opt::Location, false, true },
    { "location-trusted", 0, Opt::LocationTrusted, false, true },
    { "compressed", 0, Opt::Compressed, false, true },
    { "max-time", 'm', Opt::MaxTime, true, false },
    { "connect-timeout", 0, Opt::ConnectTimeout, true, false },
    { "oauth2-bearer", 0, Opt::Oauth2Bearer, true, false },
    { "basic", 0, Opt::Basic, false, true },
    { "digest", 0, Opt::Digest, false, true },
    { "ntlm", 0, Opt::Ntlm, false, true },
    { "negotiate", 0, Opt::Negotiate, false, true },
    { "anyauth", 0, Opt::AnyAuth, false, false },
    { "next", ':', Opt::Next, false, false },
    { "cacert", 0, Opt::CaCert, true, false },
    { "proxy", 'x', Opt::Proxy, true, false },
    { "config", 'K', Opt::Config, true, false },
    // Output and transport details: they do not change the request.
    { "output", 'o', Opt::Ignored, true, false },
    { "remote-name", 'O', Opt::Ignored, false, true },
    { "silent", 's', Opt::Ignored, false, true },
    { "show-error", 'S', Opt::Ignored, false, true },
    { "verbose", 'v', Opt::Ignored, false, true },
    { "include", 'i', Opt::Ignored, false, true },
    { "fail", 'f', Opt::Ignored, false, true },
    { "fail-with-body", 0, Opt::Ignored, false, true },
    { "trace", 0, Opt::Ignored, true, false },
    { "trace-ascii", 0, Opt::Ignored, true, false },
    { "write-out", 'w', Opt::Ignored, true, false },
    { "dump-header", 'D', Opt::Ignored, true, false },
    { "progress-bar", '#', Opt::Ignored, false, true },
    { "no-buffer", 'N', Opt::Ignored, false, true },
    { "globoff", 'g', Opt::Ignored, false, true },
    { "http1.1", 0, Opt::Ignored, false, false },
    { "http2", 0, Opt::Ignored, false, false },
    { "http1.0", '0', Opt::Ignored, false, false },
    { "ipv4", '4', Opt::Ignored, false, false },
    { "ipv6", '6', Opt::Ignored, false, false },
    { "retry", 0, Opt::Ignored, true, false },
    { "max-redirs", 0, Opt::Ignored, true, false },
    { "path-as-is", 0, Opt::Ignored, false, true },
    { "styled-output", 0, Opt::Ignored, false, true },
    { "keepalive-time", 0, Opt::Ignored, true, false },
    { "no-keepalive", 0, Opt::Ignored, false, false },
    { "tr-encoding", 0, Opt::Ignored, false, true },
};

const OptSpec *findLong(QByteArrayView name)
{
    for (const OptSpec &spec : kOptions) {
        if (name == spec.longName)
            return &spec;
    }
    return nullptr;
}

const OptSpec *findShort(char c)
{
    for (const OptSpec &spec : kOptions) {
        if (spec.shortName == c)
            return &spec;
    }
    return nullptr;
}

// curl's auth bits (CURLAUTH_*), as far as the first request goes.
enum AuthBit : unsigned {
    AuthBasic = 1,
    AuthDigest = 2,
    AuthNtlm = 4,
    AuthNegotiate = 8,
    AuthBearer = 16
};

enum class HttpReq { None, Get, Head, Multipart, Post, Put };

QString reqName(HttpReq r)
{
    switch (r) {
    case HttpReq::Get:
        return u"GET (-G, --get)"_s;
    case HttpReq::Head:
        return u"HEAD (-I, --head)"_s;
    case HttpReq::Multipart:
        return u"multipart formpost (-F, --form)"_s;
    case HttpReq::Post:
        return u"POST (-d, --data)"_s;
    case HttpReq::Put:
        return u"PUT (-T, --upload-file)"_s;
    case HttpReq::None:
        break;
    }
    return {};
}

struct DataPart
{
    QByteArray bytes;
    bool json = false;
};

struct FormPart
{
    QByteArray name;
    QByteArray value; // literal value or file content
    QByteArray filename; // set for name=@file
    QByteArray type;
};

struct CustomHeader
{
    QByteArray name;
    QByteArray value;
    bool remove = false; // "Name:" removes curl's own header of that name
};

// One operation: the options between two --next.
struct Op
{
    QByteArray method;
    bool get = false;
    HttpReq req = HttpReq::None;
    QList<CustomHeader> headers;
    QList<DataPart> data;
    bool hasData = false;
    QList<FormPart> forms;
    QStringList uploads;
    std::optional<QByteArray> user;
    std::optional<QByteArray> bearer;
    unsigned authMask = 0;
    QList<QByteArray> cookies;
    QList<QByteArray> cookieFileLines;
    QString cookieFile;
    std::optional<QByteArray> referer;
    std::optional<QByteArray> userAgent;
    std::optional<QByteArray> range;
    QList<QByteArray> urls;
    QList<QByteArray> urlQueries;
    bool insecure = false;
    bool location = false;
    bool compressed = false;
    int timeoutMs = 0;
    QString caFile;
    QStringList reads;
};

QByteArray escape(QByteArrayView bytes, bool lowerHex)
{
    static const char upper[] = "0123456789ABCDEF";
    static const char lower[] = "0123456789abcdef";
    const char *hex = lowerHex ? lower : upper;
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

class Importer
{
public:
    explicit Importer(const CurlContext &context)
        : m_ctx(context)
    {
    }

    Result<CurlImport> run(QByteArrayView command)
    {
        Result<ShellWords> split = splitShellWords(command, m_ctx.env);
        if (!split)
            return split.error();
        m_result.notes = split->notes;
        m_stdinFile = split->stdinFile;
        QList<QByteArray> words = split->words;
        if (words.isEmpty() || !isCurl(words.first()))
            return Error::input(u"not-curl"_s, u"The command does not start with \"curl\"."_s);

        m_ops.append(Op {});
        for (qsizetype i = 1; i < words.size(); ++i) {
            const QByteArray &w = words.at(i);
            if (w.startsWith("--") && w.size() > 2) {
                QByteArrayView name = QByteArrayView(w).sliced(2);
                bool toggle = true;
                const OptSpec *spec = findLong(name);
                if (!spec && name.startsWith("no-")) {
                    spec = findLong(name.sliced(3));
                    if (spec && !spec->boolean)
                        spec = nullptr;
                    toggle = false;
                }
                if (!spec) {
                    m_result.unknownOptions.append(QString::fromUtf8(w));
                    continue;
                }
                QByteArray arg;
                if (spec->takesArg) {
                    if (i + 1 >= words.size())
                        return missingArgument(w);
                    arg = words.at(++i);
                }
                if (Result<void> r = apply(*spec, QString::fromUtf8(w), arg, toggle); !r)
                    return r.error();
            } else if (w.startsWith('-') && w.size() > 1) {
                for (qsizetype k = 1; k < w.size(); ++k) {
                    const OptSpec *spec = findShort(w.at(k));
                    if (!spec) {
                        m_result.unknownOptions.append(u"-"_s + QChar::fromLatin1(w.at(k)));
                        continue;
                    }
                    const QString display = u"-"_s + QChar::fromLatin1(w.at(k));
                    QByteArray arg;
                    if (spec->takesArg) {
                        if (k + 1 < w.size()) {
                            arg = w.mid(k + 1);
                        } else if (i + 1 < words.size()) {
                            arg = words.at(++i);
                        } else {
                            return missingArgument(display.toUtf8());
                        }
                        if (Result<void> r = apply(*spec, display, arg, true); !r)
                            return r.error();
                        break;
                    }
                    if (Result<void> r = apply(*spec, display, arg, true); !r)
                        return r.error();
                }
            } else {
                m_ops.last().urls.append(w);
            }
        }
        for (Op &op : m_ops) {
            if (Result<void> r = build(op); !r)
                return r.error();
        }
        if (m_result.requests.isEmpty())
            return Error::input(u"no-url"_s, u"curl: no URL specified"_s);
        return std::move(m_result);
    }

private:
    static bool isCurl(const QByteArray &word)
    {
        return word == "curl" || word.endsWith("/curl") || word == "curl.exe";
    }

    static Error missingArgument(const QByteArray &option)
    {
        return Error::input(u"missing-argument"_s,
            u"curl: option %1: requires parameter"_s.arg(QString::fromUtf8(option)));
    }

    static Error refuse(HttpReq asked, HttpReq already)
    {
        // curl 7.88 tool_getparam.c SetHTTPrequest(); curl exits 2 after this warning.
        return Error::input(u"curl-refuses"_s,
            u"You can only select one HTTP request method! You asked for both %1 and %2."_s.arg(
                reqName(asked), reqName(already)));
    }

    static Result<void> setReq(Op &op, HttpReq r)
    {
        if (op.req == HttpReq::None || op.req == r) {
            op.req = r;
            return {};
        }
        return refuse(r, op.req);
    }

    QString resolve(const QString &name) const
    {
        return QFileInfo(name).isAbsolute() ? name : m_ctx.workingDir.filePath(name);
    }

    Result<QByteArray> readStdin()
    {
        if (m_stdinRead) {
            m_result.notes.append(u"stdin was already read: it gives nothing the second time."_s);
            return QByteArray();
        }
        m_stdinRead = true;
        if (!m_stdinFile.isEmpty())
            return io::readFile(resolve(m_stdinFile), kMaxFile);
        if (!m_ctx.readStdin)
            return Error::input(u"stdin-unavailable"_s,
                u"The command reads stdin (@- or -T -), but none is given."_s);
        return m_ctx.readStdin();
    }

    // "@file" / "@-" contents, recording what was read.
    Result<QByteArray> readSource(Op &op, const QByteArray &name)
    {
        const QString file = QString::fromUtf8(name);
        if (file == u"-"_s || file == u"."_s) {
            op.reads.append(m_stdinFile.isEmpty() ? u"-"_s : m_stdinFile);
            return readStdin();
        }
        op.reads.append(file);
        return io::readFile(resolve(file), kMaxFile);
    }

    // --data-urlencode / --url-query content: "content", "=content", "name=content", "@file",
    // "name@file" (curl's data_urlencode()).
    Result<QByteArray> urlencoded(Op &op, const QByteArray &arg, bool lowerHex)
    {
        const qsizetype at = arg.indexOf('@');
        const qsizetype eq = arg.indexOf('=');
        qsizetype sep = -1;
        if (at >= 0 && (eq < 0 || at < eq))
            sep = at;
        else if (eq >= 0)
            sep = eq;
        const QByteArray name = sep > 0 ? arg.left(sep) : QByteArray();
        QByteArray content;
        if (sep >= 0 && arg.at(sep) == '@') {
            Result<QByteArray> file = readSource(op, arg.mid(sep + 1));
            if (!file)
                return file.error();
            content = *file;
        } else {
            content = sep >= 0 ? arg.mid(sep + 1) : arg;
        }
        const QByteArray encoded = escape(content, lowerHex);
        return name.isEmpty() ? encoded : name + '=' + encoded;
    }

    Result<void> addData(Op &op, Opt kind, const QByteArray &arg)
    {
        QByteArray bytes;
        bool json = false;
        switch (kind) {
        case Opt::DataUrlencode: {
            Result<QByteArray> r = urlencoded(op, arg, false);
            if (!r)
                return r.error();
            bytes = *r;
            break;
        }
        case Opt::DataRaw:
            bytes = arg;
            break;
        case Opt::Data:
        case Opt::DataAscii:
        case Opt::DataBinary:
        case Opt::Json:
            json = kind == Opt::Json;
            if (arg.startsWith('@')) {
                Result<QByteArray> r = readSource(op, arg.mid(1));
                if (!r)
                    return r.error();
                bytes = *r;
                if (kind == Opt::Data || kind == Opt::DataAscii) {
                    bytes.removeIf([](char c) { return c == '\r' || c == '\n'; });
                }
            } else {
                bytes = arg;
            }
            break;
        default:
            break;
        }
        op.data.append({ bytes, json });
        op.hasData = true;
        return {};
    }

    Result<void> addHeader(Op &op, const QByteArray &arg)
    {
        if (arg.startsWith('@')) { // -H @file: one header per line
            Result<QByteArray> file = readSource(op, arg.mid(1));
            if (!file)
                return file.error();
            for (QByteArray line : file->split('\n')) {
                line = line.trimmed();
                if (!line.isEmpty())
                    addHeaderLine(op, line);
            }
            return {};
        }
        addHeaderLine(op, arg);
        return {};
    }

    void addHeaderLine(Op &op, const QByteArray &line)
    {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            if (line.endsWith(';')) { // "Name;" sends the header with an empty value
                op.headers.append({ line.chopped(1).trimmed(), QByteArray(), false });
            } else {
                m_result.notes.append(
                    u"The header \"%1\" has no colon: curl does not send it."_s.arg(
                        QString::fromUtf8(line)));
            }
            return;
        }
        const QByteArray name = line.left(colon).trimmed();
        QByteArray value = line.mid(colon + 1);
        while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove(0, 1);
        while (!value.isEmpty() && (value.back() == '\r' || value.back() == '\n'))
            value.chop(1);
        op.headers.append({ name, value, value.isEmpty() });
    }

    Result<void> addForm(Op &op, const QByteArray &arg, bool literal)
    {
        const qsizetype eq = arg.indexOf('=');
        if (eq <= 0)
            return Error::input(u"curl-refuses"_s,
                u"curl: option -F: is badly used here (expected NAME=CONTENT)"_s);
        FormPart part;
        part.name = arg.left(eq);
        QByteArray content = arg.mid(eq + 1);
        if (!literal && (content.startsWith('@') || content.startsWith('<'))) {
            const bool asFile = content.startsWith('@');
            QList<QByteArray> fields = content.mid(1).split(';');
            const QByteArray file = fields.takeFirst();
            for (const QByteArray &f : std::as_const(fields)) {
                if (f.startsWith("type="))
                    part.type = f.mid(5);
                else if (f.startsWith("filename="))
                    part.filename = f.mid(9);
            }
            Result<QByteArray> bytes = readSource(op, file);
            if (!bytes)
                return bytes.error();
            part.value = *bytes;
            if (asFile) {
                if (part.filename.isEmpty())
                    part.filename = QFileInfo(QString::fromUtf8(file)).fileName().toUtf8();
                if (part.type.isEmpty())
                    part.type = guessType(part.filename);
            }
        } else if (!literal) {
            QList<QByteArray> fields = content.split(';');
            part.value = fields.takeFirst();
            for (const QByteArray &f : std::as_const(fields)) {
                if (f.startsWith("type="))
                    part.type = f.mid(5);
                else
                    part.value += ';' + f;
            }
        } else {
            part.value = content;
        }
        op.forms.append(part);
        return setReq(op, HttpReq::Multipart);
    }

    static QByteArray guessType(const QByteArray &filename)
    {
        // curl's short list (lib/mime.c ContentTypeForFilename).
        static const std::pair<const char *, const char *> types[] = {
            { ".gif", "image/gif" },
            { ".jpg", "image/jpeg" },
            { ".jpeg", "image/jpeg" },
            { ".png", "image/png" },
            { ".svg", "image/svg+xml" },
            { ".txt", "text/plain" },
            { ".htm", "text/html" },
            { ".html", "text/html" },
            { ".pdf", "application/pdf" },
            { ".xml", "application/xml" },
        };
        for (const auto &[ext, type] : types) {
            if (filename.toLower().endsWith(ext))
                return type;
        }
        return "application/octet-stream";
    }

    Result<void> apply(const OptSpec &spec, const QString &display, const QByteArray &arg, bool on)
    {
        Op &op = m_ops.last();
        switch (spec.opt) {
        case Opt::Request:
            op.method = arg;
            return {};
        case Opt::Header:
            return addHeader(op, arg);
        case Opt::Data:
        case Opt::DataAscii:
        case Opt::DataRaw:
        case Opt::DataBinary:
        case Opt::DataUrlencode:
        case Opt::Json:
            return addData(op, spec.opt, arg);
        case Opt::User:
            op.user = arg;
            return {};
        case Opt::Cookie:
            if (arg.contains('=')) {
                op.cookies.append(arg);
            } else {
                Result<QByteArray> file = readSource(op, arg);
                if (!file) { // curl goes on without the cookies; so do we, but say so
                    m_result.notes.append(u"The cookie file \"%1\" could not be read: %2"_s.arg(
                        QString::fromUtf8(arg), file.error().message));
                    op.reads.removeLast();
                    return {};
                }
                op.cookieFileLines += file->split('\n');
            }
            return {};
        case Opt::CookieJar:
            m_result.ignoredOptions.append(display);
            m_result.notes.append(
                u"The cookie jar (%1) is not written by a replay."_s.arg(QString::fromUtf8(arg)));
            return {};
        case Opt::Get:
            op.get = on;
            return {};
        case Opt::Head:
            return on ? setReq(op, HttpReq::Head) : Result<void>();
        case Opt::Form:
        case Opt::FormString:
            return addForm(op, arg, spec.opt == Opt::FormString);
        case Opt::UploadFile:
            op.uploads.append(QString::fromUtf8(arg));
            return {};
        case Opt::Referer: {
            QByteArray r = arg;
            if (r.endsWith(";auto"))
                r.chop(5);
            if (!r.isEmpty())
                op.referer = r;
            return {};
        }
        case Opt::UserAgent:
            op.userAgent = arg;
            return {};
        case Opt::Range:
            op.range = arg.contains('-') ? arg : arg + '-'; // curl appends the dash, with a warning
            return {};
        case Opt::Url:
            op.urls.append(arg);
            return {};
        case Opt::UrlQuery:
            if (arg.startsWith('+')) {
                op.urlQueries.append(arg.mid(1));
            } else {
                Result<QByteArray> q = urlencoded(op, arg, true);
                if (!q)
                    return q.error();
                op.urlQueries.append(*q);
            }
            return {};
        case Opt::Insecure:
            op.insecure = on;
            return {};
        case Opt::Location:
        case Opt::LocationTrusted:
            op.location = on;
            if (spec.opt == Opt::LocationTrusted && on)
                m_result.notes.append(
                    u"--location-trusted is not honoured: a credential never follows a redirect "
                    "to another origin."_s);
            return {};
        case Opt::Compressed:
            op.compressed = on;
            return {};
        case Opt::MaxTime: {
            bool ok = false;
            const double seconds = arg.toDouble(&ok);
            if (!ok || seconds < 0)
                return Error::input(u"curl-refuses"_s,
                    u"curl: option %1: expected a proper numerical parameter"_s.arg(display));
            op.timeoutMs = int(std::min(seconds * 1000.0, 86400000.0));
            return {};
        }
        case Opt::ConnectTimeout:
            m_result.ignoredOptions.append(display);
            return {};
        case Opt::Oauth2Bearer:
            op.bearer = arg;
            op.authMask |= AuthBearer;
            return {};
        case Opt::Basic:
        case Opt::Digest:
        case Opt::Ntlm:
        case Opt::Negotiate: {
            const unsigned bit = spec.opt == Opt::Basic ? AuthBasic
                : spec.opt == Opt::Digest               ? AuthDigest
                : spec.opt == Opt::Ntlm                 ? AuthNtlm
                                                        : AuthNegotiate;
            op.authMask = on ? (op.authMask | bit) : (op.authMask & ~bit);
            return {};
        }
        case Opt::AnyAuth:
            op.authMask |= AuthBasic | AuthDigest | AuthNtlm | AuthNegotiate;
            return {};
        case Opt::Next:
            m_ops.append(Op {});
            return {};
        case Opt::CaCert:
            op.caFile = resolve(QString::fromUtf8(arg));
            return {};
        case Opt::Proxy:
            m_result.unknownOptions.append(display + u" (proxies are not supported by replay)"_s);
            return {};
        case Opt::Config:
            m_result.unknownOptions.append(display + u" (config files are not read)"_s);
            return {};
        case Opt::Ignored:
            m_result.ignoredOptions.append(display);
            return {};
        }
        return {};
    }

    QByteArray cookiesFromFile(const Op &op, const QString &url) const
    {
        const QUrl u(url);
        const QString host = u.host().toLower();
        const QString path = u.path().isEmpty() ? u"/"_s : u.path();
        const bool secure = u.scheme() == u"https"_s;
        QList<QByteArray> out;
        for (QByteArray line : op.cookieFileLines) {
            line = line.trimmed();
            if (line.startsWith("#HttpOnly_"))
                line = line.mid(10);
            else if (line.startsWith('#') || line.isEmpty())
                continue;
            const QList<QByteArray> f = line.split('\t');
            if (f.size() < 7)
                continue;
            QString domain = QString::fromUtf8(f[0]).toLower();
            const bool sub = f[1] == "TRUE";
            if (domain.startsWith(u'.'))
                domain.remove(0, 1);
            const bool domainOk = host == domain || (sub && host.endsWith(u'.' + domain));
            const bool pathOk = path.startsWith(QString::fromUtf8(f[2]));
            const bool secureOk = f[3] != "TRUE" || secure;
            const qint64 expires = f[4].toLongLong();
            const bool alive = expires == 0 || expires > QDateTime::currentSecsSinceEpoch();
            if (domainOk && pathOk && secureOk && alive)
                out.append(f[5] + '=' + f[6]);
        }
        return out.join("; ");
    }

    Result<void> build(Op &op)
    {
        if (op.urls.isEmpty()) {
            if (m_ops.size() > 1)
                return Error::input(u"no-url"_s, u"curl: no URL specified (after --next)"_s);
            return Error::input(u"no-url"_s, u"curl: no URL specified"_s);
        }
        // curl sets the data request type after parsing, then the upload one (tool_operate.c).
        if (op.hasData && !op.get) {
            if (Result<void> r = setReq(op, HttpReq::Post); !r)
                return r;
        }
        if (!op.uploads.isEmpty()) {
            if (Result<void> r = setReq(op, HttpReq::Put); !r)
                return r;
        }
        if (op.get && op.req == HttpReq::None)
            op.req = HttpReq::Get;

        QByteArray joined;
        bool lastJson = false;
        for (int i = 0; i < op.data.size(); ++i) {
            if (i > 0 && !(op.data[i].json && lastJson))
                joined += '&';
            joined += op.data[i].bytes;
            lastJson = op.data[i].json;
        }
        const bool anyJson =
            std::any_of(op.data.cbegin(), op.data.cend(), [](const DataPart &p) { return p.json; });

        for (int u = 0; u < op.urls.size(); ++u) {
            Request r;
            QByteArray url = op.urls[u];
            // A URL that starts with a {{variable}} ("{{base}}/v1") is a saved request's
            // template: its scheme and host come from the environment, so it is kept as written.
            const bool templated = url.startsWith("{{");
            if (!url.contains("://") && !templated)
                url.prepend("http://");
            // Credentials in the URL (user:password@host) become Basic, as with -u.
            const qsizetype authStart = templated ? 0 : url.indexOf("://") + 3;
            qsizetype authEnd = url.size();
            for (qsizetype i = authStart; i < url.size(); ++i) {
                if (url[i] == '/' || url[i] == '?' || url[i] == '#') {
                    authEnd = i;
                    break;
                }
            }
            std::optional<QByteArray> user = op.user;
            const qsizetype atSign = url.lastIndexOf('@', authEnd - 1);
            if (atSign >= authStart) {
                const QByteArray userinfo = url.mid(authStart, atSign - authStart);
                if (!user)
                    user = QByteArray::fromPercentEncoding(userinfo);
                url.remove(authStart, atSign + 1 - authStart);
                authEnd -= atSign + 1 - authStart;
            }
            if (!templated && (authEnd == url.size() || url[authEnd] != '/'))
                url.insert(authEnd, '/');
            const qsizetype hash = url.indexOf('#');
            if (hash >= 0)
                url.truncate(hash);

            if (u < op.uploads.size()) {
                const QString file = op.uploads[u];
                if (url.endsWith('/') && !url.contains('?') && file != u"-"_s && file != u"."_s)
                    url += escape(QFileInfo(file).fileName().toUtf8(), false);
                Result<QByteArray> bytes = readSource(op, file.toUtf8());
                if (!bytes)
                    return bytes.error();
                r.body = *bytes;
                r.bodyKind = BodyKind::File;
            }
            auto appendQuery = [&url](const QByteArray &q) {
                if (!url.contains('?'))
                    url += '?';
                else if (!url.endsWith('?') && !url.endsWith('&'))
                    url += '&';
                url += q;
            };
            if (op.get && op.hasData)
                appendQuery(joined);
            for (const QByteArray &q : std::as_const(op.urlQueries))
                appendQuery(q);
            r.url = QString::fromUtf8(url);

            switch (op.req) {
            case HttpReq::Head:
                r.method = "HEAD";
                break;
            case HttpReq::Post:
            case HttpReq::Multipart:
                r.method = "POST";
                break;
            case HttpReq::Put:
                r.method = "PUT";
                break;
            case HttpReq::Get:
            case HttpReq::None:
                r.method = "GET";
                break;
            }
            if (!op.method.isEmpty())
                r.method = op.method;

            auto custom = [&op](QByteArrayView name) -> const CustomHeader * {
                for (const CustomHeader &h : std::as_const(op.headers)) {
                    if (h.name.compare(name, Qt::CaseInsensitive) == 0)
                        return &h;
                }
                return nullptr;
            };
            // curl's own headers first, in curl's order (lib/http.c), unless a -H names them.
            if (!custom("Authorization")) {
                const unsigned mask = op.authMask == 0 ? unsigned(AuthBasic) : op.authMask;
                if (mask == AuthBearer && op.bearer) {
                    r.headers.append(Header { "Authorization", "Bearer " + *op.bearer });
                } else if (mask == AuthBasic && user) {
                    if (!user->contains(':'))
                        m_result.notes.append(
                            u"-u has no password: curl would prompt for it; an empty one is used."_s);
                    const QByteArray pair = user->contains(':') ? *user : *user + ':';
                    r.headers.append(Header { "Authorization", "Basic " + pair.toBase64() });
                } else if (user || op.bearer) {
                    m_result.notes.append(
                        u"With this authentication method curl sends no credential until the "
                        "server challenges; neither does the first replayed request."_s);
                }
            }
            if (op.range && !custom("Range"))
                r.headers.append(Header { "Range", "bytes=" + *op.range });
            if (op.userAgent && !custom("User-Agent"))
                r.headers.append(Header { "User-Agent", *op.userAgent });
            if (!custom("Accept") && !anyJson)
                r.headers.append(Header { "Accept", "*/*" });
            if (op.referer && !custom("Referer"))
                r.headers.append(Header { "Referer", *op.referer });
            QList<QByteArray> cookies = op.cookies;
            const QByteArray fromFile = cookiesFromFile(op, r.url);
            if (!fromFile.isEmpty())
                cookies.append(fromFile);
            if (!cookies.isEmpty() && !custom("Cookie"))
                r.headers.append(Header { "Cookie", cookies.join("; ") });
            for (const CustomHeader &h : std::as_const(op.headers)) {
                if (!h.remove)
                    r.headers.append(Header { h.name, h.value });
            }
            if (anyJson) { // --json adds these unless -H names them (curl 7.82+)
                if (!custom("Content-Type"))
                    r.headers.append(Header { "Content-Type", "application/json" });
                if (!custom("Accept"))
                    r.headers.append(Header { "Accept", "application/json" });
            }

            if (op.req == HttpReq::Multipart) {
                const QByteArray boundary = "------------------------"
                    + QByteArray::number(QRandomGenerator::global()->generate64(), 16)
                          .rightJustified(16, '0');
                QByteArray body;
                for (const FormPart &p : std::as_const(op.forms)) {
                    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name
                        + '"';
                    if (!p.filename.isEmpty())
                        body += "; filename=\"" + p.filename + '"';
                    body += "\r\n";
                    if (!p.type.isEmpty())
                        body += "Content-Type: " + p.type + "\r\n";
                    body += "\r\n" + p.value + "\r\n";
                }
                body += "--" + boundary + "--\r\n";
                r.body = body;
                r.bodyKind = BodyKind::Multipart;
                if (!custom("Content-Type"))
                    r.headers.append(
                        { "Content-Type", "multipart/form-data; boundary=" + boundary });
            } else if (op.hasData && !op.get) {
                r.body = joined;
                r.bodyKind = anyJson ? BodyKind::Json : BodyKind::Form;
                if (!custom("Content-Type") && !anyJson)
                    r.headers.append(
                        Header { "Content-Type", "application/x-www-form-urlencoded" });
                else if (!anyJson)
                    r.bodyKind = custom("Content-Type")->value.contains("json") ? BodyKind::Json
                                                                                : BodyKind::Text;
            }
            r.reads = op.reads;
            r.insecureTls = op.insecure;
            r.followRedirects = op.location;
            r.compressed = op.compressed;
            r.timeoutMs = op.timeoutMs;
            r.caFile = op.caFile;
            m_result.credentials.append(detectCredentials(
                r, int(m_result.requests.size()), user.has_value(), op.bearer.has_value()));
            m_result.requests.append(r);
        }
        return {};
    }

public:
    static bool isCredentialParameter(const QString &name)
    {
        static const QRegularExpression re(
            u"^(api[-_]?key|apikey|key|access[-_]?token|token|auth|sig|signature|secret|client[-_]?secret|"_s
            u"password|passwd|pwd|tkn|session|sessionid|code)$|[-_](key|token|secret)$"_s,
            QRegularExpression::CaseInsensitiveOption);
        return re.match(QUrl::fromPercentEncoding(name.toUtf8())).hasMatch();
    }

private:
    const CurlContext &m_ctx;
    CurlImport m_result;
    QList<Op> m_ops;
    QString m_stdinFile;
    bool m_stdinRead = false;
};

} // namespace

QString credentialKindId(DetectedCredential::Kind kind)
{
    using K = DetectedCredential::Kind;
    switch (kind) {
    case K::AuthorizationHeader:
        return u"authorization-header"_s;
    case K::KeyHeader:
        return u"key-header"_s;
    case K::BasicAuth:
        return u"basic-auth"_s;
    case K::Bearer:
        return u"bearer"_s;
    case K::QueryKey:
        return u"query-key"_s;
    case K::SessionCookie:
        return u"session-cookie"_s;
    case K::BodyField:
        return u"body-field"_s;
    }
    return {};
}

bool isCredentialParameterName(const QString &name)
{
    return Importer::isCredentialParameter(name);
}

QList<DetectedCredential> detectCredentials(
    const Request &r, int index, bool fromUserOption, bool fromBearerOption)
{
    using K = DetectedCredential::Kind;
    QList<DetectedCredential> found;
    auto add = [&](K kind, const QString &name, const QString &where, const QByteArray &v) {
        found.append({ kind, index, name, where, v });
    };
    static const QRegularExpression keyHeader(
        u"(^|[-_])(api[-_]?key|apikey|key|token|secret|auth|signature|password|passwd)$"_s
        u"|^x-(api|auth|access)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression sessionCookie(u"sess|sid$|^sid|auth|token|jwt|remember|login"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (const Header &h : r.headers) {
        const QString name = QString::fromLatin1(h.first);
        if (h.first.compare("Authorization", Qt::CaseInsensitive) == 0
            || h.first.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0) {
            const K kind = h.second.startsWith("Basic ") ? K::BasicAuth
                : h.second.startsWith("Bearer ")         ? K::Bearer
                                                         : K::AuthorizationHeader;
            const QString where = fromUserOption && kind == K::BasicAuth ? u"-u"_s
                : fromBearerOption && kind == K::Bearer                  ? u"--oauth2-bearer"_s
                                                                         : u"header "_s + name;
            add(kind, name, where, h.second);
        } else if (h.first.compare("Cookie", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &pair : h.second.split(';')) {
                const qsizetype eq = pair.indexOf('=');
                const QString cname = QString::fromUtf8(pair.left(eq).trimmed());
                if (eq > 0 && eq + 1 < pair.size() && sessionCookie.match(cname).hasMatch())
                    add(K::SessionCookie, cname, u"cookie "_s + cname, pair.mid(eq + 1));
            }
        } else if (keyHeader.match(name).hasMatch() && !h.second.isEmpty()) {
            add(K::KeyHeader, name, u"header "_s + name, h.second);
        }
    }
    const qsizetype q = r.url.indexOf(u'?');
    if (q >= 0) {
        for (const QString &pair : r.url.mid(q + 1).split(u'&')) {
            const QString name = pair.section(u'=', 0, 0);
            const QString value = pair.section(u'=', 1);
            if (!value.isEmpty() && isCredentialParameterName(name))
                add(K::QueryKey, name, u"query parameter "_s + name, value.toUtf8());
        }
    }
    if (r.body && r.bodyKind == BodyKind::Form) {
        for (const QByteArray &pair : r.body->split('&')) {
            const QString name = QString::fromUtf8(pair.left(pair.indexOf('=')));
            static const QRegularExpression secretField(
                u"pass|pwd|secret|token|api[-_]?key"_s, QRegularExpression::CaseInsensitiveOption);
            if (pair.contains('=') && secretField.match(name).hasMatch() && !pair.endsWith('='))
                add(K::BodyField, name, u"form field "_s + name, pair.mid(pair.indexOf('=') + 1));
        }
    }
    return found;
}

Result<CurlImport> importCurl(QByteArrayView command, const CurlContext &context)
{
    return Importer(context).run(command);
}

QByteArray curlEscape(QByteArrayView bytes) { return escape(bytes, false); }

} // namespace keyhaven::replay
