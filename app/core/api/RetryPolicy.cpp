#include "api/RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace sa {

bool RetryPolicy::isSafeToRepeat(const QByteArray &verb)
{
    return verb == "GET" || verb == "HEAD" || verb == "OPTIONS";
}

std::chrono::milliseconds RetryPolicy::backoff(int attempt) const
{
    const double base = double(initialBackoff.count()) * std::pow(2.0, std::max(0, attempt - 1));
    const double capped = std::min(base, double(maxBackoff.count()));
    const double unit = random ? random() : QRandomGenerator::global()->generateDouble();
    const double factor = 1.0 + jitter * (2.0 * unit - 1.0);
    return std::chrono::milliseconds(qint64(std::max(0.0, capped * factor)));
}

RetryPolicy::Decision RetryPolicy::decide(const QByteArray &verb, int attempt, const ApiError &error) const
{
    if (attempt >= maxAttempts || error.kind == ApiError::Kind::Canceled || error.kind == ApiError::Kind::Tls
        || error.kind == ApiError::Kind::Credential || error.kind == ApiError::Kind::Decode)
        return {};
    const bool read = isSafeToRepeat(verb);
    bool retry = false;
    if (error.kind == ApiError::Kind::Http) {
        const int status = error.httpStatus;
        const bool provenNotApplied = status == 429 || (status == 503 && error.retryAfterSeconds >= 0);
        retry = provenNotApplied || (read && (status == 500 || status == 502 || status == 503 || status == 504));
    } else if (error.kind == ApiError::Kind::Network) {
        // A refused connection never reached the server; anything later may have been applied.
        retry = read || error.networkError == QNetworkReply::ConnectionRefusedError;
    } else if (error.kind == ApiError::Kind::Timeout) {
        // A request that never got through the handshake was never sent.
        retry = read || error.handshakeTimedOut;
    } else if (error.kind == ApiError::Kind::ConnectionLost) {
        retry = read;
    }
    if (!retry)
        return {};
    if (error.retryAfterSeconds >= 0)
        return {true,
                std::min<std::chrono::milliseconds>(std::chrono::seconds(error.retryAfterSeconds), maxRetryAfter)};
    return {true, backoff(attempt)};
}

} // namespace sa
