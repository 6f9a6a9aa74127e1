// desktop/launchrequest.h — what a `keyhaven` launch asks of the running instance, on the wire.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace keyhaven::desktop {

// A second launch raises the running window; with a token it also opens it in the Inspector.
struct LaunchRequest
{
    QByteArray token; // empty: only raise the window. A bearer credential: never logged.
};

// From keyhaven's positional arguments: none (raise), one TOKEN, or "-" (the token on stdin,
// read through `readStdin`, capped like every input at 1 MiB). Error ids: "too-many-arguments",
// "empty-token", "input-too-large" and the ids of readStdin.
Result<LaunchRequest> launchRequestFromArguments(
    const QStringList &positional, const std::function<Result<QByteArray>()> &readStdin);

// Whether dropped text has the shape of a compact JWS or JWE (3 or 5 base64url parts), after
// surrounding whitespace and a "Bearer " prefix. Anything else dropped on the window is ignored.
bool looksLikeToken(const QString &text);

// Wire format over the local socket: "KHv1", one kind byte ('R' raise, 'T' token), a 32-bit
// big-endian payload length, the payload (the token's bytes). The server answers one byte
// (kAck) once it has taken the request.
inline constexpr char kAck = 'K';
inline constexpr qsizetype kHeaderSize = 4 + 1 + 4;
QByteArray encodeLaunchRequest(const LaunchRequest &request);

// Incremental decoder for one frame: bytes arrive in chunks on a socket.
class LaunchRequestDecoder
{
public:
    enum class State { NeedMore, Done, Invalid };
    ~LaunchRequestDecoder();
    State feed(const QByteArray &chunk);
    State state() const { return m_state; }
    // Valid once state() is Done; moves the request out.
    LaunchRequest take();
    // Why the frame was refused ("bad-magic", "bad-kind", "input-too-large", "trailing-bytes").
    QString error() const { return m_error; }

private:
    State fail(const QString &id);

    QByteArray m_buffer; // wiped on destruction: it holds the token
    LaunchRequest m_request;
    State m_state = State::NeedMore;
    QString m_error;
};

} // namespace keyhaven::desktop
