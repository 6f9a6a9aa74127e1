// jose/inspection.cpp — turns a token into the inspector's segments, explained tree and lifetime.
#include "jose/inspection.h"

#include "common/io.h"
#include "jose/compactjws.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace keyhaven::jose {

namespace {

// Registered names (RFC 7515 §4.1, RFC 7516 §4.1, RFC 7797, RFC 7519 §4.1, OpenID Connect
// Core §2 and §5.1, RFC 8693, RFC 9068, RFC 8705), in plain words.
const QHash<QString, QString> &headerTexts()
{
    static const QHash<QString, QString> texts {
        { u"alg"_s,
            u"Algorithm the issuer says it signed with. A verifier must not simply believe it: "
            "the allowed algorithms come from the key (RFC 7515 §4.1.1, RFC 8725 §3.1)."_s },
        { u"typ"_s,
            u"Media type of the whole token, e.g. \"JWT\" or \"at+jwt\" for an access token; "
            "explicit types keep one kind of token from passing as another (RFC 8725 §3.11)."_s },
        { u"cty"_s,
            u"Content type of the payload; \"JWT\" means the payload is itself a nested token "
            "(RFC 7515 §4.1.10)."_s },
        { u"kid"_s,
            u"Key id: a hint which of the issuer's keys signed the token. It only selects among "
            "keys you trust, it proves nothing by itself (RFC 7515 §4.1.4)."_s },
        { u"jku"_s,
            u"A URL of a key set chosen by whoever made the token. Never fetched: an attacker "
            "could point it at their own keys (RFC 8725 §3.10)."_s },
        { u"jwk"_s,
            u"A public key embedded in the token. Never used to verify: anyone can embed a key "
            "they signed with themselves (RFC 8725 §3.10)."_s },
        { u"x5u"_s, u"A URL of an X.509 certificate chain. Never fetched (RFC 7515 §4.1.5)."_s },
        { u"x5c"_s,
            u"An embedded X.509 certificate chain. Not trusted more than an embedded key "
            "(RFC 7515 §4.1.6)."_s },
        { u"x5t"_s, u"SHA-1 thumbprint of the signing certificate (RFC 7515 §4.1.7)."_s },
        { u"x5t#S256"_s, u"SHA-256 thumbprint of the signing certificate (RFC 7515 §4.1.8)."_s },
        { u"crit"_s,
            u"Header parameters the verifier must understand, or else reject the token "
            "(RFC 7515 §4.1.11)."_s },
        { u"b64"_s,
            u"false means the payload is not base64url-encoded (RFC 7797); such tokens are not "
            "verified here."_s },
        { u"enc"_s,
            u"Content encryption algorithm of an encrypted token (JWE, RFC 7516 §4.1.2)."_s },
        { u"zip"_s, u"The encrypted content was compressed first (RFC 7516 §4.1.3)."_s },
        { u"epk"_s, u"Ephemeral public key for ECDH key agreement (RFC 7518 §4.6.1.1)."_s },
        { u"apu"_s, u"Agreement PartyUInfo for ECDH (RFC 7518 §4.6.1.2)."_s },
        { u"apv"_s, u"Agreement PartyVInfo for ECDH (RFC 7518 §4.6.1.3)."_s },
        { u"iv"_s, u"Initialization vector for AES-GCM key wrapping (RFC 7518 §4.7.1.1)."_s },
        { u"tag"_s, u"Authentication tag for AES-GCM key wrapping (RFC 7518 §4.7.1.2)."_s },
        { u"p2s"_s, u"Salt for password-based key wrapping (RFC 7518 §4.8.1.1)."_s },
        { u"p2c"_s, u"Iteration count for password-based key wrapping (RFC 7518 §4.8.1.2)."_s },
    };
    return texts;
}

const QHash<QString, QString> &claimTexts()
{
    static const QHash<QString, QString> texts {
        { u"iss"_s,
            u"Issuer: who made and signed the token, usually the login server's URL "
            "(RFC 7519 §4.1.1)."_s },
        { u"sub"_s,
            u"Subject: whom the token is about — a user or service id, unique at the issuer "
            "(RFC 7519 §4.1.2)."_s },
        { u"aud"_s,
            u"Audience: the recipients the token is meant for. An API must refuse a token meant "
            "for someone else (RFC 7519 §4.1.3)."_s },
        { u"exp"_s,
            u"Expiration time: the token must not be accepted from this moment on "
            "(RFC 7519 §4.1.4)."_s },
        { u"nbf"_s,
            u"Not before: the token must not be accepted before this moment (RFC 7519 "
            "§4.1.5)."_s },
        { u"iat"_s, u"Issued at: when the token was made (RFC 7519 §4.1.6)."_s },
        { u"jti"_s,
            u"JWT id: a unique id of this token, so that a server can refuse to see it twice "
            "(RFC 7519 §4.1.7)."_s },
        { u"azp"_s,
            u"Authorized party: the client the ID token was issued to (OpenID Connect Core "
            "§2)."_s },
        { u"scope"_s,
            u"The permissions granted, separated by spaces (RFC 8693 §4.2, RFC 9068 §2.2.3)."_s },
        { u"scp"_s, u"The permissions granted (a common non-standard spelling of scope)."_s },
        { u"client_id"_s, u"The OAuth client the token was issued to (RFC 8693 §4.3)."_s },
        { u"nonce"_s,
            u"A random value from the login request, echoed back so that a replayed ID token "
            "is detected (OpenID Connect Core §2)."_s },
        { u"at_hash"_s,
            u"Left half of the hash of the access token issued with this ID token; binds the "
            "two together (OpenID Connect Core §3.1.3.6)."_s },
        { u"c_hash"_s,
            u"Left half of the hash of the authorization code (OpenID Connect Core §3.3.2.11)."_s },
        { u"auth_time"_s,
            u"When the user actually signed in, which may be long before the token was issued "
            "(OpenID Connect Core §2)."_s },
        { u"acr"_s,
            u"Authentication context class: how strongly the user signed in (OpenID "
            "Connect Core §2)."_s },
        { u"amr"_s, u"Authentication methods used, e.g. \"pwd\", \"otp\", \"mfa\" (RFC 8176)."_s },
        { u"sid"_s,
            u"Session id at the issuer, for logout (OpenID Connect Front-Channel "
            "Logout §3)."_s },
        { u"cnf"_s,
            u"Confirmation: the key or certificate the token is bound to (proof of possession, "
            "RFC 7800, RFC 8705)."_s },
        { u"act"_s,
            u"Actor: who acts on behalf of the subject (token exchange, RFC 8693 "
            "§4.1)."_s },
        { u"may_act"_s, u"Who may act on behalf of the subject (RFC 8693 §4.4)."_s },
        { u"name"_s, u"The user's full name (OpenID Connect Core §5.1)."_s },
        { u"given_name"_s, u"The user's given name (OpenID Connect Core §5.1)."_s },
        { u"family_name"_s, u"The user's family name (OpenID Connect Core §5.1)."_s },
        { u"preferred_username"_s,
            u"The name the user likes to be called by; not unique, never an id (OpenID Connect "
            "Core §5.1)."_s },
        { u"email"_s, u"The user's e-mail address (OpenID Connect Core §5.1)."_s },
        { u"email_verified"_s,
            u"Whether the issuer checked the e-mail address (OpenID Connect "
            "Core §5.1)."_s },
        { u"roles"_s, u"Roles granted to the subject (RFC 9068 §2.2.3.1)."_s },
        { u"groups"_s, u"Groups the subject belongs to (RFC 9068 §2.2.3.1)."_s },
        { u"entitlements"_s, u"Entitlements of the subject (RFC 9068 §2.2.3.1)."_s },
    };
    return texts;
}

bool isTimeClaim(const QString &name)
{
    return name == u"exp"_s || name == u"nbf"_s || name == u"iat"_s || name == u"auth_time"_s;
}

// A JSON number as people write it: 1700000000, not 1.7e+09.
QString numberText(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 17);
}

