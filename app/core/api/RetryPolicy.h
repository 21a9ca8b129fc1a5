#pragma once

#include "api/ApiError.h"

#include <QByteArray>

#include <chrono>
#include <functional>

namespace sa {

// When a failed request may be sent again, and after how long. Reads and watches are retried on transient
// failures (the network, timeouts, 5xx, 429); writes only when the server proved it did not apply them
// (429, or 503 with Retry-After) or never received them (connection refused). Retry-After is honoured
// (capped); otherwise the delay grows exponentially with jitter.
class RetryPolicy
{
public:
    struct Decision
    {
        bool retry = false;
        std::chrono::milliseconds delay {0};
    };

    int maxAttempts = 5; // including the first
    std::chrono::milliseconds initialBackoff {250};
    std::chrono::milliseconds maxBackoff {8000};
    std::chrono::milliseconds maxRetryAfter {60000};
    double jitter = 0.2; // ± this fraction of the backoff
    // A source of [0, 1) for the jitter; tests make it deterministic.
    std::function<double()> random;

    // `attempt` is 1 after the first failure.
    [[nodiscard]] Decision decide(const QByteArray &verb, int attempt, const ApiError &error) const;
    [[nodiscard]] static bool isSafeToRepeat(const QByteArray &verb);
    [[nodiscard]] std::chrono::milliseconds backoff(int attempt) const;
};

} // namespace sa
