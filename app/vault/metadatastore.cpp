// vault/metadatastore.cpp — item metadata and secret bookkeeping in SQLite (never a secret).
#include "vault/metadatastore.h"
#include "vault/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace keyhaven::vault {

namespace {

// Numbered migrations: index i holds the statements that take the schema from version i to i+1.
// Never edit a released migration; append a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> all = {
        // 1: items and the bookkeeping of their keychain secrets.
        {
            uR"(CREATE TABLE items (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('api-key', 'jwt', 'oauth')),
                name TEXT NOT NULL UNIQUE,
                owner TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '[]',
                notes TEXT NOT NULL DEFAULT '',
                created INTEGER NOT NULL,
                updated INTEGER NOT NULL,
                header_name TEXT NOT NULL DEFAULT '',
                base_urls TEXT NOT NULL DEFAULT '[]',
                rotate_every_days INTEGER NOT NULL DEFAULT 90,
                last_rotated INTEGER,
                expires INTEGER,
                jwt_issuer TEXT NOT NULL DEFAULT '',
                jwt_subject TEXT NOT NULL DEFAULT '',
                jwt_audience TEXT NOT NULL DEFAULT '[]',
                issuer_url TEXT NOT NULL DEFAULT '',
                client_id TEXT NOT NULL DEFAULT '',
                scopes TEXT NOT NULL DEFAULT '[]',
                secret_state TEXT NOT NULL DEFAULT 'pending'
                    CHECK (secret_state IN ('pending', 'writing', 'present', 'missing', 'deleting'))
            ))"_s,
            uR"(CREATE TABLE item_secrets (
                item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                field TEXT NOT NULL,
                chunks INTEGER NOT NULL CHECK (chunks >= 0),
                generation TEXT NOT NULL,
                prev_chunks INTEGER NOT NULL DEFAULT 0 CHECK (prev_chunks >= 0),
                prev_generation TEXT NOT NULL DEFAULT '',
                high_chunks INTEGER NOT NULL DEFAULT 0 CHECK (high_chunks >= 0),
                state TEXT NOT NULL
                    CHECK (state IN ('writing', 'present', 'missing', 'deleting')),
                PRIMARY KEY (item_id, field)
            ))"_s,
            u"CREATE INDEX items_secret_state ON items(secret_state)"_s,
        },
        // 2: rotation: the warning and overlap policy, retiring secrets (an old secret kept in the
        // keychain until retire_until after a rotation) and the rotation history (never a secret).
        {
            u"ALTER TABLE items ADD COLUMN warn_days_before INTEGER NOT NULL DEFAULT 14"_s,
            u"ALTER TABLE items ADD COLUMN overlap_days INTEGER NOT NULL DEFAULT 7"_s,
            u"ALTER TABLE item_secrets ADD COLUMN retire_until INTEGER"_s,
            u"CREATE TABLE rotation_history ("
            "id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE, "
            "rotated_at INTEGER NOT NULL, "
            "rotated_by TEXT NOT NULL DEFAULT '', "
            "reason TEXT NOT NULL DEFAULT '', "
            "retiring_field TEXT NOT NULL DEFAULT '', "
            "retire_until INTEGER)"_s,
            u"CREATE INDEX rotation_history_item ON rotation_history(item_id, rotated_at)"_s,
        },
        // 3: an OAuth connection's lifecycle metadata (expiries, subject, granted scopes, extra
        // authorization parameters, fixed port, "log in again"), as one JSON object: no secret.
        {
            u"ALTER TABLE items ADD COLUMN oauth_meta TEXT NOT NULL DEFAULT '{}'"_s,
        },
    };
    return all;
}

const QString kItemColumns = u"id, kind, name, owner, tags, notes, created, updated, header_name, "
                             "base_urls, rotate_every_days, last_rotated, expires, jwt_issuer, "
                             "jwt_subject, jwt_audience, issuer_url, client_id, scopes, "
                             "secret_state, warn_days_before, overlap_days, oauth_meta"_s;

