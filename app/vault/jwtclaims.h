// vault/jwtclaims.h — caches a JWT's iss/sub/aud/exp on its item (a minimal, tolerant decode).
#pragma once

#include "common/secretbytes.h"
#include "vault/item.h"

namespace keyhaven::vault {

// Reads the payload of a compact JWS/JWT (base64url JSON object) and copies iss, sub, aud and
// exp into the item; clears them when the token does not decode. Tolerant on purpose: a JWT item
// may hold any token. This only caches display metadata; verification is app/jose's job.
void applyJwtClaims(Item &item, const SecretBytes &token);

} // namespace keyhaven::vault
