// jose/jwsverifier.cpp — strict JWS verification (DESIGN.md rule 3, RFC 8725).
#include "jose/jwsverifier.h"

#include "jose/algorithm.h"
#include "jose/base64url.h"

#include <QJsonArray>
#include <QSet>
#include <QVarLengthArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace keyhaven::jose {

QString describeDuration(qint64 s)
{
    // Concatenation, not arg(): this runs on every verification of a long-lived token.
    s = s < 0 ? -s : s;
    if (s < 120)
        return QString::number(s) + u" s";
    if (s < 2 * 3600)
        return QString::number(s / 60) + u" min";
    if (s < 2 * 86400)
        return QString::number(s / 3600) + u" h";
    if (s < 2 * 365 * 86400LL)
        return QString::number(s / 86400) + u" days";
    return QString::number(s / (365 * 86400LL)) + u" years";
}

QString describeTime(qint64 epoch, qint64 now)
{
    const QString when =
        QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_s)
        + u" UTC"_s;
    if (epoch == now)
        return when + u" (now)"_s;
    return when
        + (epoch < now ? u" (%1 ago)"_s.arg(describeDuration(now - epoch))
                       : u" (in %1)"_s.arg(describeDuration(epoch - now)));
}

namespace {

void addUnique(Findings &into, const Finding &f)
{
    for (const Finding &g : into)
        if (g.id == f.id && g.message == f.message)
            return;
    into << f;
}

QString normalizedTyp(QString typ)
{
    typ = typ.toLower();
    if (typ.startsWith(u"application/"_s))
        typ = typ.mid(12);
    return typ;
}

void checkClaims(const VerifyOptions &opt, const QJsonObject &claims, Findings &out)
{
    const qint64 now = opt.clock.nowEpoch();
    // One lookup per registered claim: QJsonObject lookups are linear string compares, and this
    // runs on every verification.
    auto numeric = [&](const QString &name, double *value) -> bool {
        const QJsonValue v = claims.value(name);
        if (v.isUndefined())
            return false;
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            out << Finding::error(u"claim-type"_s,
                u"\"%1\" must be a NumericDate (a JSON number of seconds since 1970), not %2"_s.arg(
                    name,
                    v.isString()     ? u"a string"_s
                        : v.isBool() ? u"a boolean"_s
                        : v.isNull() ? u"null"_s
                                     : u"an array or object"_s));
            return false;
        }
        *value = v.toDouble();
        return true;
    };
    double exp = 0, nbf = 0, iat = 0;
    const bool hasExp = numeric(u"exp"_s, &exp);
    const bool hasNbf = numeric(u"nbf"_s, &nbf);
    const bool hasIat = numeric(u"iat"_s, &iat);
    const qint64 expS = qint64(std::floor(std::clamp(exp, -1e15, 1e15)));
    const qint64 nbfS = qint64(std::ceil(std::clamp(nbf, -1e15, 1e15)));
    const qint64 iatS = qint64(std::ceil(std::clamp(iat, -1e15, 1e15)));
    if (hasExp && now >= expS + opt.leeway)
        out << Finding::error(u"expired"_s,
            u"The token expired at %1 (leeway %2 s)"_s.arg(describeTime(expS, now))
                .arg(opt.leeway));
    if (hasNbf && now + opt.leeway < nbfS)
        out << Finding::error(u"not-yet-valid"_s,
            u"The token is not valid before %1 (leeway %2 s)"_s.arg(describeTime(nbfS, now))
                .arg(opt.leeway));
    if (hasIat && iatS > now + opt.leeway)
        out << Finding::error(u"iat-in-future"_s,
            u"The token says it was issued at %1, in the future (leeway %2 s)"_s
                .arg(describeTime(iatS, now))
                .arg(opt.leeway));
    if (!hasExp && !claims.contains(u"exp"_s))
        out << Finding::warning(u"missing-exp"_s, u"The token has no \"exp\" claim"_s);
    if (hasExp) {
        const qint64 start = hasIat ? iatS : hasNbf ? nbfS : now;
        if (expS - start > opt.maxLifetime)
            out << Finding::warning(u"long-lifetime"_s,
                u"The token is valid for %1 (from %2 to exp); more than %3 is unusual"_s.arg(
                    describeDuration(expS - start),
                    hasIat       ? u"iat"_s
                        : hasNbf ? u"nbf"_s
                                 : u"now"_s,
                    describeDuration(opt.maxLifetime)));
    }

    const QJsonValue iss = claims.value(u"iss"_s);
    if (!iss.isUndefined() && !iss.isString())
        out << Finding::error(u"claim-type"_s, u"\"iss\" must be a string"_s);
    if (!opt.issuer.isEmpty() && (!iss.isString() || iss.toString() != opt.issuer))
        out << Finding::error(u"issuer-mismatch"_s,
            iss.isString() ? u"The issuer is \"%1\", expected \"%2\""_s.arg(
                iss.toString().left(200), opt.issuer)
                           : u"The token has no \"iss\"; expected \"%1\""_s.arg(opt.issuer));

