// replay/resend.cpp — history row → request + binding.
#include "replay/resend.h"

#include "replay/authbinding.h"

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

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
    for (const Header &h : entry.requestHeaders) {
        if (!placeholder.isEmpty() && h.second.contains(placeholder)) {
            if (!item) {
                out.notes.append(
                    u"The item \"%1\" is no longer in the vault: bind another one."_s.arg(
                        entry.item));
                continue;
            }
            AuthBinding b = bindingFor(*item);
            if (h.second.startsWith("Basic ")) {
                b.kind = AuthBinding::Kind::Basic;
                out.notes.append(u"The history does not keep the Basic user name: enter it."_s);
            } else if (h.first.compare("Authorization", Qt::CaseInsensitive) != 0) {
                b.kind = AuthBinding::Kind::ApiKey;
                b.headerName = h.first;
            }
            r.auth = b;
            continue;
        }
        if (h.second.contains("\u2039redacted\u203a"))
            out.notes.append(
                u"The history redacted the %1 header: fill in its value or bind a vault item."_s
                    .arg(QString::fromLatin1(h.first)));
        r.headers.append(h);
    }
    if (r.url.contains(QString::fromUtf8(placeholder.toPercentEncoding()))
        && !placeholder.isEmpty())
        out.notes.append(u"The URL held the credential of \"%1\": a binding puts credentials in "
                         "headers only."_s.arg(entry.item));
    return out;
}

} // namespace keyhaven::replay