QString timeText(const QString &claim, qint64 t, qint64 now)
{
    const QString rel = relativeTime(t, now);
    QString phrase;
    if (claim == u"exp"_s)
        phrase = t > now ? u"expires %1"_s.arg(rel) : u"expired %1"_s.arg(rel);
    else if (claim == u"nbf"_s)
        phrase = t > now ? u"becomes valid %1"_s.arg(rel) : u"valid since %1"_s.arg(rel);
    else if (claim == u"iat"_s)
        phrase = t > now ? u"issued %1 — in the future"_s.arg(rel) : u"issued %1"_s.arg(rel);
    else
        phrase = rel;
    return phrase + u" \u00b7 "_s + localTime(t);
}

InspectedMember member(const QString &name, const QJsonValue &value, const QString &explanation,
    bool timeClaim, qint64 now, int depth, strictjson::MemberOrderCursor &order)
{
    InspectedMember m;
    m.name = name;
    m.value = value;
    m.explanation = explanation;
    switch (value.type()) {
    case QJsonValue::String:
        m.display = value.toString();
        break;
    case QJsonValue::Double:
        m.display = numberText(value.toDouble());
        if (timeClaim && std::isfinite(value.toDouble()))
            m.time = timeText(name, qint64(value.toDouble()), now);
        break;
    case QJsonValue::Bool:
        m.display = value.toBool() ? u"true"_s : u"false"_s;
        break;
    case QJsonValue::Null:
        m.display = u"null"_s;
        break;
    case QJsonValue::Array: {
        const QJsonArray a = value.toArray();
        m.display = a.size() == 1 ? u"[1 item]"_s : u"[%1 items]"_s.arg(a.size());
        if (depth < 32) {
            for (qsizetype i = 0; i < a.size(); ++i)
                m.children << member(
                    u"[%1]"_s.arg(i), a.at(i), QString(), false, now, depth + 1, order);
        } else {
            order.skip(value);
        }
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        m.display = o.size() == 1 ? u"{1 member}"_s : u"{%1 members}"_s.arg(o.size());
        if (depth < 32) {
            for (const QString &key : order.next(o))
                m.children << member(key, o.value(key), QString(), false, now, depth + 1, order);
        } else {
            order.skip(value);
        }
        break;
    }
    case QJsonValue::Undefined:
        break;
    }
    return m;
}

