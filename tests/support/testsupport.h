// support/testsupport.h — shared test helpers: run several test classes, locate data and binaries.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <initializer_list>
#include <memory>

namespace keyhaven::test {

// Runs every test object (QTest::qExec each) and returns the number of failed suites' failures.
int runAll(int argc, char **argv, std::initializer_list<std::function<QObject *()>> factories);

// ../shared/testdata/<relative>. A missing file FAILS the test (never skips): callers QVERIFY it.
QString testdataPath(const QString &relative);
// Reads a test-data file; on failure returns an empty array and sets *error.
QByteArray readTestdata(const QString &relative, QString *error);

// The built binaries (bin/keyhaven-cli, bin/keyhaven).
QString binPath(const QString &name);

// Wipes and recreates $KEYHAVEN_DATA_DIR for a clean start; returns its path.
QString freshDataDir();

struct ProcessResult
{
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
};
// Runs a program to completion (tests only: they may block) with optional stdin and extra env.
ProcessResult run(const QString &program, const QStringList &args, const QByteArray &stdinData = {},
    const QStringList &extraEnv = {}, int timeoutMs = 60000);

// A free TCP port on 127.0.0.1 (0 if none could be bound).
int freePort();

// Starts Debian's python3-httpbin (`python3 -m httpbin.core`) on a free 127.0.0.1 port and waits
// until it accepts connections. Returns its origin ("http://127.0.0.1:N"), or an empty string if
// it did not come up (./dev deps installs it). The caller kills `process` when done.
QString startHttpbin(QProcess &process);

} // namespace keyhaven::test
