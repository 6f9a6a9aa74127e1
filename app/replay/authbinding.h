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

// Removes what the binding replaces (an imported Authorization or key header, a query parameter
// or cookie of the same name), then writes the credential: the secret when given (percent-encoded
// in a query), otherwise the placeholder (dry run). Error id: "binding".
Result<void> applyBinding(Request &request, const AuthBinding &binding, const QString &itemName,
    const SecretBytes *secret);

// Removes what request.auth writes (the header, query parameter or cookie applyBinding put
// there), keeping the binding: the request as it is saved, with the reference and without the
// credential.
void removeBoundCredential(Request &request);

} // namespace keyhaven::replay
