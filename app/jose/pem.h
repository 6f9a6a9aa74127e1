// jose/pem.h — loads a key from PEM: SPKI public key, PKCS#8 or traditional private key, X.509.
#pragma once

#include "common/result.h"
#include "jose/jwk.h"

#include <QByteArrayView>

namespace keyhaven::jose::pem {

// The first PEM block decides: CERTIFICATE (its public key; notAfter kept for the rotation
// dashboard), PUBLIC KEY, RSA PUBLIC KEY, PRIVATE KEY, RSA/EC PRIVATE KEY. Encrypted private
// keys are refused (no passphrase prompt). Error ids: "malformed", "input-too-large".
Result<Key> load(QByteArrayView pem);

} // namespace keyhaven::jose::pem
