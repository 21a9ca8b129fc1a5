#include "PermissionInputs.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

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

ApiResources commonApiResources()
{
    // Scope and subresources as every Kubernetes release since 1.22 serves them.
    static const QStringList clusterScoped {u"namespaces"_s,
                                            u"nodes"_s,
                                            u"persistentvolumes"_s,
                                            u"clusterroles.rbac.authorization.k8s.io"_s,
                                            u"clusterrolebindings.rbac.authorization.k8s.io"_s,
                                            u"certificatesigningrequests.certificates.k8s.io"_s,
                                            u"customresourcedefinitions.apiextensions.k8s.io"_s,
                                            u"validatingwebhookconfigurations.admissionregistration.k8s.io"_s,
                                            u"mutatingwebhookconfigurations.admissionregistration.k8s.io"_s};
    static const QList<std::pair<QString, QStringList>> subresources {
        {u"pods"_s,
         {u"attach"_s, u"ephemeralcontainers"_s, u"eviction"_s, u"exec"_s, u"log"_s, u"portforward"_s, u"proxy"_s,
          u"status"_s}},
        {u"serviceaccounts"_s, {u"token"_s}},
        {u"services"_s, {u"proxy"_s, u"status"_s}},
        {u"nodes"_s, {u"proxy"_s, u"status"_s}},
        {u"namespaces"_s, {u"finalize"_s, u"status"_s}},
        {u"deployments.apps"_s, {u"scale"_s, u"status"_s}},
        {u"statefulsets.apps"_s, {u"scale"_s, u"status"_s}},
        {u"replicasets.apps"_s, {u"scale"_s, u"status"_s}},
        {u"daemonsets.apps"_s, {u"status"_s}},
        {u"certificatesigningrequests.certificates.k8s.io"_s, {u"approval"_s, u"status"_s}},
    };
    ApiResources catalogue;
    for (const QString &qualified : commonResources()) {
        const ResourceName name = ResourceName::parse(qualified);
        ApiResource resource;
        resource.group = name.apiGroup;
        resource.name = name.resource;
        resource.namespaced = !clusterScoped.contains(qualified);
        catalogue.resources.append(resource);
        for (const auto &[parent, subs] : subresources) {
            if (parent != qualified)
                continue;
            for (const QString &sub : subs) {
                ApiResource subresource = resource;
                subresource.name = resource.name + u'/' + sub;
                catalogue.resources.append(subresource);
            }
        }
    }
    return catalogue;
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
    // Typing a part of a name ("lease") offers every resource that has it, whatever its group.
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->addItems(resources);
    combo->setCurrentText(current);
}

void replaceItems(QComboBox *combo, const QStringList &items)
{
    const QSignalBlocker blocker(combo);
    const QString text = combo->currentText();
    const int cursor = combo->lineEdit() ? combo->lineEdit()->cursorPosition() : 0;
    combo->clear();
    combo->addItems(items);
    // addItems() makes the first item current, which would replace the text.
    combo->setCurrentIndex(combo->findText(text));
    combo->setEditText(text);
    if (combo->lineEdit())
        combo->lineEdit()->setCursorPosition(cursor);
}

void addLabeledRow(QFormLayout *form, const QString &label, QWidget *field, const QString &accessibleName)
{
    field->setAccessibleName(accessibleName);
    form->addRow(label, field);
    if (auto *buddy = qobject_cast<QLabel *>(form->labelForField(field)))
        buddy->setBuddy(field);
}

ResourceFields::ResourceFields(QComboBox *resource, QComboBox *subresource, QComboBox *namespaces,
                               const ApiResources &resources, QObject *parent)
    : QObject(parent)
    , m_resource(resource)
    , m_subresource(subresource)
    , m_namespace(namespaces)
    , m_resources(resources)
    , m_noNamespaceText(namespaces->itemText(0))
{
    m_subresource->setEditable(true);
    m_subresource->setInsertPolicy(QComboBox::NoInsert);
    m_subresource->lineEdit()->setPlaceholderText(tr("optional, e.g. log, exec, token"));
    // Offered, never filled in: "e" is not "ephemeralcontainers" until the user says so.
    m_subresource->completer()->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_resource, &QComboBox::currentTextChanged, this, &ResourceFields::update);
    update();
}

