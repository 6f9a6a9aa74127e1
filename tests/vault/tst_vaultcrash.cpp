// tests/vault/tst_vaultcrash.cpp — a writer SIGKILLed at random points: afterwards the database
// is intact and every item has its exact secret or is reported Missing (DESIGN.md rule 2).
#include "common/paths.h"
#include "vault/metadatastore.h"
#include "vault/vault.h"
#include "vaulttests.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::vault;
using keyhaven::test::await;

class TestVaultCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedWriterLeavesAConsistentVault()
    {
        const QString dir = qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/crash"_s;
        QDir(dir).removeRecursively();
        const QString db = dir + u"/keyhaven.sqlite"_s;
        const QString service = paths::keychainService() + u"-crash"_s;
        constexpr int kKills = 60;
        QRandomGenerator random(quint32(QDateTime::currentMSecsSinceEpoch()));
        QElapsedTimer clock;
        clock.start();
        int killed = 0;
        int exitedEarly = 0;
        for (int round = 0; round < kKills; ++round) {
            QProcess writer;
            writer.setProcessChannelMode(QProcess::SeparateChannels);
            writer.start(QStringLiteral(KEYHAVEN_VAULTWRITER),
                { u"loop"_s, db, service, QString::number(random.generate()) });
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
            // Kill at random points: sometimes during startup/reconcile, mostly mid-operation.
            if (random.bounded(4) != 0) {
                QVERIFY2(QTest::qWaitFor(
                             [&] {
                                 return writer.canReadLine()
                                     || writer.state() == QProcess::NotRunning;
                             },
                             20000),
                    "writer did not start");
            }
            QTest::qWait(int(random.bounded(5, 300)));
            if (writer.state() == QProcess::NotRunning) {
                ++exitedEarly;
                QFAIL(qPrintable(u"writer exited by itself: "_s
                    + QString::fromUtf8(writer.readAllStandardError())));
            }
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            ++killed;
        }
        const qint64 killMs = clock.elapsed();

        // The database survived every kill.
        {
            auto store = MetadataStore::open(db);
            QVERIFY(store);
            QSqlQuery q((*store)->database());
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
            QVERIFY(q.exec(u"PRAGMA foreign_key_check"_s));
            QVERIFY(!q.next());
        }

        auto opened = Vault::open(db, service);
        QVERIFY(opened);
        std::unique_ptr<Vault> vault(*opened);
        auto rec = await<void>([&](QObject *c, auto done) { vault->reconcile(c, done); }, 60000);
        QVERIFY(rec);
        QVERIFY2(*rec, qPrintable(*rec ? QString() : rec->error().message));

        int present = 0;
        int missing = 0;
        const QList<Item> items = vault->items();
        for (const Item &item : items) {
            QVERIFY2(item.secretState != SecretState::Unknown, qPrintable(item.name));
            if (item.secretState == SecretState::Missing) {
                ++missing;
                continue;
            }
            auto s = await<SecretBytes>([&](QObject *c, auto done) {
                vault->readSecret(item.id, item.primaryField(), c, done);
            });
            QVERIFY(s);
            QVERIFY2(*s, qPrintable(item.name + u": "_s + (*s ? QString() : s->error().message)));
            QVERIFY2(test::isDerivedSecret(item.name, (*s)->view()),
                qPrintable(u"%1: the secret is not one the writer wrote"_s.arg(item.name)));
            ++present;
        }
        {
            // Nothing is left half-removed or pending.
            auto store = MetadataStore::open(db);
            QVERIFY(store);
            QSqlQuery q((*store)->database());
            QVERIFY(q.exec(u"SELECT COUNT(*) FROM items WHERE secret_state NOT IN "
                           "('present', 'missing')"_s)
                && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        qInfo("crash test: %d kills in %lld ms (%d early exits); %lld items checked: %d with "
              "their exact secret, %d reported Missing",
            killed, qlonglong(killMs), exitedEarly, qlonglong(items.size()), present, missing);

        // Clean up the keychain entries of this service.
        for (const Item &item : items) {
            auto r =
                await<void>([&](QObject *c, auto done) { vault->removeItem(item.id, c, done); });
            QVERIFY(r && *r);
        }
    }
};

QObject *makeVaultCrashTest() { return new TestVaultCrash; }

#include "tst_vaultcrash.moc"
