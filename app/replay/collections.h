// replay/collections.h — saved requests, grouped in collections with their environments (named
// sets of non-secret {{variables}}); kept in the vault's SQLite file and exported as JSON for git.
// A secret is never part of a collection: a request's credential is an item reference (its
// AuthBinding); a literal credential or a secret-looking variable is refused on save and import.
#pragma once

#include "common/result.h"
#include "replay/request.h"
#include "replay/sqliteconnection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace keyhaven::replay {

struct SavedRequest
{
    QString name; // unique within its collection
    Request request; // URL, header values and body may hold {{variables}}; auth = item reference
};

struct Environment
{
    QString name; // unique within its collection
    QMap<QString, QString> variables; // name -> value; never a secret
};

struct Collection
{
    QString name; // unique; no '/' (a request is named "COLLECTION/REQUEST")
    QString caFile; // PEM file of extra CA certificates for its requests; empty = none
    QList<Environment> environments; // kept sorted by name
    QList<SavedRequest> requests; // in the user's order

    const SavedRequest *request(const QString &name) const;
    const Environment *environment(const QString &name) const;
};

// Whether a variable's name says it holds a secret: it ends in token, password, secret, api_key,
// cookie, session... ("token_url" does not).
bool isSecretVariableName(const QString &name);

// The {{variables}} a request uses (URL, header values, body), sorted, without duplicates.
QStringList variablesUsed(const Request &request);

// Checks what a collection may hold. Error ids: "name-missing", "name-invalid",
// "duplicate-name", "secret-in-request" (a literal credential: Authorization or a key header,
// a session cookie, a key in the query, a secret form field), "secret-in-environment".
Result<void> validateCollection(const Collection &collection);

// The request ready to send: {{variables}} replaced from the environment (empty name = none),
// the collection's CA file when the request names none. Error ids: "unknown-environment",
// "unknown-variable" (naming every variable that has no value).
Result<Request> resolveRequest(
    const Collection &collection, const SavedRequest &saved, const QString &environment = {});

// {"format": "keyhaven-collection", "version": 1, "name", "ca_file", "environments": [{"name",
// "variables": {...}}], "requests": [{"name", "method", "url", "headers": [[name, value]...],
// "body" | "body_base64", "body_kind", "auth": {"kind", "item", "user" (basic), "name" and "in"
// (api-key: header, query or cookie)}, "options"}]}. Keys sorted, environments by name, requests in
// order: the same collection gives the same bytes.
QByteArray exportCollection(const Collection &collection);
// One request as it appears in the export (the "requests" array's element).
QJsonObject savedRequestJson(const SavedRequest &request);
// Error ids: "collection-malformed", "input-too-large", and those of validateCollection.
Result<Collection> importCollection(const QByteArray &json);

// The table `replay_collections` in the vault's database file (one row per collection, its
// export JSON), created by app/replay as the history table is.
class Collections
{
public:
    ~Collections();
    Collections(const Collections &) = delete;
    Collections &operator=(const Collections &) = delete;
    // Error ids: "database-open", "database".
    static Result<std::unique_ptr<Collections>> open(const QString &databaseFile);

    // Sorted by name. A stored collection that cannot be read (written by a newer Keyhaven, or
    // damaged) is left out, and named with the reason in *unreadable.
    Result<QList<Collection>> list(QStringList *unreadable = nullptr) const;
    Result<Collection> get(const QString &name) const; // "not-found"
    // Inserts or replaces the whole collection, after validateCollection.
    Result<void> put(const Collection &collection);
    Result<void> remove(const QString &name); // "not-found"
    // Adds the request to the collection (created when missing), or replaces the one with its
    // name in place.
    Result<void> saveRequest(const QString &collection, const SavedRequest &request);
    Result<void> removeRequest(const QString &collection, const QString &name); // "not-found"
    // Adds or replaces an environment (nullopt: by its name). `editing` names the environment a
    // dialog edited: "" for a new one, or its name before the edit (renamed when it differs). A
    // new or renamed environment may not take another one's name ("name-taken").
    Result<void> saveEnvironment(const QString &collection, const Environment &environment,
        const std::optional<QString> &editing = std::nullopt);
    Result<void> removeEnvironment(const QString &collection, const QString &name); // "not-found"

    // A request by "COLLECTION/NAME", or by a NAME that only one collection holds. Error ids:
    // "not-found", "ambiguous".
    Result<std::pair<Collection, SavedRequest>> find(const QString &ref) const;

private:
    explicit Collections(std::unique_ptr<SqliteConnection> db);
    std::unique_ptr<SqliteConnection> m_db;
};

} // namespace keyhaven::replay
