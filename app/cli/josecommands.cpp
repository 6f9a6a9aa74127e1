// cli/josecommands.cpp — decode, verify, sign, pkce (DESIGN.md keyhaven-cli contract).
//
// None of these touch the keychain, D-Bus or SQLite: decode and verify must stay fast one-shot
// commands. Keys come only from what the user names (rule 3): files, or for verify --jwks URL /
// --issuer URL the issuer's published key set (HTTPS unless loopback), never a token's jku/x5u.
#include "cli/cli.h"
#include "common/io.h"
#include "jose/algorithm.h"
#include "jose/base64url.h"
#include "jose/compactjws.h"
#include "jose/jwk.h"
#include "jose/jwssigner.h"
#include "jose/jwsverifier.h"
#include "jose/pkce.h"
#include "jose/strictjson.h"
#include "oauth/connectionmanager.h"
#include "oauth/jwkscache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QStringDecoder>

using namespace Qt::StringLiterals;
using namespace keyhaven::jose;

namespace keyhaven::cli {

namespace {

QCommandLineOption opt(const QString &name, const QString &help, const QString &value = {})
{
    return value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value);
}

// The token from the argument, or stdin for "-" or no argument.
Result<QByteArray> readToken(Invocation &inv)
{
    const QStringList pos = inv.positional();
    if (pos.size() > 1)
        return Error::input(u"usage"_s, u"Expected one token, got %1 arguments."_s.arg(pos.size()));
    QByteArray token;
    if (pos.isEmpty() || pos.first() == u"-"_s) {
        auto in = io::readFile(u"-"_s);
        if (!in)
            return in.error();
        token = *in;
    } else {
        token = pos.first().toUtf8();
        if (token.size() > io::kMaxInput)
            return Error::input(u"input-too-large"_s, u"The token is larger than 1 MiB."_s);
    }
    return token;
}

bool isUrl(const QString &s)
{
    return s.startsWith(u"http://"_s, Qt::CaseInsensitive)
        || s.startsWith(u"https://"_s, Qt::CaseInsensitive);
}

// In the token's member order at every depth (--json prints QJsonObjects: sorted, and JSON
// objects are unordered anyway).
QString jsonText(const QJsonObject &o, const strictjson::MemberOrder &order)
{
    return QString::fromUtf8(strictjson::toJson(o, order)).trimmed();
}

QString payloadText(const QByteArray &payload)
{
    QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = dec.decode(payload);
    if (!dec.hasError() && !payload.contains('\0'))
        return s;
    return u"(%1 bytes, not UTF-8) base64url: %2"_s.arg(payload.size())
        .arg(QString::fromLatin1(base64url::encode(payload.left(512))));
}

// Registered time claims, shown as UTC and relative to now.
void printTimes(QTextStream &out, const QJsonObject &claims, qint64 now)
{
    const struct
    {
        const char16_t *name;
        const char *label;
    } times[] = { { u"iat", "issued    " }, { u"nbf", "not before" }, { u"exp", "expires   " } };
    for (const auto &t : times) {
        const QJsonValue v = claims.value(QString::fromUtf16(t.name));
        if (!v.isDouble())
            continue;
        const qint64 secs = qint64(v.toDouble());
        QString rel = describeTime(secs, now);
        if (QStringView(t.name) == u"exp" && secs <= now)
            rel.replace(u"("_s, u"(expired "_s);
        out << "  " << t.label << "  " << rel << '\n';
    }
}

void printFindings(QTextStream &out, const Findings &findings)
{
    if (findings.isEmpty())
        return;
    out << "findings:\n";
    for (const Finding &f : findings)
        out << "  " << f.severityName().leftJustified(8) << f.id << ": " << f.message << '\n';
}

int exitFor(const Findings &findings, bool valid)
{
    if (hasFinding(findings, u"malformed"_s))
        return ExitUsage;
    return valid ? ExitOk : ExitInvalid;
}

// ---- decode -------------------------------------------------------------------------------

void runDecode(Invocation &inv)
{
    auto token = readToken(inv);
    if (!token)
        return inv.fail(token.error());
    DecodeOptions options;
    options.memberOrder = true;
    auto decoded = decodeCompact(*token, options);
    if (!decoded)
        return inv.fail(decoded.error());
    const DecodedJws &d = *decoded;
    const bool broken =
        hasFinding(d.findings, u"malformed"_s) || hasFinding(d.findings, u"duplicate-member"_s);
    if (inv.json()) {
        QJsonObject o { { u"header"_s, d.header },
            { u"claims"_s, d.hasClaims ? QJsonValue(d.claims) : QJsonValue(QJsonValue::Null) },
            { u"alg"_s, d.alg.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.alg) },
            { u"kid"_s, d.hasKid ? QJsonValue(d.kid) : QJsonValue(QJsonValue::Null) },
            { u"encrypted"_s, d.encrypted }, { u"verified"_s, false },
            { u"signature"_s, QString::fromLatin1(d.signatureSegment) },
            { u"findings"_s, toJson(d.findings) } };
        if (!d.hasClaims && d.payloadOk)
            o.insert(u"payload"_s, payloadText(d.payload));
        inv.printJson(o);
        return inv.finish(broken ? ExitUsage : ExitOk);
    }
    QTextStream &out = inv.out();
    if (d.encrypted)
        out << "encrypted JWE (5 segments): only the protected header can be shown\n";
    if (!d.header.isEmpty())
        out << "header:\n" << jsonText(d.header, d.headerOrder) << '\n';
    if (d.hasClaims) {
        out << "claims:\n" << jsonText(d.claims, d.claimsOrder) << '\n';
        printTimes(out, d.claims, QDateTime::currentSecsSinceEpoch());
    } else if (d.payloadOk) {
        out << "payload:\n" << payloadText(d.payload) << '\n';
    }
    if (d.signatureOk)
        out << "signature: " << d.signature.size()
            << " bytes (NOT verified: use 'keyhaven-cli verify')\n";
    printFindings(out, d.findings);
    out.flush();
    inv.finish(broken ? ExitUsage : ExitOk);
}

