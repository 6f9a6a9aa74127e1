// tests/oauth/tst_oauth.cpp — the loopback receiver and its request parser, over real sockets.
#include "oauth/callbackrequest.h"
#include "oauth/loopbackreceiver.h"
#include "testsupport.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::oauth;

namespace {

// A client that sends raw bytes to the receiver and collects the answer.
struct Client
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray answer;

    bool connectTo(quint16 port)
    {
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return socket->waitForConnected(3000);
    }
    void send(const QByteArray &bytes)
    {
        socket->write(bytes);
        socket->flush();
    }
    // Reads until the peer closes (or the timeout).
    QByteArray readAll(int timeoutMs = 3000)
    {
        QElapsedTimer t;
        t.start();
        // The receiver runs in this thread: wait by spinning the event loop, never by blocking.
        while (socket->state() == QAbstractSocket::ConnectedState && t.elapsed() < timeoutMs) {
            QTest::qWait(10);
            answer += socket->readAll();
        }
        answer += socket->readAll();
        return answer;
    }
};

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n";
}

struct Outcome
{
    std::optional<Result<AuthorizationResponse>> result;
};

} // namespace

class TestCallbackRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("errorId"); // empty = parses
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("code");
        QTest::newRow("callback") << get("/callback?code=abc&state=xyz") << QString()
                                  << u"/callback"_s << u"abc"_s;
        QTest::newRow("plus-is-space")
            << get("/cb?code=a+b%2Bc&state=s") << QString() << u"/cb"_s << u"a b+c"_s;
        QTest::newRow("percent-path")
            << get("/call%62ack?code=1") << QString() << u"/callback"_s << u"1"_s;
        QTest::newRow("post") << QByteArray("POST /callback HTTP/1.1\r\n\r\n")
                              << u"method-not-allowed"_s << QString() << QString();
        QTest::newRow("absolute-form")
            << get("http://evil/callback?code=1") << u"bad-request"_s << QString() << QString();
        QTest::newRow("no-version")
            << QByteArray("GET /callback\r\n\r\n") << u"bad-request"_s << QString() << QString();
        QTest::newRow("two-spaces") << QByteArray("GET  /callback HTTP/1.1\r\n\r\n")
                                    << u"bad-request"_s << QString() << QString();
        QTest::newRow("control-byte") << QByteArray("GET /call\x01"
                                                    "back HTTP/1.1\r\n\r\n")
                                      << u"bad-request"_s << QString() << QString();
        QTest::newRow("high-byte") << QByteArray("GET /callback?code=\xff HTTP/1.1\r\n\r\n")
                                   << u"bad-request"_s << QString() << QString();
        QTest::newRow("empty") << QByteArray("\r\n\r\n") << u"bad-request"_s << QString()
                               << QString();
    }
    void parses()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, errorId);
        QFETCH(QString, path);
        QFETCH(QString, code);
        Result<CallbackRequest> r = parseCallbackRequest(head);
        if (!errorId.isEmpty()) {
            QVERIFY(!r);
            QCOMPARE(r.error().id, errorId);
            return;
        }
        QVERIFY(r);
        QCOMPARE(r->path, path);
        QCOMPARE(authorizationResponse(r->query).code, code);
    }

    void headLength()
    {
        QCOMPARE(requestHeadLength("GET / HTTP/1.1\r\nHost: x\r\n"), 0);
        QCOMPARE(requestHeadLength("GET / HTTP/1.1\r\n\r\nbody"), 18);
    }

    void errorResponseFields()
    {
        QUrlQuery q(u"error=access_denied&error_description=The%20user%20said%20no&state=s&"
                    "iss=https%3A%2F%2Fid.example"_s);
        AuthorizationResponse a = authorizationResponse(q);
        QCOMPARE(a.error, u"access_denied"_s);
        QCOMPARE(a.errorDescription, u"The user said no"_s);
        QCOMPARE(a.issuer, u"https://id.example"_s);
    }
};

class TestLoopbackReceiver : public QObject
{
    Q_OBJECT

