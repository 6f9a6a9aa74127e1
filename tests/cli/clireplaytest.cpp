// tests/cli/clireplaytest.cpp — keyhaven-cli replay against two real python3-httpbin servers on
// 127.0.0.1 (two origins), with real vault items in the real keychain: dry-run shape, curl's
// refusals, rule 7 (cross-origin refusal, no credential after a cross-origin redirect), sending
// and 401 diagnosis; saved requests (requests save/export/import, replay REQUEST --env).
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using keyhaven::test::ProcessResult;

namespace {
ProcessResult cli(const QStringList &args, const QByteArray &stdinData = {})
{
    return keyhaven::test::run(
        keyhaven::test::binPath(u"keyhaven-cli"_s), args, stdinData, {}, 60000);
}

QByteArray describe(const ProcessResult &r)
{
    return "exit " + QByteArray::number(r.exitCode) + "; stderr: " + r.err;
}

} // namespace

class CliReplayTest : public QObject
{
    Q_OBJECT
    QProcess m_a;
    QProcess m_b;
    QString m_originA;
    QString m_originB;
    QByteArray m_key;
    QByteArray m_jwt;

    static bool startHttpbin(QProcess &p, QString &origin)
    {
        origin = keyhaven::test::startHttpbin(p);
        return !origin.isEmpty();
    }

    QJsonObject bodyJson(const ProcessResult &r) { return QJsonDocument::fromJson(r.out).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        keyhaven::test::freshDataDir();
        QVERIFY2(startHttpbin(m_a, m_originA), "python3-httpbin (./dev deps) did not start");
        QVERIFY2(startHttpbin(m_b, m_originB), "second httpbin did not start");
        m_key = "hk-" + QUuid::createUuid().toRfc4122().toHex();
        const QByteArray payload = "{\"sub\":\"replay\",\"exp\":4102444800}";
        m_jwt = "eyJhbGciOiJIUzI1NiJ9."
            + payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            + ".c2ln" + QUuid::createUuid().toRfc4122().toHex();
        ProcessResult r =
            cli({ u"keys"_s, u"add"_s, u"hb-key"_s, u"--kind"_s, u"api-key"_s, u"--secret-file"_s,
                    u"-"_s, u"--header"_s, u"X-Api-Key"_s, u"--base-url"_s, m_originA },
                m_key);
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        r = cli({ u"keys"_s, u"add"_s, u"hb-jwt"_s, u"--kind"_s, u"jwt"_s, u"--secret-file"_s,
                    u"-"_s, u"--base-url"_s, m_originA },
            m_jwt);
        QVERIFY2(r.exitCode == 0, describe(r).constData());
    }

    void cleanupTestCase()
    {
        for (QProcess *p : { &m_a, &m_b }) {
            p->kill();
            p->waitForFinished(5000);
        }
    }

