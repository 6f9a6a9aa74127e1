// tests/fuzz/fuzz_callback.cpp — what the loopback receiver does with bytes from a socket: find
// the end of the request head in a growing buffer, parse it, read the authorization response.
#include "oauth/callbackrequest.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using keyhaven::Result;
using namespace keyhaven::oauth;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    // The receiver appends reads to a buffer and looks for the head after each one: feed the
    // input in two reads split where its first byte says, as a slow client would.
    const qsizetype split = size ? qsizetype(data[0]) % (input.size() + 1) : 0;
    QByteArray buffer = input.left(split);
    qsizetype head = requestHeadLength(buffer);
    if (head == 0) {
        buffer += input.mid(split);
        head = requestHeadLength(buffer);
    }
    if (head < 0 || head > buffer.size())
        std::abort(); // the head cannot be longer than what was read
    Result<CallbackRequest> parsed = parseCallbackRequest(head ? buffer.left(head) : input);
    if (parsed) {
        if (parsed->path.isEmpty() || !parsed->path.startsWith(u'/'))
            std::abort(); // only origin-form targets are accepted
        const AuthorizationResponse response = authorizationResponse(parsed->query);
        (void)response;
    } else if (parsed.error().id.isEmpty()) {
        std::abort(); // every refusal names what was wrong
    }
    (void)authorizationResponse(QUrlQuery(QString::fromUtf8(input)));
    return 0;
}
