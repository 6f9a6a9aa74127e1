// tests/cli/clijosetest.cpp — keyhaven-cli decode/verify/sign/pkce, run as a child process on
// files and stdin (keys derived from the shared RFC vectors, written to a temporary folder).
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using keyhaven::test::ProcessResult;

namespace {

QString cli() { return keyhaven::test::binPath(u"keyhaven-cli"_s); }

ProcessResult kh(const QStringList &args, const QByteArray &in = {})
{
    return keyhaven::test::run(cli(), args, in);
}

QJsonObject json(const ProcessResult &r) { return QJsonDocument::fromJson(r.out).object(); }

QStringList findingIds(const QJsonObject &o)
{
    QStringList ids;
    for (const QJsonValue &f : o.value(u"findings"_s).toArray())
        ids << f.toObject().value(u"id"_s).toString();
    return ids;
}

QString diag(const ProcessResult &r)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
}

} // namespace

class CliTestJose : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_rsPub, m_rsPriv, m_esPub, m_esPriv, m_edPub, m_edPriv, m_secret, m_jwks;
    QByteArray m_rsToken; // RFC 7515 A.2 (RS256, exp 1300819380)

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    QByteArray sign(const QStringList &args, const QByteArray &payload)
    {
        const ProcessResult r =
            kh(QStringList { u"sign"_s } + args + QStringList { QString::fromUtf8(payload) });
        if (r.exitCode != 0)
            qWarning("sign failed: %s", qPrintable(diag(r)));
        return r.out.trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cli()));
        QVERIFY(m_dir.isValid());
        QString error;
        const QByteArray a = keyhaven::test::readTestdata(u"rfc/rfc7515_appendix_a.json"_s, &error);
        QVERIFY2(!a.isEmpty(), qPrintable(error));
        const QJsonArray ex = QJsonDocument::fromJson(a).object().value(u"examples"_s).toArray();
        const QJsonObject hs = ex.at(0).toObject(), rs = ex.at(1).toObject(),
                          es = ex.at(2).toObject();
        m_rsToken = rs.value(u"compact"_s).toString().toLatin1();
        m_rsPub = write(u"rs.pem"_s, rs.value(u"public_key_pem"_s).toString().toLatin1());
        m_rsPriv =
            write(u"rs-priv.jwk"_s, QJsonDocument(rs.value(u"private_jwk"_s).toObject()).toJson());
        m_esPub = write(u"es.pem"_s, es.value(u"public_key_pem"_s).toString().toLatin1());
        m_esPriv =
            write(u"es-priv.jwk"_s, QJsonDocument(es.value(u"private_jwk"_s).toObject()).toJson());
        m_secret = write(
            u"secret.bin"_s, QByteArray::fromHex(hs.value(u"secret_hex"_s).toString().toLatin1()));
        const QByteArray ed = keyhaven::test::readTestdata(u"rfc/rfc8037_ed25519.json"_s, &error);
        QVERIFY2(!ed.isEmpty(), qPrintable(error));
        const QJsonObject edDoc = QJsonDocument::fromJson(ed).object();
        m_edPub = write(u"ed.pem"_s, edDoc.value(u"public_key_pem"_s).toString().toLatin1());
        m_edPriv = write(
            u"ed-priv.jwk"_s, QJsonDocument(edDoc.value(u"private_jwk"_s).toObject()).toJson());
        QJsonObject ecJwk = es.value(u"jwk"_s).toObject();
        ecJwk.insert(u"kid"_s, u"ec1"_s);
        QJsonObject rsJwk = rs.value(u"jwk"_s).toObject();
        rsJwk.insert(u"kid"_s, u"rsa1"_s);
        m_jwks = write(u"jwks.json"_s,
            QJsonDocument(QJsonObject { { u"keys"_s, QJsonArray { ecJwk, rsJwk } } }).toJson());
    }

    void decodeFromArgumentAndStdin()
    {
        ProcessResult r = kh({ u"decode"_s, QString::fromLatin1(m_rsToken) });
        QVERIFY2(r.exitCode == 0, qPrintable(diag(r)));
        QVERIFY(r.out.contains("\"iss\": \"joe\""));
        QVERIFY(r.out.contains("NOT verified"));
        QVERIFY(r.out.contains("UTC (expired "));
        r = kh({ u"decode"_s, u"--json"_s }, "  Bearer " + m_rsToken + "\r\n");
        QVERIFY2(r.exitCode == 0, qPrintable(diag(r)));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"header"_s).toObject().value(u"alg"_s).toString(), u"RS256"_s);
        QCOMPARE(o.value(u"claims"_s).toObject().value(u"iss"_s).toString(), u"joe"_s);
        QCOMPARE(o.value(u"verified"_s).toBool(true), false);
        r = kh({ u"decode"_s, u"-"_s, u"--json"_s }, m_rsToken);
        QCOMPARE(r.exitCode, 0);
    }

    void decodeMalformed_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("garbage") << "not a token"_ba << false;
        QTest::newRow("two-segments") << "eyJhbGciOiJub25lIn0.e30"_ba << false;
        QTest::newRow("jwe") << "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"_ba << true;
        QTest::newRow("dup-header")
            << "eyJhbGciOiJIUzI1NiIsImFsZyI6Im5vbmUifQ.e30.AAAA"_ba << false;
    }
    void decodeMalformed()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, encrypted);
        const ProcessResult r = kh({ u"decode"_s, u"--json"_s }, token);
        QCOMPARE(r.exitCode, 2);
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"encrypted"_s).toBool(), encrypted);
        QVERIFY(!findingIds(o).isEmpty());
    }

    void verifyOutcomes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("stdinData");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("finding");
        const QString tok = QString::fromLatin1(m_rsToken);
        QTest::newRow("valid-at-rfc-time")
            << QStringList { tok, u"--key"_s, m_rsPub, u"--now"_s, u"1300819000"_s } << QByteArray()
            << 0 << QString();
        QTest::newRow("valid-stdin")
            << QStringList { u"--key"_s, m_rsPub, u"--now"_s, u"1300819000"_s } << m_rsToken << 0
            << QString();
        QTest::newRow("expired-now")
            << QStringList { tok, u"--key"_s, m_rsPub } << QByteArray() << 1 << u"expired"_s;
        QTest::newRow("leeway-covers")
            << QStringList { tok, u"--key"_s, m_rsPub, u"--now"_s, u"1300819400"_s } << QByteArray()
            << 0 << QString();
        QTest::newRow("leeway-zero") << QStringList { tok, u"--key"_s, m_rsPub, u"--now"_s,
            u"1300819400"_s, u"--leeway"_s, u"0"_s }
                                     << QByteArray() << 1 << u"expired"_s;
        QTest::newRow("wrong-key-type")
            << QStringList { tok, u"--key"_s, m_esPub, u"--now"_s, u"1300819000"_s } << QByteArray()
            << 1 << u"alg-not-allowed"_s;
        QTest::newRow("alg-not-listed") << QStringList { tok, u"--key"_s, m_rsPub, u"--alg"_s,
            u"PS256,PS384"_s, u"--now"_s, u"1300819000"_s }
                                        << QByteArray() << 1 << u"alg-not-allowed"_s;
        QTest::newRow("alg-listed") << QStringList { tok, u"--key"_s, m_rsPub, u"--alg"_s,
            u"RS256"_s, u"--now"_s, u"1300819000"_s }
                                    << QByteArray() << 0 << QString();
        QTest::newRow("iss-match") << QStringList { tok, u"--key"_s, m_rsPub, u"--iss"_s, u"joe"_s,
            u"--now"_s, u"1300819000"_s }
                                   << QByteArray() << 0 << QString();
        QTest::newRow("iss-mismatch") << QStringList { tok, u"--key"_s, m_rsPub, u"--iss"_s,
            u"eve"_s, u"--now"_s, u"1300819000"_s }
                                      << QByteArray() << 1 << u"issuer-mismatch"_s;
        QTest::newRow("aud-missing") << QStringList { tok, u"--key"_s, m_rsPub, u"--aud"_s,
            u"api"_s, u"--now"_s, u"1300819000"_s }
                                     << QByteArray() << 1 << u"audience-mismatch"_s;
        QTest::newRow("tampered") << QStringList { tok.left(tok.size() - 4) + u"AAAA"_s, u"--key"_s,
            m_rsPub, u"--now"_s, u"1300819000"_s }
                                  << QByteArray() << 1 << u"signature-invalid"_s;
        QTest::newRow("malformed") << QStringList { u"abc.def"_s, u"--key"_s, m_rsPub }
                                   << QByteArray() << 2 << u"malformed"_s;
        QTest::newRow("none") << QStringList { u"eyJhbGciOiJub25lIn0.eyJleHAiOjF9."_s, u"--key"_s,
            m_rsPub } << QByteArray()
                              << 1 << u"alg-none"_s;
    }
    void verifyOutcomes()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, stdinData);
        QFETCH(int, exitCode);
        QFETCH(QString, finding);
        const ProcessResult human = kh(QStringList { u"verify"_s } + args, stdinData);
        QVERIFY2(human.exitCode == exitCode, qPrintable(diag(human)));
        QVERIFY(human.out.startsWith(exitCode == 0 ? "VALID" : "INVALID"));
        const ProcessResult r = kh(QStringList { u"verify"_s, u"--json"_s } + args, stdinData);
        QVERIFY2(r.exitCode == exitCode, qPrintable(diag(r)));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"valid"_s).toBool(), exitCode == 0);
        for (const char *key : { "valid", "alg", "kid", "header", "claims", "findings" })
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
        for (const QJsonValue &f : o.value(u"findings"_s).toArray()) {
            const QJsonObject fo = f.toObject();
            QVERIFY(
                fo.value(u"severity"_s) == u"error"_s || fo.value(u"severity"_s) == u"warning"_s);
            QVERIFY(!fo.value(u"message"_s).toString().isEmpty());
        }
        if (!finding.isEmpty())
            QVERIFY2(findingIds(o).contains(finding), qPrintable(diag(r)));
    }

    void verifyJwksSelectsByKid()
    {
        const QByteArray ec1 = sign(
            { u"--alg"_s, u"ES256"_s, u"--key"_s, m_esPriv, u"--header"_s, u"{\"kid\":\"ec1\"}"_s },
            "{\"sub\":\"a\",\"exp\":4102444800}");
        QVERIFY(!ec1.isEmpty());
        ProcessResult r =
            kh({ u"verify"_s, u"--jwks"_s, m_jwks, u"--json"_s, QString::fromLatin1(ec1) });
        QVERIFY2(r.exitCode == 0, qPrintable(diag(r)));
        QCOMPARE(json(r).value(u"kid"_s).toString(), u"ec1"_s);
        const QByteArray unknown = sign(
            { u"--alg"_s, u"ES256"_s, u"--key"_s, m_esPriv, u"--header"_s, u"{\"kid\":\"zzz\"}"_s },
            "{\"sub\":\"a\",\"exp\":4102444800}");
        r = kh({ u"verify"_s, u"--jwks"_s, m_jwks, u"--json"_s, QString::fromLatin1(unknown) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(findingIds(json(r)).contains(u"kid-unknown"_s));
        // No kid: the keys whose type fits are tried (only the EC key fits ES256 here).
        const QByteArray noKid =
            sign({ u"--alg"_s, u"ES256"_s, u"--key"_s, m_esPriv }, "{\"exp\":4102444800}");
        r = kh({ u"verify"_s, u"--jwks"_s, m_jwks, QString::fromLatin1(noKid) });
        QVERIFY2(r.exitCode == 0, qPrintable(diag(r)));
    }

    void verifySecretFromStdin()
    {
        const QByteArray t =
            sign({ u"--alg"_s, u"HS256"_s, u"--secret-file"_s, m_secret }, "{\"exp\":4102444800}");
        QFile f(m_secret);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray secret = f.readAll();
        ProcessResult r =
            kh({ u"verify"_s, u"--secret-file"_s, u"-"_s, QString::fromLatin1(t) }, secret);
        QVERIFY2(r.exitCode == 0, qPrintable(diag(r)));
        r = kh({ u"verify"_s, u"--secret-file"_s, u"-"_s }, t);
        QCOMPARE(r.exitCode, 2);
        r = kh({ u"verify"_s, u"--json"_s, u"--secret-file"_s, m_secret,
            QString::fromLatin1(t) + u"x"_s });
        QCOMPARE(r.exitCode, 1); // a 33-byte HS256 MAC: wrong length
        QVERIFY(findingIds(json(r)).contains(u"signature-format"_s));
        r = kh({ u"verify"_s, u"--secret-file"_s, m_secret, QString::fromLatin1(t) + u"xx"_s });
        QCOMPARE(r.exitCode, 2); // 45 characters: 1 mod 4, not base64url at all
    }

    void verifyUsageAndNetwork()
    {
        const QString tok = QString::fromLatin1(m_rsToken);
        ProcessResult r = kh({ u"verify"_s, tok });
        QCOMPARE(r.exitCode, 2);
        r = kh({ u"verify"_s, tok, u"--key"_s, m_rsPub, u"--secret-file"_s, m_secret });
        QCOMPARE(r.exitCode, 2);
        r = kh({ u"verify"_s, tok, u"--key"_s, m_rsPub, u"--alg"_s, u"XY999"_s });
        QCOMPARE(r.exitCode, 2);
        r = kh({ u"verify"_s, tok, u"--key"_s, m_dir.filePath(u"missing.pem"_s) });
        QCOMPARE(r.exitCode, 2);
        // Nothing listens on port 9: an environment failure (exit 3), said clearly.
        r = kh({ u"verify"_s, tok, u"--jwks"_s, u"https://127.0.0.1:9/jwks.json"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(json(r).value(u"error"_s).toObject().value(u"id"_s).toString(), u"network"_s);
        r = kh({ u"verify"_s, tok, u"--issuer"_s, u"https://127.0.0.1:9"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(json(r).value(u"error"_s).toObject().value(u"id"_s).toString(),
            u"provider-unreachable"_s);
        // Plain HTTP is refused before anything is sent unless the host is loopback.
        r = kh({ u"verify"_s, tok, u"--jwks"_s, u"http://keys.keyhaven.invalid/jwks"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("HTTPS"), r.err.constData());
        r = kh({ u"verify"_s, tok, u"--issuer"_s, u"http://id.keyhaven.invalid"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("HTTPS"), r.err.constData());
    }

    void signRoundTrip_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("signWith");
        QTest::addColumn<QStringList>("verifyWith");
        for (const char *a : { "HS256", "HS384", "HS512" })
            QTest::newRow(a) << QString::fromLatin1(a) << u"secret"_s
                             << QStringList { u"--secret-file"_s, m_secret };
        for (const char *a : { "RS256", "RS384", "RS512", "PS256", "PS384", "PS512" })
            QTest::newRow(a) << QString::fromLatin1(a) << m_rsPriv
                             << QStringList { u"--key"_s, m_rsPub };
        QTest::newRow("ES256") << u"ES256"_s << m_esPriv << QStringList { u"--key"_s, m_esPub };
        QTest::newRow("EdDSA") << u"EdDSA"_s << m_edPriv << QStringList { u"--key"_s, m_edPub };
    }
    void signRoundTrip()
    {
        QFETCH(QString, alg);
        QFETCH(QString, signWith);
        QFETCH(QStringList, verifyWith);
        const QStringList keyArgs = signWith == u"secret"_s
            ? QStringList { u"--secret-file"_s, m_secret }
            : QStringList { u"--key"_s, signWith };
        // Payload from stdin.
        ProcessResult s =
            kh(QStringList { u"sign"_s, u"--alg"_s, alg } + keyArgs + QStringList { u"-"_s },
                "{\"sub\":\"round-trip\",\"aud\":\"api\",\"exp\":4102444800}\n");
        QVERIFY2(s.exitCode == 0, qPrintable(diag(s)));
        const QByteArray token = s.out.trimmed();
        QCOMPARE(token.count('.'), 2);
        ProcessResult v =
            kh(QStringList { u"verify"_s, u"--json"_s, u"--aud"_s, u"api"_s } + verifyWith, token);
        QVERIFY2(v.exitCode == 0, qPrintable(diag(v)));
        QCOMPARE(json(v).value(u"alg"_s).toString(), alg);
        QCOMPARE(json(v).value(u"header"_s).toObject().value(u"typ"_s).toString(), u"JWT"_s);
    }

    void signRefusals()
    {
        ProcessResult r =
            kh({ u"sign"_s, u"--alg"_s, u"none"_s, u"--secret-file"_s, m_secret, u"{}"_s });
        QCOMPARE(r.exitCode, 2);
        r = kh({ u"sign"_s, u"--alg"_s, u"RS256"_s, u"--key"_s, m_rsPub, u"{}"_s });
        QCOMPARE(r.exitCode, 2); // a public key cannot sign
        r = kh({ u"sign"_s, u"--alg"_s, u"ES256"_s, u"--key"_s, m_rsPriv, u"{}"_s });
        QCOMPARE(r.exitCode, 2);
        r = kh({ u"sign"_s, u"--alg"_s, u"HS256"_s, u"--secret-file"_s, m_secret,
            u"{\"a\":1,\"a\":2}"_s });
        QCOMPARE(r.exitCode, 2);
        r = kh({ u"sign"_s, u"--alg"_s, u"HS256"_s, u"--secret-file"_s, m_secret, u"not json"_s });
        QCOMPARE(r.exitCode, 2);
        const QString shortSecret = write(u"short.bin"_s, "0123456789");
        r = kh({ u"sign"_s, u"--alg"_s, u"HS256"_s, u"--secret-file"_s, shortSecret, u"{}"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("at least 32"));
    }

    void pkceRfcExample()
    {
        ProcessResult r = kh({ u"pkce"_s, u"--verifier"_s,
            u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(diag(r)));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"code_challenge"_s).toString(),
            u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
        QCOMPARE(o.value(u"code_challenge_method"_s).toString(), u"S256"_s);
        r = kh({ u"pkce"_s, u"--verifier"_s, u"too-short"_s });
        QCOMPARE(r.exitCode, 2);
        r = kh({ u"pkce"_s, u"--verifier"_s, QString(50, u'a') + u"!"_s });
        QCOMPARE(r.exitCode, 2);
    }

    void pkceRandom()
    {
        static const QRegularExpression charset(u"^[A-Za-z0-9._~-]+$"_s);
        QSet<QString> seen;
        for (const int len : { 0, 43, 100, 128 }) {
            QStringList args { u"pkce"_s, u"--json"_s };
            if (len)
                args << u"--length"_s << QString::number(len);
            const ProcessResult r = kh(args);
            QVERIFY2(r.exitCode == 0, qPrintable(diag(r)));
            const QString v = json(r).value(u"code_verifier"_s).toString();
            QCOMPARE(v.size(), len ? len : 64);
            QVERIFY(charset.match(v).hasMatch());
            QVERIFY(!seen.contains(v));
            seen.insert(v);
            // The challenge printed is the S256 of the verifier printed.
            const ProcessResult check = kh({ u"pkce"_s, u"--verifier"_s, v, u"--json"_s });
            QCOMPARE(json(check).value(u"code_challenge"_s), json(r).value(u"code_challenge"_s));
        }
        QCOMPARE(kh({ u"pkce"_s, u"--length"_s, u"42"_s }).exitCode, 2);
        QCOMPARE(kh({ u"pkce"_s, u"--length"_s, u"129"_s }).exitCode, 2);
    }
};

QObject *makeCliJoseTest() { return new CliTestJose; }

#include "clijosetest.moc"
