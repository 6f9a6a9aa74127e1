// tests/replay/tst_curlimport.cpp — the curl importer against every real curl capture in
// ../shared/testdata/curl (method, request target, headers byte for byte, body), plus bash
// quoting, browser "Copy as cURL" forms, curl's refusals and credential detection.
#include "testsupport.h"

#include "replay/curlimport.h"
#include "replay/shellwords.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven::replay;

namespace {

struct Captured
{
    QByteArray method;
    QByteArray target;
    Headers headers;
    QByteArray body;
};

// The .http format: "### request N (LEN bytes)\n", LEN raw bytes, "\n".
QList<Captured> parseCaptures(const QByteArray &file, QString *error)
{
    QList<Captured> out;
    qsizetype pos = 0;
    while (pos < file.size()) {
        const qsizetype eol = file.indexOf('\n', pos);
        const QByteArray marker = file.mid(pos, eol - pos);
        const qsizetype open = marker.indexOf('(');
        if (!marker.startsWith("### request") || open < 0 || eol < 0) {
            *error = u"bad capture marker at %1"_s.arg(pos);
            return {};
        }
        const qsizetype len =
            marker.mid(open + 1, marker.indexOf(' ', open) - open - 1).toLongLong();
        const QByteArray raw = file.mid(eol + 1, len);
        pos = eol + 1 + len + 1;
        const qsizetype headEnd = raw.indexOf("\r\n\r\n");
        Captured c;
        const QList<QByteArray> lines = raw.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        c.method = requestLine.value(0);
        c.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QByteArray line = lines[i];
            line.chop(line.endsWith('\r') ? 1 : 0);
            const qsizetype colon = line.indexOf(':');
            c.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
        }
        c.body = raw.mid(headEnd + 4);
        out.append(c);
    }
    return out;
}

// Drops what the testdata README allows to differ (transport details and curl's own defaults).
Headers comparable(const Headers &headers, bool compressed)
{
    Headers out;
    for (const Header &h : headers) {
        const QByteArray name = h.first.toLower();
        if (name == "host" || name == "content-length" || name == "expect")
            continue;
        if (name == "user-agent" && h.second == "curl/7.88.1")
            continue;
        if (name == "accept" && h.second == "*/*")
            continue;
        if (name == "accept-encoding" && compressed)
            continue;
        out.append(h);
    }
    return out;
}

QByteArray show(const Headers &headers)
{
    QByteArray s;
    for (const Header &h : headers)
        s += h.first + ": " + h.second + " | ";
    return s;
}

} // namespace

class CurlImportTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QJsonObject m_manifest;
    QHash<QString, QByteArray> m_env;
    QByteArray m_stdin;
    int m_matched = 0; // requests equal to what curl sent
    int m_refused = 0; // commands refused as curl (or the shell) would

    CurlContext context() const
    {
        CurlContext ctx;
        ctx.workingDir = QDir(m_dir.path());
        const QHash<QString, QByteArray> env = m_env;
        ctx.env = [env](const QString &name) -> std::optional<QByteArray> {
            if (!env.contains(name))
                return std::nullopt;
            return env.value(name);
        };
        const QByteArray in = m_stdin;
        ctx.readStdin = [in]() -> keyhaven::Result<QByteArray> { return in; };
        return ctx;
    }

    keyhaven::Result<CurlImport> import(const QByteArray &command) const
    {
        return importCurl(command, context());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const QByteArray manifest = keyhaven::test::readTestdata(u"curl/MANIFEST.json"_s, &error);
        QVERIFY2(!manifest.isEmpty(), qPrintable(error));
        m_manifest = QJsonDocument::fromJson(manifest).object();
        QVERIFY(m_manifest.value(u"cases"_s).toObject().size() > 0);
        // The fixture files curl ran next to (bytes stored as Latin-1 code points).
        const QJsonObject files = m_manifest.value(u"files"_s).toObject();
        for (auto it = files.begin(); it != files.end(); ++it) {
            QFile f(m_dir.filePath(it.key()));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(it.value().toString().toLatin1());
        }
        const QJsonObject env = m_manifest.value(u"env"_s).toObject();
        for (auto it = env.begin(); it != env.end(); ++it)
            m_env.insert(it.key(), it.value().toString().toUtf8());
        m_stdin = m_manifest.value(u"stdin"_s).toString().toUtf8();
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("name");
        const QJsonObject cases = m_manifest.value(u"cases"_s).toObject();
        for (auto it = cases.begin(); it != cases.end(); ++it)
            QTest::newRow(qPrintable(it.key())) << it.key();
        qInfo("curl corpus: %d cases", int(cases.size()));
    }

    void corpus()
    {
        QFETCH(QString, name);
        const QJsonObject expected = m_manifest.value(u"cases"_s).toObject().value(name).toObject();
        QString error;
        const QByteArray command =
            keyhaven::test::readTestdata(u"curl/"_s + name + u".sh"_s, &error);
        QVERIFY2(!command.isEmpty(), qPrintable(error));
        const QByteArray http =
            keyhaven::test::readTestdata(u"curl/"_s + name + u".http"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QList<Captured> captures = parseCaptures(http, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const int curlExit = expected.value(u"curl_exit"_s).toInt();
        QCOMPARE(captures.size(), expected.value(u"requests"_s).toInt());

        const keyhaven::Result<CurlImport> result = import(command);
        if (name == u"redirect_command_url_query"_s) {
            // `echo image.jpg` runs a command: reported, never guessed (testdata README).
            QVERIFY(!result);
            QCOMPARE(result.error().id, u"shell-substitution"_s);
            ++m_refused;
            return;
        }
        if (curlExit == 2) { // curl refused the command itself
            QVERIFY2(!result, "curl refused this command; the import must too");
            QCOMPARE(result.error().id, u"curl-refuses"_s);
            QVERIFY(result.error().message.contains(u"only select one HTTP request method"_s));
            ++m_refused;
            return;
        }
        if (curlExit == 6) { // host not resolvable in the recording sandbox
            QVERIFY(result);
            QCOMPARE(result->requests.size(), 1);
            QCOMPARE(result->requests[0].url, u"http://httpbin.org/test"_s);
            QCOMPARE(result->requests[0].method, "GET"_ba);
            ++m_matched;
            return;
        }
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QVERIFY2(result->unknownOptions.isEmpty(), qPrintable(result->unknownOptions.join(u' ')));
        QCOMPARE(result->requests.size(), captures.size());
        for (int i = 0; i < captures.size(); ++i) {
            const Request &mine = result->requests[i];
            const Captured &real = captures[i];
            QCOMPARE(mine.method, real.method);
            QCOMPARE(requestTarget(mine.url), real.target);
            const QByteArray a = show(comparable(mine.headers, mine.compressed));
            const QByteArray b = show(comparable(real.headers, mine.compressed));
            QCOMPARE(a, b);
            QCOMPARE(mine.body.value_or(QByteArray()), real.body);
            ++m_matched;
        }
    }

    void corpusSummary()
    {
        qInfo("curl corpus: %d requests match real curl, %d commands refused with the reason",
            m_matched, m_refused);
        QCOMPARE(m_refused, 3);
        QCOMPARE(m_matched, 48); // 44 one-request cases + url_query (4)
    }

    void shellQuoting()
    {
        const EnvLookup none = [](const QString &) -> std::optional<QByteArray> {
            return std::nullopt;
        };
        auto words = [&](const char *text) {
            keyhaven::Result<ShellWords> r = splitShellWords(QByteArrayView(text), none);
            return r ? r->words : QList<QByteArray> { "ERROR:" + r.error().id.toUtf8() };
        };
        QCOMPARE(words("curl 'a b' \"c d\""), (QList<QByteArray> { "curl", "a b", "c d" }));
        QCOMPARE(words("curl $'it\\'s\\n\\x41\\u00e9'"),
            (QList<QByteArray> { "curl", "it's\nA\xc3\xa9" }));
        QCOMPARE(words("curl a\\\n  b"), (QList<QByteArray> { "curl", "a", "b" }));
        QCOMPARE(words("curl \"x\\\"y\\$z\\q\""), (QList<QByteArray> { "curl", "x\"y$z\\q" }));
        QCOMPARE(words("curl \"\" # comment 'x\ny"), (QList<QByteArray> { "curl", "", "y" }));
        QCOMPARE(words("curl a\\ b"), (QList<QByteArray> { "curl", "a b" }));
        QCOMPARE(words("curl 'open"), (QList<QByteArray> { "ERROR:unterminated-quote" }));
        QCOMPARE(words("curl \"open"), (QList<QByteArray> { "ERROR:unterminated-quote" }));
        QCOMPARE(words("curl $(cat x)"), (QList<QByteArray> { "ERROR:shell-substitution" }));
        QCOMPARE(words("curl x | sh"), (QList<QByteArray> { "ERROR:shell-operator" }));
        QCOMPARE(words("curl \"$UNSET\"x"), (QList<QByteArray> { "curl", "x" }));
    }

    void chromiumCopyAsCurl()
    {
        const QByteArray cmd = "curl 'https://api.example.com/v1/items?page=2' \\\n"
                               "  -H 'accept: application/json' \\\n"
                               "  -H 'content-type: application/json' \\\n"
                               "  -b 'session=abc123; theme=dark' \\\n"
                               "  -H 'origin: https://app.example.com' \\\n"
                               "  --data-raw $'{\"note\":\"it\\'s\"}' \\\n"
                               "  --compressed";
        const keyhaven::Result<CurlImport> r = import(cmd);
        QVERIFY(r);
        QCOMPARE(r->requests.size(), 1);
        const Request &req = r->requests[0];
        QCOMPARE(req.method, "POST"_ba);
        QCOMPARE(req.url, u"https://api.example.com/v1/items?page=2"_s);
        QCOMPARE(req.body.value(), "{\"note\":\"it's\"}"_ba);
        QCOMPARE(req.headerValue("Cookie"), "session=abc123; theme=dark"_ba);
        QCOMPARE(req.headerValue("content-type"), "application/json"_ba);
        QVERIFY(!req.hasHeader("Content-Type")
            || req.headerValue("Content-Type") == "application/json");
        QCOMPARE(req.bodyKind, BodyKind::Json);
        QVERIFY(req.compressed);
        QCOMPARE(r->credentials.size(), 1);
        QCOMPARE(credentialKindId(r->credentials[0].kind), u"session-cookie"_s);
        QCOMPARE(r->credentials[0].name, u"session"_s);
    }

    void firefoxCopyAsCurl()
    {
        const QByteArray cmd = "curl 'https://api.example.com/v1/items' -X POST -H 'User-Agent: "
                               "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 "
                               "Firefox/128.0' -H 'Accept: application/json' -H 'Content-Type: "
                               "application/json' -H 'Origin: https://app.example.com' -H "
                               "'Connection: keep-alive' -H 'Cookie: session=abc123; theme=dark' "
                               "-H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln' "
                               "--data-raw '{\"name\":\"x\"}'";
        const keyhaven::Result<CurlImport> r = import(cmd);
        QVERIFY(r);
        const Request &req = r->requests.value(0);
        QCOMPARE(req.method, "POST"_ba);
        QCOMPARE(req.body.value(), "{\"name\":\"x\"}"_ba);
        QCOMPARE(req.headers.first().first, "User-Agent"_ba);
        QCOMPARE(req.headerValue("Accept"), "application/json"_ba);
        QStringList kinds;
        for (const DetectedCredential &c : r->credentials)
            kinds << credentialKindId(c.kind) + u':' + c.name;
        QCOMPARE(kinds, (QStringList { u"session-cookie:session"_s, u"bearer:Authorization"_s }));
    }

    void refusalsAndUnknownOptions()
    {
        keyhaven::Result<CurlImport> r = import("curl -I -d a=b http://h/");
        QVERIFY(!r);
        QCOMPARE(r.error().id, u"curl-refuses"_s);
        QCOMPARE(r.error().message,
            u"You can only select one HTTP request method! You asked for both POST (-d, --data) "
            "and HEAD (-I, --head)."_s);
        r = import("curl -F a=b -d c http://h/");
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(u"multipart formpost (-F, --form)"_s));
        r = import("curl --frobnicate -Z http://h/");
        QVERIFY(r);
        QCOMPARE(r->unknownOptions, (QStringList { u"--frobnicate"_s, u"-Z"_s }));
        r = import("curl -H");
        QVERIFY(!r);
        QCOMPARE(r.error().id, u"missing-argument"_s);
        r = import("wget http://h/");
        QVERIFY(!r);
        QCOMPARE(r.error().id, u"not-curl"_s);
        r = import("curl -s");
        QVERIFY(!r);
        QCOMPARE(r.error().id, u"no-url"_s);
    }

    void optionForms()
    {
        // Combined short flags, attached arguments, --next, -G with --data-urlencode, -u in URL.
        keyhaven::Result<CurlImport> r =
            import("curl -sSLkXPATCH -HX-A:1 'http://u:p%40ss@h:8080/p' --next -G --data-urlencode "
                   "'q=a b&c' --data-urlencode =x/y https://h2/s?api_key=K1");
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->requests.size(), 2);
        const Request &a = r->requests[0];
        QCOMPARE(a.method, "PATCH"_ba);
        QVERIFY(a.insecureTls);
        QVERIFY(a.followRedirects);
        QCOMPARE(a.url, u"http://h:8080/p"_s);
        QCOMPARE(a.headerValue("Authorization"), "Basic " + "u:p@ss"_ba.toBase64());
        QCOMPARE(a.headerValue("X-A"), "1"_ba);
        const Request &b = r->requests[1];
        QCOMPARE(b.method, "GET"_ba);
        QVERIFY(!b.insecureTls);
        QCOMPARE(b.url, u"https://h2/s?api_key=K1&q=a%20b%26c&x%2Fy"_s);
        QVERIFY(!b.body);
        bool queryKey = false;
        for (const DetectedCredential &c : r->credentials)
            queryKey |= c.request == 1 && c.kind == DetectedCredential::Kind::QueryKey
                && c.name == u"api_key"_s;
        QVERIFY(queryKey);
        QCOMPARE(curlEscape("a b~é"), "a%20b~%C3%A9"_ba);
    }

    void multipartForm()
    {
        keyhaven::Result<CurlImport> r =
            import("curl -F 'f=@file.txt' -F 'g=v;type=text/x' --form-string 'h=@lit' http://h/up");
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        const Request &req = r->requests.value(0);
        QCOMPARE(req.method, "POST"_ba);
        QCOMPARE(req.bodyKind, BodyKind::Multipart);
        const QByteArray type = req.headerValue("Content-Type");
        QVERIFY(type.startsWith("multipart/form-data; boundary="));
        const QByteArray boundary = type.mid(type.indexOf('=') + 1);
        const QByteArray expected = "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"file.txt\"\r\n"
              "Content-Type: text/plain\r\n\r\ncontents of file.txt\n\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"g\"\r\nContent-Type: "
              "text/x\r\n\r\nv\r\n--"
            + boundary + "\r\nContent-Disposition: form-data; name=\"h\"\r\n\r\n@lit\r\n--"
            + boundary + "--\r\n";
        QCOMPARE(req.body.value(), expected);
        QCOMPARE(req.reads, QStringList { u"file.txt"_s });
    }
};

QObject *makeCurlImportTest() { return new CurlImportTest; }

#include "tst_curlimport.moc"
