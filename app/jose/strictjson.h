// jose/strictjson.h — a strict, non-recursive JSON validator in front of QJsonDocument.
#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QStringList>

namespace keyhaven::jose::strictjson {

struct Options
{
    int maxDepth = 64; // nesting limit: 10,000-deep input is refused, never recursed into
    bool rejectNul = true; // "\u0000" inside a string (C-string truncation of claims)
    // When set, receives the top-level object's member names in document order (QJsonObject
    // sorts them; the inspector shows a token's claims in the order its issuer wrote them).
    QStringList *memberOrder = nullptr;
};

// Checks RFC 8259 syntax, UTF-8 (no overlongs, surrogates or bytes past U+10FFFF), unpaired
// \u surrogates, the depth limit and duplicate member names (compared after unescaping:
// {"a":1,"\u0061":2} is a duplicate). QJsonDocument silently keeps one of two duplicates,
// which lets a token say different things to different parsers (RFC 8725 §3.4 spirit;
// RFC 7515 §4 requires rejecting duplicate header names). The validator keeps its own explicit
// stack, so hostile nesting cannot exhaust the call stack. Error ids: "malformed",
// "duplicate-member"; messages never quote the input.
Result<void> validate(QByteArrayView json, const Options &options = {});

// validate() and then the top-level value must be an object; returns it.
Result<QJsonObject> parseObject(QByteArrayView json, const Options &options = {});

} // namespace keyhaven::jose::strictjson
