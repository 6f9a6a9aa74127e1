// tests/jose/tst_attacks.cpp — a table of known attacks on JWT verifiers, each expecting a named
// finding (RFC 8725 §2), plus resource exhaustion and "jku is never fetched".
#include "jose/algorithm.h"
#include "jose/base64url.h"
#include "jose/jwk.h"
#include "jose/jwssigner.h"
#include "jose/jwsverifier.h"
#include "jose/pem.h"
#include "testsupport.h"
#include "vectors.h"

#include <QTcpServer>
#include <QTest>

#include <openssl/ec.h>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::jose;

namespace {

enum KeyChoice { RsaPub, EcPub, Hmac, Jwks };

struct Fixture
{
    Key rsaPriv, rsaPub, ecPriv, ecPub, attackerEc, hmac;
    QByteArray rsaPubPem;
    KeySet jwks;
};

Fixture &fx()
{
    static Fixture f;
    return f;
}

QByteArray b64(const QByteArray &v) { return base64url::encode(v); }

// A token over exactly these header and payload bytes (duplicates and oddities preserved).
QByteArray makeToken(
    const QByteArray &header, const QByteArray &payload, const Key &key, const QString &alg)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    auto sig = createSignature(*findAlgorithm(alg), key, input);
    if (!sig)
        qFatal("cannot sign: %s", qPrintable(sig.error().message));
    return input + '.' + b64(*sig);
}

QByteArray derOf(const QByteArray &raw)
{
    const int half = int(raw.size() / 2);
    ossl::EcdsaSigPtr s(ECDSA_SIG_new());
    ECDSA_SIG_set0(s.get(),
        BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()), half, nullptr),
        BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()) + half, half, nullptr));
    const int len = i2d_ECDSA_SIG(s.get(), nullptr);
    QByteArray der(len, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(der.data());
    i2d_ECDSA_SIG(s.get(), &p);
    return der;
}

KeySet keysFor(int choice)
{
    switch (choice) {
    case RsaPub:
        return KeySet { { fx().rsaPub }, {}, false };
    case EcPub:
        return KeySet { { fx().ecPub }, {}, false };
    case Hmac:
        return KeySet { { fx().hmac }, {}, false };
    default:
        return fx().jwks;
    }
}

QString ids(const Findings &fs)
{
    QStringList l;
    for (const Finding &f : fs)
        l << f.id;
    return l.join(u", "_s);
}

const QByteArray kClaims = "{\"sub\":\"alice\",\"iat\":1700000000,\"exp\":1700003600}"_ba;
const qint64 kNow = 1700000100;

} // namespace

