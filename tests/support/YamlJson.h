#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

// Reads a YAML document with yaml-cpp into JSON, resolving plain scalars by the YAML 1.2 core schema (null, bool,
// int, float) and keeping quoted and block scalars as strings: how kubectl and the API server read manifests. For
// tests that check what a YAML writer produced; on a parse error: Undefined and *error.
[[nodiscard]] QJsonValue yamlToJson(const QByteArray &yaml, QString *error = nullptr);
