// replay/credentialmove.h — moving a credential found in a pasted request into the vault: the new
// item, its secret, and the binding that puts it back where it was.
#pragma once

#include "common/secretbytes.h"
#include "replay/curlimport.h"
#include "replay/request.h"
#include "vault/item.h"

#include <optional>

namespace keyhaven::replay {

struct VaultCandidate
{
    vault::Item item; // kind, a suggested name, header, base URL = the request's origin
    SecretBytes secret; // what goes into the keychain
    AuthBinding binding; // puts the secret back as it was sent (item = item.name)
};

// A key header or an Authorization value becomes an API key item (its header), a Bearer token a
// JWT item, Basic (-u) an API key item holding the password with a Basic binding for the user,
// a key in the query or a session cookie an API key item bound to that parameter or cookie. A
// form field has no binding that puts it back: nullopt, with the reason in *why.
std::optional<VaultCandidate> vaultCandidate(
    const Request &request, const DetectedCredential &credential, QString *why = nullptr);

// Takes the credential out of the request (the header, the Basic Authorization line, the query
// parameter or the cookie), so that only the binding's reference is left.
void removeCredential(Request &request, const DetectedCredential &credential);

} // namespace keyhaven::replay
