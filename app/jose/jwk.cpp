// jose/jwk.cpp — JWK/JWKS import (OSSL_PARAM_BLD + EVP_PKEY_fromdata) and key validation.
#include "jose/jwk.h"

#include "common/io.h"
#include "jose/base64url.h"
#include "jose/pem.h"
#include "jose/strictjson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <openssl/core_names.h>
#include <openssl/crypto.h>

#include <mutex>
#include <vector>

using namespace Qt::StringLiterals;

namespace keyhaven::jose {

struct Key::Data
{
    KeyKind kind = KeyKind::Unknown;
    QString curve;
    int bits = 0;
    QString alg, kid, use;
    QStringList keyOps;
    bool hasKeyOps = false;
    bool hasPrivate = false;
    QString source;
    QDateTime notAfter;
    ossl::PKeyPtr pkey;
    SecretBytes secret;
    Findings problems;
    QByteArray thumbInput;

    std::mutex macMutex;
    ossl::MacCtxPtr macTemplates[3];
    std::mutex verifyMutex;
    std::vector<ossl::MdCtxPtr> verifyTemplates; // indexed like algorithms()
    std::vector<bool> verifyNoCopy; // the provider cannot duplicate this algorithm's context

    void invalid(const QString &detail) { problems << Finding::error(u"invalid-key"_s, detail); }
};

namespace {

int coordBytesFor(const QString &crv)
{
    return crv == u"P-256"_s ? 32 : crv == u"P-384"_s ? 48 : crv == u"P-521"_s ? 66 : 0;
}

QString jwkCurveFromGroup(const char *group)
{
    const QByteArrayView g(group);
    if (g == "prime256v1" || g == "P-256" || g == "secp256r1")
        return u"P-256"_s;
    if (g == "secp384r1" || g == "P-384")
        return u"P-384"_s;
    if (g == "secp521r1" || g == "P-521")
        return u"P-521"_s;
    return QString();
}

QByteArray bnBytes(const BIGNUM *bn, int pad = 0)
{
    const int n = pad > 0 ? pad : BN_num_bytes(bn);
    QByteArray out(n, Qt::Uninitialized);
    if (pad > 0)
        BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), pad);
    else
        BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

ossl::BnPtr getBn(EVP_PKEY *pkey, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1)
        return ossl::BnPtr();
    return ossl::BnPtr(bn);
}

} // namespace

static void inspectKey(Key::Data &d);

Key::Key()
    : d(std::make_shared<Data>())
{
}

KeyKind Key::kind() const { return d->kind; }
QString Key::kindName() const
{
    switch (d->kind) {
    case KeyKind::Rsa:
        return u"RSA"_s;
    case KeyKind::Ec:
        return u"EC"_s;
    case KeyKind::Okp:
        return u"OKP"_s;
    case KeyKind::Oct:
        return u"oct"_s;
    case KeyKind::Unknown:
        break;
    }
    return u"unknown"_s;
}
QString Key::curve() const { return d->curve; }
int Key::bits() const { return d->bits; }
QString Key::alg() const { return d->alg; }
QString Key::kid() const { return d->kid; }
QString Key::use() const { return d->use; }
QStringList Key::keyOps() const { return d->keyOps; }
bool Key::hasKeyOps() const { return d->hasKeyOps; }
bool Key::hasPrivate() const { return d->hasPrivate; }
QString Key::source() const { return d->source; }
QDateTime Key::notAfter() const { return d->notAfter; }
const Findings &Key::problems() const { return d->problems; }
EVP_PKEY *Key::pkey() const { return d->pkey.get(); }
const SecretBytes &Key::secret() const { return d->secret; }
QByteArray Key::thumbprintInput() const { return d->thumbInput; }

bool Key::usable() const
{
    if (hasError(d->problems))
        return false;
    return d->kind == KeyKind::Oct ? !d->secret.isEmpty() : d->pkey != nullptr;
}

