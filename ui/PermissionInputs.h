#pragma once

#include "rbac/Rbac.h"
#include "resources/ApiResources.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLineEdit;

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
// The same as a catalogue, with what every cluster says of them: which are cluster-scoped, and their usual
// subresources (pods/exec, serviceaccounts/token, ...).
[[nodiscard]] ApiResources commonApiResources();
// The verbs of the RBAC authorizer worth asking about.
[[nodiscard]] QStringList permissionVerbs();

// Fills `combo` with the verbs (not editable), `current` chosen.
void fillVerbs(QComboBox *combo, const QString &current);
// Makes `combo` an editable list of `resources` (a resource not listed may be typed), `current` shown.
void fillResources(QComboBox *combo, const QStringList &resources, const QString &current);
// Lists `items` in an editable combo again, keeping the text in it (what the user typed) and its signals quiet.
void replaceItems(QComboBox *combo, const QStringList &items);
// Fills `combo` with "all namespaces" (data empty) first, then the namespaces (data: the name); `current` chosen.
void fillNamespaces(QComboBox *combo, const QStringList &namespaces, const QString &current, const QString &allText);
// Adds `field` under `label` (its buddy, for the mnemonic) with the name a screen reader says.
void addLabeledRow(QFormLayout *form, const QString &label, QWidget *field, const QString &accessibleName);
// Chooses `ns` in a combo filled by fillNamespaces, adding it when it is not listed.
void chooseNamespace(QComboBox *combo, const QString &ns);

// The resource, subresource and namespace fields of a permission dialog, kept in step: the subresources offered are
// those of the chosen resource, and for a cluster-scoped resource the namespace does not apply (the field says so
// and is disabled; the namespace chosen before comes back with a namespaced resource). A resource the catalogue
// does not know leaves the namespace to the user.
class ResourceFields : public QObject
{
    Q_OBJECT
public:
    // `namespaces` is filled by fillNamespaces (its first item: no namespace). The combos must outlive this.
    ResourceFields(QComboBox *resource, QComboBox *subresource, QComboBox *namespaces, const ApiResources &resources,
                   QObject *parent);

    // Offers `resources` instead (discovery arrived), keeping what the user typed or chose.
    void setResources(const ApiResources &resources);
    [[nodiscard]] const ApiResources &resources() const { return m_resources; }
    // Chooses `ns` (empty: the first item), or remembers it while the resource is cluster-scoped.
    void setNamespace(const QString &ns);
    // The chosen resource is known to be cluster-scoped.
    [[nodiscard]] bool isClusterScoped() const { return m_clusterScoped; }

private:
    void update();

    QComboBox *m_resource;
    QComboBox *m_subresource;
    QComboBox *m_namespace;
    ApiResources m_resources;
    QString m_noNamespaceText; // the first item's own text
    QString m_rememberedNamespace;
    QString m_subresourcesOf; // the resource whose subresources are listed
    bool m_clusterScoped = false;
};

// The question both permission dialogs ask, as a form: verb, resource, subresource, namespace and name (object names
// verb, resource, subresource, namespace, objectName; each with its mnemonic and the name a screen reader says),
// the resource fields kept in step by ResourceFields.
class PermissionQuestion : public QWidget
{
    Q_OBJECT
public:
    // `allNamespacesText`: the namespace field's first item (no namespace); `ns` and `resource` chosen at first.
    PermissionQuestion(const QStringList &namespaces, const QString &ns, const QString &allNamespacesText,
                       const ApiResources &resources, const QString &resource, QWidget *parent = nullptr);

    // Asks this (an empty namespace: cluster-wide or all namespaces).
    void setQuestion(const QString &verb, const QString &resource, const QString &ns, const QString &name = {},
                     const QString &subresource = {});
    // Offers `resources` instead (discovery arrived), keeping what the user typed or chose.
    void setResources(const ApiResources &resources);
    // The question as the authorizer reads it; resource empty when none is entered.
    [[nodiscard]] rbac::ResourceRequest request() const;
    // The chosen resource is known to be cluster-scoped.
    [[nodiscard]] bool isClusterScoped() const;

Q_SIGNALS:
    // Any of the fields changed.
    void changed();

private:
    QComboBox *m_verb;
    QComboBox *m_resource;
    QComboBox *m_subresource;
    QComboBox *m_namespace;
    QLineEdit *m_name;
    ResourceFields *m_fields;
};

} // namespace sa
