// desktop/launchrequest.cpp — what a `keyhaven` launch asks of the running instance, on the wire.
#include "desktop/launchrequest.h"

#include "common/io.h"
#include "common/secretbytes.h"

#include <QRegularExpression>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace keyhaven::desktop {

namespace {

constexpr char kMagic[] = "KHv1";
constexpr char kKindRaise = 'R';
constexpr char kKindToken = 'T';

QByteArray normalizedToken(QByteArray bytes)
{
    QByteArray t = bytes.trimmed();
    SecretBytes::wipe(bytes);
    if (t.startsWith("Bearer "))
        t = t.mid(7).trimmed();
    return t;
}

} // namespace

Result<LaunchRequest> launchRequestFromArguments(
    const QStringList &positional, const std::function<Result<QByteArray>()> &readStdin)
{
    if (positional.isEmpty())
        return LaunchRequest {};
    if (positional.size() > 1)
        return Error::input(u"too-many-arguments"_s,
            u"keyhaven takes at most one token (or - to read it from stdin)."_s);
    QByteArray bytes;
    if (positional.first() == u"-"_s) {
        auto read = readStdin();
        if (!read)
            return read.error();
        bytes = std::move(read.value());
    } else {
        bytes = positional.first().toUtf8();
    }
    if (bytes.size() > io::kMaxInput) {
        SecretBytes::wipe(bytes);
        return Error::input(u"input-too-large"_s, u"The token is larger than 1 MiB."_s);
    }
    LaunchRequest request { normalizedToken(std::move(bytes)) };
    if (request.token.isEmpty())
        return Error::input(u"empty-token"_s, u"The token is empty."_s);
    return request;
}

bool looksLikeToken(const QString &text)
{
    static const QRegularExpression shape(
        u"^(?:Bearer\\s+)?[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*){2}(?:(?:\\.[A-Za-z0-9_-]*){2})?$"_s);
    const QString t = text.trimmed();
    return t.size() <= io::kMaxInput && shape.match(t).hasMatch();
}

QByteArray encodeLaunchRequest(const LaunchRequest &request)
{
    QByteArray frame;
    frame.reserve(kHeaderSize + request.token.size());
    frame.append(kMagic, 4);
    frame.append(request.token.isEmpty() ? kKindRaise : kKindToken);
    char length[4];
    qToBigEndian(quint32(request.token.size()), length);
    frame.append(length, 4);
    frame.append(request.token);
    return frame;
}

LaunchRequestDecoder::~LaunchRequestDecoder()
{
    SecretBytes::wipe(m_buffer);
    SecretBytes::wipe(m_request.token);
}

LaunchRequestDecoder::State LaunchRequestDecoder::fail(const QString &id)
{
    SecretBytes::wipe(m_buffer);
    m_buffer.clear();
    m_error = id;
    m_state = State::Invalid;
    return m_state;
}

LaunchRequestDecoder::State LaunchRequestDecoder::feed(const QByteArray &chunk)
{
    if (m_state != State::NeedMore)
        return chunk.isEmpty() || m_state == State::Invalid ? m_state : fail(u"trailing-bytes"_s);
    m_buffer.append(chunk);
    // Refuse a wrong header as soon as its bytes are there, before buffering a large payload.
    const qsizetype magicSeen = std::min<qsizetype>(m_buffer.size(), 4);
    if (QByteArrayView(m_buffer).first(magicSeen) != QByteArrayView(kMagic, magicSeen))
        return fail(u"bad-magic"_s);
    if (m_buffer.size() < kHeaderSize)
        return m_state;
    const char kind = m_buffer.at(4);
    if (kind != kKindRaise && kind != kKindToken)
        return fail(u"bad-kind"_s);
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + 5);
    if (length > quint32(io::kMaxInput))
        return fail(u"input-too-large"_s);
    if ((kind == kKindRaise) != (length == 0))
        return fail(u"bad-kind"_s);
    const qsizetype total = kHeaderSize + qsizetype(length);
    if (m_buffer.size() < total)
        return m_state;
    if (m_buffer.size() > total)
        return fail(u"trailing-bytes"_s);
    m_request.token = m_buffer.mid(kHeaderSize);
    SecretBytes::wipe(m_buffer);
    m_buffer.clear();
    m_state = State::Done;
    return m_state;
}

LaunchRequest LaunchRequestDecoder::take()
{
    LaunchRequest out;
    std::swap(out, m_request);
    return out;
}

} // namespace keyhaven::desktop
