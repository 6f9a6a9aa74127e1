// jose/pkce.cpp — RFC 7636 PKCE.
#include "jose/pkce.h"

#include "jose/base64url.h"

#include <QCryptographicHash>

#include <openssl/crypto.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace keyhaven::jose::pkce {

Result<QByteArray> generateVerifier(int length)
{
    if (length < kMinLength || length > kMaxLength)
        return Error::input(
            u"invalid-length"_s, u"A code verifier has 43 to 128 characters (RFC 7636 §4.1)."_s);
    // 6 bits per character: ceil(length * 6 / 8) random bytes; a 43-character verifier carries
    // 256 bits, as §4.1 recommends.
    QByteArray random((length * 6 + 7) / 8, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(random.data()), int(random.size())) != 1)
        return Error::environment(u"random-failed"_s, u"The random generator failed."_s);
    QByteArray v = base64url::encode(random).left(length);
    OPENSSL_cleanse(random.data(), size_t(random.size()));
    return v;
}

Result<void> validateVerifier(QByteArrayView v)
{
    if (v.size() < kMinLength || v.size() > kMaxLength)
        return Error::input(u"invalid-verifier"_s,
            u"The code verifier has %1 characters; RFC 7636 §4.1 requires 43 to 128."_s.arg(
                v.size()));
    for (const char c : v) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~';
        if (!ok)
            return Error::input(u"invalid-verifier"_s,
                u"The code verifier may only hold A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1)."_s);
    }
    return {};
}

QByteArray challengeS256(QByteArrayView verifier)
{
    return base64url::encode(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

} // namespace keyhaven::jose::pkce
