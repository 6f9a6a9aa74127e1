// jose/pkce.h — RFC 7636 PKCE: code verifier generation/validation and the S256 challenge.
#pragma once

#include "common/result.h"

#include <QByteArray>

namespace keyhaven::jose::pkce {

inline constexpr int kMinLength = 43;
inline constexpr int kMaxLength = 128;

// A fresh verifier of `length` characters (43–128) from RAND_bytes, base64url alphabet (a subset
// of the unreserved characters, RFC 7636 §4.1). Error ids: "invalid-length", "random-failed".
Result<QByteArray> generateVerifier(int length = 64);
// 43–128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1). Error id: "invalid-verifier".
Result<void> validateVerifier(QByteArrayView verifier);
// BASE64URL(SHA256(ASCII(verifier))) (RFC 7636 §4.2).
QByteArray challengeS256(QByteArrayView verifier);

} // namespace keyhaven::jose::pkce
