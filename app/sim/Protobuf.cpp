#include "Protobuf.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <span>

using namespace Qt::StringLiterals;

namespace kubesim {
namespace {

// Our schemas nest about a dozen levels; anything deeper can only come from groups in hostile input.
constexpr int kMaxDepth = 64;
constexpr int kMaxFieldNumber = (1 << 29) - 1;
constexpr int kWireVarint = 0;
constexpr int kWireFixed64 = 1;
constexpr int kWireBytes = 2;
constexpr int kWireStartGroup = 3;
constexpr int kWireEndGroup = 4;
constexpr int kWireFixed32 = 5;
// Go's zero time.Time (0001-01-01T00:00:00Z) and the last second RFC 3339 can spell.
constexpr qint64 kZeroTimeSeconds = -62135596800;
constexpr qint64 kMaxTimeSeconds = 253402300799;

enum class Type : quint8 {
    String,
    Bytes, // []byte: base64 in JSON
    RawJson, // bytes that already hold JSON (FieldsV1.Raw)
    Int32,
    Int64,
    Bool,
    // Message-encoded values that JSON shows as scalars; decoded through a helper schema.
    Time, // metav1.Time {1 seconds, 2 nanos}: RFC 3339 in seconds, null when zero
    Quantity, // resource.Quantity {1 string}
    IntOrString, // intstr.IntOrString {1 type, 2 intVal, 3 strVal}
    FieldsV1, // metav1.FieldsV1 {1 raw JSON}
    StringList, // a named []string such as authentication ExtraValue {1 repeated string}
    Message,
    Inline, // a Go struct embedded with json:",inline": its fields land in the parent object
};

enum class Card : quint8 { Single, Repeated, Map };

struct Schema;

struct Field
{
    int number;
    const char *json;
    Type type;
    Card card;
    bool omitEmpty; // Go omitempty on a non-pointer scalar: its zero value is not written
    const Schema *schema;
};

struct Schema
{
    const char *name; // the Go type, for error messages
    std::span<const Field> fields;
};

// nanos is only listed for its wire type check: metav1.Time drops it on decode.
constexpr Field kTimestampFields[] = {{1, "seconds", Type::Int64, Card::Single, false, nullptr},
                                      {2, "nanos", Type::Int32, Card::Single, false, nullptr}};
constexpr Schema kTimestamp {"Timestamp", kTimestampFields};
constexpr Field kQuantityFields[] = {{1, "string", Type::String, Card::Single, false, nullptr}};
constexpr Schema kQuantity {"Quantity", kQuantityFields};
constexpr Field kIntOrStringFields[] = {{1, "type", Type::Int64, Card::Single, false, nullptr},
                                        {2, "intVal", Type::Int32, Card::Single, false, nullptr},
                                        {3, "strVal", Type::String, Card::Single, false, nullptr}};
constexpr Schema kIntOrString {"IntOrString", kIntOrStringFields};
constexpr Field kFieldsV1Fields[] = {{1, "raw", Type::RawJson, Card::Single, false, nullptr}};
constexpr Schema kFieldsV1 {"FieldsV1", kFieldsV1Fields};
constexpr Field kStringListFields[] = {{1, "items", Type::String, Card::Repeated, false, nullptr}};
constexpr Schema kStringList {"ExtraValue", kStringListFields};

constexpr const Schema *helperSchema(Type type)
{
    switch (type) {
    case Type::Time:
        return &kTimestamp;
    case Type::Quantity:
        return &kQuantity;
    case Type::IntOrString:
        return &kIntOrString;
    case Type::FieldsV1:
        return &kFieldsV1;
    case Type::StringList:
        return &kStringList;
    default:
        return nullptr;
    }
}

// Table builders. `opt` is a Go field tagged omitempty (zero values vanish from JSON); `req` is one without
// omitempty or a pointer, which gogo only writes when set, so whatever arrives is kept.
constexpr Field opt(int number, const char *json, Type type = Type::String)
{
    return {number, json, type, Card::Single, true, helperSchema(type)};
}
constexpr Field req(int number, const char *json, Type type = Type::String)
{
    return {number, json, type, Card::Single, false, helperSchema(type)};
}
constexpr Field rep(int number, const char *json, Type type = Type::String)
{
    return {number, json, type, Card::Repeated, false, helperSchema(type)};
}
constexpr Field msg(int number, const char *json, const Schema &schema)
{
    return {number, json, Type::Message, Card::Single, false, &schema};
}
constexpr Field msgs(int number, const char *json, const Schema &schema)
{
    return {number, json, Type::Message, Card::Repeated, false, &schema};
}
constexpr Field inl(int number, const Schema &schema)
{
    return {number, "", Type::Inline, Card::Single, false, &schema};
}
// Protobuf maps are repeated {1 key, 2 value} entries; `entry` describes one.
constexpr Field mapOf(int number, const char *json, const Schema &entry)
{
    return {number, json, Type::Message, Card::Map, false, &entry};
}

constexpr Field kStringEntryFields[] = {req(1, "key"), req(2, "value")};
constexpr Schema kStringEntry {"StringEntry", kStringEntryFields};
constexpr Field kBytesEntryFields[] = {req(1, "key"), req(2, "value", Type::Bytes)};
constexpr Schema kBytesEntry {"BytesEntry", kBytesEntryFields};
constexpr Field kQuantityEntryFields[] = {req(1, "key"), req(2, "value", Type::Quantity)};
constexpr Schema kQuantityEntry {"ResourceListEntry", kQuantityEntryFields};
constexpr Field kExtraEntryFields[] = {req(1, "key"), req(2, "value", Type::StringList)};
constexpr Schema kExtraEntry {"ExtraEntry", kExtraEntryFields};

// meta/v1 (k8s.io/apimachinery/pkg/apis/meta/v1/types.go)
constexpr Field kOwnerReferenceFields[] = {req(1, "kind"),
                                           req(3, "name"),
                                           req(4, "uid"),
                                           req(5, "apiVersion"),
                                           req(6, "controller", Type::Bool),
                                           req(7, "blockOwnerDeletion", Type::Bool)};
constexpr Schema kOwnerReference {"OwnerReference", kOwnerReferenceFields};
constexpr Field kManagedFieldsEntryFields[] = {opt(1, "manager"),    opt(2, "operation"),
                                               opt(3, "apiVersion"), req(4, "time", Type::Time),
                                               opt(6, "fieldsType"), req(7, "fieldsV1", Type::FieldsV1),
                                               opt(8, "subresource")};
constexpr Schema kManagedFieldsEntry {"ManagedFieldsEntry", kManagedFieldsEntryFields};
constexpr Field kObjectMetaFields[] = {opt(1, "name"),
                                       opt(2, "generateName"),
                                       opt(3, "namespace"),
                                       opt(4, "selfLink"),
                                       opt(5, "uid"),
                                       opt(6, "resourceVersion"),
                                       opt(7, "generation", Type::Int64),
                                       req(8, "creationTimestamp", Type::Time),
                                       req(9, "deletionTimestamp", Type::Time),
                                       req(10, "deletionGracePeriodSeconds", Type::Int64),
                                       mapOf(11, "labels", kStringEntry),
                                       mapOf(12, "annotations", kStringEntry),
                                       msgs(13, "ownerReferences", kOwnerReference),
                                       rep(14, "finalizers"),
                                       msgs(17, "managedFields", kManagedFieldsEntry)};
constexpr Schema kObjectMeta {"ObjectMeta", kObjectMetaFields};
// LabelSelectorRequirement and FieldSelectorRequirement share their wire shape.
constexpr Field kSelectorRequirementFields[] = {req(1, "key"), req(2, "operator"), rep(3, "values")};
constexpr Schema kLabelSelectorRequirement {"LabelSelectorRequirement", kSelectorRequirementFields};
constexpr Schema kFieldSelectorRequirement {"FieldSelectorRequirement", kSelectorRequirementFields};
constexpr Field kLabelSelectorFields[] = {mapOf(1, "matchLabels", kStringEntry),
                                          msgs(2, "matchExpressions", kLabelSelectorRequirement)};
constexpr Schema kLabelSelector {"LabelSelector", kLabelSelectorFields};

// core/v1 (k8s.io/api/core/v1/types.go)
constexpr Field kObjectReferenceFields[] = {opt(1, "kind"),     opt(2, "namespace"),  opt(3, "name"),
                                            opt(4, "uid"),      opt(5, "apiVersion"), opt(6, "resourceVersion"),
                                            opt(7, "fieldPath")};
constexpr Schema kObjectReference {"ObjectReference", kObjectReferenceFields};
constexpr Field kLocalObjectReferenceFields[] = {opt(1, "name")};
constexpr Schema kLocalObjectReference {"LocalObjectReference", kLocalObjectReferenceFields};

constexpr Field kNamespaceConditionFields[] = {
    req(1, "type"), req(2, "status"), req(4, "lastTransitionTime", Type::Time), opt(5, "reason"), opt(6, "message")};
constexpr Schema kNamespaceCondition {"NamespaceCondition", kNamespaceConditionFields};
constexpr Field kNamespaceSpecFields[] = {rep(1, "finalizers")};
constexpr Schema kNamespaceSpec {"NamespaceSpec", kNamespaceSpecFields};
constexpr Field kNamespaceStatusFields[] = {opt(1, "phase"), msgs(2, "conditions", kNamespaceCondition)};
constexpr Schema kNamespaceStatus {"NamespaceStatus", kNamespaceStatusFields};
constexpr Field kNamespaceFields[] = {msg(1, "metadata", kObjectMeta), msg(2, "spec", kNamespaceSpec),
                                      msg(3, "status", kNamespaceStatus)};
constexpr Schema kNamespace {"Namespace", kNamespaceFields};

constexpr Field kServiceAccountFields[] = {msg(1, "metadata", kObjectMeta), msgs(2, "secrets", kObjectReference),
                                           msgs(3, "imagePullSecrets", kLocalObjectReference),
                                           req(4, "automountServiceAccountToken", Type::Bool)};
constexpr Schema kServiceAccount {"ServiceAccount", kServiceAccountFields};
constexpr Field kSecretFields[] = {msg(1, "metadata", kObjectMeta), mapOf(2, "data", kBytesEntry), opt(3, "type"),
                                   mapOf(4, "stringData", kStringEntry), req(5, "immutable", Type::Bool)};
constexpr Schema kSecret {"Secret", kSecretFields};
constexpr Field kConfigMapFields[] = {msg(1, "metadata", kObjectMeta), mapOf(2, "data", kStringEntry),
                                      mapOf(3, "binaryData", kBytesEntry), req(4, "immutable", Type::Bool)};
constexpr Schema kConfigMap {"ConfigMap", kConfigMapFields};

constexpr Field kKeyToPathFields[] = {req(1, "key"), req(2, "path"), req(3, "mode", Type::Int32)};
constexpr Schema kKeyToPath {"KeyToPath", kKeyToPathFields};
constexpr Field kObjectFieldSelectorFields[] = {opt(1, "apiVersion"), req(2, "fieldPath")};
constexpr Schema kObjectFieldSelector {"ObjectFieldSelector", kObjectFieldSelectorFields};
// divisor is a struct, on which omitempty has no effect.
constexpr Field kResourceFieldSelectorFields[] = {opt(1, "containerName"), req(2, "resource"),
                                                  req(3, "divisor", Type::Quantity)};
constexpr Schema kResourceFieldSelector {"ResourceFieldSelector", kResourceFieldSelectorFields};
constexpr Field kHostPathVolumeSourceFields[] = {req(1, "path"), req(2, "type")};
constexpr Schema kHostPathVolumeSource {"HostPathVolumeSource", kHostPathVolumeSourceFields};
constexpr Field kEmptyDirVolumeSourceFields[] = {opt(1, "medium"), req(2, "sizeLimit", Type::Quantity)};
constexpr Schema kEmptyDirVolumeSource {"EmptyDirVolumeSource", kEmptyDirVolumeSourceFields};
constexpr Field kSecretVolumeSourceFields[] = {opt(1, "secretName"), msgs(2, "items", kKeyToPath),
                                               req(3, "defaultMode", Type::Int32), req(4, "optional", Type::Bool)};
constexpr Schema kSecretVolumeSource {"SecretVolumeSource", kSecretVolumeSourceFields};
constexpr Field kPersistentVolumeClaimVolumeSourceFields[] = {req(1, "claimName"), opt(2, "readOnly", Type::Bool)};
constexpr Schema kPersistentVolumeClaimVolumeSource {"PersistentVolumeClaimVolumeSource",
                                                     kPersistentVolumeClaimVolumeSourceFields};
constexpr Field kDownwardAPIVolumeFileFields[] = {req(1, "path"), msg(2, "fieldRef", kObjectFieldSelector),
                                                  msg(3, "resourceFieldRef", kResourceFieldSelector),
                                                  req(4, "mode", Type::Int32)};
constexpr Schema kDownwardAPIVolumeFile {"DownwardAPIVolumeFile", kDownwardAPIVolumeFileFields};
constexpr Field kDownwardAPIVolumeSourceFields[] = {msgs(1, "items", kDownwardAPIVolumeFile),
                                                    req(2, "defaultMode", Type::Int32)};
constexpr Schema kDownwardAPIVolumeSource {"DownwardAPIVolumeSource", kDownwardAPIVolumeSourceFields};
constexpr Field kConfigMapVolumeSourceFields[] = {inl(1, kLocalObjectReference), msgs(2, "items", kKeyToPath),
                                                  req(3, "defaultMode", Type::Int32), req(4, "optional", Type::Bool)};
constexpr Schema kConfigMapVolumeSource {"ConfigMapVolumeSource", kConfigMapVolumeSourceFields};
// SecretProjection and ConfigMapProjection share their wire shape.
constexpr Field kKeyProjectionFields[] = {inl(1, kLocalObjectReference), msgs(2, "items", kKeyToPath),
                                          req(4, "optional", Type::Bool)};
constexpr Schema kSecretProjection {"SecretProjection", kKeyProjectionFields};
constexpr Schema kConfigMapProjection {"ConfigMapProjection", kKeyProjectionFields};
constexpr Field kDownwardAPIProjectionFields[] = {msgs(1, "items", kDownwardAPIVolumeFile)};
constexpr Schema kDownwardAPIProjection {"DownwardAPIProjection", kDownwardAPIProjectionFields};
constexpr Field kServiceAccountTokenProjectionFields[] = {opt(1, "audience"), req(2, "expirationSeconds", Type::Int64),
                                                          req(3, "path")};
constexpr Schema kServiceAccountTokenProjection {"ServiceAccountTokenProjection", kServiceAccountTokenProjectionFields};
constexpr Field kVolumeProjectionFields[] = {
    msg(1, "secret", kSecretProjection), msg(2, "downwardAPI", kDownwardAPIProjection),
    msg(3, "configMap", kConfigMapProjection), msg(4, "serviceAccountToken", kServiceAccountTokenProjection)};
constexpr Schema kVolumeProjection {"VolumeProjection", kVolumeProjectionFields};
constexpr Field kProjectedVolumeSourceFields[] = {msgs(1, "sources", kVolumeProjection),
                                                  req(2, "defaultMode", Type::Int32)};
constexpr Schema kProjectedVolumeSource {"ProjectedVolumeSource", kProjectedVolumeSourceFields};
constexpr Field kVolumeSourceFields[] = {msg(1, "hostPath", kHostPathVolumeSource),
                                         msg(2, "emptyDir", kEmptyDirVolumeSource),
                                         msg(6, "secret", kSecretVolumeSource),
                                         msg(10, "persistentVolumeClaim", kPersistentVolumeClaimVolumeSource),
                                         msg(16, "downwardAPI", kDownwardAPIVolumeSource),
                                         msg(19, "configMap", kConfigMapVolumeSource),
                                         msg(26, "projected", kProjectedVolumeSource)};
constexpr Schema kVolumeSource {"VolumeSource", kVolumeSourceFields};
constexpr Field kVolumeFields[] = {req(1, "name"), inl(2, kVolumeSource)};
constexpr Schema kVolume {"Volume", kVolumeFields};

constexpr Field kContainerPortFields[] = {opt(1, "name"), opt(2, "hostPort", Type::Int32),
                                          req(3, "containerPort", Type::Int32), opt(4, "protocol"), opt(5, "hostIP")};
constexpr Schema kContainerPort {"ContainerPort", kContainerPortFields};
// ConfigMapKeySelector and SecretKeySelector share their wire shape.
constexpr Field kKeySelectorFields[] = {inl(1, kLocalObjectReference), req(2, "key"), req(3, "optional", Type::Bool)};
constexpr Schema kConfigMapKeySelector {"ConfigMapKeySelector", kKeySelectorFields};
constexpr Schema kSecretKeySelector {"SecretKeySelector", kKeySelectorFields};
constexpr Field kEnvVarSourceFields[] = {
    msg(1, "fieldRef", kObjectFieldSelector), msg(2, "resourceFieldRef", kResourceFieldSelector),
    msg(3, "configMapKeyRef", kConfigMapKeySelector), msg(4, "secretKeyRef", kSecretKeySelector)};
constexpr Schema kEnvVarSource {"EnvVarSource", kEnvVarSourceFields};
constexpr Field kEnvVarFields[] = {req(1, "name"), opt(2, "value"), msg(3, "valueFrom", kEnvVarSource)};
constexpr Schema kEnvVar {"EnvVar", kEnvVarFields};
// ConfigMapEnvSource and SecretEnvSource share their wire shape.
constexpr Field kEnvSourceFields[] = {inl(1, kLocalObjectReference), req(2, "optional", Type::Bool)};
constexpr Schema kConfigMapEnvSource {"ConfigMapEnvSource", kEnvSourceFields};
constexpr Schema kSecretEnvSource {"SecretEnvSource", kEnvSourceFields};
constexpr Field kEnvFromSourceFields[] = {opt(1, "prefix"), msg(2, "configMapRef", kConfigMapEnvSource),
                                          msg(3, "secretRef", kSecretEnvSource)};
constexpr Schema kEnvFromSource {"EnvFromSource", kEnvFromSourceFields};
constexpr Field kResourceClaimFields[] = {req(1, "name"), opt(2, "request")};
constexpr Schema kResourceClaim {"ResourceClaim", kResourceClaimFields};
constexpr Field kResourceRequirementsFields[] = {
    mapOf(1, "limits", kQuantityEntry), mapOf(2, "requests", kQuantityEntry), msgs(3, "claims", kResourceClaim)};
constexpr Schema kResourceRequirements {"ResourceRequirements", kResourceRequirementsFields};
constexpr Field kVolumeMountFields[] = {req(1, "name"),
                                        opt(2, "readOnly", Type::Bool),
                                        req(3, "mountPath"),
                                        opt(4, "subPath"),
                                        req(5, "mountPropagation"),
                                        opt(6, "subPathExpr"),
                                        req(7, "recursiveReadOnly")};
constexpr Schema kVolumeMount {"VolumeMount", kVolumeMountFields};

constexpr Field kCapabilitiesFields[] = {rep(1, "add"), rep(2, "drop")};
constexpr Schema kCapabilities {"Capabilities", kCapabilitiesFields};
constexpr Field kSELinuxOptionsFields[] = {opt(1, "user"), opt(2, "role"), opt(3, "type"), opt(4, "level")};
constexpr Schema kSELinuxOptions {"SELinuxOptions", kSELinuxOptionsFields};
constexpr Field kWindowsSecurityContextOptionsFields[] = {req(1, "gmsaCredentialSpecName"),
                                                          req(2, "gmsaCredentialSpec"), req(3, "runAsUserName"),
                                                          req(4, "hostProcess", Type::Bool)};
constexpr Schema kWindowsSecurityContextOptions {"WindowsSecurityContextOptions", kWindowsSecurityContextOptionsFields};
// SeccompProfile and AppArmorProfile share their wire shape.
constexpr Field kProfileFields[] = {req(1, "type"), req(2, "localhostProfile")};
constexpr Schema kSeccompProfile {"SeccompProfile", kProfileFields};
constexpr Schema kAppArmorProfile {"AppArmorProfile", kProfileFields};
constexpr Field kSecurityContextFields[] = {msg(1, "capabilities", kCapabilities),
                                            req(2, "privileged", Type::Bool),
                                            msg(3, "seLinuxOptions", kSELinuxOptions),
                                            req(4, "runAsUser", Type::Int64),
                                            req(5, "runAsNonRoot", Type::Bool),
                                            req(6, "readOnlyRootFilesystem", Type::Bool),
                                            req(7, "allowPrivilegeEscalation", Type::Bool),
                                            req(8, "runAsGroup", Type::Int64),
                                            req(9, "procMount"),
                                            msg(10, "windowsOptions", kWindowsSecurityContextOptions),
                                            msg(11, "seccompProfile", kSeccompProfile),
                                            msg(12, "appArmorProfile", kAppArmorProfile)};
constexpr Schema kSecurityContext {"SecurityContext", kSecurityContextFields};
constexpr Field kSysctlFields[] = {req(1, "name"), req(2, "value")};
constexpr Schema kSysctl {"Sysctl", kSysctlFields};
constexpr Field kPodSecurityContextFields[] = {msg(1, "seLinuxOptions", kSELinuxOptions),
                                               req(2, "runAsUser", Type::Int64),
                                               req(3, "runAsNonRoot", Type::Bool),
                                               rep(4, "supplementalGroups", Type::Int64),
                                               req(5, "fsGroup", Type::Int64),
                                               req(6, "runAsGroup", Type::Int64),
                                               msgs(7, "sysctls", kSysctl),
                                               msg(8, "windowsOptions", kWindowsSecurityContextOptions),
                                               req(9, "fsGroupChangePolicy"),
                                               msg(10, "seccompProfile", kSeccompProfile),
                                               msg(11, "appArmorProfile", kAppArmorProfile),
                                               req(12, "supplementalGroupsPolicy"),
                                               req(13, "seLinuxChangePolicy")};
constexpr Schema kPodSecurityContext {"PodSecurityContext", kPodSecurityContextFields};

constexpr Field kContainerFields[] = {req(1, "name"),
                                      opt(2, "image"),
                                      rep(3, "command"),
                                      rep(4, "args"),
                                      opt(5, "workingDir"),
                                      msgs(6, "ports", kContainerPort),
                                      msgs(7, "env", kEnvVar),
                                      msg(8, "resources", kResourceRequirements),
                                      msgs(9, "volumeMounts", kVolumeMount),
                                      opt(13, "terminationMessagePath"),
                                      opt(14, "imagePullPolicy"),
                                      msg(15, "securityContext", kSecurityContext),
                                      opt(16, "stdin", Type::Bool),
                                      opt(17, "stdinOnce", Type::Bool),
                                      opt(18, "tty", Type::Bool),
                                      msgs(19, "envFrom", kEnvFromSource),
                                      opt(20, "terminationMessagePolicy"),
                                      req(24, "restartPolicy")};
constexpr Schema kContainer {"Container", kContainerFields};
constexpr Field kPodSpecFields[] = {msgs(1, "volumes", kVolume),
                                    msgs(2, "containers", kContainer),
                                    opt(3, "restartPolicy"),
                                    req(4, "terminationGracePeriodSeconds", Type::Int64),
                                    req(5, "activeDeadlineSeconds", Type::Int64),
                                    opt(6, "dnsPolicy"),
                                    mapOf(7, "nodeSelector", kStringEntry),
                                    opt(8, "serviceAccountName"),
                                    opt(9, "serviceAccount"),
                                    opt(10, "nodeName"),
                                    opt(11, "hostNetwork", Type::Bool),
                                    opt(12, "hostPID", Type::Bool),
                                    opt(13, "hostIPC", Type::Bool),
                                    msg(14, "securityContext", kPodSecurityContext),
                                    msgs(15, "imagePullSecrets", kLocalObjectReference),
                                    opt(16, "hostname"),
                                    opt(17, "subdomain"),
                                    opt(19, "schedulerName"),
                                    msgs(20, "initContainers", kContainer),
                                    req(21, "automountServiceAccountToken", Type::Bool),
                                    opt(24, "priorityClassName"),
                                    req(25, "priority", Type::Int32),
                                    req(27, "shareProcessNamespace", Type::Bool),
                                    req(29, "runtimeClassName"),
                                    req(30, "enableServiceLinks", Type::Bool),
                                    req(31, "preemptionPolicy"),
                                    req(35, "setHostnameAsFQDN", Type::Bool),
                                    req(37, "hostUsers", Type::Bool)};
constexpr Schema kPodSpec {"PodSpec", kPodSpecFields};
constexpr Field kPodStatusFields[] = {opt(1, "phase")};
constexpr Schema kPodStatus {"PodStatus", kPodStatusFields};
constexpr Field kPodFields[] = {msg(1, "metadata", kObjectMeta), msg(2, "spec", kPodSpec),
                                msg(3, "status", kPodStatus)};
constexpr Schema kPod {"Pod", kPodFields};
constexpr Field kPodTemplateSpecFields[] = {msg(1, "metadata", kObjectMeta), msg(2, "spec", kPodSpec)};
constexpr Schema kPodTemplateSpec {"PodTemplateSpec", kPodTemplateSpecFields};

// apps/v1 (k8s.io/api/apps/v1/types.go)
constexpr Field kRollingUpdateDeploymentFields[] = {req(1, "maxUnavailable", Type::IntOrString),
                                                    req(2, "maxSurge", Type::IntOrString)};
constexpr Schema kRollingUpdateDeployment {"RollingUpdateDeployment", kRollingUpdateDeploymentFields};
constexpr Field kDeploymentStrategyFields[] = {opt(1, "type"), msg(2, "rollingUpdate", kRollingUpdateDeployment)};
constexpr Schema kDeploymentStrategy {"DeploymentStrategy", kDeploymentStrategyFields};
constexpr Field kDeploymentSpecFields[] = {
    req(1, "replicas", Type::Int32),        msg(2, "selector", kLabelSelector),
    msg(3, "template", kPodTemplateSpec),   msg(4, "strategy", kDeploymentStrategy),
    opt(5, "minReadySeconds", Type::Int32), req(6, "revisionHistoryLimit", Type::Int32),
    opt(7, "paused", Type::Bool),           req(9, "progressDeadlineSeconds", Type::Int32)};
constexpr Schema kDeploymentSpec {"DeploymentSpec", kDeploymentSpecFields};
constexpr Field kDeploymentConditionFields[] = {req(1, "type"),
                                                req(2, "status"),
                                                opt(4, "reason"),
                                                opt(5, "message"),
                                                req(6, "lastUpdateTime", Type::Time),
                                                req(7, "lastTransitionTime", Type::Time)};
constexpr Schema kDeploymentCondition {"DeploymentCondition", kDeploymentConditionFields};
constexpr Field kDeploymentStatusFields[] = {
    opt(1, "observedGeneration", Type::Int64),  opt(2, "replicas", Type::Int32),
    opt(3, "updatedReplicas", Type::Int32),     opt(4, "availableReplicas", Type::Int32),
    opt(5, "unavailableReplicas", Type::Int32), msgs(6, "conditions", kDeploymentCondition),
    opt(7, "readyReplicas", Type::Int32),       req(8, "collisionCount", Type::Int32)};
constexpr Schema kDeploymentStatus {"DeploymentStatus", kDeploymentStatusFields};
constexpr Field kDeploymentFields[] = {msg(1, "metadata", kObjectMeta), msg(2, "spec", kDeploymentSpec),
                                       msg(3, "status", kDeploymentStatus)};
constexpr Schema kDeployment {"Deployment", kDeploymentFields};

// rbac/v1 (k8s.io/api/rbac/v1/types.go)
constexpr Field kPolicyRuleFields[] = {rep(1, "verbs"), rep(2, "apiGroups"), rep(3, "resources"),
                                       rep(4, "resourceNames"), rep(5, "nonResourceURLs")};
constexpr Schema kPolicyRule {"PolicyRule", kPolicyRuleFields};
constexpr Field kAggregationRuleFields[] = {msgs(1, "clusterRoleSelectors", kLabelSelector)};
constexpr Schema kAggregationRule {"AggregationRule", kAggregationRuleFields};
constexpr Field kSubjectFields[] = {req(1, "kind"), opt(2, "apiGroup"), req(3, "name"), opt(4, "namespace")};
constexpr Schema kSubject {"Subject", kSubjectFields};
constexpr Field kRoleRefFields[] = {req(1, "apiGroup"), req(2, "kind"), req(3, "name")};
constexpr Schema kRoleRef {"RoleRef", kRoleRefFields};
constexpr Field kRoleFields[] = {msg(1, "metadata", kObjectMeta), msgs(2, "rules", kPolicyRule)};
constexpr Schema kRole {"Role", kRoleFields};
constexpr Field kClusterRoleFields[] = {msg(1, "metadata", kObjectMeta), msgs(2, "rules", kPolicyRule),
                                        msg(3, "aggregationRule", kAggregationRule)};
constexpr Schema kClusterRole {"ClusterRole", kClusterRoleFields};
constexpr Field kBindingFields[] = {msg(1, "metadata", kObjectMeta), msgs(2, "subjects", kSubject),
                                    msg(3, "roleRef", kRoleRef)};
constexpr Schema kRoleBinding {"RoleBinding", kBindingFields};
constexpr Schema kClusterRoleBinding {"ClusterRoleBinding", kBindingFields};

// authentication/v1 (k8s.io/api/authentication/v1/types.go)
constexpr Field kUserInfoFields[] = {opt(1, "username"), opt(2, "uid"), rep(3, "groups"),
                                     mapOf(4, "extra", kExtraEntry)};
constexpr Schema kUserInfo {"UserInfo", kUserInfoFields};
constexpr Field kTokenReviewSpecFields[] = {opt(1, "token"), rep(2, "audiences")};
constexpr Schema kTokenReviewSpec {"TokenReviewSpec", kTokenReviewSpecFields};
constexpr Field kTokenReviewStatusFields[] = {opt(1, "authenticated", Type::Bool), msg(2, "user", kUserInfo),
                                              opt(3, "error"), rep(4, "audiences")};
constexpr Schema kTokenReviewStatus {"TokenReviewStatus", kTokenReviewStatusFields};
constexpr Field kTokenReviewFields[] = {msg(1, "metadata", kObjectMeta), msg(2, "spec", kTokenReviewSpec),
                                        msg(3, "status", kTokenReviewStatus)};
constexpr Schema kTokenReview {"TokenReview", kTokenReviewFields};
constexpr Field kBoundObjectReferenceFields[] = {opt(1, "kind"), opt(2, "apiVersion"), opt(3, "name"), opt(4, "uid")};
constexpr Schema kBoundObjectReference {"BoundObjectReference", kBoundObjectReferenceFields};
constexpr Field kTokenRequestSpecFields[] = {rep(1, "audiences"), msg(3, "boundObjectRef", kBoundObjectReference),
                                             req(4, "expirationSeconds", Type::Int64)};
constexpr Schema kTokenRequestSpec {"TokenRequestSpec", kTokenRequestSpecFields};
constexpr Field kTokenRequestStatusFields[] = {req(1, "token"), req(2, "expirationTimestamp", Type::Time)};
constexpr Schema kTokenRequestStatus {"TokenRequestStatus", kTokenRequestStatusFields};
constexpr Field kTokenRequestFields[] = {msg(1, "metadata", kObjectMeta), msg(2, "spec", kTokenRequestSpec),
                                         msg(3, "status", kTokenRequestStatus)};
constexpr Schema kTokenRequest {"TokenRequest", kTokenRequestFields};
constexpr Field kSelfSubjectReviewStatusFields[] = {msg(1, "userInfo", kUserInfo)};
constexpr Schema kSelfSubjectReviewStatus {"SelfSubjectReviewStatus", kSelfSubjectReviewStatusFields};
constexpr Field kSelfSubjectReviewFields[] = {msg(1, "metadata", kObjectMeta),
                                              msg(2, "status", kSelfSubjectReviewStatus)};
constexpr Schema kSelfSubjectReview {"SelfSubjectReview", kSelfSubjectReviewFields};

// authorization/v1 (k8s.io/api/authorization/v1/types.go)
constexpr Field kFieldSelectorAttributesFields[] = {opt(1, "rawSelector"),
                                                    msgs(2, "requirements", kFieldSelectorRequirement)};
constexpr Schema kFieldSelectorAttributes {"FieldSelectorAttributes", kFieldSelectorAttributesFields};
constexpr Field kLabelSelectorAttributesFields[] = {opt(1, "rawSelector"),
                                                    msgs(2, "requirements", kLabelSelectorRequirement)};
constexpr Schema kLabelSelectorAttributes {"LabelSelectorAttributes", kLabelSelectorAttributesFields};
constexpr Field kResourceAttributesFields[] = {opt(1, "namespace"),
                                               opt(2, "verb"),
                                               opt(3, "group"),
                                               opt(4, "version"),
                                               opt(5, "resource"),
                                               opt(6, "subresource"),
                                               opt(7, "name"),
                                               msg(8, "fieldSelector", kFieldSelectorAttributes),
                                               msg(9, "labelSelector", kLabelSelectorAttributes)};
constexpr Schema kResourceAttributes {"ResourceAttributes", kResourceAttributesFields};
constexpr Field kNonResourceAttributesFields[] = {opt(1, "path"), opt(2, "verb")};
constexpr Schema kNonResourceAttributes {"NonResourceAttributes", kNonResourceAttributesFields};
constexpr Field kSubjectAccessReviewSpecFields[] = {msg(1, "resourceAttributes", kResourceAttributes),
                                                    msg(2, "nonResourceAttributes", kNonResourceAttributes),
                                                    opt(3, "user"),
                                                    rep(4, "groups"),
                                                    mapOf(5, "extra", kExtraEntry),
                                                    opt(6, "uid")};
constexpr Schema kSubjectAccessReviewSpec {"SubjectAccessReviewSpec", kSubjectAccessReviewSpecFields};
constexpr Field kSelfSubjectAccessReviewSpecFields[] = {msg(1, "resourceAttributes", kResourceAttributes),
                                                        msg(2, "nonResourceAttributes", kNonResourceAttributes)};
constexpr Schema kSelfSubjectAccessReviewSpec {"SelfSubjectAccessReviewSpec", kSelfSubjectAccessReviewSpecFields};
constexpr Field kSubjectAccessReviewStatusFields[] = {req(1, "allowed", Type::Bool), opt(2, "reason"),
                                                      opt(3, "evaluationError"), opt(4, "denied", Type::Bool)};
constexpr Schema kSubjectAccessReviewStatus {"SubjectAccessReviewStatus", kSubjectAccessReviewStatusFields};
// SubjectAccessReview and LocalSubjectAccessReview share their wire shape.
constexpr Field kSubjectAccessReviewFields[] = {msg(1, "metadata", kObjectMeta),
                                                msg(2, "spec", kSubjectAccessReviewSpec),
                                                msg(3, "status", kSubjectAccessReviewStatus)};
constexpr Schema kSubjectAccessReview {"SubjectAccessReview", kSubjectAccessReviewFields};
constexpr Schema kLocalSubjectAccessReview {"LocalSubjectAccessReview", kSubjectAccessReviewFields};
constexpr Field kSelfSubjectAccessReviewFields[] = {msg(1, "metadata", kObjectMeta),
                                                    msg(2, "spec", kSelfSubjectAccessReviewSpec),
                                                    msg(3, "status", kSubjectAccessReviewStatus)};
constexpr Schema kSelfSubjectAccessReview {"SelfSubjectAccessReview", kSelfSubjectAccessReviewFields};
constexpr Field kSelfSubjectRulesReviewSpecFields[] = {opt(1, "namespace")};
constexpr Schema kSelfSubjectRulesReviewSpec {"SelfSubjectRulesReviewSpec", kSelfSubjectRulesReviewSpecFields};
constexpr Field kResourceRuleFields[] = {rep(1, "verbs"), rep(2, "apiGroups"), rep(3, "resources"),
                                         rep(4, "resourceNames")};
constexpr Schema kResourceRule {"ResourceRule", kResourceRuleFields};
constexpr Field kNonResourceRuleFields[] = {rep(1, "verbs"), rep(2, "nonResourceURLs")};
constexpr Schema kNonResourceRule {"NonResourceRule", kNonResourceRuleFields};
constexpr Field kSubjectRulesReviewStatusFields[] = {msgs(1, "resourceRules", kResourceRule),
                                                     msgs(2, "nonResourceRules", kNonResourceRule),
                                                     req(3, "incomplete", Type::Bool), opt(4, "evaluationError")};
constexpr Schema kSubjectRulesReviewStatus {"SubjectRulesReviewStatus", kSubjectRulesReviewStatusFields};
constexpr Field kSelfSubjectRulesReviewFields[] = {msg(1, "metadata", kObjectMeta),
                                                   msg(2, "spec", kSelfSubjectRulesReviewSpec),
                                                   msg(3, "status", kSubjectRulesReviewStatus)};
constexpr Schema kSelfSubjectRulesReview {"SelfSubjectRulesReview", kSelfSubjectRulesReviewFields};

struct Registered
{
    const char *apiVersion;
    const char *kind;
    const Schema *schema;
};

constexpr Registered kRegistered[] = {
    {"v1", "Namespace", &kNamespace},
    {"v1", "ServiceAccount", &kServiceAccount},
    {"v1", "Secret", &kSecret},
    {"v1", "ConfigMap", &kConfigMap},
    {"v1", "Pod", &kPod},
    {"apps/v1", "Deployment", &kDeployment},
    {"rbac.authorization.k8s.io/v1", "Role", &kRole},
    {"rbac.authorization.k8s.io/v1", "ClusterRole", &kClusterRole},
    {"rbac.authorization.k8s.io/v1", "RoleBinding", &kRoleBinding},
    {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", &kClusterRoleBinding},
    {"authentication.k8s.io/v1", "TokenRequest", &kTokenRequest},
    {"authentication.k8s.io/v1", "TokenReview", &kTokenReview},
    {"authentication.k8s.io/v1", "SelfSubjectReview", &kSelfSubjectReview},
    {"authorization.k8s.io/v1", "SelfSubjectAccessReview", &kSelfSubjectAccessReview},
    {"authorization.k8s.io/v1", "SubjectAccessReview", &kSubjectAccessReview},
    {"authorization.k8s.io/v1", "LocalSubjectAccessReview", &kLocalSubjectAccessReview},
    {"authorization.k8s.io/v1", "SelfSubjectRulesReview", &kSelfSubjectRulesReview},
};

constexpr Field kTypeMetaFields[] = {opt(1, "apiVersion"), opt(2, "kind")};
constexpr Schema kTypeMeta {"TypeMeta", kTypeMetaFields};

struct RawField
{
    int number = 0;
    int wire = kWireVarint;
    quint64 varint = 0;
    QByteArrayView bytes;
};

// Walks the fields of one message. Every read is bounds-checked; errors use gogo-protobuf's wording.
class Reader
{
public:
    Reader(QByteArrayView data, QString &error)
        : m_pos(data.data())
        , m_end(data.data() + data.size())
        , m_error(error)
    { }

    [[nodiscard]] bool atEnd() const { return m_pos == m_end; }

    // Reads the next field; fixed-width values and groups are consumed and have no payload.
    bool next(RawField &field, const char *message)
    {
        quint64 key = 0;
        if (!varint(key))
            return false;
        field.wire = static_cast<int>(key & 7);
        if (field.wire == kWireEndGroup)
            return fail(u"proto: %1: wiretype end group for non-group"_s.arg(QLatin1StringView(message)));
        if ((key >> 3) == 0 || (key >> 3) > kMaxFieldNumber)
            return fail(u"proto: %1: illegal tag %2 (wire type %3)"_s.arg(QLatin1StringView(message))
                            .arg(key >> 3)
                            .arg(field.wire));
        field.number = static_cast<int>(key >> 3);
        return value(field, 0);
    }

    bool varint(quint64 &value)
    {
        value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd())
                return fail(u"unexpected EOF"_s);
            const auto byte = static_cast<uchar>(*m_pos++);
            value |= quint64(byte & 0x7f) << shift;
            if (byte < 0x80)
                return true;
        }
        return fail(u"proto: integer overflow"_s);
    }

private:
    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    bool skip(quint64 count)
    {
        if (count > quint64(m_end - m_pos))
            return fail(u"unexpected EOF"_s);
        m_pos += count;
        return true;
    }

