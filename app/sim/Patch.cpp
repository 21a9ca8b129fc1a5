#include "Patch.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <QRegularExpression>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace kubesim {

QString goValueKind(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Bool:
        return u"bool"_s;
    default:
        return u"number"_s;
    }
}

namespace {

// errors.NewGenericServerResponse(422, ...) drops the server message and keeps only this text, so every
// jsonpatch apply failure (including a failed "test") reads the same on the wire.
const QString kRejected = u"the server rejected our request due to an error in our request"_s;
constexpr int kMaxJsonPatchOperations = 10000;

struct PatchError
{
    int code;
    QString message;
};

[[noreturn]] void fail(int code, const QString &message)
{
    throw PatchError {code, message};
}

// --- Go encoding/json imitation --------------------------------------------------------------------------------

// The apiserver hands encoding/json's error text back verbatim, so syntax errors are described the way its
// scanner describes them.
class GoJsonScanner
{
public:
    explicit GoJsonScanner(const QByteArray &data)
        : m_data(data)
    { }

    // Empty when `m_data` is valid JSON.
    QString check()
    {
        try {
            skipSpace();
            value();
            skipSpace();
            if (m_pos < m_data.size())
                error("after top-level value");
        } catch (const QString &message) {
            return message;
        }
        return {};
    }

private:
    char peek() const { return m_pos < m_data.size() ? m_data.at(m_pos) : '\0'; }
    bool atEnd() const { return m_pos >= m_data.size(); }

    [[noreturn]] void error(const char *context) const
    {
        if (atEnd())
            throw u"unexpected end of JSON input"_s;
        throw QString(u"invalid character "_s + quoteChar(static_cast<uchar>(peek())) + u' '
                      + QLatin1StringView(context));
    }

    static QString quoteChar(uchar c)
    {
        if (c == '\'')
            return u"'\\''"_s;
        static const QHash<uchar, QString> escapes {{'\a', u"\\a"_s}, {'\b', u"\\b"_s}, {'\f', u"\\f"_s},
                                                    {'\n', u"\\n"_s}, {'\r', u"\\r"_s}, {'\t', u"\\t"_s},
                                                    {'\v', u"\\v"_s}, {'\\', u"\\\\"_s}};
        QString text = escapes.value(c);
        if (text.isEmpty())
            text = c < 0x20 || c == 0x7f ? u"\\x%1"_s.arg(int(c), 2, 16, QChar(u'0'))
                                         : QString(QChar::fromLatin1(char(c)));
        return u'\'' + text + u'\'';
    }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n'))
            ++m_pos;
    }

    void expect(bool ok, const char *context) const
    {
        if (!ok)
            error(context);
    }

    void value()
    {
        switch (peek()) {
        case '{':
            return object();
        case '[':
            return array();
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            expect(peek() == '-' || (peek() >= '0' && peek() <= '9'), "looking for beginning of value");
            return number();
        }
    }

    void object()
    {
        ++m_pos;
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return;
        }
        for (;;) {
            expect(peek() == '"', "looking for beginning of object key string");
            string();
            skipSpace();
            expect(peek() == ':', "after object key");
            ++m_pos;
            skipSpace();
            value();
            skipSpace();
            expect(peek() == ',' || peek() == '}', "after object key:value pair");
            if (m_data.at(m_pos++) == '}')
                return;
            skipSpace();
        }
    }

    void array()
    {
        ++m_pos;
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return;
        }
        for (;;) {
            value();
            skipSpace();
            expect(peek() == ',' || peek() == ']', "after array element");
            if (m_data.at(m_pos++) == ']')
                return;
            skipSpace();
        }
    }

    void string()
    {
        ++m_pos;
        for (;;) {
            expect(!atEnd() && static_cast<uchar>(peek()) >= 0x20, "in string literal");
            const char c = m_data.at(m_pos++);
            if (c == '"')
                return;
            if (c != '\\')
                continue;
            expect(QByteArrayView("\"\\/bfnrtu").contains(peek()) && !atEnd(), "in string escape code");
            if (m_data.at(m_pos++) != 'u')
                continue;
            for (int i = 0; i < 4; ++i, ++m_pos)
                expect(std::isxdigit(static_cast<uchar>(peek())), "in \\u hexadecimal character escape");
        }
    }

    void digits()
    {
        while (peek() >= '0' && peek() <= '9')
            ++m_pos;
    }

    void number()
    {
        if (peek() == '-')
            ++m_pos;
        expect(peek() >= '0' && peek() <= '9', "in numeric literal");
        if (m_data.at(m_pos++) != '0')
            digits();
        if (peek() == '.') {
            ++m_pos;
            expect(peek() >= '0' && peek() <= '9', "after decimal point in numeric literal");
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            expect(peek() >= '0' && peek() <= '9', "in exponent of numeric literal");
            digits();
        }
    }

    void literal(const char *word)
    {
        for (const char *c = word; *c; ++c, ++m_pos) {
            if (peek() != *c) {
                const QByteArray context = "in literal "_ba + word + " (expecting '" + *c + "')";
                error(context.constData());
            }
        }
    }

    const QByteArray &m_data;
    qsizetype m_pos = 0;
};

