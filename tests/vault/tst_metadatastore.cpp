// tests/vault/tst_metadatastore.cpp — schema migrations, pragmas, constraints (real SQLite file).
#include "testsupport.h"
#include "vault/metadatastore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::vault;

namespace {
QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

Item sampleItem(const QString &name)
{
    Item item;
    item.id = QUuid::createUuid();
    item.name = name;
    item.kind = ItemKind::ApiKey;
    item.created = item.updated = QDateTime::currentDateTimeUtc();
    item.tags = { u"prod"_s, u"billing"_s };
    item.baseUrls = { u"https://api.example.com"_s };
    return item;
}

SecretFieldRow secretRow(int chunks = 1)
{
    SecretFieldRow f;
    f.field = u"secret"_s;
    f.chunks = chunks;
    f.generation = "0123456789abcdef";
    return f;
}
} // namespace

class TestMetadataStore : public QObject
{
    Q_OBJECT
    QString m_file;

private Q_SLOTS:
    void init()
    {
        const QString dir = qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/metadata"_s;
        QDir(dir).removeRecursively();
        m_file = dir + u"/keyhaven.sqlite"_s;
    }

    void migrationRunsOnFreshFileAndIsIdempotent()
    {
        {
            auto store = MetadataStore::open(m_file);
            QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
            QCOMPARE((*store)->schemaVersion(), MetadataStore::kSchemaVersion);
            QSqlDatabase db = (*store)->database();
            QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM schema_version"_s).toInt(),
                MetadataStore::kSchemaVersion);
            QCOMPARE(scalar(db,
                         u"SELECT COUNT(*) FROM sqlite_master WHERE name IN "
                         "('items', 'item_secrets')"_s)
                         .toInt(),
                2);
            QVERIFY((*store)->insertPending(sampleItem(u"kept"_s), secretRow()));
        }
        // Reopen: no migration runs again, the data is still there.
        auto again = MetadataStore::open(m_file);
        QVERIFY(again);
        QCOMPARE((*again)->schemaVersion(), MetadataStore::kSchemaVersion);
        QCOMPARE(scalar((*again)->database(), u"SELECT COUNT(*) FROM schema_version"_s).toInt(),
            MetadataStore::kSchemaVersion); // one row per migration
        auto items = (*again)->items();
        QVERIFY(items);
        QCOMPARE(items->size(), 1);
        QCOMPARE(items->first().name, u"kept"_s);
        QCOMPARE(items->first().tags, QStringList({ u"prod"_s, u"billing"_s }));
        QCOMPARE(items->first().secretState, SecretState::Unknown); // pending
    }

    void newFilesAreOwnerOnly()
    {
        {
            auto store = MetadataStore::open(m_file);
            QVERIFY(store);
            QVERIFY((*store)->insertPending(sampleItem(u"private"_s), secretRow()));
        }
        const QFileDevice::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
        const QFileDevice::Permissions group = QFile::ReadGroup | QFile::WriteGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(m_file) & (owner | group), owner);
        const QString dir = QFileInfo(m_file).absolutePath();
        QCOMPARE(QFile::permissions(dir) & group, QFileDevice::Permissions());
        // SQLite's companion files take the database file's mode.
        for (const QString &companion : QStringList { m_file + u"-wal"_s, m_file + u"-shm"_s })
            if (QFileInfo::exists(companion))
                QCOMPARE(QFile::permissions(companion) & group, QFileDevice::Permissions());
    }

    void twoStoresOnOneFile()
    {
        auto a = MetadataStore::open(m_file);
        auto b = MetadataStore::open(m_file);
        QVERIFY(a && b);
        QVERIFY((*a)->database().connectionName() != (*b)->database().connectionName());
        QVERIFY((*a)->insertPending(sampleItem(u"from-a"_s), secretRow()));
        auto seen = (*b)->findByName(u"from-a"_s);
        QVERIFY(seen && seen->has_value());
    }

    void connectionIsRemovedOnDestruction()
    {
        QString name;
        {
            auto store = MetadataStore::open(m_file);
            QVERIFY(store);
            name = (*store)->database().connectionName();
            QVERIFY(QSqlDatabase::contains(name));
        }
        QVERIFY(!QSqlDatabase::contains(name));
    }

    void walAndForeignKeysAreOn()
    {
        auto store = MetadataStore::open(m_file);
        QVERIFY(store);
        QSqlDatabase db = (*store)->database();
        QCOMPARE(scalar(db, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(scalar(db, u"PRAGMA foreign_keys"_s).toInt(), 1);
        QVERIFY(scalar(db, u"PRAGMA busy_timeout"_s).toInt() >= 1000);
    }

    // items() is kept between calls, but never stale: a write on this connection, on another
    // connection or in another process (another MetadataStore here) shows at the next call.
    void itemsListIsNeverStale()
    {
        auto a = MetadataStore::open(m_file);
        auto b = MetadataStore::open(m_file);
        QVERIFY(a && b);
        QCOMPARE((*a)->items()->size(), 0);
        QVERIFY((*b)->insertPending(sampleItem(u"from-b"_s), secretRow()));
        QCOMPARE((*a)->items()->size(), 1);
        QCOMPARE((*a)->items()->size(), 1); // unchanged: the kept list
        Item mine = sampleItem(u"from-a"_s);
        QVERIFY((*a)->insertPending(mine, secretRow()));
        QCOMPARE((*a)->items()->size(), 2);
        mine.name = u"renamed-by-a"_s;
        QVERIFY((*a)->updateMetadata(mine));
        QCOMPARE((*a)->items()->last().name, u"renamed-by-a"_s);
        QVERIFY((*b)->markDeleting(mine.id));
        QCOMPARE((*a)->items()->size(), 1);
        QCOMPARE((*a)->items(true)->size(), 2);
        QVERIFY((*b)->deleteItem(mine.id));
        QCOMPARE((*a)->items(true)->size(), 1);
    }

    // items() reads SQLite directly and takes a shortcut for plain ["a","b"] lists; findById()
    // goes through Qt SQL and the JSON parser. Both must give back exactly what was stored.
    void listsAndFieldsRoundTripThroughBothReads()
    {
        auto store = MetadataStore::open(m_file);
        QVERIFY(store);
        Item item = sampleItem(u"lists \u00e9\U0001F511"_s);
        item.kind = ItemKind::OAuth;
        item.tags = { u"a\",\"b"_s, u"quote\"d"_s, u"back\\slash"_s, QString(), u"tab\tstop"_s,
            u"\u00fcml\u00e4ut"_s, u"\U0001F511 key"_s, u"[\"x\"]"_s };
        item.baseUrls = { u"https://api.example.com"_s, u"https://b.example.com/p?q=\"1\""_s };
        item.scopes = { u"openid"_s, u"email"_s };
        item.jwtAudience = { QString() };
        item.notes = u"line one\nline two"_s;
        item.issuerUrl = u"https://id.example.com"_s;
        item.clientId = u"client"_s;
        item.authParams = { u"audience=api"_s };
        item.redirectPort = 8765;
        item.subject = u"user-1"_s;
        item.grantedScopes = { u"openid"_s };
        item.needsLogin = true;
        item.accessTokenExpires = QDateTime::fromMSecsSinceEpoch(1800000000123, Qt::UTC);
        item.expires = QDateTime::fromMSecsSinceEpoch(1900000000000, Qt::UTC);
        item.rotateEveryDays = 30;
        item.warnDaysBefore = 3;
        item.overlapDays = 0;
        QVERIFY((*store)->insertPending(item, secretRow()));
        Item plain = sampleItem(u"plain"_s);
        plain.tags.clear();
        plain.baseUrls.clear();
        QVERIFY((*store)->insertPending(plain, secretRow()));

        const auto all = (*store)->items(true);
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        const auto one = (*store)->findById(item.id, true);
        QVERIFY(one && one->has_value());
        for (const Item &read : { all->at(0), **one }) {
            QCOMPARE(read.id, item.id);
            QCOMPARE(read.kind, ItemKind::OAuth);
            QCOMPARE(read.name, item.name);
            QCOMPARE(read.tags, item.tags);
            QCOMPARE(read.baseUrls, item.baseUrls);
            QCOMPARE(read.scopes, item.scopes);
            QCOMPARE(read.jwtAudience, item.jwtAudience);
            QCOMPARE(read.notes, item.notes);
            QCOMPARE(read.authParams, item.authParams);
            QCOMPARE(read.redirectPort, 8765);
            QCOMPARE(read.subject, item.subject);
            QCOMPARE(read.grantedScopes, item.grantedScopes);
            QCOMPARE(read.needsLogin, true);
            QCOMPARE(read.accessTokenExpires, item.accessTokenExpires);
            QCOMPARE(read.expires, item.expires);
            QVERIFY(!read.lastRotated.isValid());
            QCOMPARE(read.created, item.created);
            QCOMPARE(read.rotateEveryDays, 30);
            QCOMPARE(read.warnDaysBefore, 3);
            QCOMPARE(read.overlapDays, 0);
        }
        QCOMPARE(all->at(1).name, u"plain"_s);
        QVERIFY(all->at(1).tags.isEmpty() && all->at(1).baseUrls.isEmpty());
        QVERIFY(!all->at(1).needsLogin && all->at(1).redirectPort == 0);
    }

    // items() lists by name in SQLite's order (UTF-8 bytes), as before it read SQLite directly.
    void itemsAreInNameOrder()
    {
        auto store = MetadataStore::open(m_file);
        QVERIFY(store);
        const QStringList names = { u"b"_s, u"B"_s, u"a"_s, u"\U0001F511"_s, u"\uFF21"_s, u"_"_s };
        for (const QString &name : names)
            QVERIFY((*store)->insertPending(sampleItem(name), secretRow()));
        const Result<QList<Item>> items = (*store)->items();
        QVERIFY(items);
        QStringList listed;
        for (const Item &item : *items)
            listed << item.name;
        QCOMPARE(
            listed, (QStringList { u"B"_s, u"_"_s, u"a"_s, u"b"_s, u"\uFF21"_s, u"\U0001F511"_s }));
    }

    void uniqueNameIsEnforced()
    {
        auto store = MetadataStore::open(m_file);
        QVERIFY(store);
        QVERIFY((*store)->insertPending(sampleItem(u"twice"_s), secretRow()));
        Result<void> again = (*store)->insertPending(sampleItem(u"twice"_s), secretRow());
        QVERIFY(!again);
        QCOMPARE(again.error().id, u"name-taken"_s);
        // The failed transaction left nothing behind.
        QCOMPARE(scalar((*store)->database(), u"SELECT COUNT(*) FROM item_secrets"_s).toInt(), 1);
        // A rename onto a taken name fails the same way.
        Item other = sampleItem(u"other"_s);
        QVERIFY((*store)->insertPending(other, secretRow()));
        other.name = u"twice"_s;
        Result<void> renamed = (*store)->updateMetadata(other);
        QVERIFY(!renamed);
        QCOMPARE(renamed.error().id, u"name-taken"_s);
    }

    void deletingAnItemCascadesToItsSecrets()
    {
        auto store = MetadataStore::open(m_file);
        QVERIFY(store);
        const Item item = sampleItem(u"cascade"_s);
        QVERIFY((*store)->insertPending(item, secretRow(3)));
        QVERIFY((*store)->beginFieldWrite(item.id, u"refresh_token"_s, 1, "fedcba9876543210"));
        QCOMPARE((*store)->secretFields(item.id)->size(), 2);
        QVERIFY((*store)->deleteItem(item.id));
        QCOMPARE(scalar((*store)->database(), u"SELECT COUNT(*) FROM item_secrets"_s).toInt(), 0);
        // And the foreign key refuses orphans.
        QSqlQuery q((*store)->database());
        QVERIFY(!q.exec(u"INSERT INTO item_secrets (item_id, field, chunks, generation, state) "
                        "VALUES ('nope', 'secret', 1, 'x', 'present')"_s));
    }

    void fieldStatesAggregateToTheItem()
    {
        auto store = MetadataStore::open(m_file);
        QVERIFY(store);
        const Item item = sampleItem(u"states"_s);
        QVERIFY((*store)->insertPending(item, secretRow(2)));
        QCOMPARE(**(*store)->itemState(item.id), RowState::Pending);
        QVERIFY((*store)->finishFieldWrite(item.id, u"secret"_s, "0123456789abcdef"));
        QCOMPARE(**(*store)->itemState(item.id), RowState::Present);
        QVERIFY((*store)->beginFieldWrite(item.id, u"secret"_s, 1, "1111111111111111"));
        QCOMPARE(**(*store)->itemState(item.id), RowState::Writing);
        auto f = (*store)->secretField(item.id, u"secret"_s);
        QVERIFY(f && f->has_value());
        QCOMPARE((*f)->prevChunks, 2); // the complete secret stays the fallback
        QCOMPARE((*f)->prevGeneration, QByteArray("0123456789abcdef"));
        QCOMPARE((*f)->highChunks, 2);
        SecretFieldRow missing = **f;
        missing.state = RowState::Missing;
        // A stale generation does not overwrite a newer write.
        QCOMPARE(*(*store)->resolveField(item.id, missing, "2222222222222222"), false);
        QCOMPARE(*(*store)->resolveField(item.id, missing, "1111111111111111"), true);
        QCOMPARE(**(*store)->itemState(item.id), RowState::Missing);
        QCOMPARE((*store)->findById(item.id)->value().secretState, SecretState::Missing);
        QVERIFY((*store)->markDeleting(item.id));
        QVERIFY(!(*store)->findById(item.id)->has_value()); // hidden while being deleted
        QVERIFY((*store)->findById(item.id, true)->has_value());
    }

    void unknownSchemaVersionIsRefused()
    {
        {
            auto store = MetadataStore::open(m_file);
            QVERIFY(store);
            QSqlQuery q((*store)->database());
            QVERIFY(q.exec(u"INSERT INTO schema_version (version) VALUES (99)"_s));
        }
        auto newer = MetadataStore::open(m_file);
        QVERIFY(!newer);
        QCOMPARE(newer.error().id, u"database-too-new"_s);
    }
};

QObject *makeMetadataStoreTest() { return new TestMetadataStore; }

#include "tst_metadatastore.moc"
