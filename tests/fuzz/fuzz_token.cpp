// tests/fuzz/fuzz_token.cpp — the token decoder and verifier with fixed keys (HMAC, EC, Ed25519).
#include "jose/compactjws.h"
#include "jose/jwk.h"
#include "jose/jwsverifier.h"

#include <cstddef>
#include <cstdint>

using namespace keyhaven;
using namespace keyhaven::jose;

namespace {

const VerifyOptions &options()
{
    static const VerifyOptions o = [] {
        VerifyOptions v;
        // RFC 7515 A.3 (P-256) and RFC 8037 A.2 (Ed25519) public keys and a 32-byte secret;
        // mixed on purpose, so that every algorithm family is reached.
        auto set = parseJwkOrJwks(
            R"({"keys":[{"kty":"EC","crv":"P-256","kid":"ec",)"
            R"("x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
            R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},)"
            R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},)"
            R"({"kty":"oct","kid":"hs","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr8"}]})");
        if (set)
            v.keys = *set;
        v.clock = Clock::fixedEpoch(1700000000);
        return v;
    }();
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)decodeCompact(input, DecodeOptions { false });
    auto r = verify(input, options());
    if (r && r->valid && r->alg.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0)
        __builtin_trap(); // "none" must never verify
    VerifyOptions single = options();
    single.keys.isSet = false;
    single.allowedAlgs = { QStringLiteral("HS256"), QStringLiteral("ES256") };
    (void)verify(input, single);
    return 0;
}