QString cannotUnmarshal(const QJsonValue &value, const QString &goType)
{
    return u"json: cannot unmarshal "_s + goValueKind(value) + u" into Go value of type "_s + goType;
}

// Parses any JSON value (QJsonDocument alone refuses top-level scalars); the error is encoding/json's text.
QJsonValue parseJson(const QByteArray &body, int code, const QString &errorPrefix = {})
{
    if (const QString syntax = GoJsonScanner(body).check(); !syntax.isEmpty())
        fail(code, errorPrefix + syntax);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error != QJsonParseError::NoError)
        fail(code, errorPrefix + error.errorString());
    return doc.array().at(0);
}

// fmt's %v of the decoded value, for the strategicpatch messages that print maps and lists.
QString goFormat(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList members;
        for (auto it = object.begin(); it != object.end(); ++it)
            members.append(it.key() + u':' + goFormat(it.value()));
        return u"map["_s + members.join(u' ') + u']';
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(goFormat(item));
        return u'[' + items.join(u' ') + u']';
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == std::floor(number) && std::abs(number) < 1e18)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    default:
        return u"<nil>"_s;
    }
}

QString goTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return u"map[string]interface {}"_s;
    case QJsonValue::Array:
        return u"[]interface {}"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Bool:
        return u"bool"_s;
    case QJsonValue::Double:
        return value.toDouble() == std::floor(value.toDouble()) ? u"int64"_s : u"float64"_s;
    default:
        return u"%!s(<nil>)"_s;
    }
}

// --- JSON merge patch (RFC 7386) -------------------------------------------------------------------------------

QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.toObject();
    const QJsonObject members = patch.toObject();
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

// --- Strategic merge patch ----------------------------------------------------------------------------------------

// The patchStrategy/patchMergeKey struct tags of the built-in types, reduced to the fields that carry one (or
// lead to one). A field not listed has no strategy: maps still merge, lists are replaced.
struct MergeSchema;

struct FieldMeta
{
    const MergeSchema *type = nullptr;
    bool merge = false;
    QString mergeKey; // empty for a merged list of primitives
};

struct MergeSchema
{
    QHash<QString, FieldMeta> fields;
};

FieldMeta mergeBy(const QString &key, const MergeSchema *type = nullptr)
{
    return {type, true, key};
}

FieldMeta of(const MergeSchema *type)
{
    return {type, false, {}};
}

