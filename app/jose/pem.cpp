// jose/pem.cpp — PEM key loading through OpenSSL 3 (PEM_read_bio_* / OSSL_DECODER).
#include "jose/pem.h"

#include "common/io.h"

#include <openssl/asn1.h>
#include <openssl/decoder.h>
#include <openssl/pem.h>

#include <ctime>

using namespace Qt::StringLiterals;

namespace keyhaven::jose::pem {

namespace {

// Never prompt on the terminal for a passphrase: an encrypted key simply fails to load.
int noPassphrase(char *, int, int, void *) { return -1; }

QDateTime asn1ToDateTime(const ASN1_TIME *t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return QDateTime();
    const QDate date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    const QTime time(tm.tm_hour, tm.tm_min, tm.tm_sec);
    return QDateTime(date, time, Qt::UTC);
}

ossl::BioPtr memBio(QByteArrayView bytes)
{
    return ossl::BioPtr(BIO_new_mem_buf(bytes.data(), int(bytes.size())));
}

} // namespace

Result<Key> load(QByteArrayView pem)
{
    if (pem.size() > io::kMaxInput)
        return Error::input(u"input-too-large"_s, u"The PEM file is larger than 1 MiB."_s);
    const qsizetype begin = pem.indexOf("-----BEGIN ");
    if (begin < 0)
        return Error::input(u"malformed"_s, u"No PEM block (-----BEGIN ...) found."_s);
    const QByteArrayView rest = pem.sliced(begin);
    const qsizetype eol = rest.indexOf("-----", 11);
    if (eol < 0)
        return Error::input(u"malformed"_s, u"The PEM header line is incomplete."_s);
    const QByteArray label = rest.sliced(11, eol - 11).toByteArray();
    ossl::BioPtr bio = memBio(rest);
    if (!bio)
        return ossl::error(u"pem"_s, u"Cannot create a memory BIO"_s);

    if (label == "CERTIFICATE" || label == "X509 CERTIFICATE" || label == "TRUSTED CERTIFICATE") {
        ossl::X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr));
        if (!cert) {
            ossl::drainErrors();
            return Error::input(u"malformed"_s, u"The PEM certificate cannot be parsed."_s);
        }
        ossl::PKeyPtr pkey(X509_get_pubkey(cert.get()));
        if (!pkey) {
            ossl::drainErrors();
            return Error::input(u"malformed"_s, u"The certificate's public key cannot be read."_s);
        }
        return Key::fromPKey(std::move(pkey), u"X.509 certificate"_s,
            asn1ToDateTime(X509_get0_notAfter(cert.get())));
    }
    if (label == "PUBLIC KEY") {
        ossl::PKeyPtr pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, noPassphrase, nullptr));
        if (!pkey) {
            ossl::drainErrors();
            return Error::input(u"malformed"_s, u"The PEM public key cannot be parsed."_s);
        }
        return Key::fromPKey(std::move(pkey), u"PEM public key"_s);
    }
    if (label == "RSA PUBLIC KEY") {
        // PKCS#1 RSAPublicKey: no PEM_read_bio_* for it outside the deprecated RSA API.
        EVP_PKEY *pk = nullptr;
        std::unique_ptr<OSSL_DECODER_CTX, ossl::OsslFree<&OSSL_DECODER_CTX_free>> dctx(
            OSSL_DECODER_CTX_new_for_pkey(
                &pk, "PEM", "type-specific", "RSA", EVP_PKEY_PUBLIC_KEY, nullptr, nullptr));
        if (!dctx || OSSL_DECODER_from_bio(dctx.get(), bio.get()) != 1 || !pk) {
            ossl::drainErrors();
            EVP_PKEY_free(pk);
            return Error::input(u"malformed"_s, u"The PEM RSA public key cannot be parsed."_s);
        }
        return Key::fromPKey(ossl::PKeyPtr(pk), u"PEM RSA public key"_s);
    }
    if (label == "PRIVATE KEY" || label == "RSA PRIVATE KEY" || label == "EC PRIVATE KEY") {
        ossl::PKeyPtr pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
        if (!pkey) {
            ossl::drainErrors();
            return Error::input(u"malformed"_s, u"The PEM private key cannot be parsed."_s);
        }
        return Key::fromPKey(std::move(pkey), u"PEM private key"_s);
    }
    if (label == "ENCRYPTED PRIVATE KEY")
        return Error::input(u"malformed"_s,
            u"Encrypted private keys are not supported; decrypt it first (openssl pkey)."_s);
    return Error::input(u"malformed"_s,
        u"Unsupported PEM block \"%1\"."_s.arg(QString::fromLatin1(label.left(40))));
}

} // namespace keyhaven::jose::pem