QString Key::thumbprint() const
{
    if (d->thumbInput.isEmpty())
        return QString();
    return QString::fromLatin1(
        base64url::encode(QCryptographicHash::hash(d->thumbInput, QCryptographicHash::Sha256)));
}

QJsonObject Key::publicJwk() const
{
    QJsonObject o;
    if (!d->thumbInput.isEmpty())
        o = QJsonDocument::fromJson(d->thumbInput).object();
    if (!d->kid.isEmpty())
        o.insert(u"kid"_s, d->kid);
    if (!d->alg.isEmpty())
        o.insert(u"alg"_s, d->alg);
    if (!d->use.isEmpty())
        o.insert(u"use"_s, d->use);
    return o;
}

bool Key::fits(const Algorithm &alg) const
{
    if (alg.keyKind() != d->kind)
        return false;
    if (alg.family == AlgFamily::Ecdsa || alg.family == AlgFamily::EdDsa)
        return alg.curve == d->curve;
    return true;
}

QStringList Key::fittingAlgs() const
{
    QStringList out;
    for (const Algorithm &a : algorithms())
        if (fits(a))
            out << a.name;
    return out;
}

Result<QByteArray> Key::mac(const Algorithm &alg, QByteArrayView data) const
{
    if (d->kind != KeyKind::Oct)
        return Error::input(u"invalid-key"_s, u"HMAC needs a symmetric (oct) key."_s);
    const int idx = alg.hashBytes == 32 ? 0 : alg.hashBytes == 48 ? 1 : 2;
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t len = 0;
    // Keyed once per key and hash; each MAC re-initialises that context with its key (a NULL key
    // to EVP_MAC_init keeps the one set before), so no allocation happens per verification.
    std::lock_guard lock(d->macMutex);
    ossl::MacCtxPtr &ctx = d->macTemplates[idx];
    if (!ctx) {
        static EVP_MAC *const hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        ossl::MacCtxPtr fresh(hmac ? EVP_MAC_CTX_new(hmac) : nullptr);
        const char *md = idx == 0 ? "SHA2-256" : idx == 1 ? "SHA2-384" : "SHA2-512";
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char *>(md), 0),
            OSSL_PARAM_construct_end(),
        };
        static const unsigned char empty[1] = { 0 };
        if (!fresh
            || EVP_MAC_init(fresh.get(), d->secret.isEmpty() ? empty : d->secret.udata(),
                   size_t(d->secret.size()), params)
                != 1)
            return ossl::error(u"hmac"_s, u"Cannot key an HMAC context"_s);
        ctx = std::move(fresh);
    } else if (EVP_MAC_init(ctx.get(), nullptr, 0, nullptr) != 1) {
        return ossl::error(u"hmac"_s, u"Cannot re-initialise the HMAC context"_s);
    }
    if (EVP_MAC_update(
            ctx.get(), reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()))
            != 1
        || EVP_MAC_final(
               ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len, size_t(out.size()))
            != 1)
        return ossl::error(u"hmac"_s, u"HMAC computation failed"_s);
    out.resize(qsizetype(len));
    return out;
}

Result<ossl::MdCtxPtr> Key::verifyContext(
    const Algorithm &alg, const std::function<Result<ossl::MdCtxPtr>()> &init) const
{
    const QList<Algorithm> &all = algorithms();
    const qsizetype idx = &alg - all.constData();
    if (idx < 0 || idx >= all.size())
        return init(); // not from the registry: nothing to key a cache on
    std::lock_guard lock(d->verifyMutex);
    if (d->verifyTemplates.empty()) {
        d->verifyTemplates.resize(std::size_t(all.size()));
        d->verifyNoCopy.resize(std::size_t(all.size()));
    }
    const auto i = std::size_t(idx);
    if (d->verifyNoCopy[i])
        return init();
    ossl::MdCtxPtr &tmpl = d->verifyTemplates[i];
    if (!tmpl) {
        auto fresh = init();
        if (!fresh)
            return fresh.error();
        tmpl = std::move(*fresh);
    }
    ossl::MdCtxPtr copy(EVP_MD_CTX_new());
    if (!copy)
        return ossl::error(u"verify-init"_s, u"Cannot create a digest context"_s);
    if (EVP_MD_CTX_copy_ex(copy.get(), tmpl.get()) != 1) {
        ossl::drainErrors();
        d->verifyNoCopy[i] = true;
        return init();
    }
    return copy;
}