    const QJsonValue sub = claims.value(u"sub"_s);
    if (!sub.isUndefined() && !sub.isString())
        out << Finding::error(u"claim-type"_s, u"\"sub\" must be a string"_s);

    const QJsonValue aud = claims.value(u"aud"_s);
    QStringList auds;
    bool audOk = true;
    if (aud.isString()) {
        auds << aud.toString();
    } else if (aud.isArray()) {
        for (const QJsonValue &v : aud.toArray()) {
            if (!v.isString())
                audOk = false;
            else
                auds << v.toString();
        }
    } else if (!aud.isUndefined()) {
        audOk = false;
    }
    if (!audOk)
        out << Finding::error(u"claim-type"_s,
            u"\"aud\" must be a string or an array of strings (RFC 7519 §4.1.3)"_s);
    if (!opt.audiences.isEmpty()) {
        bool match = false;
        for (const QString &a : opt.audiences)
            match = match || auds.contains(a);
        if (!match)
            out << Finding::error(u"audience-mismatch"_s,
                auds.isEmpty()
                    ? u"The token has no \"aud\"; expected %1"_s.arg(opt.audiences.join(u" or "_s))
                    : u"The audience is %1; expected %2"_s.arg(
                        auds.join(u", "_s).left(200), opt.audiences.join(u" or "_s)));
    }
}

} // namespace

