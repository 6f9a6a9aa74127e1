// vault/bundle.h — the team bundle: item metadata as schema-versioned JSON, never a secret.
#pragma once

#include "common/result.h"
#include "vault/item.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace keyhaven::vault::bundle {

inline constexpr int kSchema = 1;
inline constexpr qint64 kMaxBundleSize = 64 * 1024 * 1024; // ~100k items

// {"schema": 1, "items": [...]}: items sorted by id, object keys sorted (QJsonObject keeps them
// sorted), indented, so a bundle checked into git diffs line by line. Per item: the shared
// metadata and the rotation policy; no secret, no keychain state, no local "updated" time.
QByteArray write(QList<Item> items);
QJsonObject itemToJson(const Item &item);

// Error ids: "bundle-invalid" (not JSON, wrong shape, duplicate id), "bundle-schema" (a schema
// this version does not know). Messages never quote values.
Result<QList<Item>> read(const QByteArray &json);

struct Conflict
{
    Item local;
    Item incoming;
    QString reason; // "metadata-differs" (same id) or "name-taken" (another item has the name)
    QStringList fields; // bundle keys that differ (metadata-differs)
};

struct ImportReport
{
    QList<Item> added; // new here; their secrets are Missing until someone stores them
    QList<Item> unchanged;
    QList<Conflict> conflicts; // the local item was kept
};

// The bundle keys whose values differ between two items.
QStringList differingFields(const Item &a, const Item &b);

} // namespace keyhaven::vault::bundle
