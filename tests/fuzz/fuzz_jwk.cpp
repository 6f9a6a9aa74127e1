// tests/fuzz/fuzz_jwk.cpp — the JWK/JWKS parser and key validation.
#include "jose/jwk.h"

#include <cstddef>
#include <cstdint>

using namespace keyhaven::jose;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto set =
        parseJwkOrJwks(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!set)
        return 0;
    for (const Key &k : set->keys) {
        (void)k.thumbprint();
        (void)k.publicJwk();
        (void)k.fittingAlgs();
        if (k.usable() && k.kind() == KeyKind::Oct)
            (void)k.mac(*findAlgorithm(u"HS256"), "x");
    }
    return 0;
}
