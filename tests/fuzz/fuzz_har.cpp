// tests/fuzz/fuzz_har.cpp — the HAR importer on arbitrary bytes (JSON bombs, wrong types).
#include "replay/harimport.h"

#include <cstddef>
#include <cstdint>

using namespace keyhaven::replay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)importHar(input);
    HarFilter filter;
    filter.status = 401;
    (void)importHar(input, filter);
    return 0;
}
