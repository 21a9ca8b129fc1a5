#include "PermissionInputs.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace sa {

ResourceName ResourceName::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype dot = trimmed.indexOf(u'.');
    if (dot < 0)
        return {trimmed, {}};
    return {trimmed.left(dot), trimmed.mid(dot + 1)};
}

QStringList commonResources()
{
    return {u"pods"_s,
            u"secrets"_s,
            u"configmaps"_s,
            u"services"_s,
            u"serviceaccounts"_s,
            u"persistentvolumeclaims"_s,
            u"events"_s,
            u"namespaces"_s,
            u"nodes"_s,
            u"persistentvolumes"_s,
            u"deployments.apps"_s,
            u"statefulsets.apps"_s,
            u"daemonsets.apps"_s,
            u"replicasets.apps"_s,
            u"jobs.batch"_s,
            u"cronjobs.batch"_s,
            u"ingresses.networking.k8s.io"_s,
            u"networkpolicies.networking.k8s.io"_s,
            u"roles.rbac.authorization.k8s.io"_s,
            u"rolebindings.rbac.authorization.k8s.io"_s,
            u"clusterroles.rbac.authorization.k8s.io"_s,
            u"clusterrolebindings.rbac.authorization.k8s.io"_s,
            u"certificatesigningrequests.certificates.k8s.io"_s,
            u"customresourcedefinitions.apiextensions.k8s.io"_s,
            u"validatingwebhookconfigurations.admissionregistration.k8s.io"_s,
            u"mutatingwebhookconfigurations.admissionregistration.k8s.io"_s};
}

QStringList permissionVerbs()
{
    return {u"get"_s,         u"list"_s,  u"watch"_s,   u"create"_s,
            u"update"_s,      u"patch"_s, u"delete"_s,  u"deletecollection"_s,
            u"impersonate"_s, u"bind"_s,  u"escalate"_s};
}

void fillVerbs(QComboBox *combo, const QString &current)
{
    combo->clear();
    combo->addItems(permissionVerbs());
    const int index = combo->findText(current);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

void fillNamespaces(QComboBox *combo, const QStringList &namespaces, const QString &current, const QString &allText)
{
    combo->clear();
    combo->addItem(allText, QString());
    for (const QString &ns : namespaces)
        combo->addItem(ns, ns);
    chooseNamespace(combo, current);
}

void chooseNamespace(QComboBox *combo, const QString &ns)
{
    int index = combo->findData(ns);
    if (index < 0) {
        combo->addItem(ns, ns);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

void fillResources(QComboBox *combo, const QStringList &resources, const QString &current)
{
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(resources);
    combo->setCurrentText(current);
}

void addLabeledRow(QFormLayout *form, const QString &label, QWidget *field, const QString &accessibleName)
{
    field->setAccessibleName(accessibleName);
    form->addRow(label, field);
    if (auto *buddy = qobject_cast<QLabel *>(form->labelForField(field)))
        buddy->setBuddy(field);
}

} // namespace sa
