#pragma once

#include <QByteArray>
#include <QString>

namespace sa {

// Bytes of a secret (a token, a password): wiped with OPENSSL_cleanse when released, compared in constant
// time, never converted implicitly. Copies are deep so that each owner wipes its own.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(const QByteArray &bytes);
    SecretBytes(const SecretBytes &other);
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();
    // Takes over a buffer that holds a secret (no copy is left behind); `bytes` is left empty.
    [[nodiscard]] static SecretBytes adopt(QByteArray &&bytes);

    [[nodiscard]] bool isEmpty() const { return m_bytes.isEmpty(); }
    [[nodiscard]] qsizetype size() const { return m_bytes.size(); }
    // The bytes, for the moment they are needed (a header, the clipboard). Do not keep the copy.
    [[nodiscard]] const QByteArray &reveal() const { return m_bytes; }
    [[nodiscard]] QString revealUtf8() const { return QString::fromUtf8(m_bytes); }
    [[nodiscard]] bool operator==(const SecretBytes &other) const;
    void clear();

private:
    QByteArray m_bytes;
};

} // namespace sa
