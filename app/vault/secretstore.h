// vault/secretstore.h — secrets in the OS keychain through QtKeychain: asynchronous, chunked.
#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace keyhaven::vault {

// One keychain entry per chunk: account "<item-uuid>/<field>" for chunk 0, "<item-uuid>/<field>#1",
// "#2"... for the others (Windows Credential Manager caps a blob at 2560 bytes, so every platform
// splits the same way). Each chunk is "kh1:<generation>:<index>/<count>:" followed by up to
// kChunkSize bytes of the secret: a chunk left over from another write (a crash between two
// chunks) is never glued to this one's.
//
// Every operation is asynchronous (QKeychain jobs, no nested event loop); `done` runs from the
// job's finished signal through `context`, and is dropped if `context` is gone. QtKeychain runs
// its jobs one at a time, in order.
//
// Error ids: "keychain-unavailable", "keychain-denied", "keychain-locked", "secret-missing",
// "keychain". Messages never contain a secret.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kChunkSize = 2000;

    explicit SecretStore(QString service, QObject *parent = nullptr);
    ~SecretStore() override;

    QString service() const { return m_service; }

    static int chunkCount(qsizetype secretSize);
    static QString account(const QUuid &id, const QString &field, int chunk);
    // A fresh random generation tag (16 hex digits, not secret).
    static QByteArray newGeneration();
    // Splits/joins the chunk format (exposed for tests).
    static QByteArray encodeChunk(
        const QByteArray &generation, int index, int count, QByteArrayView payload);
    // The payload of a chunk if its header matches, else nullopt.
    static std::optional<QByteArrayView> decodeChunk(
        QByteArrayView chunk, const QByteArray &generation, int index, int count);

    // Is a keychain reachable? On Linux: the session bus is connected and
    // org.freedesktop.secrets is registered or activatable (checked with Qt D-Bus first, so that
    // libsecret never tries to autolaunch a bus) and has a "default" collection to store into;
    // then QtKeychain reads an entry that does not exist (EntryNotFound = reachable;
    // NoBackendAvailable = not).
    void probe(QObject *context, std::function<void(Result<void>)> done);

    // Writes all chunks of `secret`, in order.
    void write(const QUuid &id, const QString &field, const QByteArray &generation,
        const SecretBytes &secret, QObject *context, std::function<void(Result<void>)> done);
    // Reads `chunks` chunks written as `generation`; "secret-missing" if one is absent or
    // belongs to another write.
    void read(const QUuid &id, const QString &field, int chunks, const QByteArray &generation,
        QObject *context, std::function<void(Result<SecretBytes>)> done);
    // Deletes chunks [from, to) (an entry that is already gone is fine).
    void remove(const QUuid &id, const QString &field, int from, int to, QObject *context,
        std::function<void(Result<void>)> done);

    // Single entries (no chunk format).
    void writeEntry(const QString &account, const QByteArray &data, QObject *context,
        std::function<void(Result<void>)> done);
    void readEntry(
        const QString &account, QObject *context, std::function<void(Result<SecretBytes>)> done);
    void deleteEntry(
        const QString &account, QObject *context, std::function<void(Result<void>)> done);

    // Maps a QKeychain::Error (as int, to keep QtKeychain out of this header) to our Error.
    static Error mapError(int keychainError, const QString &detail);

private:
    QString m_service;
};

} // namespace keyhaven::vault
