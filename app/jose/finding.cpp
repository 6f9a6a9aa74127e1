// jose/finding.cpp — the catalogue of finding ids with their rationale.
#include "jose/finding.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace keyhaven::jose {

namespace {

struct Entry
{
    QString id;
    QString why;
};

const QList<Entry> &catalogue()
{
    static const QList<Entry> entries {
        { u"malformed"_s,
            u"The token is not a well-formed compact JWS (RFC 7515 §7.1), so nothing in it can be "
            "trusted."_s },
        { u"alg-none"_s,
            u"An unsigned token proves nothing about who made it; \"none\" is never accepted "
            "(RFC 8725 §2.1, §3.1)."_s },
        { u"alg-not-allowed"_s,
            u"Only algorithms the caller allowed, or that follow from the key type, are used: "
            "letting the token pick its algorithm enables substitution attacks such as RS256→HS256 "
            "(RFC 8725 §2.1, §3.1)."_s },
        { u"alg-key-mismatch"_s,
            u"A key is used with exactly one algorithm; using it with another one invites "
            "cross-algorithm attacks (RFC 8725 §3.1, RFC 7517 §4.4)."_s },
        { u"signature-invalid"_s,
            u"The signature does not match the header and payload: the token was altered or signed "
            "with another key."_s },
        { u"signature-format"_s,
            u"The signature does not have the exact encoding the algorithm requires (ECDSA: raw "
            "r||s of fixed length, RFC 7518 §3.4; RSA: the modulus length); alternative encodings "
            "are refused rather than guessed (RFC 8725 §3.4)."_s },
        { u"expired"_s,
            u"The token is past its expiry time (RFC 7519 §4.1.4); an expired token must not be "
            "accepted."_s },
        { u"not-yet-valid"_s,
            u"The token must not be accepted before its nbf time (RFC 7519 §4.1.5)."_s },
        { u"iat-in-future"_s,
            u"A token issued in the future points to a wrong clock or a forged token (RFC 7519 "
            "§4.1.6)."_s },
        { u"missing-exp"_s,
            u"Without exp the token never expires, so a leaked copy stays usable forever (RFC 8725 "
            "§3.10)."_s },
        { u"long-lifetime"_s,
            u"A long-lived token widens the window in which a leaked copy can be replayed (RFC "
            u"8725 "
            "§3.10)."_s },
        { u"issuer-mismatch"_s,
            u"The token was issued by someone other than the expected issuer (RFC 8725 §3.8)."_s },
        { u"audience-mismatch"_s,
            u"The token was meant for another recipient; accepting it enables substitution attacks "
            "(RFC 8725 §3.9)."_s },
        { u"embedded-jwk"_s,
            u"A key carried in the token itself would let anyone sign; it is reported and never "
            "used (RFC 8725 §3.10, RFC 7515 §4.1.3)."_s },
        { u"jku-header"_s,
            u"A key URL chosen by the token's author would let an attacker supply the key; it is "
            "reported and never fetched (RFC 8725 §3.10, RFC 7515 §4.1.2)."_s },
        { u"x5u-header"_s,
            u"A certificate URL chosen by the token's author is never fetched or trusted (RFC 8725 "
            "§3.10, RFC 7515 §4.1.5)."_s },
        { u"crit-unsupported"_s,
            u"The token marks header parameters as critical that this verifier does not implement, "
            "so it must be rejected (RFC 7515 §4.1.11)."_s },
        { u"b64-unencoded"_s,
            u"An unencoded payload (RFC 7797 b64=false) changes what is signed; it is not "
            "supported and such a token is not verified."_s },
        { u"weak-hmac-key"_s,
            u"An HMAC key shorter than the hash output can be brute-forced offline from a single "
            "token (RFC 7518 §3.2, RFC 8725 §3.5)."_s },
        { u"weak-rsa-key"_s,
            u"RSA keys under 2048 bits, or with a known weakness (ROCA, CVE-2017-15361), can be "
            "factored; signatures made with them prove nothing (RFC 7518 §3.3)."_s },
        { u"duplicate-member"_s,
            u"A JSON object with a duplicate member name means different things to different "
            "parsers, so it is rejected (RFC 7515 §4, RFC 8725 §3.4)."_s },
        { u"kid-unknown"_s,
            u"No given key has the token's kid; the token is not verified against a guessed "
            "key."_s },
        { u"nonce-mismatch"_s,
            u"The ID token's nonce does not match the request, which points to a replayed token "
            "(OpenID Connect Core §3.1.3.7)."_s },
        { u"x5c-header"_s,
            u"An embedded certificate chain is no more trusted than an embedded jwk: reported, "
            "never used to verify (RFC 8725 §3.10)."_s },
        { u"key-use-mismatch"_s,
            u"The key's use/key_ops does not allow verifying signatures (RFC 7517 §4.2–4.3)."_s },
        { u"invalid-key"_s,
            u"The key is not a valid key for any JWS algorithm, so it is not used (RFC 7517, RFC "
            "7518 §6)."_s },
        { u"ambiguous-key"_s,
            u"More than one key could apply; a verifier must know which key it uses (RFC 8725 "
            "§3.1)."_s },
        { u"typ-mismatch"_s,
            u"Explicit typing keeps one kind of JWT from being accepted as another (RFC 8725 "
            "§3.11)."_s },
        { u"claim-type"_s,
            u"A registered claim has the wrong JSON type (RFC 7519 §4.1); guessing its meaning "
            "would let parsers disagree."_s },
        { u"at-hash-mismatch"_s,
            u"An ID token's at_hash binds it to the access token issued with it; a mismatch "
            "means one of the two was swapped (OpenID Connect Core §3.1.3.8)."_s },
    };
    return entries;
}

Finding make(const QString &id, Severity severity, const QString &detail)
{
    const QString why = findingRationale(id);
    Q_ASSERT(!why.isEmpty());
    QString message = detail;
    if (!message.isEmpty() && !message.endsWith(u'.'))
        message += u'.';
    if (!why.isEmpty())
        message += (message.isEmpty() ? QString() : u" "_s) + why;
    return Finding { id, severity, message };
}

} // namespace

Finding Finding::error(const QString &id, const QString &detail)
{
    return make(id, Severity::Error, detail);
}

Finding Finding::warning(const QString &id, const QString &detail)
{
    return make(id, Severity::Warning, detail);
}

QJsonObject Finding::toJson() const
{
    return QJsonObject { { u"id"_s, id }, { u"severity"_s, severityName() },
        { u"message"_s, message } };
}

const QStringList &findingIds()
{
    static const QStringList ids = [] {
        QStringList l;
        for (const Entry &e : catalogue())
            l << e.id;
        return l;
    }();
    return ids;
}

QString findingRationale(const QString &id)
{
    static const QHash<QString, QString> byId = [] {
        QHash<QString, QString> h;
        for (const Entry &e : catalogue())
            h.insert(e.id, e.why);
        return h;
    }();
    return byId.value(id);
}

bool hasError(const Findings &findings)
{
    for (const Finding &f : findings)
        if (f.isError())
            return true;
    return false;
}

bool hasFinding(const Findings &findings, const QString &id)
{
    for (const Finding &f : findings)
        if (f.id == id)
            return true;
    return false;
}

QJsonArray toJson(const Findings &findings)
{
    QJsonArray a;
    for (const Finding &f : findings)
        a.append(f.toJson());
    return a;
}

} // namespace keyhaven::jose
