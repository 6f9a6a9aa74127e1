// vault/secretstore.cpp — secrets in the OS keychain through QtKeychain: asynchronous, chunked.
#include "vault/secretstore.h"
#include "vault/log.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QRandomGenerator>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define KEYHAVEN_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

#include <memory>

using namespace Qt::StringLiterals;

namespace keyhaven::vault {

namespace {

constexpr char kChunkMagic[] = "kh1:";

QString unavailableMessage(const QString &why)
{
    return u"No keychain is reachable (%1). Keyhaven stores secrets only in the OS keychain "
           "(a Secret Service such as gnome-keyring or KeePassXC on Linux), so nothing was "
           "stored."_s.arg(why);
}

template <typename Job> Job *newJob(const QString &service, const QString &account)
{
    auto *job = new Job(service);
    job->setAutoDelete(true);
    // Never let a missing keychain turn into plaintext in QSettings (DESIGN.md rule 1).
    job->setInsecureFallback(false);
    job->setKey(account);
    return job;
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

SecretStore::~SecretStore() = default;

int SecretStore::chunkCount(qsizetype secretSize)
{
    return secretSize <= 0 ? 1 : int((secretSize + kChunkSize - 1) / kChunkSize);
}

QString SecretStore::account(const QUuid &id, const QString &field, int chunk)
{
    const QString base = id.toString(QUuid::WithoutBraces) + u'/' + field;
    return chunk == 0 ? base : base + u'#' + QString::number(chunk);
}

QByteArray SecretStore::newGeneration()
{
    quint64 v = QRandomGenerator::system()->generate64();
    return QByteArray::number(v, 16).rightJustified(16, '0');
}

QByteArray SecretStore::encodeChunk(
    const QByteArray &generation, int index, int count, QByteArrayView payload)
{
    QByteArray out;
    out.reserve(48 + payload.size());
    out += kChunkMagic;
    out += generation;
    out += ':';
    out += QByteArray::number(index);
    out += '/';
    out += QByteArray::number(count);
    out += ':';
    out.append(payload.data(), payload.size());
    return out;
}

std::optional<QByteArrayView> SecretStore::decodeChunk(
    QByteArrayView chunk, const QByteArray &generation, int index, int count)
{
    QByteArray header = kChunkMagic;
    header += generation;
    header += ':';
    header += QByteArray::number(index);
    header += '/';
    header += QByteArray::number(count);
    header += ':';
    if (!chunk.startsWith(header))
        return std::nullopt;
    const QByteArrayView payload = chunk.sliced(header.size());
    // Every chunk but the last is full: a short middle chunk means a damaged entry.
    if (index + 1 < count && payload.size() != kChunkSize)
        return std::nullopt;
    if (payload.size() > kChunkSize || (index + 1 == count && payload.isEmpty()))
        return std::nullopt;
    return payload;
}

Error SecretStore::mapError(int keychainError, const QString &detail)
{
    switch (QKeychain::Error(keychainError)) {
    case QKeychain::NoBackendAvailable:
        return Error::environment(u"keychain-unavailable"_s, unavailableMessage(detail));
    case QKeychain::AccessDeniedByUser:
        return Error::environment(
            u"keychain-denied"_s, u"Access to the keychain was denied: %1"_s.arg(detail));
    case QKeychain::AccessDenied:
        // libsecret reports a locked collection (SECRET_ERROR_IS_LOCKED) as AccessDenied.
        if (detail.contains(u"lock"_s, Qt::CaseInsensitive))
            return Error::environment(u"keychain-locked"_s,
                u"The keychain is locked; unlock it and try again (%1)."_s.arg(detail));
        return Error::environment(
            u"keychain-denied"_s, u"Access to the keychain was denied: %1"_s.arg(detail));
    case QKeychain::EntryNotFound:
        return Error::environment(u"secret-missing"_s,
            u"The keychain has no (complete) secret for this item: %1"_s.arg(detail));
    case QKeychain::NoError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return Error::environment(u"keychain"_s, u"The keychain reported an error: %1"_s.arg(detail));
}

void SecretStore::writeEntry(const QString &account, const QByteArray &data, QObject *context,
    std::function<void(Result<void>)> done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, account);
    job->setBinaryData(data); // binary: QtKeychain never sees the secret as a QString
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(mapError(j->error(), j->errorString()));
        else
            done({});
    });
    job->start();
}

void SecretStore::readEntry(
    const QString &account, QObject *context, std::function<void(Result<SecretBytes>)> done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, account);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(mapError(j->error(), j->errorString()));
            return;
        }
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        done(SecretBytes(read->binaryData()));
    });
    job->start();
}

void SecretStore::deleteEntry(
    const QString &account, QObject *context, std::function<void(Result<void>)> done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, account);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        // Already gone is what we wanted (some backends report it, libsecret does not).
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            done(mapError(j->error(), j->errorString()));
        else
            done({});
    });
    job->start();
}

