// jose/strictjson.h — a strict, non-recursive JSON validator in front of QJsonDocument.
#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace keyhaven::jose::strictjson {

// The member names of every object in a JSON text, in document order (QJsonObject sorts them;
// the inspector shows a token's members in the order its issuer wrote them, at every depth).
// Objects are numbered in the order their '{' appears, so a depth-first walk of the parsed value
// (members in this order, array elements in turn) meets them in that order: MemberOrderCursor.
struct MemberOrder
{
    QList<QStringList> objects; // objects[0]: the top-level object
    QStringList topLevel() const { return objects.value(0); }
};

// Walks a parsed value alongside the MemberOrder of its text.
class MemberOrderCursor
{
public:
    explicit MemberOrderCursor(const MemberOrder &order)
        : m_order(order)
    {
    }
    // The member names of `object`, the walk's next object, in document order; its keys()
    // (sorted) when the order does not fit it (a value that did not come from that text).
    QStringList next(const QJsonObject &object);
    // Steps over a value the walk does not enter (e.g. beyond a depth limit).
    void skip(const QJsonValue &value);

private:
    const MemberOrder &m_order;
    qsizetype m_next = 0;
};

// `object` as indented JSON (QJsonDocument::Indented's layout), members in `order`.
QByteArray toJson(const QJsonObject &object, const MemberOrder &order);

struct Options
{
    int maxDepth = 64; // nesting limit: 10,000-deep input is refused, never recursed into
    bool rejectNul = true; // "\u0000" inside a string (C-string truncation of claims)
    // When set, receives every object's member names in document order.
    MemberOrder *memberOrder = nullptr;
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