    void dryRunShape()
    {
        const ProcessResult r = cli({ u"replay"_s, u"--curl"_s,
            u"curl -X POST %1/post -H 'X-Trace: 1' -H 'X-Trace: 2' --data-binary $'a\\xffb' "
            "--next %1/get?api_key=zz"_s.arg(m_originA),
            u"--with"_s, u"hb-key"_s, u"--dry-run"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY(!r.out.contains(m_key));
        const QJsonArray requests = bodyJson(r).value(u"requests"_s).toArray();
        QCOMPARE(requests.size(), 2);
        const QJsonObject first = requests[0].toObject();
        QCOMPARE(first.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(first.value(u"url"_s).toString(), m_originA + u"/post"_s);
        QVERIFY(first.value(u"body"_s).isNull());
        QCOMPARE(first.value(u"body_base64"_s).toString(), u"Yf9i"_s);
        const QJsonArray headers = first.value(u"headers"_s).toArray();
        QCOMPARE(headers[1].toArray(), (QJsonArray { u"X-Trace"_s, u"1"_s }));
        QCOMPARE(headers[2].toArray(), (QJsonArray { u"X-Trace"_s, u"2"_s }));
        QVERIFY(headers.contains(QJsonArray { u"X-Api-Key"_s, u"\u2039item hb-key\u203a"_s }));
        QVERIFY(first.value(u"findings"_s).toArray().isEmpty());
        const QJsonObject second = requests[1].toObject();
        QCOMPARE(second.value(u"method"_s).toString(), u"GET"_s);
        QCOMPARE(second.value(u"findings"_s).toArray().at(0).toObject().value(u"id"_s).toString(),
            u"key-in-url"_s);
    }

    void curlRefusalIsUsageError()
    {
        const ProcessResult r = cli({ u"replay"_s, u"--curl"_s,
            u"curl -T /etc/hostname -d x %1/put"_s.arg(m_originA), u"--dry-run"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("You can only select one HTTP request method"));
    }

    void crossOriginRefused()
    {
        const ProcessResult r = cli({ u"replay"_s, u"--curl"_s, u"curl %1/headers"_s.arg(m_originB),
            u"--with"_s, u"hb-key"_s });
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        QVERIFY(r.err.contains("credential-cross-origin"));
        QVERIFY(!r.out.contains(m_key) && !r.err.contains(m_key));
        // Allowed for this request only: then it goes.
        const ProcessResult ok =
            cli({ u"replay"_s, u"--curl"_s, u"curl %1/headers"_s.arg(m_originB), u"--with"_s,
                u"hb-key"_s, u"--allow-origin"_s, m_originB });
        QVERIFY2(ok.exitCode == 0, describe(ok).constData());
    }

    void sendsTheKeyOnce()
    {
        const ProcessResult r = cli({ u"replay"_s, u"--curl"_s,
            u"curl %1/headers -H 'X-Api-Key: pasted'"_s.arg(m_originA), u"--with"_s, u"hb-key"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject headers = bodyJson(r).value(u"headers"_s).toObject();
        // The binding replaced the pasted key: exactly the vault's value, once (not "a, b").
        QCOMPARE(headers.value(u"X-Api-Key"_s).toString().toUtf8(), m_key);
        QVERIFY2(r.err.contains("200 OK ("), r.err.constData());
        QVERIFY(!r.err.contains(m_key));
    }

    void bearerFromJwt()
    {
        ProcessResult r = cli({ u"replay"_s, u"--curl"_s, u"curl %1/bearer"_s.arg(m_originA) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("401 "), r.err.constData());
        QVERIFY2(r.err.contains("sent no credential"), r.err.constData());
        r = cli({ u"replay"_s, u"--curl"_s, u"curl %1/bearer"_s.arg(m_originA), u"--with"_s,
            u"hb-jwt"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject o = bodyJson(r);
        QCOMPARE(o.value(u"status"_s).toInt(), 200);
        QVERIFY(o.value(u"time_ms"_s).toInteger() >= 0);
        // httpbin's /bearer echoes the token through lstrip("Bearer "), which eats a leading
        // "e"; /headers shows the header exactly as it arrived.
        r = cli({ u"replay"_s, u"--curl"_s, u"curl %1/headers"_s.arg(m_originA), u"--with"_s,
            u"hb-jwt"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(bodyJson(r).value(u"headers"_s).toObject().value(u"Authorization"_s).toString(),
            u"Bearer "_s + QString::fromUtf8(m_jwt));
        QVERIFY(!r.err.contains(m_jwt));
    }

    void basicAuth()
    {
        const ProcessResult r = cli({ u"replay"_s, u"--curl"_s,
            u"curl %1/basic-auth/alice/%2"_s.arg(m_originA, QString::fromUtf8(m_key)), u"--with"_s,
            u"hb-key"_s, u"--basic-user"_s, u"alice"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(bodyJson(r).value(u"authenticated"_s).toBool(), true);
    }

    void redirectToOtherOriginDropsCredential()
    {
        const QString target = m_originB + u"/headers"_s;
        const ProcessResult r = cli(
            { u"replay"_s, u"--curl"_s, u"curl -L '%1/redirect-to?url=%2'"_s.arg(m_originA, target),
                u"--with"_s, u"hb-key"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject o = bodyJson(r);
        QCOMPARE(o.value(u"url"_s).toString(), target);
        const QByteArray body = o.value(u"body"_s).toString().toUtf8();
        QVERIFY2(body.contains("\"Host\""), body.constData());
        QVERIFY(!body.contains(m_key));
        QVERIFY(!body.contains("X-Api-Key"));
        QVERIFY(o.value(u"notes"_s).toArray().at(0).toString().contains(u"X-Api-Key"_s));
    }

    void diagnosesChallenges()
    {
        // httpbin's /status/401 asks for Basic: a Bearer sent there is the wrong scheme.
        ProcessResult r = cli({ u"replay"_s, u"--curl"_s, u"curl %1/status/401"_s.arg(m_originA),
            u"--with"_s, u"hb-jwt"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 1);
        QJsonArray diagnosis = bodyJson(r).value(u"diagnosis"_s).toArray();
        QCOMPARE(diagnosis.at(0).toObject().value(u"id"_s).toString(), u"scheme-mismatch"_s);
        QVERIFY(!r.out.contains(m_jwt));
        r = cli({ u"replay"_s, u"--curl"_s, u"curl %1/status/403"_s.arg(m_originA), u"--json"_s });
        QCOMPARE(r.exitCode, 1);
        diagnosis = bodyJson(r).value(u"diagnosis"_s).toArray();
        QCOMPARE(diagnosis.at(0).toObject().value(u"id"_s).toString(), u"forbidden"_s);
        r = cli({ u"replay"_s, u"--curl"_s, u"curl %1/status/429"_s.arg(m_originA) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("429: too many requests"), r.err.constData());
    }

    void replaysHarEntry()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"session.har"_s);
        const QJsonObject get {
            { u"request"_s,
                QJsonObject { { u"method"_s, u"GET"_s },
                    { u"url"_s, QString(m_originA + u"/get?access_token=har-tok-1"_s) },
                    { u"headers"_s,
                        QJsonArray { QJsonObject { { u"name"_s, u"Cookie"_s },
                            { u"value"_s, u"theme=dark; sessionid=har-sess-1"_s } } } } } },
            { u"response"_s, QJsonObject { { u"status"_s, 200 } } }
        };
        const QJsonObject post { { u"request"_s,
                                     QJsonObject { { u"method"_s, u"POST"_s },
                                         { u"url"_s, QString(m_originA + u"/anything/har"_s) },
                                         { u"postData"_s,
                                             QJsonObject { { u"mimeType"_s, u"text/plain"_s },
                                                 { u"text"_s, u"from the har"_s } } } } },
            { u"response"_s, QJsonObject { { u"status"_s, 401 } } } };
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject { { u"log"_s,
                                  QJsonObject { { u"version"_s, u"1.2"_s },
                                      { u"entries"_s, QJsonArray { get, post } } } } })
                    .toJson());
        f.close();
        ProcessResult r = cli({ u"replay"_s, u"--har"_s, file, u"--status"_s, u"401"_s, u"--with"_s,
            u"hb-key"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject echoed =
            QJsonDocument::fromJson(bodyJson(r).value(u"body"_s).toString().toUtf8()).object();
        QCOMPARE(echoed.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(echoed.value(u"data"_s).toString(), u"from the har"_s);
        QCOMPARE(
            echoed.value(u"headers"_s).toObject().value(u"X-Api-Key"_s).toString().toUtf8(), m_key);
        r = cli({ u"replay"_s, u"--har"_s, file, u"--entry"_s, u"7"_s, u"--dry-run"_s });
        QCOMPARE(r.exitCode, 2);
        // The browser's credentials are offered for the vault, as a pasted curl's are.
        r = cli(
            { u"replay"_s, u"--har"_s, file, u"--entry"_s, u"0"_s, u"--dry-run"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QStringList where;
        for (const QJsonValue &c : bodyJson(r).value(u"credentials"_s).toArray())
            where.append(c[u"where"_s].toString());
        QCOMPARE(where, (QStringList { u"cookie sessionid"_s, u"query parameter access_token"_s }));
        r = cli({ u"replay"_s, u"--har"_s, file, u"--entry"_s, u"0"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY(r.err.contains("carries a credential in the cookie sessionid"));
        r = cli({ u"history"_s, u"--limit"_s, u"1"_s, u"--json"_s });
        QVERIFY(!r.out.contains("har-sess-1") && !r.out.contains("har-tok-1"));
        QVERIFY(r.out.contains("sessionid=\u2039redacted\u203a"));
    }

    // --export-curl: the printed command holds no secret, and bash runs it as printed: the key
    // comes from `keyhaven-cli secret`, and quotes, $ and backquotes arrive as they were.
    void exportedCurlRunsInBash()
    {
        const QString pasted = u"curl -X POST '%1/anything/x?q=1&r=2' -H 'X-Note: it'\\''s $HOME' "
                               "--data-raw 'a=$(id)&b=`x`' -H 'X-Api-Key: pasted'"_s.arg(m_originA);
        const ProcessResult r =
            cli({ u"replay"_s, u"--curl"_s, pasted, u"--with"_s, u"hb-key"_s, u"--export-curl"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(r.out.contains("\"$(keyhaven-cli secret hb-key)\""), r.out.constData());
        QVERIFY(!r.out.contains(m_key) && !r.err.contains(m_key));
        QVERIFY(!r.out.contains(m_key.toBase64()));
        QVERIFY(!r.out.contains("pasted")); // the binding replaced the pasted header
        const QString bin = QFileInfo(keyhaven::test::binPath(u"keyhaven-cli"_s)).absolutePath();
        const ProcessResult sh = keyhaven::test::run(u"/bin/bash"_s,
            { u"-c"_s, QString::fromUtf8("set -euo pipefail\n" + r.out.trimmed() + " --fail -sS") },
            {}, { u"PATH="_s + bin + u':' + qEnvironmentVariable("PATH") }, 60000);
        QVERIFY2(sh.exitCode == 0, describe(sh).constData());
        const QJsonObject echoed = QJsonDocument::fromJson(sh.out).object();
        QCOMPARE(echoed.value(u"method"_s).toString(), u"POST"_s);
        // -d's form type, as the import set it: httpbin parses the body into "form".
        const QJsonObject form = echoed.value(u"form"_s).toObject();
        QCOMPARE(form.value(u"a"_s).toString(), u"$(id)"_s);
        QCOMPARE(form.value(u"b"_s).toString(), u"`x`"_s);
        QCOMPARE(echoed.value(u"args"_s).toObject().value(u"r"_s).toString(), u"2"_s);
        const QJsonObject headers = echoed.value(u"headers"_s).toObject();
        QCOMPARE(headers.value(u"X-Api-Key"_s).toString().toUtf8(), m_key);
        QCOMPARE(headers.value(u"X-Note"_s).toString(), u"it's $HOME"_s);
        // --json: the same command in {"curl": ...}; a credential bound for another origin is
        // still printed (it holds no secret) but exits 1, as replay would refuse to send it.
        const ProcessResult other =
            cli({ u"replay"_s, u"--curl"_s, u"curl %1/headers"_s.arg(m_originB), u"--with"_s,
                u"hb-key"_s, u"--export-curl"_s, u"--json"_s });
        QCOMPARE(other.exitCode, 1);
        const QJsonObject o = bodyJson(other);
        QVERIFY(o.value(u"curl"_s).toString().startsWith(u"curl "_s + m_originB));
        QCOMPARE(o.value(u"findings"_s)[0][0][u"id"_s].toString(), u"credential-cross-origin"_s);
    }

    // Runs last: every send above was recorded, and no secret reached the database files.
    void savedRequests()
    {
        const QString data = qEnvironmentVariable("KEYHAVEN_DATA_DIR");
        ProcessResult r = cli({ u"requests"_s, u"save"_s, u"Api/headers"_s, u"--curl"_s,
            u"curl '{{base}}/headers' -H 'X-Tenant: {{tenant}}'"_s, u"--with"_s, u"hb-key"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        // A pasted key the binding replaces is not saved.
        r = cli({ u"requests"_s, u"save"_s, u"Api/replaced"_s, u"--curl"_s,
            u"curl {{base}}/get -H 'X-Api-Key: pasted-zzz-0123'"_s, u"--with"_s, u"hb-key"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        // A pasted key without a binding is refused, and not echoed.
        r = cli({ u"requests"_s, u"save"_s, u"Api/leaky"_s, u"--curl"_s,
            u"curl {{base}}/get -H 'X-Api-Key: pasted-zzz-4567'"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("carries a credential in the header X-Api-Key"), r.err.constData());
        QVERIFY(!r.err.contains("pasted-zzz"));

        const QString file = data + u"/api.json"_s;
        r = cli({ u"requests"_s, u"export"_s, u"Api"_s, u"--out"_s, file });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray exported = f.readAll();
        f.close();
        QVERIFY(!exported.contains(m_key) && !exported.contains("pasted-zzz"));
        QJsonObject collection = QJsonDocument::fromJson(exported).object();
        QCOMPARE(collection.value(u"format"_s).toString(), u"keyhaven-collection"_s);
        const QJsonArray requests = collection.value(u"requests"_s).toArray();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0][u"url"_s].toString(), u"{{base}}/headers"_s);
        QCOMPARE(requests[0][u"auth"_s][u"item"_s].toString(), u"hb-key"_s);
        QCOMPARE(requests[0][u"auth"_s][u"name"_s].toString(), u"X-Api-Key"_s);
        QCOMPARE(requests[0][u"auth"_s][u"in"_s].toString(), u"header"_s);
        // Stdout gives the same bytes as the file.
        r = cli({ u"requests"_s, u"export"_s, u"Api"_s });
        QCOMPARE(r.out, exported);

        // Environments come with the file; importing over a collection needs --replace.
        collection.insert(u"environments"_s,
            QJsonArray {
                QJsonObject { { u"name"_s, u"a"_s },
                    { u"variables"_s,
                        QJsonObject { { u"base"_s, m_originA }, { u"tenant"_s, u"acme"_s } } } },
                QJsonObject { { u"name"_s, u"b"_s },
                    { u"variables"_s,
                        QJsonObject { { u"base"_s, m_originB }, { u"tenant"_s, u"beta"_s } } } } });
        // A request whose API takes the key in the query (moved there from a pasted "?api_key=").
        QJsonArray withQuery = collection.value(u"requests"_s).toArray();
        withQuery.append(
            QJsonObject { { u"name"_s, u"args"_s }, { u"url"_s, u"{{base}}/get?x=1"_s },
                { u"auth"_s,
                    QJsonObject { { u"kind"_s, u"api-key"_s }, { u"item"_s, u"hb-key"_s },
                        { u"name"_s, u"api_key"_s }, { u"in"_s, u"query"_s } } } });
        collection.insert(u"requests"_s, withQuery);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(collection).toJson());
        f.close();
        r = cli({ u"requests"_s, u"import"_s, file });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--replace"));
        r = cli({ u"requests"_s, u"import"_s, file, u"--replace"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(r.out.contains("3 requests, 2 environments"), r.out.constData());

        // Sent with environment a: the vault's key once, the variable filled in.
        r = cli({ u"replay"_s, u"Api/headers"_s, u"--env"_s, u"a"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject echoed =
            QJsonDocument::fromJson(bodyJson(r).value(u"body"_s).toString().toUtf8())
                .object()
                .value(u"headers"_s)
                .toObject();
        QCOMPARE(echoed.value(u"X-Api-Key"_s).toString().toUtf8(), m_key);
        QCOMPARE(echoed.value(u"X-Tenant"_s).toString(), u"acme"_s);
        // The key in the query: sent, and exported for bash as --url-query (no secret printed).
        r = cli({ u"replay"_s, u"Api/args"_s, u"--env"_s, u"a"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject args =
            QJsonDocument::fromJson(bodyJson(r).value(u"body"_s).toString().toUtf8())
                .object()
                .value(u"args"_s)
                .toObject();
        QCOMPARE(args.value(u"api_key"_s).toString().toUtf8(), m_key);
        QCOMPARE(args.value(u"x"_s).toString(), u"1"_s);
        QVERIFY(!r.err.contains(m_key));
        r = cli({ u"replay"_s, u"Api/args"_s, u"--env"_s, u"a"_s, u"--export-curl"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(r.out.contains("--url-query api_key=\"$(keyhaven-cli secret hb-key)\""),
            r.out.constData());
        QVERIFY(!r.out.contains(m_key));
        const QString bin = QFileInfo(keyhaven::test::binPath(u"keyhaven-cli"_s)).absolutePath();
        const ProcessResult sh = keyhaven::test::run(u"/bin/bash"_s,
            { u"-c"_s, QString::fromUtf8("set -euo pipefail\n" + r.out.trimmed() + " --fail -sS") },
            {}, { u"PATH="_s + bin + u':' + qEnvironmentVariable("PATH") }, 60000);
        QVERIFY2(sh.exitCode == 0, describe(sh).constData());
        QCOMPARE(
            QJsonDocument::fromJson(sh.out)[u"args"_s][u"api_key"_s].toString().toUtf8(), m_key);

        // Environment b points at another origin: rule 7 still refuses (by the unique name).
        r = cli({ u"replay"_s, u"headers"_s, u"--env"_s, u"b"_s });
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        QVERIFY(r.err.contains("credential-cross-origin"));
        // No environment: the missing variables are named, nothing is sent.
        r = cli({ u"replay"_s, u"Api/headers"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("{{base}}, {{tenant}}"), r.err.constData());
        r = cli({ u"requests"_s, u"show"_s, u"Api/headers"_s, u"--env"_s, u"a"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(bodyJson(r)[u"resolved"_s][u"url"_s].toString(), m_originA + u"/headers"_s);
        QCOMPARE(bodyJson(r)[u"variables"_s].toArray(), (QJsonArray { u"base"_s, u"tenant"_s }));

        // A secret-looking variable is refused on import.
        collection.insert(u"name"_s, u"Leaky"_s);
        collection.insert(u"environments"_s,
            QJsonArray { QJsonObject { { u"name"_s, u"a"_s },
                { u"variables"_s, QJsonObject { { u"api_token"_s, u"tok-zzz-999"_s } } } } });
        r = cli({ u"requests"_s, u"import"_s, u"-"_s }, QJsonDocument(collection).toJson());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("looks like a secret"), r.err.constData());
        QVERIFY(!r.err.contains("tok-zzz-999"));

        // Environments from the command line: added, refused when secret-looking, a variable
        // unset, removed.
        r = cli({ u"requests"_s, u"env"_s, u"Api"_s, u"c"_s, u"base="_s + m_originA,
            u"tenant=gamma"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        r = cli({ u"replay"_s, u"Api/headers"_s, u"--env"_s, u"c"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(bodyJson(r)[u"headers"_s][u"X-Tenant"_s].toString(), u"gamma"_s);
        r = cli({ u"requests"_s, u"env"_s, u"Api"_s, u"c"_s, u"client_secret=cs-zzz-1"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("looks like a secret") && !r.err.contains("cs-zzz-1"));
        r = cli({ u"requests"_s, u"env"_s, u"Api"_s, u"c"_s, u"--unset"_s, u"tenant"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        r = cli({ u"replay"_s, u"Api/headers"_s, u"--env"_s, u"c"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("has no value for {{tenant}}"), r.err.constData());
        // Renamed (with a change on the way), never onto another environment's name.
        r = cli({ u"requests"_s, u"env"_s, u"Api"_s, u"c"_s, u"--rename"_s, u"a"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("already has an environment \"a\""), r.err.constData());
        r = cli({ u"requests"_s, u"env"_s, u"Api"_s, u"c"_s, u"--rename"_s, u"c2"_s,
            u"tenant=delta"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(bodyJson(r)[u"environment"_s].toString(), u"c2"_s);
        QCOMPARE(bodyJson(r)[u"renamedFrom"_s].toString(), u"c"_s);
        QCOMPARE(bodyJson(r)[u"variables"_s][u"base"_s].toString(), m_originA);
        r = cli({ u"replay"_s, u"Api/headers"_s, u"--env"_s, u"c2"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(bodyJson(r)[u"headers"_s][u"X-Tenant"_s].toString(), u"delta"_s);
        r = cli({ u"replay"_s, u"Api/headers"_s, u"--env"_s, u"c"_s });
        QCOMPARE(r.exitCode, 2);
        r = cli({ u"requests"_s, u"env"_s, u"Api"_s, u"c"_s, u"--rename"_s, u"c3"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("has no environment \"c\""), r.err.constData());
        r = cli({ u"requests"_s, u"env"_s, u"Api"_s, u"c2"_s, u"--rm"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        r = cli({ u"requests"_s, u"env"_s, u"Api"_s, u"c2"_s, u"--rm"_s });
        QCOMPARE(r.exitCode, 2);

        r = cli({ u"requests"_s, u"list"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonArray all = bodyJson(r).value(u"collections"_s).toArray();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0][u"requests"_s].toArray().size(), 3);
        r = cli({ u"requests"_s, u"rm"_s, u"Api/replaced"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        r = cli({ u"requests"_s, u"list"_s });
        QVERIFY(r.out.contains("Api/headers") && !r.out.contains("Api/replaced"));
        QVERIFY(r.out.contains("(environments: a, b)"));
        QVERIFY(r.out.contains("with hb-key (header X-Api-Key)"));
        QVERIFY(r.out.contains("with hb-key (query parameter api_key)"));
    }

    void historyIsRedacted()
    {
        const ProcessResult r = cli({ u"history"_s, u"--limit"_s, u"100"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonArray entries = bodyJson(r).value(u"history"_s).toArray();
        qInfo("replay history: %d entries", int(entries.size()));
        QVERIFY(entries.size() >= 10);
        QVERIFY(!r.out.contains(m_key) && !r.out.contains(m_jwt));
        bool sawKey = false;
        for (const QJsonValue &e : entries) {
            for (const QJsonValue &h : e[u"request_headers"_s].toArray())
                sawKey |=
                    h.toArray() == QJsonArray { u"X-Api-Key"_s, u"\u2039item hb-key\u203a"_s };
        }
        QVERIFY(sawKey);
        const QDir data(qEnvironmentVariable("KEYHAVEN_DATA_DIR"));
        int files = 0;
        for (const QFileInfo &fi : data.entryInfoList(QDir::Files)) {
            QFile f(fi.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ++files;
            QVERIFY2(!bytes.contains(m_key), qPrintable(fi.fileName()));
            QVERIFY2(!bytes.contains(m_jwt), qPrintable(fi.fileName()));
            QVERIFY(!bytes.contains(m_key.toBase64()));
        }
        QVERIFY(files >= 1);
    }
};

QObject *makeCliReplayTest() { return new CliReplayTest; }

#include "clireplaytest.moc"