    LoopbackReceiver::Options options(int timeoutMs = 10000)
    {
        LoopbackReceiver::Options o;
        o.expectedState = u"st4te-value"_s;
        o.timeoutMs = timeoutMs;
        return o;
    }
    static LoopbackReceiver::Done record(Outcome *out)
    {
        return [out](Result<AuthorizationResponse> r) { out->result.emplace(std::move(r)); };
    }

private Q_SLOTS:
    void bindsLoopbackLiteralAndReceivesOnce()
    {
        LoopbackReceiver receiver;
        Outcome out;
        Result<QUrl> uri = receiver.start(options(), record(&out));
        QVERIFY(uri);
        QCOMPARE(uri->host(), u"127.0.0.1"_s);
        QCOMPARE(uri->scheme(), u"http"_s);
        QCOMPARE(uri->path(), u"/callback"_s);
        QVERIFY(uri->port() > 0);
        QVERIFY(receiver.isListening());

        Client c;
        QVERIFY(c.connectTo(receiver.port()));
        c.send(get("/callback?code=the-code&state=st4te-value&iss=https%3A%2F%2Fid.example"));
        const QByteArray answer = c.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY(answer.contains("return to Keyhaven"));
        QVERIFY(answer.contains("Referrer-Policy: no-referrer"));
        QVERIFY(answer.contains("Cache-Control: no-store"));
        QTRY_VERIFY(out.result.has_value());
        QVERIFY(out.result->has_value());
        QCOMPARE(out.result->value().code, u"the-code"_s);
        QCOMPARE(out.result->value().issuer, u"https://id.example"_s);
        // One shot: the listener is closed now.
        QVERIFY(!receiver.isListening());
        QTcpSocket late;
        late.connectToHost(QHostAddress(QHostAddress::LocalHost), uri->port());
        QTRY_COMPARE_WITH_TIMEOUT(late.state(), QAbstractSocket::UnconnectedState, 3000);
    }

    void wrongStateIsRefusedAndTheRealOneStillArrives()
    {
        LoopbackReceiver receiver;
        Outcome out;
        QVERIFY(receiver.start(options(), record(&out)));
        for (const QByteArray &target :
            { QByteArray("/callback?code=evil&state=other"), QByteArray("/callback?code=evil"),
                QByteArray("/callback?code=evil&state=st4te-valuE"),
                QByteArray("/callback?code=evil&state=st4te-value-longer") }) {
            Client bad;
            QVERIFY(bad.connectTo(receiver.port()));
            bad.send(get(target));
            QVERIFY2(bad.readAll().startsWith("HTTP/1.1 400"), target.constData());
        }
        QVERIFY(!out.result.has_value());
        QVERIFY(receiver.isListening());
        Client good;
        QVERIFY(good.connectTo(receiver.port()));
        good.send(get("/callback?code=real&state=st4te-value"));
        QVERIFY(good.readAll().startsWith("HTTP/1.1 200"));
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(out.result->value().code, u"real"_s);
    }

    void otherPathsAnswer404AndDoNotConsumeTheShot()
    {
        LoopbackReceiver receiver;
        Outcome out;
        QVERIFY(receiver.start(options(), record(&out)));
        for (const QByteArray &target :
            { QByteArray("/favicon.ico"), QByteArray("/callback/"), QByteArray("/Callback"),
                QByteArray("/callback/../callback?code=x&state=st4te-value") }) {
            Client c;
            QVERIFY(c.connectTo(receiver.port()));
            c.send(get(target));
            QVERIFY2(c.readAll().startsWith("HTTP/1.1 404"), target.constData());
        }
        QVERIFY(receiver.isListening());
        QVERIFY(!out.result.has_value());
    }

    void accessDeniedIsReportedClearly()
    {
        LoopbackReceiver receiver;
        Outcome out;
        QVERIFY(receiver.start(options(), record(&out)));
        Client c;
        QVERIFY(c.connectTo(receiver.port()));
        c.send(get("/callback?error=access_denied&error_description=User+cancelled+the+login"
                   "&state=st4te-value"));
        QVERIFY(c.readAll().contains("did not complete"));
        QTRY_VERIFY(out.result.has_value());
        QVERIFY(!out.result->has_value());
        QCOMPARE(out.result->error().id, u"authorization-error"_s);
        QVERIFY(out.result->error().message.contains(u"access_denied"_s));
        QVERIFY(out.result->error().message.contains(u"User cancelled the login"_s));
        QVERIFY(!receiver.isListening());
    }

