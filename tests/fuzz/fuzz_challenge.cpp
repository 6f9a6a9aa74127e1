// tests/fuzz/fuzz_challenge.cpp — the WWW-Authenticate parser and the diagnosis built on it.
#include "replay/diagnosis.h"

#include <cstddef>
#include <cstdint>

using namespace keyhaven::replay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)parseChallenges(input);
    Request sent;
    sent.headers.append(Header { "Authorization", "Bearer x" });
    for (int status : { 401, 403, 407, 429 }) {
        ResponseFacts facts;
        facts.status = status;
        facts.headers = { Header { "WWW-Authenticate", input },
            Header { "Proxy-Authenticate", input }, Header { "Retry-After", input } };
        (void)diagnose(sent, facts);
    }
    return 0;
}
