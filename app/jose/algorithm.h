// jose/algorithm.h — the JWS algorithm registry (RFC 7518 §3, RFC 8037) and its primitives.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <openssl/evp.h>

namespace keyhaven::jose {

class Key;

enum class KeyKind { Unknown, Rsa, Ec, Okp, Oct };
enum class AlgFamily { Hmac, RsaPkcs1, RsaPss, Ecdsa, EdDsa };

struct Algorithm
{
    QString name; // "ES256"
    AlgFamily family;
    int hashBytes; // 32/48/64 (0 for EdDSA: the hash is part of the scheme)
    QString curve; // ES*: "P-256"/"P-384"/"P-521"; EdDSA: "Ed25519"
    int coordBytes; // ES*: 32/48/66 (the raw signature is r||s, 2 * coordBytes)

    KeyKind keyKind() const;
    // The digest, fetched once per process (OpenSSL 3 fetches are not free); null for EdDSA.
    const EVP_MD *digest() const;
};

// The registered JWS signature algorithms this engine implements; null for anything else,
// including "none" in every spelling.
const Algorithm *findAlgorithm(QStringView name);
const QList<Algorithm> &algorithms();
// True for any "alg" registered for JOSE (JWS and JWE, RFC 7518 §3.1, §4.1, §5.1, RFC 8037):
// a JWK "alg" outside this list (ES521, ES224) makes the key invalid.
bool isRegisteredAlg(QStringView name);
bool isNone(QStringView name);

enum class SigCheck { Valid, Invalid, BadFormat };

// The signature primitive alone: no policy (weak keys, use, alg pinning) is applied here.
// An Error means OpenSSL itself failed; a wrong signature is SigCheck::Invalid, a signature of
// the wrong encoding or length SigCheck::BadFormat.
Result<SigCheck> verifySignature(
    const Algorithm &alg, const Key &key, QByteArrayView signingInput, QByteArrayView signature);
// Signs; ECDSA output is raw r||s (RFC 7518 §3.4).
Result<QByteArray> createSignature(
    const Algorithm &alg, const Key &key, QByteArrayView signingInput);

// HMAC with a raw key (the Wycheproof primitive tests use keys the JWS layer would refuse).
Result<QByteArray> hmac(const Algorithm &alg, QByteArrayView key, QByteArrayView data);

} // namespace keyhaven::jose
