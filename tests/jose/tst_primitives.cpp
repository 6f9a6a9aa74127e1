// tests/jose/tst_primitives.cpp — Wycheproof signature/MAC primitive vectors, read in place.
#include "jose/algorithm.h"
#include "jose/jwk.h"
#include "jose/pem.h"
#include "testsupport.h"
#include "vectors.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::jose;

namespace {

struct SigFile
{
    const char *file;
    const char *alg;
};

const SigFile kSignatureFiles[] = {
    { "ecdsa_secp256r1_sha256_p1363_test.json", "ES256" },
    { "ecdsa_secp384r1_sha384_p1363_test.json", "ES384" },
    { "ecdsa_secp521r1_sha512_p1363_test.json", "ES512" },
    { "ed25519_test.json", "EdDSA" },
    { "rsa_signature_2048_sha256_test.json", "RS256" },
    { "rsa_signature_3072_sha384_test.json", "RS384" },
    { "rsa_signature_4096_sha512_test.json", "RS512" },
    { "rsa_pss_2048_sha256_mgf1_32_test.json", "PS256" },
    { "rsa_pss_3072_sha256_mgf1_32_test.json", "PS256" },
    { "rsa_pss_2048_sha384_mgf1_48_test.json", "PS384" },
    { "rsa_pss_4096_sha512_mgf1_64_test.json", "PS512" },
};

const SigFile kMacFiles[] = {
    { "hmac_sha256_test.json", "HS256" },
    { "hmac_sha384_test.json", "HS384" },
    { "hmac_sha512_test.json", "HS512" },
};

} // namespace

