// replay/history.h — the redacted record of every send, in its own table of the vault's SQLite
// file.
#pragma once

#include "common/result.h"
#include "replay/diagnosis.h"
#include "replay/request.h"
#include "replay/sender.h"
#include "replay/sqliteconnection.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace keyhaven::replay {

// A secret to take out before anything is written, and what stands in for it.
struct Redaction
{
    QByteArray secret; // never written, never printed
    QByteArray placeholder; // "‹item NAME›" or "‹redacted›"
};

// Replaces every occurrence of each secret, raw and in its percent-encoded, base64 and base64url
// forms, with its placeholder. Secrets shorter than 4 bytes are left alone (they would match
// everywhere and say nothing).
QByteArray redact(QByteArray bytes, const QList<Redaction> &redactions);

struct HistoryEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString item; // the bound item's name, if any
    QByteArray method;
    QString url;
    Headers requestHeaders;
    std::optional<QByteArray> requestBody;
    int status = 0; // 0: no answer (see error)
    Headers responseHeaders; // Set-Cookie values redacted
    qint64 size = 0; // response body bytes (the body itself is not stored)
    qint64 timeMs = 0;
    qint64 ttfbMs = 0;
    QList<Diagnosis> diagnosis;
    QString error; // network/TLS error message, if the send failed

    QJsonObject toJson() const;
};

// Builds the entry for a send: `sent` is the request as it went out (secrets included) and is
// redacted here; nothing of it is kept un-redacted.
HistoryEntry historyEntry(const Request &sent, const QString &itemName, const Response *response,
    const QList<Diagnosis> &diagnosis, const QString &error, const QList<Redaction> &redactions);

// The table `replay_history` lives in the vault's database file but is created and versioned by
// app/replay (CREATE TABLE IF NOT EXISTS), so that it needs no vault migration.
class History
{
public:
    ~History();
    History(const History &) = delete;
    History &operator=(const History &) = delete;
    // Error ids: "database-open", "database".
    static Result<std::unique_ptr<History>> open(const QString &databaseFile);
    Result<void> append(const HistoryEntry &entry);
    // Several entries in one transaction: all or none (an import, a benchmark's 100,000 rows;
    // one transaction each would wait for a disk sync per row).
    Result<void> append(const QList<HistoryEntry> &entries);
    // Newest first.
    Result<QList<HistoryEntry>> list(int limit) const;

private:
    explicit History(std::unique_ptr<SqliteConnection> db);
    std::unique_ptr<SqliteConnection> m_db;
};

} // namespace keyhaven::replay
