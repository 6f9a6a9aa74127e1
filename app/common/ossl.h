// common/ossl.h — unique_ptr owners for OpenSSL 3 objects and the error-queue drain.
#pragma once

#include "common/result.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <memory>

namespace keyhaven::ossl {

template <auto Free> struct OsslFree
{
    template <class T> void operator()(T *p) const { Free(p); }
};

using PKeyPtr = std::unique_ptr<EVP_PKEY, OsslFree<&EVP_PKEY_free>>;
using PKeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OsslFree<&EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, OsslFree<&EVP_MD_CTX_free>>;
using MacPtr = std::unique_ptr<EVP_MAC, OsslFree<&EVP_MAC_free>>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, OsslFree<&EVP_MAC_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, OsslFree<&BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, OsslFree<&BN_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, OsslFree<&BN_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OsslFree<&X509_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, OsslFree<&OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, OsslFree<&OSSL_PARAM_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, OsslFree<&ECDSA_SIG_free>>;
using EcGroupPtr = std::unique_ptr<EC_GROUP, OsslFree<&EC_GROUP_free>>;
using EcPointPtr = std::unique_ptr<EC_POINT, OsslFree<&EC_POINT_free>>;

// Drains OpenSSL's thread-local error queue into one readable line ("" when empty).
QString drainErrors();

// An Environment-kind Error whose message names the failed step and OpenSSL's reasons.
Error error(const QString &id, const QString &what);

} // namespace keyhaven::ossl
