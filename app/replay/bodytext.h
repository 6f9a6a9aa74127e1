// replay/bodytext.h — a response (or request) body as people read it: JSON pretty-printed, text,
// or a hex dump for binary bytes.
#pragma once

#include <QByteArray>
#include <QString>

namespace keyhaven::replay {

struct BodyText
{
    enum class Kind { Empty, Json, Text, Binary };
    Kind kind = Kind::Empty;
    QString text;
    bool truncated = false; // the hex dump stops after `hexLimit` bytes
};

// JSON when the content type says so or the bytes parse as a JSON object/array; text for valid
// UTF-8 without NUL bytes; otherwise `offset  hex bytes  |ascii|` lines of 16 bytes.
BodyText bodyText(
    const QByteArray &body, const QByteArray &contentType = {}, qsizetype hexLimit = 64 * 1024);

} // namespace keyhaven::replay
