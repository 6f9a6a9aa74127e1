// vault/item.cpp — item kinds and their stable ids.
#include "vault/item.h"

using namespace Qt::StringLiterals;

namespace keyhaven::vault {

QString kindId(ItemKind kind)
{
    switch (kind) {
    case ItemKind::ApiKey:
        return u"api-key"_s;
    case ItemKind::Jwt:
        return u"jwt"_s;
    case ItemKind::OAuth:
        return u"oauth"_s;
    }
    return {};
}

std::optional<ItemKind> kindFromId(QStringView id)
{
    if (id == u"api-key")
        return ItemKind::ApiKey;
    if (id == u"jwt")
        return ItemKind::Jwt;
    if (id == u"oauth")
        return ItemKind::OAuth;
    return std::nullopt;
}

QString Item::primaryField() const
{
    switch (kind) {
    case ItemKind::ApiKey:
        return QString::fromUtf16(field::kApiKey);
    case ItemKind::Jwt:
        return QString::fromUtf16(field::kToken);
    case ItemKind::OAuth:
        return QString::fromUtf16(field::kAccessToken);
    }
    return {};
}

} // namespace keyhaven::vault
