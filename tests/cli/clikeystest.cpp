// tests/cli/clikeystest.cpp — keyhaven-cli keys commands, run as a child process.
#include "testsupport.h"

#include <QFile>
#include <QTest>

class CliTestKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void binaryExists()
    {
        QVERIFY(QFile::exists(keyhaven::test::binPath(QStringLiteral("keyhaven-cli"))));
    }
};

QObject *makeCliKeysTest() { return new CliTestKeys; }

#include "clikeystest.moc"
