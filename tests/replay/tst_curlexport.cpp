// tests/replay/tst_curlexport.cpp — curl export: exact command lines for each binding, shell
// quoting that the bash-compatible word splitter reads back byte for byte, and no secret in any
// of it (the export never reads one). Running the commands in a real bash against httpbin and
// the OpenID provider is in tst_cli and tst_replay_oauth_e2e.
#include "replay/authbinding.h"
#include "replay/curlexport.h"
#include "replay/shellwords.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven::replay;
using keyhaven::Result;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;

namespace {
Item item(const QString &name, ItemKind kind)
{
    Item i;
    i.id = QUuid::createUuid();
    i.name = name;
    i.kind = kind;
    return i;
}

Request bound(Request r, const Item &it, const QString &basicUser = {})
{
    const Result<void> b = applyBinding(r, bindingFor(it, basicUser), it.name, nullptr);
    if (!b)
        qFatal("binding failed");
    return r;
}
} // namespace

class CurlExportTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quoting_data()
    {
        QTest::addColumn<QByteArray>("word");
        QTest::addColumn<QByteArray>("quoted");
        QTest::newRow("bare") << "http://127.0.0.1:80/get"_ba
                              << "http://127.0.0.1:80/get"_ba;
        QTest::newRow("empty") << QByteArray() << "''"_ba;
        QTest::newRow("query") << "http://h/x?a=1&b=2"_ba
                               << "'http://h/x?a=1&b=2'"_ba;
        QTest::newRow("quote") << "it's"_ba
                               << "'it'\\''s'"_ba;
        QTest::newRow("dollar") << "$(rm -rf ~) `x` $HOME"_ba
                                << "'$(rm -rf ~) `x` $HOME'"_ba;
        QTest::newRow("newline-tab") << "a\n\tb"_ba
                                     << "'a\n\tb'"_ba;
        QTest::newRow("utf8") << "gr\xc3\xbc\xc3\x9f"_ba
                              << "'gr\xc3\xbc\xc3\x9f'"_ba;
        QTest::newRow("control") << "a\x01'b\\"_ba
                                 << "$'a\\x01\\'b\\\\'"_ba;
        QTest::newRow("invalid-utf8") << "\xff\xfe"_ba
                                      << "$'\\xff\\xfe'"_ba;
    }

    void quoting()
    {
        QFETCH(QByteArray, word);
        QFETCH(QByteArray, quoted);
        QCOMPARE(shellQuote(word), quoted);
        // What bash would read back (our splitter follows bash's quoting rules).
        const Result<ShellWords> split = splitShellWords(quoted, {});
        QVERIFY2(split, qPrintable(split ? QString() : split.error().message));
        QCOMPARE(split->words, QList<QByteArray> { word });
    }

    void apiKeyHeader()
    {
        Request r;
        r.url = u"http://127.0.0.1:8080/get?a=1&b=2"_s;
        r.headers = { { "Accept", "application/json" }, { "X-Api-Key", "pasted" } };
        const Item key = item(u"hb key"_s, ItemKind::ApiKey);
        const CurlExport e = exportCurl({ bound(r, key) }, key);
        QCOMPARE(e.command,
            "curl 'http://127.0.0.1:8080/get?a=1&b=2' \\\n"
            "  -H 'Accept: application/json' \\\n"
            "  -H 'X-API-Key: '\"$(keyhaven-cli secret 'hb key')\"\n"_ba);
        QVERIFY(!e.command.contains("pasted")); // the binding replaced the pasted key
        QVERIFY(e.notes.isEmpty());
    }

    void apiKeyInQueryAndCookie()
    {
        Request r;
        r.url = u"http://127.0.0.1:8080/get?a=1&api_key=pasted&b=2"_s;
        r.headers = { { "Cookie", "theme=dark" } };
        const Item key = item(u"hb key"_s, ItemKind::ApiKey);
        AuthBinding q = bindingFor(key);
        q.headerName = "api_key";
        q.placement = AuthBinding::Placement::Query;
        Request inQuery = r;
        QVERIFY(applyBinding(inQuery, q, key.name, nullptr).has_value());
        CurlExport e = exportCurl({ inQuery }, key);
        QCOMPARE(e.command,
            "curl 'http://127.0.0.1:8080/get?a=1&b=2' \\\n"
            "  --url-query api_key=\"$(keyhaven-cli secret 'hb key')\" \\\n"
            "  -H 'Cookie: theme=dark'\n"_ba);
        QVERIFY(!e.command.contains("pasted") && !e.command.contains("%E2"));

        AuthBinding c = q;
        c.headerName = "sid";
        c.placement = AuthBinding::Placement::Cookie;
        Request inCookie = r;
        QVERIFY(applyBinding(inCookie, c, key.name, nullptr).has_value());
        e = exportCurl({ inCookie }, key);
        QVERIFY2(
            e.command.contains("-H 'Cookie: theme=dark; sid='\"$(keyhaven-cli secret 'hb key')\""),
            e.command.constData());
    }

    void removeBoundCredentialLeavesTheReference()
    {
        // A saved request leaves out what its binding writes (Requests panel Save, requests save).
        Item key = item(u"k"_s, ItemKind::ApiKey);
        key.headerName = u"X-Custom-Key"_s;
        const QList<std::pair<Item, QString>> cases { { key, {} },
            { item(u"j"_s, ItemKind::Jwt), {} }, { item(u"o"_s, ItemKind::OAuth), {} },
            { item(u"b"_s, ItemKind::ApiKey), u"user"_s } };
        for (const auto &[it, user] : cases) {
            Request r = bound(Request {}, it, user);
            r.headers.prepend({ "Accept", "*/*" });
            QCOMPARE(r.headers.size(), 2);
            removeBoundCredential(r);
            QCOMPARE(r.headers, (Headers { { "Accept", "*/*" } }));
            QCOMPARE(r.auth.item, it.name); // the reference stays
        }
    }

    void oauthBearerAndJwt()
    {
        Request r;
        r.url = u"https://api.example/me"_s;
        const Item conn = item(u"work"_s, ItemKind::OAuth);
        QCOMPARE(exportCurl({ bound(r, conn) }, conn).command,
            "curl https://api.example/me \\\n"
            "  -H 'Authorization: Bearer '\"$(keyhaven-cli token work)\"\n"_ba);
        const Item jwt = item(u"-odd"_s, ItemKind::Jwt);
        // A name that starts with "-" is passed as the item's id.
        QCOMPARE(exportCurl({ bound(r, jwt) }, jwt, "/opt/kh/keyhaven-cli").command,
            "curl https://api.example/me \\\n"
            "  -H 'Authorization: Bearer '\"$(/opt/kh/keyhaven-cli secret "
                + jwt.idString().toLatin1() + ")\"\n");
    }

    void basicPostBodyAndOptions()
    {
        Request r;
        r.method = "POST";
        r.url = u"https://api.example/x?f[]=1"_s;
        r.headers = { { "Content-Type", "text/plain" }, { "Host", "other" }, { "X-Empty", "" } };
        r.body = "@not-a-file it's"_ba;
        r.insecureTls = true;
        r.compressed = true;
        r.timeoutMs = 2500;
        r.followRedirects = true;
        const Item key = item(u"pw"_s, ItemKind::ApiKey);
        const CurlExport e = exportCurl({ bound(r, key, u"alice"_s) }, key);
        QCOMPARE(e.command,
            "curl 'https://api.example/x?f[]=1' \\\n"
            "  -g \\\n"
            "  -H 'Content-Type: text/plain' \\\n"
            "  -H 'X-Empty;' \\\n"
            "  -u alice:\"$(keyhaven-cli secret pw)\" \\\n"
            "  --data-raw '@not-a-file it'\\''s' \\\n"
            "  -k \\\n"
            "  --compressed \\\n"
            "  -m 3\n"_ba);
        // -L is left out: curl would carry the credential's header to another host.
        QCOMPARE(e.notes.size(), 1);
        QVERIFY(e.notes.first().contains(u"rule 7"_s));
    }

    void binaryBodyAndNext()
    {
        Request a;
        a.method = "PUT";
        a.url = u"http://h/a"_s;
        a.body = QByteArray("%\0'\\\xff", 5);
        Request b;
        b.method = "HEAD";
        b.url = u"http://h/b"_s;
        b.followRedirects = true;
        const CurlExport e = exportCurl({ a, b }, std::nullopt);
        QCOMPARE(e.command,
            "curl http://h/a \\\n"
            "  -X PUT \\\n"
            "  --data-binary @<(printf '%%\\000\\047\\\\\\377') \\\n"
            "  --next http://h/b \\\n"
            "  --head \\\n"
            "  -L\n"_ba);
    }
};

QObject *makeCurlExportTest() { return new CurlExportTest; }

#include "tst_curlexport.moc"
