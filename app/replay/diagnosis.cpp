// replay/diagnosis.cpp — the challenge grammar of RFC 9110 §11.6.1 and RFC 6750 §3 error codes.
#include "replay/diagnosis.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {

bool isTchar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken68Char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("-._~+/").contains(c);
}

class ChallengeParser
{
public:
    explicit ChallengeParser(QByteArrayView s)
        : m_s(s)
    {
    }

    QList<Challenge> run()
    {
        QList<Challenge> out;
        while (true) {
            skipListSeparators();
            if (atEnd())
                break;
            const QByteArray scheme = token();
            if (scheme.isEmpty())
                break; // malformed: keep what we have
            Challenge c;
            c.scheme = QString::fromLatin1(scheme);
            skipSpaces();
            if (!atEnd() && peek() != ',') {
                if (!readToken68OrParams(c)) {
                    out.append(c);
                    break;
                }
            }
            out.append(c);
        }
        return out;
    }

private:
    bool atEnd() const { return m_i >= m_s.size(); }
    char peek(qsizetype ahead = 0) const
    {
        return m_i + ahead < m_s.size() ? m_s[m_i + ahead] : '\0';
    }
    void skipSpaces()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_i;
    }
    void skipListSeparators()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ','))
            ++m_i;
    }
    QByteArray token()
    {
        const qsizetype start = m_i;
        while (!atEnd() && isTchar(peek()))
            ++m_i;
        return m_s.sliced(start, m_i - start).toByteArray();
    }

    // After the scheme and its space: token68, or #auth-param. A following token that is not
    // "name =" starts the next challenge. Returns false on malformed input.
    bool readToken68OrParams(Challenge &c)
    {
        // token68: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=", then end or ",".
        qsizetype j = m_i;
        while (j < m_s.size() && isToken68Char(m_s[j]))
            ++j;
        qsizetype k = j;
        while (k < m_s.size() && m_s[k] == '=')
            ++k;
        qsizetype after = k;
        while (after < m_s.size() && (m_s[after] == ' ' || m_s[after] == '\t'))
            ++after;
        if (j > m_i && (after == m_s.size() || m_s[after] == ',')
            && !(k > j && k < m_s.size() && (isTchar(m_s[k]) || m_s[k] == '"'))) {
            c.token68 = QString::fromLatin1(m_s.sliced(m_i, k - m_i));
            m_i = after;
            return true;
        }
        while (true) {
            const qsizetype save = m_i;
            const QByteArray name = token();
            skipSpaces();
            if (name.isEmpty() || peek() != '=') {
                m_i = save; // the next challenge's scheme (or junk)
                return !name.isEmpty();
            }
            ++m_i;
            skipSpaces();
            QString value;
            if (peek() == '"') {
                ++m_i;
                QByteArray v;
                bool closed = false;
                while (!atEnd()) {
                    const char ch = m_s[m_i++];
                    if (ch == '\\' && !atEnd()) {
                        v += m_s[m_i++];
                    } else if (ch == '"') {
                        closed = true;
                        break;
                    } else {
                        v += ch;
                    }
                }
                if (!closed)
                    return false;
                value = QString::fromUtf8(v);
            } else {
                const QByteArray v = token();
                if (v.isEmpty())
                    return false;
                value = QString::fromLatin1(v);
            }
            c.params.append({ QString::fromLatin1(name).toLower(), value });
            skipSpaces();
            if (atEnd())
                return true;
            if (peek() != ',')
                return false;
            skipListSeparators();
            if (atEnd())
                return true;
        }
    }

    QByteArrayView m_s;
    qsizetype m_i = 0;
};

QByteArray joinedHeader(const Headers &headers, QByteArrayView name)
{
    QList<QByteArray> values;
    for (const Header &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            values.append(h.second);
    }
    return values.join(", ");
}

QString sentScheme(const Request &r)
{
    const QByteArray auth = r.headerValue("Authorization");
    if (auth.isEmpty())
        return {};
    return QString::fromLatin1(auth.left(auth.indexOf(' ')));
}

QString ago(qint64 secs)
{
    if (secs < 120)
        return u"%1 s"_s.arg(secs);
    if (secs < 7200)
        return u"%1 min"_s.arg(secs / 60);
    if (secs < 172800)
        return u"%1 h"_s.arg(secs / 3600);
    return u"%1 days"_s.arg(secs / 86400);
}

// RFC 6750 §3: `scope` lists what the resource needs (space-separated); set against what the
// token was granted, the missing ones are the answer.
QString insufficientScope(
    int status, const QString &wanted, const QStringList &granted, const QString &suffix)
{
    const QStringList wants = wanted.split(u' ', Qt::SkipEmptyParts);
    const QString has = granted.join(u' ');
    if (wants.isEmpty() && granted.isEmpty())
        return u"%1: the token lacks a scope the server wants%2 (RFC 6750 §3.1)."_s.arg(status).arg(
            suffix);
    if (wants.isEmpty())
        return u"%1: the token has scopes `%2`, but the server wants one it lacks (it did not "
               "say which)%3."_s.arg(status)
                   .arg(has, suffix);
    if (granted.isEmpty())
        return u"%1: the token lacks scope; the server wants `%2`%3."_s.arg(status).arg(
            wanted, suffix);
    QStringList missing;
    for (const QString &s : wants) {
        if (!granted.contains(s))
            missing.append(s);
    }
    if (missing.isEmpty())
        return u"%1: the token has scopes `%2` and the server wants `%3`, which the token was "
               "granted: the server may need a fresh token or count scopes differently%4."_s
                   .arg(status)
                   .arg(has, wanted, suffix);
    return u"%1: the token has scopes `%2`, but the server wants `%3` (missing: `%4`): log in "
           "again with the missing scope%5."_s.arg(status)
               .arg(has, wanted, missing.join(u' '), suffix);
}

} // namespace

