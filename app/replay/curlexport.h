// replay/curlexport.h — a request as a bash command line for curl, with
// "$(keyhaven-cli secret ITEM)" (an OAuth connection: "$(keyhaven-cli token CONNECTION)") where
// the vault credential goes: the printed text holds no secret and reads none.
#pragma once

#include "replay/request.h"
#include "vault/item.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace keyhaven::replay {

// One word for bash: as it is when it holds only characters bash never treats specially,
// single-quoted ('\'' for a quote), or $'...' with \xHH escapes when it holds
// bytes a single-quoted word cannot carry readably (control characters, invalid UTF-8). A NUL
// cannot be in a shell word at all: callers keep it out.
QByteArray shellQuote(QByteArrayView word);

struct CurlExport
{
    QByteArray command; // "curl 'URL' \\\n  -H ... [--next ...]", ending in a newline
    QStringList notes; // what the command does differently from replay, and why
};

// `requests` as one curl command (several are joined by --next). Each ‹item NAME› stand-in that
// applyBinding() put into a header becomes "$(CLI secret NAME)" (OAuth: "$(CLI token NAME)");
// Basic becomes -u USER:"$(CLI secret NAME)". `cli` is how the shell finds keyhaven-cli.
CurlExport exportCurl(const QList<Request> &requests, const std::optional<vault::Item> &item,
    const QByteArray &cli = QByteArrayLiteral("keyhaven-cli"));

} // namespace keyhaven::replay