// ---- verify -------------------------------------------------------------------------------

Result<KeySet> keysFromOptions(Invocation &inv, bool tokenOnStdin)
{
    const int sources = int(inv.isSet(u"key"_s)) + int(inv.isSet(u"jwks"_s))
        + int(inv.isSet(u"secret-file"_s)) + int(inv.isSet(u"issuer"_s));
    if (sources != 1)
        return Error::input(u"usage"_s,
            u"Give exactly one of --key FILE, --jwks FILE, --secret-file FILE, --issuer URL."_s);
    if (inv.isSet(u"secret-file"_s)) {
        const QString path = inv.value(u"secret-file"_s);
        if (path == u"-"_s && tokenOnStdin)
            return Error::input(
                u"usage"_s, u"The token and the secret cannot both come from standard input."_s);
        auto bytes = io::readFile(path);
        if (!bytes)
            return bytes.error();
        // The raw bytes, as given (DESIGN.md): a trailing newline from `echo` is part of them.
        KeySet set;
        set.keys << Key::fromSecret(SecretBytes(std::move(*bytes)));
        return set;
    }
    const QString path = inv.isSet(u"key"_s) ? inv.value(u"key"_s) : inv.value(u"jwks"_s);
    if (path == u"-"_s && tokenOnStdin)
        return Error::input(
            u"usage"_s, u"The token and the key cannot both come from standard input."_s);
    auto bytes = io::readFile(path);
    if (!bytes)
        return bytes.error();
    auto set = loadKeyMaterial(*bytes);
    if (!set)
        return Error { set.error().id, path + u": "_s + set.error().message, set.error().kind };
    if (inv.isSet(u"jwks"_s) && !set->isSet)
        set->isSet = true; // a single JWK given as --jwks is a set of one: kid still selects
    return set;
}

Result<qint64> intOption(Invocation &inv, const QString &name, qint64 min)
{
    bool ok = false;
    const qint64 v = inv.value(name).toLongLong(&ok);
    if (!ok || v < min)
        return Error::input(
            u"usage"_s, u"--%1 needs a whole number (at least %2)."_s.arg(name).arg(min));
    return v;
}

void printVerdict(QTextStream &out, const VerifyResult &r, const VerifyOptions &o)
{
    out << (r.valid ? "VALID" : "INVALID");
    if (!r.alg.isEmpty())
        out << "  alg " << r.alg;
    if (!r.kid.isEmpty())
        out << "  kid " << r.kid;
    out << '\n';
    if (r.keyIndex >= 0) {
        const Key &k = o.keys.keys.at(r.keyIndex);
        out << "  key         " << k.kindName() << ' '
            << (k.curve().isEmpty() ? QString() : k.curve() + u" "_s)
            << (k.kind() == KeyKind::Oct ? QString() : u"%1-bit "_s.arg(k.bits())) << '('
            << k.source() << ')';
        if (!k.kid().isEmpty())
            out << " kid " << k.kid();
        if (!k.thumbprint().isEmpty())
            out << " thumbprint " << k.thumbprint();
        out << '\n';
    }
    for (const char16_t *name : { u"iss", u"sub", u"aud" }) {
        const QJsonValue v = r.claims.value(QString::fromUtf16(name));
        if (v.isString())
            out << "  " << QString::fromUtf16(name).leftJustified(10) << "  " << v.toString()
                << '\n';
        else if (v.isArray())
            out << "  " << QString::fromUtf16(name).leftJustified(10) << "  "
                << QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
                << '\n';
    }
    printTimes(out, r.claims, o.clock.nowEpoch());
    printFindings(out, r.findings);
}

