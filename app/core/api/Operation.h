#pragma once

#include "api/KubeClient.h"
#include "resources/ApiResources.h"
#include "resources/Resources.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <variant>

namespace sa {

// What requestToken produces besides its object.
struct IssuedToken
{
    SecretBytes token;
    QDateTime expiresAt; // UTC
    QString revocationSecret; // a revocable token: the Secret it is bound to, whose deletion revokes it
    QString revocationSecretUid;
};

// What every operation ends with. Besides the common fields, an operation that produces more says which one type it
// puts in `value` (requestToken an IssuedToken; readSecret and createTokenSecret a Secret, values included;
// discoverApiResources the ApiResources); the others leave it empty. Read it with get<T>(), which is null when the
// operation failed.
struct OperationResult
{
    std::optional<ApiError> error;
    QJsonObject object; // the object the operation produced or read last, never with secret values
    QStringList warnings; // the server's Warning headers
    std::variant<std::monostate, IssuedToken, Secret, ApiResources> value;

    [[nodiscard]] bool ok() const { return !error.has_value(); }
    template<typename T>
    [[nodiscard]] const T *get() const
    {
        return std::get_if<T>(&value);
    }
};

// A multi-step API action. It emits finished() exactly once, always from the event loop (then deletes itself),
// and progress() on the way; cancel() stops it between steps with a Canceled error, except while it runs steps
// that must not be left half-done (a pod between its deletion and its re-creation): then it carries on.
class Operation : public QObject
{
    Q_OBJECT
public:
    explicit Operation(KubeClient *client);
    virtual void cancel();

Q_SIGNALS:
    void progress(const QString &message);
    void finished(const sa::OperationResult &result);

protected:
    // Sends a request; `next` runs with its result unless the operation was canceled or finished meanwhile. Requests
    // may run side by side: cancel() cancels every one still in flight.
    void call(ApiRequest request, std::function<void(const ApiResult &)> next);
    // `object`: what the user needs to recover by hand, when the operation could not undo its own steps.
    void fail(const ApiError &error, const QJsonObject &object = {});
    void succeed(OperationResult result);
    // Runs `next` after a delay (polling, conflict backoff), unless canceled.
    void after(int milliseconds, std::function<void()> next);
    void setCancelable(bool cancelable) { m_cancelable = cancelable; }
    // Finished or failed: finished() is (or is about to be) emitted.
    [[nodiscard]] bool isDone() const { return m_done; }

    QPointer<KubeClient> m_client;

private:
    void finish(OperationResult result);

    QList<QPointer<ApiJob>> m_jobs;
    bool m_done = false;
    bool m_cancelable = true;
};

} // namespace sa
