// vault/vault.cpp — the façade that keeps SQLite metadata and keychain secrets consistent.
#include "vault/vault.h"
#include "common/paths.h"
#include "rotation/rotationpolicy.h"
#include "vault/jwtclaims.h"
#include "vault/log.h"
#include "vault/metadatastore.h"
#include "vault/secretstore.h"

#include <QQueue>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace keyhaven::vault {

namespace {

constexpr qsizetype kMaxSecretSize = 256 * 1024; // a long JWT is a few kB; 128 chunks at most
constexpr qsizetype kMaxNameLength = 200;

// Runs `fn(result)` later on `context`'s thread; dropped if `context` is gone by then.
template <typename T>
void deliver(const QPointer<QObject> &context, std::function<void(Result<T>)> fn, Result<T> result)
{
    if (!context || !fn)
        return;
    auto shared = std::make_shared<Result<T>>(std::move(result));
    QMetaObject::invokeMethod(
        context.data(), [fn = std::move(fn), shared] { fn(std::move(*shared)); },
        Qt::QueuedConnection);
}

bool isTokenChar(QChar c)
{
    // RFC 9110 §5.6.2 tchar.
    static const QString extra = u"!#$%&'*+-.^_`|~"_s;
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || extra.contains(c);
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s)
        && !url.host().isEmpty() && url.userInfo().isEmpty();
}

Error invalid(const QString &message) { return Error::input(u"invalid-item"_s, message); }

Result<void> checkSecretSize(const SecretBytes &secret)
{
    if (secret.isEmpty())
        return invalid(u"The secret is empty."_s);
    if (secret.size() > kMaxSecretSize)
        return invalid(u"The secret is larger than %1 bytes."_s.arg(kMaxSecretSize));
    return {};
}

Error notFound(const QUuid &id)
{
    return Error::input(
        u"not-found"_s, u"No such item: %1"_s.arg(id.toString(QUuid::WithoutBraces)));
}

QString normalizedName(const QString &name)
{
    return name.trimmed().normalized(QString::NormalizationForm_C);
}

} // namespace

struct Vault::Private
{
    Vault *q = nullptr;
    std::unique_ptr<MetadataStore> metadata;
    std::unique_ptr<SecretStore> secrets;
    KeychainState keychain = KeychainState::Unknown;

    // Operations run one after another: each sees the state the previous one left, and a crash
    // leaves at most one item in flight.
    using Op = std::function<void(std::function<void()> next)>;
    QQueue<Op> queue;
    bool running = false;

    void enqueue(Op op)
    {
        queue.enqueue(std::move(op));
        if (!running)
            runNext();
    }
    void runNext()
    {
        if (queue.isEmpty()) {
            running = false;
            return;
        }
        running = true;
        Op op = queue.dequeue();
        op([this] {
            // Unwind the stack before the next op: callbacks may arrive synchronously.
            QMetaObject::invokeMethod(
                q, [this] { runNext(); }, Qt::QueuedConnection);
        });
    }

    void setKeychain(KeychainState state)
    {
        if (keychain == state)
            return;
        keychain = state;
        Q_EMIT q->keychainStateChanged(state);
    }
    void noteError(const Error &e)
    {
        if (e.id == u"keychain-unavailable"_s)
            setKeychain(KeychainState::Unavailable);
    }

    // Probes unless a keychain already answered (a keychain that was down may be back).
    void ensureKeychain(std::function<void(Result<void>)> then)
    {
        if (keychain == KeychainState::Available) {
            then({});
            return;
        }
        secrets->probe(q, [this, then = std::move(then)](Result<void> r) {
            setKeychain(r ? KeychainState::Available : KeychainState::Unavailable);
            if (!r)
                qCDebug(lcVault) << "keychain unavailable:" << r.error().message;
            then(std::move(r));
        });
    }

    Result<void> validate(Item &item, bool isNew) const;
    void resolveField(
        const QUuid &id, const SecretFieldRow &row, std::function<void(Result<RowState>)> then);
    void finishRemoval(const QUuid &id, std::function<void(Result<void>)> then);
    void reconcileItems(QList<QUuid> ids, std::function<void(Result<void>)> then);
    void refreshJwtClaims(const QUuid &id, const SecretBytes &token);
    // Writes one secret field (keychain ready, caller queued); `retireUntil` marks a retiring one.
    void writeField(const QUuid &id, const QString &field, std::shared_ptr<SecretBytes> secret,
        const QDateTime &retireUntil, std::function<void(Result<void>)> then);
    // Deletes one field's chunks from the keychain, then its bookkeeping.
    void dropField(const QUuid &id, const QString &field, std::function<void(Result<void>)> then);
    void purgeDue(const QDateTime &now, std::function<void(Result<int>)> then);
};

Vault::Vault(
    std::unique_ptr<MetadataStore> metadata, std::unique_ptr<SecretStore> secrets, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->metadata = std::move(metadata);
    d->secrets = std::move(secrets);
}

