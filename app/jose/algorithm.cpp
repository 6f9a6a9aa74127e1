// jose/algorithm.cpp — JWS algorithm registry and signature primitives (OpenSSL 3 EVP only).
#include "jose/algorithm.h"

#include "common/ossl.h"
#include "jose/jwk.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;

namespace keyhaven::jose {

namespace {

const EVP_MD *cachedDigest(int hashBytes)
{
    // Fetched once and kept for the life of the process: a fetch per verify costs a lock and a
    // method-store lookup in OpenSSL 3.
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    static EVP_MD *const sha384 = EVP_MD_fetch(nullptr, "SHA2-384", nullptr);
    static EVP_MD *const sha512 = EVP_MD_fetch(nullptr, "SHA2-512", nullptr);
    switch (hashBytes) {
    case 32:
        return sha256;
    case 48:
        return sha384;
    case 64:
        return sha512;
    default:
        return nullptr;
    }
}

EVP_MAC *cachedHmac()
{
    static EVP_MAC *const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}

const char *digestName(int hashBytes)
{
    return hashBytes == 32 ? "SHA2-256" : hashBytes == 48 ? "SHA2-384" : "SHA2-512";
}

Result<void> setPss(EVP_PKEY_CTX *pctx, const Algorithm &alg)
{
    // Salt length = hash length and MGF1 with the same hash, set explicitly: OpenSSL's default
    // on verify is "auto", which accepts any salt length (Wycheproof tcId 281–286).
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1
        || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, alg.hashBytes) != 1
        || EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, alg.digest()) != 1)
        return ossl::error(u"pss-params"_s, u"Cannot set the RSA-PSS parameters"_s);
    return {};
}

} // namespace

KeyKind Algorithm::keyKind() const
{
    switch (family) {
    case AlgFamily::Hmac:
        return KeyKind::Oct;
    case AlgFamily::RsaPkcs1:
    case AlgFamily::RsaPss:
        return KeyKind::Rsa;
    case AlgFamily::Ecdsa:
        return KeyKind::Ec;
    case AlgFamily::EdDsa:
        return KeyKind::Okp;
    }
    return KeyKind::Unknown;
}

const EVP_MD *Algorithm::digest() const { return cachedDigest(hashBytes); }

const QList<Algorithm> &algorithms()
{
    static const QList<Algorithm> all {
        { u"HS256"_s, AlgFamily::Hmac, 32, {}, 0 },
        { u"HS384"_s, AlgFamily::Hmac, 48, {}, 0 },
        { u"HS512"_s, AlgFamily::Hmac, 64, {}, 0 },
        { u"RS256"_s, AlgFamily::RsaPkcs1, 32, {}, 0 },
        { u"RS384"_s, AlgFamily::RsaPkcs1, 48, {}, 0 },
        { u"RS512"_s, AlgFamily::RsaPkcs1, 64, {}, 0 },
        { u"PS256"_s, AlgFamily::RsaPss, 32, {}, 0 },
        { u"PS384"_s, AlgFamily::RsaPss, 48, {}, 0 },
        { u"PS512"_s, AlgFamily::RsaPss, 64, {}, 0 },
        { u"ES256"_s, AlgFamily::Ecdsa, 32, u"P-256"_s, 32 },
        { u"ES384"_s, AlgFamily::Ecdsa, 48, u"P-384"_s, 48 },
        { u"ES512"_s, AlgFamily::Ecdsa, 64, u"P-521"_s, 66 },
        { u"EdDSA"_s, AlgFamily::EdDsa, 0, u"Ed25519"_s, 0 },
    };
    return all;
}

const Algorithm *findAlgorithm(QStringView name)
{
    for (const Algorithm &a : algorithms())
        if (a.name == name)
            return &a;
    return nullptr;
}

bool isNone(QStringView name) { return name.compare(u"none", Qt::CaseInsensitive) == 0; }

