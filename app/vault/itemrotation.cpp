// vault/itemrotation.cpp — an item's rotation policy and status.
#include "vault/itemrotation.h"

namespace keyhaven::vault {

rotation::RotationPolicy rotationPolicy(const Item &item)
{
    rotation::RotationPolicy p;
    p.rotateEveryDays = item.kind == ItemKind::OAuth ? 0 : item.rotateEveryDays;
    p.warnDaysBefore = item.warnDaysBefore;
    p.overlapDays = item.overlapDays;
    return p;
}

QDateTime credentialExpiry(const Item &item)
{
    return item.kind == ItemKind::OAuth ? item.refreshTokenExpires : item.expires;
}

rotation::RotationInput rotationInput(const Item &item)
{
    return { item.created, item.lastRotated, credentialExpiry(item) };
}

rotation::RotationStatus rotationStatus(
    const Item &item, const QDateTime &now, const QTimeZone &zone)
{
    return rotation::evaluate(rotationInput(item), rotationPolicy(item), now, zone);
}

} // namespace keyhaven::vault
