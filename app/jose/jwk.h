// jose/jwk.h — a verification/signing key from a JWK, JWKS, PEM or raw secret, validated.
#pragma once

#include "common/ossl.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "jose/algorithm.h"
#include "jose/finding.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace keyhaven::jose {

// A key as the user gave it. Cheap to copy (shared, immutable after construction). A key that
// failed validation still exists (so that the verifier can report why it was not used): its
// problems() hold an error finding (invalid-key, weak-rsa-key) and it verifies nothing.
class Key
{
public:
    Key();

    // A JWK object (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2). Never fails: problems() says why a
    // key cannot be used.
    static Key fromJwk(const QJsonObject &jwk);
    // An OpenSSL key (from PEM); `source` names it for people ("PEM public key").
    static Key fromPKey(ossl::PKeyPtr pkey, const QString &source, const QDateTime &notAfter = {});
    // Raw HMAC secret bytes (--secret-file).
    static Key fromSecret(SecretBytes secret);

    KeyKind kind() const;
    QString kindName() const; // "RSA", "EC", "OKP", "oct"
    QString curve() const; // "P-256"... / "Ed25519"; empty otherwise
    int bits() const; // modulus/curve size, or the secret's length in bits
    QString alg() const; // the JWK "alg", empty when absent
    QString kid() const;
    QString use() const; // empty when absent
    QStringList keyOps() const;
    bool hasKeyOps() const;
    bool hasPrivate() const;
    QString source() const;
    QDateTime notAfter() const; // certificates only (rotation dashboard); null otherwise

    // RFC 7638 SHA-256 thumbprint (base64url). Empty for oct keys: a hash of a secret would
    // allow offline guessing of a weak one.
    QString thumbprint() const;
    // RFC 7638 canonical JSON of the required public members (not for oct keys).
    QByteArray thumbprintInput() const;
    QJsonObject publicJwk() const;

    // Validation problems found when the key was loaded (invalid-key, weak-rsa-key).
    const Findings &problems() const;
    bool usable() const; // no error problem and key material present

    // Does this key's type (and curve) fit the algorithm? Says nothing about policy.
    bool fits(const Algorithm &alg) const;
    // The algorithms a key of this type can be used with (the default allowed list, rule 3).
    QStringList fittingAlgs() const;

    EVP_PKEY *pkey() const;
    const SecretBytes &secret() const;
    // HMAC over data with this key's secret; the initialised MAC context is cached per hash.
    Result<QByteArray> mac(const Algorithm &alg, QByteArrayView data) const;
    // A digest-verify context for alg, ready for EVP_DigestVerify. The first call per algorithm
    // runs `init` (EVP_DigestVerifyInit and the padding parameters) and keeps the result as a
    // template; later calls return a copy of it, which skips OpenSSL 3's per-init method fetches
    // (about a tenth of an RS256 verification). Falls back to `init` when a provider cannot
    // duplicate its context.
    Result<ossl::MdCtxPtr> verifyContext(
        const Algorithm &alg, const std::function<Result<ossl::MdCtxPtr>()> &init) const;

    struct Data; // opaque: jwk.cpp

private:
    std::shared_ptr<Data> d;
};

// A set of keys and what is wrong with the set as a whole (ambiguous-key for duplicate kids or
// for symmetric and asymmetric keys mixed in one set).
struct KeySet
{
    QList<Key> keys;
    Findings findings;
    bool isSet = false; // came from a JWKS ({"keys": [...]}): kid selects among them
};

// A JWK or a JWKS (JSON text, strict: duplicate members are refused). Error ids: "malformed",
// "duplicate-member", "input-too-large".
Result<KeySet> parseJwkOrJwks(QByteArrayView json);
// JSON (JWK/JWKS) or PEM (public key, private key, certificate), sniffed from the content.
Result<KeySet> loadKeyMaterial(QByteArrayView bytes);

// The ROCA fingerprint test (Nemec et al., CCS 2017): a modulus made by the vulnerable
// Infineon generator is, modulo each of a list of small primes, a power of 65537.
bool hasRocaFingerprint(const BIGNUM *modulus);

} // namespace keyhaven::jose