// ---- ROCA ----------------------------------------------------------------------------------

bool hasRocaFingerprint(const BIGNUM *n)
{
    // The published detector (Nemec et al., "The Return of Coppersmith's Attack", CCS 2017;
    // crocs-muni/roca): for the first 38 odd primes p, n mod p lies in the subgroup of Z_p*
    // generated by 65537. A random modulus passes all of them with probability about 2^-154.
    static const unsigned kPrimes[] = { 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59,
        61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157,
        163, 167 };
    if (!n || BN_is_zero(n))
        return false;
    for (const unsigned p : kPrimes) {
        const BN_ULONG r = BN_mod_word(n, p);
        if (r == static_cast<BN_ULONG>(-1))
            return false;
        const unsigned g = 65537 % p;
        unsigned x = 1;
        bool inGroup = false;
        for (unsigned k = 0; k < p; ++k) {
            if (x == r) {
                inGroup = true;
                break;
            }
            x = (x * g) % p;
            if (x == 1 && k > 0)
                break;
        }
        if (!inGroup)
            return false;
    }
    return true;
}

// ---- inspection shared by every asymmetric key ------------------------------------------
// Fills kind, curve, bits, private-ness and the thumbprint input from the EVP_PKEY, and applies
// the checks every asymmetric key gets, whatever it was loaded from.

static void inspectKey(Key::Data &d)
{
    EVP_PKEY *pk = d.pkey.get();
    const int id = EVP_PKEY_get_base_id(pk);
    d.bits = EVP_PKEY_get_bits(pk);
    if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
        d.kind = KeyKind::Rsa;
        ossl::BnPtr n = getBn(pk, OSSL_PKEY_PARAM_RSA_N);
        ossl::BnPtr e = getBn(pk, OSSL_PKEY_PARAM_RSA_E);
        d.hasPrivate = getBn(pk, OSSL_PKEY_PARAM_RSA_D) != nullptr;
        if (!n || !e) {
            d.invalid(u"The RSA key has no modulus or exponent"_s);
            return;
        }
        if (BN_is_one(e.get()) || !BN_is_odd(e.get())) {
            d.invalid(u"The RSA public exponent must be an odd number above 1 (e = 1 makes every "
                      "\"signature\" equal to its padded message)"_s);
        } else if (d.bits < 2048) {
            d.problems << Finding::error(u"weak-rsa-key"_s,
                u"The RSA key has %1 bits; at least 2048 are required"_s.arg(d.bits));
        } else if (hasRocaFingerprint(n.get())) {
            d.problems << Finding::error(u"weak-rsa-key"_s,
                u"The RSA modulus has the ROCA fingerprint (CVE-2017-15361): it was made by a "
                "flawed generator and can be factored"_s);
        }
        d.thumbInput = "{\"e\":\"" + base64url::encode(bnBytes(e.get()))
            + "\",\"kty\":\"RSA\",\"n\":\"" + base64url::encode(bnBytes(n.get())) + "\"}";
        return;
    }
    if (id == EVP_PKEY_EC) {
        d.kind = KeyKind::Ec;
        char group[64] = { 0 };
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(
                pk, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len)
            == 1)
            d.curve = jwkCurveFromGroup(group);
        if (d.curve.isEmpty()) {
            d.invalid(
                u"The EC key is on curve %1; only P-256, P-384 and P-521 are JWS curves"_s.arg(
                    QString::fromLatin1(group)));
            return;
        }
        d.hasPrivate = getBn(pk, OSSL_PKEY_PARAM_PRIV_KEY) != nullptr;
        ossl::BnPtr x = getBn(pk, OSSL_PKEY_PARAM_EC_PUB_X);
        ossl::BnPtr y = getBn(pk, OSSL_PKEY_PARAM_EC_PUB_Y);
        if (!x || !y) {
            d.invalid(u"The EC key has no public point"_s);
            return;
        }
        const int cb = coordBytesFor(d.curve);
        d.thumbInput = "{\"crv\":\"" + d.curve.toLatin1() + "\",\"kty\":\"EC\",\"x\":\""
            + base64url::encode(bnBytes(x.get(), cb)) + "\",\"y\":\""
            + base64url::encode(bnBytes(y.get(), cb)) + "\"}";
        return;
    }
    if (id == EVP_PKEY_ED25519) {
        d.kind = KeyKind::Okp;
        d.curve = u"Ed25519"_s;
        d.bits = 256;
        size_t len = 0;
        d.hasPrivate = EVP_PKEY_get_raw_private_key(pk, nullptr, &len) == 1 && len == 32;
        QByteArray x(32, Qt::Uninitialized);
        len = 32;
        if (EVP_PKEY_get_raw_public_key(pk, reinterpret_cast<unsigned char *>(x.data()), &len)
            != 1) {
            d.invalid(u"The Ed25519 key has no public key"_s);
            return;
        }
        d.thumbInput =
            "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64url::encode(x) + "\"}";
        return;
    }
    d.invalid(
        u"Unsupported key type %1 (JWS uses RSA, EC P-256/384/521, Ed25519 or oct keys)"_s.arg(
            QString::fromLatin1(EVP_PKEY_get0_type_name(pk))));
}