QString listToJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString &text)
{
    // Start-up reads every item's four lists (10,000 items: 40,000 lists). listToJson writes
    // ["a","b"]; without a backslash no string can hold a quote, so splitting on "," is exact.
    // Anything else (escapes, other spacing, damage) goes through the JSON parser.
    if (text.isEmpty() || text == u"[]"_s)
        return {};
    if (text.size() >= 4 && text.startsWith(u"[\""_s) && text.endsWith(u"\"]"_s)) {
        const QStringView inner = QStringView(text).sliced(2, text.size() - 4);
        qsizetype quotes = 0;
        bool plain = true;
        for (const QChar c : inner) {
            quotes += c == u'"';
            plain = plain && c != u'\\' && c.unicode() >= 0x20;
        }
        if (plain && quotes == 2 * inner.count(u"\",\""_s))
            return inner.toString().split(u"\",\""_s);
    }
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

QVariant timeToSql(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFromSql(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString oauthMetaToJson(const Item &item)
{
    QJsonObject o;
    if (!item.authParams.isEmpty())
        o.insert(u"params"_s, QJsonArray::fromStringList(item.authParams));
    if (item.redirectPort > 0)
        o.insert(u"port"_s, item.redirectPort);
    if (item.accessTokenExpires.isValid())
        o.insert(u"access_expires"_s, item.accessTokenExpires.toMSecsSinceEpoch());
    if (item.refreshTokenExpires.isValid())
        o.insert(u"refresh_expires"_s, item.refreshTokenExpires.toMSecsSinceEpoch());
    if (!item.subject.isEmpty())
        o.insert(u"sub"_s, item.subject);
    if (!item.grantedScopes.isEmpty())
        o.insert(u"granted_scopes"_s, QJsonArray::fromStringList(item.grantedScopes));
    if (item.needsLogin)
        o.insert(u"needs_login"_s, true);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void oauthMetaFromJson(Item &item, const QString &text)
{
    if (text.isEmpty() || text == u"{}"_s) // every item that is not an OAuth connection
        return;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    auto list = [](const QJsonValue &v) {
        QStringList out;
        for (const QJsonValue &e : v.toArray())
            out << e.toString();
        return out;
    };
    auto time = [](const QJsonValue &v) {
        return v.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC)
                            : QDateTime();
    };
    item.authParams = list(o.value(u"params"_s));
    item.redirectPort = o.value(u"port"_s).toInt();
    item.accessTokenExpires = time(o.value(u"access_expires"_s));
    item.refreshTokenExpires = time(o.value(u"refresh_expires"_s));
    item.subject = o.value(u"sub"_s).toString();
    item.grantedScopes = list(o.value(u"granted_scopes"_s));
    item.needsLogin = o.value(u"needs_login"_s).toBool();
}

SecretState publicState(RowState state)
{
    switch (state) {
    case RowState::Present:
        return SecretState::Present;
    case RowState::Missing:
        return SecretState::Missing;
    case RowState::Pending:
    case RowState::Writing:
    case RowState::Deleting:
        break;
    }
    return SecretState::Unknown;
}

// One row of kItemColumns, read through Qt SQL (single items) or straight from SQLite (the whole
// list at start-up: QSqlQuery converts every column to UTF-16 in SQLite and again into a QVariant,
// half the cost of listing 10,000 items).
struct QueryRecord
{
    const QSqlQuery &q;
    QString text(int i) const { return q.value(i).toString(); }
    int integer(int i) const { return q.value(i).toInt(); }
    QDateTime time(int i) const { return timeFromSql(q.value(i)); }
};

struct StatementRecord
{
    sqlite3_stmt *s;
    QString text(int i) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, i));
        return QString::fromUtf8(p, sqlite3_column_bytes(s, i));
    }
    int integer(int i) const { return sqlite3_column_int(s, i); }
    QDateTime time(int i) const
    {
        return sqlite3_column_type(s, i) == SQLITE_NULL
            ? QDateTime()
            : QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(s, i), Qt::UTC);
    }
};

template <typename Record> Item itemFromRecord(const Record &r)
{
    Item item;
    item.id = QUuid::fromString(r.text(0));
    item.kind = kindFromId(r.text(1)).value_or(ItemKind::ApiKey);
    item.name = r.text(2);
    item.owner = r.text(3);
    item.tags = listFromJson(r.text(4));
    item.notes = r.text(5);
    item.created = r.time(6);
    item.updated = r.time(7);
    item.headerName = r.text(8);
    item.baseUrls = listFromJson(r.text(9));
    item.rotateEveryDays = r.integer(10);
    item.lastRotated = r.time(11);
    item.expires = r.time(12);
    item.jwtIssuer = r.text(13);
    item.jwtSubject = r.text(14);
    item.jwtAudience = listFromJson(r.text(15));
    item.issuerUrl = r.text(16);
    item.clientId = r.text(17);
    item.scopes = listFromJson(r.text(18));
    item.secretState = publicState(rowStateFromId(r.text(19)).value_or(RowState::Missing));
    item.warnDaysBefore = r.integer(20);
    item.overlapDays = r.integer(21);
    oauthMetaFromJson(item, r.text(22));
    return item;
}

