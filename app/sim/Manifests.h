#pragma once

#include <QByteArray>
#include <QJsonObject>
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

} // namespace kubesim