    bool value(RawField &field, int groupDepth)
    {
        switch (field.wire) {
        case kWireVarint:
            return varint(field.varint);
        case kWireFixed64:
            return skip(8);
        case kWireFixed32:
            return skip(4);
        case kWireBytes: {
            quint64 length = 0;
            if (!varint(length))
                return false;
            if (length > quint64(std::numeric_limits<qint64>::max()))
                return fail(u"proto: negative length found during unmarshaling"_s);
            const char *start = m_pos;
            if (!skip(length))
                return false;
            field.bytes = QByteArrayView(start, m_pos);
            return true;
        }
        case kWireStartGroup:
            return skipGroup(field.number, groupDepth + 1);
        default:
            return fail(u"proto: illegal wireType %1"_s.arg(field.wire));
        }
    }

    // Groups are obsolete and never used by Kubernetes, but a skipped unknown field may be one.
    bool skipGroup(int number, int depth)
    {
        if (depth > kMaxDepth)
            return fail(u"proto: exceeded maximum nesting depth"_s);
        for (;;) {
            quint64 key = 0;
            if (!varint(key))
                return false;
            RawField inner;
            inner.wire = static_cast<int>(key & 7);
            inner.number = static_cast<int>(std::min<quint64>(key >> 3, kMaxFieldNumber + 1));
            if (inner.wire == kWireEndGroup)
                return inner.number == number || fail(u"proto: unexpected end of group"_s);
            if (!value(inner, depth))
                return false;
        }
    }