Key Key::fromPKey(ossl::PKeyPtr pkey, const QString &source, const QDateTime &notAfter)
{
    Key k;
    k.d->source = source;
    k.d->notAfter = notAfter;
    k.d->pkey = std::move(pkey);
    if (!k.d->pkey) {
        k.d->invalid(u"No key material"_s);
        return k;
    }
    inspectKey(*k.d);
    return k;
}

Key Key::fromSecret(SecretBytes secret)
{
    Key k;
    k.d->kind = KeyKind::Oct;
    k.d->source = u"secret"_s;
    k.d->bits = int(secret.size() * 8);
    k.d->hasPrivate = true;
    k.d->secret = std::move(secret);
    if (k.d->secret.isEmpty())
        k.d->invalid(u"The HMAC secret is empty"_s);
    return k;
}

// ---- JWK import -----------------------------------------------------------------------------

namespace {

class JwkReader
{
public:
    JwkReader(const QJsonObject &o, Key::Data &d)
        : m_o(o)
        , m_d(d)
    {
    }
    // Strict base64url member; absent → nullopt with *present false.
    bool bytes(const char *name, QByteArray *out, bool required)
    {
        const QString key = QString::fromLatin1(name);
        if (!m_o.contains(key)) {
            if (required)
                m_d.invalid(u"The JWK has no \"%1\" member"_s.arg(key));
            return false;
        }
        const QJsonValue v = m_o.value(key);
        std::optional<QByteArray> b;
        if (v.isString())
            b = base64url::decode(v.toString().toLatin1());
        if (!v.isString() || !b || (v.toString().toLatin1() != v.toString().toUtf8())) {
            m_d.invalid(u"The JWK member \"%1\" is not strict base64url"_s.arg(key));
            return false;
        }
        *out = std::move(*b);
        return true;
    }

private:
    const QJsonObject &m_o;
    Key::Data &m_d;
};

ossl::PKeyPtr fromData(const char *type, int selection, OSSL_PARAM_BLD *bld)
{
    ossl::ParamPtr params(OSSL_PARAM_BLD_to_param(bld));
    ossl::PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *pk = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &pk, selection, params.get()) != 1) {
        ossl::drainErrors();
        return ossl::PKeyPtr();
    }
    return ossl::PKeyPtr(pk);
}

