#include "Manifests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// As is: QString::fromStdString would drop a leading byte order mark, which a value may hold.
QString utf8Text(const std::string &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

QJsonValue scalarValue(const YAML::Node &node)
{
    const QString text = utf8Text(node.Scalar());
    if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
        return text; // quoted or explicitly a string
    if (text.isEmpty() || text == "~"_L1 || text == "null"_L1 || text == "Null"_L1 || text == "NULL"_L1)
        return QJsonValue::Null;
    if (text == "true"_L1 || text == "True"_L1 || text == "TRUE"_L1)
        return true;
    if (text == "false"_L1 || text == "False"_L1 || text == "FALSE"_L1)
        return false;
    static const QRegularExpression integer(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression real(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (ok)
            return value;
    }
    if (real.match(text).hasMatch())
        return text.toDouble();
    return text;
}

// Thrown when a document expands past its budget: aliases let a few hundred bytes stand for billions of nodes.
struct ExcessiveAliasing
{
};

// As go-yaml v3 (and so sigs.k8s.io/yaml and kubectl): refuse a document whose aliases expand too far. The
// budget counts nodes as converted, aliased ones every time they are reached; a document without aliases has
// fewer nodes than bytes, so it never runs out.
constexpr qsizetype kMinNodeBudget = 10000;
const QString kExcessiveAliasing = u"yaml: document contains excessive aliasing"_s;

class Converter
{
public:
    explicit Converter(qsizetype inputSize)
        : m_budget(kMinNodeBudget + 2 * inputSize)
    { }

    QJsonValue toJson(const YAML::Node &node, int depth)
    {
        if (depth > 100)
            throw YAML::Exception(node.Mark(), "document nested too deeply");
        if (--m_budget < 0)
            throw ExcessiveAliasing();
        switch (node.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            return QJsonValue::Null;
        case YAML::NodeType::Scalar:
            return scalarValue(node);
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            for (const YAML::Node &item : node)
                array.append(toJson(item, depth + 1));
            return array;
        }
        case YAML::NodeType::Map: {
            QJsonObject object;
            for (const auto &entry : node) {
                if (--m_budget < 0) // a key, which may be an alias too
                    throw ExcessiveAliasing();
                object.insert(utf8Text(entry.first.as<std::string>()), toJson(entry.second, depth + 1));
            }
            return object;
        }
        }
        return QJsonValue::Null;
    }

private:
    qsizetype m_budget;
};

void appendObject(ManifestResult &result, const QJsonValue &value)
{
    if (value.isNull())
        return;
    if (!value.isObject()) {
        result.error = u"a manifest document must be an object"_s;
        return;
    }
    const QJsonObject object = value.toObject();
    if (object.value("kind"_L1).toString().endsWith("List"_L1) && object.value("items"_L1).isArray()) {
        for (const QJsonValue &item : object.value("items"_L1).toArray())
            appendObject(result, item);
        return;
    }
    result.objects.append(object);
}

} // namespace

QJsonValue yamlToJson(const QByteArray &yaml, QString *error)
{
    try {
        return Converter(yaml.size()).toJson(YAML::Load(yaml.toStdString()), 0);
    } catch (const ExcessiveAliasing &) {
        if (error)
            *error = kExcessiveAliasing;
        return QJsonValue(QJsonValue::Undefined);
    } catch (const YAML::Exception &exception) {
        if (error)
            *error = QString::fromStdString(exception.what());
        return QJsonValue(QJsonValue::Undefined);
    }
}

ManifestResult parseManifests(const QByteArray &data)
{
    ManifestResult result;
    const QByteArray trimmed = data.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (error.error != QJsonParseError::NoError) {
            result.error = u"invalid JSON at offset "_s + QString::number(error.offset) + u": "_s + error.errorString();
            return result;
        }
        if (doc.isArray()) {
            for (const QJsonValue &value : doc.array())
                appendObject(result, value);
        } else {
            appendObject(result, doc.object());
        }
        return result;
    }
    try {
        Converter converter(data.size()); // one budget for the whole file
        for (const YAML::Node &document : YAML::LoadAll(data.toStdString())) {
            appendObject(result, converter.toJson(document, 0));
            if (!result.ok())
                return result;
        }
    } catch (const ExcessiveAliasing &) {
        result.objects.clear();
        result.error = kExcessiveAliasing;
    } catch (const YAML::Exception &e) {
        result.objects.clear();
        result.error = u"yaml: line "_s + QString::number(e.mark.line + 1) + u": "_s + QString::fromStdString(e.msg);
    }
    return result;
}

} // namespace kubesim