    const char *m_pos;
    const char *m_end;
    QString &m_error;
};

bool isZero(const QJsonValue &value)
{
    return value == QJsonValue(false) || value == QJsonValue(0) || value == QJsonValue(QString());
}

// What Go marshals for a map value that the entry left out.
QJsonValue zeroValue(Type type)
{
    switch (type) {
    case Type::Quantity:
        return u"0"_s;
    case Type::StringList:
        return QJsonValue::Null;
    default:
        return QString();
    }
}

// A message being decoded. Lists and maps are collected outside the QJsonObject so that hostile bodies with
// many entries stay linear; a singular message that occurs several times is merged as protobuf specifies, by
// decoding the concatenation of its occurrences.
struct Builder
{
    QJsonObject object;
    std::map<const Field *, QJsonArray> lists;
    std::map<const Field *, std::map<QString, QJsonValue>> maps;
    std::map<const Field *, QByteArray> messages;
};

class Decoder
{
public:
    QString error;

    bool message(QByteArrayView data, const Schema &schema, QJsonObject &out, int depth)
    {
        Builder builder;
        if (!fields(data, schema, builder, depth))
            return false;
        out = std::move(builder.object);
        for (const auto &[field, list] : builder.lists)
            out.insert(QLatin1StringView(field->json), list);
        for (const auto &[field, entries] : builder.maps) {
            QJsonObject map;
            for (const auto &[key, value] : entries)
                map.insert(key, value);
            out.insert(QLatin1StringView(field->json), map);
        }
        for (const auto &[field, bytes] : builder.messages) {
            QJsonObject object;
            if (!message(bytes, *field->schema, object, depth + 1))
                return false;
            out.insert(QLatin1StringView(field->json), object);
        }
        return true;
    }

private:
    bool fail(const QString &message)
    {
        error = message;
        return false;
    }