QList<InspectedMember> members(const QJsonObject &object, const strictjson::MemberOrder &order,
    const QHash<QString, QString> &texts, bool claims, qint64 now)
{
    strictjson::MemberOrderCursor cursor(order);
    const QStringList names = cursor.next(object);
    QList<InspectedMember> out;
    out.reserve(names.size());
    for (const QString &name : names) {
        out << member(name, object.value(name), texts.value(name), claims && isTimeClaim(name), now,
            0, cursor);
    }
    return out;
}

std::optional<qint64> numericDate(const QJsonObject &claims, const QString &name)
{
    const QJsonValue v = claims.value(name);
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return std::nullopt;
    return qint64(v.toDouble());
}

Lifetime lifetimeOf(const QJsonObject &claims, qint64 now)
{
    Lifetime l;
    l.now = now;
    l.iat = numericDate(claims, u"iat"_s);
    l.nbf = numericDate(claims, u"nbf"_s);
    l.exp = numericDate(claims, u"exp"_s);
    if (l.nbf && now < *l.nbf) {
        l.state = Lifetime::State::NotYetValid;
        l.summary = u"not valid yet: becomes valid %1"_s.arg(relativeTime(*l.nbf, now));
    } else if (!l.exp) {
        l.state = Lifetime::State::NoExpiry;
        l.summary = u"never expires (no exp claim)"_s;
    } else if (now >= *l.exp) {
        l.state = Lifetime::State::Expired;
        l.summary = u"expired %1"_s.arg(relativeTime(*l.exp, now));
    } else {
        l.state = Lifetime::State::Valid;
        l.summary = u"expires %1"_s.arg(relativeTime(*l.exp, now));
    }
    return l;
}

} // namespace