Result<VerifyResult> verify(QByteArrayView token, const VerifyOptions &opt)
{
    auto decodedOr = decodeCompact(token, DecodeOptions { opt.jwt });
    if (!decodedOr)
        return decodedOr.error();
    const DecodedJws &dec = *decodedOr;
    VerifyResult res;
    res.alg = dec.alg;
    res.kid = dec.kid;
    res.header = dec.header;
    res.claims = dec.claims;
    res.encrypted = dec.encrypted;
    res.findings = dec.findings;
    Findings &out = res.findings;

    if (dec.hasClaims)
        checkClaims(opt, dec.claims, out);
    if (!opt.typ.isEmpty()) {
        const QJsonValue typ = dec.header.value(u"typ"_s);
        if (!typ.isString() || normalizedTyp(typ.toString()) != normalizedTyp(opt.typ))
            out << Finding::error(u"typ-mismatch"_s,
                u"The header typ is %1; expected \"%2\""_s.arg(
                    typ.isString() ? u"\""_s + typ.toString().left(64) + u"\""_s : u"absent"_s,
                    opt.typ));
    }
    if (!dec.verifiable())
        return res;

    if (isNone(dec.alg)) {
        out << Finding::error(u"alg-none"_s,
            u"The header says \"alg\": \"%1\" (an unsigned token)"_s.arg(dec.alg.left(16)));
        return res;
    }
    const Algorithm *alg = findAlgorithm(dec.alg);
    if (!alg) {
        out << Finding::error(u"alg-not-allowed"_s,
            u"The algorithm \"%1\" is not a supported JWS signature algorithm"_s.arg(
                dec.alg.left(32)));
        return res;
    }
    if (opt.keys.keys.isEmpty())
        return Error::input(u"no-key"_s, u"No key was given to verify with."_s);

    for (const Finding &f : opt.keys.findings)
        out << f;

    // Which keys are candidates: kid selects inside a key set; a single key is always the one.
    QVarLengthArray<int, 8> candidates;
    if (opt.keys.isSet && dec.hasKid) {
        for (int i = 0; i < opt.keys.keys.size(); ++i)
            if (opt.keys.keys.at(i).kid() == dec.kid)
                candidates << i;
        if (candidates.isEmpty()) {
            out << Finding::error(u"kid-unknown"_s,
                u"The token's kid \"%1\" is not in the key set"_s.arg(dec.kid.left(64)));
            return res;
        }
    } else {
        for (int i = 0; i < opt.keys.keys.size(); ++i)
            candidates << i;
    }

    // Keys that failed validation are never used; why is reported only if nothing verifies.
    Findings keyFindings;
    QVarLengthArray<int, 8> usable;
    for (int i : candidates) {
        const Key &k = opt.keys.keys.at(i);
        if (k.usable()) {
            usable << i;
            continue;
        }
        const QString which =
            k.kid().isEmpty() ? u"The key"_s : u"Key \"%1\""_s.arg(k.kid().left(64));
        for (const Finding &f : k.problems())
            addUnique(keyFindings, Finding { f.id, f.severity, which + u": "_s + f.message });
        if (!hasError(k.problems()))
            addUnique(keyFindings,
                Finding::error(u"invalid-key"_s, which + u" has no usable key material"_s));
    }
    if (usable.isEmpty()) {
        out += keyFindings;
        return res;
    }

    // Allowed algorithms: named by the caller, or those that fit the usable keys' types. The
    // list is only spelled out for the message: without one, the token's algorithm is allowed
    // exactly when a usable key fits it.
    QVarLengthArray<int, 8> fitting;
    for (int i : usable)
        if (opt.keys.keys.at(i).fits(*alg))
            fitting << i;
    const bool allowedAlg =
        opt.allowedAlgs.isEmpty() ? !fitting.isEmpty() : opt.allowedAlgs.contains(alg->name);
    if (!allowedAlg) {
        QStringList allowed = opt.allowedAlgs;
        if (allowed.isEmpty()) {
            for (int i : usable)
                for (const QString &a : opt.keys.keys.at(i).fittingAlgs())
                    if (!allowed.contains(a))
                        allowed << a;
        }
        out << Finding::error(u"alg-not-allowed"_s,
            opt.allowedAlgs.isEmpty()
                ? u"The token uses %1, but the given key allows only %2"_s.arg(
                    alg->name, allowed.isEmpty() ? u"nothing"_s : allowed.join(u", "_s))
                : u"The token uses %1, but only %2 is allowed"_s.arg(
                    alg->name, allowed.join(u", "_s)));
        out += keyFindings;
        return res;
    }
    if (fitting.isEmpty()) {
        const Key &k = opt.keys.keys.at(usable.first());
        out << Finding::error(u"alg-key-mismatch"_s,
            u"The token's %1 does not fit the %2 key"_s.arg(
                alg->name, k.kindName() + (k.curve().isEmpty() ? QString() : u" "_s + k.curve())));
        out += keyFindings;
        return res;
    }
    if (fitting.size() > 1 && !dec.hasKid)
        out << Finding::warning(u"ambiguous-key"_s,
            u"The token has no kid and %1 given keys fit %2; each was tried"_s.arg(fitting.size())
                .arg(alg->name));

    QByteArray detachedInput;
    QByteArrayView input = dec.signingInput();
    if (opt.hasDetachedPayload && dec.payloadSegment.isEmpty()) {
        detachedInput = dec.headerSegment + '.' + base64url::encode(opt.detachedPayload);
        input = detachedInput;
    }

    bool verified = false;
    for (int i : fitting) {
        const Key &k = opt.keys.keys.at(i);
        const QString which =
            k.kid().isEmpty() ? u"The key"_s : u"Key \"%1\""_s.arg(k.kid().left(64));
        // Every policy reason that rules this key out is reported, not only the first.
        bool refused = false;
        auto refuse = [&](const Finding &f) {
            addUnique(keyFindings, f);
            refused = true;
        };
        if (!k.alg().isEmpty() && k.alg() != alg->name)
            refuse(Finding::error(u"alg-key-mismatch"_s,
                which + u" is for %1, but the token uses %2"_s.arg(k.alg().left(32), alg->name)));
        if (!k.use().isEmpty() && k.use() != u"sig"_s)
            refuse(Finding::error(u"key-use-mismatch"_s,
                which + u" has \"use\": \"%1\", not \"sig\""_s.arg(k.use().left(32))));
        if (k.hasKeyOps() && !k.keyOps().contains(u"verify"_s))
            refuse(Finding::error(
                u"key-use-mismatch"_s, which + u" has \"key_ops\" without \"verify\""_s));
        if (alg->family == AlgFamily::Hmac && k.secret().size() < alg->hashBytes)
            refuse(Finding::error(u"weak-hmac-key"_s,
                which
                    + u" has %1 bytes; %2 needs at least %3"_s.arg(k.secret().size())
                          .arg(alg->name)
                          .arg(alg->hashBytes)));
        if (refused)
            continue;
        auto check = verifySignature(*alg, k, input, dec.signature);
        if (!check)
            return check.error();
        if (*check == SigCheck::Valid) {
            verified = true;
            res.keyIndex = i;
            break;
        }
        if (*check == SigCheck::BadFormat)
            addUnique(keyFindings,
                Finding::error(u"signature-format"_s,
                    u"The %1 signature is %2 bytes, which is not the length %1 requires"_s
                        .arg(alg->name)
                        .arg(dec.signature.size())));
        else
            addUnique(keyFindings,
                Finding::error(u"signature-invalid"_s,
                    u"The %1 signature does not verify with %2"_s.arg(alg->name,
                        fitting.size() > 1 ? u"any of the %1 keys"_s.arg(fitting.size())
                                           : which.toLower())));
    }
    if (!verified)
        out += keyFindings;
    res.valid = verified && !hasError(out);
    return res;
}

} // namespace keyhaven::jose
