// replay/history.cpp — redaction and the replay_history table.
#include "replay/history.h"

#include "replay/authbinding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {

QByteArray headersToJson(const Headers &headers)
{
    QJsonArray a;
    for (const Header &h : headers)
        a.append(QJsonArray { QString::fromUtf8(h.first), QString::fromUtf8(h.second) });
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

Headers headersFromJson(const QByteArray &json)
{
    Headers out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        const QJsonArray pair = v.toArray();
        out.append(Header { pair.at(0).toString().toUtf8(), pair.at(1).toString().toUtf8() });
    }
    return out;
}

QJsonArray headersJsonArray(const Headers &headers)
{
    QJsonArray a;
    for (const Header &h : headers)
        a.append(QJsonArray { QString::fromUtf8(h.first), QString::fromUtf8(h.second) });
    return a;
}

} // namespace

QByteArray redact(QByteArray bytes, const QList<Redaction> &redactions)
{
    for (const Redaction &r : redactions) {
        if (r.secret.size() < 4)
            continue;
        const QByteArray forms[] = {
            r.secret,
            r.secret.toPercentEncoding(),
            r.secret.toBase64(),
            r.secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
        };
        for (const QByteArray &form : forms) {
            if (!form.isEmpty())
                bytes.replace(form, r.placeholder);
        }
    }
    return bytes;
}

HistoryEntry historyEntry(const Request &sent, const QString &itemName, const Response *response,
    const QList<Diagnosis> &diagnosis, const QString &error, const QList<Redaction> &redactions)
{
    HistoryEntry e;
    e.at = QDateTime::currentDateTimeUtc();
    e.item = itemName;
    e.method = sent.method;
    e.url = QString::fromUtf8(redact(sent.url.toUtf8(), redactions));
    for (const Header &h : sent.headers) {
        QByteArray value = redact(h.second, redactions);
        // A Basic credential is base64 of "user:secret": the secret's own base64 never shows in
        // it, so the whole value goes.
        // It is written as a dry run shows it, with the user (not a secret), so that "send
        // again" knows whom to send.
        if (h.first.compare("Authorization", Qt::CaseInsensitive) == 0 && value == h.second
            && !redactions.isEmpty() && value.startsWith("Basic ")) {
            if (itemName.isEmpty())
                value = "Basic \u2039redacted\u203a"_ba;
            else if (sent.auth.kind == AuthBinding::Kind::Basic)
                value = QByteArray("Basic \u2039base64 of ") + sent.auth.user.toUtf8() + ':'
                    + itemPlaceholder(itemName) + "\u203a";
            else
                value = QByteArray("Basic ") + itemPlaceholder(itemName);
        }
        e.requestHeaders.append(Header { h.first, value });
    }
    if (sent.body)
        e.requestBody = redact(*sent.body, redactions);
    e.error = error;
    e.diagnosis = diagnosis;
    if (response) {
        e.status = response->status;
        e.size = response->body.size();
        e.timeMs = response->timeMs;
        e.ttfbMs = response->ttfbMs;
        for (const Header &h : response->headers) {
            QByteArray value = redact(h.second, redactions);
            if (h.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0) {
                const qsizetype eq = value.indexOf('=');
                const qsizetype semi = value.indexOf(';');
                value = value.left(eq + 1) + "\u2039redacted\u203a"
                    + (semi >= 0 ? value.mid(semi) : QByteArray());
            }
            e.responseHeaders.append(Header { h.first, value });
        }
    }
    return e;
}

QJsonObject HistoryEntry::toJson() const
{
    QJsonObject o {
        { u"id"_s, id },
        { u"at"_s, at.toString(Qt::ISODate) },
        { u"item"_s, item.isEmpty() ? QJsonValue() : QJsonValue(item) },
        { u"method"_s, QString::fromUtf8(method) },
        { u"url"_s, url },
        { u"request_headers"_s, headersJsonArray(requestHeaders) },
        { u"status"_s, status },
        { u"response_headers"_s, headersJsonArray(responseHeaders) },
        { u"size"_s, size },
        { u"time_ms"_s, timeMs },
        { u"ttfb_ms"_s, ttfbMs },
        { u"diagnosis"_s, replay::toJson(diagnosis) },
        { u"error"_s, error.isEmpty() ? QJsonValue() : QJsonValue(error) },
    };
    o.insert(u"request_body"_s,
        requestBody ? QJsonValue(QString::fromUtf8(*requestBody)) : QJsonValue());
    return o;
}