void verifyRemote(Invocation &inv, VerifyOptions o, QByteArray token);
void verifyAndReport(Invocation &inv, const VerifyOptions &o, const QByteArray &token);

void runVerify(Invocation &inv)
{
    const QStringList pos = inv.positional();
    const bool tokenOnStdin = pos.isEmpty() || pos.first() == u"-"_s;
    VerifyOptions o;
    if (inv.isSet(u"alg"_s)) {
        for (const QString &a : inv.value(u"alg"_s).split(u',', Qt::SkipEmptyParts)) {
            const QString alg = a.trimmed();
            if (!findAlgorithm(alg) && !isNone(alg))
                return inv.usage(u"unknown algorithm '%1' for --alg."_s.arg(alg));
            o.allowedAlgs << alg;
        }
        if (o.allowedAlgs.isEmpty())
            return inv.usage(u"--alg needs at least one algorithm."_s);
    }
    if (inv.isSet(u"leeway"_s)) {
        auto v = intOption(inv, u"leeway"_s, 0);
        if (!v)
            return inv.usage(v.error().message);
        o.leeway = *v;
    }
    if (inv.isSet(u"now"_s)) {
        auto v = intOption(inv, u"now"_s, 0);
        if (!v)
            return inv.usage(v.error().message);
        o.clock = Clock::fixedEpoch(*v);
    }
    o.issuer = inv.value(u"iss"_s);
    for (const QString &a : inv.values(u"aud"_s))
        o.audiences << a;
    o.typ = inv.value(u"typ"_s);
    const bool remote =
        inv.isSet(u"issuer"_s) || (inv.isSet(u"jwks"_s) && isUrl(inv.value(u"jwks"_s)));
    if (remote) {
        const int sources = int(inv.isSet(u"key"_s)) + int(inv.isSet(u"jwks"_s))
            + int(inv.isSet(u"secret-file"_s)) + int(inv.isSet(u"issuer"_s));
        if (sources != 1)
            return inv.usage(u"Give exactly one of --key FILE, --jwks FILE, --secret-file FILE, "
                             "--issuer URL."_s);
        auto token = readToken(inv);
        if (!token)
            return inv.fail(token.error());
        return verifyRemote(inv, std::move(o), std::move(*token));
    }
    auto keys = keysFromOptions(inv, tokenOnStdin);
    if (!keys) {
        if (keys.error().id == u"usage"_s)
            return inv.usage(keys.error().message);
        return inv.fail(keys.error());
    }
    o.keys = std::move(*keys);
    auto token = readToken(inv);
    if (!token)
        return inv.fail(token.error());
    verifyAndReport(inv, o, *token);
}

// The key set from a URL: the issuer's jwks_uri found through discovery (whose issuer must match
// exactly; it also becomes the expected iss unless --iss says otherwise), or --jwks URL.
void verifyRemote(Invocation &inv, VerifyOptions o, QByteArray token)
{
    auto *network = new QNetworkAccessManager(&inv);
    auto *manager = new oauth::ConnectionManager(nullptr, network, &inv);
    auto withKeys = [&inv, manager, token](VerifyOptions o, const QUrl &jwksUri) {
        // No kid filter: a kid missing from the set becomes the verifier's kid-unknown finding.
        manager->jwksCache()->keysFor(
            jwksUri, QString(), &inv, [&inv, o, token](Result<jose::KeySet> keys) mutable {
                if (!keys)
                    return inv.fail(keys.error());
                o.keys = std::move(*keys);
                o.keys.isSet = true;
                verifyAndReport(inv, o, token);
            });
    };
    if (inv.isSet(u"jwks"_s))
        return withKeys(std::move(o), QUrl(inv.value(u"jwks"_s)));
    const QString issuer = inv.value(u"issuer"_s);
    manager->discover(issuer, &inv,
        [&inv, o = std::move(o), issuer, withKeys](Result<oauth::ServerMetadata> metadata) mutable {
            if (!metadata)
                return inv.fail(metadata.error());
            if (o.issuer.isEmpty())
                o.issuer = metadata->issuer;
            withKeys(std::move(o), metadata->jwksUri);
        });
}