const MergeSchema *schemaForKind(const QString &kind)
{
    // k8s.io/api core/v1, apps/v1, batch/v1 types.go and apimachinery meta/v1 types.go.
    static const MergeSchema objectMeta {{{u"finalizers"_s, mergeBy({})}, {u"ownerReferences"_s, mergeBy(u"uid"_s)}}};
    static const MergeSchema container {{{u"ports"_s, mergeBy(u"containerPort"_s)},
                                         {u"env"_s, mergeBy(u"name"_s)},
                                         {u"volumeMounts"_s, mergeBy(u"mountPath"_s)},
                                         {u"volumeDevices"_s, mergeBy(u"devicePath"_s)}}};
    static const MergeSchema podSpec {{{u"containers"_s, mergeBy(u"name"_s, &container)},
                                       {u"initContainers"_s, mergeBy(u"name"_s, &container)},
                                       {u"ephemeralContainers"_s, mergeBy(u"name"_s, &container)},
                                       {u"volumes"_s, mergeBy(u"name"_s)},
                                       {u"imagePullSecrets"_s, mergeBy(u"name"_s)},
                                       {u"hostAliases"_s, mergeBy(u"ip"_s)},
                                       {u"topologySpreadConstraints"_s, mergeBy(u"topologyKey"_s)},
                                       {u"schedulingGates"_s, mergeBy(u"name"_s)},
                                       {u"resourceClaims"_s, mergeBy(u"name"_s)}}};
    static const MergeSchema conditions {{{u"conditions"_s, mergeBy(u"type"_s)}}};
    static const MergeSchema podTemplate {{{u"metadata"_s, of(&objectMeta)}, {u"spec"_s, of(&podSpec)}}};
    static const MergeSchema workloadSpec {{{u"template"_s, of(&podTemplate)}}};
    static const MergeSchema jobTemplate {{{u"metadata"_s, of(&objectMeta)}, {u"spec"_s, of(&workloadSpec)}}};
    static const MergeSchema cronJobSpec {{{u"jobTemplate"_s, of(&jobTemplate)}}};
    static const MergeSchema serviceSpec {{{u"ports"_s, mergeBy(u"port"_s)}}};

    static const MergeSchema metadataOnly {{{u"metadata"_s, of(&objectMeta)}}};
    static const MergeSchema pod {
        {{u"metadata"_s, of(&objectMeta)}, {u"spec"_s, of(&podSpec)}, {u"status"_s, of(&conditions)}}};
    static const MergeSchema podTemplateKind {{{u"metadata"_s, of(&objectMeta)}, {u"template"_s, of(&podTemplate)}}};
    static const MergeSchema workload {
        {{u"metadata"_s, of(&objectMeta)}, {u"spec"_s, of(&workloadSpec)}, {u"status"_s, of(&conditions)}}};
    static const MergeSchema cronJob {{{u"metadata"_s, of(&objectMeta)}, {u"spec"_s, of(&cronJobSpec)}}};
    static const MergeSchema service {{{u"metadata"_s, of(&objectMeta)}, {u"spec"_s, of(&serviceSpec)}}};
    // ServiceAccount.imagePullSecrets has no strategy on purpose: a patch replaces the whole list.
    static const MergeSchema serviceAccount {{{u"metadata"_s, of(&objectMeta)}, {u"secrets"_s, mergeBy(u"name"_s)}}};

    static const QHash<QString, const MergeSchema *> kinds {
        {u"Pod"_s, &pod},
        {u"PodTemplate"_s, &podTemplateKind},
        {u"Deployment"_s, &workload},
        {u"ReplicaSet"_s, &workload},
        {u"StatefulSet"_s, &workload},
        {u"DaemonSet"_s, &workload},
        {u"ReplicationController"_s, &workload},
        {u"Job"_s, &workload},
        {u"CronJob"_s, &cronJob},
        {u"Service"_s, &service},
        {u"ServiceAccount"_s, &serviceAccount},
        {u"Secret"_s, &metadataOnly},
        {u"ConfigMap"_s, &metadataOnly},
        {u"Namespace"_s, &metadataOnly},
        {u"Role"_s, &metadataOnly},
        {u"ClusterRole"_s, &metadataOnly},
        {u"RoleBinding"_s, &metadataOnly},
        {u"ClusterRoleBinding"_s, &metadataOnly},
    };
    return kinds.value(kind);
}

FieldMeta lookupField(const MergeSchema *schema, const QString &key)
{
    return schema ? schema->fields.value(key) : FieldMeta {};
}

const QString kDirective = u"$patch"_s;
const QString kRetainKeys = u"$retainKeys"_s;
const QString kDeleteFromPrimitiveList = u"$deleteFromPrimitiveList"_s;
const QString kSetElementOrder = u"$setElementOrder"_s;

// mergepatch's sentinel errors that interpretStrategicMergePatchError maps to 400 / 422; anything else
// reaches the client as a 500 carrying the Go error text.
[[noreturn]] void badRequest(const QString &message)
{
    fail(400, message);
}

[[noreturn]] void internalError(const QString &message)
{
    fail(500, message);
}

[[noreturn]] void badArgType(const QString &expected, const QJsonValue &actual)
{
    internalError(u"expected a "_s + expected + u", but received a "_s + goTypeName(actual));
}

[[noreturn]] void noMergeKey(const QJsonValue &map, const QString &key)
{
    internalError(u"map: "_s + goFormat(map) + u" does not contain declared merge key: "_s + key);
}

[[noreturn]] void badPatchType(const QJsonValue &directive, const QJsonObject &map)
{
    internalError(u"unknown patch type: "_s + goFormat(directive) + u" in map: "_s + goFormat(map));
}

// The typed decode after the patch drops keys that are not fields (every "$..." key) and turns nulls into
// absent fields; values copied from the patch get the same treatment here. With `dropDirectiveMaps`, a map
// still carrying $patch disappears entirely (strategicpatch's removeDirectives for values new to the object).
std::optional<QJsonValue> asDecoded(const QJsonValue &value, bool dropDirectiveMaps)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (dropDirectiveMaps && object.contains(kDirective))
            return std::nullopt;
        QJsonObject result;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isNull() || it.key().startsWith(u'$'))
                continue;
            if (const auto member = asDecoded(it.value(), dropDirectiveMaps))
                result.insert(it.key(), *member);
        }
        return result;
    }
    if (value.isArray()) {
        QJsonArray result;
        for (const QJsonValue &item : value.toArray()) {
            if (const auto element = asDecoded(item, dropDirectiveMaps))
                result.append(*element);
        }
        return result;
    }
    return value;
}

