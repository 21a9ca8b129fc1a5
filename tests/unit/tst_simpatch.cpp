#include "Patch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kubesim;

namespace {

// Every 422 from a JSON patch carries this text: NewGenericServerResponse keeps no jsonpatch detail.
const QByteArray kRejected = "the server rejected our request due to an error in our request"_ba;

QJsonValue parse(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test data: %s", text.constData());
    return doc.array().at(0);
}

// Canonical text (sorted keys, compact) so a mismatch prints readably.
QByteArray canonical(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
}

void addColumns()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("expected"); // the patched object, or the error message
}

void verifyResult(const PatchResult &result, const QJsonObject &target, const QByteArray &targetText)
{
    QFETCH(int, code);
    QFETCH(QByteArray, expected);
    QCOMPARE(canonical(target), canonical(parse(targetText)));
    QCOMPARE(result.errorCode, code);
    if (code == 0)
        QCOMPARE(canonical(result.object), canonical(parse(expected)));
    else
        QCOMPARE(result.errorMessage.toUtf8(), expected);
}

} // namespace

class TestSimPatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergePatch_data();
    void mergePatch();
    void mergePatchBody_data();
    void mergePatchBody();
    void strategicMergePatch_data();
    void strategicMergePatch();
    void jsonPatch_data();
    void jsonPatch();
};

void TestSimPatch::mergePatch_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");

    // RFC 7386 Appendix A.
    QTest::newRow("rfc7386 replace member") << R"({"a":"b"})"_ba
                                            << R"({"a":"c"})"_ba
                                            << R"({"a":"c"})"_ba;
    QTest::newRow("rfc7386 add member") << R"({"a":"b"})"_ba
                                        << R"({"b":"c"})"_ba
                                        << R"({"a":"b","b":"c"})"_ba;
    QTest::newRow("rfc7386 delete member") << R"({"a":"b"})"_ba
                                           << R"({"a":null})"_ba
                                           << R"({})"_ba;
    QTest::newRow("rfc7386 delete one of two") << R"({"a":"b","b":"c"})"_ba
                                               << R"({"a":null})"_ba
                                               << R"({"b":"c"})"_ba;
    QTest::newRow("rfc7386 array to string") << R"({"a":["b"]})"_ba
                                             << R"({"a":"c"})"_ba
                                             << R"({"a":"c"})"_ba;
    QTest::newRow("rfc7386 string to array") << R"({"a":"c"})"_ba
                                             << R"({"a":["b"]})"_ba
                                             << R"({"a":["b"]})"_ba;
    QTest::newRow("rfc7386 nested merge") << R"({"a":{"b":"c"}})"_ba
                                          << R"({"a":{"b":"d","c":null}})"_ba
                                          << R"({"a":{"b":"d"}})"_ba;
    QTest::newRow("rfc7386 array replaced") << R"({"a":[{"b":"c"}]})"_ba
                                            << R"({"a":[1]})"_ba
                                            << R"({"a":[1]})"_ba;
    QTest::newRow("rfc7386 array by array") << R"(["a","b"])"_ba
                                            << R"(["c","d"])"_ba
                                            << R"(["c","d"])"_ba;
    QTest::newRow("rfc7386 object by array") << R"({"a":"b"})"_ba
                                             << R"(["c"])"_ba
                                             << R"(["c"])"_ba;
    QTest::newRow("rfc7386 null patch") << R"({"a":"foo"})"_ba
                                        << R"(null)"_ba
                                        << R"(null)"_ba;
    QTest::newRow("rfc7386 string patch") << R"({"a":"foo"})"_ba
                                          << R"("bar")"_ba
                                          << R"("bar")"_ba;
    QTest::newRow("rfc7386 keeps target null") << R"({"e":null})"_ba
                                               << R"({"a":1})"_ba
                                               << R"({"e":null,"a":1})"_ba;
    QTest::newRow("rfc7386 array by object") << R"([1,2])"_ba
                                             << R"({"a":"b","c":null})"_ba
                                             << R"({"a":"b"})"_ba;
    QTest::newRow("rfc7386 nested null dropped") << R"({})"_ba
                                                 << R"({"a":{"bb":{"ccc":null}}})"_ba
                                                 << R"({"a":{"bb":{}}})"_ba;
}