Vault::~Vault() = default;

Result<Vault *> Vault::open(const QString &databaseFile, const QString &service, QObject *parent)
{
    Result<std::unique_ptr<MetadataStore>> store = MetadataStore::open(databaseFile);
    if (!store)
        return store.error();
    auto secrets = std::make_unique<SecretStore>(service);
    return new Vault(std::move(store).value(), std::move(secrets), parent);
}

Result<Vault *> Vault::openDefault(QObject *parent)
{
    return open(paths::databaseFile(), paths::keychainService(), parent);
}

QString Vault::databaseFile() const { return d->metadata->fileName(); }
QString Vault::service() const { return d->secrets->service(); }

KeychainState Vault::keychainState() const { return d->keychain; }

void Vault::probeKeychain()
{
    d->secrets->probe(this, [this](Result<void> r) {
        d->setKeychain(r ? KeychainState::Available : KeychainState::Unavailable);
    });
}

QList<Item> Vault::items() const
{
    Result<QList<Item>> all = d->metadata->items();
    if (!all) {
        qCWarning(lcVault) << "cannot list items:" << all.error().message;
        return {};
    }
    return std::move(all).value();
}

std::optional<Item> Vault::find(QStringView nameOrId) const
{
    const QString text = nameOrId.toString();
    Result<std::optional<Item>> byName = d->metadata->findByName(normalizedName(text));
    if (byName && byName->has_value())
        return **byName;
    const QUuid id = QUuid::fromString(text.trimmed());
    if (id.isNull())
        return std::nullopt;
    Result<std::optional<Item>> byId = d->metadata->findById(id);
    if (byId)
        return *byId;
    return std::nullopt;
}

