// tests/desktop/tst_desktop.cpp — launch requests, their wire format, colour scheme, autostart.
#include "common/io.h"
#include "desktop/autostart.h"
#include "desktop/colorscheme.h"
#include "desktop/launchrequest.h"
#include "desktop/singleinstance.h"
#include "testsupport.h"

#include <QDBusVariant>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::desktop;

namespace {

const QByteArray kToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXNrIn0.c2lnbmF0dXJl"_ba;

Result<QByteArray> noStdin()
{
    return Error::input(u"no-stdin"_s, u"stdin must not be read here"_s);
}

} // namespace

class TestDesktop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noArgumentOnlyRaises()
    {
        auto r = launchRequestFromArguments({}, noStdin);
        QVERIFY(r);
        QVERIFY(r->token.isEmpty());
    }

    void tokenArgumentIsTaken()
    {
        auto r = launchRequestFromArguments(
            { u"  Bearer "_s + QString::fromLatin1(kToken) + u"\n"_s }, noStdin);
        QVERIFY(r);
        QCOMPARE(r->token, kToken);
    }

    void dashReadsStdin()
    {
        bool read = false;
        auto r = launchRequestFromArguments({ u"-"_s }, [&read]() -> Result<QByteArray> {
            read = true;
            return QByteArray(kToken + "\n");
        });
        QVERIFY(read);
        QVERIFY(r);
        QCOMPARE(r->token, kToken);
        auto failed = launchRequestFromArguments({ u"-"_s }, noStdin);
        QVERIFY(!failed);
        QCOMPARE(failed.error().id, u"no-stdin"_s);
    }

    void badArgumentsAreRefused()
    {
        auto two = launchRequestFromArguments({ u"a.b.c"_s, u"d.e.f"_s }, noStdin);
        QVERIFY(!two);
        QCOMPARE(two.error().id, u"too-many-arguments"_s);
        auto empty = launchRequestFromArguments(
            { u"-"_s }, []() -> Result<QByteArray> { return "  \n"_ba; });
        QVERIFY(!empty);
        QCOMPARE(empty.error().id, u"empty-token"_s);
        auto huge = launchRequestFromArguments(
            { u"-"_s }, []() -> Result<QByteArray> { return QByteArray(io::kMaxInput + 1, 'a'); });
        QVERIFY(!huge);
        QCOMPARE(huge.error().id, u"input-too-large"_s);
    }

    void dropShapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("token");
        QTest::newRow("jws") << QString::fromLatin1(kToken) << true;
        QTest::newRow("bearer") << u"Bearer "_s + QString::fromLatin1(kToken) << true;
        QTest::newRow("unsigned") << u"eyJhbGciOiJub25lIn0.eyJ9."_s << true;
        QTest::newRow("jwe") << u"a.b.c.d.e"_s << true;
        QTest::newRow("four-parts") << u"a.b.c.d"_s << false;
        QTest::newRow("prose") << u"hello world. this is text."_s << false;
        QTest::newRow("url") << u"https://example.com/a.b"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void dropShapes()
    {
        QFETCH(QString, text);
        QFETCH(bool, token);
        QCOMPARE(looksLikeToken(text), token);
    }

    void frameRoundTripsInChunks()
    {
        const QByteArray frame = encodeLaunchRequest({ kToken });
        QCOMPARE(frame.size(), kHeaderSize + kToken.size());
        QVERIFY(frame.startsWith("KHv1T"));
        // Byte by byte: a socket may deliver any split.
        LaunchRequestDecoder decoder;
        for (qsizetype i = 0; i < frame.size() - 1; ++i)
            QCOMPARE(decoder.feed(frame.mid(i, 1)), LaunchRequestDecoder::State::NeedMore);
        QCOMPARE(decoder.feed(frame.right(1)), LaunchRequestDecoder::State::Done);
        QCOMPARE(decoder.take().token, kToken);

        LaunchRequestDecoder raise;
        QCOMPARE(raise.feed(encodeLaunchRequest({})), LaunchRequestDecoder::State::Done);
        QVERIFY(raise.take().token.isEmpty());
    }

    void badFramesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("error");
        QTest::newRow("magic") << "GET / HTTP/1.1\r\n"_ba << u"bad-magic"_s;
        QTest::newRow("magic-early") << "KX"_ba << u"bad-magic"_s;
        QTest::newRow("kind") << QByteArray("KHv1X\0\0\0\0", 9) << u"bad-kind"_s;
        QTest::newRow("raise-with-payload") << QByteArray("KHv1R\0\0\0\1x", 10) << u"bad-kind"_s;
        QTest::newRow("empty-token") << QByteArray("KHv1T\0\0\0\0", 9) << u"bad-kind"_s;
        // 1 MiB + 1 announced: refused from the header, before any payload is buffered.
        QTest::newRow("too-large")
            << QByteArray("KHv1T\x00\x10\x00\x01", 9) << u"input-too-large"_s;
        QTest::newRow("trailing") << (encodeLaunchRequest({ kToken }) + "junk")
                                  << u"trailing-bytes"_s;
    }
    void badFramesAreRefused()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, error);
        LaunchRequestDecoder decoder;
        QCOMPARE(decoder.feed(frame), LaunchRequestDecoder::State::Invalid);
        QCOMPARE(decoder.error(), error);
        // Nothing more is accepted once refused.
        QCOMPARE(decoder.feed(encodeLaunchRequest({})), LaunchRequestDecoder::State::Invalid);
    }

    void serverNameIsPerUserAndDataDir()
    {
        const QString a = SingleInstance::serverName(u"/tmp/kh-a"_s);
        QCOMPARE(SingleInstance::serverName(u"/tmp/kh-a/"_s), a);
        QVERIFY(a != SingleInstance::serverName(u"/tmp/kh-b"_s));
        const QString file = QFileInfo(a).fileName();
        QVERIFY2(
            file.startsWith(u"keyhaven-"_s + QString::number(::getuid()) + u'-'), qPrintable(a));
        // In the user's own runtime folder (0700), where no other user can connect.
        const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        QVERIFY(!runtime.isEmpty());
        QCOMPARE(QFileInfo(a).absolutePath(), runtime);
    }

    void staleSocketIsReplaced()
    {
        // A socket file nobody listens on, as a crashed instance leaves it (a bound, closed
        // socket): listen() must take the name over, and a client then reaches the new server.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString name = dir.filePath(u"stale.sock"_s);
        QFile stale(name);
        QVERIFY(stale.open(QIODevice::WriteOnly)); // a plain file in the way is "in use" as well
        stale.close();
        SingleInstance server;
        auto listened = server.listen(name);
        QVERIFY2(listened, listened ? "" : qPrintable(listened.error().message));
        QVERIFY(server.isListening());
        SingleInstance second;
        auto again = second.listen(name);
        QVERIFY(!again); // the live one is not stolen
        QCOMPARE(again.error().id, u"instance-listen"_s);
    }

    void portalValues()
    {
        QCOMPARE(colorSchemeFromPortal(QVariant::fromValue(1u)), ColorScheme::Dark);
        QCOMPARE(colorSchemeFromPortal(QVariant::fromValue(2u)), ColorScheme::Light);
        QCOMPARE(colorSchemeFromPortal(QVariant::fromValue(0u)), ColorScheme::NoPreference);
        QCOMPARE(colorSchemeFromPortal(QVariant::fromValue(7u)), ColorScheme::NoPreference);
        QCOMPARE(colorSchemeFromPortal(QVariant(u"dark"_s)), ColorScheme::NoPreference);
        // Read's answer on portals before version 2: a variant inside a variant.
        const QVariant nested = QVariant::fromValue(
            QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant::fromValue(1u)))));
        QCOMPARE(colorSchemeFromPortal(nested), ColorScheme::Dark);
    }

    void environmentOverride()
    {
        const QByteArray saved = qgetenv("KEYHAVEN_COLOR_SCHEME");
        qputenv("KEYHAVEN_COLOR_SCHEME", "dark");
        QCOMPARE(colorSchemeOverride(), std::optional(ColorScheme::Dark));
        qputenv("KEYHAVEN_COLOR_SCHEME", "Light");
        QCOMPARE(colorSchemeOverride(), std::optional(ColorScheme::Light));
        qputenv("KEYHAVEN_COLOR_SCHEME", "purple");
        QCOMPARE(colorSchemeOverride(), std::nullopt);
        qunsetenv("KEYHAVEN_COLOR_SCHEME");
        QCOMPARE(colorSchemeOverride(), std::nullopt);
        if (!saved.isNull())
            qputenv("KEYHAVEN_COLOR_SCHEME", saved);
    }

    void autostartEntryAppearsAndDisappears()
    {
        QTemporaryDir config;
        QVERIFY(config.isValid());
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
        const QString expected = config.path() + u"/autostart/dev.keyhaven.Keyhaven.desktop"_s;
        // The id packaging/ installs its desktop file under.
        QVERIFY(QFileInfo::exists(QStringLiteral(KEYHAVEN_SOURCE_DIR) + u"/packaging/"_s
            + applicationId() + u".desktop"_s));
        QCOMPARE(autostart::entryPath(), expected);
        QVERIFY(!autostart::isEnabled());
        QVERIFY(autostart::setEnabled(true));
        QVERIFY(QFileInfo::exists(expected));
        QVERIFY(autostart::isEnabled());
        QFile file(expected);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.startsWith("[Desktop Entry]\n"), text.constData());
        QVERIFY2(text.contains("\nExec=keyhaven --minimized\n"), text.constData());
        QVERIFY(text.contains("\nType=Application\n"));
        QVERIFY(autostart::setEnabled(true)); // idempotent
        QVERIFY(autostart::setEnabled(false));
        QVERIFY(!QFileInfo::exists(expected));
        QVERIFY(!autostart::isEnabled());
        QVERIFY(autostart::setEnabled(false)); // nothing to remove is fine
        // An unwritable folder is an error, not silence.
        QVERIFY(
            QFile::setPermissions(config.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        auto denied = autostart::setEnabled(true);
        QFile::setPermissions(config.path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (::getuid() != 0) {
            QVERIFY(!denied);
            QCOMPARE(denied.error().id, u"autostart-write"_s);
        }
        if (saved.isNull())
            qunsetenv("XDG_CONFIG_HOME");
        else
            qputenv("XDG_CONFIG_HOME", saved);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(argc, argv, { [] { return new TestDesktop; } });
}

#include "tst_desktop.moc"
