#include "Impersonation.h"

#include "Auth.h"

using namespace Qt::StringLiterals;

namespace kubesim {

std::optional<ApiFailure> impersonate(const HttpRequest &request, const Authorizer &authorizer, UserInfo &user)
{
    const QString name = QString::fromUtf8(request.header("impersonate-user"));
    const QList<QByteArray> groups = request.headerValues("impersonate-group");
    const QByteArray uid = request.header("impersonate-uid");
    QMap<QString, QStringList> extra;
    for (const auto &[header, value] : request.headers) {
        if (header.startsWith("impersonate-extra-"))
            extra[QString::fromUtf8(QByteArray::fromPercentEncoding(header.mid(18)))].append(QString::fromUtf8(value));
    }
    if (name.isEmpty()) {
        if (!groups.isEmpty() || !uid.isEmpty() || !extra.isEmpty()) {
            return status::internalError(u"requested impersonation of groups, uid or extra without "
                                         "impersonating a user"_s);
        }
        return std::nullopt;
    }
    // Each impersonated attribute needs the impersonate verb on it (impersonation.go).
    QList<RequestAttributes> checks;
    const QStringList accountParts = name.split(u':');
    if (accountParts.size() == 4 && name.startsWith("system:serviceaccount:"_L1)) {
        checks.append({true, u"impersonate"_s, QString(), u"v1"_s, u"serviceaccounts"_s, QString(), accountParts[3],
                       accountParts[2], QString()});
    } else {
        checks.append({true, u"impersonate"_s, QString(), u"v1"_s, u"users"_s, QString(), name, QString(), QString()});
    }
    for (const QByteArray &group : groups) {
        checks.append({true, u"impersonate"_s, QString(), u"v1"_s, u"groups"_s, QString(), QString::fromUtf8(group),
                       QString(), QString()});
    }
    if (!uid.isEmpty()) {
        checks.append({true, u"impersonate"_s, u"authentication.k8s.io"_s, u"v1"_s, u"uids"_s, QString(),
                       QString::fromUtf8(uid), QString(), QString()});
    }
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        for (const QString &value : it.value()) {
            checks.append({true, u"impersonate"_s, u"authentication.k8s.io"_s, u"v1"_s, u"userextras"_s, it.key(),
                           value, QString(), QString()});
        }
    }
    for (const RequestAttributes &check : std::as_const(checks)) {
        const Decision decision = authorizer.authorize(user, check);
        if (!decision.allowed) {
            return status::forbidden(check.apiGroup, check.resource, check.name,
                                     Authorizer::deniedMessage(user, check, decision.reason));
        }
    }
    UserInfo impersonated {name, QString::fromUtf8(uid), {}, extra};
    for (const QByteArray &group : groups)
        impersonated.groups.append(QString::fromUtf8(group));
    if (groups.isEmpty() && accountParts.size() == 4 && name.startsWith("system:serviceaccount:"_L1))
        impersonated.groups = serviceAccountGroups(accountParts[2]);
    if (name != "system:anonymous"_L1 && !impersonated.groups.contains(u"system:authenticated"_s))
        impersonated.groups.append(u"system:authenticated"_s);
    user = impersonated;
    return std::nullopt;
}

} // namespace kubesim
