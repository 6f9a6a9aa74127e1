// replay/sqliteconnection.h — a QSQLITE connection of its own to the vault's database file, for a
// table that app/replay creates and versions itself (history, collections): opened with a busy
// timeout, the table created if missing, closed and removed with the object.
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlError;

namespace keyhaven::replay {

class SqliteConnection
{
public:
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Opens the file and runs `createTable` ("CREATE TABLE IF NOT EXISTS ..."); `table` names it
    // in errors. Error ids: "database-open", "database".
    static Result<std::unique_ptr<SqliteConnection>> open(
        const QString &databaseFile, const QString &table, const QString &createTable);
    QSqlDatabase database() const;

private:
    explicit SqliteConnection(QString name);
    QString m_name;
};

// Error id "database": what failed, then SQLite's words.
Error databaseError(const QString &what, const QSqlError &error);

} // namespace keyhaven::replay
