// tests/vault/tst_vault.cpp — the Vault façade against the real keychain: round trips, overwrite,
// removal, unicode, errors, the no-keychain path, and secret hygiene.
#include "common/paths.h"
#include "testsupport.h"
#include "vault/metadatastore.h"
#include "vault/secretstore.h"
#include "vault/vault.h"
#include "vaulttests.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::vault;
using keyhaven::test::await;

namespace {
Item apiKey(const QString &name)
{
    Item item;
    item.kind = ItemKind::ApiKey;
    item.name = name;
    item.baseUrls = { u"https://api.example.com"_s };
    return item;
}

QByteArray randomSecret(int length)
{
    QByteArray out = "tst-vault-secret-";
    while (out.size() < length)
        out += QUuid::createUuid().toRfc4122().toHex();
    out.truncate(length);
    return out;
}

bool keychainHas(const QString &account)
{
    bool done = false;
    bool found = false;
    auto *job = new QKeychain::ReadPasswordJob(paths::keychainService());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    QObject context;
    QObject::connect(job, &QKeychain::Job::finished, &context, [&](QKeychain::Job *j) {
        found = j->error() == QKeychain::NoError;
        done = true;
    });
    job->start();
    (void)QTest::qWaitFor([&] { return done; }, 20000);
    return found;
}
} // namespace

class TestVault : public QObject
{
    Q_OBJECT
    QString m_dir;
    Vault *m_vault = nullptr;
    QList<QByteArray> m_written; // every secret this test wrote, for the hygiene check

