// replay/authbinding.h — puts a vault item's credential into a request (or its ‹item NAME›
// stand-in).
#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "replay/request.h"
#include "vault/item.h"

namespace keyhaven::replay {

// "‹item NAME›": how a vault credential is shown in dry runs, history and exports.
QByteArray itemPlaceholder(const QString &itemName);

// The binding an item gives: api-key -> its header, jwt -> Bearer, oauth -> Bearer (the OAuth
// connection manager refreshes it: seam), Basic when `basicUser` is given.
AuthBinding bindingFor(const vault::Item &item, const QString &basicUser = {});

// The header the binding writes ("Authorization", or the API key's header); empty for none.
QByteArray boundHeader(const AuthBinding &binding);

// Removes what the binding replaces (an imported Authorization or key header), then writes the
// credential: the secret when given, otherwise the placeholder (dry run). Error id: "binding".
Result<void> applyBinding(Request &request, const AuthBinding &binding, const QString &itemName,
    const SecretBytes *secret);

} // namespace keyhaven::replay