QString idText(const QUuid &id) { return id.toString(QUuid::WithoutBraces); }

Error dbError(const QSqlError &e, const QString &what)
{
    // The driver text names the statement's problem, never bound values (so never a secret).
    return Error::environment(u"database"_s, u"%1: %2"_s.arg(what, e.text()));
}

bool isUniqueViolation(const QSqlError &e)
{
    // SQLITE_CONSTRAINT (19) / SQLITE_CONSTRAINT_UNIQUE (2067) / _PRIMARYKEY (1555).
    const QString code = e.nativeErrorCode();
    return code == u"2067"_s || code == u"1555"_s
        || (code == u"19"_s && e.databaseText().contains(u"UNIQUE"_s));
}

} // namespace

QString rowStateId(RowState state)
{
    switch (state) {
    case RowState::Pending:
        return u"pending"_s;
    case RowState::Writing:
        return u"writing"_s;
    case RowState::Present:
        return u"present"_s;
    case RowState::Missing:
        return u"missing"_s;
    case RowState::Deleting:
        return u"deleting"_s;
    }
    return {};
}

std::optional<RowState> rowStateFromId(QStringView id)
{
    for (RowState s : { RowState::Pending, RowState::Writing, RowState::Present, RowState::Missing,
             RowState::Deleting }) {
        if (id == rowStateId(s))
            return s;
    }
    return std::nullopt;
}

MetadataStore::MetadataStore(QString file, QString connection)
    : m_file(std::move(file))
    , m_connection(std::move(connection))
{
}

MetadataStore::~MetadataStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase MetadataStore::database() const { return QSqlDatabase::database(m_connection, false); }

Result<std::unique_ptr<MetadataStore>> MetadataStore::open(const QString &file)
{
    const QString dir = QFileInfo(file).absolutePath();
    const bool newDir = !QFileInfo::exists(dir);
    if (!QDir().mkpath(dir))
        return Error::environment(
            u"database-open"_s, u"Cannot create the data folder %1."_s.arg(dir));
    // The metadata is not secret but not public either (names, issuers, origins): a folder we
    // create and a new database file are readable by their owner only. SQLite gives its -wal and
    // -shm files the database file's permissions.
    if (newDir)
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!QFileInfo::exists(file)) {
        QFile create(file);
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly)
            || !create.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            return Error::environment(u"database-open"_s,
                u"Cannot create the database %1: %2"_s.arg(file, create.errorString()));
    }
    // One connection per instance: several stores (GUI + tests) may be open in one process.
    const QString connection = u"keyhaven-vault-"_s + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<MetadataStore> store(new MetadataStore(file, connection));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        if (!db.isValid())
            return Error::environment(u"database-open"_s,
                u"Qt's SQLite driver (QSQLITE) is not available: install libqt6sql6-sqlite."_s);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open())
            return Error::environment(u"database-open"_s,
                u"Cannot open the database %1: %2"_s.arg(file, db.lastError().text()));
    }
    if (Result<void> r = store->keepWalFiles(); !r)
        return r.error();
    if (Result<void> r = store->configureAndMigrate(); !r)
        return r.error();
    return store;
}

Result<void> MetadataStore::exec(const QString &sql) const
{
    QSqlQuery q(database());
    if (!q.exec(sql))
        return dbError(q.lastError(), sql.simplified().left(60));
    return {};
}

sqlite3 *MetadataStore::sqliteHandle() const
{
    const QVariant handle = database().driver()->handle();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.constData())
        : nullptr;
}

Result<void> MetadataStore::keepWalFiles()
{
    // SQLite's locks are POSIX advisory locks, and closing ANY descriptor of the database file
    // drops all of this process's locks on it (a hygiene scan, a backup, a file dialog's preview
    // reading keyhaven.sqlite is enough). A keyhaven-cli process that closes its connection then
    // believes it is the last user, checkpoints and deletes the -wal and -shm files, while this
    // connection keeps the deleted ones mapped: from then on it reads a frozen snapshot and never
    // sees another process's write (stale items, "belongs to another write" secrets). Persistent
    // WAL files are never deleted on close, so every connection keeps sharing the live ones.
    sqlite3 *db = sqliteHandle();
    int persist = 1;
    if (!db || sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist) != SQLITE_OK)
        return Error::environment(u"database-open"_s,
            u"Cannot configure the database %1: persistent write-ahead log refused."_s.arg(m_file));
    return {};
}

