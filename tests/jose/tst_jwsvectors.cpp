// tests/jose/tst_jwsvectors.cpp — Wycheproof JWS/JWK, the JOSE cookbook (RFC 7520) and the RFC
// 7515 / 8037 / 7636 / 7638 examples, through the full verifier.
#include "jose/algorithm.h"
#include "jose/base64url.h"
#include "jose/jwk.h"
#include "jose/jwssigner.h"
#include "jose/jwsverifier.h"
#include "jose/pem.h"
#include "jose/pkce.h"
#include "testsupport.h"
#include "vectors.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::jose;

namespace {

// json_web_signature_test.json labels that do not hold (testdata README): the strict result is
// asserted instead of the label.
const QHash<int, QString> kStrictOverrides {
    { 346, u"invalid"_s },
    { 347, u"invalid"_s },
    { 350, u"invalid"_s },
    { 351, u"invalid"_s },
    { 372, u"invalid"_s },
    { 373, u"invalid"_s },
    { 367, u"valid"_s },
    { 370, u"valid"_s },
};

// json_web_key_test.json policy cases and the finding that must explain them.
const QHash<int, QString> kKeyPolicy {
    { 1, u"ambiguous-key"_s },
    { 4, u"ambiguous-key"_s },
    { 6, u"key-use-mismatch"_s },
    { 7, u"weak-rsa-key"_s },
    { 8, u"weak-rsa-key"_s },
    { 9, u"invalid-key"_s },
    { 10, u"weak-hmac-key"_s },
    { 11, u"weak-hmac-key"_s },
    { 12, u"weak-hmac-key"_s },
    { 16, u"invalid-key"_s },
    { 17, u"invalid-key"_s },
    { 18, u"invalid-key"_s },
    { 19, u"invalid-key"_s },
    { 20, u"invalid-key"_s },
    { 21, u"key-use-mismatch"_s },
    { 22, u"invalid-key"_s },
    { 23, u"invalid-key"_s },
    { 24, u"invalid-key"_s },
    { 25, u"alg-key-mismatch"_s },
    { 26, u"alg-key-mismatch"_s },
};

QString ids(const Findings &fs)
{
    QStringList l;
    for (const Finding &f : fs)
        l << f.id + u"("_s + f.severityName() + u")"_s;
    return l.join(u", "_s);
}

VerifyOptions jwsOptions(KeySet keys)
{
    VerifyOptions o;
    o.keys = std::move(keys);
    o.jwt = false; // these payloads are arbitrary bytes ("foo"), not claims
    return o;
}

} // namespace

