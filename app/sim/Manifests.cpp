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

QJsonValue toJson(const YAML::Node &node, int depth)
{
    if (depth > 100)
        throw YAML::Exception(node.Mark(), "document nested too deeply");
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
        for (const auto &entry : node)
            object.insert(utf8Text(entry.first.as<std::string>()), toJson(entry.second, depth + 1));
        return object;
    }
    }
    return QJsonValue::Null;
}

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
        return toJson(YAML::Load(yaml.toStdString()), 0);
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
        for (const YAML::Node &document : YAML::LoadAll(data.toStdString())) {
            appendObject(result, toJson(document, 0));
            if (!result.ok())
                return result;
        }
    } catch (const YAML::Exception &e) {
        result.objects.clear();
        result.error = u"yaml: line "_s + QString::number(e.mark.line + 1) + u": "_s + QString::fromStdString(e.msg);
    }
    return result;
}

} // namespace kubesim
