// tests/bench/bench-vault-fill.cpp — bench_fill DATA_DIR N [BATCH] [--metadata-only]: adds N items
// with secrets to the store in DATA_DIR through the Vault (BATCH adds queued at a time, default
// 100) and prints the throughput. Names continue after the items already there, so runs can be
// repeated.
//
// --metadata-only writes the SQLite rows alone, marked present, WITHOUT keychain secrets: a
// gnome-keyring write costs tens to hundreds of milliseconds and grows with the keyring, so 10,000
// real items take hours. Such a store is for list/cold-start benchmarks only: revealing one of its
// secrets reports secret-missing.
#include "common/paths.h"
#include "vault/metadatastore.h"
#include "vault/secretstore.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::vault;

namespace {

QByteArray randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Every fifth item is a JWT (its claims are cached as metadata), the rest API keys.
std::pair<Item, SecretBytes> makeItem(int index)
{
    Item item;
    item.name = u"bench-%1"_s.arg(index, 6, 10, QChar(u'0'));
    item.owner = u"team-%1"_s.arg(index % 17);
    item.tags = { u"bench"_s, u"group-%1"_s.arg(index % 5) };
    item.baseUrls = { u"https://api%1.example.com"_s.arg(index % 50) };
    item.rotateEveryDays = 30 + index % 90;
    if (index % 5 == 4) {
        item.kind = ItemKind::Jwt;
        const QByteArray claims = QByteArray(R"({"iss":"https://id.example","sub":"svc-)")
            + QByteArray::number(index) + R"(","aud":"api","exp":)"
            + QByteArray::number(1700000000 + index * 3600) + "}";
        return { item,
            SecretBytes("eyJhbGciOiJIUzI1NiJ9."
                + claims.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                + '.' + randomToken(32)) };
    }
    item.kind = ItemKind::ApiKey;
    return { item, SecretBytes("sk-bench-" + randomToken(32)) };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const bool metadataOnly = args.removeAll(u"--metadata-only"_s) > 0;
    bool okN = false;
    bool okBatch = true;
    const int total = args.size() >= 3 ? args.at(2).toInt(&okN) : 0;
    const int batch = args.size() >= 4 ? args.at(3).toInt(&okBatch) : 100;
    if (args.size() < 3 || args.size() > 4 || !okN || total <= 0 || !okBatch || batch <= 0) {
        std::fputs(
            "usage: bench_fill DATA_DIR N [BATCH] [--metadata-only]\n"
            "  adds N items (metadata + keychain secrets, service $KEYHAVEN_KEYCHAIN_SERVICE "
            "or keyhaven) to DATA_DIR/keyhaven.sqlite\n",
            stderr);
        return 2;
    }
    const QString dataDir = QDir(args.at(1)).absolutePath();
    if (metadataOnly) {
        Result<std::unique_ptr<MetadataStore>> store =
            MetadataStore::open(dataDir + u"/keyhaven.sqlite"_s);
        if (!store) {
            std::fprintf(stderr, "bench_fill: %s\n", qPrintable(store.error().message));
            return 3;
        }
        const int first = int((*store)->items(true)->size());
        std::printf("bench_fill: adding %d items to %s WITHOUT keychain secrets (metadata only)\n",
            total, qPrintable(dataDir));
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < total; ++i) {
            auto [item, secret] = makeItem(first + i);
            item.id = QUuid::createUuid();
            item.created = item.updated = QDateTime::currentDateTimeUtc();
            SecretFieldRow field;
            field.field = item.primaryField();
            field.chunks = SecretStore::chunkCount(secret.size());
            field.generation = SecretStore::newGeneration();
            Result<void> r = (*store)->insertPending(item, field);
            if (r)
                r = (*store)->finishFieldWrite(item.id, field.field, field.generation);
            if (!r) {
                std::fprintf(stderr, "bench_fill: %s\n", qPrintable(r.error().message));
                return 3;
            }
        }
        const double secs = double(clock.elapsed()) / 1000.0;
        std::printf("bench_fill: %d items in %.1f s = %.1f items/s (metadata only)\n", total, secs,
            double(total) / std::max(secs, 0.001));
        return 0;
    }
    Result<Vault *> opened =
        Vault::open(dataDir + u"/keyhaven.sqlite"_s, paths::keychainService(), &app);
    if (!opened) {
        std::fprintf(stderr, "bench_fill: %s\n", qPrintable(opened.error().message));
        return 3;
    }
    Vault *vault = *opened;
    const int start = int(vault->items().size());
    std::printf("bench_fill: adding %d items to %s (service %s, %d already there, batches of %d)\n",
        total, qPrintable(dataDir), qPrintable(vault->service()), start, batch);
    std::fflush(stdout);

    QElapsedTimer clock;
    clock.start();
    int done = 0;
    int failed = 0;
    int inBatch = 0;
    int thisBatch = 0;
    qint64 batchStart = 0;
    std::function<void()> nextBatch;
    nextBatch = [&] {
        if (done == total) {
            const double secs = double(clock.elapsed()) / 1000.0;
            std::printf("bench_fill: %d items in %.1f s = %.1f items/s (%d failed)\n",
                done - failed, secs, double(done - failed) / std::max(secs, 0.001), failed);
            QCoreApplication::exit(failed == 0 ? 0 : 3);
            return;
        }
        inBatch = std::min(batch, total - done);
        thisBatch = inBatch;
        batchStart = clock.elapsed();
        for (int i = 0; i < inBatch; ++i) {
            auto [item, secret] = makeItem(start + done + i);
            vault->addItem(item, std::move(secret), &app, [&](Result<Item> r) {
                if (!r) {
                    if (++failed <= 5)
                        std::fprintf(stderr, "bench_fill: %s\n", qPrintable(r.error().message));
                }
                ++done;
                if (--inBatch == 0) {
                    const qint64 ms = std::max<qint64>(clock.elapsed() - batchStart, 1);
                    std::printf("  %6d items  last batch %.1f items/s\n", done,
                        double(thisBatch) * 1000.0 / double(ms));
                    std::fflush(stdout);
                    nextBatch();
                }
            });
        }
    };
    nextBatch();
    return app.exec();
}