QString Challenge::param(const QString &name) const
{
    for (const auto &p : params) {
        if (p.first == name)
            return p.second;
    }
    return {};
}

QList<Challenge> parseChallenges(QByteArrayView value) { return ChallengeParser(value).run(); }

QList<Diagnosis> diagnose(const Request &sent, const ResponseFacts &response)
{
    QList<Diagnosis> out;
    const int status = response.status;
    if (status != 401 && status != 403 && status != 407 && status != 429)
        return out;
    const bool sentCredential =
        sent.hasHeader("Authorization") || sent.auth.kind != AuthBinding::Kind::None;
    const QList<Challenge> challenges = parseChallenges(
        joinedHeader(response.headers, status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate"));

    if (response.tokenExpires && *response.tokenExpires < response.now
        && (status == 401 || status == 403))
        out.append({ u"token-expired"_s,
            u"%1: the token expired %2 ago."_s.arg(status).arg(
                ago(response.tokenExpires->secsTo(response.now))) });

    for (const Challenge &c : challenges) {
        const QString error = c.param(u"error"_s);
        const QString description = c.param(u"error_description"_s);
        const QString suffix = description.isEmpty() ? QString() : u" (%1)"_s.arg(description);
        if (error == u"invalid_token"_s) {
            out.append({ u"invalid-token"_s,
                u"%1: the server rejected the token as invalid_token%2: expired, revoked or "
                "malformed (RFC 6750 §3.1)."_s.arg(status)
                    .arg(suffix) });
        } else if (error == u"insufficient_scope"_s) {
            out.append({ u"insufficient-scope"_s,
                insufficientScope(status, c.param(u"scope"_s), response.grantedScopes, suffix) });
        } else if (error == u"invalid_request"_s) {
            out.append({ u"invalid-request"_s,
                u"%1: the server says the request is malformed (invalid_request)%2."_s.arg(status)
                    .arg(suffix) });
        }
    }
    if (!challenges.isEmpty() && (status == 401 || status == 407)) {
        QStringList schemes;
        for (const Challenge &c : challenges) {
            const QString realm = c.param(u"realm"_s);
            schemes.append(
                realm.isEmpty() ? c.scheme : u"%1 (realm \"%2\")"_s.arg(c.scheme, realm));
        }
        const QString used = sentScheme(sent);
        bool match = false;
        for (const Challenge &c : challenges)
            match |= !used.isEmpty() && c.scheme.compare(used, Qt::CaseInsensitive) == 0;
        if (!used.isEmpty() && !match)
            out.append({ u"scheme-mismatch"_s,
                u"%1: the request sent %2, but the server asks for %3."_s.arg(status).arg(
                    used, schemes.join(u", "_s)) });
        else if (!sentCredential && sent.auth.kind == AuthBinding::Kind::None)
            out.append({ u"credential-missing"_s,
                u"%1: the server asks for %2 and the request sent no credential; bind an item "
                "with --with ITEM."_s.arg(status)
                    .arg(schemes.join(u", "_s)) });
        else
            out.append({ u"challenge"_s,
                u"%1: the server asks for %2."_s.arg(status).arg(schemes.join(u", "_s)) });
    }
    if (status == 401 && challenges.isEmpty()) {
        if (sentCredential || sent.hasHeader("Cookie") || sent.auth.kind != AuthBinding::Kind::None)
            out.append({ u"no-challenge"_s,
                u"401 with no challenge: the server ignored the credential — wrong header?"_s });
        else
            out.append({ u"no-challenge"_s,
                u"401 with no challenge, and the request sent no credential."_s });
    }
    if (status == 403 && out.isEmpty())
        out.append({ u"forbidden"_s,
            u"403: the server knows who is asking but does not allow it (a permission or scope "
            "matter, not a wrong credential)."_s });
    if (status == 429) {
        const QByteArray retry = joinedHeader(response.headers, "Retry-After").trimmed();
        bool ok = false;
        const qint64 secs = retry.toLongLong(&ok);
        QString when;
        if (ok && secs >= 0) {
            when = u"retry after %1 s"_s.arg(secs);
        } else if (!retry.isEmpty()) {
            const QDateTime at = QDateTime::fromString(QString::fromLatin1(retry), Qt::RFC2822Date);
            when = at.isValid()
                ? u"retry after %1 s (at %2)"_s.arg(std::max<qint64>(0, response.now.secsTo(at)))
                      .arg(at.toUTC().toString(Qt::ISODate))
                : u"Retry-After \"%1\" is not a delay or a date"_s.arg(QString::fromLatin1(retry));
        } else {
            when = u"no Retry-After given"_s;
        }
        out.append({ u"rate-limited"_s, u"429: too many requests; %1."_s.arg(when) });
    }
    return out;
}

QJsonArray toJson(const QList<Diagnosis> &diagnoses)
{
    QJsonArray a;
    for (const Diagnosis &d : diagnoses)
        a.append(QJsonObject { { u"id"_s, d.id }, { u"message"_s, d.message } });
    return a;
}

} // namespace keyhaven::replay
