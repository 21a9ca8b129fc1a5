#pragma once

#include <QAction>
#include <QFlags>
#include <QKeySequence>
#include <QList>
#include <QObject>

#include <functional>

class QWidget;

namespace sa {

// The window's actions, each declared once with its text, shortcut, enabling rule and the places it appears in;
// menus, the toolbar and the lists' context menus take theirs from here, in declaration order.
class ActionCollection : public QObject
{
    Q_OBJECT
public:
    enum class Place {
        ClusterMenu = 0x1,
        AccountMenu = 0x2,
        AccountMenuTail = 0x4, // after a separator in the account menu
        SecretMenu = 0x8,
        ViewMenu = 0x10,
        ToolBar = 0x20,
        AccountList = 0x40, // the service accounts' context menu
        SecretList = 0x80, // the secrets' context menu
    };
    Q_DECLARE_FLAGS(Places, Place)
    enum class Enabled { Always, WithSession };

    struct Spec
    {
        QString name; // the object name: tests and the details pane's action: links find actions by it
        QString text;
        QKeySequence shortcut;
        Enabled enabled = Enabled::Always;
        Places places;
        std::function<void()> trigger;
        QString toolTip = {};
    };

    // The actions become `window`'s own, so that their shortcuts work anywhere in it.
    explicit ActionCollection(QWidget *window);

    QAction *add(const Spec &spec);
    [[nodiscard]] QList<QAction *> in(Place place) const;
    // Enables the actions that need a session according to whether there is one.
    void setSessionAvailable(bool available);
    // The action of this object name that needs a session, or null.
    [[nodiscard]] QAction *sessionAction(const QString &name) const;

private:
    struct Entry
    {
        QAction *action;
        Enabled enabled;
        Places places;
    };
    QWidget *m_window;
    QList<Entry> m_entries;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ActionCollection::Places)

} // namespace sa
