// tests/replay/tst_exchange.cpp — the GUI's send path against a real python3-httpbin and a real
// vault (SQLite file + Secret Service): the credential is injected once, a foreign origin is
// refused before anything leaves, a slow answer is cancelled, the history file holds no secret,
// a rotated key is used at the next send. BoundSender (the send path under Exchange and the
// CLI) is cancelled while it sends and while it waits for the keychain. Also the body display
// forms and moving a pasted credential into the vault.
#include "common/paths.h"
#include "replay/authbinding.h"
#include "replay/bodytext.h"
#include "replay/boundsender.h"
#include "replay/credentialmove.h"
#include "replay/exchange.h"
#include "replay/resend.h"
#include "testsupport.h"
#include "vault/vault.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;
using namespace keyhaven::replay;
using keyhaven::Result;
using keyhaven::SecretBytes;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::Vault;

class ExchangeTest : public QObject
{
    Q_OBJECT
    QProcess m_httpbin;
    QString m_origin;
    Vault *m_vault = nullptr;
    std::unique_ptr<History> m_history;
    QNetworkAccessManager *m_network = nullptr;
    QByteArray m_key;

    std::optional<ExchangeOutcome> run(Exchange &exchange, const Request &r, int timeoutMs = 15000)
    {
        std::optional<ExchangeOutcome> out;
        exchange.start(r, {}, {}, [&out](ExchangeOutcome o) { out = std::move(o); });
        QElapsedTimer t;
        t.start();
        while (!out && t.elapsed() < timeoutMs)
            QTest::qWait(20);
        return out;
    }

    // Sends `path` through `bound` with the test key bound (stand-in applied, as BoundSender
    // takes it); `calls` counts the `done` calls, `out` gets the last outcome.
    void sendWithKey(
        BoundSender &bound, const QString &path, int &calls, std::optional<SendOutcome> &out)
    {
        const std::optional<Item> item = m_vault->find(u"exchange-key"_s);
        QVERIFY(item.has_value());
        Request r;
        r.url = m_origin + path;
        QVERIFY(applyBinding(r, bindingFor(*item), item->name, nullptr).has_value());
        bound.send(r, item, {}, [&calls, &out](SendOutcome o) {
            ++calls;
            out = std::move(o);
        });
    }

