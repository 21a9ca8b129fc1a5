#include "resources/SecretBytes.h"

#include "resources/SecretEncoding.h"

#include <openssl/crypto.h>

#include <utility>

namespace sa {

namespace {

QByteArray deepCopy(const QByteArray &bytes)
{
    return QByteArray(bytes.constData(), bytes.size());
}

} // namespace

SecretBytes::SecretBytes(const QByteArray &bytes)
    : m_bytes(deepCopy(bytes))
{ }

SecretBytes::SecretBytes(const SecretBytes &other)
    : m_bytes(deepCopy(other.m_bytes))
{ }

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{ }

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other) {
        clear();
        m_bytes = deepCopy(other.m_bytes);
    }
    return *this;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes.swap(other.m_bytes);
    }
    return *this;
}

SecretBytes SecretBytes::adopt(QByteArray &&bytes)
{
    SecretBytes secret;
    if (bytes.isDetached()) {
        secret.m_bytes.swap(bytes);
    } else {
        secret.m_bytes = deepCopy(bytes); // shared with another owner, who wipes its own
        bytes.clear();
    }
    return secret;
}

SecretBytes::~SecretBytes()
{
    wipe(m_bytes);
}

bool SecretBytes::operator==(const SecretBytes &other) const
{
    return m_bytes.size() == other.m_bytes.size()
        && CRYPTO_memcmp(m_bytes.constData(), other.m_bytes.constData(), static_cast<size_t>(m_bytes.size())) == 0;
}

void SecretBytes::clear()
{
    wipe(m_bytes);
    m_bytes.clear();
}

} // namespace sa
