// replay/resend.cpp — history row → request + binding.
#include "replay/resend.h"

#include "replay/authbinding.h"

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {

// The name of the query parameter whose value is the placeholder (raw or percent-encoded).
QByteArray queryParameterHolding(const QString &url, const QByteArray &placeholder)
{
    const qsizetype q = url.indexOf(u'?');
    if (q < 0)
        return {};
    const QString query = url.mid(q + 1).section(u'#', 0, 0);
    for (const QString &pair : query.split(u'&')) {
        const QByteArray value = QByteArray::fromPercentEncoding(pair.section(u'=', 1).toUtf8());
        if (value == placeholder)
            return QByteArray::fromPercentEncoding(pair.section(u'=', 0, 0).toUtf8());
    }
    return {};
}

} // namespace

Resend resendFromHistory(const HistoryEntry &entry, const std::optional<vault::Item> &item)
{
    Resend out;
    Request &r = out.request;
    r.method = entry.method;
    r.url = entry.url;
    r.body = entry.requestBody;
    r.bodyKind = entry.requestBody ? BodyKind::Text : BodyKind::None;
    const QByteArray placeholder =
        entry.item.isEmpty() ? QByteArray() : itemPlaceholder(entry.item);
    bool missingNoted = false;
    auto bind = [&](AuthBinding b) {
        if (!item) {
            if (!missingNoted)
                out.notes.append(
                    u"The item \"%1\" is no longer in the vault: bind another one."_s.arg(
                        entry.item));
            missingNoted = true;
            return;
        }
        b.item = item->name;
        r.auth = b;
    };
    for (const Header &h : entry.requestHeaders) {
        if (!placeholder.isEmpty() && h.second.contains(placeholder)) {
            const bool authorization = h.first.compare("Authorization", Qt::CaseInsensitive) == 0;
            const bool cookie = h.first.compare("Cookie", Qt::CaseInsensitive) == 0;
            AuthBinding b = item ? bindingFor(*item) : AuthBinding {};
            if (authorization && h.second.startsWith("Basic ")) {
                // "Basic ‹base64 of USER:‹item NAME››" (older rows: "Basic ‹item NAME›").
                const QByteArray prefix = "Basic \u2039base64 of ";
                const QByteArray suffix = ':' + placeholder + "\u203a";
                b.kind = AuthBinding::Kind::Basic;
                b.headerName.clear();
                if (h.second.startsWith(prefix) && h.second.endsWith(suffix))
                    b.user = QString::fromUtf8(h.second.mid(
                        prefix.size(), h.second.size() - prefix.size() - suffix.size()));
                else
                    out.notes.append(u"The history does not keep the Basic user name: enter it."_s);
            } else if (cookie) {
                // Only the cookie that held the credential becomes the binding.
                QByteArray name;
                for (const QByteArray &pair : h.second.split(';')) {
                    if (pair.trimmed().endsWith(QByteArray('=' + placeholder)))
                        name = pair.trimmed().left(pair.trimmed().indexOf('='));
                }
                Request rest;
                rest.headers = { h };
                if (!name.isEmpty()) {
                    b.kind = AuthBinding::Kind::ApiKey;
                    b.placement = AuthBinding::Placement::Cookie;
                    b.headerName = name;
                    bind(b);
                    rest.removeCookie(name);
                }
                r.headers += rest.headers;
                continue;
            } else if (!authorization) {
                b.kind = AuthBinding::Kind::ApiKey;
                b.placement = AuthBinding::Placement::Header;
                b.headerName = h.first;
            }
            bind(b);
            continue;
        }
        if (h.second.contains("\u2039redacted\u203a"))
            out.notes.append(
                u"The history redacted the %1 header: fill in its value or bind a vault item."_s
                    .arg(QString::fromLatin1(h.first)));
        r.headers.append(h);
    }
    if (!placeholder.isEmpty()) {
        const QByteArray parameter = queryParameterHolding(r.url, placeholder);
        if (!parameter.isEmpty()) {
            AuthBinding b = item ? bindingFor(*item) : AuthBinding {};
            b.kind = AuthBinding::Kind::ApiKey;
            b.placement = AuthBinding::Placement::Query;
            b.headerName = parameter;
            r.removeQueryParameter(parameter);
            bind(b);
        }
    }
    return out;
}

} // namespace keyhaven::replay