void ResourceFields::setResources(const ApiResources &resources)
{
    m_resources = resources;
    replaceItems(m_resource, m_resources.names());
    m_subresourcesOf = m_resource->currentText().trimmed();
    replaceItems(m_subresource, m_resources.subresourcesOf(m_subresourcesOf));
    update();
}

void ResourceFields::setNamespace(const QString &ns)
{
    m_rememberedNamespace = ns;
    if (!m_clusterScoped)
        chooseNamespace(m_namespace, ns);
}

void ResourceFields::update()
{
    const QString name = m_resource->currentText().trimmed();
    if (name != m_subresourcesOf) {
        m_subresourcesOf = name;
        replaceItems(m_subresource, m_resources.subresourcesOf(name));
    }

    const ApiResource *resource = m_resources.find(name);
    const bool clusterScoped = resource && !resource->namespaced;
    if (clusterScoped == m_clusterScoped) {
        if (clusterScoped)
            m_namespace->setItemText(0, tr("Cluster-wide: %1 are not namespaced").arg(name));
        return;
    }
    m_clusterScoped = clusterScoped;
    if (clusterScoped) {
        m_rememberedNamespace = m_namespace->currentData().toString();
        m_namespace->setCurrentIndex(0);
        m_namespace->setItemText(0, tr("Cluster-wide: %1 are not namespaced").arg(name));
    } else {
        m_namespace->setItemText(0, m_noNamespaceText);
        chooseNamespace(m_namespace, m_rememberedNamespace);
    }
    m_namespace->setEnabled(!clusterScoped);
}

PermissionQuestion::PermissionQuestion(const QStringList &namespaces, const QString &ns,
                                       const QString &allNamespacesText, const ApiResources &resources,
                                       const QString &resource, QWidget *parent)
    : QWidget(parent)
    , m_verb(new QComboBox)
    , m_resource(new QComboBox)
    , m_subresource(new QComboBox)
    , m_namespace(new QComboBox)
    , m_name(new QLineEdit)
{
    m_verb->setObjectName(u"verb"_s);
    fillVerbs(m_verb, u"get"_s);
    m_resource->setObjectName(u"resource"_s);
    fillResources(m_resource, resources.names(), resource);
    m_subresource->setObjectName(u"subresource"_s);
    m_namespace->setObjectName(u"namespace"_s);
    fillNamespaces(m_namespace, namespaces, ns, allNamespacesText);
    m_fields = new ResourceFields(m_resource, m_subresource, m_namespace, resources, this);
    m_name->setObjectName(u"objectName"_s);
    m_name->setPlaceholderText(tr("optional: any object"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    addLabeledRow(form, tr("&Verb:"), m_verb, tr("Verb"));
    addLabeledRow(form, tr("&Resource:"), m_resource, tr("Resource"));
    addLabeledRow(form, tr("&Subresource:"), m_subresource, tr("Subresource"));
    addLabeledRow(form, tr("&Namespace:"), m_namespace, tr("Namespace"));
    addLabeledRow(form, tr("N&ame:"), m_name, tr("Object name"));

    connect(m_verb, &QComboBox::currentIndexChanged, this, &PermissionQuestion::changed);
    connect(m_resource, &QComboBox::currentTextChanged, this, &PermissionQuestion::changed);
    connect(m_subresource, &QComboBox::currentTextChanged, this, &PermissionQuestion::changed);
    connect(m_namespace, &QComboBox::currentIndexChanged, this, &PermissionQuestion::changed);
    connect(m_name, &QLineEdit::textChanged, this, &PermissionQuestion::changed);
}

void PermissionQuestion::setQuestion(const QString &verb, const QString &resource, const QString &ns,
                                     const QString &name, const QString &subresource)
{
    fillVerbs(m_verb, verb);
    m_resource->setCurrentText(resource);
    m_subresource->setCurrentText(subresource);
    m_fields->setNamespace(ns);
    m_name->setText(name);
}

void PermissionQuestion::setResources(const ApiResources &resources)
{
    m_fields->setResources(resources);
}

rbac::ResourceRequest PermissionQuestion::request() const
{
    const ResourceName resource = ResourceName::parse(m_resource->currentText());
    return {m_verb->currentText(),
            resource.apiGroup,
            resource.resource,
            m_subresource->currentText().trimmed(),
            m_namespace->currentData().toString(),
            m_name->text().trimmed()};
}

bool PermissionQuestion::isClusterScoped() const
{
    return m_fields->isClusterScoped();
}

} // namespace sa