void TestSimPatch::mergePatch()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    QCOMPARE(canonical(applyMergePatch(parse(target), parse(patch))), canonical(parse(expected)));
}

void TestSimPatch::mergePatchBody_data()
{
    addColumns();
    const QByteArray sa = R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","labels":{"a":"1"}},)"
                          R"("imagePullSecrets":[{"name":"r1"}]})"_ba;

    QTest::newRow("label added")
        << sa << R"({"metadata":{"labels":{"b":"2"}}})"_ba << 0
        << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","labels":{"a":"1","b":"2"}},)"
           R"("imagePullSecrets":[{"name":"r1"}]})"_ba;
    QTest::newRow("label removed by null") << sa << R"({"metadata":{"labels":{"a":null}}})"_ba << 0
                                           << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","labels":{}},)"
                                              R"("imagePullSecrets":[{"name":"r1"}]})"_ba;
    QTest::newRow("list replaced") << sa << R"({"imagePullSecrets":[{"name":"r2"}]})"_ba << 0
                                   << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","labels":{"a":"1"}},)"
                                      R"("imagePullSecrets":[{"name":"r2"}]})"_ba;
    // The apiserver's strict pre-decode into map[string]interface{} (fieldValidation defaults to Warn).
    QTest::newRow("array body") << sa << R"([{"a":1}])"_ba << 400
                                << "error decoding patch: json: cannot unmarshal array into Go value of type "
                                   "map[string]interface {}"_ba;
    QTest::newRow("string body") << sa << R"("x")"_ba << 400
                                 << "error decoding patch: json: cannot unmarshal string into Go value of type "
                                    "map[string]interface {}"_ba;
    QTest::newRow("null body") << sa << "null"_ba << 400 << "Invalid JSON Patch"_ba;
    QTest::newRow("empty body") << sa << ""_ba << 400 << "error decoding patch: unexpected end of JSON input"_ba;
    QTest::newRow("truncated body") << sa << R"({"metadata":)"_ba << 400
                                    << "error decoding patch: unexpected end of JSON input"_ba;
    QTest::newRow("missing colon") << sa << R"({"a" 1})"_ba << 400
                                   << "error decoding patch: invalid character '1' after object key"_ba;
    QTest::newRow("trailing garbage") << sa << R"({} x)"_ba << 400
                                      << "error decoding patch: invalid character 'x' after top-level value"_ba;
}

void TestSimPatch::mergePatchBody()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    const QJsonObject object = parse(target).toObject();
    verifyResult(applyMergePatchBody(object, patch), object, target);
}