class TestPrimitives : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vectorFilesPresent()
    {
        for (const SigFile &f : kSignatureFiles)
            QVERIFY2(
                QFile::exists(test::testdataPath(u"wycheproof/"_s + QLatin1StringView(f.file))),
                f.file);
        for (const SigFile &f : kMacFiles)
            QVERIFY2(
                QFile::exists(test::testdataPath(u"wycheproof/"_s + QLatin1StringView(f.file))),
                f.file);
    }

    void signature_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QByteArray>("keyJwk");
        QTest::addColumn<QByteArray>("keyPem");
        QTest::addColumn<QByteArray>("msg");
        QTest::addColumn<QByteArray>("sig");
        QTest::addColumn<QString>("result");
        int total = 0;
        for (const SigFile &f : kSignatureFiles) {
            bool ok = false;
            const QJsonObject doc =
                test::loadVectorFile(u"wycheproof/"_s + QLatin1StringView(f.file), &ok);
            QVERIFY2(ok, f.file);
            int count = 0;
            for (const QJsonValue &gv : doc.value(u"testGroups"_s).toArray()) {
                const QJsonObject g = gv.toObject();
                // RSA PKCS#1 files keep the JWK under "keyJwk" (README: testdata shapes).
                QJsonObject jwk = g.value(u"publicKeyJwk"_s).toObject();
                if (jwk.isEmpty())
                    jwk = g.value(u"keyJwk"_s).toObject();
                const QByteArray jwkBytes = jwk.isEmpty() ? QByteArray() : test::jsonBytes(jwk);
                const QByteArray pem = g.value(u"publicKeyPem"_s).toString().toLatin1();
                for (const QJsonValue &tv : g.value(u"tests"_s).toArray()) {
                    const QJsonObject t = tv.toObject();
                    QTest::addRow("%s-%d", f.file, t.value(u"tcId"_s).toInt())
                        << QString::fromLatin1(f.alg) << jwkBytes << pem
                        << test::hex(t.value(u"msg"_s)) << test::hex(t.value(u"sig"_s))
                        << t.value(u"result"_s).toString();
                    ++count;
                }
            }
            QCOMPARE(count, doc.value(u"numberOfTests"_s).toInt());
            qInfo("%s: %d vectors", f.file, count);
            total += count;
        }
        qInfo("signature primitive vectors: %d", total);
    }

    void signature()
    {
        QFETCH(QString, alg);
        QFETCH(QByteArray, keyJwk);
        QFETCH(QByteArray, keyPem);
        QFETCH(QByteArray, msg);
        QFETCH(QByteArray, sig);
        QFETCH(QString, result);
        const Algorithm *a = findAlgorithm(alg);
        QVERIFY(a);
        Key key;
        if (!keyJwk.isEmpty()) {
            auto set = parseJwkOrJwks(keyJwk);
            QVERIFY(set);
            key = set->keys.first();
            // The same key through PEM must agree (both import paths are exercised).
            auto viaPem = pem::load(keyPem);
            QVERIFY(viaPem);
            QCOMPARE(viaPem->thumbprint(), key.thumbprint());
        } else {
            auto k = pem::load(keyPem);
            QVERIFY2(k, qPrintable(k ? QString() : k.error().message));
            key = *k;
        }
        QVERIFY2(key.pkey(),
            qPrintable(key.problems().isEmpty() ? QString() : key.problems().first().message));
        auto check = verifySignature(*a, key, msg, sig);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().message));
        const bool valid = *check == SigCheck::Valid;
        if (result == u"valid"_s)
            QVERIFY(valid);
        else if (result == u"invalid"_s)
            QVERIFY(!valid);
        // "acceptable" may go either way (MissingNull DigestInfo).
    }

    void mac_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("msg");
        QTest::addColumn<QByteArray>("tag");
        QTest::addColumn<int>("tagBytes");
        QTest::addColumn<QString>("result");
        for (const SigFile &f : kMacFiles) {
            bool ok = false;
            const QJsonObject doc =
                test::loadVectorFile(u"wycheproof/"_s + QLatin1StringView(f.file), &ok);
            QVERIFY2(ok, f.file);
            int count = 0;
            for (const QJsonValue &gv : doc.value(u"testGroups"_s).toArray()) {
                const QJsonObject g = gv.toObject();
                const int tagBytes = g.value(u"tagSize"_s).toInt() / 8;
                for (const QJsonValue &tv : g.value(u"tests"_s).toArray()) {
                    const QJsonObject t = tv.toObject();
                    QTest::addRow("%s-%d", f.file, t.value(u"tcId"_s).toInt())
                        << QString::fromLatin1(f.alg) << test::hex(t.value(u"key"_s))
                        << test::hex(t.value(u"msg"_s)) << test::hex(t.value(u"tag"_s)) << tagBytes
                        << t.value(u"result"_s).toString();
                    ++count;
                }
            }
            QCOMPARE(count, doc.value(u"numberOfTests"_s).toInt());
            qInfo("%s: %d vectors", f.file, count);
        }
    }

    void mac()
    {
        QFETCH(QString, alg);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, msg);
        QFETCH(QByteArray, tag);
        QFETCH(int, tagBytes);
        QFETCH(QString, result);
        const Algorithm *a = findAlgorithm(alg);
        QVERIFY(a);
        // The primitive: keys shorter than the hash are valid here (the JWS layer refuses them as
        // weak-hmac-key), and truncated tags compare the first tagSize/8 bytes.
        auto full = hmac(*a, key, msg);
        QVERIFY(full);
        const bool same = tag.size() == tagBytes && full->left(tagBytes) == tag;
        // The keyed, cached path of Key::mac must give the same MAC.
        if (!key.isEmpty()) {
            const Key k = Key::fromSecret(SecretBytes(QByteArray(key)));
            auto viaKey = k.mac(*a, msg);
            QVERIFY(viaKey);
            QCOMPARE(*viaKey, *full);
        }
        if (result == u"valid"_s)
            QVERIFY(same);
        else if (result == u"invalid"_s)
            QVERIFY(!same);
    }
};

QObject *makeTestPrimitives() { return new TestPrimitives; }

#include "tst_primitives.moc"
