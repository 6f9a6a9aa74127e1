// tests/jose/tst_inspection.cpp — the inspector's model: segments, explained claims in token
// order, times and lifetime against a pinned clock, JWE, malformed and huge input, verification.
#include "common/secretbytes.h"
#include "jose/base64url.h"
#include "jose/inspection.h"
#include "jose/jwk.h"
#include "jose/jwssigner.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::jose;

namespace {

constexpr qint64 kNow = 1'800'000'000;
const QByteArray kSecret = "0123456789abcdef0123456789abcdef-inspector"_ba;

QByteArray b64(const QByteArray &b) { return base64url::encode(b); }

// Claims written in a deliberate, non-alphabetical order.
QByteArray claimsText()
{
    return "{\"sub\":\"user-42\",\"iss\":\"https://id.example.com\",\"aud\":[\"api\",\"web\"],"
           "\"iat\":"_ba
        + QByteArray::number(kNow - 600) + ",\"exp\":"_ba + QByteArray::number(kNow + 14 * 60)
        + ",\"scope\":\"read write\",\"custom\":{\"b\":1,\"a\":true}}"_ba;
}

QByteArray signedToken(const QByteArray &claims)
{
    SignOptions o;
    o.alg = u"HS256"_s;
    o.extraHeader = QJsonObject { { u"kid"_s, u"k1"_s } };
    auto t = signCompact(claims, Key::fromSecret(SecretBytes::copyOf(kSecret)), o);
    return t ? *t : QByteArray();
}

QByteArray octJwk()
{
    return QJsonDocument(
        QJsonObject { { u"kty"_s, u"oct"_s }, { u"k"_s, QString::fromLatin1(b64(kSecret)) } })
        .toJson(QJsonDocument::Compact);
}

QStringList namesOf(const QList<InspectedMember> &list)
{
    QStringList names;
    for (const InspectedMember &m : list)
        names << m.name;
    return names;
}

// A token that is only decoded: header and claims exactly as written (nothing re-serialized).
QByteArray rawToken(const QByteArray &header, const QByteArray &claims)
{
    return b64(header) + '.' + b64(claims) + ".c2lnbmF0dXJl";
}

const InspectedMember *find(const QList<InspectedMember> &list, const QString &name)
{
    for (const InspectedMember &m : list)
        if (m.name == name)
            return &m;
    return nullptr;
}

} // namespace