QString extractKey(const QString &key, const QString &prefix, const QString &formatError)
{
    const qsizetype slash = key.indexOf(u'/');
    if (slash < 0 || QStringView(key).left(slash) != prefix)
        badRequest(formatError);
    return key.mid(slash + 1);
}

// The kind shared by all elements of the lists (sliceElementType); Go tells int64 from float64, we do not.
QJsonValue::Type elementType(std::initializer_list<const QJsonArray *> lists)
{
    std::optional<QJsonValue::Type> type;
    for (const QJsonArray *list : lists) {
        for (const QJsonValue &item : *list) {
            if (!type) {
                type = item.type();
                if (*type == QJsonValue::Array)
                    fail(422, kRejected); // mergepatch.ErrNoListOfLists
            } else if (*type != item.type()) {
                QStringList all;
                for (const QJsonArray *each : lists)
                    all.append(goFormat(*each));
                internalError(u"list element types are not identical: ["_s + all.join(u' ') + u']');
            }
        }
    }
    if (!type)
        internalError(u"no elements in any of the given slices"_s);
    return *type;
}

QJsonValue mergeKeyValue(const QJsonValue &item, const QString &mergeKey)
{
    return mergeKey.isEmpty() ? item : item.toObject().value(mergeKey);
}

qsizetype indexIn(const QJsonArray &list, const QJsonValue &item, const QString &mergeKey, bool maps)
{
    const QJsonValue wanted = maps ? mergeKeyValue(item, mergeKey) : item;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if ((maps ? mergeKeyValue(list.at(i), mergeKey) : list.at(i)) == wanted)
            return i;
    }
    return -1;
}

// findMapInSliceBasedOnKeyValue.
qsizetype findByKey(const QJsonArray &list, const QString &mergeKey, const QJsonValue &value)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            internalError(u"value for key %1 is not a map."_s.arg(i));
        const QJsonObject object = list.at(i).toObject();
        if (object.contains(mergeKey) && object.value(mergeKey) == value)
            return i;
    }
    return -1;
}

void requireMergeKey(const QJsonValue &item, const QString &mergeKey)
{
    if (!item.isObject())
        badArgType(u"map[string]interface {}"_s, item);
    if (!item.toObject().contains(mergeKey))
        noMergeKey(item, mergeKey);
}

// Splits `merged` into the items named by `partitionBy` and the ones only the server has.
std::pair<QJsonArray, QJsonArray> partition(const QJsonArray &merged, const QJsonArray &partitionBy,
                                            const QString &mergeKey)
{
    QJsonArray named;
    QJsonArray serverOnly;
    for (const QJsonValue &item : merged) {
        bool found = false;
        if (mergeKey.isEmpty()) {
            found = partitionBy.contains(item);
        } else {
            requireMergeKey(item, mergeKey);
            found = findByKey(partitionBy, mergeKey, item.toObject().value(mergeKey)) >= 0;
        }
        (found ? named : serverOnly).append(item);
    }
    return {named, serverOnly};
}

// normalizeSliceOrder: stable sort by position in `order`, $patch:delete items last.
QJsonArray sortedBy(const QJsonArray &items, const QJsonArray &order, const QString &mergeKey, bool maps)
{
    QList<QJsonValue> kept;
    QList<QJsonValue> deleted;
    for (const QJsonValue &item : items) {
        if (maps)
            requireMergeKey(item, mergeKey);
        const bool isDelete = maps && item.toObject().value(kDirective) == u"delete"_s;
        (isDelete ? deleted : kept).append(item);
    }
    if (maps) {
        for (const QJsonValue &item : order)
            requireMergeKey(item, mergeKey);
    }
    const auto rank = [&](const QJsonValue &item) {
        const qsizetype i = indexIn(order, item, mergeKey, maps);
        return i < 0 ? std::numeric_limits<qsizetype>::max() : i;
    };
    std::stable_sort(kept.begin(), kept.end(), [&](const auto &a, const auto &b) { return rank(a) < rank(b); });
    QJsonArray result;
    for (const QJsonValue &item : kept + deleted)
        result.append(item);
    return result;
}

