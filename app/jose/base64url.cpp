// jose/base64url.cpp — strict base64url.
#include "jose/base64url.h"

#include <array>

namespace keyhaven::jose::base64url {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<signed char, 256> makeTable()
{
    std::array<signed char, 256> t {};
    for (auto &v : t)
        v = -1;
    for (int i = 0; i < 64; ++i)
        t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    return t;
}

constexpr std::array<signed char, 256> kTable = makeTable();

} // namespace

QByteArray encode(QByteArrayView bytes)
{
    const auto *in = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    QByteArray out;
    out.reserve((n * 4 + 2) / 3);
    qsizetype i = 0;
    for (; i + 3 <= n; i += 3) {
        const unsigned v = (unsigned(in[i]) << 16) | (unsigned(in[i + 1]) << 8) | in[i + 2];
        out.append(kAlphabet[(v >> 18) & 63]);
        out.append(kAlphabet[(v >> 12) & 63]);
        out.append(kAlphabet[(v >> 6) & 63]);
        out.append(kAlphabet[v & 63]);
    }
    if (n - i == 1) {
        const unsigned v = unsigned(in[i]) << 16;
        out.append(kAlphabet[(v >> 18) & 63]);
        out.append(kAlphabet[(v >> 12) & 63]);
    } else if (n - i == 2) {
        const unsigned v = (unsigned(in[i]) << 16) | (unsigned(in[i + 1]) << 8);
        out.append(kAlphabet[(v >> 18) & 63]);
        out.append(kAlphabet[(v >> 12) & 63]);
        out.append(kAlphabet[(v >> 6) & 63]);
    }
    return out;
}

std::optional<QByteArray> decode(QByteArrayView text)
{
    const qsizetype n = text.size();
    if (n % 4 == 1)
        return std::nullopt;
    const auto *in = reinterpret_cast<const unsigned char *>(text.data());
    QByteArray out;
    out.resize(n / 4 * 3 + (n % 4 ? n % 4 - 1 : 0));
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    qsizetype i = 0;
    for (; i + 4 <= n; i += 4) {
        const int a = kTable[in[i]], b = kTable[in[i + 1]], c = kTable[in[i + 2]],
                  d = kTable[in[i + 3]];
        if ((a | b | c | d) < 0)
            return std::nullopt;
        const unsigned v =
            (unsigned(a) << 18) | (unsigned(b) << 12) | (unsigned(c) << 6) | unsigned(d);
        *o++ = static_cast<unsigned char>(v >> 16);
        *o++ = static_cast<unsigned char>(v >> 8);
        *o++ = static_cast<unsigned char>(v);
    }
    const qsizetype rest = n - i;
    if (rest == 2) {
        const int a = kTable[in[i]], b = kTable[in[i + 1]];
        if ((a | b) < 0 || (b & 0x0f) != 0)
            return std::nullopt;
        *o++ = static_cast<unsigned char>((a << 2) | (b >> 4));
    } else if (rest == 3) {
        const int a = kTable[in[i]], b = kTable[in[i + 1]], c = kTable[in[i + 2]];
        if ((a | b | c) < 0 || (c & 0x03) != 0)
            return std::nullopt;
        const unsigned v = (unsigned(a) << 18) | (unsigned(b) << 12) | (unsigned(c) << 6);
        *o++ = static_cast<unsigned char>(v >> 16);
        *o++ = static_cast<unsigned char>(v >> 8);
    }
    return out;
}

} // namespace keyhaven::jose::base64url