template <typename Fn> Result<void> MetadataStore::transaction(Fn &&fn)
{
    // IMMEDIATE: take the write lock up front, so a concurrent writer (the GUI and the CLI share
    // the file) waits on busy_timeout instead of failing halfway with SQLITE_BUSY.
    if (Result<void> r = exec(u"BEGIN IMMEDIATE"_s); !r)
        return r;
    Result<void> result = fn();
    if (!result) {
        (void)exec(u"ROLLBACK"_s);
        return result;
    }
    if (Result<void> r = exec(u"COMMIT"_s); !r) {
        (void)exec(u"ROLLBACK"_s);
        return r;
    }
    return {};
}

Result<void> MetadataStore::configureAndMigrate()
{
    // journal_mode cannot change inside a transaction, so it comes first. WAL lets the GUI read
    // while the CLI writes; synchronous=FULL so that a committed row survives a power loss as
    // well as the keychain entry it refers to.
    for (const QString &pragma :
        { u"PRAGMA journal_mode=WAL"_s, u"PRAGMA foreign_keys=ON"_s, u"PRAGMA busy_timeout=5000"_s,
            u"PRAGMA synchronous=FULL"_s, u"PRAGMA cache_size=-16384"_s }) {
        if (Result<void> r = exec(pragma); !r)
            return Error::environment(u"database-open"_s,
                u"Cannot configure the database %1: %2"_s.arg(m_file, r.error().message));
    }
    {
        QSqlQuery q(database());
        if (!q.exec(u"PRAGMA journal_mode"_s) || !q.next()
            || q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
            return Error::environment(u"database-open"_s,
                u"The database %1 cannot use write-ahead logging."_s.arg(m_file));
    }
    if (Result<void> r =
            exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s);
        !r)
        return Error::environment(u"database-migrate"_s, r.error().message);

    const int latest = int(migrations().size());
    Error failure;
    bool tooNew = false;
    Result<void> r = transaction([&]() -> Result<void> {
        // Read the version inside the write transaction: two processes opening a fresh file at
        // once must not both run migration 1.
        const int current = schemaVersion();
        if (current > latest) {
            tooNew = true;
            return Error::environment(u"database-too-new"_s,
                u"The database %1 has schema version %2; this Keyhaven knows up to %3."_s
                    .arg(m_file)
                    .arg(current)
                    .arg(latest));
        }
        for (int v = current; v < latest; ++v) {
            for (const QString &sql : migrations().at(v)) {
                if (Result<void> s = exec(sql); !s)
                    return Error::environment(u"database-migrate"_s,
                        u"Migration %1 failed: %2"_s.arg(v + 1).arg(s.error().message));
            }
            QSqlQuery q(database());
            q.prepare(u"INSERT INTO schema_version (version) VALUES (?)"_s);
            q.addBindValue(v + 1);
            if (!q.exec())
                return Error::environment(u"database-migrate"_s, q.lastError().text());
            qCDebug(lcVault) << "migrated" << m_file << "to schema version" << v + 1;
        }
        return {};
    });
    if (!r) {
        if (tooNew || r.error().id == u"database-migrate"_s)
            return r.error();
        return Error::environment(u"database-migrate"_s, r.error().message);
    }
    return {};
}

int MetadataStore::schemaVersion() const
{
    QSqlQuery q(database());
    if (q.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s) && q.next())
        return q.value(0).toInt();
    return 0;
}

Result<QList<Item>> MetadataStore::items(bool includeDeleting) const
{
    // Every panel lists the items when it is built: with 10,000 items, reading and parsing them
    // once per panel was most of the start-up. The list is kept while nothing changed it: no
    // write on this connection (total_changes()) and none by another connection or process
    // (PRAGMA data_version).
    QSqlQuery version(database());
    version.setForwardOnly(true);
    std::optional<std::pair<qint64, qint64>> key;
    if (version.exec(u"SELECT total_changes()"_s) && version.next()) {
        const qint64 changes = version.value(0).toLongLong();
        if (version.exec(u"PRAGMA data_version"_s) && version.next())
            key = std::pair { changes, version.value(0).toLongLong() };
    }
    ItemsCache &cache = m_itemsCache[includeDeleting ? 1 : 0];
    if (key && cache.key == key)
        return cache.items;

    sqlite3 *db = sqliteHandle();
    const QString where = includeDeleting ? QString() : u" WHERE secret_state <> 'deleting'"_s;
    const QByteArray sql =
        (u"SELECT "_s + kItemColumns + u" FROM items"_s + where + u" ORDER BY name"_s).toUtf8();
    sqlite3_stmt *statement = nullptr;
    auto failed = [db] {
        return Error::environment(
            u"database"_s, u"Cannot list items: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(db))));
    };
    if (!db)
        return Error::environment(u"database"_s, u"Cannot list items: no SQLite connection"_s);
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK)
        return failed();
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> finalize(
        statement, sqlite3_finalize);
    QList<Item> out; // Item is relocatable: growing moves memory, it copies no item
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW)
        out.append(itemFromRecord(StatementRecord { statement }));
    if (step != SQLITE_DONE)
        return failed();
    cache = ItemsCache { key, out };
    return out;
}

