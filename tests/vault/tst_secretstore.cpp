// tests/vault/tst_secretstore.cpp — chunk format and QtKeychain entries (real Secret Service).
#include "common/paths.h"
#include "vault/secretstore.h"
#include "vaulttests.h"

#include <qt6keychain/keychain.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::vault;
using keyhaven::test::await;

namespace {
// Reads one keychain entry with QtKeychain directly (not through our code).
std::optional<QByteArray> rawEntry(const QString &account, QKeychain::Error *error = nullptr)
{
    std::optional<QByteArray> out;
    bool done = false;
    auto *job = new QKeychain::ReadPasswordJob(paths::keychainService());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    QObject context;
    QObject::connect(job, &QKeychain::Job::finished, &context, [&](QKeychain::Job *j) {
        if (error)
            *error = j->error();
        if (j->error() == QKeychain::NoError)
            out = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
        done = true;
    });
    job->start();
    (void)QTest::qWaitFor([&] { return done; }, 20000);
    return out;
}
} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
    SecretStore m_store { paths::keychainService() };

private Q_SLOTS:
    void chunkCounts()
    {
        QCOMPARE(SecretStore::chunkCount(1), 1);
        QCOMPARE(SecretStore::chunkCount(2000), 1);
        QCOMPARE(SecretStore::chunkCount(2001), 2);
        QCOMPARE(SecretStore::chunkCount(10 * 1024), 6);
        const QUuid id = QUuid::fromString(u"0b9c4c9e-7a55-4f4c-9a0e-1a2b3c4d5e6f"_s);
        QCOMPARE(SecretStore::account(id, u"secret"_s, 0),
            u"0b9c4c9e-7a55-4f4c-9a0e-1a2b3c4d5e6f/secret"_s);
        QCOMPARE(SecretStore::account(id, u"secret"_s, 2),
            u"0b9c4c9e-7a55-4f4c-9a0e-1a2b3c4d5e6f/secret#2"_s);
    }

    void chunkHeaderRejectsForeignChunks()
    {
        const QByteArray gen = SecretStore::newGeneration();
        QCOMPARE(gen.size(), 16);
        QVERIFY(gen != SecretStore::newGeneration());
        const QByteArray c = SecretStore::encodeChunk(gen, 1, 2, "tail");
        QCOMPARE(SecretStore::decodeChunk(c, gen, 1, 2).value(), QByteArrayView("tail"));
        QVERIFY(!SecretStore::decodeChunk(c, SecretStore::newGeneration(), 1, 2));
        QVERIFY(!SecretStore::decodeChunk(c, gen, 0, 2)); // wrong index
        QVERIFY(!SecretStore::decodeChunk(c, gen, 1, 3)); // wrong count
        // A short chunk that is not the last one is damage, not a secret.
        QVERIFY(!SecretStore::decodeChunk(SecretStore::encodeChunk(gen, 0, 2, "x"), gen, 0, 2));
        QVERIFY(!SecretStore::decodeChunk("raw secret", gen, 0, 1));
    }

    void probeFindsTheKeychain()
    {
        auto r = await<void>([this](QObject *c, auto done) { m_store.probe(c, done); });
        QVERIFY(r);
        QVERIFY2(*r, qPrintable(*r ? QString() : r->error().message));
    }

    void writeReadDeleteOneEntry()
    {
        const QString account = u"tst-secretstore/single"_s;
        static const char raw[] = "\x00\x01"
                                  "binary\xff"
                                  " secret"; // split: "\x01b" would be one hex escape
        const QByteArray bytes(raw, sizeof raw - 1);
        auto w = await<void>(
            [&](QObject *c, auto done) { m_store.writeEntry(account, bytes, c, done); });
        QVERIFY(w && *w);
        auto r =
            await<SecretBytes>([&](QObject *c, auto done) { m_store.readEntry(account, c, done); });
        QVERIFY(r && *r);
        QVERIFY((*r)->equals(bytes)); // binary-safe, NUL included
        auto d = await<void>([&](QObject *c, auto done) { m_store.deleteEntry(account, c, done); });
        QVERIFY(d && *d);
        auto gone =
            await<SecretBytes>([&](QObject *c, auto done) { m_store.readEntry(account, c, done); });
        QVERIFY(gone && !*gone);
        QCOMPARE(gone->error().id, u"secret-missing"_s);
        // Deleting what is not there is fine.
        auto again =
            await<void>([&](QObject *c, auto done) { m_store.deleteEntry(account, c, done); });
        QVERIFY(again && *again);
    }

    void tenKilobyteSecretIsChunked()
    {
        const QUuid id = QUuid::createUuid();
        const QByteArray gen = SecretStore::newGeneration();
        QByteArray big;
        for (int i = 0; big.size() < 10 * 1024; ++i)
            big += QByteArray::number(i * 7919) + '-';
        big.truncate(10 * 1024);
        auto w = await<void>([&](QObject *c, auto done) {
            m_store.write(id, u"token"_s, gen, SecretBytes::copyOf(big), c, done);
        });
        QVERIFY(w && *w);
        // Six separate entries exist in the keychain, each a tagged part of the secret.
        QByteArray joined;
        for (int i = 0; i < 6; ++i) {
            const std::optional<QByteArray> raw = rawEntry(SecretStore::account(id, u"token"_s, i));
            QVERIFY2(raw, qPrintable(u"chunk %1 missing"_s.arg(i)));
            const auto payload = SecretStore::decodeChunk(*raw, gen, i, 6);
            QVERIFY(payload);
            QVERIFY(payload->size() <= SecretStore::kChunkSize);
            joined += payload->toByteArray();
        }
        QCOMPARE(joined, big);
        QKeychain::Error error = QKeychain::NoError;
        QVERIFY(!rawEntry(SecretStore::account(id, u"token"_s, 6), &error));
        QCOMPARE(error, QKeychain::EntryNotFound);

        auto r = await<SecretBytes>(
            [&](QObject *c, auto done) { m_store.read(id, u"token"_s, 6, gen, c, done); });
        QVERIFY(r && *r);
        QVERIFY((*r)->equals(big));
        // Read as another generation: refused, never glued together.
        auto wrong = await<SecretBytes>([&](QObject *c, auto done) {
            m_store.read(id, u"token"_s, 6, SecretStore::newGeneration(), c, done);
        });
        QVERIFY(wrong && !*wrong);
        QCOMPARE(wrong->error().id, u"secret-missing"_s);

        auto d = await<void>(
            [&](QObject *c, auto done) { m_store.remove(id, u"token"_s, 0, 6, c, done); });
        QVERIFY(d && *d);
        for (int i = 0; i < 6; ++i)
            QVERIFY(!rawEntry(SecretStore::account(id, u"token"_s, i)));
    }

    void errorsAreTyped()
    {
        QCOMPARE(SecretStore::mapError(QKeychain::NoBackendAvailable, u"x"_s).id,
            u"keychain-unavailable"_s);
        QCOMPARE(
            SecretStore::mapError(QKeychain::AccessDeniedByUser, u"x"_s).id, u"keychain-denied"_s);
        QCOMPARE(SecretStore::mapError(QKeychain::AccessDenied, u"Collection is locked"_s).id,
            u"keychain-locked"_s);
        QCOMPARE(SecretStore::mapError(QKeychain::EntryNotFound, u"x"_s).id, u"secret-missing"_s);
        QCOMPARE(SecretStore::mapError(QKeychain::OtherError, u"x"_s).id, u"keychain"_s);
        QCOMPARE(SecretStore::mapError(QKeychain::OtherError, u"x"_s).exitCode(), 3);
    }
};

QObject *makeSecretStoreTest() { return new TestSecretStore; }

#include "tst_secretstore.moc"