    bool fields(QByteArrayView data, const Schema &schema, Builder &builder, int depth)
    {
        if (depth > kMaxDepth)
            return fail(u"proto: exceeded maximum nesting depth"_s);
        Reader reader(data, error);
        while (!reader.atEnd()) {
            RawField raw;
            if (!reader.next(raw, schema.name))
                return false;
            // Unknown numbers are skipped: clients newer than this table send fields it does not know.
            const auto field = std::ranges::find(schema.fields, raw.number, &Field::number);
            if (field != schema.fields.end() && !decodeField(*field, raw, builder, depth))
                return false;
        }
        return true;
    }

    bool decodeField(const Field &field, const RawField &raw, Builder &builder, int depth)
    {
        const bool isVarint = field.type == Type::Int32 || field.type == Type::Int64 || field.type == Type::Bool;
        const auto name = QLatin1StringView(field.json);
        if (isVarint && field.card == Card::Repeated && raw.wire == kWireBytes)
            return packed(field, raw.bytes, builder.lists[&field]);
        if (raw.wire != (isVarint ? kWireVarint : kWireBytes))
            return fail(u"proto: wrong wireType = %1 for field %2"_s.arg(raw.wire).arg(name));

        if (field.type == Type::Inline)
            return fields(raw.bytes, *field.schema, builder, depth + 1);
        if (field.card == Card::Single && field.type == Type::Message) {
            builder.messages[&field].append(raw.bytes);
            return true;
        }
        QJsonValue value;
        if (field.type == Type::Message) {
            QJsonObject object;
            if (!message(raw.bytes, *field.schema, object, depth + 1))
                return false;
            value = object;
        } else if (!scalar(field, raw, value, depth)) {
            return false;
        }

        switch (field.card) {
        case Card::Single:
            if (field.omitEmpty && isZero(value))
                builder.object.remove(name);
            else
                builder.object.insert(name, value);
            return true;
        case Card::Repeated:
            builder.lists[&field].append(value);
            return true;
        case Card::Map: {
            const QJsonObject entry = value.toObject();
            QJsonValue entryValue = entry.value("value"_L1);
            if (entryValue.isUndefined())
                entryValue = zeroValue(field.schema->fields[1].type);
            builder.maps[&field].insert_or_assign(entry.value("key"_L1).toString(), entryValue);
            return true;
        }
        }
        return true;
    }

