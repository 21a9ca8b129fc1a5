#include "Pagination.h"

#include "Negotiation.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

constexpr int kSnapshotLifetimeSeconds = 300;
constexpr int kMaxSnapshots = 64;

// The token as the apiserver's etcd3 storage encodes it: base64url of {"v", "rv", "start"}.
QByteArray encodeContinue(qint64 rv, const QString &startKey)
{
    const QJsonObject token {{"v"_L1, "meta.k8s.io/v1"_L1}, {"rv"_L1, rv}, {"start"_L1, QString(startKey + QChar(0))}};
    return compactJson(token).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

struct ContinueToken
{
    qint64 rv = 0;
    QString start;
};

std::optional<ContinueToken> decodeContinue(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonObject token = QJsonDocument::fromJson(*decoded).object();
    if (token.value("v"_L1).toString() != "meta.k8s.io/v1"_L1 || !token.value("rv"_L1).isDouble())
        return std::nullopt;
    QString start = token.value("start"_L1).toString();
    if (start.endsWith(QChar(0)))
        start.chop(1);
    return ContinueToken {token.value("rv"_L1).toInteger(), start};
}

} // namespace

std::optional<Pagination::Resume> Pagination::resume(const ResourceType &type, const QString &text, ApiFailure *failure)
{
    const auto token = decodeContinue(text);
    if (!token) {
        *failure = status::badRequest(u"continue key is not valid: incorrect encoded start "
                                      "resourceVersion (version meta.k8s.io/v1)"_s);
        return std::nullopt;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_snapshots.begin(); it != m_snapshots.end();) {
        if (it->taken.secsTo(now) > kSnapshotLifetimeSeconds)
            it = m_snapshots.erase(it);
        else
            ++it;
    }
    const auto snapshot = m_snapshots.constFind({&type, token->rv});
    if (snapshot == m_snapshots.cend()) {
        *failure = status::expired(u"The provided continue parameter is too old to display a consistent list "
                                   "result. You can start a new list without the continue parameter."_s);
        return std::nullopt;
    }
    return Resume {snapshot->objects, token->rv, token->start};
}

QString Pagination::keep(const ResourceType &type, qint64 resourceVersion, const Store::Objects &objects,
                         const QString &lastKey)
{
    if (m_snapshots.size() >= kMaxSnapshots) {
        auto oldest = std::min_element(m_snapshots.begin(), m_snapshots.end(),
                                       [](const Snapshot &a, const Snapshot &b) { return a.taken < b.taken; });
        m_snapshots.erase(oldest);
    }
    m_snapshots.insert({&type, resourceVersion}, {objects, QDateTime::currentDateTimeUtc()});
    return QString::fromLatin1(encodeContinue(resourceVersion, lastKey));
}

} // namespace kubesim
