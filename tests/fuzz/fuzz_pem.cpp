// tests/fuzz/fuzz_pem.cpp — the PEM loader (public keys, private keys, certificates) and the
// key-material sniffing in front of it.
#include "jose/jwk.h"
#include "jose/pem.h"

#include <cstddef>
#include <cstdint>

using namespace keyhaven::jose;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto k = pem::load(input)) {
        (void)k->thumbprint();
        (void)k->notAfter();
    }
    (void)loadKeyMaterial(input);
    return 0;
}