Result<void> Vault::Private::validate(Item &item, bool isNew) const
{
    item.name = normalizedName(item.name);
    if (item.name.isEmpty())
        return invalid(u"The item needs a name."_s);
    if (item.name.size() > kMaxNameLength)
        return invalid(u"The name is longer than %1 characters."_s.arg(kMaxNameLength));
    for (QChar c : std::as_const(item.name)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return invalid(u"The name contains a control character."_s);
    }
    // ITEM on the command line is a name or an id: a name that reads as an id would be ambiguous.
    if (!QUuid::fromString(item.name).isNull())
        return invalid(u"A name cannot look like an item id."_s);
    if (item.kind == ItemKind::ApiKey) {
        if (item.headerName.isEmpty())
            item.headerName = u"X-API-Key"_s;
        if (!std::all_of(item.headerName.cbegin(), item.headerName.cend(), isTokenChar))
            return invalid(u"\"%1\" is not a valid HTTP header name."_s.arg(item.headerName));
    }
    if (item.rotateEveryDays < 0 || item.rotateEveryDays > 3650)
        return invalid(u"The rotation interval must be between 0 (never) and 3650 days."_s);
    if (item.warnDaysBefore < 0 || item.warnDaysBefore > 3650)
        return invalid(u"The warning period must be between 0 and 3650 days."_s);
    if (item.overlapDays < 0 || item.overlapDays > 3650)
        return invalid(u"The overlap window must be between 0 and 3650 days."_s);
    for (QString &url : item.baseUrls) {
        url = url.trimmed();
        if (!isHttpUrl(url))
            return invalid(
                u"\"%1\" is not an http(s) base URL with a host (and no user info)."_s.arg(url));
    }
    if (item.kind == ItemKind::OAuth) {
        if (!isHttpUrl(item.issuerUrl))
            return invalid(u"The OAuth connection needs an http(s) issuer URL."_s);
        if (item.clientId.trimmed().isEmpty())
            return invalid(u"The OAuth connection needs a client id."_s);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (isNew) {
        if (item.id.isNull())
            item.id = QUuid::createUuid();
        if (!item.created.isValid())
            item.created = now;
    }
    item.updated = now;
    return {};
}

void Vault::Private::refreshJwtClaims(const QUuid &id, const SecretBytes &token)
{
    Result<std::optional<Item>> item = metadata->findById(id);
    if (!item || !item->has_value() || (*item)->kind != ItemKind::Jwt)
        return;
    Item updated = **item;
    applyJwtClaims(updated, token);
    updated.updated = QDateTime::currentDateTimeUtc();
    if (Result<void> r = metadata->updateMetadata(updated); !r)
        qCWarning(lcVault) << "cannot cache JWT claims:" << r.error().message;
}

Result<void> Vault::updateItem(const Item &item)
{
    Result<std::optional<Item>> existing = d->metadata->findById(item.id);
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return notFound(item.id);
    Item next = item;
    next.kind = (*existing)->kind; // neither kind nor id change
    next.created = (*existing)->created;
    if (Result<void> r = d->validate(next, false); !r)
        return r;
    if (Result<void> r = d->metadata->updateMetadata(next); !r)
        return r;
    Result<std::optional<Item>> stored = d->metadata->findById(item.id);
    if (stored && stored->has_value())
        Q_EMIT itemUpdated(**stored);
    return {};
}

void Vault::addItem(
    Item item, SecretBytes secret, QObject *context, std::function<void(Result<Item>)> done)
{
    QPointer<QObject> ctx(context ? context : this);
    auto secretShared = std::make_shared<SecretBytes>(std::move(secret));
    d->enqueue([this, item = std::move(item), secretShared, ctx, done = std::move(done)](
                   std::function<void()> next) mutable {
        auto fail = [ctx, done, next](const Error &e) {
            deliver<Item>(ctx, done, e);
            next();
        };
        if (Result<void> r = d->validate(item, true); !r)
            return fail(r.error());
        const bool noSecret = secretShared->isEmpty();
        if (noSecret && item.kind != ItemKind::OAuth)
            return fail(invalid(u"The secret is empty."_s));
        if (secretShared->size() > kMaxSecretSize)
            return fail(invalid(u"The secret is larger than %1 bytes."_s.arg(kMaxSecretSize)));
        Result<std::optional<Item>> clash = d->metadata->findByName(item.name);
        if (!clash)
            return fail(clash.error());
        if (clash->has_value())
            return fail(Error::input(
                u"name-taken"_s, u"An item named \"%1\" already exists."_s.arg(item.name)));
        if (item.kind == ItemKind::Jwt)
            applyJwtClaims(item, *secretShared);

        if (noSecret) { // an OAuth connection before its first login: nothing for the keychain
            if (Result<void> r = d->metadata->insertWithoutSecret(item); !r)
                return fail(r.error());
            Result<std::optional<Item>> stored = d->metadata->findById(item.id);
            const Item added = stored && stored->has_value() ? **stored : item;
            Q_EMIT itemAdded(added);
            deliver<Item>(ctx, done, added);
            return next();
        }

        // No keychain, no row (DESIGN.md rule 1): check before anything is written.
        d->ensureKeychain([this, item, secretShared, ctx, done, next, fail](Result<void> ok) {
            if (!ok)
                return fail(ok.error());
            SecretFieldRow field;
            field.field = item.primaryField();
            field.chunks = SecretStore::chunkCount(secretShared->size());
            field.generation = SecretStore::newGeneration();
            if (Result<void> r = d->metadata->insertPending(item, field); !r)
                return fail(r.error());
            qCDebug(lcVault) << "adding" << item.idString() << kindId(item.kind) << "secret of"
                             << secretShared->size() << "bytes in" << field.chunks << "chunk(s)";
            d->secrets->write(item.id, field.field, field.generation, *secretShared, this,
                [this, item, field, ctx, done, next, fail](Result<void> written) {
                    if (!written) {
                        // Roll back: mark, delete whatever chunks made it, drop the row.
                        d->noteError(written.error());
                        const Error cause = written.error();
                        (void)d->metadata->markDeleting(item.id);
                        d->secrets->remove(item.id, field.field, 0, field.chunks, this,
                            [this, item, cause, fail](Result<void> removed) {
                                if (removed) {
                                    if (Result<void> r = d->metadata->deleteItem(item.id); !r)
                                        qCWarning(lcVault)
                                            << "cannot roll back an item:" << r.error().message;
                                } else {
                                    // Stays "deleting": hidden, finished by reconcile().
                                    qCWarning(lcVault) << "cannot roll back a failed write:"
                                                       << removed.error().message;
                                }
                                fail(cause);
                            });
                        return;
                    }
                    if (Result<void> r =
                            d->metadata->finishFieldWrite(item.id, field.field, field.generation);
                        !r)
                        return fail(r.error());
                    Result<std::optional<Item>> stored = d->metadata->findById(item.id);
                    const Item added = stored && stored->has_value() ? **stored : item;
                    Q_EMIT itemAdded(added);
                    deliver<Item>(ctx, done, added);
                    next();
                });
        });
    });
}

void Vault::writeSecret(const QUuid &id, const QString &field, SecretBytes secret, QObject *context,
    std::function<void(Result<void>)> done)
{
    QPointer<QObject> ctx(context ? context : this);
    auto secretShared = std::make_shared<SecretBytes>(std::move(secret));
    d->enqueue([this, id, field, secretShared, ctx, done = std::move(done)](
                   std::function<void()> next) {
        auto fail = [ctx, done, next](const Error &e) {
            deliver<void>(ctx, done, e);
            next();
        };
        static const QRegularExpression fieldName(u"^[a-z][a-z0-9_]{0,63}$"_s);
        if (!fieldName.match(field).hasMatch())
            return fail(invalid(u"\"%1\" is not a secret field name."_s.arg(field)));
        if (Result<void> r = checkSecretSize(*secretShared); !r)
            return fail(r.error());
        Result<std::optional<Item>> item = d->metadata->findById(id);
        if (!item)
            return fail(item.error());
        if (!item->has_value())
            return fail(notFound(id));
        d->ensureKeychain([this, id, field, secretShared, ctx, done, next, fail](Result<void> ok) {
            if (!ok)
                return fail(ok.error());
            d->writeField(id, field, secretShared, {}, [ctx, done, next](Result<void> r) {
                deliver<void>(ctx, done, std::move(r));
                next();
            });
        });
    });
}

void Vault::Private::writeField(const QUuid &id, const QString &field,
    std::shared_ptr<SecretBytes> secretShared, const QDateTime &retireUntil,
    std::function<void(Result<void>)> then)
{
    const int chunks = SecretStore::chunkCount(secretShared->size());
    const QByteArray generation = SecretStore::newGeneration();
    if (Result<void> r = metadata->beginFieldWrite(id, field, chunks, generation, retireUntil); !r)
        return then(r.error());
    qCDebug(lcVault) << "writing" << field << "of" << id << "in" << chunks << "chunk(s)";
    secrets->write(id, field, generation, *secretShared, q,
        [this, id, field, chunks, generation, secretShared, then](Result<void> written) {
            Result<std::optional<SecretFieldRow>> row = metadata->secretField(id, field);
            if (!row || !row->has_value())
                return then(row ? Result<void>(notFound(id)) : Result<void>(row.error()));
            if (!written) {
                // Settle the field (new secret, previous one, or Missing), then report.
                noteError(written.error());
                const Error cause = written.error();
                resolveField(id, **row, [this, id, cause, then](Result<RowState>) {
                    Result<std::optional<Item>> now = metadata->findById(id);
                    if (now && now->has_value())
                        Q_EMIT q->itemUpdated(**now);
                    then(cause);
                });
                return;
            }
            const int high = (*row)->highChunks;
            auto finish = [this, id, field, generation, secretShared, then](
                              bool cleaned, int high) {
                Result<void> r =
                    cleaned ? metadata->finishFieldWrite(id, field, generation) : Result<void>();
                if (!cleaned) {
                    SecretFieldRow settled;
                    settled.field = field;
                    settled.chunks = SecretStore::chunkCount(secretShared->size());
                    settled.generation = generation;
                    settled.highChunks = high; // retried by the next cleanup
                    settled.state = RowState::Present;
                    Result<bool> s = metadata->resolveField(id, settled, generation);
                    if (!s)
                        r = s.error();
                }
                if (!r)
                    return then(r.error());
                Result<std::optional<Item>> stored = metadata->findById(id);
                if (stored && stored->has_value() && field == (*stored)->primaryField())
                    refreshJwtClaims(id, *secretShared);
                stored = metadata->findById(id);
                if (stored && stored->has_value())
                    Q_EMIT q->itemUpdated(**stored);
                then({});
            };
            if (high <= chunks)
                return finish(true, high);
            // Drop chunks a longer, earlier secret left behind.
            secrets->remove(id, field, chunks, high, q, [finish, high](Result<void> removed) {
                if (!removed)
                    qCWarning(lcVault) << "cannot remove stale chunks:" << removed.error().message;
                finish(bool(removed), high);
            });
        });
}

void Vault::rotate(const QUuid &id, SecretBytes newSecret, const RotationRequest &request,
    QObject *context, std::function<void(Result<Item>)> done)
{
    QPointer<QObject> ctx(context ? context : this);
    auto secretShared = std::make_shared<SecretBytes>(std::move(newSecret));
    d->enqueue([this, id, secretShared, request, ctx, done = std::move(done)](
                   std::function<void()> next) {
        auto fail = [ctx, done, next](const Error &e) {
            deliver<Item>(ctx, done, e);
            next();
        };
        if (Result<void> r = checkSecretSize(*secretShared); !r)
            return fail(r.error());
        if (request.overlapDays > 3650)
            return fail(invalid(u"The overlap window must be between 0 and 3650 days."_s));
        Result<std::optional<Item>> found = d->metadata->findById(id);
        if (!found)
            return fail(found.error());
        if (!found->has_value())
            return fail(notFound(id));
        const Item item = **found;
        const QString primary = item.primaryField();
        Result<std::optional<SecretFieldRow>> row = d->metadata->secretField(id, primary);
        if (!row)
            return fail(row.error());
        // No current secret (an imported item, or one lost from the keychain): nothing to keep.
        const bool haveCurrent = row->has_value() && (*row)->state == RowState::Present;
        const SecretFieldRow current = haveCurrent ? **row : SecretFieldRow {};

        RotationEvent event;
        event.at = request.at.isValid() ? request.at.toUTC() : QDateTime::currentDateTimeUtc();
        event.by = request.by;
        event.reason = request.reason;
        rotation::RotationPolicy policy;
        policy.overlapDays = request.overlapDays >= 0 ? request.overlapDays : item.overlapDays;
        const bool keepOld = haveCurrent && policy.overlapDays > 0;
        if (keepOld) {
            // One field per rotation: two rotations inside one window keep both old secrets.
            event.retiringField = u"%1_retiring_%2"_s.arg(primary).arg(event.at.toSecsSinceEpoch());
            event.retireUntil =
                rotation::retiringUntil(event.at, policy, QTimeZone::systemTimeZone());
        }

        // Step 3: the new secret, then the history row (metadata after the keychain: a crash in
        // between leaves the new secret in place and the history one row short, never the
        // reverse).
        auto writeNew = [this, id, primary, secretShared, event, ctx, done, next, fail]() {
            d->writeField(id, primary, secretShared, {},
                [this, id, event, ctx, done, next, fail](Result<void> written) {
                    if (!written) {
                        if (event.retiringField.isEmpty())
                            return fail(written.error());
                        // The old secret is still the primary one: drop its retiring copy.
                        const Error cause = written.error();
                        d->dropField(
                            id, event.retiringField, [fail, cause](Result<void>) { fail(cause); });
                        return;
                    }
                    if (Result<void> r = d->metadata->recordRotation(id, event); !r)
                        return fail(r.error());
                    Result<std::optional<Item>> stored = d->metadata->findById(id);
                    if (!stored || !stored->has_value())
                        return fail(stored ? notFound(id) : stored.error());
                    qCDebug(lcVault) << "rotated" << id << "by" << event.by;
                    Q_EMIT itemUpdated(**stored);
                    deliver<Item>(ctx, done, **stored);
                    next();
                });
        };

        d->ensureKeychain([this, id, current, event, writeNew, fail](Result<void> ok) {
            if (!ok)
                return fail(ok.error());
            if (event.retiringField.isEmpty())
                return writeNew();
            // Steps 1-2: copy the current secret to its retiring field.
            d->secrets->read(id, current.field, current.chunks, current.generation, this,
                [this, id, event, writeNew, fail](Result<SecretBytes> old) {
                    if (!old) {
                        d->noteError(old.error());
                        return fail(old.error());
                    }
                    auto oldShared = std::make_shared<SecretBytes>(std::move(old).value());
                    d->writeField(id, event.retiringField, oldShared, event.retireUntil,
                        [writeNew, fail](Result<void> kept) {
                            if (!kept)
                                return fail(kept.error());
                            writeNew();
                        });
                });
        });
    });
}

void Vault::Private::dropField(
    const QUuid &id, const QString &field, std::function<void(Result<void>)> then)
{
    Result<std::optional<SecretFieldRow>> row = metadata->secretField(id, field);
    if (!row)
        return then(row.error());
    if (!row->has_value())
        return then({});
    const SecretFieldRow f = **row;
    const int upTo = std::max({ f.chunks, f.prevChunks, f.highChunks });
    secrets->remove(id, field, 0, upTo, q, [this, id, field, then](Result<void> removed) {
        if (!removed) {
            noteError(removed.error());
            return then(removed.error());
        }
        then(metadata->removeField(id, field));
    });
}

void Vault::Private::purgeDue(const QDateTime &now, std::function<void(Result<int>)> then)
{
    Result<QList<std::pair<QUuid, SecretFieldRow>>> due = metadata->retiringDue(now);
    if (!due)
        return then(due.error());
    auto remaining = std::make_shared<QList<std::pair<QUuid, SecretFieldRow>>>(*due);
    auto purged = std::make_shared<int>(0);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, remaining, purged, step, then]() {
        if (remaining->isEmpty()) {
            auto finish = then;
            const int count = *purged;
            *step = nullptr; // destroys this closure: only locals from here on
            finish(count);
            return;
        }
        const std::pair<QUuid, SecretFieldRow> entry = remaining->takeFirst();
        const QUuid id = entry.first;
        qCDebug(lcVault) << "deleting retired" << entry.second.field << "of" << id;
        dropField(id, entry.second.field, [this, id, purged, step, then](Result<void> r) {
            if (!r) {
                auto finish = then;
                *step = nullptr;
                return finish(r.error());
            }
            ++*purged;
            Result<std::optional<Item>> now = metadata->findById(id);
            if (now && now->has_value())
                Q_EMIT q->itemUpdated(**now);
            (*step)();
        });
    };
    (*step)();
}

