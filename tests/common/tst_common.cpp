// tests/common/tst_common.cpp — Result, SecretBytes, capped reads, clock, paths.
#include "common/clock.h"
#include "common/io.h"
#include "common/paths.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven;

class TestCommon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultCarriesValueOrError()
    {
        Result<int> ok(7);
        QVERIFY(ok.has_value());
        QCOMPARE(ok.value(), 7);
        Result<int> bad(Error::environment(u"keychain-unavailable"_s, u"No keychain."_s));
        QVERIFY(!bad);
        QCOMPARE(bad.error().id, u"keychain-unavailable"_s);
        QCOMPARE(bad.error().exitCode(), 3);
        QCOMPARE(Error::input(u"malformed"_s, {}).exitCode(), 2);
        Result<void> v;
        QVERIFY(v.has_value());
        Result<void> vbad(Error::input(u"x"_s, u"y"_s));
        QVERIFY(!vbad.has_value());
    }

    void secretBytesMoveAndCompare()
    {
        SecretBytes a(QByteArray("s3cr3t-value"));
        QVERIFY(a.equals("s3cr3t-value"));
        QVERIFY(!a.equals("s3cr3t-valuX"));
        QVERIFY(!a.equals("short"));
        SecretBytes b(std::move(a));
        QVERIFY(a.isEmpty());
        QCOMPARE(b.size(), 12);
        b.clear();
        QVERIFY(b.isEmpty());
    }

    void wipeZeroesUnsharedBuffer()
    {
        QByteArray buf("topsecret");
        const char *raw = buf.constData();
        SecretBytes::wipe(buf);
        QCOMPARE(buf.size(), 9);
        for (int i = 0; i < 9; ++i)
            QCOMPARE(raw[i], '\0');
    }

    void readFileCapsSizeUpFront()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"big"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(2048, 'x'));
        f.close();
        auto tooBig = io::readFile(path, 1024);
        QVERIFY(!tooBig);
        QCOMPARE(tooBig.error().id, u"input-too-large"_s);
        auto fine = io::readFile(path, 4096);
        QVERIFY(fine);
        QCOMPARE(fine->size(), 2048);
        auto missing = io::readFile(dir.filePath(u"nope"_s));
        QVERIFY(!missing);
        QCOMPARE(missing.error().id, u"file-not-found"_s);
    }

    void clockIsInjectable()
    {
        const Clock c = Clock::fixedEpoch(1300819380);
        QCOMPARE(c.nowEpoch(), 1300819380);
        QVERIFY(Clock::system().nowEpoch() > 1700000000);
    }

    void pathsHonourEnvironment()
    {
        qputenv("KEYHAVEN_DATA_DIR", "/tmp/kh-x");
        qputenv("KEYHAVEN_KEYCHAIN_SERVICE", "kh-test");
        QCOMPARE(paths::databaseFile(), u"/tmp/kh-x/keyhaven.sqlite"_s);
        QCOMPARE(paths::keychainService(), u"kh-test"_s);
        qunsetenv("KEYHAVEN_KEYCHAIN_SERVICE");
        QCOMPARE(paths::keychainService(), u"keyhaven"_s);
    }

    void testdataIsPresent()
    {
        // The shared vectors are read in place; their absence is a failure, not a skip.
        QString error;
        const QByteArray readme = test::readTestdata(u"README.md"_s, &error);
        QVERIFY2(!readme.isEmpty(), qPrintable(error));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(argc, argv, { [] { return new TestCommon; } });
}

#include "tst_common.moc"