Result<std::optional<Item>> MetadataStore::findById(const QUuid &id, bool includeDeleting) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kItemColumns + u" FROM items WHERE id = ?"_s
        + (includeDeleting ? QString() : u" AND secret_state <> 'deleting'"_s));
    q.addBindValue(idText(id));
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot read an item"_s);
    if (!q.next())
        return std::optional<Item>();
    return std::optional<Item>(itemFromRecord(QueryRecord { q }));
}

Result<std::optional<Item>> MetadataStore::findByName(const QString &name) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kItemColumns
        + u" FROM items WHERE name = ? AND secret_state <> 'deleting'"_s);
    q.addBindValue(name);
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot read an item"_s);
    if (!q.next())
        return std::optional<Item>();
    return std::optional<Item>(itemFromRecord(QueryRecord { q }));
}

Result<std::optional<RowState>> MetadataStore::itemState(const QUuid &id) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT secret_state FROM items WHERE id = ?"_s);
    q.addBindValue(idText(id));
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot read an item"_s);
    if (!q.next())
        return std::optional<RowState>();
    return rowStateFromId(q.value(0).toString());
}

namespace {
SecretFieldRow fieldFromRecord(const QSqlQuery &q, int at = 0)
{
    SecretFieldRow f;
    f.field = q.value(at).toString();
    f.chunks = q.value(at + 1).toInt();
    f.generation = q.value(at + 2).toString().toLatin1();
    f.prevChunks = q.value(at + 3).toInt();
    f.prevGeneration = q.value(at + 4).toString().toLatin1();
    f.state = rowStateFromId(q.value(at + 5).toString()).value_or(RowState::Missing);
    f.highChunks = q.value(at + 6).toInt();
    f.retireUntil = timeFromSql(q.value(at + 7));
    return f;
}
const QString kFieldColumns = u"field, chunks, generation, prev_chunks, prev_generation, state, "
                              "high_chunks, retire_until"_s;
} // namespace

Result<QList<SecretFieldRow>> MetadataStore::secretFields(const QUuid &id) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT "_s + kFieldColumns + u" FROM item_secrets WHERE item_id = ? ORDER BY field"_s);
    q.addBindValue(idText(id));
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot read secret bookkeeping"_s);
    QList<SecretFieldRow> out;
    while (q.next())
        out << fieldFromRecord(q);
    return out;
}

Result<std::optional<SecretFieldRow>> MetadataStore::secretField(
    const QUuid &id, const QString &field) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT "_s + kFieldColumns + u" FROM item_secrets WHERE item_id = ? AND field = ?"_s);
    q.addBindValue(idText(id));
    q.addBindValue(field);
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot read secret bookkeeping"_s);
    if (!q.next())
        return std::optional<SecretFieldRow>();
    return std::optional<SecretFieldRow>(fieldFromRecord(q));
}

Result<QList<RotationEvent>> MetadataStore::rotationHistory(const QUuid &id) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT rotated_at, rotated_by, reason, retiring_field, retire_until "
              "FROM rotation_history WHERE item_id = ? ORDER BY rotated_at, id"_s);
    q.addBindValue(idText(id));
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot read the rotation history"_s);
    QList<RotationEvent> out;
    while (q.next()) {
        RotationEvent e;
        e.at = timeFromSql(q.value(0));
        e.by = q.value(1).toString();
        e.reason = q.value(2).toString();
        e.retiringField = q.value(3).toString();
        e.retireUntil = timeFromSql(q.value(4));
        out << e;
    }
    return out;
}

Result<QList<RetiringSecret>> MetadataStore::retiringSecrets(const QUuid &id) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT field, retire_until FROM item_secrets "
              "WHERE item_id = ? AND retire_until IS NOT NULL ORDER BY retire_until, field"_s);
    q.addBindValue(idText(id));
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot read secret bookkeeping"_s);
    QList<RetiringSecret> out;
    while (q.next())
        out << RetiringSecret { q.value(0).toString(), timeFromSql(q.value(1)) };
    return out;
}

