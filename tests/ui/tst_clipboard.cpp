// tests/ui/tst_clipboard.cpp — the secret clipboard: hint, timeout, "only if still ours", quit.
#include "clipboard.h"
#include "common/secretbytes.h"
#include "uitests.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using keyhaven::SecretBytes;
using keyhaven::ui::Clipboard;

class ClipboardTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void defaultTimeout();
    void copiesWithHintAndClears();
    void leavesOtherContentAlone();
    void clearsOnDestruction();
};

void ClipboardTest::init()
{
    QSettings().setValue(QLatin1StringView(Clipboard::kClearSecondsKey), 0.2);
    QGuiApplication::clipboard()->clear();
}

void ClipboardTest::cleanup()
{
    QSettings().remove(QLatin1StringView(Clipboard::kClearSecondsKey));
}

void ClipboardTest::defaultTimeout()
{
    QSettings().remove(QLatin1StringView(Clipboard::kClearSecondsKey));
    QCOMPARE(Clipboard::clearTimeoutMs(), 30000);
    QSettings().setValue(QLatin1StringView(Clipboard::kClearSecondsKey), u"junk"_s);
    QCOMPARE(Clipboard::clearTimeoutMs(), 30000);
    QSettings().setValue(QLatin1StringView(Clipboard::kClearSecondsKey), 45);
    QCOMPARE(Clipboard::clearTimeoutMs(), 45000);
}

void ClipboardTest::copiesWithHintAndClears()
{
    Clipboard clipboard(nullptr);
    QSignalSpy copied(&clipboard, &Clipboard::copied);
    QSignalSpy cleared(&clipboard, &Clipboard::cleared);
    clipboard.copySecret(SecretBytes::copyOf("sk_test_51HxYz"));
    QCOMPARE(copied.count(), 1);
    QCOMPARE(copied.at(0).at(0).toInt(), 200);
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), u"sk_test_51HxYz"_s);
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), "secret"_ba);
    QVERIFY(cleared.wait(5000));
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(!clipboard.holdsSecret());
}

void ClipboardTest::leavesOtherContentAlone()
{
    Clipboard clipboard(nullptr);
    QSignalSpy cleared(&clipboard, &Clipboard::cleared);
    clipboard.copySecret(SecretBytes::copyOf("secret-one"));
    // The user copies something else before the timeout: it must survive.
    QGuiApplication::clipboard()->setText(u"my own text"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!clipboard.holdsSecret(), 5000);
    QCOMPARE(cleared.count(), 0);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"my own text"_s);
}

void ClipboardTest::clearsOnDestruction()
{
    QSettings().setValue(QLatin1StringView(Clipboard::kClearSecondsKey), 30);
    {
        Clipboard clipboard(nullptr);
        clipboard.copySecret(SecretBytes::copyOf("until-quit"));
        QCOMPARE(QGuiApplication::clipboard()->text(), u"until-quit"_s);
    }
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

QObject *keyhaven::test::makeClipboardTest() { return new ClipboardTest; }

#include "tst_clipboard.moc"