class TestJwsVectors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonWebSignature_data()
    {
        QTest::addColumn<QByteArray>("jws");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("expected");
        bool ok = false;
        const QJsonObject doc =
            test::loadVectorFile(u"wycheproof/json_web_signature_test.json"_s, &ok);
        QVERIFY(ok);
        int count = 0, overridden = 0;
        for (const QJsonValue &gv : doc.value(u"testGroups"_s).toArray()) {
            const QJsonObject g = gv.toObject();
            const QJsonObject key = g.contains(u"public"_s) ? g.value(u"public"_s).toObject()
                                                            : g.value(u"private"_s).toObject();
            for (const QJsonValue &tv : g.value(u"tests"_s).toArray()) {
                const QJsonObject t = tv.toObject();
                const int id = t.value(u"tcId"_s).toInt();
                QString expected = t.value(u"result"_s).toString();
                if (kStrictOverrides.contains(id)) {
                    QVERIFY(expected != kStrictOverrides.value(id));
                    expected = kStrictOverrides.value(id);
                    ++overridden;
                }
                QTest::addRow("tcId-%d", id)
                    << t.value(u"jws"_s).toString().toUtf8() << test::jsonBytes(key) << expected;
                ++count;
            }
        }
        QCOMPARE(count, doc.value(u"numberOfTests"_s).toInt());
        QCOMPARE(overridden, 8);
        qInfo(
            "json_web_signature_test.json: %d vectors; %d wrong labels asserted with their strict "
            "result (346 347 350 351 372 373 invalid, 367 370 valid)",
            count, overridden);
    }

    void jsonWebSignature()
    {
        QFETCH(QByteArray, jws);
        QFETCH(QByteArray, key);
        QFETCH(QString, expected);
        auto keys = parseJwkOrJwks(key);
        QVERIFY(keys);
        auto r = verify(jws, jwsOptions(*keys));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        if (expected == u"valid"_s)
            QVERIFY2(r->valid, qPrintable(ids(r->findings)));
        else if (expected == u"invalid"_s)
            QVERIFY2(!r->valid && hasError(r->findings), qPrintable(ids(r->findings)));
    }

    void jsonWebKey_data()
    {
        QTest::addColumn<QByteArray>("jws");
        QTest::addColumn<QByteArray>("keys");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("finding");
        bool ok = false;
        const QJsonObject doc = test::loadVectorFile(u"wycheproof/json_web_key_test.json"_s, &ok);
        QVERIFY(ok);
        int count = 0;
        for (const QJsonValue &gv : doc.value(u"testGroups"_s).toArray()) {
            const QJsonObject g = gv.toObject();
            const QJsonObject keys = g.contains(u"public"_s) ? g.value(u"public"_s).toObject()
                                                             : g.value(u"private"_s).toObject();
            for (const QJsonValue &tv : g.value(u"tests"_s).toArray()) {
                const QJsonObject t = tv.toObject();
                const int id = t.value(u"tcId"_s).toInt();
                QTest::addRow("tcId-%d", id)
                    << t.value(u"jws"_s).toString().toUtf8() << test::jsonBytes(keys)
                    << t.value(u"result"_s).toString() << kKeyPolicy.value(id);
                ++count;
            }
        }
        QCOMPARE(count, doc.value(u"numberOfTests"_s).toInt());
        qInfo("json_web_key_test.json: %d vectors (weak keys are errors: tcId 7 by the ROCA "
              "fingerprint test, 8 by size, 10-12 and 16-18 as weak/empty HMAC keys)",
            count);
    }

    void jsonWebKey()
    {
        QFETCH(QByteArray, jws);
        QFETCH(QByteArray, keys);
        QFETCH(QString, expected);
        QFETCH(QString, finding);
        auto set = parseJwkOrJwks(keys);
        QVERIFY(set);
        auto r = verify(jws, jwsOptions(*set));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        if (expected == u"valid"_s)
            QVERIFY2(r->valid, qPrintable(ids(r->findings)));
        else
            QVERIFY2(!r->valid, qPrintable(ids(r->findings)));
        if (!finding.isEmpty())
            QVERIFY2(hasFinding(r->findings, finding), qPrintable(ids(r->findings)));
    }

    void cookbook_data()
    {
        QTest::addColumn<QString>("file");
        const char *files[] = { "jws/4_1.rsa_v15_signature.json", "jws/4_2.rsa-pss_signature.json",
            "jws/4_3.ecdsa_signature.json", "jws/4_4.hmac-sha2_integrity_protection.json",
            "jws/4_5.signature_with_detached_content.json",
            "jws/4_6.protecting_specific_header_fields.json",
            "jws/4_7.protecting_content_only.json", "jws/4_8.multiple_signatures.json",
            "curve25519/jws.json" };
        for (const char *f : files)
            QTest::newRow(f) << QString::fromLatin1(f);
        qInfo("jose-cookbook: %d files (compact for 4_1-4_5 and curve25519; json and json_flat "
              "signatures for all)",
            int(std::size(files)));
    }

    void cookbook()
    {
        QFETCH(QString, file);
        bool ok = false;
        const QJsonObject doc = test::loadVectorFile(u"jose-cookbook/"_s + file, &ok);
        QVERIFY(ok);
        const QJsonObject input = doc.value(u"input"_s).toObject();
        const QByteArray payload = input.value(u"payload"_s).toString().toUtf8();
        QList<Key> keys;
        const QJsonValue keyValue = input.value(u"key"_s);
        if (keyValue.isArray()) {
            for (const QJsonValue &k : keyValue.toArray())
                keys << Key::fromJwk(k.toObject());
        } else {
            keys << Key::fromJwk(keyValue.toObject());
        }
        for (const Key &k : keys)
            QVERIFY2(k.usable(), qPrintable(ids(k.problems())));
        const QJsonObject output = doc.value(u"output"_s).toObject();
        int checked = 0;
        if (output.contains(u"compact"_s)) {
            VerifyOptions o = jwsOptions(KeySet { keys, {}, false });
            o.detachedPayload = payload;
            o.hasDetachedPayload = true;
            auto r = verify(output.value(u"compact"_s).toString().toUtf8(), o);
            QVERIFY(r);
            QVERIFY2(r->valid, qPrintable(ids(r->findings)));
            ++checked;
        }
        // JSON serializations: each signature through the same primitive.
        for (const QString &form : { u"json"_s, u"json_flat"_s }) {
            if (!output.contains(form))
                continue;
            const QJsonObject j = output.value(form).toObject();
            const QByteArray payloadB64 = j.contains(u"payload"_s)
                ? j.value(u"payload"_s).toString().toLatin1()
                : base64url::encode(payload);
            QJsonArray sigs = j.value(u"signatures"_s).toArray();
            if (sigs.isEmpty())
                sigs.append(j);
            for (const QJsonValue &sv : sigs) {
                const QJsonObject s = sv.toObject();
                const QByteArray prot = s.value(u"protected"_s).toString().toLatin1();
                QJsonObject header = s.value(u"header"_s).toObject();
                if (!prot.isEmpty()) {
                    const auto decoded = base64url::decode(prot);
                    QVERIFY(decoded);
                    const QJsonObject p = QJsonDocument::fromJson(*decoded).object();
                    for (auto it = p.begin(); it != p.end(); ++it)
                        header.insert(it.key(), it.value());
                }
                const Algorithm *alg = findAlgorithm(header.value(u"alg"_s).toString());
                QVERIFY(alg);
                const auto sig = base64url::decode(s.value(u"signature"_s).toString().toLatin1());
                QVERIFY(sig);
                const QByteArray input = prot + '.' + payloadB64;
                bool verified = false;
                for (const Key &k : keys) {
                    if (!k.fits(*alg))
                        continue;
                    auto c = verifySignature(*alg, k, input, *sig);
                    QVERIFY(c);
                    verified = verified || *c == SigCheck::Valid;
                }
                QVERIFY2(verified, qPrintable(form));
                ++checked;
            }
        }
        QVERIFY(checked > 0);
        // Reproducible signatures (RSA PKCS#1 v1.5, HMAC, Ed25519) come out byte for byte.
        if (doc.value(u"reproducible"_s).toBool() && keys.size() == 1
            && output.contains(u"compact"_s)) {
            const QJsonObject signing = doc.value(u"signing"_s).toObject();
            const Algorithm *alg = findAlgorithm(input.value(u"alg"_s).toString());
            QVERIFY(alg);
            auto sig = createSignature(
                *alg, keys.first(), signing.value(u"sig-input"_s).toString().toLatin1());
            QVERIFY(sig);
            QCOMPARE(base64url::encode(*sig), signing.value(u"sig"_s).toString().toLatin1());
        }
    }

    void rfc7515()
    {
        bool ok = false;
        const QJsonObject doc = test::loadVectorFile(u"rfc/rfc7515_appendix_a.json"_s, &ok);
        QVERIFY(ok);
        int count = 0;
        for (const QJsonValue &ev : doc.value(u"examples"_s).toArray()) {
            const QJsonObject e = ev.toObject();
            const QByteArray compact = e.value(u"compact"_s).toString().toLatin1();
            const bool expectValid = e.value(u"expected_result"_s).toString() == u"valid"_s;
            const QString source = e.value(u"source"_s).toString();
            KeySet keys { { Key::fromJwk(e.value(u"jwk"_s).toObject()) }, {}, false };
            auto r = verify(compact, jwsOptions(keys));
            QVERIFY(r);
            QVERIFY2(r->valid == expectValid, qPrintable(source + u": "_s + ids(r->findings)));
            if (!expectValid)
                QVERIFY(hasFinding(r->findings, u"alg-none"_s));
            if (e.contains(u"public_key_pem"_s)) {
                auto k = pem::load(e.value(u"public_key_pem"_s).toString().toLatin1());
                QVERIFY(k);
                auto viaPem = verify(compact, jwsOptions(KeySet { { *k }, {}, false }));
                QVERIFY(viaPem);
                QCOMPARE(viaPem->valid, expectValid);
            }
            if (e.contains(u"secret_hex"_s)) {
                KeySet s { { Key::fromSecret(SecretBytes(test::hex(e.value(u"secret_hex"_s)))) },
                    {}, false };
                auto viaSecret = verify(compact, jwsOptions(s));
                QVERIFY(viaSecret);
                QVERIFY(viaSecret->valid);
            }
            // As a JWT (A.1-A.3 carry claims): valid at the RFC's own time, expired now.
            if (expectValid && e.contains(u"claims"_s)) {
                VerifyOptions o;
                o.keys = keys;
                o.clock = Clock::fixedEpoch(1300819380 - 3600);
                auto then = verify(compact, o);
                QVERIFY(then);
                QVERIFY2(then->valid, qPrintable(ids(then->findings)));
                o.clock = Clock::system();
                auto now = verify(compact, o);
                QVERIFY(now);
                QVERIFY(!now->valid);
                QVERIFY(hasFinding(now->findings, u"expired"_s));
            }
            // A.2 (RS256) re-signs byte for byte.
            if (e.contains(u"private_jwk"_s) && e.value(u"alg"_s).toString() == u"RS256"_s) {
                const Key priv = Key::fromJwk(e.value(u"private_jwk"_s).toObject());
                auto sig = createSignature(*findAlgorithm(u"RS256"), priv,
                    QByteArray(e.value(u"protected_header_b64u"_s).toString().toLatin1() + '.'
                        + e.value(u"payload_b64u"_s).toString().toLatin1()));
                QVERIFY(sig);
                QCOMPARE(
                    base64url::encode(*sig), e.value(u"signature_b64u"_s).toString().toLatin1());
            }
            ++count;
        }
        QCOMPARE(count, 5);
        qInfo("rfc7515_appendix_a.json: %d examples", count);
    }

    void rfc8037()
    {
        bool ok = false;
        const QJsonObject doc = test::loadVectorFile(u"rfc/rfc8037_ed25519.json"_s, &ok);
        QVERIFY(ok);
        const Key pub = Key::fromJwk(doc.value(u"public_jwk"_s).toObject());
        const Key priv = Key::fromJwk(doc.value(u"private_jwk"_s).toObject());
        QVERIFY(pub.usable());
        QVERIFY(priv.usable() && priv.hasPrivate());
        const QJsonObject tp = doc.value(u"thumbprint"_s).toObject();
        QCOMPARE(pub.thumbprintInput(), tp.value(u"canonical_json"_s).toString().toUtf8());
        QCOMPARE(pub.thumbprint(), tp.value(u"sha256_b64u"_s).toString());
        QCOMPARE(priv.thumbprint(), pub.thumbprint());
        const QJsonObject jws = doc.value(u"jws"_s).toObject();
        const QByteArray compact = jws.value(u"compact"_s).toString().toLatin1();
        auto r = verify(compact, jwsOptions(KeySet { { pub }, {}, false }));
        QVERIFY(r);
        QVERIFY2(r->valid, qPrintable(ids(r->findings)));
        auto viaPem = pem::load(doc.value(u"public_key_pem"_s).toString().toLatin1());
        QVERIFY(viaPem);
        QCOMPARE(viaPem->thumbprint(), pub.thumbprint());
        auto sig = createSignature(
            *findAlgorithm(u"EdDSA"), priv, jws.value(u"signing_input"_s).toString().toLatin1());
        QVERIFY(sig);
        QCOMPARE(base64url::encode(*sig), jws.value(u"signature_b64u"_s).toString().toLatin1());
        qInfo("rfc8037_ed25519.json: thumbprint, verify, PEM and reproducible signature checked");
    }

    void rfc7638()
    {
        bool ok = false;
        const QJsonObject doc = test::loadVectorFile(u"rfc/rfc7638_thumbprint.json"_s, &ok);
        QVERIFY(ok);
        const Key k = Key::fromJwk(doc.value(u"jwk"_s).toObject());
        QVERIFY(k.usable());
        QCOMPARE(k.thumbprintInput(), doc.value(u"canonical_json"_s).toString().toUtf8());
        QCOMPARE(k.thumbprint(), doc.value(u"thumbprint_b64u"_s).toString());
        QByteArray octets;
        for (const QJsonValue &v : doc.value(u"sha256_octets"_s).toArray())
            octets.append(char(v.toInt()));
        QCOMPARE(base64url::decode(k.thumbprint().toLatin1()).value_or(QByteArray()), octets);
        qInfo("rfc7638_thumbprint.json: RSA thumbprint checked");
    }

    void rfc7636_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("challenge");
        bool ok = false;
        const QJsonObject doc = test::loadVectorFile(u"rfc/rfc7636_pkce.json"_s, &ok);
        QVERIFY(ok);
        const QJsonObject ex = doc.value(u"example"_s).toObject();
        QByteArray octets;
        for (const QJsonValue &v : ex.value(u"verifier_octets"_s).toArray())
            octets.append(char(v.toInt()));
        QCOMPARE(base64url::encode(octets), ex.value(u"code_verifier"_s).toString().toLatin1());
        QTest::newRow("appendix-B") << ex.value(u"code_verifier"_s).toString().toLatin1() << true
                                    << ex.value(u"code_challenge"_s).toString().toLatin1();
        int n = 1;
        for (const QJsonValue &cv :
            doc.value(u"derived_cases"_s).toObject().value(u"cases"_s).toArray()) {
            const QJsonObject c = cv.toObject();
            QTest::addRow("derived-%d", n++)
                << c.value(u"code_verifier"_s).toString().toUtf8()
                << c.value(u"valid_verifier"_s).toBool()
                << c.value(u"code_challenge_S256"_s).toString().toLatin1();
        }
        qInfo("rfc7636_pkce.json: %d cases (Appendix B + derived)", n);
    }

    void rfc7636()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        QFETCH(QByteArray, challenge);
        QCOMPARE(bool(pkce::validateVerifier(verifier)), valid);
        if (!challenge.isEmpty())
            QCOMPARE(pkce::challengeS256(verifier), challenge);
    }

    void pkceGenerated()
    {
        for (int len : { 43, 64, 100, 128 }) {
            auto v = pkce::generateVerifier(len);
            QVERIFY(v);
            QCOMPARE(v->size(), len);
            QVERIFY(pkce::validateVerifier(*v));
        }
        QVERIFY(!pkce::generateVerifier(42));
        QVERIFY(!pkce::generateVerifier(129));
        QVERIFY(*pkce::generateVerifier() != *pkce::generateVerifier());
    }
};

QObject *makeTestJwsVectors() { return new TestJwsVectors; }

#include "tst_jwsvectors.moc"