// normalizeElementOrder + mergeSortedSlice: the patch's order wins for its items, server-only items keep their
// place relative to the live list, and an item the live list does not know is placed before the next server item.
QJsonArray normalizeElementOrder(const QJsonArray &patchItems, const QJsonArray &serverOnlyItems,
                                 const QJsonArray &patchOrder, const QJsonArray &serverOrder, const QString &mergeKey,
                                 bool maps)
{
    const QJsonArray right = sortedBy(patchItems, patchOrder, mergeKey, maps);
    const QJsonArray left = sortedBy(serverOnlyItems, serverOrder, mergeKey, maps);
    QJsonArray result;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < left.size() || j < right.size()) {
        bool takeLeft = j >= right.size();
        if (i < left.size() && j < right.size()) {
            const qsizetype li = indexIn(serverOrder, left.at(i), mergeKey, maps);
            const qsizetype ri = indexIn(serverOrder, right.at(j), mergeKey, maps);
            takeLeft = li >= 0 && ri >= 0 && li < ri;
        }
        result.append(takeLeft ? left.at(i++) : right.at(j++));
    }
    return result;
}

QJsonObject mergeMap(QJsonObject original, QJsonObject patch, const MergeSchema *schema);

QJsonArray mergeSlice(QJsonArray original, QJsonArray patch, const FieldMeta &meta, bool isDeleteList)
{
    if (original.isEmpty() && patch.isEmpty())
        return original;
    const bool maps = elementType({&original, &patch}) == QJsonValue::Object;
    QJsonArray merged;
    if (!maps) {
        if (isDeleteList) {
            QJsonArray kept;
            for (const QJsonValue &item : original) {
                if (!patch.contains(item))
                    kept.append(item);
            }
            return kept;
        }
        for (const QJsonArray *list : {&original, &patch}) {
            for (const QJsonValue &item : *list) {
                if (!merged.contains(item))
                    merged.append(item);
            }
        }
    } else {
        if (meta.mergeKey.isEmpty())
            internalError(u"cannot merge lists without merge key for type string"_s);
        QJsonArray plain;
        bool replace = false;
        for (const QJsonValue &item : patch) {
            const QJsonObject element = item.toObject();
            if (!element.contains(kDirective)) {
                plain.append(item);
                continue;
            }
            const QJsonValue directive = element.value(kDirective);
            if (directive == u"delete"_s) {
                if (!element.contains(meta.mergeKey))
                    noMergeKey(element, meta.mergeKey);
                qsizetype at = -1;
                while ((at = findByKey(original, meta.mergeKey, element.value(meta.mergeKey))) >= 0)
                    original.removeAt(at);
            } else if (directive == u"replace"_s) {
                replace = true;
            } else if (directive == u"merge"_s) {
                internalError(u"merging lists cannot yet be specified in the patch"_s);
            } else {
                badPatchType(directive, element);
            }
        }
        patch = replace ? QJsonArray() : plain;
        if (replace)
            original = asDecoded(plain, false)->toArray();
        merged = original;
        for (const QJsonValue &item : std::as_const(patch)) {
            requireMergeKey(item, meta.mergeKey);
            const qsizetype at = findByKey(merged, meta.mergeKey, item.toObject().value(meta.mergeKey));
            if (at >= 0)
                merged[at] = mergeMap(merged.at(at).toObject(), item.toObject(), meta.type);
            else
                merged.append(*asDecoded(item, false));
        }
    }
    const auto [patchItems, serverOnly] = partition(merged, patch, meta.mergeKey);
    return normalizeElementOrder(patchItems, serverOnly, patch, original, meta.mergeKey, maps);
}

QJsonArray mergeList(const QJsonArray &original, const QJsonArray &patch, const FieldMeta &meta, bool isDeleteList)
{
    return meta.merge ? mergeSlice(original, patch, meta, isDeleteList) : asDecoded(patch, false)->toArray();
}

// applyRetainKeysDirective: $retainKeys lists the keys that survive; the patch may only set keys it lists.
void applyRetainKeys(QJsonObject &original, QJsonObject &patch)
{
    if (!patch.contains(kRetainKeys))
        return;
    const QJsonValue retain = patch.take(kRetainKeys);
    if (!retain.isArray())
        badRequest(u"invalid patch format of retainKeys"_s);
    const QJsonArray keys = retain.toArray();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull() || it.key().startsWith(kDeleteFromPrimitiveList)
            || it.key().startsWith(kSetElementOrder))
            continue;
        if (!keys.contains(it.key()))
            badRequest(u"invalid patch format of retainKeys"_s);
    }
    for (const QString &key : original.keys()) {
        if (!keys.contains(key))
            original.remove(key);
    }
}

