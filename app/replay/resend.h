// replay/resend.h — a history row back into a request to send again, with its binding.
#pragma once

#include "replay/history.h"
#include "replay/request.h"
#include "vault/item.h"

#include <QStringList>
#include <optional>

namespace keyhaven::replay {

struct Resend
{
    Request request; // the credential's headers removed: the binding puts them back at send time
    QStringList notes; // what the history could not keep (a redacted value, a Basic user)
};

// The row holds ‹item NAME› where the credential went: that header becomes the binding again
// (the current secret is read at send time). `item` is the vault item named in the row, if it
// still exists. Headers that hold ‹redacted› (a credential pasted into the request and never
// moved into the vault) are kept and reported.
Resend resendFromHistory(const HistoryEntry &entry, const std::optional<vault::Item> &item);

} // namespace keyhaven::replay