Result<QList<std::pair<QUuid, SecretFieldRow>>> MetadataStore::retiringDue(
    const QDateTime &now) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT item_id, "_s + kFieldColumns
        + u" FROM item_secrets WHERE retire_until IS NOT NULL AND retire_until <= ? "
          "ORDER BY retire_until"_s);
    q.addBindValue(timeToSql(now));
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot read secret bookkeeping"_s);
    QList<std::pair<QUuid, SecretFieldRow>> out;
    while (q.next())
        out.append({ QUuid::fromString(q.value(0).toString()), fieldFromRecord(q, 1) });
    return out;
}

Result<QList<QUuid>> MetadataStore::unsettledItems() const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id FROM items WHERE secret_state <> 'present' ORDER BY name"_s))
        return dbError(q.lastError(), u"Cannot list items"_s);
    QList<QUuid> out;
    while (q.next())
        out << QUuid::fromString(q.value(0).toString());
    return out;
}

namespace {
// A null QString binds as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &s) { return s.isNull() ? QString::fromLatin1("") : s; }

void bindMetadata(QSqlQuery &q, const Item &item)
{
    q.addBindValue(text(item.name));
    q.addBindValue(text(item.owner));
    q.addBindValue(listToJson(item.tags));
    q.addBindValue(text(item.notes));
    q.addBindValue(timeToSql(item.updated));
    q.addBindValue(text(item.headerName));
    q.addBindValue(listToJson(item.baseUrls));
    q.addBindValue(item.rotateEveryDays);
    q.addBindValue(timeToSql(item.lastRotated));
    q.addBindValue(timeToSql(item.expires));
    q.addBindValue(text(item.jwtIssuer));
    q.addBindValue(text(item.jwtSubject));
    q.addBindValue(listToJson(item.jwtAudience));
    q.addBindValue(text(item.issuerUrl));
    q.addBindValue(text(item.clientId));
    q.addBindValue(listToJson(item.scopes));
    q.addBindValue(item.warnDaysBefore);
    q.addBindValue(item.overlapDays);
    q.addBindValue(oauthMetaToJson(item));
}
} // namespace

static Result<void> insertItemRow(QSqlDatabase db, const Item &item, RowState state)
{
    QSqlQuery q(db);
    q.prepare(
        u"INSERT INTO items (name, owner, tags, notes, updated, header_name, base_urls, "
        "rotate_every_days, last_rotated, expires, jwt_issuer, jwt_subject, jwt_audience, "
        "issuer_url, client_id, scopes, warn_days_before, overlap_days, oauth_meta, id, kind, "
        "created, secret_state) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindMetadata(q, item);
    q.addBindValue(idText(item.id));
    q.addBindValue(kindId(item.kind));
    q.addBindValue(timeToSql(item.created));
    q.addBindValue(rowStateId(state));
    if (!q.exec()) {
        if (isUniqueViolation(q.lastError()))
            return Error::input(u"name-taken"_s,
                u"An item named \"%1\" (or with this id) already exists."_s.arg(item.name));
        return dbError(q.lastError(), u"Cannot add the item"_s);
    }
    return {};
}

Result<void> MetadataStore::insertPending(const Item &item, const SecretFieldRow &field)
{
    return transaction([&]() -> Result<void> {
        if (Result<void> r = insertItemRow(database(), item, RowState::Pending); !r)
            return r;
        QSqlQuery q(database());
        q.prepare(u"INSERT INTO item_secrets (item_id, field, chunks, high_chunks, generation, "
                  "state) VALUES (?, ?, ?, ?, ?, 'writing')"_s);
        q.addBindValue(idText(item.id));
        q.addBindValue(field.field);
        q.addBindValue(field.chunks);
        q.addBindValue(field.chunks);
        q.addBindValue(QString::fromLatin1(field.generation));
        if (!q.exec())
            return dbError(q.lastError(), u"Cannot add the item's secret bookkeeping"_s);
        return {};
    });
}

Result<void> MetadataStore::insertWithoutSecret(const Item &item, RowState state)
{
    return transaction([&]() { return insertItemRow(database(), item, state); });
}

Result<void> MetadataStore::updateMetadata(const Item &item)
{
    return transaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(
            u"UPDATE items SET name = ?, owner = ?, tags = ?, notes = ?, updated = ?, "
            "header_name = ?, base_urls = ?, rotate_every_days = ?, last_rotated = ?, "
            "expires = ?, jwt_issuer = ?, jwt_subject = ?, jwt_audience = ?, issuer_url = ?, "
            "client_id = ?, scopes = ?, warn_days_before = ?, overlap_days = ?, oauth_meta = ? "
            "WHERE id = ? AND secret_state <> 'deleting'"_s);
        bindMetadata(q, item);
        q.addBindValue(idText(item.id));
        if (!q.exec()) {
            if (isUniqueViolation(q.lastError()))
                return Error::input(
                    u"name-taken"_s, u"An item named \"%1\" already exists."_s.arg(item.name));
            return dbError(q.lastError(), u"Cannot update the item"_s);
        }
        if (q.numRowsAffected() != 1)
            return Error::input(u"not-found"_s, u"No such item: %1"_s.arg(idText(item.id)));
        return {};
    });
}

