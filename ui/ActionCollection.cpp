#include "ActionCollection.h"

#include "Icons.h"

#include <QWidget>

namespace sa {

ActionCollection::ActionCollection(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

QAction *ActionCollection::add(const Spec &spec)
{
    auto *action = new QAction(spec.text, m_window);
    action->setObjectName(spec.name);
    action->setIcon(icons::forAction(spec.name));
    action->setShortcut(spec.shortcut);
    if (!spec.toolTip.isEmpty())
        action->setToolTip(spec.toolTip);
    // The administration actions need a cluster: enabled with a session.
    action->setEnabled(spec.enabled == Enabled::Always);
    connect(action, &QAction::triggered, this, [trigger = spec.trigger] { trigger(); });
    m_window->addAction(action);
    m_entries.append({action, spec.enabled, spec.places});
    return action;
}

QList<QAction *> ActionCollection::in(Place place) const
{
    QList<QAction *> actions;
    for (const Entry &entry : m_entries) {
        if (entry.places.testFlag(place))
            actions.append(entry.action);
    }
    return actions;
}

void ActionCollection::setSessionAvailable(bool available)
{
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.enabled == Enabled::WithSession)
            entry.action->setEnabled(available);
    }
}

QAction *ActionCollection::sessionAction(const QString &name) const
{
    for (const Entry &entry : m_entries) {
        if (entry.enabled == Enabled::WithSession && entry.action->objectName() == name)
            return entry.action;
    }
    return nullptr;
}

} // namespace sa