void Vault::purgeRetired(
    const QDateTime &now, QObject *context, std::function<void(Result<int>)> done)
{
    QPointer<QObject> ctx(context ? context : this);
    d->enqueue([this, now, ctx, done = std::move(done)](std::function<void()> next) {
        d->ensureKeychain([this, now, ctx, done, next](Result<void> ok) {
            if (!ok) {
                deliver<int>(ctx, done, ok.error());
                return next();
            }
            d->purgeDue(now, [ctx, done, next](Result<int> r) {
                deliver<int>(ctx, done, std::move(r));
                next();
            });
        });
    });
}

QList<RotationEvent> Vault::rotationHistory(const QUuid &id) const
{
    Result<QList<RotationEvent>> r = d->metadata->rotationHistory(id);
    if (!r) {
        qCWarning(lcVault) << "cannot read the rotation history:" << r.error().message;
        return {};
    }
    return std::move(r).value();
}

Result<bundle::ImportReport> Vault::importItems(const QList<Item> &incoming)
{
    bundle::ImportReport report;
    QList<Item> toAdd;
    QSet<QString> newNames;
    for (const Item &in : incoming) {
        Result<std::optional<Item>> local = d->metadata->findById(in.id, true);
        if (!local)
            return local.error();
        if (local->has_value()) {
            const QStringList fields = bundle::differingFields(**local, in);
            if (fields.isEmpty())
                report.unchanged << **local;
            else
                report.conflicts << bundle::Conflict { **local, in, u"metadata-differs"_s, fields };
            continue;
        }
        Item item = in;
        if (Result<void> r = d->validate(item, true); !r)
            return Error::input(
                r.error().id, u"Bundle item \"%1\": %2"_s.arg(item.name, r.error().message));
        Result<std::optional<Item>> clash = d->metadata->findByName(item.name);
        if (!clash)
            return clash.error();
        if (clash->has_value() || newNames.contains(item.name)) {
            report.conflicts << bundle::Conflict { clash->value_or(Item {}), item, u"name-taken"_s,
                { u"name"_s } };
            continue;
        }
        newNames.insert(item.name);
        toAdd << item;
    }
    for (const Item &item : std::as_const(toAdd)) {
        const RowState state = item.kind == ItemKind::OAuth ? RowState::Present : RowState::Missing;
        if (Result<void> r = d->metadata->insertWithoutSecret(item, state); !r)
            return r.error();
        Result<std::optional<Item>> stored = d->metadata->findById(item.id);
        report.added << (stored && stored->has_value() ? **stored : item);
    }
    qCDebug(lcVault) << "bundle import:" << report.added.size() << "added,"
                     << report.unchanged.size() << "unchanged," << report.conflicts.size()
                     << "conflict(s)";
    if (!report.added.isEmpty())
        Q_EMIT itemsChanged();
    return report;
}