    std::optional<Result<Item>> add(Item item, const QByteArray &secret)
    {
        if (secret.size() >= 16) // the tiny ones of the refusal tests are never stored
            m_written << secret;
        return await<Item>([&](QObject *c, auto done) {
            m_vault->addItem(item, SecretBytes::copyOf(secret), c, done);
        });
    }
    std::optional<Result<SecretBytes>> read(const QUuid &id, const QString &field = u"secret"_s)
    {
        return await<SecretBytes>(
            [&](QObject *c, auto done) { m_vault->readSecret(id, field, c, done); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        keyhaven::test::installCapturingMessageHandler(); // on top of QTest's handler
        m_dir = qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/vault"_s;
        QDir(m_dir).removeRecursively();
        auto v = Vault::open(m_dir + u"/keyhaven.sqlite"_s, paths::keychainService(), this);
        QVERIFY2(v, qPrintable(v ? QString() : v.error().message));
        m_vault = *v;
        QCOMPARE(m_vault->keychainState(), KeychainState::Unknown);
        QSignalSpy state(m_vault, &Vault::keychainStateChanged);
        m_vault->probeKeychain();
        QVERIFY(state.wait(20000));
        QCOMPARE(m_vault->keychainState(), KeychainState::Available);
    }

    void addReadOverwriteRemove()
    {
        QSignalSpy added(m_vault, &Vault::itemAdded);
        QSignalSpy updated(m_vault, &Vault::itemUpdated);
        QSignalSpy removed(m_vault, &Vault::itemRemoved);
        const QByteArray first = randomSecret(48);
        auto a = add(apiKey(u"billing"_s), first);
        QVERIFY(a);
        QVERIFY2(*a, qPrintable(*a ? QString() : a->error().message));
        const Item item = **a;
        QVERIFY(!item.id.isNull());
        QCOMPARE(item.secretState, SecretState::Present);
        QCOMPARE(item.headerName, u"X-API-Key"_s);
        QCOMPARE(added.size(), 1);
        QCOMPARE(m_vault->find(u"billing"_s)->id, item.id);
        QCOMPARE(m_vault->find(item.idString())->name, u"billing"_s);
        QCOMPARE(m_vault->find(item.id.toString())->name, u"billing"_s); // with braces

        auto r = read(item.id);
        QVERIFY(r && *r);
        QVERIFY((*r)->equals(first));

        // Overwrite with a chunked secret, then with a short one: stale chunks go away.
        const QByteArray big = randomSecret(10 * 1024);
        m_written << big;
        auto w = await<void>([&](QObject *c, auto done) {
            m_vault->writeSecret(item.id, u"secret"_s, SecretBytes::copyOf(big), c, done);
        });
        QVERIFY(w && *w);
        QVERIFY(updated.size() >= 1);
        r = read(item.id);
        QVERIFY(r && *r);
        QVERIFY((*r)->equals(big));
        QVERIFY(keychainHas(SecretStore::account(item.id, u"secret"_s, 5)));

        const QByteArray small = randomSecret(30);
        m_written << small;
        w = await<void>([&](QObject *c, auto done) {
            m_vault->writeSecret(item.id, u"secret"_s, SecretBytes::copyOf(small), c, done);
        });
        QVERIFY(w && *w);
        r = read(item.id);
        QVERIFY(r && *r);
        QVERIFY((*r)->equals(small));
        for (int i = 1; i < 6; ++i)
            QVERIFY2(!keychainHas(SecretStore::account(item.id, u"secret"_s, i)),
                qPrintable(u"stale chunk %1 left behind"_s.arg(i)));

        auto gone =
            await<void>([&](QObject *c, auto done) { m_vault->removeItem(item.id, c, done); });
        QVERIFY(gone && *gone);
        QCOMPARE(removed.size(), 1);
        QVERIFY(!m_vault->find(u"billing"_s));
        QVERIFY(!keychainHas(SecretStore::account(item.id, u"secret"_s, 0)));
        auto after = read(item.id);
        QVERIFY(after && !*after);
        QCOMPARE(after->error().id, u"not-found"_s);
    }

    void unicodeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("cyrillic") << u"ключ продакшн"_s;
        QTest::newRow("cjk") << u"本番キー"_s;
        QTest::newRow("emoji") << u"deploy 🚀 key"_s;
        QTest::newRow("rtl") << u"مفتاح"_s;
    }
    void unicodeNames()
    {
        QFETCH(QString, name);
        const QByteArray secret = randomSecret(64);
        auto a = add(apiKey(name), secret);
        QVERIFY(a && *a);
        QCOMPARE((*a)->name, name);
        const std::optional<Item> found = m_vault->find(name);
        QVERIFY(found);
        auto r = read(found->id);
        QVERIFY(r && *r);
        QVERIFY((*r)->equals(secret));
    }

    void namesAreNormalizedToNfc()
    {
        const QString decomposed = u"cafe\u0301"_s; // "café" with a combining accent
        auto a = add(apiKey(decomposed), randomSecret(40));
        QVERIFY(a && *a);
        QCOMPARE((*a)->name, u"caf\u00e9"_s);
        QVERIFY(m_vault->find(decomposed));
        auto clash = add(apiKey(u"caf\u00e9"_s), randomSecret(40));
        QVERIFY(clash && !*clash);
        QCOMPARE(clash->error().id, u"name-taken"_s);
    }

    void nameTakenWritesNothing()
    {
        auto a = add(apiKey(u"dup"_s), randomSecret(40));
        QVERIFY(a && *a);
        const qsizetype before = m_vault->items().size();
        auto b = add(apiKey(u"dup"_s), randomSecret(40));
        QVERIFY(b && !*b);
        QCOMPARE(b->error().id, u"name-taken"_s);
        QCOMPARE(b->error().exitCode(), 2);
        QCOMPARE(m_vault->items().size(), before);
    }

    void invalidItemsAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("empty name") << u"  "_s << u"X-API-Key"_s << QString() << "s"_ba;
        QTest::newRow("control char") << u"a\nb"_s << u"X-API-Key"_s << QString() << "s"_ba;
        QTest::newRow("uuid-like")
            << QUuid::createUuid().toString() << u"X"_s << QString() << "s"_ba;
        QTest::newRow("bad header") << u"h"_s << u"X API Key"_s << QString() << "s"_ba;
        QTest::newRow("bad url") << u"u"_s << u"X-API-Key"_s << u"ftp://x"_s << "s"_ba;
        QTest::newRow("userinfo url") << u"u"_s << u"X"_s << u"https://a:b@x.example"_s << "s"_ba;
        QTest::newRow("empty secret") << u"e"_s << u"X-API-Key"_s << QString() << QByteArray();
    }
    void invalidItemsAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, header);
        QFETCH(QString, baseUrl);
        QFETCH(QByteArray, secret);
        Item item = apiKey(name);
        item.headerName = header;
        item.baseUrls = baseUrl.isEmpty() ? QStringList() : QStringList { baseUrl };
        const qsizetype before = m_vault->items().size();
        auto r = add(item, secret);
        QVERIFY(r && !*r);
        QCOMPARE(r->error().id, u"invalid-item"_s);
        QCOMPARE(m_vault->items().size(), before);
    }

    void jwtClaimsAreCached()
    {
        const QByteArray payload =
            R"({"iss":"https://issuer.example","sub":"svc-42","aud":["api","web"],"exp":2000000000})";
        const QByteArray token = "eyJhbGciOiJIUzI1NiJ9."
            + payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            + ".c2ln";
        Item item;
        item.kind = ItemKind::Jwt;
        item.name = u"jwt-item"_s;
        auto a = add(item, token);
        QVERIFY(a && *a);
        QCOMPARE((*a)->jwtIssuer, u"https://issuer.example"_s);
        QCOMPARE((*a)->jwtSubject, u"svc-42"_s);
        QCOMPARE((*a)->jwtAudience, QStringList({ u"api"_s, u"web"_s }));
        QCOMPARE((*a)->expires, QDateTime::fromSecsSinceEpoch(2000000000, Qt::UTC));
        auto r = read((*a)->id, u"token"_s);
        QVERIFY(r && *r);
        QVERIFY((*r)->equals(token));
        // Any token is accepted; claims that do not decode are simply empty.
        item.name = u"opaque-token"_s;
        auto b = add(item, "not.a-jwt");
        QVERIFY(b && *b);
        QVERIFY((*b)->jwtIssuer.isEmpty());
        QVERIFY(!(*b)->expires.isValid());
    }

    void updateItemKeepsIdKindAndSecret()
    {
        const QByteArray secret = randomSecret(40);
        auto a = add(apiKey(u"to-rename"_s), secret);
        QVERIFY(a && *a);
        QSignalSpy updated(m_vault, &Vault::itemUpdated);
        Item changed = **a;
        changed.name = u"renamed"_s;
        changed.kind = ItemKind::Jwt; // ignored
        changed.tags = { u"team-a"_s };
        QVERIFY(m_vault->updateItem(changed));
        QCOMPARE(updated.size(), 1);
        const std::optional<Item> now = m_vault->find(u"renamed"_s);
        QVERIFY(now);
        QCOMPARE(now->kind, ItemKind::ApiKey);
        QCOMPARE(now->tags, QStringList { u"team-a"_s });
        auto r = read(now->id);
        QVERIFY(r && *r);
        QVERIFY((*r)->equals(secret));
        changed.name = u"dup"_s;
        Result<void> clash = m_vault->updateItem(changed);
        QVERIFY(!clash);
        QCOMPARE(clash.error().id, u"name-taken"_s);
        changed.id = QUuid::createUuid();
        QCOMPARE(m_vault->updateItem(changed).error().id, u"not-found"_s);
    }

    void oauthConnectionMetadataAndTokenRemoval()
    {
        Item c;
        c.kind = ItemKind::OAuth;
        c.name = u"idp"_s;
        c.issuerUrl = u"https://id.example"_s;
        c.clientId = u"cli"_s;
        c.scopes = { u"openid"_s, u"offline_access"_s };
        auto a = add(c, QByteArray()); // before its first login: no secret yet
        QVERIFY(a);
        QVERIFY2(*a, qPrintable(*a ? QString() : a->error().message));
        Item item = **a;
        item.authParams = { u"resource=https://api.example/"_s, u"prompt=consent"_s };
        item.redirectPort = 8765;
        item.accessTokenExpires = QDateTime::fromSecsSinceEpoch(1'900'000'000, Qt::UTC);
        item.subject = u"alice"_s;
        item.grantedScopes = { u"openid"_s };
        item.needsLogin = true;
        QVERIFY(m_vault->updateItem(item));
        const std::optional<Item> back = m_vault->find(u"idp"_s);
        QVERIFY(back);
        QCOMPARE(back->authParams, item.authParams);
        QCOMPARE(back->redirectPort, 8765);
        QCOMPARE(back->accessTokenExpires, item.accessTokenExpires);
        QVERIFY(!back->refreshTokenExpires.isValid());
        QCOMPARE(back->subject, u"alice"_s);
        QCOMPARE(back->grantedScopes, item.grantedScopes);
        QVERIFY(back->needsLogin);

        const QByteArray refresh = randomSecret(64);
        m_written << refresh;
        auto w = await<void>([&](QObject *ctx, auto done) {
            m_vault->writeSecret(
                item.id, u"refresh_token"_s, SecretBytes::copyOf(refresh), ctx, done);
        });
        QVERIFY(w && *w);
        auto r = read(item.id, u"refresh_token"_s);
        QVERIFY(r && *r && (*r)->equals(refresh));
        auto removed = await<void>([&](QObject *ctx, auto done) {
            m_vault->removeSecret(item.id, u"refresh_token"_s, ctx, done);
        });
        QVERIFY(removed && *removed);
        QVERIFY(!keychainHas(SecretStore::account(item.id, u"refresh_token"_s, 0)));
        r = read(item.id, u"refresh_token"_s);
        QVERIFY(r && !*r);
        QCOMPARE(r->error().id, u"secret-missing"_s);
        // Removing a field that is not there is not an error; the item stays.
        removed = await<void>([&](QObject *ctx, auto done) {
            m_vault->removeSecret(item.id, u"refresh_token"_s, ctx, done);
        });
        QVERIFY(removed && *removed);
        QVERIFY(m_vault->find(u"idp"_s));
    }

    void anOpenVaultSeesAnotherWritersChanges()
    {
        // Two vaults on one file stand for the GUI and a keyhaven-cli process.
        auto other = Vault::open(m_vault->databaseFile(), paths::keychainService());
        QVERIFY(other);
        std::unique_ptr<Vault> writer(*other);
        const QByteArray first = randomSecret(40);
        auto a = add(apiKey(u"shared"_s), first);
        QVERIFY(a && *a);
        const QUuid id = (*a)->id;
        auto r = read(id);
        QVERIFY(r && *r && (*r)->equals(first));
        QVERIFY(m_vault->find(u"shared"_s));
        // The other writer rotates the secret and renames the item.
        const QByteArray second = randomSecret(41);
        m_written << second;
        auto w = await<void>([&](QObject *c, auto done) {
            writer->writeSecret(id, u"secret"_s, SecretBytes::copyOf(second), c, done);
        });
        QVERIFY(w && *w);
        Item renamed = *writer->find(u"shared"_s);
        renamed.notes = u"changed elsewhere"_s;
        QVERIFY(writer->updateItem(renamed));
        QCOMPARE(m_vault->find(u"shared"_s)->notes, u"changed elsewhere"_s);
        r = read(id);
        QVERIFY2(r && *r, qPrintable(r && !*r ? (*r).error().message : QString()));
        QVERIFY((*r)->equals(second));
    }

    void anOpenVaultSeesAnotherProcesssWrites()
    {
        // The GUI keeps its vault open while keyhaven-cli processes rotate secrets: every read
        // here must see what the child committed, and nothing may be marked Missing.
        const QString name = u"rotated-elsewhere"_s;
        QSignalSpy updated(m_vault, &Vault::itemUpdated);
        auto a = add(apiKey(name), keyhaven::test::derivedSecret(name, 1));
        QVERIFY(a && *a);
        const QUuid id = (*a)->id;
        for (quint32 version = 2; version <= 5; ++version) {
            // Read (metadata and secret) before the other process writes, as the GUI does.
            QVERIFY(m_vault->find(name));
            QVERIFY(!m_vault->items().isEmpty());
            auto before = read(id);
            QVERIFY(before && *before);
            QVERIFY(keyhaven::test::isDerivedSecret(name, (*before)->view()));
            // Scan the store's files for secrets, as the hygiene checks do: opening and closing
            // the file here drops every POSIX lock this process holds on it.
            for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s }) {
                QFile file(m_vault->databaseFile() + suffix);
                if (file.open(QIODevice::ReadOnly))
                    QVERIFY(!file.readAll().contains(keyhaven::test::derivedSecret(name, 1)));
            }
            keyhaven::test::ProcessResult p =
                keyhaven::test::run(QStringLiteral(KEYHAVEN_VAULTWRITER),
                    { u"rotate"_s, m_vault->databaseFile(), paths::keychainService(), name,
                        QString::number(version) });
            QVERIFY2(!p.crashed && !p.timedOut && p.exitCode == 0, p.err.constData());
            QCOMPARE(p.out.trimmed(), "ok"_ba);
            m_written << keyhaven::test::derivedSecret(name, version);
            const std::optional<Item> now = m_vault->find(name);
            QVERIFY(now);
            QCOMPARE(now->notes, u"version %1"_s.arg(version));
            QCOMPARE(now->secretState, SecretState::Present);
            auto after = read(id);
            QVERIFY(after);
            QVERIFY2(*after, qPrintable(*after ? QString() : after->error().message));
            QVERIFY((*after)->equals(keyhaven::test::derivedSecret(name, version)));
            QCOMPARE(m_vault->find(name)->secretState, SecretState::Present);
        }
        for (const QList<QVariant> &signal : std::as_const(updated))
            QVERIFY(signal.at(0).value<Item>().secretState != SecretState::Missing);
    }

    void aReadRacingAnotherWriterReadsTheNewSecret()
    {
        // The row is read, then another process writes the field (keychain and row) before the
        // keychain read: the read must return the new secret and mark nothing Missing.
        const QString name = u"raced"_s;
        const QByteArray first = randomSecret(2600);
        auto a = add(apiKey(name), first);
        QVERIFY(a && *a);
        const QUuid id = (*a)->id;
        auto other = Vault::open(m_vault->databaseFile(), paths::keychainService());
        QVERIFY(other);
        std::unique_ptr<Vault> writer(*other);
        auto store = MetadataStore::open(m_vault->databaseFile());
        QVERIFY(store);
        auto before = (*store)->secretField(id, u"secret"_s);
        QVERIFY(before && before->has_value());
        const QByteArray second = randomSecret(60);
        m_written << second;
        auto w = await<void>([&](QObject *c, auto done) {
            writer->writeSecret(id, u"secret"_s, SecretBytes::copyOf(second), c, done);
        });
        QVERIFY(w && *w);
        auto after = (*store)->secretField(id, u"secret"_s);
        QVERIFY(after && after->has_value());
        QVERIFY((*after)->generation != (*before)->generation);
        // Put the old row back, let this vault read it (synchronously: its queue is idle), then
        // restore the new row before its keychain read runs.
        auto setRow = [&](const SecretFieldRow &row) {
            QSqlQuery q((*store)->database());
            q.prepare(u"UPDATE item_secrets SET chunks = ?, generation = ? "
                      "WHERE item_id = ? AND field = 'secret'"_s);
            q.addBindValue(row.chunks);
            q.addBindValue(QString::fromLatin1(row.generation));
            q.addBindValue(id.toString(QUuid::WithoutBraces));
            return q.exec() && q.numRowsAffected() == 1;
        };
        QTest::qWait(100); // the vault's queue runs dry
        QVERIFY(setRow(**before));
        std::optional<Result<SecretBytes>> out;
        QObject context;
        m_vault->readSecret(id, u"secret"_s, &context,
            [&out](Result<SecretBytes> r) { out.emplace(std::move(r)); });
        QVERIFY(setRow(**after));
        QVERIFY(QTest::qWaitFor([&out] { return out.has_value(); }, 30000));
        QVERIFY2(*out, qPrintable(*out ? QString() : out->error().message));
        QVERIFY((*out)->equals(second));
        QCOMPARE(m_vault->find(name)->secretState, SecretState::Present);
        auto settled = (*store)->secretField(id, u"secret"_s);
        QVERIFY(settled && settled->has_value());
        QCOMPARE((*settled)->state, RowState::Present);
        QCOMPARE((*settled)->generation, (*after)->generation);
    }

    void reconcileMarksAMissingSecretMissing()
    {
        auto a = add(apiKey(u"will-lose-secret"_s), randomSecret(2500));
        QVERIFY(a && *a);
        // Someone deletes one chunk behind our back (another tool, a keychain reset).
        SecretStore other(paths::keychainService());
        auto d = await<void>([&](QObject *c, auto done) {
            other.deleteEntry(SecretStore::account((*a)->id, u"secret"_s, 1), c, done);
        });
        QVERIFY(d && *d);
        auto r = read((*a)->id);
        QVERIFY(r && !*r);
        QCOMPARE(r->error().id, u"secret-missing"_s);
        // Shown as Missing, never dropped.
        QCOMPARE(m_vault->find(u"will-lose-secret"_s)->secretState, SecretState::Missing);
        QSignalSpy changed(m_vault, &Vault::itemsChanged);
        auto rec = await<void>([&](QObject *c, auto done) { m_vault->reconcile(c, done); });
        QVERIFY(rec && *rec);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_vault->find(u"will-lose-secret"_s)->secretState, SecretState::Missing);
        // Writing a new secret heals it.
        const QByteArray fresh = randomSecret(50);
        m_written << fresh;
        auto w = await<void>([&](QObject *c, auto done) {
            m_vault->writeSecret((*a)->id, u"secret"_s, SecretBytes::copyOf(fresh), c, done);
        });
        QVERIFY(w && *w);
        QCOMPARE(m_vault->find(u"will-lose-secret"_s)->secretState, SecretState::Present);
    }

    void callbackIsDroppedWhenContextIsGone()
    {
        bool called = false;
        {
            QObject context;
            m_vault->readSecret(QUuid::createUuid(), u"secret"_s, &context,
                [&called](Result<SecretBytes>) { called = true; });
        }
        QTest::qWait(200);
        QVERIFY(!called);
    }

    void noKeychainMeansNoRow()
    {
        // A process without a session bus (the Vault API in a child process): the add fails with
        // keychain-unavailable and writes no row.
        const QString db = m_dir + u"/nokeychain/keyhaven.sqlite"_s;
        keyhaven::test::ProcessResult p = keyhaven::test::run(QStringLiteral(KEYHAVEN_VAULTWRITER),
            { u"add"_s, db, paths::keychainService(), u"nokc"_s }, {},
            { u"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"_s, u"DISPLAY"_s });
        QVERIFY2(!p.crashed && !p.timedOut, p.err.constData());
        QCOMPARE(p.out.trimmed(), "keychain-unavailable"_ba);
        QCOMPARE(p.exitCode, 3);
        QVERIFY(p.err.contains("No keychain is reachable"));
        auto store = MetadataStore::open(db);
        QVERIFY(store);
        QSqlQuery q((*store)->database());
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM items"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    std::optional<Result<Item>> rotate(
        const QUuid &id, const QByteArray &secret, const RotationRequest &request)
    {
        m_written << secret;
        return await<Item>([&](QObject *c, auto done) {
            m_vault->rotate(id, SecretBytes::copyOf(secret), request, c, done);
        });
    }
    std::optional<Result<int>> purge(const QDateTime &now)
    {
        return await<int>([&](QObject *c, auto done) { m_vault->purgeRetired(now, c, done); });
    }

    void rotationKeepsTheOldSecretForTheOverlapWindow()
    {
        const QByteArray first = randomSecret(64);
        auto a = add(apiKey(u"rotating"_s), first);
        QVERIFY(a && *a);
        const QUuid id = (*a)->id;
        QCOMPARE((*a)->overlapDays, 7); // the default policy
        QCOMPARE((*a)->warnDaysBefore, 14);
        QVERIFY(!(*a)->lastRotated.isValid());

        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-60);
        const QByteArray second = randomSecret(2600); // chunked: every chunk must retire
        RotationRequest request;
        request.reason = u"quarterly rotation"_s;
        request.by = u"alice"_s;
        request.overlapDays = 3;
        request.at = at;
        auto r = rotate(id, second, request);
        QVERIFY(r);
        QVERIFY2(*r, qPrintable(*r ? QString() : r->error().message));
        QCOMPARE((*r)->lastRotated.toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
        QCOMPARE((*r)->secretState, SecretState::Present);

        // The new secret is the item's secret; the old one is kept under its retiring field.
        auto now = read(id);
        QVERIFY(now && *now);
        QVERIFY((*now)->equals(second));
        const QList<RetiringSecret> retiring = m_vault->retiringSecrets(id);
        QCOMPARE(retiring.size(), 1);
        const QDateTime until = at.toLocalTime().addDays(3).toUTC();
        QCOMPARE(retiring.first().until.toMSecsSinceEpoch(), until.toMSecsSinceEpoch());
        auto old = read(id, retiring.first().field);
        QVERIFY(old && *old);
        QVERIFY((*old)->equals(first));
        QVERIFY(keychainHas(SecretStore::account(id, retiring.first().field, 0)));

        // The history row: when, by whom, why.
        const QList<RotationEvent> history = m_vault->rotationHistory(id);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().at.toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
        QCOMPARE(history.first().by, u"alice"_s);
        QCOMPARE(history.first().reason, u"quarterly rotation"_s);
        QCOMPARE(history.first().retiringField, retiring.first().field);

        // Before the window ends nothing is purged; after it the old secret leaves the keychain.
        auto early = purge(until.addSecs(-1));
        QVERIFY(early && *early);
        QCOMPARE(**early, 0);
        QVERIFY(keychainHas(SecretStore::account(id, retiring.first().field, 0)));
        auto late = purge(until);
        QVERIFY(late && *late);
        QCOMPARE(**late, 1);
        QVERIFY(!keychainHas(SecretStore::account(id, retiring.first().field, 0)));
        QVERIFY(m_vault->retiringSecrets(id).isEmpty());
        auto gone = read(id, retiring.first().field);
        QVERIFY(gone && !*gone);
        QCOMPARE(gone->error().id, u"secret-missing"_s);
        // The item itself is intact and the history stays.
        QCOMPARE(m_vault->find(u"rotating"_s)->secretState, SecretState::Present);
        auto still = read(id);
        QVERIFY(still && *still && (*still)->equals(second));
        QCOMPARE(m_vault->rotationHistory(id).size(), 1);
    }

    void rotationWithoutOverlapDropsTheOldSecret()
    {
        auto a = add(apiKey(u"rotate-now"_s), randomSecret(40));
        QVERIFY(a && *a);
        RotationRequest request;
        request.by = u"bob"_s;
        request.overlapDays = 0;
        auto r = rotate((*a)->id, randomSecret(41), request);
        QVERIFY(r && *r);
        QVERIFY(m_vault->retiringSecrets((*a)->id).isEmpty());
        const QList<RotationEvent> history = m_vault->rotationHistory((*a)->id);
        QCOMPARE(history.size(), 1);
        QVERIFY(history.first().retiringField.isEmpty());
        QVERIFY((*r)->lastRotated.isValid());
        // A second rotation adds a second row, oldest first.
        request.reason = u"leaked"_s;
        auto again = rotate((*a)->id, randomSecret(42), request);
        QVERIFY(again && *again);
        QCOMPARE(m_vault->rotationHistory((*a)->id).size(), 2);
        QCOMPARE(m_vault->rotationHistory((*a)->id).last().reason, u"leaked"_s);
    }

    void rotationRefusals()
    {
        auto unknown = rotate(QUuid::createUuid(), randomSecret(40), {});
        QVERIFY(unknown && !*unknown);
        QCOMPARE(unknown->error().id, u"not-found"_s);
        auto a = add(apiKey(u"rotate-refused"_s), randomSecret(40));
        QVERIFY(a && *a);
        auto empty = await<Item>(
            [&](QObject *c, auto done) { m_vault->rotate((*a)->id, SecretBytes(), {}, c, done); });
        QVERIFY(empty && !*empty);
        QCOMPARE(empty->error().id, u"invalid-item"_s);
        QVERIFY(m_vault->rotationHistory((*a)->id).isEmpty());
        QVERIFY(!m_vault->find(u"rotate-refused"_s)->lastRotated.isValid());
    }

    void secretsAppearNowhereButTheKeychain()
    {
        // Write a few more (chunked ones included), then search every place a secret could leak.
        for (int i = 0; i < 4; ++i) {
            auto a = add(apiKey(u"hygiene-%1"_s.arg(i)), randomSecret(i % 2 ? 3000 : 60));
            QVERIFY(a && *a);
        }
        QVERIFY(m_written.size() >= 8);
        QStringList files { m_vault->databaseFile(), m_vault->databaseFile() + u"-wal"_s,
            m_vault->databaseFile() + u"-shm"_s, QSettings().fileName() };
        auto scan = [&](const QString &where, const QByteArray &haystack) {
            for (const QByteArray &secret : std::as_const(m_written)) {
                // The whole secret, a 24-byte piece of it, and its encodings.
                for (const QByteArray &needle : { secret, secret.mid(secret.size() / 2, 24),
                         secret.toBase64(), secret.toHex() }) {
                    if (haystack.contains(needle))
                        return u"a secret (%1 bytes) was found in %2"_s.arg(secret.size())
                            .arg(where);
                }
            }
            return QString();
        };
        int scanned = 0;
        for (const QString &f : files) {
            QFile file(f);
            if (!file.open(QIODevice::ReadOnly))
                continue; // e.g. no QSettings file at all: nothing leaked there
            const QString found = scan(f, file.readAll());
            QVERIFY2(found.isEmpty(), qPrintable(found));
            ++scanned;
        }
        QVERIFY(scanned >= 2); // the database and its WAL at least
        QVERIFY(!keyhaven::test::capturedLog().isEmpty()); // the handler does capture
        const QString inLog = scan(u"the log output"_s, keyhaven::test::capturedLog());
        QVERIFY2(inLog.isEmpty(), qPrintable(inLog));
        qInfo("hygiene: %lld secrets searched in %d files and %lld bytes of log",
            qlonglong(m_written.size()), scanned, qlonglong(keyhaven::test::capturedLog().size()));
    }
};

QObject *makeVaultTest() { return new TestVault; }

#include "tst_vault.moc"
