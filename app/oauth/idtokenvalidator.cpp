// oauth/idtokenvalidator.cpp — OpenID Connect ID token validation (OIDC Core §3.1.3.7).
#include "oauth/idtokenvalidator.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace keyhaven::oauth {

QString halfHash(const QString &alg, QByteArrayView value)
{
    QCryptographicHash::Algorithm hash;
    if (alg.endsWith(u"256"_s))
        hash = QCryptographicHash::Sha256;
    else if (alg.endsWith(u"384"_s))
        hash = QCryptographicHash::Sha384;
    else if (alg.endsWith(u"512"_s) || alg == u"EdDSA"_s)
        hash = QCryptographicHash::Sha512;
    else
        return {};
    const QByteArray digest = QCryptographicHash::hash(value, hash);
    return QString::fromLatin1(
        digest.left(digest.size() / 2)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<jose::VerifyResult> validateIdToken(
    QByteArrayView idToken, const jose::KeySet &issuerKeys, const IdTokenExpectations &expected)
{
    jose::VerifyOptions options;
    options.keys = issuerKeys;
    options.allowedAlgs = expected.allowedAlgs;
    options.allowedAlgs.removeAll(u"none"_s);
    if (options.allowedAlgs.isEmpty())
        options.allowedAlgs = { u"RS256"_s };
    options.issuer = expected.issuer;
    options.audiences = { expected.clientId };
    options.leeway = expected.leeway;
    options.clock = expected.clock;
    Result<jose::VerifyResult> verified = jose::verify(idToken, options);
    if (!verified)
        return verified;
    jose::VerifyResult r = std::move(*verified);
    if (r.malformed() || r.encrypted)
        return r;

    const QJsonObject &c = r.claims;
    // exp is REQUIRED in an ID token: what the JOSE layer reports as a warning is an error here.
    for (jose::Finding &f : r.findings)
        if (f.id == u"missing-exp"_s)
            f.severity = jose::Severity::Error;
    if (!c.value(u"iat"_s).isDouble())
        r.findings << jose::Finding::error(u"claim-type"_s,
            u"An ID token must carry iat as a number (OIDC Core "
            "§2)."_s);
    if (c.value(u"sub"_s).toString().isEmpty())
        r.findings << jose::Finding::error(
            u"claim-type"_s, u"An ID token must name its subject (sub)."_s);

    const QJsonValue aud = c.value(u"aud"_s);
    const QString azp = c.value(u"azp"_s).toString();
    const bool severalAudiences = aud.isArray() && aud.toArray().size() > 1;
    if ((!azp.isEmpty() && azp != expected.clientId) || (severalAudiences && azp.isEmpty()))
        r.findings << jose::Finding::error(u"audience-mismatch"_s,
            azp.isEmpty()
                ? u"The ID token names several audiences but no authorized party "
                  "(azp)."_s
                : u"The ID token was issued to the party \"%1\", not to this client."_s.arg(azp));

    if (!expected.nonce.isEmpty()) {
        const QByteArray got = c.value(u"nonce"_s).toString().toUtf8();
        const QByteArray want = expected.nonce.toUtf8();
        if (got.size() != want.size()
            || CRYPTO_memcmp(got.constData(), want.constData(), size_t(want.size())) != 0)
            r.findings << jose::Finding::error(u"nonce-mismatch"_s,
                got.isEmpty() ? u"The ID token has no nonce, but the login sent one."_s
                              : u"The ID token's nonce is not the one this login sent."_s);
    }

    const QString atHash = c.value(u"at_hash"_s).toString();
    if (!atHash.isEmpty() && !expected.accessToken.isEmpty()
        && halfHash(r.alg, expected.accessToken) != atHash)
        r.findings << jose::Finding::error(u"at-hash-mismatch"_s,
            u"The ID token's at_hash does not match the access "
            "token it came with."_s);

    r.valid = !jose::hasError(r.findings);
    return r;
}

} // namespace keyhaven::oauth
