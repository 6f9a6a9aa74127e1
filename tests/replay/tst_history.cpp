// tests/replay/tst_history.cpp — redaction and the replay_history table on a real SQLite file:
// the secret bytes appear nowhere in the file.
#include "replay/history.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven::replay;

class HistoryTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redactForms()
    {
        const QList<Redaction> r { { "s3cr3t/+key"_ba, "<K>"_ba } };
        QCOMPARE(redact("a s3cr3t/+key b", r), "a <K> b"_ba);
        QCOMPARE(redact("q=s3cr3t%2F%2Bkey", r), "q=<K>"_ba);
        QCOMPARE(redact("x " + "s3cr3t/+key"_ba.toBase64(), r), "x <K>"_ba);
        QCOMPARE(redact("abc", { { "ab"_ba, "<K>"_ba } }), "abc"_ba); // too short to mean anything
    }

    void noSecretInTheDatabaseFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"keyhaven.sqlite"_s);
        const QByteArray secret = "sk-live-0123456789abcdef";
        const QByteArray pasted = "pasted-session-cookie-value";
        Request sent;
        sent.method = "POST";
        sent.url = u"https://api.example/v1?api_key=sk-live-0123456789abcdef&q=1"_s;
        sent.headers = { { "X-API-Key", secret }, { "Cookie", "sid=" + pasted },
            { "Authorization", "Basic " + QByteArray("bob:" + secret).toBase64() } };
        sent.body = "{\"echo\":\"" + secret + "\"}";
        Response resp;
        resp.status = 401;
        resp.headers = { { "Set-Cookie", "sid=newsessionvalue123; Path=/; HttpOnly" },
            { "WWW-Authenticate", "Bearer error=\"invalid_token\"" } };
        resp.body = "body that is not stored";
        resp.timeMs = 12;
        const QList<Redaction> redactions { { secret, "\u2039item prod\u203a"_ba },
            { pasted, "\u2039redacted\u203a"_ba } };
        const HistoryEntry entry = historyEntry(
            sent, u"prod"_s, &resp, { { u"invalid-token"_s, u"401: invalid"_s } }, {}, redactions);
        QCOMPARE(entry.requestHeaders.at(0).second, "\u2039item prod\u203a"_ba);
        QCOMPARE(entry.requestHeaders.at(1).second, "sid=\u2039redacted\u203a"_ba);
        QCOMPARE(entry.requestHeaders.at(2).second, "Basic \u2039item prod\u203a"_ba);
        QCOMPARE(
            entry.responseHeaders.at(0).second, "sid=\u2039redacted\u203a; Path=/; HttpOnly"_ba);
        QCOMPARE(entry.url, u"https://api.example/v1?api_key=\u2039item prod\u203a&q=1"_s);
        {
            auto history = History::open(file);
            QVERIFY(history.has_value());
            for (int i = 0; i < 3; ++i)
                QVERIFY((*history)->append(entry).has_value());
            auto list = (*history)->list(2);
            QVERIFY(list.has_value());
            QCOMPARE(list->size(), 2);
            QCOMPARE(list->first().id, 3);
            QCOMPARE(list->first().status, 401);
            QCOMPARE(list->first().size, resp.body.size());
            QCOMPARE(list->first().diagnosis.value(0).id, u"invalid-token"_s);
            QCOMPARE(list->first().requestBody.value(), "{\"echo\":\"\u2039item prod\u203a\"}"_ba);
        }
        int files = 0;
        for (const QFileInfo &fi : QDir(dir.path()).entryInfoList(QDir::Files)) {
            QFile f(fi.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ++files;
            QVERIFY2(!bytes.contains(secret), qPrintable(fi.fileName()));
            QVERIFY2(!bytes.contains(pasted), qPrintable(fi.fileName()));
            QVERIFY(!bytes.contains("newsessionvalue123"));
            QVERIFY(!bytes.contains("body that is not stored"));
        }
        QVERIFY(files >= 1);
    }

    // Several entries go in one transaction: all of them, or none when one cannot be written.
    void appendSeveralAtOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto history = History::open(dir.filePath(u"keyhaven.sqlite"_s));
        QVERIFY(history.has_value());
        QList<HistoryEntry> entries;
        for (int i = 0; i < 3; ++i) {
            HistoryEntry e;
            e.at = QDateTime::currentDateTimeUtc();
            e.method = "GET";
            e.url = u"https://api.example/v1/%1"_s.arg(i);
            e.status = 200 + i;
            entries.append(e);
        }
        QVERIFY((*history)->append(entries).has_value());
        auto list = (*history)->list(10);
        QVERIFY(list.has_value());
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->first().url, u"https://api.example/v1/2"_s);
        QCOMPARE(list->last().status, 200);

        HistoryEntry broken = entries.first();
        broken.method.clear(); // method is NOT NULL: the insert fails
        const auto failed = (*history)->append(QList { entries.first(), broken });
        QVERIFY(!failed.has_value());
        QCOMPARE(failed.error().id, u"database"_s);
        list = (*history)->list(10);
        QVERIFY(list.has_value());
        QCOMPARE(list->size(), 3); // the first of the pair was rolled back with it
    }
};

QObject *makeHistoryTest() { return new HistoryTest; }

#include "tst_history.moc"