void verifyAndReport(Invocation &inv, const VerifyOptions &o, const QByteArray &token)
{
    auto r = verify(token, o);
    if (!r)
        return inv.fail(r.error());
    if (inv.json()) {
        inv.printJson(QJsonObject { { u"valid"_s, r->valid },
            { u"alg"_s, r->alg.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r->alg) },
            { u"kid"_s, r->kid.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r->kid) },
            { u"header"_s, r->header }, { u"claims"_s, r->claims },
            { u"findings"_s, toJson(r->findings) } });
    } else {
        printVerdict(inv.out(), *r, o);
        inv.out().flush();
    }
    inv.finish(exitFor(r->findings, r->valid));
}

// ---- sign ---------------------------------------------------------------------------------

void runSign(Invocation &inv)
{
    const QStringList pos = inv.positional();
    if (pos.size() != 1)
        return inv.usage(u"expected PAYLOAD_JSON or '-' (standard input)."_s);
    if (!inv.isSet(u"alg"_s))
        return inv.usage(u"--alg is required."_s);
    if (inv.isSet(u"key"_s) == inv.isSet(u"secret-file"_s))
        return inv.usage(u"give exactly one of --key FILE and --secret-file FILE."_s);
    const bool payloadOnStdin = pos.first() == u"-"_s;
    const QString keyPath = inv.isSet(u"key"_s) ? inv.value(u"key"_s) : inv.value(u"secret-file"_s);
    if (payloadOnStdin && keyPath == u"-"_s)
        return inv.usage(u"the payload and the key cannot both come from standard input."_s);

    auto keyBytes = io::readFile(keyPath);
    if (!keyBytes)
        return inv.fail(keyBytes.error());
    Key key;
    if (inv.isSet(u"secret-file"_s)) {
        key = Key::fromSecret(SecretBytes(std::move(*keyBytes)));
    } else {
        auto set = loadKeyMaterial(*keyBytes);
        SecretBytes::wipe(*keyBytes);
        if (!set)
            return inv.fail(set.error());
        if (set->keys.size() != 1)
            return inv.fail(Error::input(u"ambiguous-key"_s,
                u"The key file holds %1 keys; give one key to sign with."_s.arg(set->keys.size())));
        key = set->keys.first();
    }

    QByteArray payload;
    if (payloadOnStdin) {
        auto in = io::readFile(u"-"_s);
        if (!in)
            return inv.fail(in.error());
        payload = in->trimmed();
    } else {
        payload = pos.first().toUtf8().trimmed();
    }
    if (auto claims = strictjson::parseObject(payload); !claims)
        return inv.fail(Error::input(claims.error().id, u"Payload: "_s + claims.error().message));

    SignOptions s;
    s.alg = inv.value(u"alg"_s);
    if (inv.isSet(u"header"_s)) {
        auto header = strictjson::parseObject(inv.value(u"header"_s).toUtf8());
        if (!header)
            return inv.fail(
                Error::input(header.error().id, u"--header: "_s + header.error().message));
        s.extraHeader = *header;
    }
    auto token = signCompact(payload, key, s);
    if (!token)
        return inv.fail(token.error());
    inv.writeRaw(QByteArray(*token + '\n'));
    inv.finish(ExitOk);
}

// ---- pkce ---------------------------------------------------------------------------------

void runPkce(Invocation &inv)
{
    QByteArray verifier;
    if (inv.isSet(u"verifier"_s)) {
        verifier = inv.value(u"verifier"_s).toUtf8();
        if (auto ok = pkce::validateVerifier(verifier); !ok)
            return inv.fail(ok.error());
    } else {
        int length = 64;
        if (inv.isSet(u"length"_s)) {
            bool ok = false;
            length = inv.value(u"length"_s).toInt(&ok);
            if (!ok)
                return inv.usage(u"--length needs a number from 43 to 128."_s);
        }
        auto v = pkce::generateVerifier(length);
        if (!v)
            return inv.fail(v.error());
        verifier = *v;
    }
    const QByteArray challenge = pkce::challengeS256(verifier);
    if (inv.json()) {
        inv.printJson(QJsonObject { { u"code_verifier"_s, QString::fromLatin1(verifier) },
            { u"code_challenge"_s, QString::fromLatin1(challenge) },
            { u"code_challenge_method"_s, u"S256"_s } });
    } else {
        inv.out() << "code_verifier          " << QString::fromLatin1(verifier) << '\n'
                  << "code_challenge         " << QString::fromLatin1(challenge) << '\n'
                  << "code_challenge_method  S256\n";
        inv.out().flush();
    }
    inv.finish(ExitOk);
}

} // namespace

