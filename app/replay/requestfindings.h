// replay/requestfindings.h — what is wrong with a request before it is sent (DESIGN.md "Replay").
#pragma once

#include "jose/finding.h"
#include "replay/request.h"
#include "vault/item.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace keyhaven::replay {

struct FindingContext
{
    std::optional<vault::Item> item; // the bound vault item, if any
    QStringList allowedOrigins; // --allow-origin, for this request only (rule 7)
    QList<QByteArray> secrets; // vault secret values to look for in the URL (never printed)
    QDateTime now = QDateTime::currentDateTimeUtc();
};

// Ids: key-in-url (warning), credential-over-http (error for a vault credential, warning for an
// imported one), credential-cross-origin (error: the request is not sent), insecure-tls
// (warning), token-expired (warning: the server will most likely answer 401).
jose::Findings requestFindings(const Request &request, const FindingContext &context);

// Whether the request carries a credential of its own (Authorization, a key header, a session
// cookie) or through its binding.
bool carriesCredential(const Request &request);

} // namespace keyhaven::replay