    int historyCount() const
    {
        auto rows = m_history->list(100000);
        return rows ? int(rows->size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        keyhaven::test::freshDataDir();
        m_origin = keyhaven::test::startHttpbin(m_httpbin);
        QVERIFY2(!m_origin.isEmpty(), "python3-httpbin (./dev deps) did not start");
        Result<Vault *> v = Vault::openDefault(this);
        QVERIFY(v.has_value());
        m_vault = *v;
        auto h = History::open(keyhaven::paths::databaseFile());
        QVERIFY(h.has_value());
        m_history = std::move(h).value();
        m_network = new QNetworkAccessManager(this);
        m_key = "xk-" + QUuid::createUuid().toRfc4122().toHex();
        Item item;
        item.kind = ItemKind::ApiKey;
        item.name = u"exchange-key"_s;
        item.headerName = u"X-Api-Key"_s;
        item.baseUrls = { m_origin };
        bool added = false;
        m_vault->addItem(item, SecretBytes::copyOf(m_key), this, [&added](Result<Item> r) {
            QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
            added = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(added, 10000);
    }

    void cleanupTestCase()
    {
        m_history.reset();
        m_httpbin.kill();
        m_httpbin.waitForFinished(5000);
    }

    void sendsTheCredentialOnceAndRecordsItRedacted()
    {
        Exchange exchange(m_network, m_vault, m_history.get());
        Request r;
        r.url = m_origin + u"/headers"_s;
        r.auth = { AuthBinding::Kind::ApiKey, u"exchange-key"_s, {}, "X-Api-Key" };
        const int before = historyCount();
        const auto out = run(exchange, r);
        QVERIFY(out.has_value());
        QVERIFY2(!out->error, out->error ? qPrintable(out->error->message) : "");
        QCOMPARE(out->response->status, 200);
        QVERIFY(out->response->ttfbMs <= out->response->timeMs);
        const QJsonObject headers =
            QJsonDocument::fromJson(out->response->body).object()[u"headers"_s].toObject();
        QCOMPARE(headers[u"X-Api-Key"_s].toString().toUtf8(), m_key);
        QCOMPARE(out->shown.headerValue("X-Api-Key"), itemPlaceholder(u"exchange-key"_s));
        QCOMPARE(historyCount(), before + 1);
        const HistoryEntry last = m_history->list(1)->first();
        QCOMPARE(last.item, u"exchange-key"_s);
        QCOMPARE(last.status, 200);
        QFile db(keyhaven::paths::databaseFile());
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains(m_key));
    }

    void foreignOriginIsRefusedBeforeSending()
    {
        Exchange exchange(m_network, m_vault, m_history.get());
        Request r;
        r.url = u"http://localhost:1/headers"_s; // another origin than the item's base URL
        r.auth = { AuthBinding::Kind::ApiKey, u"exchange-key"_s, {}, "X-Api-Key" };
        QVERIFY(keyhaven::jose::hasFinding(exchange.check(r, {}), u"credential-cross-origin"_s));
        const int before = historyCount();
        const auto out = run(exchange, r);
        QVERIFY(out.has_value());
        QVERIFY(out->error.has_value());
        QCOMPARE(out->error->id, u"blocked"_s);
        QVERIFY(!out->response);
        QCOMPARE(historyCount(), before); // nothing went out
    }

    void unknownItemIsAnError()
    {
        Exchange exchange(m_network, m_vault, nullptr);
        Request r;
        r.url = m_origin + u"/get"_s;
        r.auth = { AuthBinding::Kind::JwtBearer, u"no-such-item"_s, {}, {} };
        const auto out = run(exchange, r);
        QVERIFY(out && out->error);
        QCOMPARE(out->error->id, u"not-found"_s);
    }

    void abortCancelsASlowAnswer()
    {
        Exchange exchange(m_network, m_vault, m_history.get());
        Request r;
        r.url = m_origin + u"/delay/10"_s;
        std::optional<ExchangeOutcome> out;
        QElapsedTimer t;
        t.start();
        exchange.start(r, {}, {}, [&out](ExchangeOutcome o) { out = std::move(o); });
        QVERIFY(exchange.isBusy());
        QTest::qWait(300);
        QVERIFY(!out);
        exchange.abort();
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 2000);
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(out->error.has_value());
        QCOMPARE(out->error->id, u"cancelled"_s);
        QVERIFY(!exchange.isBusy());
        // The next send on the same exchange works (the cancel flag does not stick).
        r.url = m_origin + u"/status/403"_s;
        const auto again = run(exchange, r);
        QVERIFY(again && again->response);
        QCOMPARE(again->response->status, 403);
    }

    void rotatedKeyIsUsedAtTheNextSend()
    {
        // The GUI's Exchange lives as long as the window: it must not keep the secret it read.
        Exchange exchange(m_network, m_vault, m_history.get());
        Request r;
        r.url = m_origin + u"/headers"_s;
        r.auth = { AuthBinding::Kind::ApiKey, u"exchange-key"_s, {}, "X-Api-Key" };
        auto sentKey = [](const ExchangeOutcome &o) {
            return QJsonDocument::fromJson(o.response->body)
                .object()[u"headers"_s]
                .toObject()[u"X-Api-Key"_s]
                .toString()
                .toUtf8();
        };
        auto out = run(exchange, r);
        QVERIFY(out && out->response);
        QCOMPARE(sentKey(*out), m_key);
        QCOMPARE(out->attempts, 1);
        QVERIFY(!out->refreshed);

        const std::optional<Item> item = m_vault->find(u"exchange-key"_s);
        QVERIFY(item.has_value());
        const QByteArray rotated = "xk-" + QUuid::createUuid().toRfc4122().toHex();
        bool written = false;
        m_vault->writeSecret(item->id, item->primaryField(), SecretBytes::copyOf(rotated), this,
            [&written](Result<void> w) {
                QVERIFY2(w.has_value(), w ? "" : qPrintable(w.error().message));
                written = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
        out = run(exchange, r);
        QVERIFY(out && out->response);
        QCOMPARE(sentKey(*out), rotated);
        m_key = rotated; // the later cases look for the current key
    }

    void boundSenderAbortWhileSending()
    {
        Sender sender(m_network);
        BoundSender bound(m_vault, nullptr, &sender);
        int calls = 0;
        std::optional<SendOutcome> out;
        QElapsedTimer t;
        t.start();
        sendWithKey(bound, u"/delay/10"_s, calls, out);
        QVERIFY(bound.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(sender.isBusy(), 5000); // the key is read, the request is out
        QTest::qWait(200);
        QVERIFY(!out);
        bound.abort();
        QVERIFY(out.has_value()); // at once
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(out->error.has_value());
        QCOMPARE(out->error->id, u"cancelled"_s);
        QVERIFY(!bound.isBusy());
        QCOMPARE(out->history.size(), 1); // the request went out: it is recorded, redacted
        QCOMPARE(out->history.first().error, u"Cancelled."_s);
        QVERIFY(!out->history.first().requestHeaders.contains(Header { "X-Api-Key", m_key }));
        QVERIFY(out->history.first().requestHeaders.contains(
            Header { "X-Api-Key", itemPlaceholder(u"exchange-key"_s) }));
        bound.abort(); // nothing in flight: nothing happens
        QTest::qWait(100);
        QCOMPARE(calls, 1);

        out.reset();
        sendWithKey(bound, u"/headers"_s, calls, out);
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 15000);
        QVERIFY2(!out->error, out->error ? qPrintable(out->error->message) : "");
        QCOMPARE(out->response.status, 200);
        QVERIFY(out->response.body.contains(m_key));
        QCOMPARE(calls, 2);
    }

    void boundSenderAbortWhileReadingTheKeychain()
    {
        QNetworkAccessManager network; // its own, to count what it sends
        QSignalSpy requests(&network, &QNetworkAccessManager::finished);
        Sender sender(&network);
        BoundSender bound(m_vault, nullptr, &sender);
        const int before = historyCount();
        int calls = 0;
        std::optional<SendOutcome> out;
        sendWithKey(bound, u"/headers"_s, calls, out);
        QVERIFY(!out); // the keychain answers over D-Bus, later
        QVERIFY(!sender.isBusy());
        bound.abort();
        QVERIFY(out.has_value());
        QCOMPARE(out->error->id, u"cancelled"_s);
        QVERIFY(out->history.isEmpty()); // nothing went out
        QVERIFY(!bound.isBusy());
        // The keychain's answer arrives and is dropped: no request, no second call.
        QTest::qWait(1500);
        QCOMPARE(calls, 1);
        QCOMPARE(requests.count(), 0);
        QCOMPARE(historyCount(), before);
    }

    void bodyForms()
    {
        BodyText json = bodyText("{\"a\":[1,2],\"b\":\"x\"}", "application/json");
        QCOMPARE(json.kind, BodyText::Kind::Json);
        QVERIFY(json.text.contains(u"\n    \"a\": ["_s));
        BodyText text = bodyText("h\xc3\xa9llo", "text/plain");
        QCOMPARE(text.kind, BodyText::Kind::Text);
        QCOMPARE(text.text, u"h\u00e9llo"_s);
        BodyText notJson = bodyText("{broken", "application/json");
        QCOMPARE(notJson.kind, BodyText::Kind::Text);
        BodyText bin = bodyText(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "image/png");
        QCOMPARE(bin.kind, BodyText::Kind::Binary);
        QVERIFY(
            bin.text.startsWith(u"00000000  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52"_s));
        QVERIFY(
            bin.text.contains(u"|.PNG.....IHDR|"_s) || bin.text.contains(u"|.PNG........IHDR|"_s));
        QVERIFY(!bin.truncated);
        BodyText big = bodyText(QByteArray(100, '\xff'), {}, 32);
        QVERIFY(big.truncated);
        QCOMPARE(big.text.count(u'\n'), 2);
        QCOMPARE(bodyText({}).kind, BodyText::Kind::Empty);
    }

    void pastedCredentialsBecomeItems()
    {
        CurlContext ctx;
        auto imported = importCurl("curl https://api.example.com/v1/me -H 'X-Api-Key: k-123456' "
                                   "-u bob:pw-secret -H 'Accept: application/json'",
            ctx);
        QVERIFY(imported.has_value());
        Request r = imported->requests.first();
        QCOMPARE(imported->credentials.size(), 2);
        for (const DetectedCredential &c : std::as_const(imported->credentials)) {
            QString why;
            std::optional<VaultCandidate> cand = vaultCandidate(r, c, &why);
            QVERIFY2(cand.has_value(), qPrintable(why));
            QCOMPARE(cand->item.baseUrls, QStringList { u"https://api.example.com:443"_s });
            QCOMPARE(cand->binding.item, cand->item.name);
            if (c.kind == DetectedCredential::Kind::KeyHeader) {
                QCOMPARE(cand->item.kind, ItemKind::ApiKey);
                QCOMPARE(cand->item.headerName, u"X-Api-Key"_s);
                QCOMPARE(cand->secret.bytes(), "k-123456"_ba);
                QCOMPARE(cand->binding.kind, AuthBinding::Kind::ApiKey);
            } else {
                QCOMPARE(c.kind, DetectedCredential::Kind::BasicAuth);
                QCOMPARE(cand->secret.bytes(), "pw-secret"_ba);
                QCOMPARE(cand->binding.kind, AuthBinding::Kind::Basic);
                QCOMPARE(cand->binding.user, u"bob"_s);
            }
            removeCredential(r, c);
        }
        QVERIFY(!r.hasHeader("X-Api-Key"));
        QVERIFY(!r.hasHeader("Authorization"));
        QCOMPARE(r.headerValue("Accept"), "application/json"_ba);

        auto bearer = importCurl("curl https://api.example.com/ -H 'Authorization: Bearer "
                                 "eyJhbGciOiJIUzI1NiJ9.e30.c2ln' --url 'https://api.example.com/"
                                 "?api_key=zz' -b 'session=abc'",
            ctx);
        QVERIFY(bearer.has_value());
        bool sawBearer = false;
        bool sawQuery = false;
        bool sawCookie = false;
        for (const DetectedCredential &c : std::as_const(bearer->credentials)) {
            QString why;
            const auto cand = vaultCandidate(bearer->requests.value(c.request), c, &why);
            if (c.kind == DetectedCredential::Kind::Bearer) {
                sawBearer = true;
                QVERIFY(cand.has_value());
                QCOMPARE(cand->item.kind, ItemKind::Jwt);
                QCOMPARE(cand->secret.bytes(), "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"_ba);
            } else if (c.kind == DetectedCredential::Kind::QueryKey) {
                sawQuery = true;
                QVERIFY2(cand.has_value(), qPrintable(why));
                QCOMPARE(cand->binding.placement, AuthBinding::Placement::Query);
                QCOMPARE(cand->binding.headerName, "api_key"_ba);
                QCOMPARE(cand->secret.bytes(), "zz"_ba);
                Request moved = bearer->requests.value(c.request);
                removeCredential(moved, c);
                QCOMPARE(moved.url, u"https://api.example.com/"_s);
            } else if (c.kind == DetectedCredential::Kind::SessionCookie) {
                sawCookie = true;
                QVERIFY2(cand.has_value(), qPrintable(why));
                QCOMPARE(cand->binding.placement, AuthBinding::Placement::Cookie);
                QCOMPARE(cand->binding.headerName, "session"_ba);
                QCOMPARE(cand->secret.bytes(), "abc"_ba);
                Request moved = bearer->requests.value(c.request);
                removeCredential(moved, c);
                QVERIFY(!moved.hasHeader("Cookie")); // its only cookie: the header goes
            }
        }
        QVERIFY(sawBearer);
        QVERIFY(sawQuery);
        QVERIFY(sawCookie);
        // A secret form field has no binding that puts it back.
        auto form =
            importCurl("curl https://api.example.com/login -d user=bob -d password=pw1"_ba, ctx);
        QVERIFY(form.has_value());
        QCOMPARE(form->credentials.size(), 1);
        QString why;
        QVERIFY(!vaultCandidate(form->requests.first(), form->credentials.first(), &why));
        QVERIFY(why.contains(u"form field password"_s));
    }

    void queryAndCookieHelpers()
    {
        Request r;
        r.url = u"https://a.example/p?x=1&api_key=old&y=2&api_key=dup#frag"_s;
        r.setQueryParameter("api_key", "n%2Bw");
        QCOMPARE(r.url, u"https://a.example/p?x=1&api_key=n%2Bw&y=2#frag"_s);
        r.removeQueryParameter("api_key");
        QCOMPARE(r.url, u"https://a.example/p?x=1&y=2#frag"_s);
        r.removeQueryParameter("x");
        r.removeQueryParameter("y");
        QCOMPARE(r.url, u"https://a.example/p#frag"_s);
        r.setQueryParameter("k", "v");
        QCOMPARE(r.url, u"https://a.example/p?k=v#frag"_s);

        r.headers = { { "Cookie", "theme=dark; sid=old" } };
        r.setCookie("sid", "new");
        QCOMPARE(r.headerValue("Cookie"), "theme=dark; sid=new"_ba);
        r.setCookie("lang", "de");
        QCOMPARE(r.headerValue("Cookie"), "theme=dark; sid=new; lang=de"_ba);
        r.removeCookie("theme");
        r.removeCookie("lang");
        QCOMPARE(r.headerValue("Cookie"), "sid=new"_ba);
        r.removeCookie("sid");
        QVERIFY(!r.hasHeader("Cookie"));
        r.setCookie("sid", "x");
        QCOMPARE(r.headers, (Headers { { "Cookie", "sid=x" } }));

        // The dry run shows the stand-in; the saved form has neither.
        Request q;
        q.url = u"https://a.example/v1?x=1"_s;
        AuthBinding b { AuthBinding::Kind::ApiKey, u"k"_s, {}, "api_key" };
        b.placement = AuthBinding::Placement::Query;
        QVERIFY(applyBinding(q, b, u"k"_s, nullptr).has_value());
        QCOMPARE(q.url, u"https://a.example/v1?x=1&api_key=%E2%80%B9item%20k%E2%80%BA"_s);
        removeBoundCredential(q);
        QCOMPARE(q.url, u"https://a.example/v1?x=1"_s);
        QCOMPARE(q.auth.placement, AuthBinding::Placement::Query);
        const SecretBytes semi = SecretBytes::copyOf("a;b");
        b.placement = AuthBinding::Placement::Cookie;
        QCOMPARE(applyBinding(q, b, u"k"_s, &semi).error().id, u"binding"_s);
    }

    void queryCookieAndBasicBindingsSendAndSendAgain()
    {
        const std::optional<Item> item = m_vault->find(u"exchange-key"_s);
        QVERIFY(item.has_value());
        Exchange exchange(m_network, m_vault, m_history.get());

        // A key in the query: the server gets it, the history row and the shown request do not.
        Request q;
        q.url = m_origin + u"/get?x=1"_s;
        q.auth = { AuthBinding::Kind::ApiKey, item->name, {}, "api_key" };
        q.auth.placement = AuthBinding::Placement::Query;
        auto out = run(exchange, q);
        QVERIFY(out && out->response);
        QCOMPARE(out->response->status, 200);
        const QJsonObject args =
            QJsonDocument::fromJson(out->response->body).object()[u"args"_s].toObject();
        QCOMPARE(args[u"api_key"_s].toString().toUtf8(), m_key);
        QCOMPARE(args[u"x"_s].toString(), u"1"_s);
        HistoryEntry row = m_history->list(1)->first();
        QVERIFY(!row.url.contains(QString::fromUtf8(m_key)));
        QVERIFY2(row.url.contains(u"api_key=\u2039item exchange-key\u203a"_s), qPrintable(row.url));
        Resend again = resendFromHistory(row, item);
        QCOMPARE(again.request.auth.placement, AuthBinding::Placement::Query);
        QCOMPARE(again.request.auth.headerName, "api_key"_ba);
        QCOMPARE(again.request.url, m_origin + u"/get?x=1"_s);
        QVERIFY(again.notes.isEmpty());

        // A session cookie beside another cookie.
        Request c;
        c.url = m_origin + u"/cookies"_s;
        c.headers = { { "Cookie", "theme=dark" } };
        c.auth = { AuthBinding::Kind::ApiKey, item->name, {}, "sid" };
        c.auth.placement = AuthBinding::Placement::Cookie;
        out = run(exchange, c);
        QVERIFY(out && out->response);
        QCOMPARE(out->response->status, 200);
        const QJsonObject cookies =
            QJsonDocument::fromJson(out->response->body).object()[u"cookies"_s].toObject();
        QCOMPARE(cookies[u"sid"_s].toString().toUtf8(), m_key);
        QCOMPARE(cookies[u"theme"_s].toString(), u"dark"_s);
        row = m_history->list(1)->first();
        again = resendFromHistory(row, item);
        QCOMPARE(again.request.auth.placement, AuthBinding::Placement::Cookie);
        QCOMPARE(again.request.auth.headerName, "sid"_ba);
        QCOMPARE(again.request.headerValue("Cookie"), "theme=dark"_ba);
        QVERIFY(again.notes.isEmpty());

        // Basic: the history keeps the user (not a secret), so sending again needs no question.
        Request basic;
        basic.url = m_origin + u"/basic-auth/bob/"_s + QString::fromUtf8(m_key);
        basic.auth = { AuthBinding::Kind::Basic, item->name, u"bob"_s, {} };
        out = run(exchange, basic);
        QVERIFY(out && out->response);
        QCOMPARE(out->response->status, 200);
        row = m_history->list(1)->first();
        again = resendFromHistory(row, item);
        QCOMPARE(again.request.auth.kind, AuthBinding::Kind::Basic);
        QCOMPARE(again.request.auth.user, u"bob"_s);
        QVERIFY(again.notes.isEmpty());
        // httpbin's path names the expected password, so the history redacted it there too.
        QVERIFY(!again.request.url.contains(QString::fromUtf8(m_key)));
        again.request.url = basic.url;
        out = run(exchange, again.request);
        QVERIFY(out && out->response);
        QCOMPARE(out->response->status, 200);

        QFile db(keyhaven::paths::databaseFile());
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray bytes = db.readAll();
        QVERIFY(!bytes.contains(m_key));
        QVERIFY(!bytes.contains(QByteArray("bob:" + m_key).toBase64()));
    }

    void historyRowSendsAgainWithTheBinding()
    {
        HistoryEntry e;
        e.item = u"exchange-key"_s;
        e.method = "POST";
        e.url = m_origin + u"/post"_s;
        e.requestHeaders = { { "X-Api-Key", itemPlaceholder(u"exchange-key"_s) },
            { "Accept", "application/json" }, { "Cookie", "sid=\u2039redacted\u203a"_ba } };
        e.requestBody = "{}"_ba;
        const std::optional<Item> item = m_vault->find(u"exchange-key"_s);
        QVERIFY(item.has_value());
        const Resend again = resendFromHistory(e, item);
        QCOMPARE(again.request.auth.kind, AuthBinding::Kind::ApiKey);
        QCOMPARE(again.request.auth.item, u"exchange-key"_s);
        QCOMPARE(again.request.auth.headerName, "X-Api-Key"_ba);
        QVERIFY(!again.request.hasHeader("X-Api-Key")); // the binding puts it back at send time
        QCOMPARE(again.request.headerValue("Accept"), "application/json"_ba);
        QCOMPARE(again.notes.size(), 1); // the redacted cookie
        QVERIFY(again.notes.first().contains(u"Cookie"_s));

        // Sent again: the current secret arrives, the history row is redacted again.
        Exchange exchange(m_network, m_vault, m_history.get());
        Request r = again.request;
        r.headers.removeIf([](const Header &h) { return h.first == "Cookie"; });
        const auto out = run(exchange, r);
        QVERIFY(out && out->response);
        QCOMPARE(out->response->status, 200);
        QVERIFY(out->response->body.contains(m_key));
        QVERIFY(
            !m_history->list(1)->first().requestHeaders.contains(Header { "X-Api-Key", m_key }));

        const Resend orphan = resendFromHistory(e, std::nullopt);
        QCOMPARE(orphan.request.auth.kind, AuthBinding::Kind::None);
        QVERIFY(orphan.notes.first().contains(u"no longer in the vault"_s));
    }
};

QObject *makeExchangeTest() { return new ExchangeTest; }

#include "tst_exchange.moc"