bool pushBn(
    OSSL_PARAM_BLD *bld, const char *name, const QByteArray &bytes, std::vector<ossl::BnPtr> &keep)
{
    BIGNUM *bn = BN_bin2bn(
        reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()), nullptr);
    if (!bn)
        return false;
    keep.emplace_back(bn);
    return OSSL_PARAM_BLD_push_BN(bld, name, bn) == 1;
}

void importRsa(const QJsonObject &o, Key::Data &d)
{
    JwkReader r(o, d);
    QByteArray n, e;
    const bool okN = r.bytes("n", &n, true);
    const bool okE = r.bytes("e", &e, true);
    if (!okN || !okE)
        return;
    if (n.isEmpty() || e.isEmpty() || n.at(0) == 0) {
        d.invalid(u"The RSA modulus or exponent is empty or has leading zero bytes"_s);
        return;
    }
    QByteArray priv[6];
    static const char *const names[6] = { "d", "p", "q", "dp", "dq", "qi" };
    static const char *const params[6] = { OSSL_PKEY_PARAM_RSA_D, OSSL_PKEY_PARAM_RSA_FACTOR1,
        OSSL_PKEY_PARAM_RSA_FACTOR2, OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
        OSSL_PKEY_PARAM_RSA_COEFFICIENT1 };
    bool have[6];
    for (int i = 0; i < 6; ++i)
        have[i] = o.contains(QString::fromLatin1(names[i])) && r.bytes(names[i], &priv[i], false);
    if (hasError(d.problems))
        return;
    ossl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
    std::vector<ossl::BnPtr> keep;
    bool ok = bld && pushBn(bld.get(), OSSL_PKEY_PARAM_RSA_N, n, keep)
        && pushBn(bld.get(), OSSL_PKEY_PARAM_RSA_E, e, keep);
    const bool crt = have[1] && have[2] && have[3] && have[4] && have[5];
    if (ok && have[0]) {
        ok = pushBn(bld.get(), params[0], priv[0], keep);
        for (int i = 1; ok && crt && i < 6; ++i)
            ok = pushBn(bld.get(), params[i], priv[i], keep);
    }
    if (!ok) {
        d.invalid(u"Cannot build the RSA key parameters"_s);
        return;
    }
    d.pkey = fromData("RSA", have[0] ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, bld.get());
    if (!d.pkey)
        d.invalid(u"OpenSSL refused the RSA key"_s);
}

void importEc(const QJsonObject &o, Key::Data &d)
{
    const QString crv = o.value(u"crv"_s).toString();
    const int cb = coordBytesFor(crv);
    if (!cb) {
        d.invalid(u"Unsupported or missing EC curve \"%1\" (JWS uses P-256, P-384, P-521)"_s.arg(
            crv.left(32)));
        return;
    }
    JwkReader r(o, d);
    QByteArray x, y, dd;
    const bool okX = r.bytes("x", &x, true);
    const bool okY = r.bytes("y", &y, true);
    const bool hasD = o.contains(u"d"_s) && r.bytes("d", &dd, false);
    if (!okX || !okY || hasError(d.problems))
        return;
    // RFC 7518 §6.2.1.2: x and y are exactly the coordinate size of the curve; a mismatch is
    // the wrong curve (Wycheproof json_web_key tcId 23).
    if (x.size() != cb || y.size() != cb || (hasD && dd.size() != cb)) {
        d.invalid(
            u"The EC coordinates do not have the size of curve %1 (%2 bytes)"_s.arg(crv).arg(cb));
        return;
    }
    const QByteArray pub = QByteArray(1, '\x04') + x + y;
    const QByteArray group = crv.toLatin1();
    ossl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
    std::vector<ossl::BnPtr> keep;
    bool ok = bld
        && OSSL_PARAM_BLD_push_utf8_string(
               bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.constData(), 0)
            == 1
        && OSSL_PARAM_BLD_push_octet_string(
               bld.get(), OSSL_PKEY_PARAM_PUB_KEY, pub.constData(), size_t(pub.size()))
            == 1;
    if (ok && hasD)
        ok = pushBn(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, dd, keep);
    if (!ok) {
        d.invalid(u"Cannot build the EC key parameters"_s);
        return;
    }
    d.pkey = fromData("EC", hasD ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, bld.get());
    if (!d.pkey) {
        d.invalid(u"The EC point is not on curve %1"_s.arg(crv));
        return;
    }
    // Invalid-curve attacks: make sure the point is on the named curve, whatever the import did.
    ossl::PKeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, d.pkey.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        ossl::drainErrors();
        d.pkey.reset();
        d.invalid(u"The EC point is not on curve %1"_s.arg(crv));
    }
}