    void junkSlowPartialAndOversizedDoNotBlockTheCallback()
    {
        LoopbackReceiver receiver;
        Outcome out;
        LoopbackReceiver::Options o = options();
        o.connectionTimeoutMs = 300;
        o.maxRequestBytes = 1024;
        QVERIFY(receiver.start(o, record(&out)));

        Client silent; // connects and says nothing
        QVERIFY(silent.connectTo(receiver.port()));
        Client partial; // half a request head, never finished
        QVERIFY(partial.connectTo(receiver.port()));
        partial.send("GET /callback?code=half&state=st4te-value HTTP/1.1\r\nHost: 1");
        Client junk;
        QVERIFY(junk.connectTo(receiver.port()));
        junk.send(QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)
            + QByteArray(64, '\0') + "\r\n\r\n");
        QVERIFY(junk.readAll().startsWith("HTTP/1.1 400"));
        Client huge;
        QVERIFY(huge.connectTo(receiver.port()));
        huge.send("GET /callback?code=" + QByteArray(4096, 'A'));
        QVERIFY(huge.readAll().startsWith("HTTP/1.1 431"));

        // The real callback arrives while the silent and partial clients still hang around.
        Client good;
        QVERIFY(good.connectTo(receiver.port()));
        good.send(get("/callback?code=ok&state=st4te-value"));
        QVERIFY(good.readAll().startsWith("HTTP/1.1 200"));
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(out.result->value().code, u"ok"_s);
        // The slow ones were cut off by their own deadline.
        QTRY_COMPARE_WITH_TIMEOUT(silent.socket->state(), QAbstractSocket::UnconnectedState, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(partial.socket->state(), QAbstractSocket::UnconnectedState, 3000);
    }

    void manyIdleConnectionsDoNotKeepTheCallbackOut()
    {
        LoopbackReceiver receiver;
        Outcome out;
        LoopbackReceiver::Options o = options();
        o.maxConnections = 8;
        QVERIFY(receiver.start(o, record(&out)));
        std::vector<Client> idle(40);
        for (Client &c : idle)
            QVERIFY(c.connectTo(receiver.port()));
        QTest::qWait(100);
        Client good;
        QVERIFY(good.connectTo(receiver.port()));
        good.send(get("/callback?code=through&state=st4te-value"));
        QVERIFY(good.readAll().startsWith("HTTP/1.1 200"));
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(out.result->value().code, u"through"_s);
    }

    void timesOut()
    {
        LoopbackReceiver receiver;
        Outcome out;
        QVERIFY(receiver.start(options(200), record(&out)));
        QTRY_VERIFY_WITH_TIMEOUT(out.result.has_value(), 3000);
        QCOMPARE(out.result->error().id, u"login-timeout"_s);
        QVERIFY(!receiver.isListening());
    }

    void cancelFinishesOnce()
    {
        LoopbackReceiver receiver;
        int calls = 0;
        QVERIFY(receiver.start(options(), [&calls](Result<AuthorizationResponse> r) {
            ++calls;
            QCOMPARE(r.error().id, u"login-cancelled"_s);
        }));
        receiver.cancel();
        receiver.cancel();
        QCOMPARE(calls, 1);
        QVERIFY(!receiver.isListening());
    }

    void fixedPortAndBadOptions()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
        const quint16 port = probe.serverPort();
        probe.close();
        LoopbackReceiver receiver;
        Outcome out;
        LoopbackReceiver::Options o = options();
        o.port = port;
        o.path = u"/oauth/cb"_s;
        Result<QUrl> uri = receiver.start(o, record(&out));
        QVERIFY(uri);
        QCOMPARE(uri->toString(), u"http://127.0.0.1:%1/oauth/cb"_s.arg(port));

        // The port is taken now: a second receiver on it fails with a clear error.
        LoopbackReceiver second;
        Result<QUrl> taken = second.start(o, record(&out));
        QVERIFY(!taken);
        QCOMPARE(taken.error().id, u"listen-failed"_s);

        LoopbackReceiver noState;
        LoopbackReceiver::Options bad = options();
        bad.expectedState.clear();
        QCOMPARE(noState.start(bad, record(&out)).error().id, u"invalid-options"_s);
    }
};

QObject *makeDiscoveryTest(); // tst_discovery.cpp

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(argc, argv,
        { [] { return new TestCallbackRequest; }, [] { return new TestLoopbackReceiver; },
            makeDiscoveryTest });
}

#include "tst_oauth.moc"