bool isRegisteredAlg(QStringView name)
{
    static const QStringList others {
        // RFC 7518 §3.1 (JWS), §4.1 (key management), §5.1 (content encryption); RFC 8037.
        u"none"_s, u"RSA1_5"_s, u"RSA-OAEP"_s, u"RSA-OAEP-256"_s, u"A128KW"_s, u"A192KW"_s,
        u"A256KW"_s, u"dir"_s, u"ECDH-ES"_s, u"ECDH-ES+A128KW"_s, u"ECDH-ES+A192KW"_s,
        u"ECDH-ES+A256KW"_s, u"A128GCMKW"_s, u"A192GCMKW"_s, u"A256GCMKW"_s,
        u"PBES2-HS256+A128KW"_s, u"PBES2-HS384+A192KW"_s, u"PBES2-HS512+A256KW"_s,
        u"A128CBC-HS256"_s, u"A192CBC-HS384"_s, u"A256CBC-HS512"_s, u"A128GCM"_s, u"A192GCM"_s,
        u"A256GCM"_s
    };
    return findAlgorithm(name) || others.contains(name);
}

Result<QByteArray> hmac(const Algorithm &alg, QByteArrayView key, QByteArrayView data)
{
    EVP_MAC *mac = cachedHmac();
    ossl::MacCtxPtr ctx(mac ? EVP_MAC_CTX_new(mac) : nullptr);
    if (!ctx)
        return ossl::error(u"hmac"_s, u"Cannot create an HMAC context"_s);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(
            OSSL_MAC_PARAM_DIGEST, const_cast<char *>(digestName(alg.hashBytes)), 0),
        OSSL_PARAM_construct_end(),
    };
    static const unsigned char emptyKey[1] = { 0 };
    const auto *k = key.isEmpty() ? emptyKey : reinterpret_cast<const unsigned char *>(key.data());
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t outLen = 0;
    if (EVP_MAC_init(ctx.get(), k, size_t(key.size()), params) != 1
        || EVP_MAC_update(
               ctx.get(), reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()))
            != 1
        || EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen,
               size_t(out.size()))
            != 1)
        return ossl::error(u"hmac"_s, u"HMAC computation failed"_s);
    out.resize(qsizetype(outLen));
    return out;
}

Result<SigCheck> verifySignature(
    const Algorithm &alg, const Key &key, QByteArrayView input, QByteArrayView sig)
{
    const auto *in = reinterpret_cast<const unsigned char *>(input.data());
    if (alg.family == AlgFamily::Hmac) {
        if (sig.size() != alg.hashBytes)
            return SigCheck::BadFormat; // a JWS MAC is never truncated (RFC 7518 §3.2)
        auto tag = key.mac(alg, input);
        if (!tag)
            return tag.error();
        const bool same = CRYPTO_memcmp(tag->constData(), sig.data(), size_t(sig.size())) == 0;
        return same ? SigCheck::Valid : SigCheck::Invalid;
    }
    EVP_PKEY *pkey = key.pkey();
    if (!pkey)
        return Error::input(u"invalid-key"_s, u"The key has no usable public key."_s);
    // Length rules first: they need no context (RFC 7518 §3.4 raw r||s of exactly 2 * coordBytes,
    // never DER; an RSA signature is exactly as long as the modulus; Ed25519 is 64 bytes).
    if (alg.family == AlgFamily::EdDsa) {
        if (sig.size() != 64)
            return SigCheck::BadFormat;
    } else if (alg.family == AlgFamily::Ecdsa) {
        if (sig.size() != 2 * alg.coordBytes)
            return SigCheck::BadFormat;
    } else if (sig.size() != EVP_PKEY_get_size(pkey)) {
        return SigCheck::BadFormat;
    }
    auto ctxOr = key.verifyContext(alg, [&alg, pkey]() -> Result<ossl::MdCtxPtr> {
        ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
        EVP_PKEY_CTX *pctx = nullptr;
        if (!ctx
            || EVP_DigestVerifyInit(ctx.get(), &pctx,
                   alg.family == AlgFamily::EdDsa ? nullptr : alg.digest(), nullptr, pkey)
                != 1)
            return ossl::error(u"verify-init"_s, u"Cannot start a signature verification"_s);
        if (alg.family == AlgFamily::RsaPss) {
            if (auto r = setPss(pctx, alg); !r)
                return r.error();
        } else if (alg.family == AlgFamily::RsaPkcs1) {
            if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
                return ossl::error(u"verify-init"_s, u"Cannot set PKCS#1 v1.5 padding"_s);
        }
        return ctx;
    });
    if (!ctxOr)
        return ctxOr.error();
    EVP_MD_CTX *ctx = ctxOr->get();

    QByteArray der;
    const unsigned char *sigPtr = reinterpret_cast<const unsigned char *>(sig.data());
    size_t sigLen = size_t(sig.size());
    if (alg.family == AlgFamily::Ecdsa) {
        ossl::EcdsaSigPtr es(ECDSA_SIG_new());
        BIGNUM *r = BN_bin2bn(sigPtr, alg.coordBytes, nullptr);
        BIGNUM *s = BN_bin2bn(sigPtr + alg.coordBytes, alg.coordBytes, nullptr);
        if (!es || !r || !s || ECDSA_SIG_set0(es.get(), r, s) != 1) {
            BN_free(r);
            BN_free(s);
            return ossl::error(u"ecdsa-sig"_s, u"Cannot build an ECDSA signature"_s);
        }
        const int len = i2d_ECDSA_SIG(es.get(), nullptr);
        if (len <= 0)
            return ossl::error(u"ecdsa-sig"_s, u"Cannot encode an ECDSA signature"_s);
        der.resize(len);
        auto *p = reinterpret_cast<unsigned char *>(der.data());
        if (i2d_ECDSA_SIG(es.get(), &p) != len)
            return ossl::error(u"ecdsa-sig"_s, u"Cannot encode an ECDSA signature"_s);
        sigPtr = reinterpret_cast<const unsigned char *>(der.constData());
        sigLen = size_t(der.size());
    }
    const int rc = EVP_DigestVerify(ctx, sigPtr, sigLen, in, size_t(input.size()));
    ossl::drainErrors(); // a failed verification leaves reasons behind; they are not news
    return rc == 1 ? SigCheck::Valid : SigCheck::Invalid;
}