qint64 Lifetime::start() const
{
    qint64 s = now;
    for (const auto &t : { iat, nbf, exp })
        if (t)
            s = std::min(s, *t);
    return s;
}

qint64 Lifetime::end() const
{
    qint64 e = now;
    for (const auto &t : { iat, nbf, exp })
        if (t)
            e = std::max(e, *t);
    return e;
}

double Lifetime::position(qint64 t) const
{
    const qint64 s = start();
    const qint64 e = end();
    if (e <= s)
        return 0.5;
    return std::clamp(double(t - s) / double(e - s), 0.0, 1.0);
}

QString relativeTime(qint64 epoch, qint64 now)
{
    if (epoch == now)
        return u"now"_s;
    return epoch > now ? u"in %1"_s.arg(describeDuration(epoch - now))
                       : u"%1 ago"_s.arg(describeDuration(now - epoch));
}

QString localTime(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::LocalTime).toString(u"yyyy-MM-dd HH:mm:ss t"_s);
}

QString explainHeaderParameter(const QString &name) { return headerTexts().value(name); }

QString explainClaim(const QString &name) { return claimTexts().value(name); }

namespace {
// "RFC 8725 §3.10" in a finding's rationale: the first RFC section it names.
QRegularExpressionMatch firstRfcSection(const QString &id)
{
    static const QRegularExpression re(u"RFC (\\d{4}) §(\\d+(?:\\.\\d+)*)"_s);
    return re.match(findingRationale(id));
}
} // namespace

QString findingReferenceText(const QString &id)
{
    const QRegularExpressionMatch m = firstRfcSection(id);
    return m.hasMatch() ? m.captured(0) : QString();
}

QUrl findingReference(const QString &id)
{
    const QRegularExpressionMatch m = firstRfcSection(id);
    if (!m.hasMatch())
        return {};
    return QUrl(
        u"https://www.rfc-editor.org/rfc/rfc%1#section-%2"_s.arg(m.captured(1), m.captured(2)));
}

QList<Segment> segmentRanges(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    if (text.size() - i > 7 && text.sliced(i, 7).compare(u"bearer ", Qt::CaseInsensitive) == 0) {
        i += 7;
        while (i < text.size() && text.at(i).isSpace())
            ++i;
    }
    qsizetype end = text.size();
    while (end > i && text.at(end - 1).isSpace())
        --end;
    QList<Segment> out;
    if (end <= i)
        return out;
    const qsizetype dots = text.sliced(i, end - i).count(u'.');
    static constexpr Segment::Role jws[] = { Segment::Role::Header, Segment::Role::Payload,
        Segment::Role::Signature };
    static constexpr Segment::Role jwe[] = { Segment::Role::Header, Segment::Role::EncryptedKey,
        Segment::Role::Iv, Segment::Role::Ciphertext, Segment::Role::Tag };
    qsizetype start = i;
    int index = 0;
    for (qsizetype p = i; p <= end; ++p) {
        if (p == end || text.at(p) == u'.') {
            Segment s;
            s.start = start;
            s.length = p - start;
            if (dots == 4)
                s.role = jwe[index];
            else
                s.role = index < 3 ? jws[index] : Segment::Role::Extra;
            out << s;
            ++index;
            start = p + 1;
        }
    }
    return out;
}

QString Inspection::summary() const
{
    switch (kind) {
    case Kind::Empty:
        return u"Paste or drop a token."_s;
    case Kind::TooLarge:
    case Kind::Malformed:
        return error;
    case Kind::Jwe:
        return u"Encrypted token (JWE): its content cannot be read without the key."_s;
    case Kind::Jws:
        break;
    }
    QString s = alg == u"none"_s ? u"Unsigned JWT (alg none)"_s
                                 : u"Signed JWT (%1)"_s.arg(alg.isEmpty() ? u"?"_s : alg);
    if (!kid.isEmpty())
        s += u", key id \u201c%1\u201d"_s.arg(kid.left(80));
    if (!claimsObject.isEmpty() || lifetime.state != Lifetime::State::Unknown)
        s += u" \u00b7 "_s + lifetime.summary;
    return s;
}

