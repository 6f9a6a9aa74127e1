// tests/ui/tst_itemmodels.cpp — ItemTableModel and ItemFilterProxyModel on plain item lists.
#include "models/itemfilterproxymodel.h"
#include "models/itemtablemodel.h"
#include "uitests.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using keyhaven::Clock;
using keyhaven::ui::ItemFilterProxyModel;
using keyhaven::ui::ItemTableModel;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::SecretState;
using Column = ItemTableModel::Column;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

Item apiKey(const QString &name, const QString &owner = {}, const QStringList &tags = {})
{
    Item item;
    item.id = QUuid::createUuid();
    item.kind = ItemKind::ApiKey;
    item.name = name;
    item.owner = owner;
    item.tags = tags;
    item.created = kNow.addDays(-100);
    item.updated = item.created;
    item.baseUrls = { u"https://api.example.com"_s };
    item.secretState = SecretState::Present;
    return item;
}

Item jwt(const QString &name, const QString &issuer, const QDateTime &expires)
{
    Item item;
    item.id = QUuid::createUuid();
    item.kind = ItemKind::Jwt;
    item.name = name;
    item.jwtIssuer = issuer;
    item.jwtSubject = u"user-42"_s;
    item.jwtAudience = { u"api"_s };
    item.expires = expires;
    item.created = kNow;
    return item;
}

QStringList namesInOrder(const QAbstractItemModel &model)
{
    QStringList names;
    for (int r = 0; r < model.rowCount(); ++r)
        names << model.index(r, 0).data().toString();
    return names;
}

} // namespace

class ItemModelsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsPerKind();
    void testerWhileChanging();
    void ignoresOtherKinds();
    void missingSecretIsShown();
    void rotationAndExpiry();
    void filterAcrossFields();
    void sortByColumns();
    void sortManyRowsKeepsEveryRowAndSelection();
    void relativeTime();
};

void ItemModelsTest::columnsPerKind()
{
    ItemTableModel keys(ItemKind::ApiKey, nullptr);
    QCOMPARE(keys.columnCount(), 7);
    QCOMPARE(keys.headerData(0, Qt::Horizontal).toString(), u"Name"_s);
    QCOMPARE(keys.columnOf(Column::Rotation), 5);
    QCOMPARE(keys.columnOf(Column::Expires), -1);
    ItemTableModel tokens(ItemKind::Jwt, nullptr);
    QCOMPARE(tokens.columns(),
        (QList<Column> { Column::Name, Column::Issuer, Column::Subject, Column::Audience,
            Column::Expires, Column::Secret }));
    ItemTableModel connections(ItemKind::OAuth, nullptr);
    QCOMPARE(connections.columns(),
        (QList<Column> {
            Column::Name, Column::Issuer, Column::ClientId, Column::Scopes, Column::Secret }));
}

void ItemModelsTest::testerWhileChanging()
{
    ItemTableModel model(ItemKind::ApiKey, nullptr, Clock::fixed(kNow));
    ItemFilterProxyModel proxy(nullptr);
    proxy.setSourceModel(&model);
    proxy.sort(0);
    QAbstractItemModelTester modelTester(
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QList<Item> items;
    for (int i = 0; i < 20; ++i)
        items << apiKey(u"key-%1"_s.arg(i, 2, 10, QLatin1Char('0')), u"team-%1"_s.arg(i % 3));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setItems(items);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(proxy.rowCount(), 20);

    // Single changes are row inserts, dataChanged and row removals, never resets.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const Item added = apiKey(u"aaa-first"_s);
    model.upsertItem(added);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"aaa-first"_s);

    Item renamed = items.at(5);
    renamed.name = u"zzz-last"_s;
    model.upsertItem(renamed);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(proxy.index(proxy.rowCount() - 1, 0).data().toString(), u"zzz-last"_s);

    proxy.setSearchText(u"team-1"_s);
    QCOMPARE(proxy.rowCount(), 7);
    model.removeItem(items.at(1).id); // team-1
    QCOMPARE(removed.count(), 1);
    QCOMPARE(proxy.rowCount(), 6);
    model.upsertItem(apiKey(u"new"_s, u"TEAM-1"_s));
    QCOMPARE(proxy.rowCount(), 7);
    model.removeItem(QUuid::createUuid()); // unknown: nothing happens
    QCOMPARE(removed.count(), 1);
    proxy.setSearchText(QString());
    QCOMPARE(proxy.rowCount(), 21);
    QCOMPARE(resets.count(), 1);

    model.setItems({});
    QCOMPARE(proxy.rowCount(), 0);
}

