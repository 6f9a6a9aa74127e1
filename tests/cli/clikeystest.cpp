// tests/cli/clikeystest.cpp — keyhaven-cli keys commands, run as a child process against the real
// keychain and a real SQLite file: add, list, show, secret, run, rm, errors and exit codes.
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using keyhaven::test::ProcessResult;

namespace {
ProcessResult cli(
    const QStringList &args, const QByteArray &stdinData = {}, const QStringList &env = {})
{
    return keyhaven::test::run(
        keyhaven::test::binPath(u"keyhaven-cli"_s), args, stdinData, env, 60000);
}

QJsonObject json(const ProcessResult &r) { return QJsonDocument::fromJson(r.out).object(); }

QByteArray describe(const ProcessResult &r)
{
    return "exit " + QByteArray::number(r.exitCode) + "; stderr: " + r.err;
}

QVariant sqlValue(const QString &sql, const QVariantList &binds);

// Counts rows in the store's items table straight from the SQLite file.
int rowsNamed(const QString &name)
{
    const QString file = qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/keyhaven.sqlite"_s;
    if (!QFile::exists(file))
        return 0;
    return int(sqlValue(u"SELECT COUNT(*) FROM items WHERE name = ?"_s, { name }).toLongLong());
}

// Runs one statement on the store's SQLite file (the CLI is not running meanwhile); the first
// column of the first row, or -1.
QVariant sqlValue(const QString &sql, const QVariantList &binds)
{
    const QString file = qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/keyhaven.sqlite"_s;
    QVariant out = -1;
    const QString connection = u"clikeystest-"_s + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec())
                out = q.next() ? q.value(0) : QVariant(q.numRowsAffected());
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return out;
}
} // namespace