void SecretStore::write(const QUuid &id, const QString &field, const QByteArray &generation,
    const SecretBytes &secret, QObject *context, std::function<void(Result<void>)> done)
{
    const int count = chunkCount(secret.size());
    struct State
    {
        QList<QByteArray> chunks;
        std::function<void(Result<void>)> done;
        ~State()
        {
            for (QByteArray &c : chunks)
                SecretBytes::wipe(c);
        }
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    const QByteArrayView all = secret.view();
    for (int i = 0; i < count; ++i) {
        const qsizetype from = qsizetype(i) * kChunkSize;
        state->chunks << encodeChunk(
            generation, i, count, all.sliced(from, std::min(kChunkSize, all.size() - from)));
    }
    auto step = std::make_shared<std::function<void(int)>>();
    QPointer<QObject> ctx(context);
    *step = [this, id, field, state, step, ctx](int i) {
        if (i == state->chunks.size()) {
            auto finish = std::move(state->done);
            *step = nullptr; // break the self-reference
            finish({});
            return;
        }
        if (!ctx)
            return;
        writeEntry(
            account(id, field, i), state->chunks.at(i), ctx, [state, step, i](Result<void> r) {
                if (!r) {
                    auto finish = std::move(state->done);
                    *step = nullptr;
                    finish(r.error());
                    return;
                }
                (*step)(i + 1);
            });
    };
    (*step)(0);
}

void SecretStore::read(const QUuid &id, const QString &field, int chunks,
    const QByteArray &generation, QObject *context, std::function<void(Result<SecretBytes>)> done)
{
    struct State
    {
        QByteArray joined;
        std::function<void(Result<SecretBytes>)> done;
        ~State() { SecretBytes::wipe(joined); }
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    state->joined.reserve(qsizetype(chunks) * kChunkSize);
    auto step = std::make_shared<std::function<void(int)>>();
    QPointer<QObject> ctx(context);
    *step = [this, id, field, chunks, generation, state, step, ctx](int i) {
        if (i == chunks) {
            // Move out what we need first: resetting *step destroys this closure.
            auto finish = std::move(state->done);
            SecretBytes secret(std::exchange(state->joined, QByteArray()));
            *step = nullptr;
            finish(std::move(secret));
            return;
        }
        if (!ctx)
            return;
        readEntry(account(id, field, i), ctx,
            [state, step, i, chunks, generation](Result<SecretBytes> r) {
                if (!r) {
                    auto finish = std::move(state->done);
                    *step = nullptr;
                    finish(r.error());
                    return;
                }
                const std::optional<QByteArrayView> payload =
                    decodeChunk(r->view(), generation, i, chunks);
                if (!payload) {
                    auto finish = std::move(state->done);
                    *step = nullptr;
                    finish(Error::environment(u"secret-missing"_s,
                        u"The keychain entry %1 of %2 belongs to another write: the secret is "
                        "incomplete."_s.arg(i + 1)
                            .arg(chunks)));
                    return;
                }
                state->joined.append(payload->data(), payload->size());
                (*step)(i + 1);
            });
    };
    if (chunks <= 0) {
        QMetaObject::invokeMethod(
            context,
            [state] {
                auto finish = std::move(state->done);
                finish(Error::environment(
                    u"secret-missing"_s, u"No secret is recorded for this field."_s));
            },
            Qt::QueuedConnection);
        *step = nullptr;
        return;
    }
    (*step)(0);
}

void SecretStore::remove(const QUuid &id, const QString &field, int from, int to, QObject *context,
    std::function<void(Result<void>)> done)
{
    auto step = std::make_shared<std::function<void(int)>>();
    auto finishShared = std::make_shared<std::function<void(Result<void>)>>(std::move(done));
    QPointer<QObject> ctx(context);
    *step = [this, id, field, to, step, finishShared, ctx](int i) {
        if (!ctx)
            return;
        if (i >= to) {
            auto finish = std::move(*finishShared);
            QMetaObject::invokeMethod(
                ctx.data(), [finish = std::move(finish)] { finish({}); }, Qt::QueuedConnection);
            *step = nullptr;
            return;
        }
        deleteEntry(account(id, field, i), ctx, [step, finishShared, i](Result<void> r) {
            if (!r) {
                auto finish = std::move(*finishShared);
                *step = nullptr;
                finish(r.error());
                return;
            }
            (*step)(i + 1);
        });
    };
    (*step)(from);
}

void SecretStore::probe(QObject *context, std::function<void(Result<void>)> done)
{
    auto finishShared = std::make_shared<std::function<void(Result<void>)>>(std::move(done));
    QPointer<QObject> ctx(context);
    // The last step: ask QtKeychain itself for an entry that never exists.
    auto viaKeychain = [this, finishShared, ctx] {
        if (!ctx)
            return;
        auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, u"keyhaven-probe"_s);
        connect(job, &QKeychain::Job::finished, ctx.data(), [finishShared](QKeychain::Job *j) {
            const auto finish = std::move(*finishShared);
            switch (j->error()) {
            case QKeychain::NoError:
            case QKeychain::EntryNotFound:
            case QKeychain::AccessDenied: // reachable, but locked or refusing: not "unavailable"
            case QKeychain::AccessDeniedByUser:
                finish({});
                return;
            case QKeychain::NoBackendAvailable:
                finish(mapError(j->error(), j->errorString()));
                return;
            default:
                finish(Error::environment(
                    u"keychain-unavailable"_s, unavailableMessage(j->errorString())));
                return;
            }
        });
        job->start();
    };
#ifdef KEYHAVEN_SECRET_SERVICE
    // Without a session bus, libsecret/GIO would try to autolaunch one (dbus-launch, X11): check
    // with Qt D-Bus first. An unset or dead DBUS_SESSION_BUS_ADDRESS just leaves it unconnected.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString why =
            bus.lastError().isValid() ? bus.lastError().message() : u"no D-Bus session bus"_s;
        QMetaObject::invokeMethod(
            context,
            [finishShared, why] {
                const auto finish = std::move(*finishShared);
                finish(Error::environment(u"keychain-unavailable"_s,
                    unavailableMessage(u"no D-Bus session bus: %1"_s.arg(why))));
            },
            Qt::QueuedConnection);
        return;
    }
    const QString secrets = u"org.freedesktop.secrets"_s;
    const QString dbusService = u"org.freedesktop.DBus"_s;
    const QString dbusPath = u"/org/freedesktop/DBus"_s;
    // libsecret (QtKeychain) stores into the "default" collection and fails obscurely ("Object
    // does not exist at path .../collection/login") when there is none, e.g. a headless
    // gnome-keyring started without a password: say so up front.
    auto viaDefaultCollection = [finishShared, viaKeychain, secrets, ctx] {
        if (!ctx)
            return;
        QDBusMessage alias = QDBusMessage::createMethodCall(secrets, u"/org/freedesktop/secrets"_s,
            u"org.freedesktop.Secret.Service"_s, u"ReadAlias"_s);
        alias << u"default"_s;
        auto *w = new QDBusPendingCallWatcher(
            QDBusConnection::sessionBus().asyncCall(alias, 25000), ctx.data());
        connect(w, &QDBusPendingCallWatcher::finished, ctx.data(),
            [finishShared, viaKeychain](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<QDBusObjectPath> path = *w;
                if (!path.isError() && path.value().path() == u"/"_s) {
                    const auto finish = std::move(*finishShared);
                    finish(Error::environment(u"keychain-unavailable"_s,
                        unavailableMessage(u"the Secret Service has no default keyring; create "
                                           "one (for example with Seahorse, or start "
                                           "gnome-keyring-daemon --unlock with a password)"_s)));
                    return;
                }
                // An error here (an older or partial implementation) is left to QtKeychain.
                viaKeychain();
            });
    };
    QDBusMessage hasOwner =
        QDBusMessage::createMethodCall(dbusService, dbusPath, dbusService, u"NameHasOwner"_s);
    hasOwner << secrets;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(hasOwner, 5000), context);
    connect(watcher, &QDBusPendingCallWatcher::finished, context,
        [finishShared, viaDefaultCollection, secrets, dbusService, dbusPath, ctx](
            QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<bool> owned = *w;
            if (!owned.isError() && owned.value()) {
                viaDefaultCollection();
                return;
            }
            if (!ctx)
                return;
            QDBusMessage list = QDBusMessage::createMethodCall(
                dbusService, dbusPath, dbusService, u"ListActivatableNames"_s);
            auto *w2 = new QDBusPendingCallWatcher(
                QDBusConnection::sessionBus().asyncCall(list, 5000), ctx.data());
            connect(w2, &QDBusPendingCallWatcher::finished, ctx.data(),
                [finishShared, viaDefaultCollection, secrets](QDBusPendingCallWatcher *w) {
                    w->deleteLater();
                    const QDBusPendingReply<QStringList> names = *w;
                    if (!names.isError() && names.value().contains(secrets)) {
                        viaDefaultCollection(); // activates the service
                        return;
                    }
                    const auto finish = std::move(*finishShared);
                    finish(Error::environment(u"keychain-unavailable"_s,
                        unavailableMessage(
                            u"no Secret Service (org.freedesktop.secrets) on the D-Bus session "
                            "bus"_s)));
                });
        });
#else
    viaKeychain();
#endif
}

} // namespace keyhaven::vault
