#include "Strategy.h"
#include "Validation.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using kubesim::FieldError;

namespace {

QJsonObject json(const QString &text)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8(), &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(text));
    return object;
}

QString meta(const char *name, const char *ns = "ns1")
{
    return u"\"metadata\":{\"name\":\""_s + QString::fromLatin1(name) + u"\",\"namespace\":\""_s
        + QString::fromLatin1(ns) + u"\"}"_s;
}

const QString kSubdomainRule =
    u"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
    "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"_s;
const QString kLabelRule =
    u"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
    "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"_s;
const QString kQualifiedNameRule =
    u"name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"_s;
const QString kLabelValueRule =
    u"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
    "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
    "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"_s;
const QString kConfigKeyRule =
    u"a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or "
    "'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"_s;
const QString kPodUpdateRule =
    u"pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,"
    "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
    "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"_s;

const QString pod = u"{"_s + meta("p1") + u",\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}"_s;
const QString deployment = u"{"_s + meta("d1") + uR"(,"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
    "template":{"metadata":{"labels":{"app":"web","tier":"x"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}})"_s;
const QString binding =
    u"{"_s + meta("rb") + uR"(,"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},
    "subjects":[{"kind":"ServiceAccount","name":"sa","namespace":"ns1"},
                {"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"alice"}]})"_s;

} // namespace

class TestSimValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void aggregate();
    void goQuote_data();
    void goQuote();
};

