// The readers of API objects: each kind's fromJson, Table rows as the informer compacts them, discovery lists,
// workload identities and the YAML view's masking. The input is one object; a List's or Table's items are read too.
#include "FuzzSupport.h"

#include "api/Informer.h"
#include "rbac/Rbac.h"
#include "resources/ApiResources.h"
#include "resources/Resources.h"
#include "resources/WorkloadIdentity.h"
#include "resources/Yaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

void readObject(const QJsonObject &object)
{
    (void)sa::ObjectMeta::fromJson(object.value("metadata"_L1).toObject());
    (void)sa::Namespace::fromJson(object);
    (void)sa::ServiceAccount::fromJson(object);
    if (const auto meta = sa::SecretMeta::fromSecretJson(object))
        (void)meta->serviceAccountName();
    if (const auto meta = sa::SecretMeta::fromTableItem(object))
        (void)meta->serviceAccountName();
    (void)sa::Secret::fromJson(object);
    (void)sa::Pod::fromJson(object);
    const QJsonObject spec = object.value("spec"_L1).toObject();
    (void)sa::SecretUse::of(spec);
    (void)sa::SecretUse::secretsOf(spec);
    const QJsonObject templateSpec = spec.value("template"_L1).toObject().value("spec"_L1).toObject();
    (void)sa::SecretUse::of(templateSpec);
    if (const auto deployment = sa::Deployment::fromJson(object)) {
        QString progress;
        (void)deployment->rolledOut(&progress);
    }
    if (const auto set = sa::StatefulSet::fromJson(object))
        (void)set->rollout();
    if (const auto set = sa::DaemonSet::fromJson(object))
        (void)set->rollout();
    if (const auto binding = sa::RoleBinding::fromJson(object))
        (void)binding->bindsServiceAccount(u"default"_s, u"default"_s);
    if (const auto role = sa::rbac::Role::fromJson(object)) {
        for (const sa::rbac::PolicyRule &rule : role->rules) {
            (void)sa::rbac::verbMatches(rule, u"get"_s);
            (void)sa::rbac::resourceMatches(rule, u"secrets"_s, {});
            (void)sa::rbac::nonResourceURLMatches(rule, u"/healthz"_s);
        }
        for (const sa::rbac::LabelSelector &selector : role->clusterRoleSelectors)
            (void)selector.matches({{u"app"_s, u"web"_s}});
    }
    (void)sa::parseApiResourceList(object);
    (void)sa::preferredGroupVersions(object);
    (void)sa::legacyVersions(object);
    (void)sa::identity::identitiesOf(object);
    (void)sa::identity::briefOf(object.value("metadata"_L1).toObject());
    (void)sa::toYaml(sa::maskSecretValues(object));
    (void)sa::Informer::uidOf(object);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(fuzz::bytes(data, size));
    if (!document.isObject())
        return 0;
    const QJsonObject object = document.object();
    readObject(object);
    for (const QJsonValue item : object.value("items"_L1).toArray())
        readObject(item.toObject());
    const QJsonArray columns = object.value("columnDefinitions"_L1).toArray();
    for (const QJsonValue row : object.value("rows"_L1).toArray())
        readObject(sa::Informer::compactRow(row.toObject(), columns));
    return 0;
}
