// replay/curlexport.cpp — curl command lines for bash, with command substitutions for credentials.
#include "replay/curlexport.h"

#include "replay/authbinding.h"

#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {

bool plainText(QByteArrayView word)
{
    for (const char c : word) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f)
            return false;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(word);
    return !utf8.hasError();
}

// The credential's command substitution, in double quotes so that bash does not split it.
QByteArray substitution(const vault::Item &item, const QByteArray &cli)
{
    // A name that starts with "-" would read as an option: the id names the item as well.
    const QString ref = item.name.startsWith(u'-') ? item.idString() : item.name;
    const QByteArray verb = item.kind == vault::ItemKind::OAuth ? "token" : "secret";
    return "\"$(" + shellQuote(cli) + ' ' + verb + ' ' + shellQuote(ref.toUtf8()) + ")\"";
}

// `text` quoted, with every ‹item NAME› stand-in replaced by the credential's substitution.
QByteArray withCredential(
    const QByteArray &text, const std::optional<vault::Item> &item, const QByteArray &cli)
{
    if (!item)
        return shellQuote(text);
    const QByteArray placeholder = itemPlaceholder(item->name);
    QByteArray out;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(placeholder, from);
        const QByteArray literal = text.mid(from, at < 0 ? -1 : at - from);
        if (!literal.isEmpty() || (at < 0 && out.isEmpty()))
            out += shellQuote(literal);
        if (at < 0)
            return out;
        out += substitution(*item, cli);
        from = at + placeholder.size();
    }
}

// A body with a NUL byte cannot be a shell word: printf writes it (octal escapes) into a file
// descriptor that curl reads.
QByteArray printfBody(const QByteArray &body)
{
    QByteArray format;
    for (const char c : body) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '%')
            format += "%%";
        else if (c == '\\')
            format += "\\\\";
        else if (u < 0x20 || u >= 0x7f || c == '\'')
            format += '\\' + QByteArray::number(u, 8).rightJustified(3, '0');
        else
            format += c;
    }
    return "@<(printf '" + format + "')";
}

} // namespace

QByteArray shellQuote(QByteArrayView word)
{
    // Nothing in these is special to bash anywhere in a word: no quotes needed.
    static constexpr QByteArrayView safe = "_-./:,+=@%";
    const bool bare = !word.isEmpty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || safe.contains(c);
    });
    if (bare)
        return word.toByteArray();
    if (plainText(word)) {
        QByteArray out = "'";
        for (const char c : word) {
            if (c == '\'')
                out += "'\\''";
            else
                out += c;
        }
        return out + '\'';
    }
    // ANSI-C quoting (bash): every byte survives, nothing is expanded.
    QByteArray out = "$'";
    for (const char c : word) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || c == '\'')
            out += QByteArray("\\") + c;
        else if (u < 0x20 || u >= 0x7f)
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        else
            out += c;
    }
    return out + '\'';
}

CurlExport exportCurl(
    const QList<Request> &requests, const std::optional<vault::Item> &item, const QByteArray &cli)
{
    CurlExport out;
    QList<QByteArray> lines;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const Request &r = requests[i];
        const bool bound = item && r.auth.kind != AuthBinding::Kind::None;
        // A key in the query: curl URL-encodes what --url-query gets (curl 7.87 and later).
        const bool inQuery = bound && r.auth.kind == AuthBinding::Kind::ApiKey
            && r.auth.placement == AuthBinding::Placement::Query;
        Request withoutKey = r;
        if (inQuery)
            withoutKey.removeQueryParameter(r.auth.headerName);
        lines.append((i == 0 ? "curl " : "--next ") + shellQuote(withoutKey.url.toUtf8()));
        if (inQuery)
            lines.append("--url-query " + shellQuote(QByteArray(r.auth.headerName + '='))
                + substitution(*item, cli));
        // curl reads [] and {} in a URL as globs: -g sends them as they are.
        if (r.url.contains(u'[') || r.url.contains(u'{'))
            lines.append("-g");
        if (r.method == "HEAD" && !r.body)
            lines.append("--head");
        else if (!(r.method == "GET" && !r.body) && !(r.method == "POST" && r.body))
            lines.append("-X " + shellQuote(r.method));
        for (const Header &h : r.headers) {
            const QByteArray lower = h.first.toLower();
            if (lower == "host" || lower == "content-length")
                continue; // follow from the URL and the body, as when replay sends it
            if (bound && r.auth.kind == AuthBinding::Kind::Basic && lower == "authorization")
                continue; // -u below
            // curl drops a header given as "Name:"; "Name;" sends it empty.
            const QByteArray line = h.second.isEmpty() ? QByteArray(h.first + ';')
                                                       : QByteArray(h.first + ": " + h.second);
            lines.append("-H " + withCredential(line, item, cli));
        }
        if (bound && r.auth.kind == AuthBinding::Kind::Basic)
            lines.append("-u " + shellQuote(QByteArray(r.auth.user.toUtf8() + ':'))
                + substitution(*item, cli));
        if (r.body) {
            if (r.body->contains('\0'))
                lines.append("--data-binary " + printfBody(*r.body));
            else // --data-raw: a body that starts with "@" is not a file name
                lines.append("--data-raw " + withCredential(*r.body, item, cli));
        }
        if (r.insecureTls)
            lines.append("-k");
        if (!r.caFile.isEmpty())
            lines.append("--cacert " + shellQuote(r.caFile.toUtf8()));
        if (r.compressed)
            lines.append("--compressed");
        if (r.timeoutMs > 0)
            lines.append("-m " + QByteArray::number((r.timeoutMs + 999) / 1000));
        if (r.followRedirects) {
            if (bound) // curl forwards custom headers (an API key) on a redirect to another host
                out.notes.append(
                    u"Request %1: -L left out: curl would send the credential's "
                    "header along on a redirect to another host (rule 7)."_s.arg(i + 1));
            else
                lines.append("-L");
        }
    }
    out.command = lines.join(" \\\n  ") + '\n';
    return out;
}

} // namespace keyhaven::replay
