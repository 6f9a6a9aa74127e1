// ui/sampledata.h — a few realistic sample items for `keyhaven --sample-data` (demo, screenshot).
#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "replay/collections.h"
#include "replay/request.h"
#include "replay/sender.h"
#include "vault/item.h"

#include <QList>
#include <QObject>

#include <functional>

namespace keyhaven::vault {
class Vault;
}

namespace keyhaven::ui {

struct SampleItem
{
    vault::Item item;
    QByteArray secret; // made-up values, never real credentials
};

// API keys, JWTs (real-looking base64url tokens with made-up signatures) and an OAuth
// connection, relative to `now`.
QList<SampleItem> sampleItems(const QDateTime &now);

// A really signed sample token (ES256, a key made for the occasion) and its public JWK, for the
// inspector's demo and screenshot.
struct SampleSignedToken
{
    QByteArray token;
    QByteArray publicJwk;
};
SampleSignedToken sampleSignedToken(const QDateTime &now);

// Adds the sample items through the Vault (so secrets go to the keychain) if the store is empty;
// `done` runs once every item is in (or with the first error).
void addSampleData(vault::Vault *vault, QObject *context, std::function<void(Result<void>)> done);

// A recorded exchange for the Requests panel's screenshot: a POST bound to the sample JWT item
// and the 403 insufficient_scope the server answered (no network involved; the diagnosis is
// computed from it by app/replay as for a live answer).
struct SampleExchange
{
    replay::Request request;
    replay::Response response;
};
SampleExchange sampleExchange();

// Two saved collections (Billing API with two environments, Inventory) bound to sample items by
// name, for the Requests panel's saved list.
QList<replay::Collection> sampleCollections();

} // namespace keyhaven::ui