void ItemModelsTest::ignoresOtherKinds()
{
    ItemTableModel model(ItemKind::Jwt, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems({ apiKey(u"a"_s), jwt(u"t"_s, u"https://issuer"_s, kNow) });
    QCOMPARE(model.rowCount(), 1);
    model.upsertItem(apiKey(u"b"_s));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"t"_s);
}

void ItemModelsTest::missingSecretIsShown()
{
    ItemTableModel model(ItemKind::ApiKey, nullptr);
    Item item = apiKey(u"lost"_s);
    item.secretState = SecretState::Missing;
    model.setItems({ item });
    const QModelIndex secret = model.index(0, model.columnOf(Column::Secret));
    QCOMPARE(secret.data().toString(), u"secret missing"_s);
    QVERIFY(secret.data(Qt::ForegroundRole).isValid());
    QVERIFY(!secret.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!secret.data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(secret.data(ItemTableModel::SecretStateRole).toInt(), int(SecretState::Missing));
    QCOMPARE(secret.data(ItemTableModel::ItemIdRole).toUuid(), item.id);
}

void ItemModelsTest::rotationAndExpiry()
{
    ItemTableModel keys(ItemKind::ApiKey, nullptr, Clock::fixed(kNow));
    Item overdue = apiKey(u"old"_s); // created 100 days ago, every 90 days
    Item fresh = apiKey(u"fresh"_s);
    fresh.lastRotated = kNow.addDays(-10);
    Item never = apiKey(u"never"_s);
    never.rotateEveryDays = 0;
    keys.setItems({ overdue, fresh, never });
    const int col = keys.columnOf(Column::Rotation);
    const auto cell = [&](const Item &item) { return keys.index(keys.rowOf(item.id), col); };
    QCOMPARE(cell(overdue).data().toString(), u"overdue for 10 days"_s);
    QVERIFY(cell(overdue).data(Qt::ForegroundRole).isValid());
    QCOMPARE(cell(fresh).data().toString(), u"due in 80 days"_s);
    QVERIFY(!cell(fresh).data(Qt::ForegroundRole).isValid());
    QCOMPARE(cell(never).data().toString(), u"no schedule"_s);

    ItemTableModel tokens(ItemKind::Jwt, nullptr, Clock::fixed(kNow)); // rows sorted by name
    tokens.setItems({ jwt(u"a"_s, u"i"_s, kNow.addSecs(3600 * 5)),
        jwt(u"b"_s, u"i"_s, kNow.addSecs(-90)), jwt(u"c"_s, u"i"_s, {}) });
    const int exp = tokens.columnOf(Column::Expires);
    QCOMPARE(tokens.index(0, exp).data().toString(), u"in 5 h"_s);
    QCOMPARE(tokens.index(1, exp).data().toString(), u"expired 1 min ago"_s);
    QCOMPARE(tokens.index(2, exp).data().toString(), u"never"_s);
}

void ItemModelsTest::filterAcrossFields()
{
    ItemTableModel keys(ItemKind::ApiKey, nullptr);
    ItemFilterProxyModel proxy(nullptr);
    proxy.setSourceModel(&keys);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Item a = apiKey(u"Stripe live"_s, u"Payments"_s, { u"prod"_s });
    a.headerName = u"Authorization"_s;
    a.baseUrls = { u"https://api.stripe.com"_s };
    Item b = apiKey(u"Maps"_s, u"Frontend"_s, { u"staging"_s, u"Geo"_s });
    b.baseUrls = { u"https://maps.example.org"_s };
    keys.setItems({ a, b });

    const auto rowsFor = [&](const QString &text) {
        proxy.setSearchText(text);
        return namesInOrder(proxy);
    };
    QCOMPARE(rowsFor(u"stripe"_s), QStringList { u"Stripe live"_s }); // name + URL
    QCOMPARE(rowsFor(u"PAYMENTS"_s), QStringList { u"Stripe live"_s }); // owner, any case
    QCOMPARE(rowsFor(u"geo"_s), QStringList { u"Maps"_s }); // tag
    QCOMPARE(rowsFor(u"authorization"_s), QStringList { u"Stripe live"_s }); // header
    QCOMPARE(rowsFor(u"example.org"_s), QStringList { u"Maps"_s }); // URL
    QCOMPARE(rowsFor(u"  maps "_s), QStringList { u"Maps"_s });
    QCOMPARE(rowsFor(u"nothing-matches"_s), QStringList());
    QCOMPARE(rowsFor(QString()).size(), 2);

    ItemTableModel tokens(ItemKind::Jwt, nullptr);
    ItemFilterProxyModel tokenProxy(nullptr);
    tokenProxy.setSourceModel(&tokens);
    tokens.setItems({ jwt(u"ci"_s, u"https://token.actions.githubusercontent.com"_s, kNow),
        jwt(u"auth0"_s, u"https://tenant.eu.auth0.com/"_s, kNow) });
    tokenProxy.setSearchText(u"GitHub"_s); // issuer
    QCOMPARE(namesInOrder(tokenProxy), QStringList { u"ci"_s });
}

void ItemModelsTest::sortByColumns()
{
    ItemTableModel tokens(ItemKind::Jwt, nullptr, Clock::fixed(kNow));
    ItemFilterProxyModel proxy(nullptr);
    proxy.setSourceModel(&tokens);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tokens.setItems({ jwt(u"b"_s, u"z-issuer"_s, kNow.addDays(3)),
        jwt(u"C"_s, u"a-issuer"_s, kNow.addDays(1)), jwt(u"a"_s, u"m-issuer"_s, {}) });
    proxy.sort(0);
    QCOMPARE(namesInOrder(proxy), (QStringList { u"a"_s, u"b"_s, u"C"_s }));
    proxy.sort(tokens.columnOf(Column::Expires)); // by time, not by the relative text
    QCOMPARE(namesInOrder(proxy), (QStringList { u"C"_s, u"b"_s, u"a"_s }));
    proxy.sort(tokens.columnOf(Column::Issuer), Qt::DescendingOrder);
    QCOMPARE(namesInOrder(proxy), (QStringList { u"b"_s, u"a"_s, u"C"_s }));
}

// Sorting moves the rows in place along the permutation's cycles: with hundreds of rows in a
// scrambled order every row must still be there once, in order, and a persistent index (the
// selection) must follow its item.
void ItemModelsTest::sortManyRowsKeepsEveryRowAndSelection()
{
    ItemTableModel keys(ItemKind::ApiKey, nullptr, Clock::fixed(kNow));
    QAbstractItemModelTester tester(&keys, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Item> items;
    for (int i = 0; i < 500; ++i) {
        // Names and owners in unrelated, scrambled orders; owners repeat (ties fall to the name).
        items << apiKey(u"key-%1"_s.arg((i * 7919) % 500, 3, 10, QChar(u'0')),
            u"owner-%1"_s.arg((i * 31) % 17, 2, 10, QChar(u'0')));
    }
    keys.setItems(items);
    QCOMPARE(keys.rowCount(), 500);
    const int nameColumn = keys.columnOf(Column::Name);
    const int ownerColumn = keys.columnOf(Column::Owner);
    const QPersistentModelIndex followed = keys.index(123, nameColumn);
    const QString followedName = followed.data().toString();
    for (const auto &[column, order] : { std::pair { ownerColumn, Qt::AscendingOrder },
             std::pair { nameColumn, Qt::DescendingOrder },
             std::pair { ownerColumn, Qt::DescendingOrder },
             std::pair { nameColumn, Qt::AscendingOrder } }) {
        keys.sort(column, order);
        QSet<QString> seen;
        for (int row = 0; row < keys.rowCount(); ++row) {
            seen.insert(keys.index(row, nameColumn).data().toString());
            if (row > 0) {
                const int c = keys.compareRows(row - 1, row, column);
                QVERIFY2(order == Qt::AscendingOrder ? c <= 0 : c >= 0,
                    qPrintable(u"rows %1 and %2 out of order"_s.arg(row - 1).arg(row)));
            }
        }
        QCOMPARE(seen.size(), 500);
        QVERIFY(followed.isValid());
        QCOMPARE(followed.data().toString(), followedName);
    }
    QCOMPARE(keys.index(0, nameColumn).data().toString(), u"key-000"_s);
    QCOMPARE(keys.index(499, nameColumn).data().toString(), u"key-499"_s);
}

void ItemModelsTest::relativeTime()
{
    QCOMPARE(ItemTableModel::relativeTime(kNow.addSecs(30), kNow), u"in 30 s"_s);
    QCOMPARE(ItemTableModel::relativeTime(kNow.addSecs(-7200), kNow), u"2 h ago"_s);
    QCOMPARE(ItemTableModel::relativeTime(kNow.addDays(1), kNow), u"in 24 h"_s);
    QCOMPARE(ItemTableModel::relativeTime(kNow.addDays(1), kNow.addSecs(1)), u"in 23 h"_s);
    QCOMPARE(ItemTableModel::relativeTime(kNow.addDays(-3), kNow), u"3 days ago"_s);
    QCOMPARE(ItemTableModel::relativeTime(kNow.addDays(800), kNow), u"in 2 years"_s);
}

QObject *keyhaven::test::makeItemModelsTest() { return new ItemModelsTest; }

#include "tst_itemmodels.moc"