void importOkp(const QJsonObject &o, Key::Data &d)
{
    const QString crv = o.value(u"crv"_s).toString();
    if (crv != u"Ed25519"_s) {
        d.invalid(u"Unsupported OKP curve \"%1\" (only Ed25519 is supported)"_s.arg(crv.left(32)));
        return;
    }
    JwkReader r(o, d);
    QByteArray x, dd;
    const bool okX = r.bytes("x", &x, true);
    const bool hasD = o.contains(u"d"_s) && r.bytes("d", &dd, false);
    if (!okX || hasError(d.problems))
        return;
    if (x.size() != 32 || (hasD && dd.size() != 32)) {
        d.invalid(u"An Ed25519 key is 32 bytes"_s);
        return;
    }
    if (hasD) {
        d.pkey.reset(EVP_PKEY_new_raw_private_key_ex(nullptr, "ED25519", nullptr,
            reinterpret_cast<const unsigned char *>(dd.constData()), 32));
        OPENSSL_cleanse(dd.data(), size_t(dd.size()));
        QByteArray derived(32, Qt::Uninitialized);
        size_t len = 32;
        if (d.pkey
            && (EVP_PKEY_get_raw_public_key(
                    d.pkey.get(), reinterpret_cast<unsigned char *>(derived.data()), &len)
                    != 1
                || derived != x)) {
            d.pkey.reset();
            d.invalid(u"The Ed25519 private key does not match its public key \"x\""_s);
            return;
        }
    } else {
        d.pkey.reset(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr,
            reinterpret_cast<const unsigned char *>(x.constData()), 32));
    }
    if (!d.pkey) {
        ossl::drainErrors();
        d.invalid(u"OpenSSL refused the Ed25519 key"_s);
    }
}

} // namespace

Key Key::fromJwk(const QJsonObject &o)
{
    Key k;
    Data &d = *k.d;
    d.source = u"JWK"_s;
    const QJsonValue kty = o.value(u"kty"_s);
    auto optString = [&](const QString &name, QString *out) {
        if (!o.contains(name))
            return;
        if (!o.value(name).isString())
            d.invalid(u"The JWK member \"%1\" is not a string"_s.arg(name));
        else
            *out = o.value(name).toString();
    };
    optString(u"alg"_s, &d.alg);
    optString(u"kid"_s, &d.kid);
    optString(u"use"_s, &d.use);
    if (o.contains(u"key_ops"_s)) {
        d.hasKeyOps = true;
        const QJsonValue ops = o.value(u"key_ops"_s);
        if (!ops.isArray()) {
            d.invalid(u"The JWK member \"key_ops\" is not an array"_s);
        } else {
            for (const QJsonValue &v : ops.toArray()) {
                if (!v.isString())
                    d.invalid(u"The JWK \"key_ops\" holds a non-string"_s);
                else
                    d.keyOps << v.toString();
            }
        }
    }
    if (!d.alg.isEmpty() && !isRegisteredAlg(d.alg))
        d.invalid(
            u"The JWK \"alg\" \"%1\" is not a registered JOSE algorithm"_s.arg(d.alg.left(32)));
    if (!kty.isString()) {
        d.invalid(u"The JWK has no \"kty\" string"_s);
        return k;
    }
    const QString t = kty.toString();
    if (t == u"oct"_s) {
        d.kind = KeyKind::Oct;
        JwkReader r(o, d);
        QByteArray secret;
        if (r.bytes("k", &secret, true)) {
            d.bits = int(secret.size() * 8);
            d.hasPrivate = true;
            if (secret.isEmpty())
                d.invalid(u"The HMAC key is empty"_s);
            d.secret = SecretBytes(std::move(secret));
        }
    } else if (t == u"RSA"_s) {
        d.kind = KeyKind::Rsa;
        importRsa(o, d);
    } else if (t == u"EC"_s) {
        d.kind = KeyKind::Ec;
        d.curve = o.value(u"crv"_s).toString();
        importEc(o, d);
    } else if (t == u"OKP"_s) {
        d.kind = KeyKind::Okp;
        d.curve = o.value(u"crv"_s).toString();
        importOkp(o, d);
    } else {
        d.invalid(u"Unsupported key type \"%1\""_s.arg(t.left(32)));
        return k;
    }
    if (d.pkey)
        inspectKey(d);
    // A JWS alg on a key of another type (RS256 on an EC key) makes the key contradictory.
    if (const Algorithm *a = findAlgorithm(d.alg);
        a && d.kind != KeyKind::Unknown && !k.fits(*a) && !hasFinding(d.problems, u"invalid-key"_s))
        d.invalid(u"The JWK \"alg\" %1 does not fit a %2 key"_s.arg(
            d.alg, k.kindName() + (d.curve.isEmpty() ? QString() : u" "_s + d.curve)));
    return k;
}

