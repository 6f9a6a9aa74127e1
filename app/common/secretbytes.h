// common/secretbytes.h — move-only secret bytes that are wiped (OPENSSL_cleanse) when dropped.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace keyhaven {

// Holds a secret (API key, token, HMAC key). Move-only so that it is not copied around by
// accident; wiped on destruction (DESIGN.md rule 1, best effort: Qt's implicit sharing means a
// QByteArray handed out by bytes() may still share its buffer with a copy the caller made).
// Never put the content into a QString; never log it.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray &&bytes)
        : m_bytes(std::move(bytes))
    {
    }
    static SecretBytes copyOf(QByteArrayView bytes)
    {
        return SecretBytes(QByteArray(bytes.data(), bytes.size()));
    }
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    SecretBytes(SecretBytes &&other) noexcept
        : m_bytes(std::move(other.m_bytes))
    {
        other.m_bytes = QByteArray();
    }
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();

    const QByteArray &bytes() const { return m_bytes; }
    QByteArrayView view() const { return m_bytes; }
    const char *data() const { return m_bytes.constData(); }
    const unsigned char *udata() const
    {
        return reinterpret_cast<const unsigned char *>(m_bytes.constData());
    }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }

    // Constant-time comparison (CRYPTO_memcmp); sizes are not secret.
    bool equals(QByteArrayView other) const;
    void clear();

    // Wipes a QByteArray that held secret bytes, in place (if it is not shared).
    static void wipe(QByteArray &bytes);

private:
    QByteArray m_bytes;
};

} // namespace keyhaven