Result<void> MetadataStore::beginFieldWrite(const QUuid &id, const QString &field, int chunks,
    const QByteArray &generation, const QDateTime &retireUntil)
{
    return transaction([&]() -> Result<void> {
        Result<std::optional<SecretFieldRow>> old = secretField(id, field);
        if (!old)
            return old.error();
        QSqlQuery q(database());
        if (old->has_value()) {
            const SecretFieldRow &o = **old;
            // Keep the last complete secret as the fallback. If the previous write never
            // finished, its fallback (prev_*) stays the fallback.
            const bool oldComplete = o.state == RowState::Present;
            q.prepare(u"UPDATE item_secrets SET chunks = ?, high_chunks = MAX(high_chunks, ?), "
                      "generation = ?, retire_until = ?, prev_chunks = ?, prev_generation = ?, "
                      "state = 'writing' WHERE item_id = ? AND field = ?"_s);
            q.addBindValue(chunks);
            q.addBindValue(chunks);
            q.addBindValue(QString::fromLatin1(generation));
            q.addBindValue(timeToSql(retireUntil));
            q.addBindValue(oldComplete ? o.chunks : o.prevChunks);
            q.addBindValue(
                text(QString::fromLatin1(oldComplete ? o.generation : o.prevGeneration)));
        } else {
            q.prepare(u"INSERT INTO item_secrets (chunks, high_chunks, generation, retire_until, "
                      "state, item_id, field) VALUES (?, ?, ?, ?, 'writing', ?, ?)"_s);
            q.addBindValue(chunks);
            q.addBindValue(chunks);
            q.addBindValue(QString::fromLatin1(generation));
            q.addBindValue(timeToSql(retireUntil));
        }
        q.addBindValue(idText(id));
        q.addBindValue(field);
        if (!q.exec())
            return dbError(q.lastError(), u"Cannot record a secret write"_s);
        QSqlQuery item(database());
        item.prepare(u"UPDATE items SET secret_state = 'writing' "
                     "WHERE id = ? AND secret_state NOT IN ('pending', 'deleting')"_s);
        item.addBindValue(idText(id));
        if (!item.exec())
            return dbError(item.lastError(), u"Cannot record a secret write"_s);
        return {};
    });
}

Result<void> MetadataStore::finishFieldWrite(
    const QUuid &id, const QString &field, const QByteArray &generation)
{
    return transaction([&]() -> Result<void> {
        QSqlQuery q(database());
        // The caller deleted the chunks beyond `chunks` first, so the high-water mark drops.
        q.prepare(u"UPDATE item_secrets SET state = 'present', prev_chunks = 0, "
                  "prev_generation = '', high_chunks = chunks "
                  "WHERE item_id = ? AND field = ? AND generation = ?"_s);
        q.addBindValue(idText(id));
        q.addBindValue(field);
        q.addBindValue(QString::fromLatin1(generation));
        if (!q.exec())
            return dbError(q.lastError(), u"Cannot record a secret write"_s);
        return refreshItemState(id, true);
    });
}

Result<bool> MetadataStore::resolveField(
    const QUuid &id, const SecretFieldRow &resolved, const QByteArray &expectedGeneration)
{
    bool changed = false;
    Result<void> r = transaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(u"UPDATE item_secrets SET chunks = ?, generation = ?, prev_chunks = ?, "
                  "prev_generation = ?, state = ?, high_chunks = ? "
                  "WHERE item_id = ? AND field = ? AND generation = ?"_s);
        q.addBindValue(resolved.chunks);
        q.addBindValue(QString::fromLatin1(resolved.generation));
        q.addBindValue(resolved.prevChunks);
        q.addBindValue(text(QString::fromLatin1(resolved.prevGeneration)));
        q.addBindValue(rowStateId(resolved.state));
        q.addBindValue(resolved.highChunks);
        q.addBindValue(idText(id));
        q.addBindValue(resolved.field);
        q.addBindValue(QString::fromLatin1(expectedGeneration));
        if (!q.exec())
            return dbError(q.lastError(), u"Cannot record a secret's state"_s);
        changed = q.numRowsAffected() == 1;
        return refreshItemState(id, true);
    });
    if (!r)
        return r.error();
    return changed;
}

