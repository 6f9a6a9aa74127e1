// tests/bench/bench_jose.cpp — verify/s of keyhaven's full JWS verification (decode, strict JSON,
// policy, claims, signature) against a bare OpenSSL EVP verify of the same signatures.
//
//   bench_jose [--benchmark_* flags]   run the benchmarks
//   bench_jose --emit DIR              write the tokens and keys for the cross-library comparison
#include "common/ossl.h"
#include "jose/algorithm.h"
#include "jose/base64url.h"
#include "jose/jwk.h"
#include "jose/jwssigner.h"
#include "jose/jwsverifier.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <benchmark/benchmark.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <cstring>
#include <map>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::jose;

namespace {

const QByteArray kPayload =
    R"({"iss":"https://issuer.example","sub":"248289761001","aud":"api://bench",)"
    R"("scope":"openid profile email","iat":1700000000,"nbf":1700000000,)"
    R"("exp":4102444800,"jti":"8a4f6c2e-6f6b-4c44-9a55-bd3f5b1e2f10"})";

struct Case
{
    QString alg;
    Key priv;
    Key pub;
    QByteArray token;
    // What the raw EVP loop gets: everything pre-decoded, DER for ECDSA.
    QByteArray input;
    QByteArray sig;
    VerifyOptions options;
};

std::map<QString, Case> &cases()
{
    static std::map<QString, Case> all;
    if (!all.empty())
        return all;
    auto add = [](const QString &alg, ossl::PKeyPtr pkey, const QByteArray &secret) {
        Case c;
        c.alg = alg;
        if (pkey) {
            ossl::PKeyPtr copy(EVP_PKEY_dup(pkey.get()));
            c.priv = Key::fromPKey(std::move(pkey), u"bench"_s);
            // The public half, the way a verifier gets it.
            ossl::BioPtr bio(BIO_new(BIO_s_mem()));
            PEM_write_bio_PUBKEY(bio.get(), copy.get());
            ossl::PKeyPtr pub(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
            c.pub = Key::fromPKey(std::move(pub), u"bench"_s);
        } else {
            c.priv = Key::fromSecret(SecretBytes(QByteArray(secret)));
            c.pub = Key::fromSecret(SecretBytes(QByteArray(secret)));
        }
        SignOptions s;
        s.alg = alg;
        s.extraHeader = QJsonObject { { u"kid"_s, QString(u"bench-"_s + alg.toLower()) } };
        auto t = signCompact(kPayload, c.priv, s);
        if (!t)
            qFatal("sign %s: %s", qPrintable(alg), qPrintable(t.error().message));
        c.token = *t;
        const qsizetype dot = c.token.lastIndexOf('.');
        c.input = c.token.left(dot);
        c.sig = *base64url::decode(c.token.mid(dot + 1));
        if (alg == u"ES256"_s) {
            ossl::EcdsaSigPtr es(ECDSA_SIG_new());
            const auto *p = reinterpret_cast<const unsigned char *>(c.sig.constData());
            ECDSA_SIG_set0(es.get(), BN_bin2bn(p, 32, nullptr), BN_bin2bn(p + 32, 32, nullptr));
            QByteArray der(i2d_ECDSA_SIG(es.get(), nullptr), Qt::Uninitialized);
            auto *o = reinterpret_cast<unsigned char *>(der.data());
            i2d_ECDSA_SIG(es.get(), &o);
            c.sig = der;
        }
        c.options.keys.keys << c.pub;
        c.options.clock = Clock::fixedEpoch(1700000100);
        all.emplace(alg, std::move(c));
    };
    QByteArray secret(32, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char *>(secret.data()), 32);
    add(u"HS256"_s, nullptr, secret);
    add(u"RS256"_s, ossl::PKeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048))), {});
    add(u"ES256"_s, ossl::PKeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")), {});
    add(u"EdDSA"_s, ossl::PKeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")), {});
    return all;
}

void keyhavenVerify(benchmark::State &state, const QString &alg)
{
    const Case &c = cases().at(alg);
    for (auto _ : state) {
        auto r = verify(c.token, c.options);
        if (!r || !r->valid)
            state.SkipWithError("keyhaven verification failed");
        benchmark::DoNotOptimize(r);
    }
    state.counters["verify/s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

// The baseline: one plain EVP verification per iteration, as an application would write it with
// OpenSSL 3 directly (digest and MAC fetched once, key parsed once, signature pre-decoded).
void evpVerify(benchmark::State &state, const QString &alg)
{
    const Case &c = cases().at(alg);
    const auto *in = reinterpret_cast<const unsigned char *>(c.input.constData());
    const auto *sig = reinterpret_cast<const unsigned char *>(c.sig.constData());
    static EVP_MD *sha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    static EVP_MAC *hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    for (auto _ : state) {
        bool ok = false;
        if (alg == u"HS256"_s) {
            ossl::MacCtxPtr ctx(EVP_MAC_CTX_new(hmac));
            OSSL_PARAM params[] = { OSSL_PARAM_construct_utf8_string(
                                        OSSL_MAC_PARAM_DIGEST, const_cast<char *>("SHA2-256"), 0),
                OSSL_PARAM_construct_end() };
            unsigned char out[32];
            size_t len = 0;
            ok = EVP_MAC_init(
                     ctx.get(), c.pub.secret().udata(), size_t(c.pub.secret().size()), params)
                    == 1
                && EVP_MAC_update(ctx.get(), in, size_t(c.input.size())) == 1
                && EVP_MAC_final(ctx.get(), out, &len, sizeof out) == 1
                && CRYPTO_memcmp(out, sig, 32) == 0;
        } else {
            ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
            ok = EVP_DigestVerifyInit(ctx.get(), nullptr, alg == u"EdDSA"_s ? nullptr : sha256,
                     nullptr, c.pub.pkey())
                    == 1
                && EVP_DigestVerify(
                       ctx.get(), sig, size_t(c.sig.size()), in, size_t(c.input.size()))
                    == 1;
        }
        if (!ok)
            state.SkipWithError("EVP verification failed");
        benchmark::DoNotOptimize(ok);
    }
    state.counters["verify/s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

int emit(const QString &dir)
{
    QDir().mkpath(dir);
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir + u'/' + name);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.write(bytes);
    };
    for (const auto &[alg, c] : cases()) {
        const QString base = alg.toLower();
        write(base + u".jwt"_s, c.token);
        QJsonObject jwk = c.pub.publicJwk();
        if (c.pub.kind() == KeyKind::Oct) {
            write(base + u".key"_s, c.pub.secret().bytes());
            jwk = QJsonObject { { u"kty"_s, u"oct"_s },
                { u"k"_s, QString::fromLatin1(base64url::encode(c.pub.secret().bytes())) } };
        } else {
            ossl::BioPtr bio(BIO_new(BIO_s_mem()));
            PEM_write_bio_PUBKEY(bio.get(), c.pub.pkey());
            char *data = nullptr;
            const long n = BIO_get_mem_data(bio.get(), &data);
            write(base + u".pem"_s, QByteArray(data, n));
        }
        jwk.insert(u"alg"_s, alg);
        write(base + u".jwk"_s, QJsonDocument(jwk).toJson(QJsonDocument::Compact));
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--emit") == 0)
        return emit(QString::fromLocal8Bit(argv[2]));
    for (const char *alg : { "HS256", "RS256", "ES256", "EdDSA" }) {
        const QString a = QString::fromLatin1(alg);
        benchmark::RegisterBenchmark((std::string("keyhaven/") + alg).c_str(), keyhavenVerify, a);
        benchmark::RegisterBenchmark((std::string("evp/") + alg).c_str(), evpVerify, a);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
