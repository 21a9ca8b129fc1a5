#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace sa {

// An object as `kubectl get -o yaml` shows it: block style, keys in the object's (sorted) order, lists under a key
// not indented, empty maps and lists as {} and [], numbers, booleans and null plain, strings plain unless a YAML
// reader (1.1 or 1.2) would take them for something else, multi-line strings as literal blocks where that keeps
// them exact, double-quoted otherwise. metadata.managedFields is left out (of a List's items too), as kubectl does
// by default. Reading the result back with any YAML parser gives the same JSON.
[[nodiscard]] QByteArray toYaml(const QJsonObject &object);

// The object without metadata.managedFields (a List: its items').
[[nodiscard]] QJsonObject withoutManagedFields(QJsonObject object);

// What stands for a secret value of `bytes` bytes: "•••••• (N bytes)". Its length says the value's size, which
// kubectl describe shows too; never anything of the value itself.
[[nodiscard]] QString maskedSecretValue(qsizetype bytes);

// A Secret with every value of data (base64: N is the decoded size) and stringData replaced by maskedSecretValue(),
// and the kubectl.kubernetes.io/last-applied-configuration annotation too, which holds the values `kubectl apply`
// was given. Other kinds come back unchanged.
[[nodiscard]] QJsonObject maskSecretValues(QJsonObject secret);

} // namespace sa
