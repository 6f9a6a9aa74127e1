// jose/strictjson.cpp — a strict, non-recursive JSON validator.
#include "jose/strictjson.h"

#include <QJsonDocument>
#include <QSet>

#include <vector>

using namespace Qt::StringLiterals;

namespace keyhaven::jose::strictjson {

namespace {

struct Frame
{
    bool isObject = false;
    // Member names seen so far. Objects in tokens are small, so a linear scan beats hashing;
    // past 32 names a hash set takes over (no quadratic cost on hostile input).
    std::vector<QByteArray> names;
    QSet<QByteArray> many;

    bool insert(const QByteArray &name)
    {
        if (!many.isEmpty()) {
            if (many.contains(name))
                return false;
            many.insert(name);
            return true;
        }
        for (const QByteArray &n : names)
            if (n == name)
                return false;
        names.push_back(name);
        if (names.size() > 32) {
            for (QByteArray &n : names)
                many.insert(std::move(n));
            names.clear();
        }
        return true;
    }
};

class Scanner
{
public:
    Scanner(QByteArrayView json, const Options &options)
        : m_p(reinterpret_cast<const unsigned char *>(json.data()))
        , m_n(json.size())
        , m_opt(options)
    {
    }

    Result<void> run();

private:
    Result<void> fail(const QString &what) const
    {
        return Error::input(u"malformed"_s, u"Invalid JSON at byte %1: %2."_s.arg(m_i).arg(what));
    }
    void skipWs()
    {
        while (m_i < m_n
            && (m_p[m_i] == ' ' || m_p[m_i] == '\t' || m_p[m_i] == '\n' || m_p[m_i] == '\r'))
            ++m_i;
    }
    bool string(QByteArray *decoded);
    bool number();
    bool literal(const char *word);
    bool utf8Sequence();
    int hex4();