Result<QByteArray> createSignature(const Algorithm &alg, const Key &key, QByteArrayView input)
{
    if (alg.family == AlgFamily::Hmac)
        return key.mac(alg, input);
    EVP_PKEY *pkey = key.pkey();
    if (!pkey || !key.hasPrivate())
        return Error::input(u"invalid-key"_s, u"Signing needs a private key."_s);
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    const auto *in = reinterpret_cast<const unsigned char *>(input.data());
    if (!ctx
        || EVP_DigestSignInit(ctx.get(), &pctx,
               alg.family == AlgFamily::EdDsa ? nullptr : alg.digest(), nullptr, pkey)
            != 1)
        return ossl::error(u"sign-init"_s, u"Cannot start signing"_s);
    if (alg.family == AlgFamily::RsaPss) {
        if (auto r = setPss(pctx, alg); !r)
            return r.error();
    }
    size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(input.size())) != 1)
        return ossl::error(u"sign"_s, u"Cannot size the signature"_s);
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in,
            size_t(input.size()))
        != 1)
        return ossl::error(u"sign"_s, u"Signing failed"_s);
    sig.resize(qsizetype(len));
    if (alg.family != AlgFamily::Ecdsa)
        return sig;
    // OpenSSL produces DER; JWS wants raw r||s, each left-padded to the coordinate size.
    const auto *p = reinterpret_cast<const unsigned char *>(sig.constData());
    ossl::EcdsaSigPtr es(d2i_ECDSA_SIG(nullptr, &p, long(sig.size())));
    if (!es)
        return ossl::error(u"ecdsa-sig"_s, u"Cannot decode OpenSSL's ECDSA signature"_s);
    QByteArray raw(2 * alg.coordBytes, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(ECDSA_SIG_get0_r(es.get()), o, alg.coordBytes) != alg.coordBytes
        || BN_bn2binpad(ECDSA_SIG_get0_s(es.get()), o + alg.coordBytes, alg.coordBytes)
            != alg.coordBytes)
        return ossl::error(u"ecdsa-sig"_s, u"Cannot encode r||s"_s);
    return raw;
}

} // namespace keyhaven::jose