// validatePatchWithSetOrderList: the patch list's items must appear in the $setElementOrder list, in its order.
void validateSetOrder(const QJsonArray &patchList, const QJsonArray &order, const QString &mergeKey)
{
    if (order.isEmpty() || patchList.isEmpty())
        return;
    QJsonArray nonDelete;
    for (const QJsonValue &item : patchList) {
        if (!mergeKey.isEmpty() && !item.isObject())
            badArgType(u"map[string]interface {}"_s, item);
        if (mergeKey.isEmpty() || item.toObject().value(kDirective) != u"delete"_s)
            nonDelete.append(item);
    }
    qsizetype p = 0;
    qsizetype o = 0;
    for (; p < nonDelete.size() && o < order.size(); ++o) {
        if (nonDelete.at(p).isObject() && nonDelete.at(p).toObject().contains(kDirective)) {
            ++p;
            --o;
            continue;
        }
        if (!mergeKey.isEmpty()) {
            requireMergeKey(nonDelete.at(p), mergeKey);
            requireMergeKey(order.at(o), mergeKey);
        }
        if (mergeKeyValue(nonDelete.at(p), mergeKey) == mergeKeyValue(order.at(o), mergeKey))
            ++p;
    }
    if (p < nonDelete.size())
        internalError(u"the order in patch list:\n"_s + goFormat(patchList) + u"\n doesn't match "_s + kSetElementOrder
                      + u" list:\n"_s + goFormat(order));
}

// mergePatchIntoOriginal: merges each list named by a $setElementOrder/<field> directive and orders it by that
// list; the merged field is taken out of the patch.
void applySetElementOrder(QJsonObject &original, QJsonObject &patch, const MergeSchema *schema)
{
    for (const QString &key : patch.keys()) {
        if (!key.startsWith(kSetElementOrder))
            continue;
        const QJsonValue orderValue = patch.take(key);
        if (!orderValue.isArray())
            badArgType(u"[]interface {}"_s, orderValue);
        const QJsonArray order = orderValue.toArray();
        const QString field = extractKey(key, kSetElementOrder, u"invalid patch format of setElementOrder list"_s);
        const bool foundOriginal = original.contains(field);
        const bool foundPatch = patch.contains(field);
        if (foundOriginal && !original.value(field).isArray())
            badArgType(u"[]interface {}"_s, original.value(field));
        if (foundPatch && !patch.value(field).isArray())
            badArgType(u"[]interface {}"_s, patch.value(field));
        const QJsonArray originalList = original.value(field).toArray();
        const QJsonArray patchList = patch.value(field).toArray();
        const FieldMeta meta = lookupField(schema, field);
        validateSetOrder(patchList, order, meta.mergeKey);
        if (!foundOriginal && !foundPatch)
            continue;
        QJsonArray merged = originalList;
        if (!foundOriginal)
            merged = asDecoded(patchList, true)->toArray();
        else if (foundPatch)
            merged = mergeList(originalList, patchList, meta, false);
        const bool maps = elementType({&originalList, &patchList}) == QJsonValue::Object;
        const auto [named, serverOnly] = partition(merged, order, meta.mergeKey);
        original.insert(field, normalizeElementOrder(named, serverOnly, order, originalList, meta.mergeKey, maps));
        patch.remove(field);
    }
}

QJsonObject mergeMap(QJsonObject original, QJsonObject patch, const MergeSchema *schema)
{
    if (patch.contains(kDirective)) {
        const QJsonValue directive = patch.value(kDirective);
        if (directive == u"replace"_s) {
            patch.remove(kDirective);
            return asDecoded(patch, false)->toObject();
        }
        if (directive == u"delete"_s)
            return {};
        badPatchType(directive, patch);
    }
    applyRetainKeys(original, patch);
    applySetElementOrder(original, patch, schema);
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        QString key = it.key();
        const QJsonValue patchValue = it.value();
        const bool isDeleteList = key.startsWith(kDeleteFromPrimitiveList);
        if (isDeleteList)
            key = extractKey(key, kDeleteFromPrimitiveList, u"invalid patch format of primitive list"_s);
        if (patchValue.isNull()) {
            original.remove(key);
            continue;
        }
        const QJsonValue current = original.value(key);
        if (current.isUndefined() || current.type() != patchValue.type()) {
            if (isDeleteList || key.startsWith(u'$'))
                continue;
            if (const auto value = asDecoded(patchValue, true))
                original.insert(key, *value);
            else
                original.remove(key);
            continue;
        }
        const FieldMeta meta = lookupField(schema, key);
        if (patchValue.isObject())
            original.insert(key, mergeMap(current.toObject(), patchValue.toObject(), meta.type));
        else if (patchValue.isArray())
            original.insert(key, mergeList(current.toArray(), patchValue.toArray(), meta, isDeleteList));
        else
            original.insert(key, patchValue);
    }
    return original;
}

