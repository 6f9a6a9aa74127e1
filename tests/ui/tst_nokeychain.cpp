// tests/ui/tst_nokeychain.cpp — no Secret Service reachable: the app opens, lists metadata, shows
// the banner and stores no secret. Runs in a child tst_ui whose D-Bus session bus points to a
// socket that does not exist (the vault caches its bus connection per process).
#include "common/paths.h"
#include "mainwindow.h"
#include "models/itemtablemodel.h"
#include "panels/itempanel.h"
#include "testsupport.h"
#include "uitests.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using keyhaven::Result;
using keyhaven::SecretBytes;
using keyhaven::ui::ItemPanel;
using keyhaven::ui::MainWindow;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::KeychainState;
using keyhaven::vault::Vault;

namespace {

int fail(const char *what)
{
    std::fprintf(stderr, "no-keychain child: %s\n", what);
    return 1;
}

} // namespace

int keyhaven::test::runNoKeychainChild()
{
    const QString dir = freshDataDir();
    Result<Vault *> opened =
        Vault::open(dir + u"/keyhaven.sqlite"_s, keyhaven::paths::keychainService(), qApp);
    if (!opened)
        return fail("cannot open the vault");
    Vault *vault = *opened;
    // Metadata without a secret is fine without a keychain: an OAuth connection before login.
    Item connection;
    connection.kind = ItemKind::OAuth;
    connection.name = u"Before login"_s;
    connection.issuerUrl = u"https://accounts.example.com"_s;
    connection.clientId = u"keyhaven-test"_s;
    bool added = false;
    vault->addItem(connection, SecretBytes(), qApp, [&added](Result<Item> r) { added = bool(r); });
    if (!QTest::qWaitFor([&] { return added; }, 10000))
        return fail("could not add metadata");

    MainWindow window(vault);
    window.show();
    vault->probeKeychain();
    if (!QTest::qWaitFor(
            [&] { return vault->keychainState() == KeychainState::Unavailable; }, 20000))
        return fail("the vault never reported the keychain unavailable");
    QTest::qWait(50);
    QLabel *banner = window.banner();
    if (!banner->isVisible())
        return fail("no banner");
    if (!banner->text().startsWith(u"No keychain is reachable — secrets cannot be stored or read."))
        return fail("wrong banner text");
    if (window.findChild<QLabel *>(u"keychainStatus"_s)->text() != u"Keychain: not reachable"_s)
        return fail("wrong status bar text");
    ItemPanel *connections = window.panel(ItemKind::OAuth);
    if (connections->model()->rowCount() != 1)
        return fail("metadata not listed");
    connections->selectItem(connections->model()->itemAt(0).id);
    for (ItemPanel *panel : window.panels()) {
        auto *add = panel->findChild<QPushButton *>(u"addButton"_s);
        auto *copy = panel->findChild<QPushButton *>(u"copyButton"_s);
        auto *reveal = panel->findChild<QPushButton *>(u"revealButton"_s);
        if (add->isEnabled() || copy->isEnabled() || reveal->isEnabled())
            return fail("add/copy/reveal still enabled");
        if (!add->toolTip().contains(u"No keychain is reachable"_s))
            return fail("no explanation on the add button");
    }
    // Adding a secret is refused by the vault as well, and leaves no row behind.
    Item key;
    key.kind = ItemKind::ApiKey;
    key.name = u"Refused"_s;
    std::optional<Result<Item>> refused;
    vault->addItem(key, SecretBytes::copyOf("nope"), qApp,
        [&refused](Result<Item> r) { refused = std::move(r); });
    if (!QTest::qWaitFor([&] { return refused.has_value(); }, 20000))
        return fail("add never answered");
    if (refused->has_value() || refused->error().id != u"keychain-unavailable"_s)
        return fail("a secret was accepted without a keychain");
    if (vault->find(u"Refused"_s).has_value())
        return fail("a row was left behind");
    std::printf("no-keychain child: ok\n");
    return 0;
}

class NoKeychainTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bannerWithoutKeychain();
};

void NoKeychainTest::bannerWithoutKeychain()
{
    const QString dir = QDir::tempPath() + u"/keyhaven-nokeychain-"_s
        + QString::number(QCoreApplication::applicationPid());
    const auto r = keyhaven::test::run(QCoreApplication::applicationFilePath(),
        { u"--no-keychain-child"_s }, {},
        { u"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/keyhaven-test-bus"_s,
            u"KEYHAVEN_DATA_DIR="_s + dir, u"QT_QPA_PLATFORM=offscreen"_s },
        90000);
    QDir(dir).removeRecursively();
    QVERIFY2(!r.crashed && !r.timedOut, r.err.constData());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("no-keychain child: ok"));
}

QObject *keyhaven::test::makeNoKeychainTest() { return new NoKeychainTest; }

#include "tst_nokeychain.moc"
