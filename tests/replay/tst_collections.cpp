// tests/replay/tst_collections.cpp — saved requests on a real SQLite file: the JSON for git is
// stable and round-trips, {{variables}} resolve, and a secret is refused wherever it would be
// written (a pasted credential, a secret-looking variable).
#include "replay/collections.h"
#include "replay/curlimport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using keyhaven::Result;
using namespace keyhaven::replay;

namespace {

Collection sample()
{
    Collection c;
    c.name = u"Payments"_s;
    c.caFile = u"/etc/keyhaven/ca.pem"_s;
    c.environments = {
        { u"staging"_s,
            { { u"base"_s, u"https://staging.pay.example"_s }, { u"tenant"_s, u"acme"_s } } },
        { u"dev"_s, { { u"base"_s, u"http://127.0.0.1:8080"_s }, { u"tenant"_s, u"t1"_s } } },
    };
    SavedRequest charge;
    charge.name = u"Create charge"_s;
    charge.request.method = "POST";
    charge.request.url = u"{{base}}/v1/{{ tenant }}/charges?expand=customer"_s;
    charge.request.headers = { { "Content-Type", "application/json" },
        { "X-Tenant", "{{tenant}}" } };
    charge.request.body = "{\"amount\": 100, \"tenant\": \"{{tenant}}\"}";
    charge.request.bodyKind = BodyKind::Json;
    charge.request.auth = { AuthBinding::Kind::ApiKey, u"payments-prod"_s, {}, "X-API-Key" };
    charge.request.timeoutMs = 5000;
    SavedRequest me;
    me.name = u"Who am I"_s;
    me.request.url = u"{{base}}/v1/me"_s;
    me.request.auth = { AuthBinding::Kind::Basic, u"payments-basic"_s, u"bob"_s, {} };
    SavedRequest blob;
    blob.name = u"Upload"_s;
    blob.request.method = "PUT";
    blob.request.url = u"{{base}}/v1/blob"_s;
    blob.request.body = QByteArray("\x00\xff{{base}}\x80", 10);
    blob.request.bodyKind = BodyKind::File;
    SavedRequest legacy;
    legacy.name = u"Legacy search"_s;
    legacy.request.url = u"{{base}}/v0/search?q=x"_s;
    legacy.request.auth = { AuthBinding::Kind::ApiKey, u"legacy"_s, {}, "api_key" };
    legacy.request.auth.placement = AuthBinding::Placement::Query;
    c.requests = { charge, me, blob, legacy };
    return c;
}

} // namespace

class CollectionsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exportIsStableAndRoundTrips()
    {
        const Collection c = sample();
        const QByteArray json = exportCollection(c);
        // Environments sorted by name, requests in the user's order.
        QVERIFY(json.indexOf("\"dev\"") < json.indexOf("\"staging\""));
        QVERIFY(json.indexOf("Create charge") < json.indexOf("Who am I"));
        QVERIFY(json.indexOf("Who am I") < json.indexOf("Upload"));
        QVERIFY(json.contains("\"body_base64\""));
        Result<Collection> back = importCollection(json);
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->name, c.name);
        QCOMPARE(back->caFile, c.caFile);
        QCOMPARE(back->requests.size(), 4);
        QCOMPARE(back->requests[3].request.auth.placement, AuthBinding::Placement::Query);
        QCOMPARE(back->requests[3].request.auth.headerName, "api_key"_ba);
        QVERIFY(json.contains("\"in\": \"query\""));
        QCOMPARE(back->requests[2].request.body, c.requests[2].request.body);
        QCOMPARE(back->requests[2].request.bodyKind, BodyKind::File);
        QCOMPARE(back->requests[0].request.auth.kind, AuthBinding::Kind::ApiKey);
        QCOMPARE(back->requests[0].request.auth.item, u"payments-prod"_s);
        QCOMPARE(back->requests[0].request.timeoutMs, 5000);
        QCOMPARE(back->requests[1].request.auth.user, u"bob"_s);
        QCOMPARE(back->environments[0].name, u"dev"_s);
        // The same collection gives the same bytes (for a clean git diff).
        QCOMPARE(exportCollection(*back), json);
    }

    void variablesResolve()
    {
        const Collection c = sample();
        QCOMPARE(variablesUsed(c.requests[0].request), (QStringList { u"base"_s, u"tenant"_s }));
        Result<Request> r = resolveRequest(c, c.requests[0], u"staging"_s);
        QVERIFY(r.has_value());
        QCOMPARE(r->url, u"https://staging.pay.example/v1/acme/charges?expand=customer"_s);
        QCOMPARE(r->headerValue("X-Tenant"), "acme"_ba);
        QCOMPARE(*r->body, "{\"amount\": 100, \"tenant\": \"acme\"}"_ba);
        QCOMPARE(r->caFile, u"/etc/keyhaven/ca.pem"_s); // the collection's CA file
        // A file's bytes are sent as they are.
        Result<Request> blob = resolveRequest(c, c.requests[2], u"dev"_s);
        QVERIFY(blob.has_value());
        QCOMPARE(*blob->body, *c.requests[2].request.body);
        QCOMPARE(blob->url, u"http://127.0.0.1:8080/v1/blob"_s);
    }

    void missingVariablesAreNamed()
    {
        Collection c = sample();
        Result<Request> none = resolveRequest(c, c.requests[0]);
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().id, u"unknown-variable"_s);
        QVERIFY(none.error().message.contains(u"{{base}}, {{tenant}}"_s));
        c.environments[1].variables.remove(u"tenant"_s);
        QCOMPARE(c.environments[1].name, u"dev"_s);
        Result<Request> partial = resolveRequest(c, c.requests[0], u"dev"_s);
        QVERIFY(!partial.has_value());
        QVERIFY(partial.error().message.contains(u"\"dev\" has no value for {{tenant}}"_s));
        Result<Request> unknown = resolveRequest(c, c.requests[0], u"prod"_s);
        QCOMPARE(unknown.error().id, u"unknown-environment"_s);
    }

    void literalCredentialsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("url");
        QTest::newRow("authorization") << "Authorization"_ba
                                       << "Bearer eyJhbGciOi.x.y"_ba << u"https://a.example/"_s;
        QTest::newRow("bearer variable") << "Authorization"_ba
                                         << "Bearer {{token}}"_ba << u"https://a.example/"_s;
        QTest::newRow("key header") << "X-Api-Key"_ba
                                    << "sk_live_123456"_ba << u"https://a.example/"_s;
        QTest::newRow("session cookie")
            << "Cookie"_ba
            << "theme=dark; sessionid=abc123"_ba << u"https://a.example/"_s;
        QTest::newRow("key in query") << "Accept"_ba
                                      << "*/*"_ba << u"https://a.example/v1?api_key=sk_live_1"_s;
    }

    void literalCredentialsAreRefused()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QString, url);
        Collection c = sample();
        c.requests[1].request.url = url;
        c.requests[1].request.headers.append({ name, value });
        Result<void> ok = validateCollection(c);
        QVERIFY(!ok.has_value());
        QCOMPARE(ok.error().id, u"secret-in-request"_s);
        QVERIFY(ok.error().message.contains(u"Who am I"_s));
        QVERIFY(!ok.error().message.contains(QString::fromUtf8(value)));
        // Import refuses the same file.
        Result<Collection> imported = importCollection(exportCollection(c));
        QVERIFY(!imported.has_value());
        QCOMPARE(imported.error().id, u"secret-in-request"_s);
    }

    void secretVariablesAreRefused()
    {
        for (const QString &name : { u"token"_s, u"api_key"_s, u"client_secret"_s, u"PASSWORD"_s,
                 u"access-token"_s, u"sessionCookie"_s }) {
            Collection c = sample();
            c.environments[0].variables.insert(name, u"value-1234"_s);
            Result<void> ok = validateCollection(c);
            QVERIFY2(!ok.has_value(), qPrintable(name));
            QCOMPARE(ok.error().id, u"secret-in-environment"_s);
            QVERIFY(!ok.error().message.contains(u"value-1234"_s));
        }
        for (const QString &name : { u"base"_s, u"tenant"_s, u"token_url"_s, u"user"_s }) {
            Collection c = sample();
            c.environments[0].variables.insert(name, u"v"_s);
            QVERIFY2(validateCollection(c).has_value(), qPrintable(name));
        }
    }

    void malformedFilesAreClearErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("id");
        QTest::newRow("not json") << "{\"format\": "_ba << u"collection-malformed"_s;
        QTest::newRow("other format")
            << "{\"format\": \"postman\", \"version\": 1}"_ba << u"collection-malformed"_s;
        QTest::newRow("future version")
            << "{\"format\": \"keyhaven-collection\", \"version\": 2, \"name\": \"x\"}"_ba
            << u"collection-malformed"_s;
        QTest::newRow("no name") << "{\"format\": \"keyhaven-collection\", \"version\": 1}"_ba
                                 << u"name-missing"_s;
        QTest::newRow("slash") << "{\"format\": \"keyhaven-collection\", \"version\": 1, "
                                  "\"name\": \"a/b\"}"_ba
                               << u"name-invalid"_s;
        QTest::newRow("request without url")
            << "{\"format\": \"keyhaven-collection\", \"version\": 1, \"name\": \"x\", "
               "\"requests\": [{\"name\": \"r\"}]}"_ba
            << u"collection-malformed"_s;
        QTest::newRow("bad header")
            << "{\"format\": \"keyhaven-collection\", \"version\": 1, \"name\": \"x\", "
               "\"requests\": [{\"name\": \"r\", \"url\": \"https://a/\", \"headers\": [[1]]}]}"_ba
            << u"collection-malformed"_s;
        QTest::newRow("bad base64")
            << "{\"format\": \"keyhaven-collection\", \"version\": 1, \"name\": \"x\", "
               "\"requests\": [{\"name\": \"r\", \"url\": \"https://a/\", \"body_base64\": "
               "\"%%%\"}]}"_ba
            << u"collection-malformed"_s;
        QTest::newRow("auth kind")
            << "{\"format\": \"keyhaven-collection\", \"version\": 1, \"name\": \"x\", "
               "\"requests\": [{\"name\": \"r\", \"url\": \"https://a/\", \"auth\": {\"kind\": "
               "\"digest\", \"item\": \"i\"}}]}"_ba
            << u"collection-malformed"_s;
        QTest::newRow("duplicate request")
            << "{\"format\": \"keyhaven-collection\", \"version\": 1, \"name\": \"x\", "
               "\"requests\": [{\"name\": \"r\", \"url\": \"https://a/\"}, {\"name\": \"r\", "
               "\"url\": \"https://b/\"}]}"_ba
            << u"duplicate-name"_s;
    }

    void malformedFilesAreClearErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, id);
        Result<Collection> c = importCollection(json);
        QVERIFY(!c.has_value());
        QCOMPARE(c.error().id, id);
        QVERIFY(!c.error().message.isEmpty());
    }

    // What the environment dialog does: edit in place, rename, add a new one; never overwrite
    // another environment by taking its name.
    void environmentsAreRenamedAndNeverOverwritten()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto store = Collections::open(dir.filePath(u"keyhaven.sqlite"_s));
        QVERIFY(store.has_value());
        Collections &c = **store;
        QVERIFY(c.saveEnvironment(u"Ops"_s, { u"prod"_s, { { u"base"_s, u"p"_s } } }));
        QVERIFY(c.saveEnvironment(u"Ops"_s, { u"stage"_s, { { u"base"_s, u"s"_s } } }, u""_s));
        // A new one under a taken name: refused, both unchanged.
        Result<void> taken = c.saveEnvironment(u"Ops"_s, { u"prod"_s, {} }, u""_s);
        QCOMPARE(taken.error().id, u"name-taken"_s);
        QVERIFY(taken.error().message.contains(u"already has an environment \"prod\""_s));
        // Renaming onto another's name: refused too.
        taken = c.saveEnvironment(u"Ops"_s, { u"prod"_s, {} }, u"stage"_s);
        QCOMPARE(taken.error().id, u"name-taken"_s);
        QCOMPARE(c.get(u"Ops"_s)->environment(u"prod"_s)->variables.value(u"base"_s), u"p"_s);
        QCOMPARE(c.get(u"Ops"_s)->environment(u"stage"_s)->variables.value(u"base"_s), u"s"_s);
        // Edited in place, then renamed: one environment, with the new values.
        QVERIFY(
            c.saveEnvironment(u"Ops"_s, { u"stage"_s, { { u"base"_s, u"s2"_s } } }, u"stage"_s));
        QVERIFY(
            c.saveEnvironment(u"Ops"_s, { u"staging"_s, { { u"base"_s, u"s3"_s } } }, u"stage"_s));
        const Result<Collection> ops = c.get(u"Ops"_s);
        QCOMPARE(ops->environments.size(), 2);
        QVERIFY(!ops->environment(u"stage"_s));
        QCOMPARE(ops->environment(u"staging"_s)->variables.value(u"base"_s), u"s3"_s);
        // Renaming one that another process removed meanwhile: not-found, nothing added.
        Result<void> gone = c.saveEnvironment(u"Ops"_s, { u"qa"_s, {} }, u"stage"_s);
        QCOMPARE(gone.error().id, u"not-found"_s);
        QVERIFY(!c.get(u"Ops"_s)->environment(u"qa"_s));
        // The command line's form (no editing name) still replaces by name.
        QVERIFY(c.saveEnvironment(u"Ops"_s, { u"prod"_s, { { u"base"_s, u"p2"_s } } }));
        QCOMPARE(c.get(u"Ops"_s)->environment(u"prod"_s)->variables.value(u"base"_s), u"p2"_s);
    }

    void storeOnARealDatabaseFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"keyhaven.sqlite"_s);
        {
            auto store = Collections::open(file);
            QVERIFY(store.has_value());
            QVERIFY((*store)->put(sample()).has_value());
            SavedRequest extra;
            extra.name = u"Health"_s;
            extra.request.url = u"https://status.example/health"_s;
            QVERIFY((*store)->saveRequest(u"Ops"_s, extra).has_value()); // creates "Ops"
            extra.request.method = "HEAD";
            QVERIFY((*store)->saveRequest(u"Ops"_s, extra).has_value()); // replaces in place
            QVERIFY((*store)
                        ->saveEnvironment(u"Ops"_s, { u"prod"_s, { { u"base"_s, u"x"_s } } })
                        .has_value());
            SavedRequest leaky = extra;
            leaky.name = u"Leaky"_s;
            leaky.request.headers = { { "Authorization", "Bearer abc.def.ghi" } };
            Result<void> refused = (*store)->saveRequest(u"Ops"_s, leaky);
            QCOMPARE(refused.error().id, u"secret-in-request"_s);
        }
        auto store = Collections::open(file); // reopened: what was saved is there
        QVERIFY(store.has_value());
        auto all = (*store)->list();
        QVERIFY(all.has_value());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, u"Ops"_s);
        QCOMPARE(all->at(0).requests.size(), 1);
        QCOMPARE(all->at(0).requests[0].request.method, "HEAD"_ba);
        QCOMPARE(all->at(0).environments.size(), 1);
        QCOMPARE(all->at(1).name, u"Payments"_s);

        auto byRef = (*store)->find(u"Payments/Who am I"_s);
        QVERIFY(byRef.has_value());
        QCOMPARE(byRef->second.request.auth.user, u"bob"_s);
        auto byName = (*store)->find(u"Health"_s);
        QVERIFY(byName.has_value());
        QCOMPARE(byName->first.name, u"Ops"_s);
        SavedRequest twin;
        twin.name = u"Health"_s;
        twin.request.url = u"https://b.example/"_s;
        QVERIFY((*store)->saveRequest(u"Payments"_s, twin).has_value());
        auto ambiguous = (*store)->find(u"Health"_s);
        QCOMPARE(ambiguous.error().id, u"ambiguous"_s);
        QVERIFY(ambiguous.error().message.contains(u"Ops/Health"_s));
        QCOMPARE((*store)->find(u"Nope"_s).error().id, u"not-found"_s);

        QVERIFY((*store)->removeRequest(u"Payments"_s, u"Health"_s).has_value());
        QCOMPARE((*store)->removeRequest(u"Payments"_s, u"Health"_s).error().id, u"not-found"_s);
        // A damaged row is named, and does not hide the others.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(
                q.exec(u"INSERT INTO replay_collections VALUES ('Broken', '{\"format\":', '')"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"damage"_s);
        QStringList unreadable;
        auto some = (*store)->list(&unreadable);
        QVERIFY(some.has_value());
        QCOMPARE(some->size(), 2);
        QCOMPARE(unreadable.size(), 1);
        QVERIFY(unreadable.first().startsWith(u"Broken: "_s));
        QVERIFY((*store)->remove(u"Broken"_s).has_value());

        QVERIFY((*store)->remove(u"Ops"_s).has_value());
        QCOMPARE((*store)->remove(u"Ops"_s).error().id, u"not-found"_s);
        QCOMPARE((*store)->list()->size(), 1);
    }

    void detectCredentialsIsTheImportersCheck()
    {
        // The save check and the curl importer find the same credentials.
        CurlContext ctx;
        auto imported = importCurl("curl -H 'X-API-Key: k123456' -b 'sid=zzz' "
                                   "'https://a.example/?access_token=t0k3n'"_ba,
            ctx);
        QVERIFY(imported.has_value());
        const QList<DetectedCredential> again = detectCredentials(imported->requests[0]);
        QCOMPARE(again.size(), imported->credentials.size());
        QCOMPARE(again.size(), 3);
        for (int i = 0; i < again.size(); ++i)
            QCOMPARE(again[i].where, imported->credentials[i].where);
    }
};

QObject *makeCollectionsTest() { return new CollectionsTest; }

#include "tst_collections.moc"
