// tests/ui/tst_dashboard.cpp — DashboardModel on plain item lists, and the dashboard panel's
// Rotate… dialog against a real Vault and keychain (offscreen).
#include "common/paths.h"
#include "dialogs/rotatedialog.h"
#include "models/dashboardmodel.h"
#include "models/itemfilterproxymodel.h"
#include "panels/dashboardpanel.h"
#include "trayreminder.h"
#include "uitests.h"
#include "vault/vault.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::Clock;
using keyhaven::Result;
using keyhaven::SecretBytes;
using keyhaven::ui::DashboardModel;
using keyhaven::ui::DashboardPanel;
using keyhaven::ui::ItemFilterProxyModel;
using keyhaven::ui::ItemTableModel;
using keyhaven::ui::RotateDialog;
using keyhaven::ui::TrayReminder;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::Vault;
using Column = ItemTableModel::Column;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
const QTimeZone kZone = QTimeZone(QByteArrayLiteral("Europe/Berlin"));

Item item(const QString &name, ItemKind kind, int rotatedDaysAgo, int every = 90)
{
    Item i;
    i.id = QUuid::createUuid();
    i.kind = kind;
    i.name = name;
    i.owner = u"team-"_s + name;
    i.created = kNow.addDays(-400);
    i.lastRotated = kNow.addDays(-rotatedDaysAgo);
    i.rotateEveryDays = every;
    if (kind == ItemKind::OAuth) {
        i.issuerUrl = u"https://id.example.com"_s;
        i.clientId = u"cli"_s;
    }
    return i;
}

QStringList column(const QAbstractItemModel &m, int col)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data().toString();
    return out;
}

} // namespace

class DashboardTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelShowsDeadlinesMostUrgentFirst()
    {
        DashboardModel model(nullptr, Clock::fixed(kNow), kZone);
        ItemFilterProxyModel proxy(nullptr);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        Item overdue = item(u"billing"_s, ItemKind::ApiKey, 97); // due 7 days ago
        Item soon = item(u"search"_s, ItemKind::ApiKey, 87); // due in 3 days
        Item fine = item(u"maps"_s, ItemKind::ApiKey, 10); // due in 80 days
        Item never = item(u"legacy"_s, ItemKind::ApiKey, 10, 0); // no schedule: not listed
        Item token = item(u"robot"_s, ItemKind::Jwt, 1);
        token.rotateEveryDays = 0;
        token.expires = kNow.addDays(2).addSecs(3600); // expires in 2 days
        Item oauth = item(u"login"_s, ItemKind::OAuth, 500); // no rotation schedule, no expiry
        model.setItems({ fine, never, oauth, token, soon, overdue });

        QCOMPARE(model.rowCount(), 4);
        const int name = model.columnOf(Column::Name);
        const int status = model.columnOf(Column::Status);
        QCOMPARE(column(model, name),
            (QStringList { u"billing"_s, u"robot"_s, u"search"_s, u"maps"_s }));
        QCOMPARE(column(model, status),
            (QStringList { u"overdue for 7 days"_s, u"expires in 2 days"_s, u"due in 3 days"_s,
                u"due in 80 days"_s }));
        QVERIFY(model.index(0, status).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(3, status).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(1, model.columnOf(Column::Kind)).data().toString(), u"JWT"_s);

        const DashboardModel::Counts c = model.counts();
        QCOMPARE(c.overdue, 1);
        QCOMPARE(c.dueSoon, 1);
        QCOMPARE(c.expiring, 1);

        // Sortable by any column; by name here, then back to the most urgent first.
        proxy.sort(name, Qt::AscendingOrder);
        QCOMPARE(column(proxy, name),
            (QStringList { u"billing"_s, u"maps"_s, u"robot"_s, u"search"_s }));
        proxy.sort(status, Qt::DescendingOrder);
        QCOMPARE(column(proxy, name).first(), u"maps"_s);

        // The filter box: owner text, case-insensitive.
        proxy.setSearchText(u"TEAM-SEA"_s);
        QCOMPARE(column(proxy, name), QStringList { u"search"_s });
        proxy.setSearchText(QString());
        QCOMPARE(proxy.rowCount(), 4);

        // A rotation moves the item out of "overdue"; removing the schedule drops the row.
        overdue.lastRotated = kNow;
        model.upsertItem(overdue);
        QCOMPARE(model.counts().overdue, 0);
        soon.rotateEveryDays = 0;
        model.upsertItem(soon);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(soon.id), -1);
    }

    // An OAuth connection has no rotation schedule; its refresh token's expiry (when the provider
    // said it) puts it on the dashboard.
    void refreshTokenExpiryListsAConnection()
    {
        DashboardModel model(nullptr, Clock::fixed(kNow), kZone);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Item silent = item(u"silent"_s, ItemKind::OAuth, 500);
        Item github = item(u"github"_s, ItemKind::OAuth, 500);
        github.refreshTokenExpires = kNow.addDays(3).addSecs(3600);
        github.expires = kNow.addDays(-30); // not the connection's expiry: ignored
        model.setItems({ silent, github });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, model.columnOf(Column::Name)).data().toString(), u"github"_s);
        QCOMPARE(model.index(0, model.columnOf(Column::Status)).data().toString(),
            u"expires in 3 days"_s);
        QVERIFY(model.index(0, model.columnOf(Column::Expires))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"The refresh token expires"_s));
        QCOMPARE(model.counts().expiring, 1);
    }

    void reminderAndStatusTexts()
    {
        QCOMPARE(TrayReminder::messageText({ u"billing"_s }),
            u"1 key is overdue for rotation: billing"_s);
        QCOMPARE(TrayReminder::messageText({ u"a"_s, u"b"_s, u"c"_s, u"d"_s }),
            u"4 keys are overdue for rotation: a, b, c…"_s);
        DashboardModel model(nullptr, Clock::fixed(kNow), kZone);
        model.setItems(
            { item(u"one"_s, ItemKind::ApiKey, 91), item(u"two"_s, ItemKind::ApiKey, 89) });
        QCOMPARE(column(model, model.columnOf(Column::Status)),
            (QStringList { u"overdue for 1 day"_s, u"due in 1 day"_s }));
    }

    void panelRotatesThroughTheDialog()
    {
        const QString dir = qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/dashboard"_s;
        Result<Vault *> opened =
            Vault::open(dir + u"/keyhaven.sqlite"_s, keyhaven::paths::keychainService(), nullptr);
        QVERIFY(opened);
        std::unique_ptr<Vault> vault(*opened);
        Item key;
        key.kind = ItemKind::ApiKey;
        key.name = u"dash-rotate"_s;
        key.rotateEveryDays = 30;
        std::optional<Result<Item>> added;
        vault->addItem(key, SecretBytes::copyOf("dash-old-secret-0123456789"), this,
            [&added](Result<Item> r) { added.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(added.has_value(), 20000);
        QVERIFY(*added);
        const QUuid id = (*added)->id;
        // A rotation 10 days ago with a 1-day overlap: its old secret is overdue for deletion,
        // which the dashboard does once the keychain is reachable.
        keyhaven::vault::RotationRequest past;
        past.by = u"tester"_s;
        past.overlapDays = 1;
        past.at = QDateTime::currentDateTimeUtc().addDays(-10);
        std::optional<Result<Item>> earlier;
        vault->rotate(id, SecretBytes::copyOf("dash-old-secret-0123456789"), past, this,
            [&earlier](Result<Item> r) { earlier.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(earlier.has_value(), 20000);
        QVERIFY(*earlier);
        QCOMPARE(vault->retiringSecrets(id).size(), 1);

        DashboardPanel panel(vault.get(), vault->items(), nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(vault->retiringSecrets(id).isEmpty(), 20000);
        panel.resize(900, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QAbstractItemModelTester tester(
            panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel.countsLabel()->text(), u"0 overdue · 0 due soon · 0 expiring"_s);
        QVERIFY(!panel.rotateButton()->isEnabled());
        QVERIFY(panel.selectItem(id));
        QVERIFY(panel.rotateButton()->isEnabled());

        QTest::mouseClick(panel.rotateButton(), Qt::LeftButton);
        QTRY_VERIFY(panel.rotateDialog() && panel.rotateDialog()->isVisible());
        RotateDialog *dialog = panel.rotateDialog();
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no secret yet
        auto *secretEdit = dialog->findChild<QLineEdit *>(u"newSecretEdit"_s);
        QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(secretEdit, u"dash-new-secret-9876543210"_s);
        dialog->findChild<QSpinBox *>(u"overlapSpin"_s)->setValue(2);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"reasonEdit"_s), u"from the dashboard"_s);
        QVERIFY(ok->isEnabled());
        QSignalSpy rotated(&panel, &DashboardPanel::rotated);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(rotated.size(), 1, 20000);

        const QList<keyhaven::vault::RotationEvent> history = vault->rotationHistory(id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.last().reason, u"from the dashboard"_s);
        QVERIFY(!history.last().by.isEmpty());
        QCOMPARE(vault->retiringSecrets(id).size(), 1);
        std::optional<Result<SecretBytes>> now;
        vault->readSecret(
            id, u"secret"_s, this, [&now](Result<SecretBytes> r) { now.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(now.has_value(), 20000);
        QVERIFY(*now && (*now)->equals("dash-new-secret-9876543210"));
        QCOMPARE(panel.model()
                     ->index(panel.model()->rowOf(id), panel.model()->columnOf(Column::Status))
                     .data()
                     .toString(),
            u"due in 30 days"_s);

        bool removed = false;
        vault->removeItem(id, this, [&removed](Result<void>) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
        QCOMPARE(panel.model()->rowCount(), 0);
    }
};

QObject *keyhaven::test::makeDashboardTest() { return new DashboardTest; }

#include "tst_dashboard.moc"