class TestInspection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void claimsInTokenOrderWithExplanations()
    {
        const QByteArray token = signedToken(claimsText());
        QVERIFY(!token.isEmpty());
        const Inspection in =
            inspect(QByteArray("  Bearer "_ba + token + "\n"_ba), Clock::fixedEpoch(kNow));
        QCOMPARE(in.kind, Inspection::Kind::Jws);
        QVERIFY2(in.error.isEmpty(), qPrintable(in.error));
        QVERIFY(in.readable());
        QCOMPARE(in.token, token);
        QCOMPARE(in.alg, u"HS256"_s);
        QCOMPARE(in.kid, u"k1"_s);
        QStringList names;
        for (const InspectedMember &m : in.claims)
            names << m.name;
        QCOMPARE(names,
            QStringList(
                { u"sub"_s, u"iss"_s, u"aud"_s, u"iat"_s, u"exp"_s, u"scope"_s, u"custom"_s }));
        const InspectedMember *aud = find(in.claims, u"aud"_s);
        QVERIFY(aud);
        QCOMPARE(aud->display, u"[2 items]"_s);
        QCOMPARE(aud->children.size(), 2);
        QCOMPARE(aud->children.at(1).display, u"web"_s);
        QVERIFY(aud->explanation.contains(u"Audience"_s));
        QVERIFY(find(in.claims, u"custom"_s)->explanation.isEmpty());
        QCOMPARE(find(in.claims, u"custom"_s)->children.size(), 2);
        const InspectedMember *exp = find(in.claims, u"exp"_s);
        QCOMPARE(exp->display, QString::number(kNow + 14 * 60));
        QVERIFY2(exp->time.startsWith(u"expires in 14 min"_s), qPrintable(exp->time));
        QVERIFY(exp->time.endsWith(localTime(kNow + 14 * 60)));
        QVERIFY2(find(in.claims, u"iat"_s)->time.startsWith(u"issued 10 min ago"_s),
            qPrintable(find(in.claims, u"iat"_s)->time));
        QVERIFY(find(in.header, u"alg"_s)->explanation.contains(u"RFC 8725"_s));
        QVERIFY(!explainClaim(u"jti"_s).isEmpty());
        for (const QString &name : { u"iss"_s, u"sub"_s, u"aud"_s, u"exp"_s, u"nbf"_s, u"iat"_s,
                 u"jti"_s, u"azp"_s, u"scope"_s, u"nonce"_s, u"at_hash"_s })
            QVERIFY2(!explainClaim(name).isEmpty(), qPrintable(name));
        for (const QString &name : { u"typ"_s, u"alg"_s, u"kid"_s, u"cty"_s, u"crit"_s, u"jku"_s,
                 u"x5u"_s, u"jwk"_s, u"x5c"_s, u"b64"_s })
            QVERIFY2(!explainHeaderParameter(name).isEmpty(), qPrintable(name));
        QVERIFY2(in.summary().contains(u"expires in 14 min"_s), qPrintable(in.summary()));

        // Copy claims as JSON: valid JSON, same content, token order kept.
        const QByteArray json = in.claimsJson();
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(doc.object(), in.claimsObject);
        QVERIFY(json.indexOf("\"sub\"") < json.indexOf("\"iss\""));
        QVERIFY(json.indexOf("\"iss\"") < json.indexOf("\"aud\""));
    }

    // Issue #6: nested objects follow the token too (QJsonObject sorts them), at every depth,
    // in arrays of objects, in the header and in "Copy claims as JSON".
    void nestedMembersInTokenOrder()
    {
        const QByteArray header = "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"ctx\":{\"zone\":\"eu\","
                                  "\"app\":{\"v\":2,\"id\":\"x\"}}}";
        const QByteArray claims =
            "{\"sub\":\"u-1\",\"address\":{\"street_address\":\"1 Main St\","
            "\"locality\":\"Springfield\",\"country\":\"US\"},"
            "\"realm_access\":{\"roles\":[\"admin\"],\"meta\":{\"zeta\":1,"
            "\"alpha\":{\"z\":1,\"m\":{},\"a\":3}}},"
            "\"orgs\":[{\"name\":\"acme\",\"id\":7},[{\"y\":1,\"x\":2}],"
            "{\"role\":\"owner\",\"domain\":\"b.example\"}],\"exp\":1900000000}";
        const Inspection in = inspect(rawToken(header, claims), Clock::fixedEpoch(kNow));
        QVERIFY2(in.readable(), qPrintable(in.error));
        QCOMPARE(namesOf(in.header), (QStringList { u"typ"_s, u"alg"_s, u"ctx"_s }));
        const InspectedMember *ctx = find(in.header, u"ctx"_s);
        QVERIFY(ctx);
        QCOMPARE(namesOf(ctx->children), (QStringList { u"zone"_s, u"app"_s }));
        QCOMPARE(namesOf(ctx->children.at(1).children), (QStringList { u"v"_s, u"id"_s }));

        QCOMPARE(namesOf(in.claims),
            (QStringList { u"sub"_s, u"address"_s, u"realm_access"_s, u"orgs"_s, u"exp"_s }));
        const InspectedMember *address = find(in.claims, u"address"_s);
        QVERIFY(address);
        QCOMPARE(namesOf(address->children),
            (QStringList { u"street_address"_s, u"locality"_s, u"country"_s }));
        QCOMPARE(address->children.at(1).display, u"Springfield"_s);
        const InspectedMember *realm = find(in.claims, u"realm_access"_s);
        QVERIFY(realm);
        QCOMPARE(namesOf(realm->children), (QStringList { u"roles"_s, u"meta"_s }));
        const InspectedMember &meta = realm->children.at(1);
        QCOMPARE(namesOf(meta.children), (QStringList { u"zeta"_s, u"alpha"_s }));
        QCOMPARE(namesOf(meta.children.at(1).children), (QStringList { u"z"_s, u"m"_s, u"a"_s }));
        const InspectedMember *orgs = find(in.claims, u"orgs"_s);
        QVERIFY(orgs);
        QCOMPARE(orgs->children.size(), 3);
        QCOMPARE(namesOf(orgs->children.at(0).children), (QStringList { u"name"_s, u"id"_s }));
        QCOMPARE(namesOf(orgs->children.at(1).children.at(0).children),
            (QStringList { u"y"_s, u"x"_s }));
        QCOMPARE(namesOf(orgs->children.at(2).children), (QStringList { u"role"_s, u"domain"_s }));
        QCOMPARE(orgs->children.at(2).children.at(1).display, u"b.example"_s);

        const QByteArray json = in.claimsJson();
        QJsonParseError pe;
        QCOMPARE(QJsonDocument::fromJson(json, &pe).object(), in.claimsObject);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QVERIFY(json.indexOf("\"street_address\"") < json.indexOf("\"locality\""));
        QVERIFY(json.indexOf("\"locality\"") < json.indexOf("\"country\""));
        QVERIFY(json.indexOf("\"zeta\"") < json.indexOf("\"alpha\""));
        QVERIFY(json.indexOf("\"role\"") < json.indexOf("\"domain\""));
        QVERIFY(json.indexOf("\"y\"") < json.indexOf("\"x\""));
    }

    // Beyond the tree's depth limit (32) nothing is shown, and what follows keeps its order.
    void nestedOrderAfterTheDepthLimit()
    {
        QByteArray deep;
        for (int i = 0; i < 20; ++i)
            deep += "{\"n\":[{\"q\":1,\"p\":2},";
        deep += "0";
        for (int i = 0; i < 20; ++i)
            deep += "]}";
        const QByteArray claims =
            "{\"deep\":" + deep + ",\"after\":{\"second\":1,\"first\":{\"b\":1,\"a\":2}}}";
        const Inspection in =
            inspect(rawToken("{\"alg\":\"HS256\"}", claims), Clock::fixedEpoch(kNow));
        QVERIFY2(in.readable(), qPrintable(in.error));
        const InspectedMember *after = find(in.claims, u"after"_s);
        QVERIFY(after);
        QCOMPARE(namesOf(after->children), (QStringList { u"second"_s, u"first"_s }));
        QCOMPARE(namesOf(after->children.at(1).children), (QStringList { u"b"_s, u"a"_s }));
        const InspectedMember *level = find(in.claims, u"deep"_s);
        QVERIFY(level);
        QCOMPARE(namesOf(level->children.at(0).children.at(0).children),
            (QStringList { u"q"_s, u"p"_s }));
    }

    // A nested duplicate is refused as before: no claims to show, the finding says why.
    void nestedDuplicateMember()
    {
        const Inspection in = inspect(rawToken("{\"alg\":\"HS256\"}",
                                          "{\"sub\":\"u\",\"address\":{\"b\":1,\"a\":2,\"b\":3}}"),
            Clock::fixedEpoch(kNow));
        QVERIFY(in.claims.isEmpty());
        bool duplicate = false;
        for (const Finding &f : in.findings)
            duplicate = duplicate || (f.id == u"duplicate-member"_s && f.isError());
        QVERIFY(duplicate);
        QVERIFY(!in.error.isEmpty());
    }

    void lifetime_data()
    {
        QTest::addColumn<QByteArray>("claims");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("summary");
        const auto n = [](qint64 d) { return QByteArray::number(kNow + d); };
        QTest::newRow("valid") << "{\"iat\":"_ba + n(-3600) + ",\"exp\":"_ba + n(14 * 60) + "}"_ba
                               << int(Lifetime::State::Valid) << u"expires in 14 min"_s;
        QTest::newRow("expired") << "{\"iat\":"_ba + n(-5 * 3600) + ",\"exp\":"_ba + n(-3 * 3600)
                + "}"_ba << int(Lifetime::State::Expired)
                                 << u"expired 3 h ago"_s;
        QTest::newRow("not-yet") << "{\"nbf\":"_ba + n(300) + ",\"exp\":"_ba + n(3600) + "}"_ba
                                 << int(Lifetime::State::NotYetValid)
                                 << u"not valid yet: becomes valid in 5 min"_s;
        QTest::newRow("no-exp") << "{\"iat\":"_ba + n(-60) + "}"_ba
                                << int(Lifetime::State::NoExpiry)
                                << u"never expires (no exp claim)"_s;
        QTest::newRow("exp-as-string")
            << "{\"exp\":\"tomorrow\"}"_ba << int(Lifetime::State::NoExpiry)
            << u"never expires (no exp claim)"_s;
    }
    void lifetime()
    {
        QFETCH(QByteArray, claims);
        QFETCH(int, state);
        QFETCH(QString, summary);
        const QByteArray token = b64("{\"alg\":\"HS256\"}"_ba) + '.' + b64(claims) + ".c2ln"_ba;
        const Inspection in = inspect(token, Clock::fixedEpoch(kNow));
        QCOMPARE(int(in.lifetime.state), state);
        QCOMPARE(in.lifetime.summary, summary);
    }

    void lifetimePositions()
    {
        // iat → nbf → now → exp, spread over 4000 s.
        const QByteArray claims = "{\"iat\":"_ba + QByteArray::number(kNow - 2000) + ",\"nbf\":"_ba
            + QByteArray::number(kNow - 1000) + ",\"exp\":"_ba + QByteArray::number(kNow + 2000)
            + "}"_ba;
        const QByteArray token = b64("{\"alg\":\"HS256\"}"_ba) + '.' + b64(claims) + ".c2ln"_ba;
        const Inspection in = inspect(token, Clock::fixedEpoch(kNow));
        const Lifetime &l = in.lifetime;
        QCOMPARE(l.start(), kNow - 2000);
        QCOMPARE(l.end(), kNow + 2000);
        QCOMPARE(l.position(*l.iat), 0.0);
        QCOMPARE(l.position(*l.nbf), 0.25);
        QCOMPARE(l.position(l.now), 0.5);
        QCOMPARE(l.position(*l.exp), 1.0);
    }

    void jweIsRecognised()
    {
        const QByteArray jwe = b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}"_ba)
            + ".ZW5jLWtleQ.aXY.Y2lwaGVydGV4dA.dGFn"_ba;
        const Inspection in = inspect(jwe, Clock::fixedEpoch(kNow));
        QCOMPARE(in.kind, Inspection::Kind::Jwe);
        QVERIFY(in.summary().contains(u"encrypted"_s, Qt::CaseInsensitive));
        QVERIFY(in.summary().contains(u"cannot be read without the key"_s));
        QVERIFY(in.claims.isEmpty());
        QCOMPARE(in.header.size(), 2);
        QCOMPARE(in.header.at(1).name, u"enc"_s);
        QVERIFY(!in.header.at(1).explanation.isEmpty());
        const QList<Segment> segs = segmentRanges(QString::fromLatin1(jwe));
        QCOMPARE(segs.size(), 5);
        QCOMPARE(segs.at(3).role, Segment::Role::Ciphertext);
    }

    void malformedAndHuge_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("kind");
        QTest::newRow("garbage") << "hello world"_ba << int(Inspection::Kind::Malformed);
        QTest::newRow("two-segments")
            << "eyJhbGciOiJIUzI1NiJ9.e30"_ba << int(Inspection::Kind::Malformed);
        QTest::newRow("bad-base64") << "e!!.e30.sig"_ba << int(Inspection::Kind::Malformed);
        QTest::newRow("payload-not-object") << b64("{\"alg\":\"HS256\"}"_ba) + '.' + b64("[1]"_ba)
                + ".c2ln"_ba << int(Inspection::Kind::Jws);
        QTest::newRow("duplicate-claim")
            << b64("{\"alg\":\"HS256\"}"_ba) + '.' + b64("{\"a\":1,\"a\":2}"_ba) + ".c2ln"_ba
            << int(Inspection::Kind::Jws);
        QTest::newRow("over-1MiB")
            << QByteArray(1024 * 1024 + 1, 'a') << int(Inspection::Kind::TooLarge);
    }
    void malformedAndHuge()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, kind);
        const Inspection in = inspect(input, Clock::fixedEpoch(kNow));
        QCOMPARE(int(in.kind), kind);
        QVERIFY(!in.readable());
        QVERIFY(!in.error.isEmpty());
        QVERIFY(in.error.size() < 300); // one line, not a dump of the input
        if (kind == int(Inspection::Kind::TooLarge))
            QVERIFY(in.error.contains(u"1 MiB"_s));
    }

    void emptyInput()
    {
        const Inspection in = inspect("  \n "_ba, Clock::fixedEpoch(kNow));
        QCOMPARE(in.kind, Inspection::Kind::Empty);
        QVERIFY(in.error.isEmpty());
    }

    void segmentsSkipBearerAndWhitespace()
    {
        const QString text = u"  Bearer aaa.bbbb.cc  "_s;
        const QList<Segment> segs = segmentRanges(text);
        QCOMPARE(segs.size(), 3);
        QCOMPARE(text.mid(segs.at(0).start, segs.at(0).length), u"aaa"_s);
        QCOMPARE(segs.at(1).role, Segment::Role::Payload);
        QCOMPARE(text.mid(segs.at(1).start, segs.at(1).length), u"bbbb"_s);
        QCOMPARE(text.mid(segs.at(2).start, segs.at(2).length), u"cc"_s);
        QCOMPARE(segs.at(2).role, Segment::Role::Signature);
        QVERIFY(segmentRanges(u"   "_s).isEmpty());
    }

    void findingReferences()
    {
        QCOMPARE(findingReference(u"alg-none"_s),
            QUrl(u"https://www.rfc-editor.org/rfc/rfc8725#section-2.1"_s));
        QCOMPARE(findingReferenceText(u"jku-header"_s), u"RFC 8725 §3.10"_s);
        QVERIFY(findingReference(u"no-such-id"_s).isEmpty());
    }

    void verifyValidAndTampered()
    {
        const QByteArray token = signedToken(claimsText());
        InspectRequest req;
        req.token = token;
        req.keyMaterial = SecretBytes::copyOf(octJwk());
        req.clock = Clock::fixedEpoch(kNow);
        InspectOutcome ok = inspectAndVerify(req);
        QVERIFY2(ok.verifyError.isEmpty(), qPrintable(ok.verifyError));
        QVERIFY(ok.verified);
        QVERIFY(ok.verdict.valid);

        // The same secret as raw HMAC bytes (not JSON, not PEM).
        req.keyMaterial = SecretBytes::copyOf(kSecret);
        QVERIFY(inspectAndVerify(req).verdict.valid);

        // One claim changed, signature kept.
        QByteArray tampered = claimsText();
        tampered.replace("user-42", "admin-1");
        const QList<QByteArray> parts = token.split('.');
        req.token = parts.at(0) + '.' + b64(tampered) + '.' + parts.at(2);
        const InspectOutcome bad = inspectAndVerify(req);
        QVERIFY(bad.verified);
        QVERIFY(!bad.verdict.valid);
        QVERIFY(hasFinding(bad.verdict.findings, u"signature-invalid"_s));
        QCOMPARE(bad.inspection.claims.first().display, u"admin-1"_s);

        // Broken key JSON: an error for the key, not a crash or a verdict.
        req.keyMaterial = SecretBytes::copyOf("{\"kty\":"_ba);
        const InspectOutcome noKey = inspectAndVerify(req);
        QVERIFY(!noKey.verified);
        QVERIFY(!noKey.verifyError.isEmpty());

        // No key: inspection only.
        req.keyMaterial = SecretBytes();
        QVERIFY(!inspectAndVerify(req).verified);
    }
};

QObject *makeTestInspection() { return new TestInspection; }

#include "tst_inspection.moc"
