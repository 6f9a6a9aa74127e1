// replay/authbinding.cpp — credential injection for the four binding kinds.
#include "replay/authbinding.h"

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

QByteArray itemPlaceholder(const QString &itemName)
{
    return (u"\u2039item "_s + itemName + u"\u203a"_s).toUtf8();
}

AuthBinding bindingFor(const vault::Item &item, const QString &basicUser)
{
    AuthBinding b;
    b.item = item.name;
    if (!basicUser.isEmpty()) {
        b.kind = AuthBinding::Kind::Basic;
        b.user = basicUser;
        return b;
    }
    switch (item.kind) {
    case vault::ItemKind::ApiKey:
        b.kind = AuthBinding::Kind::ApiKey;
        b.headerName = item.headerName.isEmpty() ? "X-API-Key"_ba : item.headerName.toLatin1();
        break;
    case vault::ItemKind::Jwt:
        b.kind = AuthBinding::Kind::JwtBearer;
        break;
    case vault::ItemKind::OAuth:
        b.kind = AuthBinding::Kind::OAuth;
        break;
    }
    return b;
}

QByteArray boundHeader(const AuthBinding &binding)
{
    switch (binding.kind) {
    case AuthBinding::Kind::None:
        return {};
    case AuthBinding::Kind::ApiKey:
        return binding.headerName;
    case AuthBinding::Kind::JwtBearer:
    case AuthBinding::Kind::OAuth:
    case AuthBinding::Kind::Basic:
        return "Authorization"_ba;
    }
    return {};
}

Result<void> applyBinding(Request &request, const AuthBinding &binding, const QString &itemName,
    const SecretBytes *secret)
{
    request.auth = binding;
    const QByteArray value = secret ? secret->bytes() : itemPlaceholder(itemName);
    if (value.contains('\r') || value.contains('\n'))
        return Error::input(u"binding"_s,
            u"The secret of \"%1\" contains a line break: it cannot go into a header."_s.arg(
                itemName));
    switch (binding.kind) {
    case AuthBinding::Kind::None:
        return {};
    case AuthBinding::Kind::ApiKey:
        request.setHeader(binding.headerName, value);
        return {};
    case AuthBinding::Kind::JwtBearer:
    case AuthBinding::Kind::OAuth:
        request.setHeader("Authorization", "Bearer " + value);
        return {};
    case AuthBinding::Kind::Basic: {
        if (!secret) {
            request.setHeader("Authorization",
                "Basic \u2039base64 of " + binding.user.toUtf8() + ":" + value + "\u203a");
            return {};
        }
        QByteArray pair = binding.user.toUtf8() + ':' + value;
        request.setHeader("Authorization", "Basic " + pair.toBase64());
        SecretBytes::wipe(pair);
        return {};
    }
    }
    return {};
}

} // namespace keyhaven::replay