void TestSimValidation::validate_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("old"); // empty: create
    QTest::addColumn<QStringList>("errors"); // "<reason> <field>: <message>"

    const QString sa = u"ServiceAccount"_s;
    QTest::newRow("sa valid") << sa << u"{"_s + meta("data-sa") + u'}' << QString() << QStringList();
    QTest::newRow("sa no name") << sa << u"{\"metadata\":{\"namespace\":\"ns1\"}}"_s << QString()
                                << QStringList {
                                       u"FieldValueRequired metadata.name: Required value: name or generateName "
                                       "is required"_s};
    QTest::newRow("sa bad name") << sa << u"{"_s + meta("Bad_Name") + u'}' << QString()
                                 << QStringList {u"FieldValueInvalid metadata.name: Invalid value: \"Bad_Name\": "_s
                                                 + kSubdomainRule};
    QTest::newRow("sa long name") << sa << u"{"_s + meta(QByteArray(254, 'a').constData()) + u'}' << QString()
                                  << QStringList {u"FieldValueInvalid metadata.name: Invalid value: \""_s
                                                  + QString(254, u'a') + u"\": must be no more than 253 characters"_s};
    QTest::newRow("sa generateName")
        << sa << uR"({"metadata":{"name":"bad-x1","generateName":"Bad-","namespace":"ns1"}})"_s << QString()
        << QStringList {u"FieldValueInvalid metadata.generateName: Invalid value: \"Bad-\": "_s + kSubdomainRule};
    QTest::newRow("sa generateName trailing dash") << sa << uR"({"metadata":{"name":"ab-x1","generateName":"ab-",
                                                      "namespace":"ns1"}})"_s
                                                   << QString() << QStringList();
    QTest::newRow("sa no namespace") << sa << uR"({"metadata":{"name":"a"}})"_s << QString()
                                     << QStringList {u"FieldValueRequired metadata.namespace: Required value"_s};
    QTest::newRow("sa labels")
        << sa << uR"({"metadata":{"name":"a","namespace":"ns1","labels":{"-k":"v","k":"-v",
                                  "ok/":"v"}}})"_s
        << QString()
        << QStringList {u"FieldValueInvalid metadata.labels: Invalid value: \"-k\": "_s + kQualifiedNameRule,
                        u"FieldValueInvalid metadata.labels: Invalid value: \"-v\": "_s + kLabelValueRule,
                        u"FieldValueInvalid metadata.labels: Invalid value: \"ok/\": name part "
                        "must be non-empty"_s,
                        u"FieldValueInvalid metadata.labels: Invalid value: \"ok/\": "_s + kQualifiedNameRule};
    QTest::newRow("sa annotation key") << sa << uR"({"metadata":{"name":"a","namespace":"ns1",
                                          "annotations":{"Example.COM/Key":"v","a/b/c":"v"}}})"_s
                                       << QString()
                                       << QStringList {
                                              u"FieldValueInvalid metadata.annotations: Invalid value: \"a/b/c\""
                                              ": a qualified name must consist of alphanumeric characters, '-', "
                                              "'_' or '.', and must start and end with an alphanumeric character "
                                              "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                                              "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with "
                                              "an optional DNS subdomain prefix and '/' (e.g. "
                                              "'example.com/MyName')"_s};
    QTest::newRow("sa annotations too long")
        << sa
        << u"{\"metadata\":{\"name\":\"a\",\"namespace\":\"ns1\",\"annotations\":{\"k\":\""_s + QString(262144, u'x')
            + u"\"}}}"_s
        << QString()
        << QStringList {u"FieldValueTooLong metadata.annotations: Too long: may not be more than 262144 bytes"_s};
    QTest::newRow("sa rename") << sa << u"{"_s + meta("b") + u'}' << u"{"_s + meta("a") + u'}'
                               << QStringList {u"FieldValueInvalid metadata.name: Invalid value: \"b\": field is "
                                               "immutable"_s};
    QTest::newRow("sa uid change and omitted uid")
        << sa << uR"({"metadata":{"name":"a","namespace":"ns1","uid":"u2","creationTimestamp":"x"}})"_s
        << uR"({"metadata":{"name":"a","namespace":"ns1","uid":"u1"}})"_s
        << QStringList {u"FieldValueInvalid metadata.uid: Invalid value: \"u2\": field is immutable"_s};
    QTest::newRow("sa update ignores omitted uid")
        << sa << u"{"_s + meta("a") + u'}' << uR"({"metadata":{"name":"a","namespace":"ns1","uid":"u1"}})"_s
        << QStringList();

    const QString ns = u"Namespace"_s;
    QTest::newRow("namespace valid") << ns << uR"({"metadata":{"name":"team-a"}})"_s << QString() << QStringList();
    QTest::newRow("namespace dots") << ns << uR"({"metadata":{"name":"a.b"}})"_s << QString()
                                    << QStringList {u"FieldValueInvalid metadata.name: Invalid value: \"a.b\": "_s
                                                    + kLabelRule};
    QTest::newRow("namespace has namespace")
        << ns << uR"({"metadata":{"name":"a","namespace":"b"}})"_s << QString()
        << QStringList {u"FieldValueForbidden metadata.namespace: Forbidden: not allowed on this type"_s};

    const QString secret = u"Secret"_s;
    QTest::newRow("secret valid") << secret << u"{"_s + meta("s") + uR"(,"data":{"a.b_C-1":"eA=="}})"_s << QString()
                                  << QStringList();
    QTest::newRow("secret bad keys")
        << secret << u"{"_s + meta("s") + uR"(,"data":{"a b":"","..x":""},"stringData":{"..":"v"}})"_s << QString()
        << QStringList {u"FieldValueInvalid data[..]: Invalid value: \"..\": must not be '..'"_s,
                        u"FieldValueInvalid data[..x]: Invalid value: \"..x\": must not start with '..'"_s,
                        u"FieldValueInvalid data[a b]: Invalid value: \"a b\": "_s + kConfigKeyRule};
    QTest::newRow("secret too large")
        << secret << u"{"_s + meta("s") + u",\"stringData\":{\"k\":\""_s + QString(1024 * 1024 + 1, u'x') + u"\"}}"_s
        << QString() << QStringList {u"FieldValueTooLong data: Too long: may not be more than 1048576 bytes"_s};
    QTest::newRow("secret sa token")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/service-account-token"})"_s << QString()
        << QStringList {
               u"FieldValueRequired metadata.annotations[kubernetes.io/service-account.name]: Required value"_s};
    QTest::newRow("secret sa token annotated")
        << secret
        << uR"({"metadata":{"name":"s","namespace":"ns1","annotations":{"kubernetes.io/service-account.name":"sa"}},
           "type":"kubernetes.io/service-account-token"})"_s
        << QString() << QStringList();
    QTest::newRow("secret dockercfg missing")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/dockercfg"})"_s << QString()
        << QStringList {u"FieldValueRequired data[.dockercfg]: Required value"_s};
    QTest::newRow("secret dockerconfigjson truncated")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/dockerconfigjson","stringData":
           {".dockerconfigjson":"{\"auths\":"}})"_s
        << QString()
        << QStringList {u"FieldValueInvalid data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": "
                        "unexpected end of JSON input"_s};
    QTest::newRow("secret dockerconfigjson array")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/dockerconfigjson","stringData":
           {".dockerconfigjson":"[1]"}})"_s
        << QString()
        << QStringList {u"FieldValueInvalid data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": "
                        "json: cannot unmarshal array into Go value of type map[string]interface {}"_s};
    QTest::newRow("secret dockerconfigjson syntax")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/dockerconfigjson","stringData":
           {".dockerconfigjson":"x"}})"_s
        << QString()
        << QStringList {u"FieldValueInvalid data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": "
                        "invalid character 'x' looking for beginning of value"_s};
    QTest::newRow("secret dockerconfigjson valid")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/dockerconfigjson","stringData":
           {".dockerconfigjson":"{\"auths\":{}}"}})"_s
        << QString() << QStringList();
    QTest::newRow("secret basic-auth") << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/basic-auth"})"_s
                                       << QString()
                                       << QStringList {u"FieldValueRequired data[username]: Required value"_s,
                                                       u"FieldValueRequired data[password]: Required value"_s};
    QTest::newRow("secret basic-auth password only")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/basic-auth","data":{"password":""}})"_s
        << QString() << QStringList();
    QTest::newRow("secret ssh-auth empty key")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/ssh-auth","data":{"ssh-privatekey":""}})"_s
        << QString() << QStringList {u"FieldValueRequired data[ssh-privatekey]: Required value"_s};
    QTest::newRow("secret tls") << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/tls","data":
                                   {"tls.crt":""}})"_s
                                << QString() << QStringList {u"FieldValueRequired data[tls.key]: Required value"_s};
    QTest::newRow("secret type change")
        << secret << u"{"_s + meta("s") + uR"(,"type":"kubernetes.io/basic-auth","data":{"username":""}})"_s
        << u"{"_s + meta("s") + u'}'
        << QStringList {u"FieldValueInvalid type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable"_s};
    QTest::newRow("secret immutable") << secret << u"{"_s + meta("s") + uR"(,"data":{"a":"eQ=="}})"_s
                                      << u"{"_s + meta("s") + uR"(,"immutable":true,"data":{"a":"eA=="}})"_s
                                      << QStringList {
                                             u"FieldValueForbidden immutable: Forbidden: field is immutable when "
                                             "`immutable` is set"_s,
                                             u"FieldValueForbidden data: Forbidden: field is immutable when "
                                             "`immutable` is set"_s};
    QTest::newRow("secret immutable unchanged")
        << secret << u"{"_s + meta("s") + uR"(,"immutable":true,"data":{"a":"eA=="}})"_s
        << u"{"_s + meta("s") + uR"(,"immutable":true,"stringData":{"a":"x"}})"_s << QStringList();

    const QString podKind = u"Pod"_s;
    QTest::newRow("pod valid") << podKind << pod << QString() << QStringList();
    QTest::newRow("pod no containers") << podKind << u"{"_s + meta("p1") + uR"(,"spec":{}})"_s << QString()
                                       << QStringList {u"FieldValueRequired spec.containers: Required value"_s};
    QTest::newRow("pod containers")
        << podKind
        << u"{"_s + meta("p1")
            + uR"(,"spec":{"serviceAccountName":"Bad","containers":[{"name":"C"},{"name":"x","image":"i"},
                 {"name":"x","image":"i"},{"image":"i"}]}})"_s
        << QString()
        << QStringList {u"FieldValueInvalid spec.containers[0].name: Invalid value: \"C\": "_s + kLabelRule,
                        u"FieldValueRequired spec.containers[0].image: Required value"_s,
                        u"FieldValueDuplicate spec.containers[2].name: Duplicate value: \"x\""_s,
                        u"FieldValueRequired spec.containers[3].name: Required value"_s,
                        u"FieldValueInvalid spec.serviceAccountName: Invalid value: \"Bad\": "_s + kSubdomainRule};
    QString newImage = pod;
    newImage.replace(u"nginx"_s, u"nginx:2"_s);
    QTest::newRow("pod image update") << podKind << newImage << pod << QStringList();
    QString newAccount = pod;
    newAccount.replace(u"\"containers\""_s, u"\"serviceAccountName\":\"other\",\"containers\""_s);
    QTest::newRow("pod service account update")
        << podKind << newAccount << pod << QStringList {u"FieldValueForbidden spec: Forbidden: "_s + kPodUpdateRule};
    QString twoContainers = pod;
    twoContainers.replace(u"}]"_s, u"},{\"name\":\"d\",\"image\":\"i\"}]"_s);
    QTest::newRow("pod add container")
        << podKind << twoContainers << pod
        << QStringList {
               u"FieldValueForbidden spec.containers: Forbidden: pod updates may not add or remove containers"_s};
    QString deadline10 = pod;
    deadline10.replace(u"\"containers\""_s, u"\"activeDeadlineSeconds\":10,\"containers\""_s);
    QString deadline20 = deadline10;
    deadline20.replace(u":10,"_s, u":20,"_s);
    QTest::newRow("pod deadline set") << podKind << deadline10 << pod << QStringList();
    QTest::newRow("pod deadline lowered") << podKind << deadline10 << deadline20 << QStringList();
    QTest::newRow("pod deadline raised") << podKind << deadline20 << deadline10
                                         << QStringList {
                                                u"FieldValueInvalid spec.activeDeadlineSeconds: Invalid value: "
                                                "20: must be less than or equal to previous value"_s};
    QString tolerated = pod;
    tolerated.replace(u"\"containers\""_s, u"\"tolerations\":[{\"key\":\"a\"}],\"containers\""_s);
    QString moreTolerated = tolerated;
    moreTolerated.replace(u"{\"key\":\"a\"}"_s, u"{\"key\":\"a\"},{\"key\":\"b\"}"_s);
    QTest::newRow("pod toleration added") << podKind << moreTolerated << tolerated << QStringList();
    QTest::newRow("pod toleration removed")
        << podKind << pod << tolerated
        << QStringList {u"FieldValueForbidden spec.tolerations: Forbidden: existing toleration can not be modified "
                        "except its tolerationSeconds"_s};

    const QString deploy = u"Deployment"_s;
    QTest::newRow("deployment valid") << deploy << deployment << QString() << QStringList();
    QString noSelector = deployment;
    noSelector.replace(uR"("selector":{"matchLabels":{"app":"web"}},)"_s, QString());
    QTest::newRow("deployment no selector")
        << deploy << noSelector << QString()
        << QStringList {u"FieldValueRequired spec.selector: Required value"_s,
                        u"FieldValueInvalid spec.template.metadata.labels: Invalid value: "
                        "map[string]string{\"app\":\"web\", \"tier\":\"x\"}: `selector` does not match template "
                        "`labels`"_s};
    QString emptySelector = deployment;
    emptySelector.replace(uR"({"matchLabels":{"app":"web"}})"_s, u"{}"_s);
    QTest::newRow("deployment empty selector")
        << deploy << emptySelector << QString()
        << QStringList {
               u"FieldValueInvalid spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
               "map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is "
               "invalid for deployment"_s};
    QString mismatch = deployment;
    mismatch.replace(uR"("app":"web","tier")"_s, uR"("app":"db","tier")"_s);
    QTest::newRow("deployment mismatch")
        << deploy << mismatch << QString()
        << QStringList {u"FieldValueInvalid spec.template.metadata.labels: Invalid value: "
                        "map[string]string{\"app\":\"db\", \"tier\":\"x\"}: `selector` does not match template "
                        "`labels`"_s};
    QString expressions = deployment;
    expressions.replace(uR"({"matchLabels":{"app":"web"}})"_s,
                        uR"({"matchExpressions":[{"key":"tier","operator":"In","values":["x","y"]},
                        {"key":"gone","operator":"DoesNotExist"}]})"_s);
    QTest::newRow("deployment expressions") << deploy << expressions << QString() << QStringList();
    QString badOperator = deployment;
    badOperator.replace(uR"({"matchLabels":{"app":"web"}})"_s,
                        uR"({"matchExpressions":[{"key":"tier","operator":"Is","values":["x"]}]})"_s);
    QTest::newRow("deployment bad operator")
        << deploy << badOperator << QString()
        << QStringList {u"FieldValueInvalid spec.selector.matchExpressions[0].operator: Invalid value: \"Is\": not a "
                        "valid selector operator"_s,
                        u"FieldValueInvalid spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                        "map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{"
                        "v1.LabelSelectorRequirement{Key:\"tier\", Operator:\"Is\", Values:[]string{\"x\"}}}}: invalid "
                        "label selector"_s};
    QString negativeReplicas = deployment;
    negativeReplicas.replace(u"\"replicas\":2"_s, u"\"replicas\":-1,\"minReadySeconds\":-2"_s);
    negativeReplicas.replace(u"\"containers\""_s, u"\"restartPolicy\":\"Never\",\"containers\""_s);
    QTest::newRow("deployment numbers and restart policy")
        << deploy << negativeReplicas << QString()
        << QStringList {
               u"FieldValueInvalid spec.replicas: Invalid value: -1: must be greater than or equal to 0"_s,
               u"FieldValueNotSupported spec.template.spec.restartPolicy: Unsupported value: \"Never\": "
               "supported values: \"Always\""_s,
               u"FieldValueInvalid spec.minReadySeconds: Invalid value: -2: must be greater than or equal to 0"_s};
    QString otherSelector = deployment;
    otherSelector.replace(uR"({"matchLabels":{"app":"web"}})"_s, uR"({"matchLabels":{"tier":"x"}})"_s);
    QTest::newRow("deployment selector change")
        << deploy << otherSelector << deployment
        << QStringList {
               u"FieldValueInvalid spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
               "map[string]string{\"tier\":\"x\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field "
               "is immutable"_s};
    QString scaled = deployment;
    scaled.replace(u"\"replicas\":2"_s, u"\"replicas\":5"_s);
    QTest::newRow("deployment scale") << deploy << scaled << deployment << QStringList();
    QTest::newRow("replicaset mismatch")
        << u"ReplicaSet"_s << mismatch << QString()
        << QStringList {u"FieldValueInvalid spec.template.metadata.labels: Invalid value: "
                        "map[string]string{\"app\":\"db\", \"tier\":\"x\"}: `selector` does not match template "
                        "`labels`"_s};

    const QString role = u"Role"_s;
    QTest::newRow("role valid") << role
                                << u"{"_s + meta("r")
            + uR"(,"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]})"_s
                                << QString() << QStringList();
    QTest::newRow("role rules")
        << role << u"{"_s + meta("r") + uR"(,"rules":[{"apiGroups":[""],"resources":["pods"]},{"verbs":["get"]},
                 {"verbs":["get"],"apiGroups":[""],"resources":["a","b"],"resourceNames":["n"]},
                 {"verbs":["get"],"nonResourceURLs":["/healthz"],"resources":["a"]}]})"_s
        << QString()
        << QStringList {
               u"FieldValueRequired rules[0].verbs: Required value: verbs must contain at least one value"_s,
               u"FieldValueRequired rules[1].apiGroups: Required value: resource rules must supply at least one "
               "api group"_s,
               u"FieldValueRequired rules[1].resources: Required value: resource rules must supply at least one "
               "resource"_s,
               u"FieldValueRequired rules[2].resourceNames: Required value: resource names cannot apply to "
               "multiple resources"_s,
               u"FieldValueInvalid rules[3].nonResourceURLs: Invalid value: []string{\"/healthz\"}: namespaced "
               "rules cannot apply to non-resource URLs"_s,
               u"FieldValueInvalid rules[3].nonResourceURLs: Invalid value: []string{\"/healthz\"}: rules cannot "
               "apply to both regular resources and non-resource URLs"_s};
    QTest::newRow("role path segment name")
        << role << u"{"_s + meta("a/b%c") + u'}' << QString()
        << QStringList {u"FieldValueInvalid metadata.name: Invalid value: \"a/b%c\": may not contain '/'"_s,
                        u"FieldValueInvalid metadata.name: Invalid value: \"a/b%c\": may not contain '%'"_s};
    QTest::newRow("role dotdot name") << role << u"{"_s + meta("..") + u'}' << QString()
                                      << QStringList {
                                             u"FieldValueInvalid metadata.name: Invalid value: \"..\": may not "
                                             "be '..'"_s};
    QTest::newRow("clusterrole non-resource URLs")
        << u"ClusterRole"_s << uR"({"metadata":{"name":"Any:Name"},"rules":[{"verbs":["get"],
           "nonResourceURLs":["/healthz"]}]})"_s
        << QString() << QStringList();

    const QString rb = u"RoleBinding"_s;
    QTest::newRow("rolebinding valid") << rb << binding << QString() << QStringList();
    QTest::newRow("rolebinding roleRef and subjects")
        << rb
        << u"{"_s + meta("rb")
            + uR"(,"roleRef":{"apiGroup":"rbac","kind":"Thing"},"subjects":[{"kind":"Robot","name":"r"},
                 {"kind":"User","name":""},{"kind":"ServiceAccount","name":"S","apiGroup":"x"}]})"_s
        << QString()
        << QStringList {
               u"FieldValueNotSupported roleRef.apiGroup: Unsupported value: \"rbac\": supported values: "
               "\"rbac.authorization.k8s.io\""_s,
               u"FieldValueNotSupported roleRef.kind: Unsupported value: \"Thing\": supported values: \"Role\", "
               "\"ClusterRole\""_s,
               u"FieldValueRequired roleRef.name: Required value"_s,
               u"FieldValueNotSupported subjects[0].kind: Unsupported value: \"Robot\": supported values: "
               "\"ServiceAccount\", \"User\", \"Group\""_s,
               u"FieldValueRequired subjects[1].name: Required value"_s,
               u"FieldValueInvalid subjects[1].name: Invalid value: \"\": user name cannot be empty"_s,
               u"FieldValueNotSupported subjects[1].apiGroup: Unsupported value: \"\": supported values: "
               "\"rbac.authorization.k8s.io\""_s,
               u"FieldValueInvalid subjects[2].name: Invalid value: \"S\": "_s + kSubdomainRule,
               u"FieldValueNotSupported subjects[2].apiGroup: Unsupported value: \"x\": supported values: \"\""_s};
    QString changedRef = binding;
    changedRef.replace(u"\"view\""_s, u"\"edit\""_s);
    QTest::newRow("rolebinding roleRef change")
        << rb << changedRef << binding
        << QStringList {
               u"FieldValueInvalid roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", "
               "Kind:\"ClusterRole\", Name:\"edit\"}: cannot change roleRef"_s};
    QTest::newRow("clusterrolebinding")
        << u"ClusterRoleBinding"_s
        << uR"({"metadata":{"name":"crb"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role",
           "name":"r"},"subjects":[{"kind":"ServiceAccount","name":"sa"},
           {"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"system:serviceaccounts"}]})"_s
        << QString()
        << QStringList {u"FieldValueNotSupported roleRef.kind: Unsupported value: \"Role\": supported values: "
                        "\"ClusterRole\""_s,
                        u"FieldValueRequired subjects[0].namespace: Required value"_s};
}

void TestSimValidation::validate()
{
    QFETCH(QString, kind);
    QFETCH(QString, object);
    QFETCH(QString, old);
    QFETCH(QStringList, errors);
    const QJsonObject oldObject = old.isEmpty() ? QJsonObject() : json(old);
    QStringList actual;
    for (const FieldError &e : kubesim::validateObject(kind, json(object), old.isEmpty() ? nullptr : &oldObject))
        actual.append(e.reason + u' ' + e.toString());
    QCOMPARE(actual, errors);
}

void TestSimValidation::aggregate()
{
    const FieldError a {u"FieldValueRequired"_s, u"a"_s, u"Required value"_s};
    const FieldError b {u"FieldValueInvalid"_s, u"b"_s, u"Invalid value: 1: bad"_s};
    QCOMPARE(kubesim::aggregateFieldErrors({a}), u"a: Required value"_s);
    QCOMPARE(kubesim::aggregateFieldErrors({a, b}), u"[a: Required value, b: Invalid value: 1: bad]"_s);
    QCOMPARE(kubesim::aggregateFieldErrors({a, a}), u"a: Required value"_s);
    QCOMPARE(kubesim::aggregateFieldErrors({a, b, a}), u"[a: Required value, b: Invalid value: 1: bad]"_s);
}

void TestSimValidation::goQuote_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"abc"_s << u"\"abc\""_s;
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s << u"\"a\\\"b\\\\c\""_s;
    QTest::newRow("controls") << u"\n\t\x01"_s << u"\"\\n\\t\\x01\""_s;
    QTest::newRow("unicode") << u"caf\u00e9 \u00a0"_s << u"\"caf\u00e9 \\u00a0\""_s;
}

void TestSimValidation::goQuote()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(kubesim::goQuote(value), quoted);
}

QTEST_GUILESS_MAIN(TestSimValidation)
#include "tst_simvalidation.moc"
