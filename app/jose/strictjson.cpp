// jose/strictjson.cpp — a strict, non-recursive, allocation-free JSON validator.
#include "jose/strictjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace keyhaven::jose::strictjson {

namespace {

// Up to this many member names an object checks each new name against the earlier ones as it is
// read; a larger object is checked once, sorted, when it closes (n log n on hostile input with
// 100,000 names, never n²).
constexpr qsizetype kLinearNames = 32;

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
    struct Frame
    {
        bool isObject;
        qsizetype firstName; // index into m_names of this object's first member name
        qsizetype order; // index into Options::memberOrder->objects, or -1
    };

    Result<void> fail(const QString &what) const
    {
        return Error::input(u"malformed"_s, u"Invalid JSON at byte %1: %2."_s.arg(m_i).arg(what));
    }
    static Result<void> duplicate(QByteArrayView name)
    {
        return Error::input(u"duplicate-member"_s,
            u"Duplicate member name \"%1\": parsers disagree on which value wins, so the "
            "object is rejected (RFC 7515 §4, RFC 8725 §3.4)."_s.arg(
                QString::fromUtf8(name).left(64)));
    }
    void skipWs()
    {
        while (m_i < m_n
            && (m_p[m_i] == ' ' || m_p[m_i] == '\t' || m_p[m_i] == '\n' || m_p[m_i] == '\r'))
            ++m_i;
    }
    bool string(QByteArrayView *name);
    bool number();
    bool literal(QByteArrayView word);
    bool utf8Sequence();
    int hex4();
    void appendUtf8(QByteArray &to, char32_t cp);
    Result<void> memberName(const Frame &f);
    Result<void> closeObject(const Frame &f);