class CliTestKeys : public QObject
{
    Q_OBJECT
    QByteArray m_apiSecret;
    QByteArray m_jwt;
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        keyhaven::test::freshDataDir();
        QVERIFY(m_tmp.isValid());
        m_apiSecret = "sk-live-" + QUuid::createUuid().toRfc4122().toHex();
        const QByteArray payload =
            R"({"iss":"https://id.example","sub":"robot","aud":"api","exp":1900000000})";
        m_jwt = "eyJhbGciOiJIUzI1NiJ9."
            + payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            + ".c2lnbmF0dXJl";
    }

    void binaryExists()
    {
        QVERIFY(QFile::exists(keyhaven::test::binPath(QStringLiteral("keyhaven-cli"))));
    }

    void helpPerCommand_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("keys add") << QStringList { u"keys"_s, u"add"_s };
        QTest::newRow("keys list") << QStringList { u"keys"_s, u"list"_s };
        QTest::newRow("keys show") << QStringList { u"keys"_s, u"show"_s };
        QTest::newRow("keys rm") << QStringList { u"keys"_s, u"rm"_s };
        QTest::newRow("secret") << QStringList { u"secret"_s };
        QTest::newRow("run") << QStringList { u"run"_s };
        QTest::newRow("keys rotate") << QStringList { u"keys"_s, u"rotate"_s };
        QTest::newRow("keys export") << QStringList { u"keys"_s, u"export"_s };
        QTest::newRow("keys import") << QStringList { u"keys"_s, u"import"_s };
    }
    void helpPerCommand()
    {
        QFETCH(QStringList, command);
        const ProcessResult r = cli(command + QStringList { u"--help"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QByteArray("Usage: keyhaven-cli " + command.join(u' ').toUtf8())),
            r.out.constData());
        const ProcessResult overview = cli({ u"--help"_s });
        QVERIFY(overview.out.contains(command.join(u' ').toUtf8()));
    }

    void addApiKeyFromStdin()
    {
        const ProcessResult r =
            cli({ u"keys"_s, u"add"_s, u"billing-api"_s, u"--kind"_s, u"api-key"_s, u"--base-url"_s,
                    u"https://api.example.com"_s, u"--base-url"_s, u"https://eu.api.example.com"_s,
                    u"--rotate-every"_s, u"30"_s, u"--json"_s },
                m_apiSecret + '\n'); // one trailing newline is not part of the key
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject item = json(r);
        QCOMPARE(item.value(u"name"_s).toString(), u"billing-api"_s);
        QCOMPARE(item.value(u"kind"_s).toString(), u"api-key"_s);
        QCOMPARE(item.value(u"secret_state"_s).toString(), u"present"_s);
        QCOMPARE(item.value(u"header"_s).toString(), u"X-API-Key"_s);
        QCOMPARE(item.value(u"rotate_every_days"_s).toInt(), 30);
        QCOMPARE(item.value(u"base_urls"_s).toArray().size(), 2);
        QVERIFY(!QUuid::fromString(item.value(u"id"_s).toString()).isNull());
        QVERIFY(!r.out.contains(m_apiSecret));
        QVERIFY(!r.err.contains(m_apiSecret));
    }

    void addJwtFromFile()
    {
        const QString file = m_tmp.filePath(u"token.jwt"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_jwt);
        f.close();
        const ProcessResult r = cli({ u"keys"_s, u"add"_s, u"robot-token"_s, u"--kind"_s, u"jwt"_s,
            u"--secret-file"_s, file, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject item = json(r);
        QCOMPARE(item.value(u"kind"_s).toString(), u"jwt"_s);
        const QJsonObject claims = item.value(u"claims"_s).toObject();
        QCOMPARE(claims.value(u"iss"_s).toString(), u"https://id.example"_s);
        QCOMPARE(claims.value(u"sub"_s).toString(), u"robot"_s);
        QCOMPARE(claims.value(u"aud"_s).toArray(), QJsonArray { u"api"_s });
        QCOMPARE(item.value(u"expires"_s).toString(), u"2030-03-17T17:46:40Z"_s);
    }

    void listShowsBoth()
    {
        const ProcessResult r = cli({ u"keys"_s, u"list"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonArray items = json(r).value(u"items"_s).toArray();
        QStringList names;
        for (const QJsonValue &v : items)
            names << v.toObject().value(u"name"_s).toString();
        QVERIFY(names.contains(u"billing-api"_s));
        QVERIFY(names.contains(u"robot-token"_s));

        const ProcessResult jwts =
            cli({ u"keys"_s, u"list"_s, u"--kind"_s, u"jwt"_s, u"--json"_s });
        QCOMPARE(jwts.exitCode, 0);
        for (const QJsonValue &v : json(jwts).value(u"items"_s).toArray())
            QCOMPARE(v.toObject().value(u"kind"_s).toString(), u"jwt"_s);

        const ProcessResult text = cli({ u"keys"_s, u"list"_s });
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.startsWith("NAME"));
        QVERIFY(text.out.contains("billing-api"));
        QVERIFY(!text.out.contains(m_apiSecret));
    }

    void showByNameAndId()
    {
        const ProcessResult byName = cli({ u"keys"_s, u"show"_s, u"billing-api"_s, u"--json"_s });
        QVERIFY2(byName.exitCode == 0, describe(byName).constData());
        const QString id = json(byName).value(u"id"_s).toString();
        const ProcessResult byId = cli({ u"keys"_s, u"show"_s, id, u"--json"_s });
        QCOMPARE(byId.exitCode, 0);
        QCOMPARE(json(byId), json(byName));
        const ProcessResult text = cli({ u"keys"_s, u"show"_s, u"billing-api"_s });
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("Header:"));
        QVERIFY(text.out.contains("https://eu.api.example.com"));
        QVERIFY(!text.out.contains(m_apiSecret));
    }

    void secretPrintsExactBytes()
    {
        const ProcessResult api = cli({ u"secret"_s, u"billing-api"_s });
        QVERIFY2(api.exitCode == 0, describe(api).constData());
        QCOMPARE(api.out, m_apiSecret); // no trailing newline added
        const ProcessResult jwt = cli({ u"secret"_s, u"robot-token"_s });
        QCOMPARE(jwt.exitCode, 0);
        QCOMPARE(jwt.out, m_jwt);
    }

    void runPutsSecretsInTheEnvironmentOnly()
    {
        const ProcessResult r = cli({ u"run"_s, u"--env"_s, u"K=billing-api"_s, u"--env"_s,
            u"T=robot-token"_s, u"--"_s, u"sh"_s, u"-c"_s,
            u"printf %s \"$K\" | sha256sum; printf %s \"$T\" | sha256sum; "
            "tr '\\0' ' ' < /proc/$$/cmdline; echo; tr '\\0' ' ' < /proc/$PPID/cmdline"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY(lines.size() >= 4);
        auto sha = [](const QByteArray &b) {
            return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
        };
        QVERIFY(lines.at(0).startsWith(sha(m_apiSecret)));
        QVERIFY(lines.at(1).startsWith(sha(m_jwt)));
        // Neither the child's command line nor keyhaven-cli's own carries a secret.
        QVERIFY2(lines.at(2).contains("sh -c printf"), lines.at(2).constData());
        QVERIFY(lines.at(3).contains("keyhaven-cli"));
        QVERIFY(!r.out.contains(m_apiSecret));
        QVERIFY(!r.out.contains(m_jwt));
    }

    void runReturnsTheChildsExitCode()
    {
        const ProcessResult seven = cli(
            { u"run"_s, u"--env"_s, u"K=billing-api"_s, u"--"_s, u"sh"_s, u"-c"_s, u"exit 7"_s });
        QCOMPARE(seven.exitCode, 7);
        const ProcessResult input =
            cli({ u"run"_s, u"--env"_s, u"K=billing-api"_s, u"--"_s, u"sh"_s, u"-c"_s, u"cat"_s },
                "forwarded stdin");
        QCOMPARE(input.exitCode, 0);
        QCOMPARE(input.out, "forwarded stdin"_ba);
        const ProcessResult missing =
            cli({ u"run"_s, u"--env"_s, u"K=billing-api"_s, u"--"_s, u"/nonexistent/program"_s });
        QCOMPARE(missing.exitCode, 127);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("add without kind") << QStringList { u"keys"_s, u"add"_s, u"x"_s } << "k"_ba;
        QTest::newRow("add oauth kind")
            << QStringList { u"keys"_s, u"add"_s, u"x"_s, u"--kind"_s, u"oauth"_s } << "k"_ba;
        QTest::newRow("add empty secret")
            << QStringList { u"keys"_s, u"add"_s, u"x"_s, u"--kind"_s, u"api-key"_s } << "\n"_ba;
        QTest::newRow("add name taken") << QStringList { u"keys"_s, u"add"_s, u"billing-api"_s,
            u"--kind"_s, u"api-key"_s } << "k2"_ba;
        QTest::newRow("add bad url") << QStringList { u"keys"_s, u"add"_s, u"x"_s, u"--kind"_s,
            u"api-key"_s, u"--base-url"_s, u"not a url"_s }
                                     << "k"_ba;
        QTest::newRow("add missing file") << QStringList { u"keys"_s, u"add"_s, u"x"_s, u"--kind"_s,
            u"api-key"_s, u"--secret-file"_s, u"/nonexistent/secret"_s }
                                          << ""_ba;
        QTest::newRow("show unknown") << QStringList { u"keys"_s, u"show"_s, u"nope"_s } << ""_ba;
        QTest::newRow("secret unknown") << QStringList { u"secret"_s, u"nope"_s } << ""_ba;
        QTest::newRow("rm unknown") << QStringList { u"keys"_s, u"rm"_s, u"nope"_s } << ""_ba;
        QTest::newRow("run unknown item")
            << QStringList { u"run"_s, u"--env"_s, u"K=nope"_s, u"--"_s, u"true"_s } << ""_ba;
        QTest::newRow("run bad env name")
            << QStringList { u"run"_s, u"--env"_s, u"1K=billing-api"_s, u"--"_s, u"true"_s }
            << ""_ba;
        QTest::newRow("run without command")
            << QStringList { u"run"_s, u"--env"_s, u"K=billing-api"_s } << ""_ba;
        QTest::newRow("rotate unknown")
            << QStringList { u"keys"_s, u"rotate"_s, u"nope"_s } << "new-secret"_ba;
        QTest::newRow("rotate empty secret")
            << QStringList { u"keys"_s, u"rotate"_s, u"billing-api"_s } << "\n"_ba;
        QTest::newRow("rotate bad overlap")
            << QStringList { u"keys"_s, u"rotate"_s, u"billing-api"_s, u"--overlap"_s, u"-1"_s }
            << "new-secret"_ba;
        QTest::newRow("list due and overdue")
            << QStringList { u"keys"_s, u"list"_s, u"--due"_s, u"3"_s, u"--overdue"_s } << ""_ba;
        QTest::newRow("list due not a number")
            << QStringList { u"keys"_s, u"list"_s, u"--due"_s, u"soon"_s } << ""_ba;
        QTest::newRow("show two items")
            << QStringList { u"keys"_s, u"show"_s, u"a"_s, u"b"_s } << ""_ba;
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        const ProcessResult r = cli(args, input);
        QVERIFY2(r.exitCode == 2, describe(r).constData());
        QVERIFY(!r.err.isEmpty());
        QCOMPARE(rowsNamed(u"x"_s), 0);
    }

    void unknownItemJsonError()
    {
        const ProcessResult r = cli({ u"keys"_s, u"show"_s, u"nope"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 2);
        const QJsonObject error = json(r).value(u"error"_s).toObject();
        QCOMPARE(error.value(u"id"_s).toString(), u"not-found"_s);
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    }

    void noKeychainExitsThreeAndStoresNothing()
    {
        const QStringList noBus { u"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"_s,
            u"DISPLAY"_s };
        const ProcessResult r =
            cli({ u"keys"_s, u"add"_s, u"no-keychain"_s, u"--kind"_s, u"api-key"_s },
                "sk-never-stored", noBus);
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        QVERIFY2(r.err.contains("No keychain is reachable"), r.err.constData());
        QCOMPARE(rowsNamed(u"no-keychain"_s), 0);
        const ProcessResult j =
            cli({ u"keys"_s, u"add"_s, u"no-keychain"_s, u"--kind"_s, u"api-key"_s, u"--json"_s },
                "sk-never-stored", noBus);
        QCOMPARE(j.exitCode, 3);
        QCOMPARE(json(j).value(u"error"_s).toObject().value(u"id"_s).toString(),
            u"keychain-unavailable"_s);
        QCOMPARE(rowsNamed(u"no-keychain"_s), 0);
        // Metadata stays readable without a keychain; secrets do not.
        const ProcessResult list = cli({ u"keys"_s, u"list"_s, u"--json"_s }, {}, noBus);
        QCOMPARE(list.exitCode, 0);
        const ProcessResult secret = cli({ u"secret"_s, u"billing-api"_s }, {}, noBus);
        QCOMPARE(secret.exitCode, 3);
        QVERIFY(secret.out.isEmpty());
    }

    void rotateKeepsHistoryNeverTheSecret()
    {
        const QByteArray fresh = "sk-rotated-" + QUuid::createUuid().toRfc4122().toHex();
        const ProcessResult r = cli({ u"keys"_s, u"rotate"_s, u"billing-api"_s, u"--reason"_s,
                                        u"quarterly rotation"_s, u"--overlap"_s, u"5"_s },
            fresh + '\n');
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(r.out.contains("retiring until "), r.out.constData());
        QVERIFY(r.out.contains("due in 30 days"));
        for (const QByteArray &secret : { fresh, m_apiSecret }) {
            QVERIFY(!r.out.contains(secret));
            QVERIFY(!r.err.contains(secret));
        }
        const ProcessResult secret = cli({ u"secret"_s, u"billing-api"_s });
        QCOMPARE(secret.exitCode, 0);
        QCOMPARE(secret.out, fresh);

        const ProcessResult show = cli({ u"keys"_s, u"show"_s, u"billing-api"_s, u"--json"_s });
        QVERIFY2(show.exitCode == 0, describe(show).constData());
        const QJsonObject item = json(show);
        const QJsonArray history = item.value(u"history"_s).toArray();
        QCOMPARE(history.size(), 1);
        const QJsonObject row = history.first().toObject();
        QCOMPARE(row.value(u"reason"_s).toString(), u"quarterly rotation"_s);
        QVERIFY(!row.value(u"by"_s).toString().isEmpty());
        QVERIFY(!row.value(u"retire_until"_s).toString().isEmpty());
        const QJsonArray retiring = item.value(u"retiring"_s).toArray();
        QCOMPARE(retiring.size(), 1);
        const QDateTime until = QDateTime::fromString(
            retiring.first().toObject().value(u"until"_s).toString(), Qt::ISODate);
        const QDateTime lastRotated =
            QDateTime::fromString(item.value(u"last_rotated"_s).toString(), Qt::ISODate);
        QCOMPARE(lastRotated.toLocalTime().date().daysTo(until.toLocalTime().date()), 5);
        const QJsonObject rotation = item.value(u"rotation"_s).toObject();
        QCOMPARE(rotation.value(u"state"_s).toString(), u"ok"_s);
        QCOMPARE(rotation.value(u"days_until_due"_s).toInt(), 30);
        QCOMPARE(rotation.value(u"overlap_days"_s).toInt(), 7); // the policy; --overlap was once

        const ProcessResult text = cli({ u"keys"_s, u"show"_s, u"billing-api"_s });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("retiring until "), text.out.constData());
        QVERIFY(text.out.contains("rotated by "));
        QVERIFY(text.out.contains("quarterly rotation"));
        QVERIFY(!text.out.contains(fresh) && !text.out.contains(m_apiSecret));
        m_apiSecret = fresh;
    }

    void listDueAndOverdue()
    {
        // Pretend billing-api (every 30 days) was last rotated 37 days ago.
        const qint64 past = QDateTime::currentDateTimeUtc().addDays(-37).toMSecsSinceEpoch();
        QCOMPARE(sqlValue(u"UPDATE items SET last_rotated = ? WHERE name = ?"_s,
                     { past, u"billing-api"_s })
                     .toInt(),
            1);
        const ProcessResult overdue = cli({ u"keys"_s, u"list"_s, u"--overdue"_s, u"--json"_s });
        QVERIFY2(overdue.exitCode == 0, describe(overdue).constData());
        const QJsonArray items = json(overdue).value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1); // robot-token expires in 2030: not overdue
        const QJsonObject rotation = items.first().toObject().value(u"rotation"_s).toObject();
        QCOMPARE(items.first().toObject().value(u"name"_s).toString(), u"billing-api"_s);
        QCOMPARE(rotation.value(u"state"_s).toString(), u"overdue"_s);
        QCOMPARE(rotation.value(u"status"_s).toString(), u"overdue for 7 days"_s);
        QCOMPARE(rotation.value(u"days_until_due"_s).toInt(), -7);

        const ProcessResult text = cli({ u"keys"_s, u"list"_s, u"--overdue"_s });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("overdue for 7 days"), text.out.constData());
        QVERIFY(!text.out.contains("robot-token"));

        // --due DAYS: everything due within DAYS, overdue included; robot-token is years away.
        const ProcessResult due = cli({ u"keys"_s, u"list"_s, u"--due"_s, u"10"_s, u"--json"_s });
        QCOMPARE(due.exitCode, 0);
        QCOMPARE(json(due).value(u"items"_s).toArray().size(), 1);
        const ProcessResult far = cli({ u"keys"_s, u"list"_s, u"--due"_s, u"3650"_s, u"--json"_s });
        QCOMPARE(far.exitCode, 0);
        const QJsonArray all = json(far).value(u"items"_s).toArray();
        QCOMPARE(all.size(), 2);
        // Most urgent first.
        QCOMPARE(all.first().toObject().value(u"name"_s).toString(), u"billing-api"_s);
    }

    void bundleRoundTripHasNoSecrets()
    {
        const QString file = m_tmp.filePath(u"team.keyhaven.json"_s);
        const ProcessResult ex = cli({ u"keys"_s, u"export"_s, u"--bundle"_s, file });
        QVERIFY2(ex.exitCode == 0, describe(ex).constData());
        QVERIFY(ex.out.contains("Exported 2 item(s)"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bundle = f.readAll();
        f.close();
        // No secret, no piece of one, no encoding of one.
        for (const QByteArray &secret : { m_apiSecret, m_jwt }) {
            for (const QByteArray &needle :
                { secret, secret.mid(secret.size() / 2, 16), secret.toBase64(), secret.toHex() })
                QVERIFY2(!bundle.contains(needle), "a test secret is in the bundle");
        }
        const QJsonObject root = QJsonDocument::fromJson(bundle).object();
        QCOMPARE(root.value(u"schema"_s).toInt(), 1);
        const QJsonArray items = root.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 2);
        QVERIFY(items.at(0).toObject().value(u"id"_s).toString()
            < items.at(1).toObject().value(u"id"_s).toString()); // sorted by id
        QVERIFY(!bundle.contains("secret_state"));
        QVERIFY(bundle.contains("\n            \"base_urls\": [\n")); // one key per line

        // Import into an empty store: both added (secrets missing there), and exporting that
        // store gives the same bytes.
        QTemporaryDir other;
        QVERIFY(other.isValid());
        const QStringList otherEnv { u"KEYHAVEN_DATA_DIR="_s + other.path() };
        const ProcessResult im =
            cli({ u"keys"_s, u"import"_s, u"--bundle"_s, file, u"--json"_s }, {}, otherEnv);
        QVERIFY2(im.exitCode == 0, describe(im).constData());
        QCOMPARE(json(im).value(u"added"_s).toArray().size(), 2);
        QCOMPARE(json(im).value(u"conflicts"_s).toArray().size(), 0);
        const ProcessResult again =
            cli({ u"keys"_s, u"export"_s, u"--bundle"_s, u"-"_s }, {}, otherEnv);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, bundle);
        const ProcessResult shown =
            cli({ u"keys"_s, u"show"_s, u"billing-api"_s, u"--json"_s }, {}, otherEnv);
        QCOMPARE(json(shown).value(u"secret_state"_s).toString(), u"missing"_s);
        QCOMPARE(json(shown).value(u"rotate_every_days"_s).toInt(), 30);

        // Importing the same bundle again changes nothing.
        const ProcessResult same =
            cli({ u"keys"_s, u"import"_s, u"--bundle"_s, file, u"--json"_s }, {}, otherEnv);
        QCOMPARE(same.exitCode, 0);
        QCOMPARE(json(same).value(u"unchanged"_s).toArray().size(), 2);
        QCOMPARE(json(same).value(u"added"_s).toArray().size(), 0);

        // A teammate changed an owner, and added an item whose name is taken here: both are
        // conflicts, the local items stay as they are.
        QJsonArray edited = items;
        QJsonObject first = edited.at(0).toObject();
        const QString firstName = first.value(u"name"_s).toString();
        first.insert(u"owner"_s, u"someone-else"_s);
        edited.replace(0, first);
        QJsonObject clash = items.at(1).toObject();
        clash.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        edited.append(clash);
        const QString editedFile = m_tmp.filePath(u"edited.json"_s);
        QFile e(editedFile);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write(QJsonDocument(QJsonObject { { u"schema"_s, 1 }, { u"items"_s, edited } }).toJson());
        e.close();
        const ProcessResult merged =
            cli({ u"keys"_s, u"import"_s, u"--bundle"_s, editedFile, u"--json"_s });
        QVERIFY2(merged.exitCode == 0, describe(merged).constData());
        const QJsonArray conflicts = json(merged).value(u"conflicts"_s).toArray();
        QCOMPARE(conflicts.size(), 2);
        QStringList reasons;
        for (const QJsonValue &c : conflicts) {
            reasons << c.toObject().value(u"reason"_s).toString();
            if (c.toObject().value(u"reason"_s).toString() == u"metadata-differs"_s)
                QCOMPARE(c.toObject().value(u"fields"_s).toArray(), QJsonArray { u"owner"_s });
        }
        reasons.sort();
        QCOMPARE(reasons, (QStringList { u"metadata-differs"_s, u"name-taken"_s }));
        const ProcessResult kept = cli({ u"keys"_s, u"show"_s, firstName, u"--json"_s });
        QCOMPARE(json(kept).value(u"owner"_s).toString(), QString());
        const ProcessResult text = cli({ u"keys"_s, u"import"_s, u"--bundle"_s, editedFile });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("2 conflict(s)"), text.out.constData());
        QVERIFY(text.out.contains("owner differ"));

        // A schema this version does not know is refused.
        QFile s2(m_tmp.filePath(u"schema2.json"_s));
        QVERIFY(s2.open(QIODevice::WriteOnly));
        s2.write("{\"schema\": 2, \"items\": []}");
        s2.close();
        const ProcessResult newer =
            cli({ u"keys"_s, u"import"_s, u"--bundle"_s, s2.fileName(), u"--json"_s });
        QCOMPARE(newer.exitCode, 2);
        QCOMPARE(
            json(newer).value(u"error"_s).toObject().value(u"id"_s).toString(), u"bundle-schema"_s);
    }

    void removeThenGone()
    {
        const ProcessResult r = cli({ u"keys"_s, u"rm"_s, u"billing-api"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(
            json(r).value(u"removed"_s).toObject().value(u"name"_s).toString(), u"billing-api"_s);
        QCOMPARE(cli({ u"keys"_s, u"show"_s, u"billing-api"_s }).exitCode, 2);
        QCOMPARE(cli({ u"secret"_s, u"billing-api"_s }).exitCode, 2);
        QCOMPARE(rowsNamed(u"billing-api"_s), 0);
        const ProcessResult list = cli({ u"keys"_s, u"list"_s, u"--json"_s });
        QVERIFY(!list.out.contains("billing-api"));
        QCOMPARE(cli({ u"keys"_s, u"rm"_s, u"robot-token"_s }).exitCode, 0);
    }
};

QObject *makeCliKeysTest() { return new CliTestKeys; }

#include "clikeystest.moc"
