// replay/request.h — a request to replay: method, URL, ordered headers, body and auth binding.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace keyhaven::replay {

// Header lines in the order they are sent; duplicates are kept (two Cookie lines stay two).
using Header = QPair<QByteArray, QByteArray>;
using Headers = QList<Header>;

// Where the credential of a request comes from (DESIGN.md "Replay"). The secret itself is never
// part of a Request: it is read from the vault when the request is sent.
struct AuthBinding
{
    enum class Kind {
        None,
        ApiKey, // the item's header (default X-API-Key) carries the key
        JwtBearer, // Authorization: Bearer <the JWT item's token>
        Basic, // Authorization: Basic base64(user ":" secret item)
        OAuth, // Bearer from an OAuth connection, fresh through the token client (seam)
    };
    // Where an ApiKey goes: a header (the default), a query parameter or a cookie (for APIs that
    // take the key only there: a pasted "?api_key=" or session cookie moved into the vault).
    enum class Placement { Header, Query, Cookie };
    Kind kind = Kind::None;
    QString item; // name or id of the vault item
    QString user; // Basic only
    QByteArray headerName; // ApiKey: the header, query parameter or cookie name
    Placement placement = Placement::Header; // ApiKey only
};

enum class BodyKind { None, Text, Json, Form, Multipart, File };

struct Request
{
    QByteArray method = QByteArrayLiteral("GET");
    QString url; // absolute, as it goes on the wire (query included, no fragment)
    Headers headers;
    std::optional<QByteArray> body; // nullopt: no body; an empty array: an empty body
    BodyKind bodyKind = BodyKind::None;
    QStringList reads; // files whose bytes went into the request ("-" = stdin)
    AuthBinding auth;
    bool insecureTls = false; // -k: only ever explicit, and reported as a finding
    bool followRedirects = false; // -L (redirects never carry a credential to another origin)
    bool compressed = false; // --compressed
    int timeoutMs = 0; // -m; 0 = the sender's default
    QString caFile; // --cacert

    // Case-insensitive header lookup helpers (HTTP field names are case-insensitive).
    int headerIndex(QByteArrayView name, int from = 0) const;
    bool hasHeader(QByteArrayView name) const { return headerIndex(name) >= 0; }
    QByteArray headerValue(QByteArrayView name) const;
    void removeHeaders(QByteArrayView name);
    void setHeader(const QByteArray &name, const QByteArray &value); // replaces in place or appends
    // The query parameter `name` (percent-encoded as given) replaced in place or appended;
    // removeQueryParameter takes every one of that name out.
    void setQueryParameter(QByteArrayView name, const QByteArray &encodedValue);
    void removeQueryParameter(QByteArrayView name);
    // The cookie `name` in the Cookie header replaced in place or appended (the header is added
    // when missing); removeCookie takes it out (and an emptied Cookie header).
    void setCookie(QByteArrayView name, const QByteArray &value);
    void removeCookie(QByteArrayView name);
};

// "scheme://host:port" with the scheme's default port made explicit, lowercase scheme and host.
// Empty for a URL that has no scheme or host.
QString originOf(const QString &url);
// Whether the URL's host is a loopback address (localhost, 127.0.0.0/8, ::1).
bool isLoopback(const QString &url);
// The request target as it appears on the request line (path + "?" + query), "/" for an empty path.
QByteArray requestTarget(const QString &url);

} // namespace keyhaven::replay
