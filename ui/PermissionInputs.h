#pragma once

#include <QString>
#include <QStringList>

class QComboBox;
class QFormLayout;
class QWidget;

namespace sa {

// The inputs the permission dialogs (Can it…?, Who can…?) share: verbs, resources and namespaces as combo boxes.

// A resource as kubectl names it: "pods", "deployments.apps", "ingresses.networking.k8s.io".
struct ResourceName
{
    QString resource;
    QString apiGroup; // "" for the core group

    // "deployments.apps" → {deployments, apps}; the first dot separates them, as in `kubectl auth can-i`.
    [[nodiscard]] static ResourceName parse(const QString &text);
};

// Common resources, offered until discovery lists the cluster's own.
[[nodiscard]] QStringList commonResources();
// The verbs of the RBAC authorizer worth asking about.
[[nodiscard]] QStringList permissionVerbs();

// Fills `combo` with the verbs (not editable), `current` chosen.
void fillVerbs(QComboBox *combo, const QString &current);
// Makes `combo` an editable list of `resources` (a resource not listed may be typed), `current` shown.
void fillResources(QComboBox *combo, const QStringList &resources, const QString &current);
// Fills `combo` with "all namespaces" (data empty) first, then the namespaces (data: the name); `current` chosen.
void fillNamespaces(QComboBox *combo, const QStringList &namespaces, const QString &current, const QString &allText);
// Adds `field` under `label` (its buddy, for the mnemonic) with the name a screen reader says.
void addLabeledRow(QFormLayout *form, const QString &label, QWidget *field, const QString &accessibleName);
// Chooses `ns` in a combo filled by fillNamespaces, adding it when it is not listed.
void chooseNamespace(QComboBox *combo, const QString &ns);

} // namespace sa