void TestSimPatch::strategicMergePatch_data()
{
    QTest::addColumn<QString>("kind");
    addColumns();

    const QByteArray sa = R"({"kind":"ServiceAccount","metadata":{"name":"data-sa"},)"
                          R"("secrets":[{"name":"s1"}],"imagePullSecrets":[{"name":"r1"}]})"_ba;
    QTest::newRow("sa imagePullSecrets replaced")
        << u"ServiceAccount"_s << sa << R"({"imagePullSecrets":[{"name":"my-registry"}]})"_ba << 0
        << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa"},"secrets":[{"name":"s1"}],)"
           R"("imagePullSecrets":[{"name":"my-registry"}]})"_ba;
    // mergeSortedSlice puts an item the live list does not know in front of the remaining live items.
    QTest::newRow("sa secrets merged by name")
        << u"ServiceAccount"_s << sa << R"({"secrets":[{"name":"s2"}]})"_ba << 0
        << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa"},"secrets":[{"name":"s2"},{"name":"s1"}],)"
           R"("imagePullSecrets":[{"name":"r1"}]})"_ba;
    QTest::newRow("sa imagePullSecrets delete directive ignored")
        << u"ServiceAccount"_s << sa << R"({"imagePullSecrets":[{"$patch":"delete","name":"r1"}]})"_ba << 0
        << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa"},"secrets":[{"name":"s1"}],)"
           R"("imagePullSecrets":[{"name":"r1"}]})"_ba;

    const QByteArray pod =
        R"({"kind":"Pod","metadata":{"name":"p","labels":{"a":"1","b":"2"},"finalizers":["f1","f2","f3"]},)"
        R"("spec":{"serviceAccountName":"sa","imagePullSecrets":[{"name":"a"},{"name":"x"}],)"
        R"("tolerations":[{"key":"t1"}],"containers":[{"name":"app","image":"nginx",)"
        R"("env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"side","image":"envoy"}]}})"_ba;
    const auto podWith = [&](const QByteArray &from, const QByteArray &to) {
        QByteArray text = pod;
        if (!text.contains(from))
            qFatal("test data: %s not in pod", from.constData());
        return text.replace(from, to);
    };
    QTest::newRow("pod imagePullSecrets merged by name")
        << u"Pod"_s << pod << R"({"spec":{"imagePullSecrets":[{"name":"y"}]}})"_ba << 0
        << podWith(R"([{"name":"a"},{"name":"x"}])"_ba, R"([{"name":"y"},{"name":"a"},{"name":"x"}])"_ba);
    QTest::newRow("pod imagePullSecrets delete element")
        << u"Pod"_s << pod << R"({"spec":{"imagePullSecrets":[{"$patch":"delete","name":"x"}]}})"_ba << 0
        << podWith(R"([{"name":"a"},{"name":"x"}])"_ba, R"([{"name":"a"}])"_ba);
    QTest::newRow("pod container env merged")
        << u"Pod"_s << pod
        << R"({"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}})"_ba
        << 0
        << podWith(R"([{"name":"A","value":"1"},{"name":"B","value":"2"}])"_ba,
                   R"([{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}])"_ba);
    QTest::newRow("pod env null value dropped")
        << u"Pod"_s << pod << R"({"spec":{"containers":[{"name":"app","env":[{"name":"A","value":null}]}]}})"_ba << 0
        << podWith(R"({"name":"A","value":"1"})"_ba, R"({"name":"A"})"_ba);
    QTest::newRow("pod container added in front")
        << u"Pod"_s << pod << R"({"spec":{"containers":[{"name":"new","image":"redis"}]}})"_ba << 0
        << podWith(R"("containers":[)"_ba, R"("containers":[{"name":"new","image":"redis"},)"_ba);
    QTest::newRow("pod containers $patch replace")
        << u"Pod"_s << pod << R"({"spec":{"containers":[{"name":"only","image":"busybox"},{"$patch":"replace"}]}})"_ba
        << 0
        << R"({"kind":"Pod","metadata":{"name":"p","labels":{"a":"1","b":"2"},"finalizers":["f1","f2","f3"]},)"
           R"("spec":{"serviceAccountName":"sa","imagePullSecrets":[{"name":"a"},{"name":"x"}],)"
           R"("tolerations":[{"key":"t1"}],"containers":[{"name":"only","image":"busybox"}]}})"_ba;
    QTest::newRow("labels $patch replace")
        << u"Pod"_s << pod << R"({"metadata":{"labels":{"$patch":"replace","c":"3"}}})"_ba << 0
        << podWith(R"({"a":"1","b":"2"})"_ba, R"({"c":"3"})"_ba);
    QTest::newRow("labels $patch delete") << u"Pod"_s << pod << R"({"metadata":{"labels":{"$patch":"delete"}}})"_ba << 0
                                          << podWith(R"({"a":"1","b":"2"})"_ba, R"({})"_ba);
    QTest::newRow("null deletes keys")
        << u"Pod"_s << pod
        << R"({"metadata":{"labels":{"a":null}},"spec":{"serviceAccountName":null,"nodeName":null}})"_ba << 0
        << podWith(R"({"a":"1","b":"2"})"_ba, R"({"b":"2"})"_ba).replace(R"("serviceAccountName":"sa",)"_ba, "");
    QTest::newRow("tolerations replaced") << u"Pod"_s << pod << R"({"spec":{"tolerations":[{"key":"t2"}]}})"_ba << 0
                                          << podWith(R"([{"key":"t1"}])"_ba, R"([{"key":"t2"}])"_ba);
    QTest::newRow("$setElementOrder reorders containers")
        << u"Pod"_s << pod
        << R"({"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"app"}],)"
           R"("containers":[{"name":"app","image":"nginx:2"}]}})"_ba
        << 0
        << R"({"kind":"Pod","metadata":{"name":"p","labels":{"a":"1","b":"2"},"finalizers":["f1","f2","f3"]},)"
           R"("spec":{"serviceAccountName":"sa","imagePullSecrets":[{"name":"a"},{"name":"x"}],)"
           R"("tolerations":[{"key":"t1"}],"containers":[{"name":"side","image":"envoy"},)"
           R"({"name":"app","image":"nginx:2",)"
           R"("env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}})"_ba;
    QTest::newRow("$deleteFromPrimitiveList finalizers")
        << u"Pod"_s << pod << R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["f2"]}})"_ba << 0
        << podWith(R"(["f1","f2","f3"])"_ba, R"(["f1","f3"])"_ba);
    QTest::newRow("finalizers merged as a set")
        << u"Pod"_s << pod << R"({"metadata":{"finalizers":["f4","f1"]}})"_ba << 0
        << podWith(R"(["f1","f2","f3"])"_ba, R"(["f4","f1","f2","f3"])"_ba);
    QTest::newRow("new list loses directive elements")
        << u"Pod"_s << R"({"kind":"Pod","spec":{}})"_ba
        << R"({"spec":{"hostAliases":[{"ip":"10.0.0.1","hostnames":["a"]},{"$patch":"delete","ip":"10.0.0.2"}]}})"_ba
        << 0 << R"({"kind":"Pod","spec":{"hostAliases":[{"ip":"10.0.0.1","hostnames":["a"]}]}})"_ba;

    const QByteArray deployment =
        R"({"kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1,)"
        R"("strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}},)"
        R"("template":{"metadata":{"labels":{"app":"d"}},"spec":{"serviceAccountName":"old",)"
        R"("containers":[{"name":"app","image":"v1"},{"name":"log","image":"fluent"}]}}}})"_ba;
    const auto deploymentWith = [&](const QByteArray &from, const QByteArray &to) {
        return QByteArray(deployment).replace(from, to);
    };
    QTest::newRow("deployment serviceAccountName")
        << u"Deployment"_s << deployment << R"({"spec":{"template":{"spec":{"serviceAccountName":"new"}}}})"_ba << 0
        << deploymentWith(R"("serviceAccountName":"old")"_ba, R"("serviceAccountName":"new")"_ba);
    QTest::newRow("deployment template containers merged")
        << u"Deployment"_s << deployment
        << R"({"spec":{"template":{"spec":{"containers":[{"name":"app","image":"v2"}]}}}})"_ba << 0
        << deploymentWith(R"("image":"v1")"_ba, R"("image":"v2")"_ba);
    QTest::newRow("deployment strategy $retainKeys")
        << u"Deployment"_s << deployment << R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}})"_ba
        << 0
        << deploymentWith(R"({"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}})"_ba, R"({"type":"Recreate"})"_ba);

    const QByteArray role = R"({"kind":"Role","rules":[{"verbs":["get"],"resources":["pods"]}]})"_ba;
    QTest::newRow("role rules replaced")
        << u"Role"_s << role << R"({"rules":[{"verbs":["list"],"resources":["secrets"]}]})"_ba << 0
        << R"({"kind":"Role","rules":[{"verbs":["list"],"resources":["secrets"]}]})"_ba;
    QTest::newRow("unknown kind replaces lists")
        << u"Widget"_s << R"({"kind":"Widget","spec":{"items":[{"name":"a"}],"keep":1}})"_ba
        << R"({"spec":{"items":[{"name":"b"}]}})"_ba << 0
        << R"({"kind":"Widget","spec":{"items":[{"name":"b"}],"keep":1}})"_ba;
    QTest::newRow("null body") << u"Role"_s << role << "null"_ba << 0 << role;

    // Decode errors are 400 with encoding/json's text; mergepatch sentinels map to 400/422 and everything else
    // reaches the client as a 500 carrying the Go error (interpretStrategicMergePatchError).
    QTest::newRow("array body") << u"Pod"_s << pod << R"([])"_ba << 400
                                << "json: cannot unmarshal array into Go value of type map[string]interface {}"_ba;
    QTest::newRow("garbage body") << u"Pod"_s << pod << "spec"_ba << 400
                                  << "invalid character 's' looking for beginning of value"_ba;
    QTest::newRow("unknown map directive") << u"Pod"_s << pod << R"({"metadata":{"labels":{"$patch":"foo"}}})"_ba << 500
                                           << "unknown patch type: foo in map: map[$patch:foo]"_ba;
    QTest::newRow("merge directive in list") << u"Pod"_s << pod << R"({"spec":{"containers":[{"$patch":"merge"}]}})"_ba
                                             << 500 << "merging lists cannot yet be specified in the patch"_ba;
    QTest::newRow("delete without merge key")
        << u"Pod"_s << pod << R"({"spec":{"imagePullSecrets":[{"$patch":"delete"}]}})"_ba << 500
        << "map: map[$patch:delete] does not contain declared merge key: name"_ba;
    QTest::newRow("element without merge key")
        << u"Pod"_s << pod << R"({"spec":{"containers":[{"image":"x"}]}})"_ba << 500
        << "map: map[image:x] does not contain declared merge key: name"_ba;
    QTest::newRow("retainKeys not listing a patched key")
        << u"Deployment"_s << deployment << R"({"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}})"_ba
        << 400 << "invalid patch format of retainKeys"_ba;
    QTest::newRow("retainKeys not a list")
        << u"Deployment"_s << deployment << R"({"spec":{"strategy":{"$retainKeys":"type"}}})"_ba << 400
        << "invalid patch format of retainKeys"_ba;
    QTest::newRow("primitive list directive without field")
        << u"Pod"_s << pod << R"({"metadata":{"$deleteFromPrimitiveList":["f1"]}})"_ba << 400
        << "invalid patch format of primitive list"_ba;
    QTest::newRow("setElementOrder not a list")
        << u"Pod"_s << pod << R"({"spec":{"$setElementOrder/containers":"app"}})"_ba << 500
        << "expected a []interface {}, but received a string"_ba;
    QTest::newRow("setElementOrder contradicting the patch")
        << u"Pod"_s << pod
        << R"({"spec":{"$setElementOrder/containers":[{"name":"app"}],"containers":[{"name":"side","image":"x"}]}})"_ba
        << 500
        << "the order in patch list:\n[map[image:x name:side]]\n"
           " doesn't match $setElementOrder list:\n[map[name:app]]"_ba;
    QTest::newRow("list of lists") << u"Pod"_s << R"({"metadata":{"finalizers":[]}})"_ba
                                   << R"({"metadata":{"finalizers":[["x"]]}})"_ba << 422 << kRejected;
}

