// tests/jose/tst_parsers.cpp — base64url, the strict JSON scanner, PEM loading, the finding
// catalogue.
#include "common/ossl.h"
#include "jose/base64url.h"
#include "jose/finding.h"
#include "jose/jwk.h"
#include "jose/pem.h"
#include "jose/strictjson.h"

#include <QTest>

#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::jose;

namespace {

QByteArray pemOf(int (*write)(BIO *, EVP_PKEY *), EVP_PKEY *k)
{
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    write(bio.get(), k);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, n);
}

int writePub(BIO *b, EVP_PKEY *k) { return PEM_write_bio_PUBKEY(b, k); }
int writePkcs8(BIO *b, EVP_PKEY *k)
{
    return PEM_write_bio_PKCS8PrivateKey(b, k, nullptr, nullptr, 0, nullptr, nullptr);
}
int writeTraditional(BIO *b, EVP_PKEY *k)
{
    return PEM_write_bio_PrivateKey_traditional(b, k, nullptr, nullptr, 0, nullptr, nullptr);
}

// {"n0":0,"n1":0,...} with `count` names, and `extra` appended as one more member.
QByteArray manyNames(int count, const QByteArray &extra)
{
    QByteArray json = "{";
    for (int i = 0; i < count; ++i)
        json += (i ? "," : "") + "\"n"_ba + QByteArray::number(i) + "\":0";
    if (!extra.isEmpty())
        json += "," + extra;
    return json + "}";
}

} // namespace

class TestParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void base64urlStrict_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << ""_ba << true << ""_ba;
        QTest::newRow("f") << "Zg"_ba << true << "f"_ba;
        QTest::newRow("fo") << "Zm8"_ba << true << "fo"_ba;
        QTest::newRow("foo") << "Zm9v"_ba << true << "foo"_ba;
        QTest::newRow("url-alphabet") << "-_-_"_ba << true << QByteArray::fromHex("fbffbf"_ba);
        QTest::newRow("padding") << "Zg=="_ba << false << ""_ba;
        QTest::newRow("plus") << "+/8"_ba << false << ""_ba;
        QTest::newRow("space-inside") << "Zm 9v"_ba << false << ""_ba;
        QTest::newRow("newline") << "Zm9v\n"_ba << false << ""_ba;
        QTest::newRow("len-1-mod-4") << "Zm9vZ"_ba << false << ""_ba;
        QTest::newRow("trailing-bits-2") << "Zh"_ba << false << ""_ba;
        QTest::newRow("trailing-bits-3") << "Zm9"_ba << false << ""_ba;
        QTest::newRow("AB-nonzero-bits") << "AB"_ba << false << ""_ba;
        QTest::newRow("nul") << QByteArray("Zm\0v", 4) << false << ""_ba;
        QTest::newRow("high-byte") << "Zm\xc3\xa9"_ba << false << ""_ba;
    }
    void base64urlStrict()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(QByteArray, bytes);
        const auto d = base64url::decode(text);
        QCOMPARE(d.has_value(), ok);
        if (ok) {
            QCOMPARE(*d, bytes);
            QCOMPARE(base64url::encode(*d), text);
        }
    }
    void base64urlRoundTrip()
    {
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        for (int n = 0; n < 70; ++n) {
            const QByteArray b = all.left(n);
            QCOMPARE(base64url::decode(base64url::encode(b)).value_or("x"_ba), b);
        }
    }

    void strictJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error"); // empty = valid
        QTest::newRow("object") << R"({"a":1,"b":[true,false,null,"x",-1.5e3]})"_ba << QString();
        QTest::newRow("whitespace") << " {\r\n\t\"a\" : { } } "_ba << QString();
        QTest::newRow("utf8") << "{\"a\":\"\xe2\x80\x99\xf0\x9f\x98\x80\"}"_ba << QString();
        QTest::newRow("escapes") << "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}"_ba
                                 << QString();
        QTest::newRow("dup") << R"({"a":1,"a":2})"_ba << u"duplicate-member"_s;
        QTest::newRow("dup-escaped") << "{\"a\":1,\"\\u0061\":2}"_ba << u"duplicate-member"_s;
        QTest::newRow("dup-nested") << R"({"x":{"a":1,"a":1}})"_ba << u"duplicate-member"_s;
        QTest::newRow("same-key-other-objects") << R"({"x":{"a":1},"y":{"a":1}})"_ba << QString();
        QTest::newRow("escape-not-dup") << "{\"\\\\n\":1,\"\\n\":2}"_ba << QString();
        QTest::newRow("trailing-comma") << R"({"a":1,})"_ba << u"malformed"_s;
        QTest::newRow("trailing-data") << R"({"a":1} x)"_ba << u"malformed"_s;
        QTest::newRow("single-quotes") << R"({'a':1})"_ba << u"malformed"_s;
        QTest::newRow("leading-zero") << R"({"a":01})"_ba << u"malformed"_s;
        QTest::newRow("nan") << R"({"a":NaN})"_ba << u"malformed"_s;
        QTest::newRow("raw-nul") << QByteArray("{\"a\":\"x\0y\"}", 11) << u"malformed"_s;
        QTest::newRow("escaped-nul") << "{\"a\":\"x\\u0000y\"}"_ba << u"malformed"_s;
        QTest::newRow("control") << "{\"a\":\"x\ny\"}"_ba << u"malformed"_s;
        QTest::newRow("bad-utf8") << "{\"a\":\"\xc3\x28\"}"_ba << u"malformed"_s;
        QTest::newRow("overlong") << "{\"a\":\"\xc0\xaf\"}"_ba << u"malformed"_s;
        QTest::newRow("surrogate-utf8") << "{\"a\":\"\xed\xa0\x80\"}"_ba << u"malformed"_s;
        QTest::newRow("above-10ffff") << "{\"a\":\"\xf4\x90\x80\x80\"}"_ba << u"malformed"_s;
        QTest::newRow("lone-surrogate") << "{\"a\":\"\\ud800\"}"_ba << u"malformed"_s;
        QTest::newRow("lone-low-surrogate") << "{\"a\":\"\\udc00x\"}"_ba << u"malformed"_s;
        QTest::newRow("truncated") << R"({"a":)"_ba << u"malformed"_s;
        QTest::newRow("empty") << ""_ba << u"malformed"_s;
        QTest::newRow("bom") << "\xef\xbb\xbf{}"_ba << u"malformed"_s;
        QTest::newRow("deep-64") << QByteArray(63, '[').prepend("{\"a\":") + QByteArray(63, ']')
                + "}" << QString();
        QTest::newRow("deep-65") << QByteArray(64, '[').prepend("{\"a\":") + QByteArray(64, ']')
                + "}" << u"malformed"_s;
        QTest::newRow("deep-10000")
            << QByteArray(10000, '[') + QByteArray(10000, ']') << u"malformed"_s;
        QTest::newRow("deep-10000-objects")
            << QByteArray("{\"a\":").repeated(10000) << u"malformed"_s;
        // Names are compared decoded, raw UTF-8 against its \u escape too.
        QTest::newRow("dup-raw-vs-escaped-utf8")
            << "{\"\xc3\xa9\":1,\"\\u00e9\":2}"_ba << u"duplicate-member"_s;
        QTest::newRow("dup-surrogate-pair")
            << "{\"\xf0\x9f\x98\x80\":1,\"\\ud83d\\ude00\":2}"_ba << u"duplicate-member"_s;
        QTest::newRow("dup-both-escaped")
            << "{\"\\n\":1,\"\\u000a\":2}"_ba << u"duplicate-member"_s;
        // An inner object's names are its own, before and after it closes.
        QTest::newRow("names-after-inner")
            << R"({"x":{"y":1,"z":{"y":2}},"y":3,"z":4})"_ba << QString();
        QTest::newRow("dup-after-inner") << R"({"x":{"y":1},"x":2})"_ba << u"duplicate-member"_s;
        QTest::newRow("dup-in-array-object")
            << R"([{"a":1},{"a":1,"a":2}])"_ba << u"duplicate-member"_s;
        // Past 32 names an object is checked when it closes (sorted, not pairwise).
        QTest::newRow("many-names") << manyNames(5000, QByteArray()) << QString();
        QTest::newRow("many-names-dup-last")
            << manyNames(5000, "\"n17\":0") << u"duplicate-member"_s;
        QTest::newRow("many-names-dup-escaped")
            << manyNames(40, "\"\\u006e39\":0") << u"duplicate-member"_s;
        QTest::newRow("many-names-inner")
            << "{\"o\":" + manyNames(40, QByteArray()) + ",\"n1\":1}" << QString();
    }
    void strictJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        auto r = strictjson::validate(json);
        if (error.isEmpty())
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        else {
            QVERIFY(!r);
            QCOMPARE(r.error().id, error);
        }
    }
    void strictJsonObjectOnly()
    {
        QVERIFY(!strictjson::parseObject("[1]"));
        QVERIFY(!strictjson::parseObject("\"x\""));
        auto o = strictjson::parseObject(R"({"a":"b"})");
        QVERIFY(o);
        QCOMPARE(o->value(u"a"_s).toString(), u"b"_s);
    }

    void pemKinds()
    {
        ossl::PKeyPtr rsa(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
        ossl::PKeyPtr ec(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
        ossl::PKeyPtr ed(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
        QVERIFY(rsa && ec && ed);
        struct Case
        {
            EVP_PKEY *k;
            KeyKind kind;
        } cases[] = { { rsa.get(), KeyKind::Rsa }, { ec.get(), KeyKind::Ec },
            { ed.get(), KeyKind::Okp } };
        for (const Case &c : cases) {
            auto pub = pem::load(pemOf(writePub, c.k));
            QVERIFY(pub);
            QCOMPARE(pub->kind(), c.kind);
            QVERIFY(!pub->hasPrivate());
            QVERIFY(pub->usable());
            auto p8 = pem::load(pemOf(writePkcs8, c.k));
            QVERIFY(p8);
            QVERIFY(p8->hasPrivate());
            QCOMPARE(p8->thumbprint(), pub->thumbprint());
            if (c.kind != KeyKind::Okp) {
                auto trad = pem::load(pemOf(writeTraditional, c.k));
                QVERIFY(trad);
                QVERIFY(trad->hasPrivate());
                QCOMPARE(trad->thumbprint(), pub->thumbprint());
            }
        }
        auto ecKey = pem::load(pemOf(writePub, ec.get()));
        QCOMPARE(ecKey->curve(), u"P-384"_s);
        QCOMPARE(ecKey->fittingAlgs(), QStringList { u"ES384"_s });
    }

    void pemCertificateKeepsNotAfter()
    {
        ossl::PKeyPtr ec(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        ossl::X509Ptr cert(X509_new());
        QVERIFY(ec && cert);
        X509_set_version(cert.get(), 2);
        ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
        ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(1893456000)); // 2030-01-01
        X509_NAME *name = X509_get_subject_name(cert.get());
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
            reinterpret_cast<const unsigned char *>("keyhaven test"), -1, -1, 0);
        X509_set_issuer_name(cert.get(), name);
        X509_set_pubkey(cert.get(), ec.get());
        QVERIFY(X509_sign(cert.get(), ec.get(), EVP_sha256()) > 0);
        ossl::BioPtr bio(BIO_new(BIO_s_mem()));
        PEM_write_bio_X509(bio.get(), cert.get());
        char *data = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &data);
        auto k = pem::load(QByteArray(data, n));
        QVERIFY(k);
        QCOMPARE(k->kind(), KeyKind::Ec);
        QCOMPARE(k->notAfter(), QDateTime::fromSecsSinceEpoch(1893456000, Qt::UTC));
        QCOMPARE(k->source(), u"X.509 certificate"_s);
    }

    void pemGarbage_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::newRow("no-block") << "hello"_ba;
        QTest::newRow("truncated") << "-----BEGIN PUBLIC KEY-----\nMIIB\n"_ba;
        QTest::newRow("bad-base64")
            << "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n"_ba;
        QTest::newRow("unknown-label") << "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n"_ba;
        QTest::newRow("encrypted")
            << "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"_ba;
        QTest::newRow("cert-garbage")
            << "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"_ba;
    }
    void pemGarbage()
    {
        QFETCH(QByteArray, pem);
        auto k = pem::load(pem);
        QVERIFY(!k);
        QCOMPARE(k.error().kind, Error::Kind::Input);
    }

    void keyMaterialSniffing()
    {
        QVERIFY(!loadKeyMaterial("not a key"));
        auto jwks = loadKeyMaterial(
            R"({"keys":[{"kty":"oct","k":"AAAA","kid":"a"},{"kty":"oct","k":"AAAB","kid":"a"}]})");
        QVERIFY(jwks);
        QVERIFY(jwks->isSet);
        QVERIFY(hasFinding(jwks->findings, u"ambiguous-key"_s));
        QVERIFY(!loadKeyMaterial(R"({"kty":"oct","k":"AAAA","k":"AAAB"})"));
    }

    void rocaFingerprint()
    {
        // By the fingerprint's definition, 65537^k mod (the product of the 38 primes) matches it,
        // and a neighbour of it does not; a freshly generated key does not either.
        ossl::BnCtxPtr ctx(BN_CTX_new());
        ossl::BnPtr m(BN_new()), g(BN_new()), e(BN_new()), r(BN_new());
        BN_one(m.get());
        for (unsigned p : { 3u, 5u, 7u, 11u, 13u, 17u, 19u, 23u, 29u, 31u, 37u, 41u, 43u, 47u, 53u,
                 59u, 61u, 67u, 71u, 73u, 79u, 83u, 89u, 97u, 101u, 103u, 107u, 109u, 113u, 127u,
                 131u, 137u, 139u, 149u, 151u, 157u, 163u, 167u })
            BN_mul_word(m.get(), p);
        BN_set_word(g.get(), 65537);
        BN_set_word(e.get(), 123456789);
        BN_mod_exp(r.get(), g.get(), e.get(), m.get(), ctx.get());
        QVERIFY(hasRocaFingerprint(r.get()));
        BN_add_word(r.get(), 2);
        QVERIFY(!hasRocaFingerprint(r.get()));
        ossl::PKeyPtr rsa(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
        BIGNUM *n = nullptr;
        QVERIFY(EVP_PKEY_get_bn_param(rsa.get(), "n", &n) == 1);
        QVERIFY(!hasRocaFingerprint(n));
        BN_free(n);
    }

    void findingCatalogue()
    {
        const QStringList expected { u"malformed"_s, u"alg-none"_s, u"alg-not-allowed"_s,
            u"alg-key-mismatch"_s, u"signature-invalid"_s, u"signature-format"_s, u"expired"_s,
            u"not-yet-valid"_s, u"iat-in-future"_s, u"missing-exp"_s, u"long-lifetime"_s,
            u"issuer-mismatch"_s, u"audience-mismatch"_s, u"embedded-jwk"_s, u"jku-header"_s,
            u"x5u-header"_s, u"crit-unsupported"_s, u"b64-unencoded"_s, u"weak-hmac-key"_s,
            u"weak-rsa-key"_s, u"duplicate-member"_s, u"kid-unknown"_s, u"nonce-mismatch"_s,
            u"x5c-header"_s, u"key-use-mismatch"_s, u"invalid-key"_s, u"ambiguous-key"_s,
            u"typ-mismatch"_s, u"claim-type"_s,
            u"at-hash-mismatch"_s /* OpenID Connect ID tokens (oauth/idtokenvalidator) */ };
        QCOMPARE(findingIds(), expected);
        for (const QString &id : expected)
            QVERIFY(!findingRationale(id).isEmpty());
        const Finding f = Finding::error(u"expired"_s, u"The token expired"_s);
        QVERIFY(f.message.startsWith(u"The token expired. "_s));
        QCOMPARE(f.toJson().value(u"severity"_s).toString(), u"error"_s);
    }
};

QObject *makeTestParsers() { return new TestParsers; }

#include "tst_parsers.moc"