History::History(std::unique_ptr<SqliteConnection> db)
    : m_db(std::move(db))
{
}

History::~History() = default;

Result<std::unique_ptr<History>> History::open(const QString &databaseFile)
{
    Result<std::unique_ptr<SqliteConnection>> db =
        SqliteConnection::open(databaseFile, u"replay_history"_s,
            u"CREATE TABLE IF NOT EXISTS replay_history ("
            "id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, item TEXT, "
            "method TEXT NOT NULL, url TEXT NOT NULL, request_headers TEXT NOT NULL, "
            "request_body BLOB, status INTEGER NOT NULL, response_headers TEXT NOT NULL, "
            "size INTEGER NOT NULL, time_ms INTEGER NOT NULL, ttfb_ms INTEGER NOT NULL, "
            "diagnosis TEXT NOT NULL, error TEXT)"_s);
    if (!db)
        return db.error();
    return std::unique_ptr<History>(new History(std::move(db).value()));
}

Result<void> History::append(const HistoryEntry &entry) { return append(QList { entry }); }

Result<void> History::append(const QList<HistoryEntry> &entries)
{
    QSqlDatabase db = m_db->database();
    if (entries.size() > 1 && !db.transaction())
        return databaseError(u"Cannot write the replay history"_s, db.lastError());
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO replay_history (at, item, method, url, request_headers, request_body, "
              "status, response_headers, size, time_ms, ttfb_ms, diagnosis, error) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const HistoryEntry &e : entries) {
        q.addBindValue(e.at.toString(Qt::ISODateWithMs));
        q.addBindValue(e.item.isEmpty() ? QVariant() : QVariant(e.item));
        q.addBindValue(QString::fromUtf8(e.method));
        q.addBindValue(e.url);
        q.addBindValue(QString::fromUtf8(headersToJson(e.requestHeaders)));
        q.addBindValue(e.requestBody ? QVariant(*e.requestBody) : QVariant());
        q.addBindValue(e.status);
        q.addBindValue(QString::fromUtf8(headersToJson(e.responseHeaders)));
        q.addBindValue(e.size);
        q.addBindValue(e.timeMs);
        q.addBindValue(e.ttfbMs);
        q.addBindValue(QString::fromUtf8(
            QJsonDocument(replay::toJson(e.diagnosis)).toJson(QJsonDocument::Compact)));
        q.addBindValue(e.error.isEmpty() ? QVariant() : QVariant(e.error));
        if (!q.exec()) {
            const QSqlError error = q.lastError();
            if (entries.size() > 1)
                db.rollback();
            return databaseError(u"Cannot write the replay history"_s, error);
        }
    }
    if (entries.size() > 1 && !db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return databaseError(u"Cannot write the replay history"_s, error);
    }
    return {};
}

Result<QList<HistoryEntry>> History::list(int limit) const
{
    QSqlQuery q(m_db->database());
    q.prepare(u"SELECT id, at, item, method, url, request_headers, request_body, status, "
              "response_headers, size, time_ms, ttfb_ms, diagnosis, error FROM replay_history "
              "ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(limit);
    if (!q.exec())
        return databaseError(u"Cannot read the replay history"_s, q.lastError());
    QList<HistoryEntry> out;
    while (q.next()) {
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.item = q.value(2).toString();
        e.method = q.value(3).toString().toUtf8();
        e.url = q.value(4).toString();
        e.requestHeaders = headersFromJson(q.value(5).toString().toUtf8());
        if (!q.value(6).isNull())
            e.requestBody = q.value(6).toByteArray();
        e.status = q.value(7).toInt();
        e.responseHeaders = headersFromJson(q.value(8).toString().toUtf8());
        e.size = q.value(9).toLongLong();
        e.timeMs = q.value(10).toLongLong();
        e.ttfbMs = q.value(11).toLongLong();
        for (const QJsonValue &d : QJsonDocument::fromJson(q.value(12).toString().toUtf8()).array())
            e.diagnosis.append(Diagnosis { d[u"id"_s].toString(), d[u"message"_s].toString() });
        e.error = q.value(13).toString();
        out.append(e);
    }
    return out;
}

} // namespace keyhaven::replay