    const unsigned char *m_p;
    qsizetype m_n;
    qsizetype m_i = 0;
    const Options &m_opt;
    QString m_why;
    // Member names of the open objects, innermost last. A name without escapes is a view into the
    // input; an escaped one is decoded into m_decoded (its heap block never moves).
    std::vector<QByteArrayView> m_names;
    std::vector<QByteArray> m_decoded;
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

void Scanner::appendUtf8(QByteArray &to, char32_t cp)
{
    if (cp < 0x80) {
        to.append(char(cp));
    } else if (cp < 0x800) {
        to.append(char(0xc0 | (cp >> 6)));
        to.append(char(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        to.append(char(0xe0 | (cp >> 12)));
        to.append(char(0x80 | ((cp >> 6) & 0x3f)));
        to.append(char(0x80 | (cp & 0x3f)));
    } else {
        to.append(char(0xf0 | (cp >> 18)));
        to.append(char(0x80 | ((cp >> 12) & 0x3f)));
        to.append(char(0x80 | ((cp >> 6) & 0x3f)));
        to.append(char(0x80 | (cp & 0x3f)));
    }
}

// Checks one string. With `name`, also yields its unescaped bytes: a view into the input when
// the string has no escape (raw UTF-8 is already what it decodes to), else decoded.
bool Scanner::string(QByteArrayView *name)
{
    // m_p[m_i] == '"'
    const qsizetype start = ++m_i;
    QByteArray *decoded = nullptr;
    qsizetype copiedTo = start; // input bytes before this are in *decoded
    auto startDecoding = [&] {
        if (name && !decoded) {
            decoded = &m_decoded.emplace_back();
            decoded->reserve(m_i - start + 8);
        }
        if (decoded)
            decoded->append(reinterpret_cast<const char *>(m_p + copiedTo), m_i - copiedTo);
    };
    while (m_i < m_n) {
        const unsigned char c = m_p[m_i];
        if (c == '"') {
            if (name) {
                if (decoded) {
                    decoded->append(reinterpret_cast<const char *>(m_p + copiedTo), m_i - copiedTo);
                    *name = *decoded;
                } else {
                    *name = QByteArrayView(m_p + start, m_i - start);
                }
            }
            ++m_i;
            return true;
        }
        if (c >= 0x20 && c < 0x80 && c != '\\') {
            ++m_i;
            continue;
        }
        if (c < 0x20) {
            m_why = c == 0 ? u"NUL byte inside a string"_s : u"control character inside a string"_s;
            return false;
        }
        if (c == '\\') {
            startDecoding();
            if (++m_i >= m_n)
                break;
            const unsigned char e = m_p[m_i++];
            char plain = 0;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                plain = char(e);
                break;
            case 'b':
                plain = '\b';
                break;
            case 'f':
                plain = '\f';
                break;
            case 'n':
                plain = '\n';
                break;
            case 'r':
                plain = '\r';
                break;
            case 't':
                plain = '\t';
                break;
            case 'u': {
                const int u = hex4();
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
                    appendUtf8(*decoded, cp);
                break;
            }
            default:
                m_why = u"invalid escape"_s;
                return false;
            }
            if (decoded && plain)
                decoded->append(plain);
            copiedTo = m_i;
            continue;
        }
        if (!utf8Sequence()) {
            m_why = u"invalid UTF-8"_s;
            return false;
        }
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

bool Scanner::literal(QByteArrayView word)
{
    if (!QByteArrayView(m_p + m_i, m_n - m_i).startsWith(word))
        return false;
    m_i += word.size();
    return true;
}

// Reads `"name" :` in an object. Names are compared after unescaping: {"a":1,"\u0061":2} is a
// duplicate.
Result<void> Scanner::memberName(const Frame &f)
{
    const qsizetype first = f.firstName;
    skipWs();
    if (m_i >= m_n || m_p[m_i] != '"')
        return fail(u"expected a member name"_s);
    QByteArrayView name;
    if (!string(&name))
        return fail(m_why);
    // m_names ends with this object's names (inner objects have closed and dropped theirs).
    if (qsizetype(m_names.size()) - first < kLinearNames) {
        for (auto it = m_names.begin() + first; it != m_names.end(); ++it)
            if (*it == name)
                return duplicate(name);
    }
    m_names.push_back(name);
    if (f.order >= 0)
        m_opt.memberOrder->objects[f.order].append(QString::fromUtf8(name));
    skipWs();
    if (m_i >= m_n || m_p[m_i] != ':')
        return fail(u"expected ':'"_s);
    ++m_i;
    return {};
}

Result<void> Scanner::closeObject(const Frame &f)
{
    const auto first = m_names.begin() + f.firstName;
    if (m_names.end() - first > kLinearNames) {
        std::sort(first, m_names.end());
        const auto dup = std::adjacent_find(first, m_names.end());
        if (dup != m_names.end())
            return duplicate(*dup);
    }
    m_names.erase(first - 1, m_names.end()); // with this object's separator
    return {};
}

Result<void> Scanner::run()
{
    std::vector<Frame> stack;
    bool expectValue = true;
    m_names.reserve(32);

    while (true) {
        skipWs();
        if (expectValue) {
            if (m_i >= m_n)
                return fail(u"unexpected end of input"_s);
            const unsigned char c = m_p[m_i];
            if (c == '{' || c == '[') {
                if (qsizetype(stack.size()) >= m_opt.maxDepth)
                    return fail(u"nesting deeper than %1 levels"_s.arg(m_opt.maxDepth));
                ++m_i;
                const bool isObject = c == '{';
                qsizetype order = -1;
                if (isObject) {
                    m_names.push_back(QByteArrayView()); // the outer object's names end here
                    if (m_opt.memberOrder) {
                        order = m_opt.memberOrder->objects.size();
                        m_opt.memberOrder->objects.append(QStringList());
                    }
                }
                stack.push_back(Frame { isObject, qsizetype(m_names.size()), order });
                skipWs();
                if (m_i < m_n && m_p[m_i] == (isObject ? '}' : ']')) {
                    ++m_i;
                    if (isObject)
                        m_names.pop_back();
                    stack.pop_back();
                    expectValue = false;
                    continue;
                }
                if (isObject) {
                    if (auto r = memberName(stack.back()); !r)
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
        const Frame top = stack.back();
        if (c == ',') {
            ++m_i;
            if (top.isObject) {
                if (auto r = memberName(top); !r)
                    return r;
            }
            expectValue = true;
        } else if ((c == '}' && top.isObject) || (c == ']' && !top.isObject)) {
            ++m_i;
            if (top.isObject) {
                if (auto r = closeObject(top); !r)
                    return r;
            }
            stack.pop_back();
        } else {
            return fail(u"expected ',' or the end of the container"_s);
        }
    }
}

void appendIndent(QByteArray &out, int depth) { out.append(4 * depth, ' '); }

// A scalar or a name exactly as QJsonDocument writes it (escapes, number format).
QByteArray scalarJson(const QJsonValue &value)
{
    const QByteArray one = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return one.mid(1, one.size() - 2);
}

void appendJson(QByteArray &out, const QJsonValue &value, MemberOrderCursor &cursor, int depth)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        const QStringList names = cursor.next(o);
        if (names.isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        for (qsizetype k = 0; k < names.size(); ++k) {
            appendIndent(out, depth + 1);
            out += scalarJson(names.at(k));
            out += ": ";
            appendJson(out, o.value(names.at(k)), cursor, depth + 1);
            out += k + 1 < names.size() ? ",\n" : "\n";
        }
        appendIndent(out, depth);
        out += '}';
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (a.isEmpty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (qsizetype k = 0; k < a.size(); ++k) {
            appendIndent(out, depth + 1);
            appendJson(out, a.at(k), cursor, depth + 1);
            out += k + 1 < a.size() ? ",\n" : "\n";
        }
        appendIndent(out, depth);
        out += ']';
    } else {
        out += scalarJson(value);
    }
}

} // namespace

QStringList MemberOrderCursor::next(const QJsonObject &object)
{
    const qsizetype index = m_next++;
    if (index < m_order.objects.size() && m_order.objects.at(index).size() == object.size()) {
        // Duplicate names are refused, so as many names as members means the same names.
        return m_order.objects.at(index);
    }
    return object.keys();
}

void MemberOrderCursor::skip(const QJsonValue &value)
{
    if (value.isObject()) {
        ++m_next;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) // the depth limit bounds the recursion
            skip(it.value());
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            skip(v);
    }
}

QByteArray toJson(const QJsonObject &object, const MemberOrder &order)
{
    MemberOrderCursor cursor(order);
    QByteArray out;
    appendJson(out, object, cursor, 0);
    out += '\n';
    return out;
}

Result<void> validate(QByteArrayView json, const Options &options)
{
    Scanner s(json, options);
    return s.run();
}

Result<QJsonObject> parseObject(QByteArrayView json, const Options &options)
{
    if (auto r = validate(json, options); !r)
        return r.error();
    // The validator accepts a strict subset of what QJsonDocument parses, and QJsonDocument
    // builds its objects directly into their storage: measured, this is faster than building a
    // QJsonObject member by member through its public API in the validating pass (insert()
    // converts every value to a QCborValue and copies the name again).
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
