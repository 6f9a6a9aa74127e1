// jose/jwsverifier.h — verifies a compact JWS against caller-named algorithms and keys.
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "jose/compactjws.h"
#include "jose/finding.h"
#include "jose/jwk.h"

#include <QJsonObject>
#include <QStringList>

namespace keyhaven::jose {

struct VerifyOptions
{
    QStringList allowedAlgs; // empty: the algorithms that fit the given keys' types (rule 3)
    KeySet keys; // from --key / --jwks / --secret-file; never from the token
    QString issuer; // expected "iss" (checked when not empty)
    QStringList audiences; // expected "aud" (one must match; checked when not empty)
    qint64 leeway = 60; // seconds, for exp / nbf / iat
    Clock clock;
    QString typ; // expected "typ" (checked when not empty; "application/" prefix optional)
    bool jwt = true; // payload is a JWT claims set (claim checks); off for plain JWS
    qint64 maxLifetime = 30LL * 24 * 3600; // beyond this, long-lifetime (warning)
    QByteArray detachedPayload; // RFC 7515 Appendix F: used when the payload segment is empty
    bool hasDetachedPayload = false;
};

struct VerifyResult
{
    bool valid = false;
    QString alg;
    QString kid;
    QJsonObject header;
    QJsonObject claims;
    Findings findings;
    int keyIndex = -1; // which of options.keys.keys verified the signature
    bool encrypted = false;
    bool malformed() const { return hasFinding(findings, QStringLiteral("malformed")); }
};

// Result error: the work could not be done (input over 1 MiB, no key given, OpenSSL failure).
// A token that fails any check is a successful result with valid == false and error findings.
Result<VerifyResult> verify(QByteArrayView token, const VerifyOptions &options);

// "2026-11-23 15:04:05 UTC (3 h ago)" — how times are shown to people.
QString describeTime(qint64 epoch, qint64 now);
// "3 h", "2 days", "45 s"
QString describeDuration(qint64 seconds);

} // namespace keyhaven::jose
