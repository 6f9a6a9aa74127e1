// replay/credentialmove.cpp — detected credential → vault item + binding.
#include "replay/credentialmove.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

std::optional<VaultCandidate> vaultCandidate(
    const Request &request, const DetectedCredential &credential, QString *why)
{
    using K = DetectedCredential::Kind;
    VaultCandidate c;
    const QString origin = originOf(request.url);
    const QString host = QUrl(request.url).host();
    if (!origin.isEmpty())
        c.item.baseUrls = QStringList { origin };
    switch (credential.kind) {
    case K::KeyHeader:
    case K::AuthorizationHeader:
        c.item.kind = vault::ItemKind::ApiKey;
        c.item.headerName = credential.name;
        c.item.name = u"%1 %2"_s.arg(host, credential.name);
        c.secret = SecretBytes::copyOf(credential.value);
        c.binding.kind = AuthBinding::Kind::ApiKey;
        c.binding.headerName = credential.name.toLatin1();
        break;
    case K::Bearer:
        c.item.kind = vault::ItemKind::Jwt;
        c.item.name = u"%1 token"_s.arg(host);
        c.secret = SecretBytes::copyOf(credential.value.mid(int(qstrlen("Bearer "))).trimmed());
        c.binding.kind = AuthBinding::Kind::JwtBearer;
        break;
    case K::BasicAuth: {
        QByteArray pair = QByteArray::fromBase64(credential.value.mid(int(qstrlen("Basic "))));
        const qsizetype colon = pair.indexOf(':');
        if (colon < 0) {
            SecretBytes::wipe(pair);
            if (why)
                *why = u"The Basic credential is not \"user:password\"."_s;
            return std::nullopt;
        }
        c.item.kind = vault::ItemKind::ApiKey;
        c.binding.kind = AuthBinding::Kind::Basic;
        c.binding.user = QString::fromUtf8(pair.left(colon));
        c.item.name = u"%1 %2"_s.arg(host, c.binding.user);
        c.secret = SecretBytes::copyOf(QByteArrayView(pair).sliced(colon + 1));
        SecretBytes::wipe(pair);
        break;
    }
    case K::QueryKey:
    case K::SessionCookie: {
        const bool query = credential.kind == K::QueryKey;
        c.item.kind = vault::ItemKind::ApiKey;
        c.item.name = u"%1 %2"_s.arg(host, credential.name);
        c.secret = SecretBytes::copyOf(
            query ? QByteArray::fromPercentEncoding(credential.value) : credential.value);
        c.binding.kind = AuthBinding::Kind::ApiKey;
        c.binding.placement =
            query ? AuthBinding::Placement::Query : AuthBinding::Placement::Cookie;
        c.binding.headerName = credential.name.toUtf8();
        break;
    }
    case K::BodyField:
        if (why)
            *why = u"A binding puts a credential into a header, the query or a cookie; the %1 "
                   "stays in the request."_s.arg(credential.where);
        return std::nullopt;
    }
    if (c.secret.isEmpty()) {
        if (why)
            *why = u"The %1 is empty."_s.arg(credential.where);
        return std::nullopt;
    }
    c.binding.item = c.item.name;
    return c;
}

void removeCredential(Request &request, const DetectedCredential &credential)
{
    using K = DetectedCredential::Kind;
    switch (credential.kind) {
    case K::KeyHeader:
    case K::AuthorizationHeader:
    case K::Bearer:
    case K::BasicAuth:
        request.removeHeaders(credential.name.toLatin1());
        break;
    case K::QueryKey:
        request.removeQueryParameter(credential.name.toUtf8());
        break;
    case K::SessionCookie:
        request.removeCookie(credential.name.toUtf8());
        break;
    case K::BodyField:
        break; // not movable (vaultCandidate says why)
    }
}

} // namespace keyhaven::replay