QByteArray Inspection::claimsJson() const { return strictjson::toJson(claimsObject, claimsOrder); }

Inspection inspect(QByteArrayView input, const Clock &clock)
{
    Inspection r;
    const qint64 now = clock.nowEpoch();
    r.lifetime.now = now;
    DecodeOptions options;
    options.memberOrder = true;
    auto decoded = decodeCompact(input, options);
    if (!decoded) {
        r.kind = Inspection::Kind::TooLarge;
        r.error = decoded.error().message;
        return r;
    }
    const DecodedJws &d = *decoded;
    r.token = d.token;
    r.findings = d.findings;
    if (d.token.isEmpty()) {
        r.kind = Inspection::Kind::Empty;
        return r;
    }
    r.header = members(d.header, d.headerOrder, headerTexts(), false, now);
    r.alg = d.header.value(u"alg"_s).toString();
    r.kid = d.header.value(u"kid"_s).toString();
    r.typ = d.header.value(u"typ"_s).toString();
    if (d.encrypted) {
        r.kind = Inspection::Kind::Jwe;
        return r;
    }
    r.kind = d.headerOk ? Inspection::Kind::Jws : Inspection::Kind::Malformed;
    if (d.hasClaims) {
        r.claimsObject = d.claims;
        r.claimsOrder = d.claimsOrder;
        r.claims = members(d.claims, d.claimsOrder, claimTexts(), true, now);
        r.lifetime = lifetimeOf(d.claims, now);
    }
    if (!d.headerOk || !d.hasClaims) {
        // The first structural error says why the token cannot be read in full.
        for (const Finding &f : d.findings) {
            if (f.isError() && f.id != u"b64-unencoded"_s && f.id != u"crit-unsupported"_s) {
                r.error = f.message.section(u". "_s, 0, 0);
                if (!r.error.endsWith(u'.'))
                    r.error += u'.';
                break;
            }
        }
        if (r.error.isEmpty() && !d.hasClaims)
            r.error = u"The payload is not a JSON object of claims."_s;
    }
    return r;
}

Result<KeySet> keysFromMaterial(QByteArrayView material)
{
    const QByteArrayView t = material.trimmed();
    if (t.isEmpty())
        return Error::input(u"no-key"_s, u"No key was given."_s);
    if (t.size() > io::kMaxInput)
        return Error::input(u"input-too-large"_s, u"Key material over 1 MiB is refused."_s);
    if (t.startsWith('{') || t.startsWith("-----BEGIN"))
        return loadKeyMaterial(t);
    // Anything else is the raw secret of an HMAC key, as given (not trimmed: every byte counts).
    KeySet set;
    set.keys << Key::fromSecret(SecretBytes::copyOf(material));
    return set;
}

InspectOutcome inspectAndVerify(const InspectRequest &request)
{
    InspectOutcome out;
    out.inspection = inspect(request.token, request.clock);
    if (request.keyMaterial.isEmpty() || out.inspection.kind == Inspection::Kind::Empty
        || out.inspection.kind == Inspection::Kind::TooLarge)
        return out;
    auto keys = keysFromMaterial(request.keyMaterial.view());
    if (!keys) {
        out.verifyError = keys.error().message;
        return out;
    }
    VerifyOptions options;
    options.keys = *keys;
    options.allowedAlgs = request.allowedAlgs;
    options.issuer = request.expectedIssuer;
    options.clock = request.clock;
    auto verdict = verify(request.token, options);
    if (!verdict) {
        out.verifyError = verdict.error().message;
        return out;
    }
    out.verified = true;
    out.verdict = *verdict;
    return out;
}

} // namespace keyhaven::jose
