// common/secretbytes.cpp — move-only secret bytes that are wiped when dropped.
#include "common/secretbytes.h"

#include <openssl/crypto.h>

namespace keyhaven {

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

SecretBytes::~SecretBytes() { wipe(m_bytes); }

bool SecretBytes::equals(QByteArrayView other) const
{
    if (other.size() != m_bytes.size())
        return false;
    return m_bytes.isEmpty()
        || CRYPTO_memcmp(m_bytes.constData(), other.data(), size_t(m_bytes.size())) == 0;
}

void SecretBytes::clear()
{
    wipe(m_bytes);
    m_bytes = QByteArray();
}

void SecretBytes::wipe(QByteArray &bytes)
{
    // Only wipe a buffer we own alone: detaching a shared one would copy the secret first.
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

} // namespace keyhaven
