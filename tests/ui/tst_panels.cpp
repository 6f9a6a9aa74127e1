// tests/ui/tst_panels.cpp — the main window and panels against a real Vault and keychain.
#include "clipboard.h"
#include "common/paths.h"
#include "dialogs/itemdialog.h"
#include "mainwindow.h"
#include "models/itemfilterproxymodel.h"
#include "models/itemtablemodel.h"
#include "panels/itempanel.h"
#include "testsupport.h"
#include "uitests.h"
#include "vault/secretstore.h"
#include "vault/vault.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::Error;
using keyhaven::Result;
using keyhaven::SecretBytes;
using keyhaven::ui::Clipboard;
using keyhaven::ui::ItemDialog;
using keyhaven::ui::ItemPanel;
using keyhaven::ui::ItemTableModel;
using keyhaven::ui::MainWindow;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::KeychainState;
using keyhaven::vault::SecretState;
using keyhaven::vault::SecretStore;
using keyhaven::vault::Vault;

namespace {

// The outcome of an asynchronous vault call, filled in by its callback.
template <typename T> struct Outcome
{
    bool done = false;
    std::optional<Result<T>> result;
};

std::shared_ptr<Outcome<QByteArray>> readSecret(Vault *vault, const QUuid &id, const QString &field)
{
    auto out = std::make_shared<Outcome<QByteArray>>();
    vault->readSecret(id, field, vault, [out](Result<SecretBytes> r) {
        out->done = true;
        if (r)
            out->result = Result<QByteArray>(r->bytes());
        else
            out->result = Result<QByteArray>(r.error());
    });
    return out;
}

template <typename T> T *waitForChild(QWidget *parent)
{
    T *found = nullptr;
    if (!QTest::qWaitFor([&] { return (found = parent->findChild<T *>()) != nullptr; }, 5000))
        return nullptr;
    return found;
}

} // namespace

class PanelsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void addThroughDialog();
    void copySecretToClipboard();
    void revealOnDemand();
    void searchFilters();
    void editMetadata();
    void missingSecretIsShown();
    void deleteWithConfirmation();
    void everyModelPassesTheTester();
    void databaseErrorIsReported();

private:
    ItemPanel *keys() const { return m_window->panel(ItemKind::ApiKey); }
    QUuid addDirect(const QString &name, const QByteArray &secret);
    // Window shortcuts need the window active (dialogs and message boxes take it away).
    void activate()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    Vault *m_vault = nullptr;
    std::unique_ptr<MainWindow> m_window;
    QUuid m_addedId;
};

void PanelsTest::initTestCase()
{
    const QString dir = keyhaven::test::freshDataDir();
    QSettings().setValue(QLatin1StringView(Clipboard::kClearSecondsKey), 0.2);
    Result<Vault *> vault =
        Vault::open(dir + u"/keyhaven.sqlite"_s, keyhaven::paths::keychainService(), this);
    QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message));
    m_vault = *vault;
    m_window = std::make_unique<MainWindow>(m_vault);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_vault->probeKeychain();
    QTRY_COMPARE_WITH_TIMEOUT(m_vault->keychainState(), KeychainState::Available, 10000);
    QVERIFY(!m_window->banner()->isVisible());
    QCOMPARE(m_window->findChild<QLabel *>(u"keychainStatus"_s)->text(), u"Keychain: available"_s);
}