Result<KeySet> parseJwkOrJwks(QByteArrayView json)
{
    if (json.size() > io::kMaxInput)
        return Error::input(u"input-too-large"_s, u"The key file is larger than 1 MiB."_s);
    auto obj = strictjson::parseObject(json);
    if (!obj)
        return obj.error();
    KeySet set;
    if (!obj->contains(u"keys"_s)) {
        set.keys << Key::fromJwk(*obj);
        return set;
    }
    const QJsonValue keys = obj->value(u"keys"_s);
    if (!keys.isArray())
        return Error::input(u"malformed"_s, u"The JWKS member \"keys\" is not an array."_s);
    set.isSet = true;
    bool haveOct = false, haveAsym = false;
    QSet<QString> kids, reported;
    for (const QJsonValue &v : keys.toArray()) {
        if (!v.isObject())
            return Error::input(u"malformed"_s, u"A JWKS entry is not a JSON object."_s);
        Key k = Key::fromJwk(v.toObject());
        (k.kind() == KeyKind::Oct ? haveOct : haveAsym) |= k.kind() != KeyKind::Unknown;
        if (!k.kid().isEmpty()) {
            if (kids.contains(k.kid()) && !reported.contains(k.kid())) {
                reported.insert(k.kid());
                set.findings << Finding::error(u"ambiguous-key"_s,
                    u"The key set has several keys with kid \"%1\""_s.arg(k.kid().left(64)));
            }
            kids.insert(k.kid());
        }
        set.keys << k;
    }
    if (haveOct && haveAsym)
        set.findings << Finding::error(u"ambiguous-key"_s,
            u"The key set mixes symmetric (oct) and asymmetric keys, so a token could choose to "
            "be checked with a public key used as an HMAC secret"_s);
    return set;
}

Result<KeySet> loadKeyMaterial(QByteArrayView bytes)
{
    if (bytes.size() > io::kMaxInput)
        return Error::input(u"input-too-large"_s, u"The key file is larger than 1 MiB."_s);
    const QByteArrayView t = bytes.trimmed();
    if (t.startsWith('{'))
        return parseJwkOrJwks(t);
    if (t.contains("-----BEGIN ")) {
        auto k = pem::load(t);
        if (!k)
            return k.error();
        KeySet set;
        set.keys << *k;
        return set;
    }
    return Error::input(u"malformed"_s,
        u"The key is neither a JWK/JWKS (JSON) nor PEM (public key, private key, certificate)."_s);
}

} // namespace keyhaven::jose
