#include "resources/WorkloadIdentity.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace sa::identity {

namespace {

bool matches(const QRegularExpression &pattern, const QString &value)
{
    return pattern.match(value).hasMatch();
}

// A whole number of seconds within [minimum, maximum]; `below` and `above` say what the cloud does otherwise.
QString secondsProblem(const QString &value, qint64 minimum, qint64 maximum, const QString &below, const QString &above)
{
    static const QRegularExpression digits(u"^[0-9]{1,18}$"_s);
    if (!matches(digits, value))
        return QCoreApplication::translate("sa::identity", "Enter a whole number of seconds, from %1 to %2.")
            .arg(minimum)
            .arg(maximum);
    const qint64 seconds = value.toLongLong();
    if (seconds < minimum)
        return below;
    if (seconds > maximum)
        return above;
    return {};
}

// EKS: the pod identity webhook's own pattern (aws/amazon-eks-pod-identity-webhook pkg/cache/cache.go, addSA:
// ^arn:aws[a-z0-9-]*:iam::\d{12}:role\/[\w-\/.@+=,]+$; Go's \w is ASCII), which admits every partition (aws,
// aws-cn, aws-us-gov, aws-iso…). The webhook only logs a mismatch, but STS refuses such a role all the same.
QString roleArnProblem(const QString &value)
{
    static const QRegularExpression arn(u"^arn:aws[a-z0-9-]*:iam::[0-9]{12}:role/[A-Za-z0-9_+=,.@/-]+$"_s);
    static const QRegularExpression account(u"^arn:[^:]*:iam::[0-9]{12}:"_s);
    if (value.isEmpty())
        return QCoreApplication::translate("sa::identity",
                                           "Enter the IAM role's ARN, such as arn:aws:iam::123456789012:role/NAME.");
    if (matches(arn, value))
        return {};
    if (!value.startsWith("arn:aws"_L1))
        return QCoreApplication::translate(
            "sa::identity", "An IAM role ARN starts with arn:aws (arn:aws:iam::123456789012:role/NAME).");
    if (!matches(account, value))
        return QCoreApplication::translate(
            "sa::identity",
            "An IAM role ARN names a 12-digit account after iam:: (arn:aws:iam::123456789012:role/NAME).");
    return QCoreApplication::translate(
        "sa::identity",
        "An IAM role ARN ends in :role/ and the role's path and name: letters, digits and _+=,.@/- "
        "(arn:aws:iam::123456789012:role/NAME).");
}

QString audienceProblem(const QString &value)
{
    if (value.isEmpty())
        return QCoreApplication::translate("sa::identity",
                                           "Enter the audience (the webhook's default is sts.amazonaws.com).");
    if (std::ranges::any_of(value, [](QChar c) { return c.isSpace(); }))
        return QCoreApplication::translate("sa::identity", "An audience has no spaces.");
    return {};
}

// The webhook reads it with Go's strconv.ParseBool (pkg/cache/cache.go) and ignores any other value.
QString stsRegionalProblem(const QString &value)
{
    static const std::array accepted {u"true"_s, u"false"_s, u"True"_s, u"False"_s, u"TRUE"_s, u"FALSE"_s,
                                      u"t"_s,    u"f"_s,     u"T"_s,    u"F"_s,     u"1"_s,    u"0"_s};
    if (std::ranges::find(accepted, value) != accepted.end())
        return {};
    return QCoreApplication::translate("sa::identity",
                                       "Use \"true\" or \"false\": the webhook ignores any other value.");
}

// pkg/constants.go: MinTokenExpiration 600 ("10mins is min for kube-apiserver"; ValidateMinTokenExpiration raises a
// smaller value to it), MaxTokenExpiration 86400 ("24hrs as that is max for EKS"), default 86400.
QString eksExpirationProblem(const QString &value)
{
    return secondsProblem(
        value, 600, 86400,
        QCoreApplication::translate("sa::identity",
                                    "At least 600 seconds: the webhook raises a shorter expiration to 600."),
        QCoreApplication::translate("sa::identity", "At most 86400 seconds (24 hours), the longest token EKS issues."));
}

// GKE: the e-mail of a Google service account. Account IDs are 6-30 characters matching [a-z]([-a-z0-9]*[a-z0-9])
// (IAM API, projects.serviceAccounts.create); project IDs follow the same rule, and a domain-scoped project
// (example.com:my-project) has its domain after the ID. The Compute Engine and App Engine default accounts have
// addresses of their own.
QString gcpServiceAccountProblem(const QString &value)
{
    static const QRegularExpression name(u"^[a-z][-a-z0-9]{4,28}[a-z0-9]$"_s);
    static const QRegularExpression iamDomain(
        u"^[a-z][-a-z0-9]{4,28}[a-z0-9](\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\.iam\\.gserviceaccount\\.com$"_s);
    static const QRegularExpression computeDefault(u"^[0-9]+-compute@developer\\.gserviceaccount\\.com$"_s);
    static const QRegularExpression appEngineDefault(
        u"^[a-z][-a-z0-9]{4,28}[a-z0-9]@appspot\\.gserviceaccount\\.com$"_s);
    if (value.isEmpty())
        return QCoreApplication::translate(
            "sa::identity",
            "Enter the Google service account's e-mail, such as NAME@PROJECT_ID.iam.gserviceaccount.com.");
    if (matches(computeDefault, value) || matches(appEngineDefault, value))
        return {};
    const qsizetype at = value.indexOf(u'@');
    if (at < 0 || value.indexOf(u'@', at + 1) >= 0)
        return QCoreApplication::translate(
            "sa::identity",
            "A Google service account is named by its e-mail: NAME@PROJECT_ID.iam.gserviceaccount.com.");
    if (!matches(name, value.left(at)))
        return QCoreApplication::translate(
            "sa::identity",
            "The name before @ has 6 to 30 lower-case letters, digits and hyphens, starts with a letter and "
            "does not end with a hyphen.");
    if (!matches(iamDomain, value.mid(at + 1)))
        return QCoreApplication::translate(
            "sa::identity",
            "A Google service account's e-mail ends in @PROJECT_ID.iam.gserviceaccount.com (a project ID has 6 "
            "to 30 lower-case letters, digits and hyphens).");
    return {};
}

// Azure: Microsoft Entra client (application) and tenant IDs are GUIDs.
QString guidProblem(const QString &value, const QString &what)
{
    static const QRegularExpression guid(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    if (matches(guid, value))
        return {};
    return QCoreApplication::translate(
               "sa::identity",
               "%1 is a GUID: 8-4-4-4-12 hexadecimal digits, such as 00000000-0000-0000-0000-000000000000.")
        .arg(what);
}

QString azureClientProblem(const QString &value)
{
    return guidProblem(value, QCoreApplication::translate("sa::identity", "A client ID"));
}

QString azureTenantProblem(const QString &value)
{
    return guidProblem(value, QCoreApplication::translate("sa::identity", "A tenant ID"));
}

// Azure/azure-workload-identity pkg/webhook/webhook.go getServiceAccountTokenExpiration: a value outside
// [MinServiceAccountTokenExpiration 3600, MaxServiceAccountTokenExpiration 86400] makes the webhook refuse the pod.
QString azureExpirationProblem(const QString &value)
{
    const QString refused = QCoreApplication::translate(
        "sa::identity", "From 3600 to 86400 seconds: the webhook refuses the pods of an account set otherwise.");
    return secondsProblem(value, 3600, 86400, refused, refused);
}

constexpr KnownAnnotation kAnnotations[] = {
    {"eks.amazonaws.com/role-arn"_L1, Provider::Aws, true, QT_TRANSLATE_NOOP("sa::identity", "IAM role ARN"),
     QT_TRANSLATE_NOOP("sa::identity",
                       "The IAM role the pods assume with their service-account token (IRSA); the EKS pod identity "
                       "webhook mounts the token and sets AWS_ROLE_ARN."),
     "arn:aws:iam::123456789012:role/NAME", roleArnProblem},
    {"eks.amazonaws.com/audience"_L1, Provider::Aws, false, QT_TRANSLATE_NOOP("sa::identity", "Token audience"),
     QT_TRANSLATE_NOOP("sa::identity",
                       "The audience of the token the webhook mounts; the IAM OIDC provider must list it. Default: "
                       "sts.amazonaws.com."),
     "sts.amazonaws.com", audienceProblem},
    {"eks.amazonaws.com/sts-regional-endpoints"_L1, Provider::Aws, false,
     QT_TRANSLATE_NOOP("sa::identity", "Regional STS"),
     QT_TRANSLATE_NOOP("sa::identity",
                       "\"true\" makes the SDKs ask the region's STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional) "
                       "instead of the global one."),
     "true", stsRegionalProblem},
    {"eks.amazonaws.com/token-expiration"_L1, Provider::Aws, false,
     QT_TRANSLATE_NOOP("sa::identity", "Token expiration (s)"),
     QT_TRANSLATE_NOOP("sa::identity", "How long the mounted token lives, in seconds: 600 to 86400. Default: 86400."),
     "86400", eksExpirationProblem},
    {"iam.gke.io/gcp-service-account"_L1, Provider::Google, true,
     QT_TRANSLATE_NOOP("sa::identity", "Google service account"),
     QT_TRANSLATE_NOOP("sa::identity",
                       "The IAM service account the pods act as through GKE Workload Identity; it must grant this "
                       "account roles/iam.workloadIdentityUser."),
     "NAME@PROJECT_ID.iam.gserviceaccount.com", gcpServiceAccountProblem},
    {"azure.workload.identity/client-id"_L1, Provider::Azure, true, QT_TRANSLATE_NOOP("sa::identity", "Client ID"),
     QT_TRANSLATE_NOOP("sa::identity",
                       "The Microsoft Entra application or user-assigned managed identity the pods sign in as (pods "
                       "labelled azure.workload.identity/use: \"true\")."),
     "00000000-0000-0000-0000-000000000000", azureClientProblem},
    {"azure.workload.identity/tenant-id"_L1, Provider::Azure, false, QT_TRANSLATE_NOOP("sa::identity", "Tenant ID"),
     QT_TRANSLATE_NOOP("sa::identity",
                       "The tenant where that identity is registered. Default: the webhook's AZURE_TENANT_ID."),
     "00000000-0000-0000-0000-000000000000", azureTenantProblem},
    {"azure.workload.identity/service-account-token-expiration"_L1, Provider::Azure, false,
     QT_TRANSLATE_NOOP("sa::identity", "Token expiration (s)"),
     QT_TRANSLATE_NOOP("sa::identity", "How long the projected token lives, in seconds: 3600 to 86400. Default: 3600."),
     "3600", azureExpirationProblem},
};

} // namespace

std::span<const KnownAnnotation> knownAnnotations()
{
    return kAnnotations;
}

const KnownAnnotation *find(QStringView key)
{
    const auto found =
        std::ranges::find_if(kAnnotations, [key](const KnownAnnotation &known) { return key == known.key; });
    return found == std::end(kAnnotations) ? nullptr : &*found;
}

QString validate(QStringView key, const QString &value)
{
    const KnownAnnotation *known = find(key);
    return known ? known->check(value) : QString();
}

QString labelOf(const KnownAnnotation &annotation)
{
    return QCoreApplication::translate("sa::identity", annotation.label);
}

QString meaningOf(const KnownAnnotation &annotation)
{
    return QCoreApplication::translate("sa::identity", annotation.meaning);
}

QString shortName(Provider provider)
{
    switch (provider) {
    case Provider::Aws:
        return u"AWS"_s;
    case Provider::Google:
        return u"GCP"_s;
    case Provider::Azure:
        return u"Azure"_s;
    }
    return {};
}

QString longName(Provider provider)
{
    switch (provider) {
    case Provider::Aws:
        return QCoreApplication::translate("sa::identity", "AWS (EKS IAM roles for service accounts)");
    case Provider::Google:
        return QCoreApplication::translate("sa::identity", "Google Cloud (GKE Workload Identity)");
    case Provider::Azure:
        return QCoreApplication::translate("sa::identity", "Azure (Microsoft Entra Workload ID)");
    }
    return {};
}

QString CloudIdentity::summary() const
{
    if (principal.isEmpty()) {
        switch (provider) {
        case Provider::Aws:
            return QCoreApplication::translate("sa::identity",
                                               "AWS: no IAM role (eks.amazonaws.com/role-arn is not set)");
        case Provider::Google:
            return QCoreApplication::translate("sa::identity", "Google Cloud: no service account");
        case Provider::Azure:
            return QCoreApplication::translate("sa::identity",
                                               "Azure: no client ID (azure.workload.identity/client-id is not set)");
        }
    }
    switch (provider) {
    case Provider::Aws:
        return QCoreApplication::translate("sa::identity", "AWS IAM role %1").arg(principal);
    case Provider::Google:
        return QCoreApplication::translate("sa::identity", "Google service account %1").arg(principal);
    case Provider::Azure: {
        const QString tenant = annotations.value(u"azure.workload.identity/tenant-id"_s);
        return tenant.isEmpty()
            ? QCoreApplication::translate("sa::identity", "Azure client %1").arg(principal)
            : QCoreApplication::translate("sa::identity", "Azure client %1 in tenant %2").arg(principal, tenant);
    }
    }
    return {};
}

QList<CloudIdentity> identitiesOf(const QMap<QString, QString> &annotations)
{
    std::array<std::optional<CloudIdentity>, kProviderCount> found;
    for (const KnownAnnotation &known : kAnnotations) {
        const auto value = annotations.constFind(QString(known.key));
        if (value == annotations.cend())
            continue;
        std::optional<CloudIdentity> &identity = found[size_t(known.provider)];
        if (!identity) {
            identity = CloudIdentity();
            identity->provider = known.provider;
        }
        identity->annotations.insert(value.key(), value.value());
        if (known.principal)
            identity->principal = value.value();
        if (const QString problem = known.check(value.value()); !problem.isEmpty())
            identity->problems.append(value.key() + u": "_s + problem);
    }
    QList<CloudIdentity> identities;
    for (std::optional<CloudIdentity> &identity : found) {
        if (!identity)
            continue;
        if (identity->principal.isEmpty()) {
            const auto principal = std::ranges::find_if(kAnnotations, [&](const KnownAnnotation &known) {
                return known.provider == identity->provider && known.principal;
            });
            identity->problems.prepend(
                QCoreApplication::translate("sa::identity",
                                            "%1 is not set: the other annotations do nothing without it.")
                    .arg(principal->key));
        }
        identities.append(std::move(*identity));
    }
    return identities;
}

QList<CloudIdentity> identitiesOf(const QJsonObject &serviceAccount)
{
    QMap<QString, QString> annotations;
    const QJsonObject object = serviceAccount.value("metadata"_L1).toObject().value("annotations"_L1).toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        annotations.insert(it.key(), it.value().toString());
    return identitiesOf(annotations);
}

Brief briefOf(const QJsonObject &metadata)
{
    Brief brief;
    const QJsonValue annotationsValue = metadata.value("annotations"_L1);
    if (!annotationsValue.isObject())
        return brief;
    const QJsonObject annotations = annotationsValue.toObject();
    quint8 principals = 0;
    for (const KnownAnnotation &known : kAnnotations) {
        const auto value = annotations.constFind(known.key);
        if (value == annotations.constEnd())
            continue;
        const quint8 bit = quint8(1u << int(known.provider));
        brief.providers |= bit;
        if (known.principal)
            principals |= bit;
        if (!known.check(value->toString()).isEmpty())
            brief.malformed = true;
    }
    // Tuning annotations without the principal assume nothing: a problem, shown as one.
    if (principals != brief.providers)
        brief.malformed = true;
    return brief;
}

} // namespace sa::identity
