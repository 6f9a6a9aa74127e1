// tests/replay/tst_harimport.cpp — the HAR importer against every request object in
// ../shared/testdata/har (wrapped in a HAR 1.2 log), compared with httpsnippet's HTTP/1.1
// rendering: method, path, query parameters per name in order, headers, body.
#include "testsupport.h"

#include "replay/harimport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven::replay;

namespace {
QMap<QByteArray, QList<QByteArray>> queryByName(const QByteArray &target)
{
    QMap<QByteArray, QList<QByteArray>> out;
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return out;
    for (const QByteArray &pair : target.mid(q + 1).split('&')) {
        if (!pair.isEmpty())
            out[pair.left(pair.indexOf('='))].append(pair.mid(pair.indexOf('=') + 1));
    }
    return out;
}

QStringList headerSet(const Headers &headers)
{
    QStringList out;
    for (const Header &h : headers) {
        const QByteArray name = h.first.toLower();
        if (name != "host" && name != "content-length")
            out << QString::fromUtf8(name + ": " + h.second);
    }
    out.sort();
    return out;
}
} // namespace

class HarImportTest : public QObject
{
    Q_OBJECT
    int m_matched = 0;

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("name");
        const QDir dir(keyhaven::test::testdataPath(u"har"_s));
        const QStringList files = dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name);
        QVERIFY2(files.size() == 17, "../shared/testdata/har is missing or incomplete");
        for (const QString &f : files)
            QTest::newRow(qPrintable(f.chopped(5))) << f.chopped(5);
        qInfo("HAR corpus: %d request objects", int(files.size()));
    }

    void corpus()
    {
        QFETCH(QString, name);
        QString error;
        const QByteArray json = keyhaven::test::readTestdata(u"har/"_s + name + u".json"_s, &error);
        QVERIFY2(!json.isEmpty(), qPrintable(error));
        const QByteArray http = keyhaven::test::readTestdata(u"har/"_s + name + u".http"_s, &error);
        QVERIFY2(!http.isEmpty(), qPrintable(error));
        // Most files are bare request objects; wrap them in a HAR 1.2 log (one is a whole HAR).
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        const QJsonObject har = object.contains(u"log"_s)
            ? object
            : QJsonObject { { u"log"_s,
                QJsonObject { { u"version"_s, u"1.2"_s },
                    { u"entries"_s,
                        QJsonArray { QJsonObject { { u"request"_s, object },
                            { u"response"_s, QJsonObject { { u"status"_s, 200 } } } } } } } } };
        const keyhaven::Result<QList<HarEntry>> entries =
            importHar(QJsonDocument(har).toJson(QJsonDocument::Compact));
        QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
        QCOMPARE(entries->size(), 1);
        const Request &r = entries->first().request;

        const qsizetype headEnd = http.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        QList<QByteArray> lines = http.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.takeFirst().trimmed().split(' ');
        Headers expectedHeaders;
        for (const QByteArray &l : std::as_const(lines)) {
            const QByteArray line = l.trimmed();
            expectedHeaders.append(
                Header { line.left(line.indexOf(':')), line.mid(line.indexOf(':') + 1).trimmed() });
        }
        QByteArray expectedBody = http.mid(headEnd + 4);

        QCOMPARE(r.method, requestLine.value(0));
        const QByteArray target = requestTarget(r.url);
        QCOMPARE(target.left(target.indexOf('?')),
            requestLine.value(1).left(requestLine.value(1).indexOf('?')));
        QCOMPARE(queryByName(target), queryByName(requestLine.value(1)));

        Headers mine = r.headers;
        QByteArray body = r.body.value_or(QByteArray());
        const QByteArray type = r.headerValue("Content-Type");
        if (type.startsWith("multipart/form-data; boundary=")) {
            const QByteArray myBoundary = type.mid(type.indexOf('=') + 1);
            QByteArray theirs;
            for (const Header &h : std::as_const(expectedHeaders)) {
                if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
                    theirs = h.second.mid(h.second.indexOf('=') + 1);
            }
            QVERIFY(!theirs.isEmpty());
            body.replace(myBoundary, theirs);
            for (Header &h : mine) {
                if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
                    h.second = "multipart/form-data; boundary=" + theirs;
            }
        }
        QCOMPARE(headerSet(mine), headerSet(expectedHeaders));
        QCOMPARE(body, expectedBody);
        ++m_matched;
    }

    void corpusSummary()
    {
        qInfo("HAR corpus: %d requests match httpsnippet's rendering", m_matched);
        QCOMPARE(m_matched, 17);
    }

    void filtersAndErrors()
    {
        const QByteArray har =
            "{\"log\":{\"version\":\"1.2\",\"pages\":[{\"id\":\"p1\"}],\"entries\":["
            "{\"pageref\":\"p1\",\"_initiator\":{},\"request\":{\"method\":\"GET\","
            "\"url\":\"https://a.example/x\",\"headers\":[{\"name\":\":authority\","
            "\"value\":\"a.example\"}]},\"response\":{\"status\":200}},"
            "{\"request\":{\"method\":\"POST\",\"url\":\"https://b.example/y\","
            "\"postData\":{\"mimeType\":\"application/octet-stream\",\"text\":\"AP8=\","
            "\"encoding\":\"base64\"}},\"response\":{\"status\":401}}]}}";
        auto all = importHar(har);
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QVERIFY(all->at(0).request.headers.isEmpty()); // pseudo-header dropped
        QCOMPARE(all->at(0).pageref, u"p1"_s);
        QCOMPARE(all->at(1).request.body.value(), QByteArray("\x00\xff", 2));
        HarFilter f;
        f.status = 401;
        auto only = importHar(har, f);
        QVERIFY(only);
        QCOMPARE(only->size(), 1);
        QCOMPARE(only->first().index, 1);
        f = {};
        f.host = u"A.EXAMPLE"_s;
        f.method = "get";
        QCOMPARE(importHar(har, f)->size(), 1);
        QCOMPARE(importHar("{\"log\":{}}").error().id, u"har-malformed"_s);
        QCOMPARE(importHar("{not json").error().id, u"har-malformed"_s);
    }

    // The entries are parsed one by one: the file around them is still checked whole, and a
    // broken entry, separator or ending is a clear error, never a crash or a silent cut.
    void streamedEntriesAreCheckedLikeAWholeDocument_data()
    {
        QTest::addColumn<QByteArray>("har");
        QTest::addColumn<int>("entries"); // -1: har-malformed
        const QByteArray e = "{\"request\":{\"method\":\"GET\",\"url\":\"https://a.example/\"}}";
        const QByteArray s = "{\"url\":\"https://a.example/\\\"]}\",\"method\":\"GET\"}";
        QTest::newRow("two") << "{\"log\":{\"entries\":[" + e + "," + e + "]}}" << 2;
        QTest::newRow("spaces") << " {\n \"log\" : { \"entries\" : [ " + e + " ,\n " + e + " ] } } "
                                << 2;
        QTest::newRow("empty") << "{\"log\":{\"entries\":[]}}"_ba << 0;
        QTest::newRow("brackets in a string")
            << "{\"log\":{\"entries\":[{\"request\":" + s + "}]}}" << 1;
        // Escapes: a string that ends in an escaped backslash, and one with \\\" inside.
        QTest::newRow("backslashes")
            << "{\"log\":{\"entries\":[{\"_a\":\"x\\\\\",\"_b\":\"\\\\\\\"]\",\"request\":"
               "{\"method\":\"GET\",\"url\":\"https://a.example/\"}}]}}"_ba
            << 1;
        QTest::newRow("entries first")
            << "{\"log\":{\"entries\":[" + e + "],\"version\":\"1.2\"}}" << 1;
        QTest::newRow("trailing comma") << "{\"log\":{\"entries\":[" + e + ",]}}" << -1;
        QTest::newRow("missing comma") << "{\"log\":{\"entries\":[" + e + e + "]}}" << -1;
        QTest::newRow("bad entry") << "{\"log\":{\"entries\":[{\"request\":{]}}]}}"_ba << -1;
        QTest::newRow("cut short") << "{\"log\":{\"entries\":[" + e.left(20) << -1;
        QTest::newRow("junk after") << "{\"log\":{\"entries\":[" + e + "]}} x" << -1;
        QTest::newRow("bad before")
            << "{\"log\":{\"version\":1.2.3,\"entries\":[" + e + "]}}" << -1;
        QTest::newRow("entries not array") << "{\"log\":{\"entries\":{}}}"_ba << -1;
        QTest::newRow("scalar entry") << "{\"log\":{\"entries\":[1]}}"_ba << -1;
        QTest::newRow("top-level array") << "[{\"log\":{\"entries\":[]}}]"_ba << -1;
    }

    void streamedEntriesAreCheckedLikeAWholeDocument()
    {
        QFETCH(QByteArray, har);
        QFETCH(int, entries);
        auto r = importHar(har);
        if (entries < 0) {
            QVERIFY(!r.has_value());
            QCOMPARE(r.error().id, u"har-malformed"_s);
            QVERIFY(!r.error().message.isEmpty());
        } else {
            QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
            QCOMPARE(int(r->size()), entries);
        }
    }
};

QObject *makeHarImportTest() { return new HarImportTest; }

#include "tst_harimport.moc"