// --- JSON patch (RFC 6902, as gopkg.in/evanphx/json-patch.v4 applies it) -----------------------------------------

struct ApplyFailed
{
};

// strconv.Atoi.
std::optional<qsizetype> goAtoi(const QString &text)
{
    static const QRegularExpression pattern(u"^[+-]?[0-9]+$"_s);
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || !pattern.match(text).hasMatch())
        return std::nullopt;
    return value;
}

// An array index as jsonpatch accepts it: negative counts from the end, `size` is the exclusive upper bound.
qsizetype arrayIndex(const QString &token, qsizetype size)
{
    const std::optional<qsizetype> index = goAtoi(token);
    if (!index || *index >= size || *index < -size)
        throw ApplyFailed {};
    return *index < 0 ? *index + size : *index;
}

// A member of an object reads as null when absent, as in jsonpatch's partialDoc.
QJsonValue childOf(const QJsonValue &container, const QString &token)
{
    if (container.isObject())
        return container.toObject().value(token).isUndefined() ? QJsonValue() : container.toObject().value(token);
    const QJsonArray array = container.toArray();
    return array.at(arrayIndex(token, array.size()));
}

QJsonValue withChild(const QJsonValue &container, const QString &token, const QJsonValue &child)
{
    if (container.isObject()) {
        QJsonObject object = container.toObject();
        object.insert(token, child);
        return object;
    }
    QJsonArray array = container.toArray();
    array[arrayIndex(token, array.size())] = child;
    return array;
}

using ContainerEdit = std::function<QJsonValue(const QJsonValue &container, const QString &key)>;

// findObject: walks to the container of the pointer's last token (every step an existing object or array) and
// replaces it with `edit`'s result. Like jsonpatch, the text before the first '/' is ignored.
QJsonValue editContainer(const QJsonValue &document, const QString &pointer, const ContainerEdit &edit)
{
    QStringList tokens = pointer.split(u'/');
    if (tokens.size() < 2)
        throw ApplyFailed {};
    tokens.removeFirst();
    for (QString &token : tokens) {
        QString decoded;
        for (qsizetype i = 0; i < token.size(); ++i) {
            if (token.at(i) == u'~' && i + 1 < token.size() && (token.at(i + 1) == u'0' || token.at(i + 1) == u'1'))
                decoded.append(token.at(++i) == u'1' ? u'/' : u'~');
            else
                decoded.append(token.at(i));
        }
        token = decoded;
    }
    const std::function<QJsonValue(const QJsonValue &, qsizetype)> walk = [&](const QJsonValue &node, qsizetype depth) {
        if (depth == tokens.size() - 1)
            return edit(node, tokens.at(depth));
        const QJsonValue child = childOf(node, tokens.at(depth));
        if (!child.isObject() && !child.isArray())
            throw ApplyFailed {};
        return withChild(node, tokens.at(depth), walk(child, depth + 1));
    };
    return walk(document, 0);
}

QJsonValue readAt(const QJsonValue &document, const QString &pointer)
{
    QJsonValue value;
    editContainer(document, pointer, [&](const QJsonValue &container, const QString &key) {
        value = childOf(container, key);
        return container;
    });
    return value;
}

QJsonValue addAt(const QJsonValue &document, const QString &pointer, const QJsonValue &value)
{
    return editContainer(document, pointer, [&](const QJsonValue &container, const QString &key) -> QJsonValue {
        if (container.isObject())
            return withChild(container, key, value);
        QJsonArray array = container.toArray();
        array.insert(key == u"-"_s ? array.size() : arrayIndex(key, array.size() + 1), value);
        return array;
    });
}

QJsonValue removeAt(const QJsonValue &document, const QString &pointer)
{
    return editContainer(document, pointer, [](const QJsonValue &container, const QString &key) -> QJsonValue {
        if (container.isObject()) {
            QJsonObject object = container.toObject();
            if (!object.contains(key))
                throw ApplyFailed {};
            object.remove(key);
            return object;
        }
        QJsonArray array = container.toArray();
        array.removeAt(arrayIndex(key, array.size()));
        return array;
    });
}