void PanelsTest::cleanupTestCase()
{
    // Leave nothing behind in the test keychain service.
    for (const Item &item : m_vault->items()) {
        bool done = false;
        m_vault->removeItem(item.id, this, [&done](Result<void>) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }
    m_window.reset();
    QSettings().remove(QLatin1StringView(Clipboard::kClearSecondsKey));
}

QUuid PanelsTest::addDirect(const QString &name, const QByteArray &secret)
{
    Item item;
    item.kind = ItemKind::ApiKey;
    item.name = name;
    QUuid id;
    bool done = false;
    m_vault->addItem(item, SecretBytes::copyOf(secret), this, [&](Result<Item> r) {
        done = true;
        if (r)
            id = r->id;
        else
            qWarning("addItem: %s: %s", qPrintable(r.error().id), qPrintable(r.error().message));
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return {};
    return id;
}

void PanelsTest::addThroughDialog()
{
    m_window->setCurrentPanel(ItemKind::ApiKey);
    activate();
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    auto *dialog = waitForChild<ItemDialog>(keys());
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no name, no secret yet
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Payments API"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"ownerEdit"_s), u"billing-team"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tagsEdit"_s), u"prod, eu"_s);
    QTest::keyClicks(
        dialog->findChild<QLineEdit *>(u"baseUrlsEdit"_s), u"https://pay.example.com"_s);
    QVERIFY(!ok->isEnabled()); // still no secret
    auto *secret = dialog->findChild<QLineEdit *>(u"secretEdit"_s);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secret, u"pk_live_51Hq2Xa9"_s);
    auto *show = dialog->findChild<QAction *>(u"showSecretAction"_s);
    show->trigger();
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    show->trigger();
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    ItemTableModel *model = keys()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    const Item &item = model->itemAt(0);
    QCOMPARE(item.name, u"Payments API"_s);
    QCOMPARE(item.owner, u"billing-team"_s);
    QCOMPARE(item.tags, (QStringList { u"prod"_s, u"eu"_s }));
    QCOMPARE(item.baseUrls, QStringList { u"https://pay.example.com"_s });
    QCOMPARE(item.secretState, SecretState::Present);
    m_addedId = item.id;
    QVERIFY(m_vault->find(u"Payments API"_s).has_value());
    // The secret is in the keychain, not in the model.
    auto read = readSecret(m_vault, m_addedId, item.primaryField());
    QTRY_VERIFY_WITH_TIMEOUT(read->done, 10000);
    QVERIFY(read->result->has_value());
    QCOMPARE(read->result->value(), "pk_live_51Hq2Xa9"_ba);
    QCOMPARE(keys()->selectedItem()->id, m_addedId);
}

void PanelsTest::copySecretToClipboard()
{
    QVERIFY(keys()->selectItem(m_addedId));
    activate();
    keys()->view()->setFocus();
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(keys()->view(), Qt::Key_C, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::clipboard()->text(), u"pk_live_51Hq2Xa9"_s, 10000);
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), "secret"_ba);
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"Copied — clears in"_s));
    // Cleared after the (shortened) timeout, through the same setting the app uses.
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
    QVERIFY(!m_window->clipboard()->holdsSecret());
}

void PanelsTest::revealOnDemand()
{
    QVERIFY(keys()->selectItem(m_addedId));
    auto *view = keys()->findChild<QLineEdit *>(u"secretView"_s);
    QVERIFY(view->text().isEmpty()); // nothing read until asked
    QCOMPARE(view->echoMode(), QLineEdit::Password);
    QTest::mouseClick(keys()->findChild<QPushButton *>(u"revealButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(view->text(), u"pk_live_51Hq2Xa9"_s, 10000);
    QCOMPARE(view->echoMode(), QLineEdit::Normal);
    keys()->hideSecret(); // also runs on a timer and on selection changes
    QVERIFY(view->text().isEmpty());
    QCOMPARE(view->echoMode(), QLineEdit::Password);
}

void PanelsTest::searchFilters()
{
    QVERIFY(!addDirect(u"Weather feed"_s, "wx-123").isNull());
    QTRY_COMPARE(keys()->model()->rowCount(), 2);
    activate();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(keys()->searchEdit()->hasFocus());
    QTest::keyClicks(keys()->searchEdit(), u"BILLING"_s); // owner, any case
    QCOMPARE(keys()->proxy()->rowCount(), 1);
    QCOMPARE(keys()->proxy()->index(0, 0).data().toString(), u"Payments API"_s);
    keys()->searchEdit()->clear();
    QTest::keyClicks(keys()->searchEdit(), u"weather"_s);
    QCOMPARE(keys()->proxy()->rowCount(), 1);
    QTest::keyClicks(keys()->searchEdit(), u"-nothing"_s);
    QCOMPARE(keys()->proxy()->rowCount(), 0);
    QVERIFY(keys()->findChild<QLabel *>(u"emptyHint"_s)->isVisible());
    keys()->searchEdit()->clear();
    QCOMPARE(keys()->proxy()->rowCount(), 2);
}

void PanelsTest::editMetadata()
{
    QVERIFY(keys()->selectItem(m_addedId));
    keys()->editSelected();
    auto *dialog = waitForChild<ItemDialog>(keys());
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), ItemDialog::Mode::Edit);
    auto *owner = dialog->findChild<QLineEdit *>(u"ownerEdit"_s);
    QCOMPARE(owner->text(), u"billing-team"_s);
    owner->clear();
    QTest::keyClicks(owner, u"finance"_s);
    QVERIFY(!dialog->findChild<QLineEdit *>(u"secretEdit"_s)->isEnabled());
    dialog->accept();
    const int row = keys()->model()->rowOf(m_addedId);
    QTRY_COMPARE(keys()->model()->itemAt(row).owner, u"finance"_s);
    QCOMPARE(m_vault->find(u"Payments API"_s)->owner, u"finance"_s);
}

