// jose/jwssigner.cpp — compact JWS signing.
#include "jose/jwssigner.h"

#include "jose/algorithm.h"
#include "jose/base64url.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace keyhaven::jose {

Result<QByteArray> signCompact(QByteArrayView payload, const Key &key, const SignOptions &options)
{
    if (isNone(options.alg))
        return Error::input(u"alg-none"_s, u"Refusing to make an unsigned (alg none) token."_s);
    const Algorithm *alg = findAlgorithm(options.alg);
    if (!alg)
        return Error::input(u"alg-not-allowed"_s,
            u"Unknown algorithm \"%1\" (HS256/384/512, RS256/384/512, PS256/384/512, "
            "ES256/384/512, EdDSA)."_s.arg(options.alg.left(32)));
    for (const Finding &f : key.problems())
        if (f.isError())
            return Error::input(f.id, f.message);
    if (!key.fits(*alg))
        return Error::input(u"alg-key-mismatch"_s,
            u"%1 does not fit a %2 key."_s.arg(alg->name,
                key.kindName() + (key.curve().isEmpty() ? QString() : u" "_s + key.curve())));
    if (!key.alg().isEmpty() && key.alg() != alg->name)
        return Error::input(u"alg-key-mismatch"_s,
            u"The key is for %1, not %2."_s.arg(key.alg().left(32), alg->name));
    if ((!key.use().isEmpty() && key.use() != u"sig"_s)
        || (key.hasKeyOps() && !key.keyOps().contains(u"sign"_s)))
        return Error::input(
            u"key-use-mismatch"_s, u"The key's use/key_ops does not allow signing."_s);
    if (alg->family == AlgFamily::Hmac && key.secret().size() < alg->hashBytes)
        return Error::input(u"weak-hmac-key"_s,
            u"The secret has %1 bytes; %2 needs at least %3 (RFC 7518 §3.2)."_s
                .arg(key.secret().size())
                .arg(alg->name)
                .arg(alg->hashBytes));
    if (!key.usable() || !key.hasPrivate())
        return Error::input(
            u"invalid-key"_s, u"Signing needs a private key or secret; this is a public key."_s);

    QJsonObject header = options.extraHeader;
    if (header.contains(u"alg"_s) && header.value(u"alg"_s).toString() != alg->name)
        return Error::input(u"alg-key-mismatch"_s,
            u"The extra header says alg %1, but --alg is %2."_s.arg(
                header.value(u"alg"_s).toString().left(32), alg->name));
    header.insert(u"alg"_s, alg->name);
    if (options.addTyp && !header.contains(u"typ"_s))
        header.insert(u"typ"_s, u"JWT"_s);
    if (!key.kid().isEmpty() && !header.contains(u"kid"_s))
        header.insert(u"kid"_s, key.kid());
    const QByteArray signingInput =
        base64url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64url::encode(payload);
    auto sig = createSignature(*alg, key, signingInput);
    if (!sig)
        return sig.error();
    return QByteArray(signingInput + '.' + base64url::encode(*sig));
}

} // namespace keyhaven::jose