QList<RetiringSecret> Vault::retiringSecrets(const QUuid &id) const
{
    Result<QList<RetiringSecret>> r = d->metadata->retiringSecrets(id);
    if (!r) {
        qCWarning(lcVault) << "cannot list retiring secrets:" << r.error().message;
        return {};
    }
    return std::move(r).value();
}

void Vault::readSecret(const QUuid &id, const QString &field, QObject *context,
    std::function<void(Result<SecretBytes>)> done)
{
    QPointer<QObject> ctx(context ? context : this);
    d->enqueue([this, id, field, ctx, done = std::move(done)](std::function<void()> next) {
        auto fail = [ctx, done, next](const Error &e) {
            deliver<SecretBytes>(ctx, done, e);
            next();
        };
        Result<std::optional<Item>> item = d->metadata->findById(id);
        if (!item)
            return fail(item.error());
        if (!item->has_value())
            return fail(notFound(id));
        Result<std::optional<SecretFieldRow>> row = d->metadata->secretField(id, field);
        if (!row)
            return fail(row.error());
        if (!row->has_value())
            return fail(Error::environment(u"secret-missing"_s,
                u"No secret \"%1\" is stored for \"%2\"."_s.arg(field, (*item)->name)));
        const SecretFieldRow f = **row;
        d->ensureKeychain([this, id, f, ctx, done, next, fail](Result<void> ok) {
            if (!ok)
                return fail(ok.error());
            qCDebug(lcVault) << "reading" << f.field << "of" << id;
            d->secrets->read(id, f.field, f.chunks, f.generation, this,
                [this, id, f, ctx, done, next, fail](Result<SecretBytes> secret) {
                    if (secret) {
                        deliver<SecretBytes>(ctx, done, std::move(secret));
                        return next();
                    }
                    d->noteError(secret.error());
                    if (secret.error().id != u"secret-missing"_s)
                        return fail(secret.error());
                    // Another process may have written the field after its row was read here:
                    // read the row again, and if it changed, read what that write stored. A race
                    // with another writer never settles (or marks Missing) anything.
                    Result<std::optional<SecretFieldRow>> latest =
                        d->metadata->secretField(id, f.field);
                    if (latest && latest->has_value()
                        && ((*latest)->generation != f.generation
                            || (*latest)->chunks != f.chunks)) {
                        const SecretFieldRow g = **latest;
                        qCDebug(lcVault) << "re-reading" << g.field << "of" << id
                                         << "written meanwhile by another process";
                        d->secrets->read(id, g.field, g.chunks, g.generation, this,
                            [this, ctx, done, next](Result<SecretBytes> r) {
                                if (!r)
                                    d->noteError(r.error());
                                deliver<SecretBytes>(ctx, done, std::move(r));
                                next();
                            });
                        return;
                    }
                    // Incomplete: settle the field (a previous secret may still be whole).
                    const Error cause = secret.error();
                    d->resolveField(
                        id, f, [this, id, f, ctx, done, next, cause](Result<RowState> s) {
                            Result<std::optional<Item>> now = d->metadata->findById(id);
                            if (now && now->has_value())
                                Q_EMIT itemUpdated(**now);
                            if (s && *s == RowState::Present) {
                                // The previous secret survived: read that one.
                                Result<std::optional<SecretFieldRow>> again =
                                    d->metadata->secretField(id, f.field);
                                if (again && again->has_value()) {
                                    const SecretFieldRow g = **again;
                                    d->secrets->read(id, g.field, g.chunks, g.generation, this,
                                        [ctx, done, next](Result<SecretBytes> r) {
                                            deliver<SecretBytes>(ctx, done, std::move(r));
                                            next();
                                        });
                                    return;
                                }
                            }
                            deliver<SecretBytes>(ctx, done, cause);
                            next();
                        });
                });
        });
    });
}

