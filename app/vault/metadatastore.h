// vault/metadatastore.h — item metadata and secret bookkeeping in SQLite (never a secret).
#pragma once

#include "common/result.h"
#include "vault/item.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>
#include <utility>

struct sqlite3;

namespace keyhaven::vault {

// Where an item's (or one secret field's) keychain write stands. Stored as text in SQLite so
// that a crash between the metadata and the keychain write is detectable (DESIGN.md rule 2).
enum class RowState {
    Pending, // item row inserted, its first secret not yet confirmed (item level only)
    Writing, // a secret write is under way; the previous secret may be intact (prev_*)
    Present, // every chunk written and confirmed
    Missing, // the keychain lacks a complete secret: shown as Missing, never dropped
    Deleting, // removal under way: hidden from listings, finished by reconcile
};
QString rowStateId(RowState state);
std::optional<RowState> rowStateFromId(QStringView id);

// The bookkeeping of one secret field (item_secrets row). `generation` is a random, non-secret
// tag written into every chunk's header, so chunks of two different writes are never mixed.
struct SecretFieldRow
{
    QString field;
    int chunks = 0;
    QByteArray generation;
    int prevChunks = 0; // the secret being overwritten (0 = none), kept until the write is done
    QByteArray prevGeneration;
    // Highest chunk count ever written under this field: chunks up to here are deleted on
    // removal and cleaned up after a shorter write, even those of a write that crashed.
    int highChunks = 0;
    RowState state = RowState::Writing;
    // Set for the old secret kept after a rotation: deleted from the keychain after this (UTC).
    QDateTime retireUntil;
};

class MetadataStore
{
public:
    static constexpr int kSchemaVersion = 3;

    // Opens (creating and migrating) the store. Error ids: "database-open", "database-migrate",
    // "database-too-new".
    static Result<std::unique_ptr<MetadataStore>> open(const QString &file);
    ~MetadataStore();
    MetadataStore(const MetadataStore &) = delete;
    MetadataStore &operator=(const MetadataStore &) = delete;

    QString fileName() const { return m_file; }
    int schemaVersion() const;
    // For tests and diagnostics (PRAGMA checks); do not write through it.
    QSqlDatabase database() const;

    // Metadata reads. Items being deleted are hidden unless asked for.
    Result<QList<Item>> items(bool includeDeleting = false) const;
    Result<std::optional<Item>> findById(const QUuid &id, bool includeDeleting = false) const;
    Result<std::optional<Item>> findByName(const QString &name) const;
    Result<std::optional<RowState>> itemState(const QUuid &id) const;
    Result<QList<SecretFieldRow>> secretFields(const QUuid &id) const;
    Result<std::optional<SecretFieldRow>> secretField(const QUuid &id, const QString &field) const;
    // Items whose state is not Present (pending, writing, missing, deleting).
    Result<QList<QUuid>> unsettledItems() const;
    // Rotation: the history of an item (oldest first), its retiring secrets, and every retiring
    // secret whose overlap window ended at or before `now`.
    Result<QList<RotationEvent>> rotationHistory(const QUuid &id) const;
    Result<QList<RetiringSecret>> retiringSecrets(const QUuid &id) const;
    Result<QList<std::pair<QUuid, SecretFieldRow>>> retiringDue(const QDateTime &now) const;

    // Writes; each is one transaction. Error ids: "name-taken", "not-found", "database".
    // Inserts a new item (state Pending) with its first secret field (state Writing).
    Result<void> insertPending(const Item &item, const SecretFieldRow &field);
    // Inserts a new item with no secret yet (an OAuth connection before login): state Present;
    // an imported item whose secret lives in someone else's keychain: Missing.
    Result<void> insertWithoutSecret(const Item &item, RowState state = RowState::Present);
    Result<void> updateMetadata(const Item &item);
    // Starts (over)writing a field: keeps the current chunks as prev_* so a crash can fall back.
    // `retireUntil` marks the field as a retiring (old) secret.
    Result<void> beginFieldWrite(const QUuid &id, const QString &field, int chunks,
        const QByteArray &generation, const QDateTime &retireUntil = {});
    // The write of `generation` completed: the field is Present, prev_* forgotten.
    Result<void> finishFieldWrite(
        const QUuid &id, const QString &field, const QByteArray &generation);
    // Sets a field's final bookkeeping (reconcile, failed writes) if it still carries
    // `expectedGeneration` (another process may have written it meanwhile); refreshes the item.
    Result<bool> resolveField(
        const QUuid &id, const SecretFieldRow &resolved, const QByteArray &expectedGeneration);
    Result<void> removeField(const QUuid &id, const QString &field);
    // Records a completed rotation: last_rotated = event.at and a history row, in one transaction.
    Result<void> recordRotation(const QUuid &id, const RotationEvent &event);
    Result<void> markDeleting(const QUuid &id);
    Result<void> deleteItem(const QUuid &id);

    // The item-level state computed from its fields (Pending items stay Pending until settled).
    Result<void> refreshItemState(const QUuid &id, bool settlePending);

private:
    explicit MetadataStore(QString file, QString connection);
    Result<void> keepWalFiles();
    // The connection's own SQLite handle (Qt's QSQLITE driver), or null.
    sqlite3 *sqliteHandle() const;
    Result<void> configureAndMigrate();
    Result<void> exec(const QString &sql) const;
    template <typename Fn> Result<void> transaction(Fn &&fn);

    QString m_file;
    QString m_connection;
    // items()'s last answer and when it was read: (total_changes(), PRAGMA data_version).
    struct ItemsCache
    {
        std::optional<std::pair<qint64, qint64>> key;
        QList<Item> items;
    };
    mutable ItemsCache m_itemsCache[2]; // without / with the items being deleted
};

} // namespace keyhaven::vault