QList<Command> joseCommands()
{
    QList<Command> commands;
    commands << Command { { u"decode"_s }, u"[TOKEN|-] [--json]"_s,
        u"Show a JWT's header and claims without verifying it."_s, { jsonOption() }, { u"TOKEN"_s },
        runDecode,
        u"The token comes from the argument, or from standard input for '-' or no argument; "
        "surrounding whitespace and a leading 'Bearer ' are ignored. Nothing is verified. "
        "Exit 0 when it decodes, 2 when it is malformed."_s };

    commands << Command { { u"verify"_s },
        u"[TOKEN|-] (--key FILE | --jwks FILE | --secret-file FILE | --issuer URL) [--alg "
        u"ALG[,ALG]] "
        "[--iss ISS] [--aud AUD] [--typ TYP] [--leeway SECONDS] [--now EPOCH] [--json]"_s,
        u"Verify a JWT's signature and claims, strictly."_s,
        { opt(u"key"_s, u"PEM (public key, private key, certificate) or JWK/JWKS file."_s,
              u"FILE"_s),
            opt(u"jwks"_s,
                u"JWKS file or URL (HTTPS unless loopback); the token's kid selects the key."_s,
                u"FILE|URL"_s),
            opt(u"secret-file"_s,
                u"File ('-' for stdin) holding the raw HMAC secret bytes (all of them, including "
                u"any "
                "trailing newline)."_s,
                u"FILE"_s),
            opt(u"issuer"_s, u"OIDC issuer: its keys through discovery; also the expected iss."_s,
                u"URL"_s),
            opt(u"alg"_s,
                u"Allowed algorithms, comma-separated (default: those the key type fits)."_s,
                u"ALG"_s),
            opt(u"iss"_s, u"Expected issuer."_s, u"ISS"_s),
            opt(u"aud"_s, u"Expected audience (repeat for several; one must match)."_s, u"AUD"_s),
            opt(u"typ"_s, u"Expected typ header (e.g. at+jwt)."_s, u"TYP"_s),
            opt(u"leeway"_s, u"Clock skew allowed for exp/nbf/iat, in seconds (default 60)."_s,
                u"SECONDS"_s),
            opt(u"now"_s, u"Check the times as of this Unix time."_s, u"EPOCH"_s), jsonOption() },
        { u"TOKEN"_s }, runVerify,
        u"Algorithms come from --alg or follow from the key type; 'none' never verifies; jku, x5u, "
        "x5c and embedded jwk headers are reported and never fetched or trusted. Exit codes: 0 "
        "valid, 1 invalid, 2 usage or malformed token, 3 environment."_s };

    commands << Command { { u"sign"_s },
        u"--alg ALG (--key FILE | --secret-file FILE) [--header JSON] PAYLOAD_JSON|-"_s,
        u"Sign a JSON payload into a compact JWS (JWT)."_s,
        { opt(u"alg"_s, u"HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512 or EdDSA."_s,
              u"ALG"_s),
            opt(u"key"_s,
                u"Private key: PEM (PKCS#8 or traditional) or JWK with private members."_s,
                u"FILE"_s),
            opt(u"secret-file"_s, u"File ('-' for stdin) holding the raw HMAC secret bytes."_s,
                u"FILE"_s),
            opt(u"header"_s, u"Extra protected header members, as a JSON object."_s, u"JSON"_s) },
        { u"PAYLOAD_JSON"_s }, runSign,
        u"Prints the token on standard output. Keys that verification would refuse (RSA under 2048 "
        "bits, HMAC secrets shorter than the hash) are refused for signing too."_s };

    commands << Command { { u"pkce"_s }, u"[--verifier VERIFIER] [--length N] [--json]"_s,
        u"Make (or check) an RFC 7636 PKCE code verifier and its S256 challenge."_s,
        { opt(u"verifier"_s, u"Use this code verifier instead of a random one (it is validated)."_s,
              u"VERIFIER"_s),
            opt(u"length"_s, u"Length of a random verifier, 43 to 128 (default 64)."_s, u"N"_s),
            jsonOption() },
        {}, runPkce };
    return commands;
}

} // namespace keyhaven::cli