class TestAttacks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        bool ok = false;
        const QJsonObject a = test::loadVectorFile(u"rfc/rfc7515_appendix_a.json"_s, &ok);
        QVERIFY(ok);
        const QJsonArray ex = a.value(u"examples"_s).toArray();
        const QJsonObject rs = ex.at(1).toObject();
        const QJsonObject es = ex.at(2).toObject();
        QCOMPARE(rs.value(u"alg"_s).toString(), u"RS256"_s);
        QCOMPARE(es.value(u"alg"_s).toString(), u"ES256"_s);
        fx().rsaPriv = Key::fromJwk(rs.value(u"private_jwk"_s).toObject());
        fx().rsaPubPem = rs.value(u"public_key_pem"_s).toString().toLatin1();
        auto pub = pem::load(fx().rsaPubPem);
        QVERIFY(pub);
        fx().rsaPub = *pub;
        fx().ecPriv = Key::fromJwk(es.value(u"private_jwk"_s).toObject());
        fx().ecPub = Key::fromJwk(es.value(u"jwk"_s).toObject());
        QVERIFY(fx().rsaPriv.hasPrivate() && fx().ecPriv.hasPrivate());
        QVERIFY(fx().rsaPub.usable() && fx().ecPub.usable());
        ossl::PKeyPtr attacker(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        fx().attackerEc = Key::fromPKey(std::move(attacker), u"attacker"_s);
        fx().hmac = Key::fromSecret(SecretBytes(QByteArray(32, 'k')));
        auto set = parseJwkOrJwks(QByteArray("{\"keys\":["
            + test::jsonBytes(es.value(u"jwk"_s).toObject()).chopped(1) + ",\"kid\":\"ec1\"},"
            + test::jsonBytes(rs.value(u"jwk"_s).toObject()).chopped(1) + ",\"kid\":\"rsa1\"}]}"));
        QVERIFY(set);
        fx().jwks = *set;
    }

    void attack_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("keys");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<QString>("finding");
        QTest::addColumn<bool>("valid");
        const Fixture &f = fx();
        const QByteArray payload = b64(kClaims);
        int n = 0;
        auto row = [&](const char *name, const QByteArray &token, int keys, const QString &finding,
                       bool valid = false, const QStringList &allowed = {}) {
            QTest::newRow(name) << token << keys << allowed << finding << valid;
            ++n;
        };

        // Baselines: the same machinery accepts honest tokens.
        row("baseline-rs256", makeToken("{\"alg\":\"RS256\"}", kClaims, f.rsaPriv, u"RS256"_s),
            RsaPub, {}, true);
        row("baseline-ps256", makeToken("{\"alg\":\"PS256\"}", kClaims, f.rsaPriv, u"PS256"_s),
            RsaPub, {}, true);
        row("baseline-es256", makeToken("{\"alg\":\"ES256\"}", kClaims, f.ecPriv, u"ES256"_s),
            EcPub, {}, true);
        row("baseline-hs256", makeToken("{\"alg\":\"HS256\"}", kClaims, f.hmac, u"HS256"_s), Hmac,
            {}, true);
        row("baseline-jwks-kid",
            makeToken("{\"alg\":\"ES256\",\"kid\":\"ec1\"}", kClaims, f.ecPriv, u"ES256"_s), Jwks,
            {}, true);

        // alg none in every spelling, with and without a signature, against every key type.
        const QByteArray hsSig = *createSignature(*findAlgorithm(u"HS256"), f.hmac, "x");
        for (const char *spelling : { "none", "None", "NONE", "nOnE" }) {
            const QByteArray h = b64(QByteArray("{\"alg\":\"") + spelling + "\"}");
            for (int k : { RsaPub, EcPub, Hmac, Jwks }) {
                QTest::addRow("none-%s-unsigned-key%d", spelling, k)
                    << h + '.' + payload + '.' << k << QStringList() << u"alg-none"_s << false;
                QTest::addRow("none-%s-signed-key%d", spelling, k)
                    << h + '.' + payload + '.' + b64(hsSig) << k << QStringList() << u"alg-none"_s
                    << false;
                n += 2;
            }
            QTest::addRow("none-%s-allowed-explicitly", spelling)
                << h + '.' + payload + '.' << int(Hmac)
                << QStringList { QString::fromLatin1(spelling) } << u"alg-none"_s << false;
            ++n;
        }
        row("none-without-trailing-dot", b64("{\"alg\":\"none\"}") + '.' + payload, Hmac,
            u"malformed"_s);

        // HS/RS confusion: the RSA public key PEM bytes used as the HMAC secret.
        const Key pemAsSecret = Key::fromSecret(SecretBytes(QByteArray(f.rsaPubPem)));
        const QByteArray confused =
            makeToken("{\"alg\":\"HS256\"}", kClaims, pemAsSecret, u"HS256"_s);
        row("hs-rs-confusion", confused, RsaPub, u"alg-not-allowed"_s);
        row("hs-rs-confusion-alg-listed", confused, RsaPub, u"alg-key-mismatch"_s, false,
            { u"RS256"_s, u"HS256"_s });
        row("hs-rs-confusion-jwks",
            makeToken("{\"alg\":\"HS256\",\"kid\":\"rsa1\"}", kClaims, pemAsSecret, u"HS256"_s),
            Jwks, u"alg-not-allowed"_s);
        row("rs-with-hmac-key", makeToken("{\"alg\":\"RS256\"}", kClaims, f.rsaPriv, u"RS256"_s),
            Hmac, u"alg-not-allowed"_s);
        row("es256-on-rsa-key", makeToken("{\"alg\":\"ES256\"}", kClaims, f.ecPriv, u"ES256"_s),
            RsaPub, u"alg-not-allowed"_s);
        row("alg-not-in-list", makeToken("{\"alg\":\"RS256\"}", kClaims, f.rsaPriv, u"RS256"_s),
            RsaPub, u"alg-not-allowed"_s, false, { u"PS256"_s });
        row("unknown-alg", b64("{\"alg\":\"HS1\"}") + '.' + payload + '.' + b64(hsSig), Hmac,
            u"alg-not-allowed"_s);

        // ECDSA signature encodings.
        const QByteArray esToken = makeToken("{\"alg\":\"ES256\"}", kClaims, f.ecPriv, u"ES256"_s);
        const QByteArray esInput = esToken.left(esToken.lastIndexOf('.'));
        const QByteArray esRaw = *base64url::decode(esToken.mid(esToken.lastIndexOf('.') + 1));
        row("ecdsa-der-signature", esInput + '.' + b64(derOf(esRaw)), EcPub, u"signature-format"_s);
        row("ecdsa-short", esInput + '.' + b64(esRaw.left(63)), EcPub, u"signature-format"_s);
        row("ecdsa-long", esInput + '.' + b64(esRaw + char(0)), EcPub, u"signature-format"_s);
        row("ecdsa-zero", esInput + '.' + b64(QByteArray(64, char(0))), EcPub,
            u"signature-invalid"_s);
        row("empty-signature", esInput + '.', EcPub, u"signature-format"_s);

        // RSA and HMAC signature lengths.
        const QByteArray rsToken = makeToken("{\"alg\":\"RS256\"}", kClaims, f.rsaPriv, u"RS256"_s);
        const QByteArray rsInput = rsToken.left(rsToken.lastIndexOf('.'));
        const QByteArray rsSig = *base64url::decode(rsToken.mid(rsToken.lastIndexOf('.') + 1));
        row("rsa-short", rsInput + '.' + b64(rsSig.mid(1)), RsaPub, u"signature-format"_s);
        row("rsa-long", rsInput + '.' + b64(QByteArray(1, char(0)) + rsSig), RsaPub,
            u"signature-format"_s);
        const QByteArray hsToken = makeToken("{\"alg\":\"HS256\"}", kClaims, f.hmac, u"HS256"_s);
        const QByteArray hsInput = hsToken.left(hsToken.lastIndexOf('.'));
        const QByteArray hsMac = *base64url::decode(hsToken.mid(hsToken.lastIndexOf('.') + 1));
        row("hmac-truncated", hsInput + '.' + b64(hsMac.left(16)), Hmac, u"signature-format"_s);
        row("hmac-long", hsInput + '.' + b64(hsMac + 'x'), Hmac, u"signature-format"_s);
        QByteArray flipped = hsMac;
        flipped[31] = char(flipped[31] ^ 1);
        row("hmac-bitflip", hsInput + '.' + b64(flipped), Hmac, u"signature-invalid"_s);

        // Tampering.
        row("tampered-header",
            b64("{\"alg\":\"RS256\",\"x\":1}") + rsToken.mid(rsToken.indexOf('.')), RsaPub,
            u"signature-invalid"_s);
        row("tampered-payload",
            rsToken.left(rsToken.indexOf('.') + 1)
                + b64("{\"sub\":\"admin\",\"iat\":1700000000,\"exp\":1700003600}")
                + rsToken.mid(rsToken.lastIndexOf('.')),
            RsaPub, u"signature-invalid"_s);

        // Keys the token brings with it are never used.
        const QByteArray attackerJwk = fx().attackerEc.thumbprintInput();
        row("embedded-jwk-attacker",
            makeToken("{\"alg\":\"ES256\",\"jwk\":" + attackerJwk + "}", kClaims, f.attackerEc,
                u"ES256"_s),
            EcPub, u"signature-invalid"_s);
        row("embedded-jwk-reported",
            makeToken("{\"alg\":\"ES256\",\"jwk\":" + attackerJwk + "}", kClaims, f.attackerEc,
                u"ES256"_s),
            EcPub, u"embedded-jwk"_s);
        row("x5c-reported",
            makeToken("{\"alg\":\"ES256\",\"x5c\":[\"MIIB\"]}", kClaims, f.attackerEc, u"ES256"_s),
            EcPub, u"x5c-header"_s);

        // Critical extensions, unencoded payload.
        row("crit-unknown",
            makeToken(
                "{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", kClaims, f.hmac, u"HS256"_s),
            Hmac, u"crit-unsupported"_s);
        row("crit-b64",
            makeToken("{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}", kClaims, f.hmac,
                u"HS256"_s),
            Hmac, u"b64-unencoded"_s);

        // Duplicate members (parser differentials).
        row("dup-alg-header",
            makeToken("{\"alg\":\"HS256\",\"alg\":\"none\"}", kClaims, f.hmac, u"HS256"_s), Hmac,
            u"duplicate-member"_s);
        row("dup-escaped-header",
            makeToken("{\"alg\":\"HS256\",\"\\u0061lg\":\"HS256\"}", kClaims, f.hmac, u"HS256"_s),
            Hmac, u"duplicate-member"_s);
        row("dup-claims",
            makeToken("{\"alg\":\"HS256\"}",
                "{\"sub\":\"alice\",\"sub\":\"admin\",\"exp\":1700003600}", f.hmac, u"HS256"_s),
            Hmac, u"duplicate-member"_s);

        // Hostile JSON.
        row("deep-header",
            makeToken(QByteArray(10000, '[') + QByteArray(10000, ']'), kClaims, f.hmac, u"HS256"_s),
            Hmac, u"malformed"_s);
        row("deep-claims",
            makeToken("{\"alg\":\"HS256\"}",
                "{\"a\":" + QByteArray(10000, '[') + QByteArray(10000, ']') + "}", f.hmac,
                u"HS256"_s),
            Hmac, u"malformed"_s);
        row("nul-in-claim",
            makeToken("{\"alg\":\"HS256\"}", "{\"sub\":\"admin\\u0000x\",\"exp\":1700003600}",
                f.hmac, u"HS256"_s),
            Hmac, u"malformed"_s);
        row("raw-nul-in-claim",
            makeToken("{\"alg\":\"HS256\"}",
                QByteArray("{\"sub\":\"ad\0min\",\"exp\":1700003600}", 34), f.hmac, u"HS256"_s),
            Hmac, u"malformed"_s);
        row("invalid-utf8-claim",
            makeToken("{\"alg\":\"HS256\"}", "{\"sub\":\"\xc3\x28\",\"exp\":1700003600}", f.hmac,
                u"HS256"_s),
            Hmac, u"malformed"_s);
        row("overlong-utf8-claim",
            makeToken("{\"alg\":\"HS256\"}", "{\"sub\":\"\xc0\xaf\",\"exp\":1700003600}", f.hmac,
                u"HS256"_s),
            Hmac, u"malformed"_s);
        row("payload-not-object", makeToken("{\"alg\":\"HS256\"}", "[1,2]", f.hmac, u"HS256"_s),
            Hmac, u"malformed"_s);
        row("header-not-object", makeToken("\"HS256\"", kClaims, f.hmac, u"HS256"_s), Hmac,
            u"malformed"_s);
        row("header-no-alg", makeToken("{\"typ\":\"JWT\"}", kClaims, f.hmac, u"HS256"_s), Hmac,
            u"malformed"_s);
        row("alg-not-string", makeToken("{\"alg\":[\"HS256\"]}", kClaims, f.hmac, u"HS256"_s), Hmac,
            u"malformed"_s);

        // Structure.
        row("jwe-5-segments", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d", RsaPub,
            u"malformed"_s);
        row("4-segments", hsToken + ".x", Hmac, u"malformed"_s);
        row("json-serialization", "{\"payload\":\"e30\",\"signatures\":[]}", Hmac, u"malformed"_s);
        row("padded-segment", hsInput + '.' + b64(hsMac) + "=", Hmac, u"malformed"_s);
        row("whitespace-inside", hsToken.left(10) + ' ' + hsToken.mid(10), Hmac, u"malformed"_s);
        row("bearer-prefix-ok", "Bearer " + hsToken + "\n", Hmac, QString(), true);

        // Claims.
        row("exp-as-string",
            makeToken("{\"alg\":\"HS256\"}", "{\"exp\":\"1700003600\"}", f.hmac, u"HS256"_s), Hmac,
            u"claim-type"_s);
        row("expired", makeToken("{\"alg\":\"HS256\"}", "{\"exp\":1700000000}", f.hmac, u"HS256"_s),
            Hmac, u"expired"_s);
        row("expired-within-leeway",
            makeToken("{\"alg\":\"HS256\"}", "{\"exp\":1700000050}", f.hmac, u"HS256"_s), Hmac,
            QString(), true);
        row("nbf-future",
            makeToken("{\"alg\":\"HS256\"}", "{\"nbf\":1700001000,\"exp\":1700003600}", f.hmac,
                u"HS256"_s),
            Hmac, u"not-yet-valid"_s);
        row("iat-future",
            makeToken("{\"alg\":\"HS256\"}", "{\"iat\":1700001000,\"exp\":1700003600}", f.hmac,
                u"HS256"_s),
            Hmac, u"iat-in-future"_s);
        row("missing-exp-warning",
            makeToken("{\"alg\":\"HS256\"}", "{\"sub\":\"a\"}", f.hmac, u"HS256"_s), Hmac,
            u"missing-exp"_s, true);
        row("long-lifetime-warning",
            makeToken("{\"alg\":\"HS256\"}", "{\"iat\":1700000000,\"exp\":1800000000}", f.hmac,
                u"HS256"_s),
            Hmac, u"long-lifetime"_s, true);
        row("aud-number",
            makeToken("{\"alg\":\"HS256\"}", "{\"aud\":5,\"exp\":1700003600}", f.hmac, u"HS256"_s),
            Hmac, u"claim-type"_s);

        // Keys.
        row("kid-unknown",
            makeToken("{\"alg\":\"ES256\",\"kid\":\"nope\"}", kClaims, f.ecPriv, u"ES256"_s), Jwks,
            u"kid-unknown"_s);
        row("no-kid-one-fitting", makeToken("{\"alg\":\"ES256\"}", kClaims, f.ecPriv, u"ES256"_s),
            Jwks, QString(), true);
        const Key shortSecret = Key::fromSecret(SecretBytes(QByteArray(16, 'k')));
        row("weak-hmac-key", makeToken("{\"alg\":\"HS256\"}", kClaims, shortSecret, u"HS256"_s), -1,
            u"weak-hmac-key"_s);
        qInfo("attack table: %d rows", n);
    }

    void attack()
    {
        QFETCH(QByteArray, token);
        QFETCH(int, keys);
        QFETCH(QStringList, allowed);
        QFETCH(QString, finding);
        QFETCH(bool, valid);
        VerifyOptions o;
        o.keys = keys >= 0
            ? keysFor(keys)
            : KeySet { { Key::fromSecret(SecretBytes(QByteArray(16, 'k'))) }, {}, false };
        o.allowedAlgs = allowed;
        o.clock = Clock::fixedEpoch(kNow);
        auto r = verify(token, o);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY2(r->valid == valid, qPrintable(ids(r->findings)));
        if (!finding.isEmpty())
            QVERIFY2(hasFinding(r->findings, finding), qPrintable(ids(r->findings)));
        if (!valid)
            QVERIFY(hasError(r->findings));
        for (const Finding &f : r->findings) {
            QVERIFY(findingIds().contains(f.id));
            QVERIFY(!f.message.isEmpty());
        }
    }

    void oversizedInputRefusedUpFront()
    {
        VerifyOptions o;
        o.keys = keysFor(Hmac);
        const QByteArray garbage(1024 * 1024 + 1, 'A');
        auto r = verify(garbage, o);
        QVERIFY(!r);
        QCOMPARE(r.error().id, u"input-too-large"_s);
        // Just under the cap: examined, reported malformed, no crash.
        QByteArray junk(1024 * 1024, char(0));
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 7919) & 0xff);
        auto m = verify(junk, o);
        QVERIFY(m);
        QVERIFY(!m->valid);
        QVERIFY(m->malformed());
        QVERIFY(!parseJwkOrJwks(garbage));
    }

    void noKeyMeansNoVerification()
    {
        // An embedded jwk does not stand in for a missing key.
        VerifyOptions o;
        auto r = verify(
            makeToken("{\"alg\":\"ES256\",\"jwk\":" + fx().attackerEc.thumbprintInput() + "}",
                kClaims, fx().attackerEc, u"ES256"_s),
            o);
        QVERIFY(!r);
        QCOMPARE(r.error().id, u"no-key"_s);
    }

    void issuerAudienceTyp()
    {
        VerifyOptions o;
        o.keys = keysFor(Hmac);
        o.clock = Clock::fixedEpoch(kNow);
        const QByteArray t = makeToken("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}",
            "{\"iss\":\"https://a.example\",\"aud\":[\"x\",\"y\"],\"exp\":1700003600}", fx().hmac,
            u"HS256"_s);
        o.issuer = u"https://a.example"_s;
        o.audiences = { u"y"_s };
        o.typ = u"application/at+jwt"_s;
        QVERIFY(verify(t, o)->valid);
        o.issuer = u"https://b.example"_s;
        QVERIFY(hasFinding(verify(t, o)->findings, u"issuer-mismatch"_s));
        o.issuer.clear();
        o.audiences = { u"z"_s };
        QVERIFY(hasFinding(verify(t, o)->findings, u"audience-mismatch"_s));
        o.audiences.clear();
        o.typ = u"JWT"_s;
        QVERIFY(hasFinding(verify(t, o)->findings, u"typ-mismatch"_s));
    }

    void severalFittingKeysWithoutKid()
    {
        const Key other = Key::fromSecret(SecretBytes(QByteArray(32, 'o')));
        VerifyOptions o;
        o.keys = KeySet { { other, fx().hmac }, {}, true };
        o.clock = Clock::fixedEpoch(kNow);
        auto r = verify(makeToken("{\"alg\":\"HS256\"}", kClaims, fx().hmac, u"HS256"_s), o);
        QVERIFY(r);
        QVERIFY(r->valid);
        QCOMPARE(r->keyIndex, 1);
        QVERIFY(hasFinding(r->findings, u"ambiguous-key"_s));
    }

    void jkuAndX5uAreNeverFetched()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const QByteArray url =
            "http://127.0.0.1:" + QByteArray::number(server.serverPort()) + "/jwks.json";
        VerifyOptions o;
        o.keys = keysFor(EcPub);
        o.clock = Clock::fixedEpoch(kNow);
        // Signed by the attacker, pointing at "their" key set.
        const QByteArray attack =
            makeToken("{\"alg\":\"ES256\",\"jku\":\"" + url + "\",\"x5u\":\"" + url + "\"}",
                kClaims, fx().attackerEc, u"ES256"_s);
        auto r = verify(attack, o);
        QVERIFY(r);
        QVERIFY(!r->valid);
        QVERIFY(hasFinding(r->findings, u"jku-header"_s));
        QVERIFY(hasFinding(r->findings, u"x5u-header"_s));
        QVERIFY(hasFinding(r->findings, u"signature-invalid"_s));
        // Signed by the real key: valid, the URLs merely reported.
        auto honest = verify(makeToken("{\"alg\":\"ES256\",\"jku\":\"" + url + "\"}", kClaims,
                                 fx().ecPriv, u"ES256"_s),
            o);
        QVERIFY(honest);
        QVERIFY(honest->valid);
        QVERIFY(hasFinding(honest->findings, u"jku-header"_s));
        QTest::qWait(300);
        QVERIFY(!server.hasPendingConnections());
        QVERIFY(!server.waitForNewConnection(200));
    }

    void signerRefusesWhatVerifierRefuses()
    {
        SignOptions s;
        s.alg = u"none"_s;
        QCOMPARE(signCompact(kClaims, fx().hmac, s).error().id, u"alg-none"_s);
        s.alg = u"HS256"_s;
        QCOMPARE(
            signCompact(kClaims, Key::fromSecret(SecretBytes(QByteArray(8, 'x'))), s).error().id,
            u"weak-hmac-key"_s);
        s.alg = u"RS256"_s;
        QCOMPARE(signCompact(kClaims, fx().rsaPub, s).error().id, u"invalid-key"_s);
        QCOMPARE(signCompact(kClaims, fx().ecPriv, s).error().id, u"alg-key-mismatch"_s);
        for (const char *alg : { "RS256", "RS384", "RS512", "PS256", "PS384", "PS512" }) {
            s.alg = QString::fromLatin1(alg);
            auto t = signCompact(kClaims, fx().rsaPriv, s);
            QVERIFY(t);
            VerifyOptions o;
            o.keys = keysFor(RsaPub);
            o.clock = Clock::fixedEpoch(kNow);
            QVERIFY2(verify(*t, o)->valid, alg);
        }
    }

    void durationsForPeople()
    {
        QCOMPARE(describeDuration(45), u"45 s"_s);
        QCOMPARE(describeDuration(119), u"119 s"_s);
        QCOMPARE(describeDuration(120), u"2 min"_s);
        QCOMPARE(describeDuration(7199), u"119 min"_s);
        QCOMPARE(describeDuration(-10800), u"3 h"_s);
        QCOMPARE(describeDuration(2 * 86400), u"2 days"_s);
        QCOMPARE(describeDuration(2 * 365 * 86400LL), u"2 years"_s);
        QCOMPARE(describeTime(1700000000, 1700010800), u"2023-11-14 22:13:20 UTC (3 h ago)"_s);
    }

    // One key keeps a verify-context template per algorithm: reusing it must not let one
    // algorithm's padding, or an earlier verdict, leak into the next verification.
    void reusedKeyVerifiesEachAlgorithmOnItsOwn()
    {
        ossl::PKeyPtr ed(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
        QVERIFY(ed);
        const Key edPriv = Key::fromPKey(std::move(ed), u"ed"_s);
        struct Case
        {
            const char *alg;
            Key priv;
            Key pub;
        };
        const QList<Case> cases { { "RS256", fx().rsaPriv, fx().rsaPub },
            { "PS256", fx().rsaPriv, fx().rsaPub }, { "RS512", fx().rsaPriv, fx().rsaPub },
            { "PS512", fx().rsaPriv, fx().rsaPub }, { "ES256", fx().ecPriv, fx().ecPub },
            { "EdDSA", edPriv, edPriv } };
        QList<QByteArray> tokens;
        for (const Case &c : cases) {
            SignOptions s;
            s.alg = QString::fromLatin1(c.alg);
            auto t = signCompact(kClaims, c.priv, s);
            QVERIFY2(t, c.alg);
            tokens << *t;
        }
        for (int round = 0; round < 3; ++round) {
            for (qsizetype i = 0; i < cases.size(); ++i) {
                VerifyOptions o;
                o.keys = KeySet { { cases.at(i).pub }, {}, false };
                o.clock = Clock::fixedEpoch(kNow);
                auto good = verify(tokens.at(i), o);
                QVERIFY(good);
                QVERIFY2(good->valid, cases.at(i).alg);
                // One byte of the signature changed, right after a valid verification.
                QByteArray tampered = tokens.at(i);
                tampered[tampered.size() - 5] = tampered.at(tampered.size() - 5) == 'A' ? 'B' : 'A';
                auto bad = verify(tampered, o);
                QVERIFY(bad);
                QVERIFY2(!bad->valid, cases.at(i).alg);
                QVERIFY2(hasFinding(bad->findings, u"signature-invalid"_s),
                    qPrintable(ids(bad->findings)));
                // RS256 <-> PS256, RS512 <-> PS512: a signature under the other padding.
                const qsizetype other = i ^ 1;
                if (other < 4 && i < 4) {
                    const QByteArray swapped =
                        tokens.at(other).left(tokens.at(other).lastIndexOf('.'))
                        + tokens.at(i).mid(tokens.at(i).lastIndexOf('.'));
                    auto cross = verify(swapped, o);
                    QVERIFY(cross);
                    QVERIFY2(!cross->valid, cases.at(i).alg);
                }
            }
        }
    }
};

QObject *makeTestAttacks() { return new TestAttacks; }

#include "tst_attacks.moc"
