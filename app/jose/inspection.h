// jose/inspection.h — what the Token Inspector shows about a token, without any widget.
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "jose/finding.h"
#include "jose/jwk.h"
#include "jose/jwsverifier.h"
#include "jose/strictjson.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace keyhaven::jose {

// Tokens up to this size are inspected on the UI thread; larger ones on a worker thread.
inline constexpr qsizetype kInspectOffThreadAbove = 64 * 1024;

// One header parameter or claim (or an element of one) as the inspector's tree shows it.
struct InspectedMember
{
    QString name; // member name, or "[0]" for an array element
    QJsonValue value;
    QString display; // one line: the string itself, the number, "[2 items]", "{3 members}"
    QString explanation; // plain words for a registered name; empty otherwise
    QString time; // NumericDate claims: relative plus local ("expires in 14 min · 2026-…")
    QList<InspectedMember> children;
};

// The token's life as a bar: iat → nbf → now → exp. Positions are 0..1 along the bar.
struct Lifetime
{
    enum class State { Unknown, NotYetValid, Valid, Expired, NoExpiry };
    std::optional<qint64> iat, nbf, exp;
    qint64 now = 0;
    State state = State::Unknown;
    QString summary; // "expires in 14 min", "expired 3 h ago", "never expires (no exp)"

    qint64 start() const; // the earliest of iat, nbf, now, exp
    qint64 end() const; // the latest of them
    double position(qint64 t) const;
};

// A segment of the text as typed (after whitespace and "Bearer "), for colouring.
struct Segment
{
    enum class Role { Header, Payload, Signature, EncryptedKey, Iv, Ciphertext, Tag, Extra };
    qsizetype start = 0;
    qsizetype length = 0;
    Role role = Role::Extra;
};

struct Inspection
{
    enum class Kind { Empty, Jws, Jwe, Malformed, TooLarge };
    Kind kind = Kind::Empty;
    QByteArray token; // normalized (whitespace and "Bearer " removed)
    QString alg, kid, typ;
    QList<InspectedMember> header; // in token order, at every depth
    QList<InspectedMember> claims; // in token order, at every depth; empty for a JWE
    QJsonObject claimsObject;
    strictjson::MemberOrder claimsOrder;
    Lifetime lifetime;
    Findings findings; // what the token says about itself (decode findings), unverified
    QString error; // one line for the inline error; empty when the token could be read

    bool readable() const { return kind == Kind::Jws && error.isEmpty(); }
    // "Signed JWT (RS256), key id "k1" · expires in 14 min", or why nothing can be shown.
    QString summary() const;
    // The claims as indented JSON in the token's member order (nested objects too).
    QByteArray claimsJson() const;
};

// Decodes (through decodeCompact: nothing verified) and explains a token. Never fails: refusals
// (over 1 MiB) and malformed input are described in the result.
Inspection inspect(QByteArrayView input, const Clock &clock = Clock());

// Where the segments of `text` are, after leading whitespace and "Bearer ".
QList<Segment> segmentRanges(QStringView text);

// Plain-words explanation of a registered header parameter or claim name; empty when unknown.
QString explainHeaderParameter(const QString &name);
QString explainClaim(const QString &name);
// "in 14 min", "3 h ago", "now".
QString relativeTime(qint64 epoch, qint64 now);
// A NumericDate in the local time zone: "2026-11-23 16:04:05 CET".
QString localTime(qint64 epoch);
// The RFC section a finding refers to (the first "RFC NNNN §X.Y" of its rationale), or empty.
QUrl findingReference(const QString &id);
QString findingReferenceText(const QString &id); // "RFC 8725 §3.1"

// Key material as the user pasted it or the vault holds it: a JWK, a JWKS or PEM (sniffed), or
// else the raw bytes of an HMAC secret. Error ids: "malformed", "duplicate-member",
// "input-too-large", "no-key".
Result<KeySet> keysFromMaterial(QByteArrayView material);

// Everything the inspector computes for one input: the inspection and, when a key was given,
// the verdict. Self-contained (own copies, keys parsed inside) so that it can run on a worker.
struct InspectRequest
{
    QByteArray token;
    SecretBytes keyMaterial; // empty: inspect only
    QStringList allowedAlgs; // empty: those that fit the key
    QString expectedIssuer; // checked against "iss" when not empty (keys from that issuer)
    Clock clock;
};
struct InspectOutcome
{
    Inspection inspection;
    bool verified = false; // a verification ran (a key was given and the token was readable)
    VerifyResult verdict;
    QString verifyError; // the key could not be used ("The key is not valid JSON…")
};
InspectOutcome inspectAndVerify(const InspectRequest &request);

} // namespace keyhaven::jose
