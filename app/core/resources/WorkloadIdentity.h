#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <span>

// The annotations by which a service account assumes a cloud identity (EKS IAM roles for service accounts, GKE
// Workload Identity, Azure workload identity): what each means, and whether a value has the form the cloud's webhook
// or metadata server reads.
namespace sa::identity {

enum class Provider : quint8 { Aws, Google, Azure };
constexpr int kProviderCount = 3;

struct KnownAnnotation
{
    QLatin1StringView key;
    Provider provider;
    bool principal; // names who the account becomes (the others only tune the token the pods get)
    const char *label; // a field's label: "IAM role ARN" (translated in the "sa::identity" context)
    const char *meaning; // one sentence: what the cloud does with it
    const char *example; // a placeholder value
    // Why `value` is not what the cloud reads, or empty.
    QString (*check)(const QString &value);
};

// Every known annotation, grouped by provider, the principal first in each group.
[[nodiscard]] std::span<const KnownAnnotation> knownAnnotations();
// The entry of `key`, or null for an annotation that is none of these.
[[nodiscard]] const KnownAnnotation *find(QStringView key);
// Why `value` cannot serve as `key`, or empty (also for an unknown key: there is nothing to check).
[[nodiscard]] QString validate(QStringView key, const QString &value);
// The translated label and meaning of an entry.
[[nodiscard]] QString labelOf(const KnownAnnotation &annotation);
[[nodiscard]] QString meaningOf(const KnownAnnotation &annotation);

// "AWS", "GCP", "Azure": what the table shows.
[[nodiscard]] QString shortName(Provider provider);
// "AWS (EKS IAM roles for service accounts)", ...: a section's title.
[[nodiscard]] QString longName(Provider provider);

// The identity an account assumes with one provider.
struct CloudIdentity
{
    Provider provider = Provider::Aws;
    QString principal; // the principal annotation's value; empty: only the tuning annotations are set
    QMap<QString, QString> annotations; // this provider's known annotations on the account
    QStringList problems; // "key: why", for each malformed value (and a missing principal)
    // "AWS IAM role arn:aws:iam::123456789012:role/ci", or what is missing.
    [[nodiscard]] QString summary() const;
};

// The providers whose annotations `annotations` carries, in Provider order.
[[nodiscard]] QList<CloudIdentity> identitiesOf(const QMap<QString, QString> &annotations);
// The same from a ServiceAccount object (its metadata.annotations).
[[nodiscard]] QList<CloudIdentity> identitiesOf(const QJsonObject &serviceAccount);

// What a table row keeps: one bit per provider whose annotations are set (1 << Provider), and whether any of them is
// malformed (or set without the principal). Reads a ServiceAccount's
// metadata and allocates nothing when none of ours is there.
struct Brief
{
    quint8 providers = 0;
    bool malformed = false;
    [[nodiscard]] bool has(Provider provider) const { return providers & (1u << int(provider)); }
};
[[nodiscard]] Brief briefOf(const QJsonObject &metadata);

} // namespace sa::identity
