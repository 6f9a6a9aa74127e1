// jose/compactjws.h — splits and decodes a compact JWS (RFC 7515 §7.1) without verifying it.
#pragma once

#include "common/result.h"
#include "jose/finding.h"
#include "jose/strictjson.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QStringList>

namespace keyhaven::jose {

struct DecodeOptions
{
    // JWT mode: the payload must be a JSON object of claims (RFC 7519). Off for plain JWS
    // (test vectors whose payload is "foo").
    bool jwt = true;
    // Fill DecodedJws::headerOrder / claimsOrder (the inspector's tree follows the token).
    bool memberOrder = false;
};

// What a token says about itself. Nothing here is verified.
struct DecodedJws
{
    QByteArray token; // after trimming whitespace and a leading "Bearer "
    QByteArray headerSegment, payloadSegment, signatureSegment; // the text between the dots
    QByteArray headerJson; // decoded bytes
    QByteArray payload; // decoded bytes (the raw segment when b64 is false)
    QByteArray signature; // decoded bytes
    QJsonObject header;
    QJsonObject claims;
    // Member names in token order, nested objects too (DecodeOptions::memberOrder).
    strictjson::MemberOrder headerOrder, claimsOrder;
    bool headerOk = false; // header decoded to a JSON object with an "alg" string
    bool payloadOk = false;
    bool signatureOk = false;
    bool hasClaims = false;
    bool encrypted = false; // five segments: a JWE, reported but not decoded
    QString alg;
    QString kid;
    bool hasKid = false;
    Findings findings; // structural findings (malformed, duplicate-member, jku-header, ...)

    // header.payload exactly as it appears in the token (what was signed).
    QByteArrayView signingInput() const;
    bool verifiable() const { return headerOk && payloadOk && signatureOk; }
};

// Error only for input the engine refuses to look at (over 1 MiB: "input-too-large"); every
// other problem is a finding in the result.
Result<DecodedJws> decodeCompact(QByteArrayView token, const DecodeOptions &options = {});

// Trims surrounding whitespace and one leading "Bearer " (case-insensitive).
QByteArrayView normalizeToken(QByteArrayView token);

} // namespace keyhaven::jose
