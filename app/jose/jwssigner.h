// jose/jwssigner.h — makes a compact JWS from a payload, an algorithm and a private key/secret.
#pragma once

#include "common/result.h"
#include "jose/jwk.h"

#include <QByteArray>
#include <QJsonObject>

namespace keyhaven::jose {

struct SignOptions
{
    QString alg; // required; "none" is refused
    QJsonObject extraHeader; // merged into the protected header ("alg" in it must agree)
    bool addTyp = true; // "typ": "JWT" unless the extra header sets one
};

// Signs the payload bytes as given. Error ids: "alg-none", "alg-not-allowed",
// "alg-key-mismatch", "invalid-key", "weak-rsa-key", "weak-hmac-key", "key-use-mismatch".
// Signing with a key that verification would refuse is refused too.
Result<QByteArray> signCompact(QByteArrayView payload, const Key &key, const SignOptions &options);

} // namespace keyhaven::jose
