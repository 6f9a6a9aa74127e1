// tests/ui/tst_singleinstance.cpp — two real keyhaven processes: the second hands over and exits.
#include "testsupport.h"
#include "uitests.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::test::binPath;
using keyhaven::test::ProcessResult;

namespace {

// An unsigned-looking JWT whose sub claim names it (the Inspector decodes without a key).
QByteArray tokenFor(const QString &sub)
{
    const QByteArray header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"_ba.toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload =
        QByteArray("{\"sub\":\""_ba + sub.toUtf8() + "\"}"_ba)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return header + '.' + payload + ".c2lnbmF0dXJl";
}

QString uniqueSub() { return u"desk-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces); }

// A keyhaven started with --report-state; its JSON lines are collected as they come.
class Instance
{
public:
    explicit Instance(const QString &dataDir, const QStringList &args = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"KEYHAVEN_DATA_DIR"_s, dataDir);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        m_process.setProcessEnvironment(env);
        m_process.start(binPath(u"keyhaven"_s), QStringList { u"--report-state"_s } + args);
    }
    ~Instance()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess &process() { return m_process; }

    // Waits for the next line with this "event"; returns it (empty when none came in time).
    QJsonObject waitFor(const QString &event, int timeoutMs = 15000)
    {
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                while (m_process.canReadLine()) {
                    const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
                    if (line.value(u"event"_s).toString() == event) {
                        found = line;
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning;
            },
            timeoutMs);
        return found;
    }

private:
    QProcess m_process;
};

ProcessResult launch(
    const QString &dataDir, const QStringList &args, const QByteArray &stdinData = {})
{
    return keyhaven::test::run(binPath(u"keyhaven"_s), args, stdinData,
        { u"KEYHAVEN_DATA_DIR="_s + dataDir, u"QT_QPA_PLATFORM=offscreen"_s }, 20000);
}

QString subOf(const QJsonObject &state)
{
    return state.value(u"inspector"_s).toObject().value(u"sub"_s).toString();
}

} // namespace

class SingleInstanceTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secondLaunchHandsOverTheToken()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        Instance first(data.path());
        QVERIFY(!first.waitFor(u"started"_s).isEmpty());

        // A token as the argument: the first instance shows it in the Inspector.
        const QString sub = uniqueSub();
        const ProcessResult second = launch(data.path(), { QString::fromLatin1(tokenFor(sub)) });
        QVERIFY2(!second.timedOut && !second.crashed, second.err.constData());
        QCOMPARE(second.exitCode, 0);
        const QJsonObject handed = first.waitFor(u"launch-request"_s);
        QCOMPARE(handed.value(u"panel"_s).toString(), u"inspector"_s);
        QCOMPARE(subOf(handed), sub);
        QCOMPARE(handed.value(u"inspector"_s).toObject().value(u"alg"_s).toString(), u"HS256"_s);
        // The token is not echoed anywhere (the second launch prints nothing).
        QVERIFY(!second.out.contains(tokenFor(sub)) && !second.err.contains(tokenFor(sub)));

        // "-": the token from stdin.
        const QString fromStdin = uniqueSub();
        const ProcessResult third = launch(data.path(), { u"-"_s }, tokenFor(fromStdin) + '\n');
        QCOMPARE(third.exitCode, 0);
        QCOMPARE(subOf(first.waitFor(u"launch-request"_s)), fromStdin);

        // No argument: only raised; the Inspector keeps the last token.
        const ProcessResult fourth = launch(data.path(), {});
        QCOMPARE(fourth.exitCode, 0);
        const QJsonObject raised = first.waitFor(u"launch-request"_s);
        QVERIFY(raised.value(u"visible"_s).toBool());
        QCOMPARE(subOf(raised), fromStdin);

        // A malformed launch is refused before anything is sent.
        const ProcessResult bad = launch(data.path(), { u"a.b.c"_s, u"d.e.f"_s });
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(first.process().state(), QProcess::Running);
    }

    void otherDataDirIsAnotherInstance()
    {
        QTemporaryDir a, b;
        QVERIFY(a.isValid() && b.isValid());
        Instance first(a.path());
        QVERIFY(!first.waitFor(u"started"_s).isEmpty());
        // Same user, another KEYHAVEN_DATA_DIR: not forwarded; it starts on its own, with the
        // token in its own Inspector.
        const QString sub = uniqueSub();
        Instance other(b.path(), { QString::fromLatin1(tokenFor(sub)) });
        const QJsonObject started = other.waitFor(u"started"_s);
        QCOMPARE(started.value(u"panel"_s).toString(), u"inspector"_s);
        QCOMPARE(subOf(started), sub);
        QCOMPARE(other.process().state(), QProcess::Running);
    }

    void staleSocketAfterACrash()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        auto crashed = std::make_unique<Instance>(data.path());
        QVERIFY(!crashed->waitFor(u"started"_s).isEmpty());
        crashed->process().kill(); // SIGKILL: its socket file stays behind
        QVERIFY(crashed->process().waitForFinished(5000));
        crashed.reset();

        // The next launch finds nobody answering, takes the name over and stays up...
        Instance next(data.path());
        QVERIFY(!next.waitFor(u"started"_s).isEmpty());
        QTest::qWait(300);
        QCOMPARE(next.process().state(), QProcess::Running);
        // ...and is reachable by the one after it.
        const QString sub = uniqueSub();
        QCOMPARE(launch(data.path(), { QString::fromLatin1(tokenFor(sub)) }).exitCode, 0);
        QCOMPARE(subOf(next.waitFor(u"launch-request"_s)), sub);
    }

    void unattendedRunsAreNotForwarded()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        Instance first(data.path());
        QVERIFY(!first.waitFor(u"started"_s).isEmpty());
        const QString png = data.filePath(u"shot.png"_s);
        const ProcessResult shot = launch(data.path(), { u"--screenshot"_s, png });
        QCOMPARE(shot.exitCode, 0);
        QVERIFY(QFileInfo(png).size() > 0);
        // The running instance heard nothing.
        QVERIFY(first.waitFor(u"launch-request"_s, 500).isEmpty());
    }
};

QObject *keyhaven::test::makeSingleInstanceTest() { return new SingleInstanceTest; }

#include "tst_singleinstance.moc"
