#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace kubesim {

struct ManifestResult
{
    QList<QJsonObject> objects;
    QString error; // with the line number where the parser gives one
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

// Parses a manifest file or body: JSON, or YAML with any number of documents. Lists (kind "List" or
// "...List" with items) are expanded; empty documents are skipped. YAML scalars are typed by the
// YAML 1.2 core schema, as sigs.k8s.io/yaml does: quoted scalars stay strings.
[[nodiscard]] ManifestResult parseManifests(const QByteArray &data);

// One YAML document as JSON, typed as above (any value, not only an object); Undefined with *error when it is not
// YAML.
[[nodiscard]] QJsonValue yamlToJson(const QByteArray &yaml, QString *error = nullptr);

} // namespace kubesim
