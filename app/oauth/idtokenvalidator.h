// oauth/idtokenvalidator.h — OpenID Connect ID token validation (OIDC Core §3.1.3.7).
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "jose/jwk.h"
#include "jose/jwsverifier.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace keyhaven::oauth {

struct IdTokenExpectations
{
    QString issuer; // exactly the discovered issuer
    QString clientId; // must be in aud; azp, when present, must equal it
    QString nonce; // the nonce sent in the authorization request (checked when not empty)
    QStringList allowedAlgs; // from discovery (never "none"); empty = RS256, the OIDC default
    QByteArray accessToken; // issued with the ID token: checks at_hash when the token has one
    qint64 leeway = 60;
    Clock clock;
};

// Signature with the issuer's keys (never a key from the token), then iss, aud, azp, exp (an
// error here, not a warning: exp is required in an ID token), iat, sub, nonce and at_hash.
// Findings use the JOSE ids plus "nonce-mismatch" and "at-hash-mismatch".
Result<jose::VerifyResult> validateIdToken(
    QByteArrayView idToken, const jose::KeySet &issuerKeys, const IdTokenExpectations &expected);

// at_hash / c_hash: base64url of the left half of the hash that goes with `alg` (OIDC Core
// §3.1.3.6; EdDSA with Ed25519 uses SHA-512). Empty for an unknown alg.
QString halfHash(const QString &alg, QByteArrayView value);

} // namespace keyhaven::oauth