    const unsigned char *m_p;
    qsizetype m_n;
    qsizetype m_i = 0;
    const Options &m_opt;
    QString m_why;
};

int Scanner::hex4()
{
    if (m_n - m_i < 4)
        return -1;
    int v = 0;
    for (int k = 0; k < 4; ++k) {
        const unsigned char c = m_p[m_i + k];
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    m_i += 4;
    return v;
}

// One multi-byte UTF-8 sequence starting at m_i (RFC 3629 table; no overlongs, no surrogates).
bool Scanner::utf8Sequence()
{
    const unsigned char c = m_p[m_i];
    int len;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else {
        return false;
    }
    if (m_n - m_i < len)
        return false;
    if (m_p[m_i + 1] < lo || m_p[m_i + 1] > hi)
        return false;
    for (int k = 2; k < len; ++k)
        if (m_p[m_i + k] < 0x80 || m_p[m_i + k] > 0xbf)
            return false;
    m_i += len;
    return true;
}

bool Scanner::string(QByteArray *decoded)
{
    // m_p[m_i] == '"'
    ++m_i;
    while (m_i < m_n) {
        const unsigned char c = m_p[m_i];
        if (c == '"') {
            ++m_i;
            return true;
        }
        if (c < 0x20) {
            m_why = c == 0 ? u"NUL byte inside a string"_s : u"control character inside a string"_s;
            return false;
        }
        if (c == '\\') {
            if (++m_i >= m_n)
                break;
            const unsigned char e = m_p[m_i++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                if (decoded)
                    decoded->append(char(e));
                break;
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                if (decoded)
                    decoded->append(e == 'b' ? '\b'
                            : e == 'f'       ? '\f'
                            : e == 'n'       ? '\n'
                            : e == 'r'       ? '\r'
                                             : '\t');
                break;
            case 'u': {
                int u = hex4();
                if (u < 0) {
                    m_why = u"bad \\u escape"_s;
                    return false;
                }
                if (u == 0 && m_opt.rejectNul) {
                    m_why = u"\\u0000 (NUL) inside a string"_s;
                    return false;
                }
                if (u >= 0xdc00 && u <= 0xdfff) {
                    m_why = u"unpaired UTF-16 surrogate"_s;
                    return false;
                }
                char32_t cp = char32_t(u);
                if (u >= 0xd800 && u <= 0xdbff) {
                    if (m_n - m_i < 6 || m_p[m_i] != '\\' || m_p[m_i + 1] != 'u') {
                        m_why = u"unpaired UTF-16 surrogate"_s;
                        return false;
                    }
                    m_i += 2;
                    const int low = hex4();
                    if (low < 0xdc00 || low > 0xdfff) {
                        m_why = u"unpaired UTF-16 surrogate"_s;
                        return false;
                    }
                    cp = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (char32_t(low) - 0xdc00);
                }
                if (decoded)
                    decoded->append(QString::fromUcs4(&cp, 1).toUtf8());
                break;
            }
            default:
                m_why = u"invalid escape"_s;
                return false;
            }
            continue;
        }
        if (c < 0x80) {
            if (decoded)
                decoded->append(char(c));
            ++m_i;
            continue;
        }
        const qsizetype start = m_i;
        if (!utf8Sequence()) {
            m_why = u"invalid UTF-8"_s;
            return false;
        }
        if (decoded)
            decoded->append(reinterpret_cast<const char *>(m_p + start), m_i - start);
    }
    m_why = u"unterminated string"_s;
    return false;
}

bool Scanner::number()
{
    auto digit = [this] { return m_i < m_n && m_p[m_i] >= '0' && m_p[m_i] <= '9'; };
    if (m_i < m_n && m_p[m_i] == '-')
        ++m_i;
    if (!digit())
        return false;
    if (m_p[m_i] == '0') {
        ++m_i;
    } else {
        while (digit())
            ++m_i;
    }
    if (m_i < m_n && m_p[m_i] == '.') {
        ++m_i;
        if (!digit())
            return false;
        while (digit())
            ++m_i;
    }
    if (m_i < m_n && (m_p[m_i] == 'e' || m_p[m_i] == 'E')) {
        ++m_i;
        if (m_i < m_n && (m_p[m_i] == '+' || m_p[m_i] == '-'))
            ++m_i;
        if (!digit())
            return false;
        while (digit())
            ++m_i;
    }
    return true;
}

bool Scanner::literal(const char *word)
{
    const qsizetype len = qsizetype(qstrlen(word));
    if (m_n - m_i < len || memcmp(m_p + m_i, word, size_t(len)) != 0)
        return false;
    m_i += len;
    return true;
}

Result<void> Scanner::run()
{
    std::vector<Frame> stack;
    bool expectValue = true;
    // Reads `"key" :` in an object; checks the key against the frame's earlier keys.
    auto memberName = [&]() -> Result<void> {
        skipWs();
        if (m_i >= m_n || m_p[m_i] != '"')
            return fail(u"expected a member name"_s);
        QByteArray key;
        if (!string(&key))
            return fail(m_why);
        Frame &top = stack.back();
        if (!top.insert(key))
            return Error::input(u"duplicate-member"_s,
                u"Duplicate member name \"%1\": parsers disagree on which value wins, so the "
                "object is rejected (RFC 7515 §4, RFC 8725 §3.4)."_s.arg(
                    QString::fromUtf8(key).left(64)));
        if (m_opt.memberOrder && stack.size() == 1)
            m_opt.memberOrder->append(QString::fromUtf8(key));
        skipWs();
        if (m_i >= m_n || m_p[m_i] != ':')
            return fail(u"expected ':'"_s);
        ++m_i;
        return {};
    };

    while (true) {
        skipWs();
        if (expectValue) {
            if (m_i >= m_n)
                return fail(u"unexpected end of input"_s);
            const unsigned char c = m_p[m_i];
            if (c == '{' || c == '[') {
                if (int(stack.size()) >= m_opt.maxDepth)
                    return fail(u"nesting deeper than %1 levels"_s.arg(m_opt.maxDepth));
                ++m_i;
                stack.push_back(Frame { c == '{', {}, {} });
                skipWs();
                if (m_i < m_n && m_p[m_i] == (c == '{' ? '}' : ']')) {
                    ++m_i;
                    stack.pop_back();
                    expectValue = false;
                    continue;
                }
                if (c == '{') {
                    if (auto r = memberName(); !r)
                        return r;
                }
                continue;
            }
            if (c == '"') {
                if (!string(nullptr))
                    return fail(m_why);
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                if (!number())
                    return fail(u"invalid number"_s);
            } else if (!(literal("true") || literal("false") || literal("null"))) {
                return fail(c == 0 ? u"NUL byte"_s : u"unexpected character"_s);
            }
            expectValue = false;
            continue;
        }
        if (stack.empty()) {
            if (m_i != m_n)
                return fail(u"trailing data after the JSON value"_s);
            return {};
        }
        if (m_i >= m_n)
            return fail(u"unexpected end of input"_s);
        const unsigned char c = m_p[m_i];
        const bool isObject = stack.back().isObject;
        if (c == ',') {
            ++m_i;
            if (isObject) {
                if (auto r = memberName(); !r)
                    return r;
            }
            expectValue = true;
        } else if ((c == '}' && isObject) || (c == ']' && !isObject)) {
            ++m_i;
            stack.pop_back();
        } else {
            return fail(u"expected ',' or the end of the container"_s);
        }
    }
}

} // namespace

Result<void> validate(QByteArrayView json, const Options &options)
{
    Scanner s(json, options);
    return s.run();
}

Result<QJsonObject> parseObject(QByteArrayView json, const Options &options)
{
    if (auto r = validate(json, options); !r)
        return r.error();
    QJsonParseError pe;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error::input(u"malformed"_s, u"Invalid JSON: %1."_s.arg(pe.errorString()));
    if (!doc.isObject())
        return Error::input(u"malformed"_s, u"The JSON value is not an object."_s);
    return doc.object();
}

} // namespace keyhaven::jose::strictjson