void Vault::removeSecret(
    const QUuid &id, const QString &field, QObject *context, std::function<void(Result<void>)> done)
{
    QPointer<QObject> ctx(context ? context : this);
    d->enqueue([this, id, field, ctx, done = std::move(done)](std::function<void()> next) {
        auto fail = [ctx, done, next](const Error &e) {
            deliver<void>(ctx, done, e);
            next();
        };
        Result<std::optional<Item>> item = d->metadata->findById(id);
        if (!item)
            return fail(item.error());
        if (!item->has_value())
            return fail(notFound(id));
        Result<std::optional<SecretFieldRow>> row = d->metadata->secretField(id, field);
        if (!row)
            return fail(row.error());
        if (!row->has_value()) {
            deliver<void>(ctx, done, Result<void>());
            return next();
        }
        const SecretFieldRow f = **row;
        d->ensureKeychain([this, id, f, ctx, done, next, fail](Result<void> ok) {
            if (!ok)
                return fail(ok.error());
            const int upTo = std::max({ f.chunks, f.prevChunks, f.highChunks });
            // Keychain first: a failure leaves the bookkeeping, so nothing is forgotten.
            d->secrets->remove(id, f.field, 0, upTo, this,
                [this, id, f, ctx, done, next, fail](Result<void> removed) {
                    if (!removed) {
                        d->noteError(removed.error());
                        return fail(removed.error());
                    }
                    if (Result<void> r = d->metadata->removeField(id, f.field); !r)
                        return fail(r.error());
                    Result<std::optional<Item>> now = d->metadata->findById(id);
                    if (now && now->has_value())
                        Q_EMIT itemUpdated(**now);
                    deliver<void>(ctx, done, Result<void>());
                    next();
                });
        });
    });
}