QJsonValue applyOperation(const QJsonValue &document, const QJsonObject &operation)
{
    const auto stringField = [&](const QString &name) {
        if (!operation.value(name).isString())
            throw ApplyFailed {};
        return operation.value(name).toString();
    };
    // A missing "value" is a nil node that marshals as null.
    const QJsonValue value = operation.value(u"value"_s).isUndefined() ? QJsonValue() : operation.value(u"value"_s);
    const QString op = operation.value(u"op"_s).toString();
    if (op == u"add"_s)
        return addAt(document, stringField(u"path"_s), value);
    if (op == u"remove"_s)
        return removeAt(document, stringField(u"path"_s));
    if (op == u"replace"_s) {
        const QString path = stringField(u"path"_s);
        if (path.isEmpty()) {
            if (!value.isObject())
                throw ApplyFailed {};
            return value;
        }
        return editContainer(document, path, [&](const QJsonValue &container, const QString &key) {
            childOf(container, key);
            return withChild(container, key, value);
        });
    }
    if (op == u"move"_s) {
        const QString from = stringField(u"from"_s);
        const QJsonValue moved = readAt(document, from);
        return addAt(removeAt(document, from), stringField(u"path"_s), moved);
    }
    if (op == u"copy"_s) {
        const QJsonValue copied = readAt(document, stringField(u"from"_s));
        return addAt(document, stringField(u"path"_s), copied);
    }
    if (op == u"test"_s) {
        const QString path = stringField(u"path"_s);
        const QJsonValue actual = path.isEmpty() ? document : readAt(document, path);
        if (operation.contains(u"value"_s) && actual == value)
            return document;
        throw ApplyFailed {};
    }
    throw ApplyFailed {};
}

// The strict decode of the body into []handlers.jsonPatchOp that the apiserver runs before jsonpatch sees it.
QJsonArray decodeJsonPatch(const QByteArray &body)
{
    const QString prefix = u"error decoding patch: "_s;
    const QJsonValue patch = parseJson(body, 400, prefix);
    if (patch.isNull())
        return {};
    if (!patch.isArray())
        fail(400, prefix + cannotUnmarshal(patch, u"[]handlers.jsonPatchOp"_s));
    const QJsonArray operations = patch.toArray();
    for (const QJsonValue &operation : operations) {
        if (operation.isNull())
            continue;
        if (!operation.isObject())
            fail(400, prefix + cannotUnmarshal(operation, u"handlers.jsonPatchOp"_s));
        for (const QString &field : {u"op"_s, u"path"_s, u"from"_s}) {
            const QJsonValue member = operation.toObject().value(field);
            if (!member.isUndefined() && !member.isNull() && !member.isString())
                fail(400,
                     prefix + u"json: cannot unmarshal "_s + goValueKind(member)
                         + u" into Go struct field jsonPatchOp."_s + field + u" of type string"_s);
        }
    }
    if (operations.size() > kMaxJsonPatchOperations)
        fail(413,
             u"Request entity too large: The allowed maximum operations in a JSON patch is %1, got %2"_s
                 .arg(kMaxJsonPatchOperations)
                 .arg(operations.size()));
    return operations;
}

template<typename Apply>
PatchResult run(Apply &&apply)
{
    try {
        return PatchResult {apply(), 0, {}};
    } catch (const PatchError &error) {
        return PatchResult {{}, error.code, error.message};
    } catch (const ApplyFailed &) {
        return PatchResult {{}, 422, kRejected};
    }
}

} // namespace

QJsonValue applyMergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    return mergePatch(target, patch);
}

PatchResult applyMergePatchBody(const QJsonObject &target, const QByteArray &patchBody)
{
    return run([&] {
        const QString prefix = u"error decoding patch: "_s;
        const QJsonValue patch = parseJson(patchBody, 400, prefix);
        if (patch.isNull())
            fail(400, u"Invalid JSON Patch"_s); // jsonpatch.ErrBadJSONPatch
        if (!patch.isObject())
            fail(400, prefix + cannotUnmarshal(patch, u"map[string]interface {}"_s));
        return mergePatch(target, patch).toObject();
    });
}

PatchResult applyStrategicMergePatch(const QJsonObject &target, const QByteArray &patchBody, const QString &kind)
{
    return run([&] {
        const QJsonValue patch = parseJson(patchBody, 400);
        if (!patch.isObject() && !patch.isNull())
            fail(400, cannotUnmarshal(patch, u"map[string]interface {}"_s));
        return mergeMap(target, patch.toObject(), schemaForKind(kind));
    });
}

PatchResult applyJsonPatch(const QJsonObject &target, const QByteArray &patchBody)
{
    return run([&] {
        QJsonValue document = target;
        for (const QJsonValue &operation : decodeJsonPatch(patchBody))
            document = applyOperation(document, operation.toObject());
        return document.toObject();
    });
}

} // namespace kubesim
