#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fuzz {

// The one application object of the process, for the targets that need an event loop or Qt's TLS backend.
inline QCoreApplication *application()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    if (QCoreApplication *existing = QCoreApplication::instance())
        return existing;
    return new QCoreApplication(argc, argv);
}

// The input as an owned array (Qt may expect the terminating NUL that libFuzzer's buffer lacks).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// A property that does not hold: reported like a crash, with what was seen.
[[noreturn]] inline void fail(const char *what, const QByteArray &details)
{
    std::fprintf(stderr, "property failed: %s\n%s\n", what, details.constData());
    std::abort();
}

} // namespace fuzz
