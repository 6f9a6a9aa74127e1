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

// Counts rows in the store's items table straight from the SQLite file.
int rowsNamed(const QString &name)
{
    const QString file = qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/keyhaven.sqlite"_s;
    if (!QFile::exists(file))
        return 0;
    int count = -1;
    const QString connection = u"clikeystest-"_s + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(u"SELECT COUNT(*) FROM items WHERE name = ?"_s);
            q.addBindValue(name);
            if (q.exec() && q.next())
                count = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return count;
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