void PanelsTest::missingSecretIsShown()
{
    // Another program deletes the keychain entry behind our back.
    const QUuid id = addDirect(u"Vanishing"_s, "gone-soon");
    QVERIFY(!id.isNull());
    SecretStore store(keyhaven::paths::keychainService());
    bool deleted = false;
    store.deleteEntry(SecretStore::account(id, u"secret"_s, 0), this,
        [&deleted](Result<void> r) { deleted = r.has_value(); });
    QTRY_VERIFY_WITH_TIMEOUT(deleted, 10000);

    QTRY_VERIFY(keys()->selectItem(id));
    keys()->copySelectedSecret(); // the read finds nothing: the vault marks it missing
    ItemTableModel *model = keys()->model();
    const int col = model->columnOf(ItemTableModel::Column::Secret);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(model->rowOf(id), col).data().toString(), u"secret missing"_s, 10000);
    auto *error = waitForChild<QMessageBox>(keys());
    QVERIFY(error);
    error->close();
    QTRY_VERIFY(!keys()->findChild<QPushButton *>(u"copyButton"_s)->isEnabled());
    QVERIFY(keys()->findChild<QLabel *>(u"selectionLabel"_s)->text().contains(u"secret missing"_s));
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void PanelsTest::deleteWithConfirmation()
{
    QVERIFY(keys()->selectItem(m_addedId));
    const int before = keys()->model()->rowCount();
    activate();
    keys()->view()->setFocus();
    QTest::keyClick(keys()->view(), Qt::Key_Delete);
    auto *box = waitForChild<QMessageBox>(keys());
    QVERIFY(box);
    QCOMPARE(box->objectName(), u"confirmDeleteBox"_s);
    QVERIFY(box->text().contains(u"Payments API"_s));
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(keys()->model()->rowCount(), before - 1, 10000);
    QCOMPARE(keys()->model()->rowOf(m_addedId), -1);
    QVERIFY(!m_vault->find(u"Payments API"_s).has_value());
    // Gone from the keychain too.
    SecretStore store(keyhaven::paths::keychainService());
    std::optional<Result<SecretBytes>> read;
    store.readEntry(SecretStore::account(m_addedId, u"secret"_s, 0), this,
        [&read](Result<SecretBytes> r) { read = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QVERIFY(!read->has_value());
    QCOMPARE(read->error().id, u"secret-missing"_s);
}

void PanelsTest::everyModelPassesTheTester()
{
    // The panels' own models and proxies, while the vault adds, updates and removes items.
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (ItemPanel *panel : m_window->panels()) {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            panel->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    keys()->searchEdit()->setText(u"tester"_s);
    const QUuid a = addDirect(u"tester-a"_s, "a");
    const QUuid b = addDirect(u"tester-b"_s, "b");
    QTRY_COMPARE(keys()->proxy()->rowCount(), 2);
    Item edited = *m_vault->find(u"tester-a"_s);
    edited.name = u"renamed"_s;
    QVERIFY(m_vault->updateItem(edited).has_value());
    QTRY_COMPARE(keys()->proxy()->rowCount(), 1);
    for (const QUuid &id : { a, b }) {
        bool done = false;
        m_vault->removeItem(id, this, [&done](Result<void>) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }
    QTRY_COMPARE(keys()->proxy()->rowCount(), 0);
    keys()->searchEdit()->clear();
    bool reconciled = false;
    m_vault->reconcile(this, [&reconciled](Result<void>) { reconciled = true; });
    QTRY_VERIFY_WITH_TIMEOUT(reconciled, 10000);
}

void PanelsTest::databaseErrorIsReported()
{
    // A data "directory" that is a file: the app reports it instead of crashing.
    const QString file = QDir::tempPath() + u"/keyhaven-not-a-dir-"_s
        + QString::number(QCoreApplication::applicationPid());
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const auto r = keyhaven::test::run(keyhaven::test::binPath(u"keyhaven"_s),
        { u"--screenshot"_s, file + u".png"_s }, {},
        { u"KEYHAVEN_DATA_DIR="_s + file, u"QT_QPA_PLATFORM=offscreen"_s });
    QFile::remove(file);
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("cannot open its database"), r.err.constData());
}

QObject *keyhaven::test::makePanelsTest() { return new PanelsTest; }

#include "tst_panels.moc"
