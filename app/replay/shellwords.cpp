// replay/shellwords.cpp — a small bash word splitter for pasted curl command lines.
#include "replay/shellwords.h"

#include "common/io.h"

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, char32_t cp) { out += QString::fromUcs4(&cp, 1).toUtf8(); }

class Splitter
{
public:
    Splitter(QByteArrayView text, const EnvLookup &env)
        : m_s(text)
        , m_env(env)
    {
    }

    Result<ShellWords> run()
    {
        ShellWords out;
        bool redirectNext = false;
        while (true) {
            skipBlanks();
            if (m_i >= m_s.size())
                break;
            const char c = m_s[m_i];
            if (c == '#') { // a comment runs to the end of the line
                while (m_i < m_s.size() && m_s[m_i] != '\n')
                    ++m_i;
                continue;
            }
            if (c == '<') {
                ++m_i;
                if (m_i < m_s.size() && (m_s[m_i] == '<' || m_s[m_i] == '('))
                    return operatorError("<"_ba + m_s[m_i]);
                redirectNext = true;
                continue;
            }
            if (c == '|' || c == ';' || c == '&' || c == '>' || c == '(' || c == ')')
                return operatorError(QByteArray(1, c));
            Result<QByteArray> word = readWord();
            if (!word)
                return word.error();
            if (redirectNext) {
                out.stdinFile = QString::fromUtf8(*word);
                redirectNext = false;
            } else {
                out.words.append(std::move(word).value());
            }
        }
        if (redirectNext)
            return Error::input(u"shell-operator"_s, u"\"<\" is not followed by a file name."_s);
        out.notes = m_notes;
        return out;
    }

private:
    void skipBlanks()
    {
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++m_i;
            } else if (c == '\\' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '\n') {
                m_i += 2; // continuation between words
            } else if (c == '\\' && m_i + 2 < m_s.size() && m_s[m_i + 1] == '\r'
                && m_s[m_i + 2] == '\n') {
                m_i += 3; // a continuation pasted with CRLF line ends
            } else {
                break;
            }
        }
    }

    static Error operatorError(const QByteArray &op)
    {
        return Error::input(u"shell-operator"_s,
            u"The command uses the shell operator \"%1\"; paste a single curl command."_s.arg(
                QString::fromUtf8(op)));
    }

    static Error substitutionError(const QString &what)
    {
        return Error::input(u"shell-substitution"_s,
            u"The command uses %1, which runs another command; Keyhaven does not run it. "
            "Replace it with its output."_s.arg(what));
    }

    Result<QByteArray> expandVariable()
    {
        // At m_s[m_i] == '$'.
        ++m_i;
        if (m_i >= m_s.size())
            return QByteArray("$");
        QString name;
        if (m_s[m_i] == '(')
            return substitutionError(u"$(…)"_s);
        if (m_s[m_i] == '{') {
            const qsizetype end = m_s.indexOf('}', m_i);
            if (end < 0)
                return Error::input(u"unterminated-quote"_s, u"\"${\" is not closed by \"}\"."_s);
            name = QString::fromLatin1(m_s.sliced(m_i + 1, end - m_i - 1));
            m_i = end + 1;
            for (const QChar ch : std::as_const(name)) {
                if (!isNameChar(char(ch.unicode())))
                    return substitutionError(u"the parameter expansion ${%1}"_s.arg(name));
            }
        } else if (isNameStart(m_s[m_i])) {
            const qsizetype start = m_i;
            while (m_i < m_s.size() && isNameChar(m_s[m_i]))
                ++m_i;
            name = QString::fromLatin1(m_s.sliced(start, m_i - start));
        } else {
            return QByteArray("$"); // a lone dollar stays literal, as in bash
        }
        std::optional<QByteArray> value = m_env ? m_env(name) : std::nullopt;
        if (!value) {
            m_notes.append(u"$%1 is not set: expanded to nothing, as bash does."_s.arg(name));
            return QByteArray();
        }
        m_notes.append(u"$%1 was expanded from the environment."_s.arg(name));
        return *value;
    }

    Result<QByteArray> readWord()
    {
        QByteArray word;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '|' || c == ';' || c == '&'
                || c == '<' || c == '>' || c == '(' || c == ')')
                break;
            if (c == '\\') {
                if (m_i + 1 >= m_s.size()) {
                    ++m_i;
                    break;
                }
                if (m_s[m_i + 1] == '\n') {
                    m_i += 2;
                    continue;
                }
                word += m_s[m_i + 1];
                m_i += 2;
            } else if (c == '\'') {
                const qsizetype end = m_s.indexOf('\'', m_i + 1);
                if (end < 0)
                    return unterminated('\'');
                word += m_s.sliced(m_i + 1, end - m_i - 1);
                m_i = end + 1;
            } else if (c == '"') {
                Result<QByteArray> part = readDoubleQuoted();
                if (!part)
                    return part;
                word += *part;
            } else if (c == '$' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '\'') {
                m_i += 2;
                Result<QByteArray> part = readAnsiC();
                if (!part)
                    return part;
                word += *part;
            } else if (c == '$') {
                Result<QByteArray> value = expandVariable();
                if (!value)
                    return value;
                word += *value;
            } else if (c == '`') {
                return substitutionError(u"a backtick command substitution (`…`)"_s);
            } else {
                word += c;
                ++m_i;
            }
        }
        return word;
    }

    Error unterminated(char quote) const
    {
        return Error::input(u"unterminated-quote"_s,
            u"A %1 quote opened at offset %2 is never closed."_s.arg(
                quote == '\'' ? u"single"_s : u"double"_s, QString::number(m_i)));
    }

    Result<QByteArray> readDoubleQuoted()
    {
        const qsizetype open = m_i;
        ++m_i;
        QByteArray out;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (c == '"') {
                ++m_i;
                return out;
            }
            if (c == '\\' && m_i + 1 < m_s.size()) {
                const char n = m_s[m_i + 1];
                if (n == '\n') {
                    m_i += 2;
                    continue;
                }
                if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    out += n;
                    m_i += 2;
                    continue;
                }
                out += c; // bash keeps the backslash before any other character
                ++m_i;
                continue;
            }
            if (c == '`')
                return substitutionError(u"a backtick command substitution (`…`)"_s);
            if (c == '$') {
                Result<QByteArray> value = expandVariable();
                if (!value)
                    return value;
                out += *value;
                continue;
            }
            out += c;
            ++m_i;
        }
        m_i = open;
        return unterminated('"');
    }

    Result<QByteArray> readAnsiC()
    {
        QByteArray out;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (c == '\'') {
                ++m_i;
                return out;
            }
            if (c != '\\' || m_i + 1 >= m_s.size()) {
                out += c;
                ++m_i;
                continue;
            }
            const char e = m_s[m_i + 1];
            m_i += 2;
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case 'e':
            case 'E':
                out += '\x1b';
                break;
            case '\\':
                out += '\\';
                break;
            case '\'':
                out += '\'';
                break;
            case '"':
                out += '"';
                break;
            case '?':
                out += '?';
                break;
            case 'x': {
                int v = 0;
                int n = 0;
                while (n < 2 && m_i < m_s.size() && hexValue(m_s[m_i]) >= 0) {
                    v = v * 16 + hexValue(m_s[m_i++]);
                    ++n;
                }
                if (n == 0)
                    out += "\\x";
                else
                    out += char(v);
                break;
            }
            case 'u':
            case 'U': {
                const int max = e == 'u' ? 4 : 8;
                char32_t v = 0;
                int n = 0;
                while (n < max && m_i < m_s.size() && hexValue(m_s[m_i]) >= 0) {
                    v = v * 16 + char32_t(hexValue(m_s[m_i++]));
                    ++n;
                }
                if (n == 0 || v > 0x10FFFF)
                    out += '\\' + QByteArray(1, e);
                else
                    appendUtf8(out, v);
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    int n = 1;
                    while (n < 3 && m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '7') {
                        v = v * 8 + (m_s[m_i++] - '0');
                        ++n;
                    }
                    out += char(v & 0xff);
                } else {
                    out += '\\';
                    out += e;
                }
            }
        }
        return Error::input(u"unterminated-quote"_s, u"A $'…' string is never closed."_s);
    }

    QByteArrayView m_s;
    const EnvLookup &m_env;
    qsizetype m_i = 0;
    QStringList m_notes;
};

} // namespace

Result<ShellWords> splitShellWords(QByteArrayView text, const EnvLookup &env)
{
    if (text.size() > io::kMaxInput)
        return Error::input(u"input-too-large"_s, u"The command is larger than 1 MiB."_s);
    return Splitter(text, env).run();
}

} // namespace keyhaven::replay
