// tests/cli/clijosetest.cpp — keyhaven-cli jose commands, run as a child process.
#include "testsupport.h"

#include <QFile>
#include <QTest>

class CliTestJose : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void binaryExists()
    {
        QVERIFY(QFile::exists(keyhaven::test::binPath(QStringLiteral("keyhaven-cli"))));
    }
};

QObject *makeCliJoseTest() { return new CliTestJose; }

#include "clijosetest.moc"
