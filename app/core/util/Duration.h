#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace sa {

// Go's time.ParseDuration: a possibly signed sequence of decimal numbers, each with an optional fraction and a unit
// ("300ms", "-1.5h", "2h45m", ".5s"); units ns, us (or µs, μs), ms, s, m, h; "0" alone needs no unit. Accepts and
// rejects exactly what Go does, including overflow past ±292 years. nullopt with *error, Go's own text (e.g.
// `time: missing unit in duration "5"`) when it is not one.
[[nodiscard]] std::optional<std::chrono::nanoseconds> parseGoDuration(const QString &text, QString *error = nullptr);

// kubectl's --request-timeout, as client-go's clientcmd.ParseTimeout reads it: a non-negative integer is seconds,
// anything else a Go duration (so "-5s" is accepted, and means no timeout, as for Go's http.Client). nullopt with
// *error, kubectl's sentence, when neither.
[[nodiscard]] std::optional<std::chrono::nanoseconds> parseRequestTimeout(const QString &text,
                                                                          QString *error = nullptr);

} // namespace sa
