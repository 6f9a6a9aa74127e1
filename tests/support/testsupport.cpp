// support/testsupport.cpp — shared test helpers.
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace keyhaven::test {

int runAll(int argc, char **argv, std::initializer_list<std::function<QObject *()>> factories)
{
    int failures = 0;
    for (const auto &make : factories) {
        std::unique_ptr<QObject> t(make());
        failures += QTest::qExec(t.get(), argc, argv);
    }
    return failures;
}

QString testdataPath(const QString &relative)
{
    return QDir::cleanPath(QStringLiteral(KEYHAVEN_TESTDATA_DIR) + u'/' + relative);
}

QByteArray readTestdata(const QString &relative, QString *error)
{
    QFile f(testdataPath(relative));
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"missing test data: %1 (%2)"_s.arg(f.fileName(), f.errorString());
        return {};
    }
    return f.readAll();
}

QString binPath(const QString &name)
{
    const QString fromEnv = qEnvironmentVariable("KEYHAVEN_BIN_DIR");
    return (fromEnv.isEmpty() ? QStringLiteral(KEYHAVEN_BUILD_BIN_DIR) : fromEnv) + u'/' + name;
}

QString freshDataDir()
{
    QString dir = qEnvironmentVariable("KEYHAVEN_DATA_DIR");
    if (dir.isEmpty()) {
        dir = QDir::tempPath() + u"/keyhaven-test-"_s
            + QString::number(QCoreApplication::applicationPid());
        qputenv("KEYHAVEN_DATA_DIR", dir.toUtf8());
    }
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    return dir;
}

ProcessResult run(const QString &program, const QStringList &args, const QByteArray &stdinData,
    const QStringList &extraEnv, int timeoutMs)
{
    ProcessResult r;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : extraEnv) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq < 0)
            env.remove(kv); // "NAME" alone removes it
        else
            env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

int freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    return s.serverPort();
}

QString startHttpbin(QProcess &p)
{
    const int port = freePort();
    if (port == 0)
        return {};
    p.setProgram(u"/usr/bin/python3"_s);
    p.setArguments({ u"-m"_s, u"httpbin.core"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s,
        QString::number(port) });
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start();
    if (!p.waitForStarted(10000))
        return {};
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(port));
        if (probe.waitForConnected(200))
            return u"http://127.0.0.1:%1"_s.arg(port);
        if (p.state() == QProcess::NotRunning)
            return {};
        QTest::qWait(100);
    }
    return {};
}

} // namespace keyhaven::test