void Vault::removeItem(const QUuid &id, QObject *context, std::function<void(Result<void>)> done)
{
    QPointer<QObject> ctx(context ? context : this);
    d->enqueue([this, id, ctx, done = std::move(done)](std::function<void()> next) {
        auto fail = [ctx, done, next](const Error &e) {
            deliver<void>(ctx, done, e);
            next();
        };
        Result<std::optional<Item>> item = d->metadata->findById(id, true);
        if (!item)
            return fail(item.error());
        if (!item->has_value())
            return fail(notFound(id));
        d->ensureKeychain([this, id, ctx, done, next, fail](Result<void> ok) {
            if (!ok)
                return fail(ok.error());
            if (Result<void> r = d->metadata->markDeleting(id); !r)
                return fail(r.error());
            qCDebug(lcVault) << "removing" << id;
            d->finishRemoval(id, [this, id, ctx, done, next](Result<void> r) {
                if (r)
                    Q_EMIT itemRemoved(id);
                else
                    Q_EMIT itemsChanged(); // hidden now; reconcile() finishes the removal
                deliver<void>(ctx, done, std::move(r));
                next();
            });
        });
    });
}

void Vault::Private::finishRemoval(const QUuid &id, std::function<void(Result<void>)> then)
{
    Result<QList<SecretFieldRow>> fields = metadata->secretFields(id);
    if (!fields)
        return then(fields.error());
    auto remaining = std::make_shared<QList<SecretFieldRow>>(std::move(fields).value());
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, id, remaining, step, then]() {
        if (remaining->isEmpty()) {
            // Copy out first: resetting *step destroys this closure and its captures.
            Result<void> r = metadata->deleteItem(id);
            auto finish = then;
            *step = nullptr;
            finish(std::move(r));
            return;
        }
        const SecretFieldRow f = remaining->takeFirst();
        const int upTo = std::max({ f.chunks, f.prevChunks, f.highChunks });
        secrets->remove(id, f.field, 0, upTo, q, [this, step, then](Result<void> r) {
            if (!r) {
                noteError(r.error());
                *step = nullptr;
                then(r.error());
                return;
            }
            (*step)();
        });
    };
    (*step)();
}