    bool packed(const Field &field, QByteArrayView data, QJsonArray &list)
    {
        Reader reader(data, error);
        while (!reader.atEnd()) {
            RawField raw;
            QJsonValue value;
            if (!reader.varint(raw.varint) || !scalar(field, raw, value, 0))
                return false;
            list.append(value);
        }
        return true;
    }

    bool scalar(const Field &field, const RawField &raw, QJsonValue &value, int depth)
    {
        switch (field.type) {
        case Type::String:
            value = QString::fromUtf8(raw.bytes);
            return true;
        case Type::Bytes:
            value = QString::fromLatin1(raw.bytes.toByteArray().toBase64());
            return true;
        case Type::RawJson: {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(raw.bytes.toByteArray(), &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return fail(u"invalid JSON in %1: %2"_s.arg(QLatin1StringView(field.json), parseError.errorString()));
            value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
            return true;
        }
        case Type::Int32: // gogo truncates out-of-range varints to the field's width
            value = qint64(static_cast<qint32>(raw.varint));
            return true;
        case Type::Int64:
            value = static_cast<qint64>(raw.varint);
            return true;
        case Type::Bool:
            value = raw.varint != 0;
            return true;
        default: { // the message-encoded types, which have a helper schema
            QJsonObject object;
            return message(raw.bytes, *field.schema, object, depth + 1)
                && unwrap(field.type, raw.bytes.isEmpty(), object, value);
        }
        }
    }

    // Turns the helper message of a scalar-looking type into the JSON the Go type's MarshalJSON writes.
    bool unwrap(Type type, bool empty, const QJsonObject &object, QJsonValue &value)
    {
        switch (type) {
        case Type::Time: {
            // metav1.Time marshals its zero value, which gogo sends as an empty message, as null. It drops nanos.
            const qint64 seconds = object.value("seconds"_L1).toInteger();
            if (empty || seconds == kZeroTimeSeconds)
                value = QJsonValue::Null;
            else if (seconds < kZeroTimeSeconds || seconds > kMaxTimeSeconds)
                return fail(u"Time.MarshalJSON: year outside of range [0,9999]"_s);
            else
                value = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
            return true;
        }
        case Type::Quantity: {
            static const QRegularExpression pattern(u"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$"_s);
            const QString quantity = object.value("string"_L1).toString(u"0"_s);
            if (!pattern.match(quantity).hasMatch())
                return fail(u"quantities must match the regular expression "
                            "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"_s);
            value = quantity;
            return true;
        }
        case Type::IntOrString: {
            const qint64 kind = object.value("type"_L1).toInteger();
            if (kind != 0 && kind != 1)
                return fail(u"impossible IntOrString.Type"_s);
            value = kind == 0 ? QJsonValue(object.value("intVal"_L1).toInteger())
                              : QJsonValue(object.value("strVal"_L1).toString());
            return true;
        }
        case Type::FieldsV1:
            value = object.value("raw"_L1);
            break;
        case Type::StringList:
            value = object.value("items"_L1);
            break;
        default:
            Q_UNREACHABLE();
        }
        if (value.isUndefined()) // a nil Raw or slice marshals as null
            value = QJsonValue::Null;
        return true;
    }
};

ProtobufDecodeResult failure(const QString &message)
{
    return {{}, message};
}

} // namespace

ProtobufDecodeResult decodeKubernetesProtobuf(const QByteArray &body)
{
    static constexpr QByteArrayView magic("k8s\0", 4);
    if (body.isEmpty())
        return failure(u"empty data"_s);
    if (!body.startsWith(magic))
        return failure(u"provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]"_s);
    if (body.size() == magic.size())
        return failure(u"empty body"_s);

    // The runtime.Unknown envelope: 1 TypeMeta, 2 raw object; 3 contentEncoding and 4 contentType are unused.
    Decoder decoder;
    Reader reader(QByteArrayView(body).sliced(magic.size()), decoder.error);
    QByteArrayView typeMetaBytes;
    QByteArrayView raw;
    while (!reader.atEnd()) {
        RawField field;
        if (!reader.next(field, "Unknown"))
            return failure(decoder.error);
        if (field.number > 4)
            continue;
        static constexpr const char *names[] = {"", "TypeMeta", "Raw", "ContentEncoding", "ContentType"};
        if (field.wire != kWireBytes)
            return failure(u"proto: wrong wireType = %1 for field %2"_s.arg(field.wire)
                               .arg(QLatin1StringView(names[field.number])));
        if (field.number == 1)
            typeMetaBytes = field.bytes;
        else if (field.number == 2)
            raw = field.bytes;
    }

    QJsonObject typeMeta;
    if (!decoder.message(typeMetaBytes, kTypeMeta, typeMeta, 1))
        return failure(decoder.error);
    const QString apiVersion = typeMeta.value("apiVersion"_L1).toString();
    const QString kind = typeMeta.value("kind"_L1).toString();
    const QString printed = u"runtime.TypeMeta{APIVersion:\"%1\", Kind:\"%2\"}"_s.arg(apiVersion, kind);
    if (kind.isEmpty())
        return failure(u"Object 'Kind' is missing in '%1'"_s.arg(printed));
    if (apiVersion.isEmpty())
        return failure(u"Object 'apiVersion' is missing in '%1'"_s.arg(printed));

    const auto registered = std::ranges::find_if(kRegistered, [&](const Registered &entry) {
        return QLatin1StringView(entry.apiVersion) == apiVersion && QLatin1StringView(entry.kind) == kind;
    });
    if (registered == std::end(kRegistered))
        return failure(
            u"no kind \"%1\" is registered for version \"%2\" in scheme \"pkg/api/legacyscheme/scheme.go:30\""_s.arg(
                kind, apiVersion));

    ProtobufDecodeResult result;
    if (!decoder.message(raw, *registered->schema, result.object, 1))
        return failure(decoder.error);
    result.object.insert("apiVersion"_L1, apiVersion);
    result.object.insert("kind"_L1, kind);
    return result;
}

} // namespace kubesim
