#include "YamlJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

// As is: QString::fromStdString would drop a leading byte order mark.
QString text(const std::string &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

QJsonValue scalar(const YAML::Node &node)
{
    const QString text = ::text(node.Scalar());
    // "!": quoted or a block scalar, a string whatever it reads like.
    if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
        return text;
    static const QRegularExpression null(u"^(~|null|Null|NULL|)$"_s);
    static const QRegularExpression boolean(u"^(true|True|TRUE|false|False|FALSE)$"_s);
    static const QRegularExpression integer(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression real(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    if (null.match(text).hasMatch())
        return QJsonValue::Null;
    if (boolean.match(text).hasMatch())
        return text.front().toLower() == u't';
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

QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue::Null;
    case YAML::NodeType::Scalar:
        return scalar(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(text(entry.first.Scalar()), toJson(entry.second));
        return object;
    }
    }
    return QJsonValue::Null;
}

} // namespace

QJsonValue yamlToJson(const QByteArray &yaml, QString *error)
{
    try {
        return toJson(YAML::Load(yaml.toStdString()));
    } catch (const YAML::Exception &exception) {
        if (error)
            *error = QString::fromStdString(exception.what());
        return QJsonValue(QJsonValue::Undefined);
    }
}
