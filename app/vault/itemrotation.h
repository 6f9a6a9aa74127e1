// vault/itemrotation.h — an item's rotation policy and status (rotation/ math on vault items).
#pragma once

#include "rotation/rotationpolicy.h"
#include "vault/item.h"

namespace keyhaven::vault {

// The item's policy; an OAuth connection has no rotation schedule (its tokens are refreshed),
// only its expiry.
rotation::RotationPolicy rotationPolicy(const Item &item);
// When the credential itself stops working: a JWT's exp, a certificate's notAfter, and for an
// OAuth connection its refresh token's expiry (its access tokens are refreshed by themselves).
QDateTime credentialExpiry(const Item &item);
rotation::RotationInput rotationInput(const Item &item);
rotation::RotationStatus rotationStatus(
    const Item &item, const QDateTime &now, const QTimeZone &zone);

} // namespace keyhaven::vault
