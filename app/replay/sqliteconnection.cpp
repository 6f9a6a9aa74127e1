// replay/sqliteconnection.cpp — the connection behind History and Collections.
#include "replay/sqliteconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

SqliteConnection::SqliteConnection(QString name)
    : m_name(std::move(name))
{
}

SqliteConnection::~SqliteConnection()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(
    const QString &databaseFile, const QString &table, const QString &createTable)
{
    const QString name = table + u'-' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<SqliteConnection> c(new SqliteConnection(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(databaseFile);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return Error::environment(
            u"database-open"_s, u"Cannot open %1: %2"_s.arg(databaseFile, db.lastError().text()));
    QSqlQuery q(db);
    if (!q.exec(createTable))
        return databaseError(u"Cannot create the table %1"_s.arg(table), q.lastError());
    return c;
}

QSqlDatabase SqliteConnection::database() const { return QSqlDatabase::database(m_name); }

Error databaseError(const QString &what, const QSqlError &error)
{
    return Error::environment(u"database"_s, what + u": "_s + error.text());
}

} // namespace keyhaven::replay
