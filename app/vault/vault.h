// vault/vault.h — the façade that keeps SQLite metadata and keychain secrets consistent.
#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "vault/bundle.h"
#include "vault/item.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace keyhaven::vault {

class MetadataStore;
class SecretStore;

// What a rotation records besides the new secret (never the secret itself).
struct RotationRequest
{
    QString reason;
    QString by; // the OS user name (rotation::osUserName())
    int overlapDays = -1; // days the old secret stays; -1 = the item's policy, 0 = drop it now
    QDateTime at; // UTC; null = now (tests pin it)
};

enum class KeychainState {
    Unknown, // not probed yet
    Available, // a Secret Service / Keychain / Credential Manager answered
    Unavailable, // none reachable: the app lists metadata, shows a banner, stores no secret
};

// The one entry point to stored credentials for the GUI and the CLI.
//
// Metadata reads are synchronous (a local SQLite file). Everything that touches the keychain is
// asynchronous: the callback runs later on the caller's thread, through `context` (if `context` is
// destroyed first, the callback is dropped). No nested event loops anywhere.
//
// Consistency (DESIGN.md rule 2): a new item's row is written first (secret state pending), then
// its secret; a failed secret write removes the row again. Items left pending or half-written by a
// crash are re-checked by reconcile(): present -> Present, otherwise -> Missing (shown, never
// dropped). Removal marks the row, deletes the secrets, then deletes the row.
class Vault : public QObject
{
    Q_OBJECT
public:
    ~Vault() override;

    // Opens (creating and migrating) the SQLite store at `databaseFile`, with secrets under
    // keychain service `service`. Error ids: "database-open", "database-migrate".
    static Result<Vault *> open(
        const QString &databaseFile, const QString &service, QObject *parent = nullptr);
    // paths::databaseFile() and paths::keychainService().
    static Result<Vault *> openDefault(QObject *parent = nullptr);

    QString databaseFile() const;
    QString service() const; // keychain service name

    KeychainState keychainState() const;
    // Asks the platform whether a keychain is reachable; emits keychainStateChanged.
    void probeKeychain();
    // Re-checks items whose secret state is not known to be present; emits itemsChanged.
    void reconcile(QObject *context, std::function<void(Result<void>)> done);

    // Metadata (synchronous).
    QList<Item> items() const;
    std::optional<Item> find(QStringView nameOrId) const;
    // Updates metadata only (not kind, not id). Error ids: "name-taken", "not-found", "database".
    Result<void> updateItem(const Item &item);

    // Adds an item and its primary secret. Error ids: "name-taken", "invalid-item",
    // "keychain-unavailable", "keychain-denied", "keychain-locked", "keychain", "database".
    void addItem(
        Item item, SecretBytes secret, QObject *context, std::function<void(Result<Item>)> done);
    // Writes (or overwrites) one secret field of an item.
    void writeSecret(const QUuid &id, const QString &field, SecretBytes secret, QObject *context,
        std::function<void(Result<void>)> done);
    // Reads one secret field (only when asked: reveal, copy, use). Error ids: "not-found",
    // "secret-missing", "keychain-unavailable", "keychain-denied", "keychain-locked", "keychain".
    void readSecret(const QUuid &id, const QString &field, QObject *context,
        std::function<void(Result<SecretBytes>)> done);
    // Deletes one secret field of an item (no error when it has none): e.g. an OAuth connection's
    // tokens at logout. Error ids: "not-found", "keychain-unavailable", "keychain", "database".
    void removeSecret(const QUuid &id, const QString &field, QObject *context,
        std::function<void(Result<void>)> done);
    // Deletes an item and all its secrets.
    void removeItem(const QUuid &id, QObject *context, std::function<void(Result<void>)> done);

    // Rotation. rotate() keeps the current primary secret under a retiring field until the end
    // of the overlap window (calendar days in the system time zone), writes the new one, sets
    // lastRotated and appends a history row. Without a current secret (imported, or lost) there
    // is nothing to keep. Error ids: as writeSecret.
    void rotate(const QUuid &id, SecretBytes newSecret, const RotationRequest &request,
        QObject *context, std::function<void(Result<Item>)> done);
    // Deletes from the keychain every retiring secret whose window ended at or before `now`;
    // reports how many. reconcile() runs it with the current time.
    void purgeRetired(
        const QDateTime &now, QObject *context, std::function<void(Result<int>)> done);
    QList<RotationEvent> rotationHistory(const QUuid &id) const; // oldest first
    QList<RetiringSecret> retiringSecrets(const QUuid &id) const;

    // Team bundle import (metadata only): merges by item id. A known id with other metadata, or
    // a new id whose name is taken, is a conflict: the local item is kept. New items are added
    // with their secret Missing (OAuth connections: Present, they have none before login).
    // Nothing is written when an incoming item is invalid ("invalid-item"). Emits itemsChanged.
    Result<bundle::ImportReport> importItems(const QList<Item> &incoming);

Q_SIGNALS:
    void keychainStateChanged(keyhaven::vault::KeychainState state);
    void itemAdded(const keyhaven::vault::Item &item);
    void itemUpdated(const keyhaven::vault::Item &item);
    void itemRemoved(const QUuid &id);
    void itemsChanged(); // bulk change (reconcile, import): reload items()

private:
    Vault(std::unique_ptr<MetadataStore> metadata, std::unique_ptr<SecretStore> secrets,
        QObject *parent);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace keyhaven::vault
