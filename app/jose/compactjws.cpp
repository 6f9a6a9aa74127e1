// jose/compactjws.cpp — compact JWS decoding with strict base64url and strict JSON.
#include "jose/compactjws.h"

#include "common/io.h"
#include "jose/base64url.h"
#include "jose/strictjson.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keyhaven::jose {

QByteArrayView normalizeToken(QByteArrayView token)
{
    QByteArrayView t = token.trimmed();
    if (t.size() > 7 && QByteArrayView(t.data(), 7).compare("bearer ", Qt::CaseInsensitive) == 0)
        t = t.sliced(7).trimmed();
    return t;
}

QByteArrayView DecodedJws::signingInput() const
{
    return QByteArrayView(token.constData(), headerSegment.size() + 1 + payloadSegment.size());
}

Result<DecodedJws> decodeCompact(QByteArrayView input, const DecodeOptions &options)
{
    if (input.size() > io::kMaxInput)
        return Error::input(u"input-too-large"_s,
            u"The token is %1 bytes; tokens over 1 MiB are refused."_s.arg(input.size()));
    DecodedJws d;
    const QByteArrayView t = normalizeToken(input);
    d.token = t.toByteArray();
    auto malformed = [&d](
                         const QString &why) { d.findings << Finding::error(u"malformed"_s, why); };

    if (t.isEmpty()) {
        malformed(u"The token is empty"_s);
        return d;
    }
    if (t.startsWith('{')) {
        malformed(u"This is a JWS JSON serialization; only the compact form (three base64url "
                  "segments separated by dots) is accepted"_s);
        return d;
    }
    // std::count: QByteArrayView::count(char) goes through Qt's substring search.
    const qsizetype dots = std::count(t.begin(), t.end(), '.');
    if (dots == 4) {
        d.encrypted = true;
        malformed(u"The token has five segments: it is an encrypted JWE, whose content cannot be "
                  "inspected or verified without the decryption key"_s);
        // The protected header of a JWE is still readable; show it when it decodes.
        const QByteArrayView h = t.first(t.indexOf('.'));
        if (auto json = base64url::decode(h)) {
            strictjson::Options jweOptions;
            if (options.memberOrder)
                jweOptions.memberOrder = &d.headerOrder;
            if (auto obj = strictjson::parseObject(*json, jweOptions))
                d.header = *obj;
        }
        return d;
    }
    if (dots != 2) {
        malformed(dots == 1
                ? u"The token has two segments; an unsigned token still needs its "
                  "trailing dot, and a JWS has three segments"_s
                : u"The token has %1 segments; a compact JWS has exactly three"_s.arg(dots + 1));
        return d;
    }
    const qsizetype a = t.indexOf('.');
    const qsizetype b = t.indexOf('.', a + 1);
    d.headerSegment = t.first(a).toByteArray();
    d.payloadSegment = t.sliced(a + 1, b - a - 1).toByteArray();
    d.signatureSegment = t.sliced(b + 1).toByteArray();

    // Header.
    const auto headerBytes = base64url::decode(d.headerSegment);
    if (!headerBytes) {
        malformed(u"The header segment is not strict base64url (RFC 7515 §2: no padding, no "
                  "whitespace, no characters outside A-Z a-z 0-9 - _)"_s);
    } else {
        d.headerJson = *headerBytes;
        strictjson::Options headerOptions;
        if (options.memberOrder)
            headerOptions.memberOrder = &d.headerOrder;
        auto header = strictjson::parseObject(d.headerJson, headerOptions);
        if (!header) {
            d.findings << Finding::error(
                header.error().id == u"duplicate-member"_s ? header.error().id : u"malformed"_s,
                u"Header: "_s + header.error().message);
        } else {
            d.header = *header;
            const QJsonValue alg = d.header.value(u"alg"_s);
            if (!alg.isString()) {
                malformed(alg.isUndefined() ? u"The header has no \"alg\""_s
                                            : u"The header \"alg\" is not a string"_s);
            } else {
                d.alg = alg.toString();
                d.headerOk = true;
            }
            if (d.header.contains(u"kid"_s)) {
                if (d.header.value(u"kid"_s).isString()) {
                    d.kid = d.header.value(u"kid"_s).toString();
                    d.hasKid = true;
                } else {
                    malformed(u"The header \"kid\" is not a string"_s);
                    d.headerOk = false;
                }
            }
            if (d.header.contains(u"jwk"_s))
                d.findings << Finding::warning(u"embedded-jwk"_s,
                    u"The header carries its own key (\"jwk\"); it is ignored"_s);
            if (d.header.contains(u"jku"_s))
                d.findings << Finding::warning(
                    u"jku-header"_s, u"The header names a key URL (\"jku\"); it was not fetched"_s);
            if (d.header.contains(u"x5u"_s))
                d.findings << Finding::warning(u"x5u-header"_s,
                    u"The header names a certificate URL (\"x5u\"); it was not fetched"_s);
            if (d.header.contains(u"x5c"_s))
                d.findings << Finding::warning(u"x5c-header"_s,
                    u"The header carries a certificate chain (\"x5c\"); it is ignored"_s);
            if (d.header.contains(u"crit"_s)) {
                QStringList names;
                const QJsonValue crit = d.header.value(u"crit"_s);
                for (const QJsonValue &v : crit.toArray())
                    names << v.toString();
                d.findings << Finding::error(u"crit-unsupported"_s,
                    crit.isArray() && !names.isEmpty()
                        ? u"The header marks %1 as critical"_s.arg(names.join(u", "_s).left(200))
                        : u"The header has an invalid \"crit\" (it must be a non-empty array of "
                          "names)"_s);
            }
        }
    }

    // Payload.
    const bool unencoded = d.header.value(u"b64"_s) == QJsonValue(false);
    if (unencoded) {
        d.findings << Finding::error(
            u"b64-unencoded"_s, u"The header sets \"b64\": false (RFC 7797 unencoded payload)"_s);
        d.payload = d.payloadSegment;
        d.payloadOk = false; // never verified: what was signed is not what is shown
    } else if (const auto payload = base64url::decode(d.payloadSegment)) {
        d.payload = *payload;
        d.payloadOk = true;
    } else {
        malformed(u"The payload segment is not strict base64url"_s);
    }

    // Signature.
    if (const auto sig = base64url::decode(d.signatureSegment)) {
        d.signature = *sig;
        d.signatureOk = true;
    } else {
        malformed(u"The signature segment is not strict base64url"_s);
    }

    // Claims (JWT).
    if (d.payloadOk && options.jwt) {
        strictjson::Options claimsOptions;
        if (options.memberOrder)
            claimsOptions.memberOrder = &d.claimsOrder;
        auto claims = strictjson::parseObject(d.payload, claimsOptions);
        if (!claims) {
            d.findings << Finding::error(
                claims.error().id == u"duplicate-member"_s ? claims.error().id : u"malformed"_s,
                u"Claims: "_s + claims.error().message
                    + u" A JWT payload is a JSON object (RFC 7519 §7.2)"_s);
        } else {
            d.claims = *claims;
            d.hasClaims = true;
        }
    }
    return d;
}

} // namespace keyhaven::jose