void TestSimPatch::strategicMergePatch()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    const QJsonObject object = parse(target).toObject();
    verifyResult(applyStrategicMergePatch(object, patch, kind), object, target);
}

void TestSimPatch::jsonPatch_data()
{
    addColumns();

    // RFC 6902 Appendix A, as gopkg.in/evanphx/json-patch.v4 inside the apiserver applies them.
    QTest::newRow("A.1 add object member")
        << R"({"foo":"bar"})"_ba
        << R"([{"op":"add","path":"/baz","value":"qux"}])"_ba << 0 << R"({"baz":"qux","foo":"bar"})"_ba;
    QTest::newRow("A.2 add array element")
        << R"({"foo":["bar","baz"]})"_ba
        << R"([{"op":"add","path":"/foo/1","value":"qux"}])"_ba << 0 << R"({"foo":["bar","qux","baz"]})"_ba;
    QTest::newRow("A.3 remove object member") << R"({"baz":"qux","foo":"bar"})"_ba
                                              << R"([{"op":"remove","path":"/baz"}])"_ba << 0 << R"({"foo":"bar"})"_ba;
    QTest::newRow("A.4 remove array element")
        << R"({"foo":["bar","qux","baz"]})"_ba
        << R"([{"op":"remove","path":"/foo/1"}])"_ba << 0 << R"({"foo":["bar","baz"]})"_ba;
    QTest::newRow("A.5 replace value") << R"({"baz":"qux","foo":"bar"})"_ba
                                       << R"([{"op":"replace","path":"/baz","value":"boo"}])"_ba << 0
                                       << R"({"baz":"boo","foo":"bar"})"_ba;
    QTest::newRow("A.6 move value") << R"({"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}})"_ba
                                    << R"([{"op":"move","from":"/foo/waldo","path":"/qux/thud"}])"_ba << 0
                                    << R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})"_ba;
    QTest::newRow("A.7 move array element")
        << R"({"foo":["all","grass","cows","eat"]})"_ba
        << R"([{"op":"move","from":"/foo/1","path":"/foo/3"}])"_ba << 0 << R"({"foo":["all","cows","eat","grass"]})"_ba;
    QTest::newRow("A.8 test success")
        << R"({"baz":"qux","foo":["a",2,"c"]})"_ba
        << R"([{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}])"_ba << 0
        << R"({"baz":"qux","foo":["a",2,"c"]})"_ba;
    // jsonpatch.ErrTestFailed gets no special status: applyJSPatch wraps every apply error as a generic 422.
    QTest::newRow("A.9 test failure") << R"({"baz":"qux"})"_ba
                                      << R"([{"op":"test","path":"/baz","value":"bar"}])"_ba << 422 << kRejected;
    QTest::newRow("A.10 add nested member") << R"({"foo":"bar"})"_ba
                                            << R"([{"op":"add","path":"/child","value":{"grandchild":{}}}])"_ba << 0
                                            << R"({"foo":"bar","child":{"grandchild":{}}})"_ba;
    QTest::newRow("A.11 unrecognized member ignored")
        << R"({"foo":"bar"})"_ba
        << R"([{"op":"add","path":"/baz","value":"qux","xyz":123}])"_ba << 0 << R"({"foo":"bar","baz":"qux"})"_ba;
    QTest::newRow("A.12 add to nonexistent target")
        << R"({"foo":"bar"})"_ba
        << R"([{"op":"add","path":"/baz/bat","value":"qux"}])"_ba << 422 << kRejected;
    QTest::newRow("A.13 duplicate op member, last wins")
        << R"({"foo":"bar"})"_ba
        << R"([{"op":"add","path":"/baz","value":"qux","op":"remove"}])"_ba << 422 << kRejected;
    QTest::newRow("A.14 ~ escape ordering")
        << R"({"/":9,"~1":10})"_ba
        << R"([{"op":"test","path":"/~01","value":10}])"_ba << 0 << R"({"/":9,"~1":10})"_ba;
    QTest::newRow("A.15 string is not number")
        << R"({"/":9,"~1":10})"_ba
        << R"([{"op":"test","path":"/~01","value":"10"}])"_ba << 422 << kRejected;
    QTest::newRow("A.16 add array value")
        << R"({"foo":["bar"]})"_ba
        << R"([{"op":"add","path":"/foo/-","value":["abc","def"]}])"_ba << 0 << R"({"foo":["bar",["abc","def"]]})"_ba;

    const QByteArray sa = R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","resourceVersion":"7"}})"_ba;
    const QByteArray saWithList =
        R"({"kind":"ServiceAccount","metadata":{"name":"data-sa"},"imagePullSecrets":[{"name":"r1"}]})"_ba;
    const QByteArray append = R"([{"op":"add","path":"/imagePullSecrets/-","value":{"name":"r2"}}])"_ba;
    QTest::newRow("append to absent imagePullSecrets") << sa << append << 422 << kRejected;
    QTest::newRow("append to imagePullSecrets") << saWithList << append << 0
                                                << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa"},)"
                                                   R"("imagePullSecrets":[{"name":"r1"},{"name":"r2"}]})"_ba;
    QTest::newRow("test resourceVersion then add")
        << sa
        << R"([{"op":"test","path":"/metadata/resourceVersion","value":"7"},)"
           R"({"op":"add","path":"/imagePullSecrets","value":[{"name":"r1"}]}])"_ba
        << 0
        << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","resourceVersion":"7"},)"
           R"("imagePullSecrets":[{"name":"r1"}]})"_ba;
    QTest::newRow("stale test aborts whole patch")
        << sa
        << R"([{"op":"add","path":"/imagePullSecrets","value":[]},)"
           R"({"op":"test","path":"/metadata/resourceVersion","value":"6"}])"_ba
        << 422 << kRejected;
    QTest::newRow("test absent against null")
        << sa << R"([{"op":"test","path":"/metadata/uid","value":null}])"_ba << 0 << sa;
    QTest::newRow("~1 escape in annotation key")
        << sa
        << R"([{"op":"add","path":"/metadata/annotations","value":{}},)"
           R"({"op":"add","path":"/metadata/annotations/example.com~1owner","value":"me"}])"_ba
        << 0
        << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","resourceVersion":"7",)"
           R"("annotations":{"example.com/owner":"me"}}})"_ba;
    QTest::newRow("remove missing member")
        << sa << R"([{"op":"remove","path":"/metadata/labels"}])"_ba << 422 << kRejected;
    // json-patch v4 lets replace create a missing object member.
    QTest::newRow("replace missing member")
        << sa << R"([{"op":"replace","path":"/metadata/uid","value":"u"}])"_ba << 0
        << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","resourceVersion":"7","uid":"u"}})"_ba;
    QTest::newRow("replace index out of range")
        << saWithList << R"([{"op":"replace","path":"/imagePullSecrets/1","value":{}}])"_ba << 422 << kRejected;
    QTest::newRow("add index past end") << saWithList << R"([{"op":"add","path":"/imagePullSecrets/2","value":{}}])"_ba
                                        << 422 << kRejected;
    QTest::newRow("remove negative index")
        << saWithList << R"([{"op":"remove","path":"/imagePullSecrets/-1"}])"_ba << 0
        << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa"},"imagePullSecrets":[]})"_ba;
    QTest::newRow("copy member") << sa
                                 << R"([{"op":"copy","from":"/metadata/name","path":"/metadata/generateName"}])"_ba << 0
                                 << R"({"kind":"ServiceAccount","metadata":{"name":"data-sa","resourceVersion":"7",)"
                                    R"("generateName":"data-sa"}})"_ba;
    QTest::newRow("move from missing") << sa << R"([{"op":"move","from":"/metadata/uid","path":"/uid"}])"_ba << 422
                                       << kRejected;
    QTest::newRow("add at root path") << sa << R"([{"op":"add","path":"","value":{}}])"_ba << 422 << kRejected;
    QTest::newRow("replace root") << sa << R"([{"op":"replace","path":"","value":{"kind":"X"}}])"_ba << 0
                                  << R"({"kind":"X"})"_ba;
    QTest::newRow("unknown op") << sa << R"([{"op":"merge","path":"/a","value":1}])"_ba << 422 << kRejected;
    QTest::newRow("op without path") << sa << R"([{"op":"add","value":1}])"_ba << 422 << kRejected;
    QTest::newRow("null body") << sa << "null"_ba << 0 << sa;
    QTest::newRow("empty list") << sa << "[]"_ba << 0 << sa;

    QTest::newRow("object body") << sa << R"({"op":"add"})"_ba << 400
                                 << "error decoding patch: json: cannot unmarshal object into Go value of type "
                                    "[]handlers.jsonPatchOp"_ba;
    QTest::newRow("number element") << sa << "[1]"_ba << 400
                                    << "error decoding patch: json: cannot unmarshal number into Go value of type "
                                       "handlers.jsonPatchOp"_ba;
    QTest::newRow("op not a string") << sa << R"([{"op":1,"path":"/a"}])"_ba << 400
                                     << "error decoding patch: json: cannot unmarshal number into Go struct field "
                                        "jsonPatchOp.op of type string"_ba;
    QTest::newRow("not json") << sa << "nope"_ba << 400
                              << "error decoding patch: invalid character 'o' in literal null (expecting 'u')"_ba;
    QTest::newRow("empty body") << sa << ""_ba << 400 << "error decoding patch: unexpected end of JSON input"_ba;
    QTest::newRow("unterminated array") << sa << R"([{"op":"add"} {"op":"add"}])"_ba << 400
                                        << "error decoding patch: invalid character '{' after array element"_ba;

    QByteArray many = "["_ba;
    for (int i = 0; i < 10001; ++i)
        many += R"({"op":"test","path":"/kind","value":"ServiceAccount"},)"_ba;
    many.back() = ']';
    QTest::newRow("10001 operations") << sa << many << 413
                                      << "Request entity too large: The allowed maximum operations in a JSON patch is "
                                         "10000, got 10001"_ba;
}

void TestSimPatch::jsonPatch()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    const QJsonObject object = parse(target).toObject();
    verifyResult(applyJsonPatch(object, patch), object, target);
}

QTEST_GUILESS_MAIN(TestSimPatch)
#include "tst_simpatch.moc"