Result<void> MetadataStore::removeField(const QUuid &id, const QString &field)
{
    return transaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(u"DELETE FROM item_secrets WHERE item_id = ? AND field = ?"_s);
        q.addBindValue(idText(id));
        q.addBindValue(field);
        if (!q.exec())
            return dbError(q.lastError(), u"Cannot remove a secret's bookkeeping"_s);
        return refreshItemState(id, true);
    });
}

Result<void> MetadataStore::refreshItemState(const QUuid &id, bool settlePending)
{
    Result<std::optional<RowState>> current = itemState(id);
    if (!current)
        return current.error();
    if (!current->has_value() || **current == RowState::Deleting)
        return {};
    if (**current == RowState::Pending && !settlePending)
        return {};
    Result<QList<SecretFieldRow>> fields = secretFields(id);
    if (!fields)
        return fields.error();
    RowState state = RowState::Present;
    for (const SecretFieldRow &f : *fields) {
        if (f.state == RowState::Writing || f.state == RowState::Deleting) {
            state = RowState::Writing;
            break;
        }
        if (f.state == RowState::Missing)
            state = RowState::Missing;
    }
    // A new item whose first write is still under way stays Pending.
    if (**current == RowState::Pending && state == RowState::Writing)
        return {};
    QSqlQuery q(database());
    q.prepare(u"UPDATE items SET secret_state = ? WHERE id = ?"_s);
    q.addBindValue(rowStateId(state));
    q.addBindValue(idText(id));
    if (!q.exec())
        return dbError(q.lastError(), u"Cannot record an item's state"_s);
    return {};
}

Result<void> MetadataStore::markDeleting(const QUuid &id)
{
    return transaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(u"UPDATE items SET secret_state = 'deleting' WHERE id = ?"_s);
        q.addBindValue(idText(id));
        if (!q.exec())
            return dbError(q.lastError(), u"Cannot remove the item"_s);
        if (q.numRowsAffected() != 1)
            return Error::input(u"not-found"_s, u"No such item: %1"_s.arg(idText(id)));
        QSqlQuery f(database());
        f.prepare(u"UPDATE item_secrets SET state = 'deleting' WHERE item_id = ?"_s);
        f.addBindValue(idText(id));
        if (!f.exec())
            return dbError(f.lastError(), u"Cannot remove the item"_s);
        return {};
    });
}

Result<void> MetadataStore::deleteItem(const QUuid &id)
{
    return transaction([&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(u"DELETE FROM items WHERE id = ?"_s); // item_secrets: ON DELETE CASCADE
        q.addBindValue(idText(id));
        if (!q.exec())
            return dbError(q.lastError(), u"Cannot remove the item"_s);
        return {};
    });
}

Result<void> MetadataStore::recordRotation(const QUuid &id, const RotationEvent &event)
{
    return transaction([&]() -> Result<void> {
        QSqlQuery u(database());
        u.prepare(u"UPDATE items SET last_rotated = ?, updated = ? "
                  "WHERE id = ? AND secret_state <> 'deleting'"_s);
        u.addBindValue(timeToSql(event.at));
        u.addBindValue(timeToSql(QDateTime::currentDateTimeUtc()));
        u.addBindValue(idText(id));
        if (!u.exec())
            return dbError(u.lastError(), u"Cannot record the rotation"_s);
        if (u.numRowsAffected() != 1)
            return Error::input(u"not-found"_s, u"No such item: %1"_s.arg(idText(id)));
        QSqlQuery q(database());
        q.prepare(u"INSERT INTO rotation_history (item_id, rotated_at, rotated_by, reason, "
                  "retiring_field, retire_until) VALUES (?, ?, ?, ?, ?, ?)"_s);
        q.addBindValue(idText(id));
        q.addBindValue(timeToSql(event.at));
        q.addBindValue(text(event.by));
        q.addBindValue(text(event.reason));
        q.addBindValue(text(event.retiringField));
        q.addBindValue(timeToSql(event.retireUntil));
        if (!q.exec())
            return dbError(q.lastError(), u"Cannot record the rotation"_s);
        return {};
    });
}

} // namespace keyhaven::vault