void Vault::Private::resolveField(
    const QUuid &id, const SecretFieldRow &row, std::function<void(Result<RowState>)> then)
{
    // Decide what the keychain really holds for this field: the newest complete write, else the
    // previous complete one, else nothing (Missing). Then drop chunks beyond the survivor.
    auto settle = [this, id, row, then](RowState state, int chunks, const QByteArray &gen) {
        SecretFieldRow final = row;
        final.state = state;
        final.chunks = chunks;
        final.generation = gen;
        final.prevChunks = 0;
        final.prevGeneration.clear();
        auto commit = [this, id, row, final, then](int high) mutable {
            final.highChunks = high;
            Result<bool> r = metadata->resolveField(id, final, row.generation);
            if (!r)
                return then(r.error());
            then(final.state);
        };
        const int high = std::max({ row.highChunks, row.chunks, row.prevChunks });
        if (state != RowState::Present || high <= chunks)
            return commit(std::max(high, chunks));
        secrets->remove(id, row.field, chunks, high, q,
            [commit, high, chunks](Result<void> r) mutable { commit(r ? chunks : high); });
    };
    secrets->read(id, row.field, row.chunks, row.generation, q,
        [this, id, row, settle, then](Result<SecretBytes> current) {
            if (current)
                return settle(RowState::Present, row.chunks, row.generation);
            if (current.error().id != u"secret-missing"_s) {
                noteError(current.error());
                return then(current.error()); // transient: never mark Missing on this
            }
            if (row.prevChunks <= 0)
                return settle(RowState::Missing, row.chunks, row.generation);
            secrets->read(id, row.field, row.prevChunks, row.prevGeneration, q,
                [this, row, settle, then](Result<SecretBytes> previous) {
                    if (previous)
                        return settle(RowState::Present, row.prevChunks, row.prevGeneration);
                    if (previous.error().id != u"secret-missing"_s) {
                        noteError(previous.error());
                        return then(previous.error());
                    }
                    settle(RowState::Missing, row.chunks, row.generation);
                });
        });
}

void Vault::Private::reconcileItems(QList<QUuid> ids, std::function<void(Result<void>)> then)
{
    if (ids.isEmpty())
        return then({});
    const QUuid id = ids.takeFirst();
    qCDebug(lcVault) << "reconciling" << id;
    auto rest = [this, ids, then](Result<void> r) {
        if (!r)
            return then(r);
        reconcileItems(ids, then);
    };
    Result<std::optional<RowState>> state = metadata->itemState(id);
    if (!state)
        return then(state.error());
    if (!state->has_value())
        return rest({}); // removed meanwhile (another process)
    if (**state == RowState::Deleting)
        return finishRemoval(id, rest);
    Result<QList<SecretFieldRow>> fields = metadata->secretFields(id);
    if (!fields)
        return then(fields.error());
    auto pending = std::make_shared<QList<SecretFieldRow>>();
    for (const SecretFieldRow &f : *fields) {
        if (f.state != RowState::Present)
            *pending << f;
    }
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, id, pending, step, rest]() {
        if (pending->isEmpty()) {
            Result<void> r = metadata->refreshItemState(id, true);
            auto finish = rest;
            *step = nullptr; // destroys this closure: only locals from here on
            finish(std::move(r));
            return;
        }
        const SecretFieldRow f = pending->takeFirst();
        resolveField(id, f, [step, rest](Result<RowState> r) {
            if (!r) {
                auto finish = rest;
                *step = nullptr;
                return finish(r.error());
            }
            (*step)();
        });
    };
    (*step)();
}

void Vault::reconcile(QObject *context, std::function<void(Result<void>)> done)
{
    QPointer<QObject> ctx(context ? context : this);
    d->enqueue([this, ctx, done = std::move(done)](std::function<void()> next) {
        d->ensureKeychain([this, ctx, done, next](Result<void> ok) {
            if (!ok) {
                deliver<void>(ctx, done, ok);
                return next();
            }
            Result<QList<QUuid>> ids = d->metadata->unsettledItems();
            if (!ids) {
                deliver<void>(ctx, done, Result<void>(ids.error()));
                return next();
            }
            d->reconcileItems(std::move(ids).value(), [this, ctx, done, next](Result<void> r) {
                if (!r) {
                    Q_EMIT itemsChanged();
                    deliver<void>(ctx, done, std::move(r));
                    return next();
                }
                // Old secrets whose overlap window has ended leave the keychain now.
                d->purgeDue(
                    QDateTime::currentDateTimeUtc(), [this, ctx, done, next](Result<int> p) {
                        Q_EMIT itemsChanged();
                        deliver<void>(ctx, done, p ? Result<void>() : Result<void>(p.error()));
                        next();
                    });
            });
        });
    });
}

} // namespace keyhaven::vault
