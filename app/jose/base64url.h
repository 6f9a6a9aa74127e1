// jose/base64url.h — strict base64url (RFC 7515 §2): no padding, no '+'/'/', no whitespace.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace keyhaven::jose::base64url {

// Unpadded base64url of the bytes.
QByteArray encode(QByteArrayView bytes);

// Decodes strictly: only [A-Za-z0-9_-], no '=', a length that is not 1 mod 4, and zero trailing
// bits (a segment with non-zero unused bits has a second spelling, which lets an attacker change
// the token text without changing its meaning; Wycheproof json_web_signature tcId 374/375).
std::optional<QByteArray> decode(QByteArrayView text);

} // namespace keyhaven::jose::base64url
