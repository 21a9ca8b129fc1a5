// How the window looks on any desktop: an icon on every action of the menus, the toolbar and the lists' context
// menus, drawn when there is no icon theme (as here), sharp at 200 %. Offscreen, against kube-sim's demo cluster.

#include "Application.h"
#include "KubeSimProcess.h"
#include "Rows.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolBar>
#include <QTreeView>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *find(const QString &name) const
    {
        return m_app->window().findChild<T *>(name);
    }

    // Every action a user can reach: the menu bar's menus and their submenus, the toolbars, and the context menus
    // of the lists (Qt::ActionsContextMenu: the widget's own actions are its menu).
    QList<QAction *> reachableActions() const
    {
        QMainWindow &window = m_app->window();
        QList<QAction *> actions;
        std::function<void(QMenu *)> walk = [&](QMenu *menu) {
            for (QAction *action : menu->actions()) {
                if (action->menu())
                    walk(action->menu());
                else
                    actions.append(action);
            }
        };
        for (QAction *action : window.menuBar()->actions()) {
            if (action->menu())
                walk(action->menu());
        }
        for (QToolBar *toolBar : window.findChildren<QToolBar *>())
            actions += toolBar->actions();
        for (QWidget *widget : window.findChildren<QWidget *>()) {
            if (widget->contextMenuPolicy() == Qt::ActionsContextMenu)
                actions += widget->actions();
        }
        QList<QAction *> shown;
        for (QAction *action : std::as_const(actions)) {
            // Separators and the toolbar's widgets (context switcher, filter) have no text.
            if (action->isVisible() && !action->isSeparator() && !action->text().isEmpty() && !shown.contains(action))
                shown.append(action);
        }
        return shown;
    }

    static QString nameOf(const QAction *action)
    {
        return action->objectName().isEmpty() ? action->text() : action->objectName();
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<sa::Application> m_app;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location, not the user's
        QSettings().clear();
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_app =
            std::make_unique<sa::Application>(sa::Application::Options {m_sim->kubeconfigPath(), {}, {}, false, {}});
        m_app->start();
        m_app->window().show();
        QTRY_VERIFY_WITH_TIMEOUT(find<QTreeView>(u"serviceAccounts"_s)->model()->rowCount() > 0, 20000);
    }

    void cleanupTestCase() { m_app.reset(); }

    // Menus the test cannot open from here (a custom context menu is built in code when asked for) would escape
    // the check below: every list's context menu is its actions.
    void contextMenusAreActions()
    {
        for (QWidget *widget : m_app->window().findChildren<QWidget *>()) {
            QVERIFY2(widget->contextMenuPolicy() != Qt::CustomContextMenu,
                     qPrintable(widget->objectName() + u" builds its own context menu"_s));
        }
    }

    // No icon theme here: each action's icon is the bundled one, drawn at the size asked for.
    void everyActionHasAnIcon()
    {
        const QList<QAction *> actions = reachableActions();
        QVERIFY2(actions.size() >= 25, qPrintable(QString::number(actions.size())));
        for (const char *name :
             {"quit", "refresh", "newServiceAccount", "delete", "rotateToken", "projectedTokenSnippet"}) {
            QVERIFY2(
                std::ranges::any_of(actions, [name](QAction *a) { return a->objectName() == QLatin1String(name); }),
                name);
        }
        QStringList missing;
        for (QAction *action : actions) {
            const QIcon icon = action->icon();
            if (icon.isNull()) {
                missing.append(nameOf(action));
                continue;
            }
            for (const int size : {16, 32}) {
                for (const qreal scale : {1.0, 2.0}) {
                    const QImage image = icon.pixmap(QSize(size, size), scale).toImage();
                    // Drawn for the screen's pixels (200 %: twice as many), not a small image scaled up.
                    QCOMPARE(image.size(), QSize(size, size) * scale);
                    int ink = 0;
                    for (int y = 0; y < image.height(); ++y) {
                        for (int x = 0; x < image.width(); ++x)
                            ink += image.pixelColor(x, y).alpha() > 128 ? 1 : 0;
                    }
                    // At least a stroke's worth: a line across the icon.
                    QVERIFY2(
                        ink >= image.width(),
                        qPrintable(u"%1 at %2 px ×%3: %4 pixels"_s.arg(nameOf(action)).arg(size).arg(scale).arg(ink)));
                }
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"no icon: "_s + missing.join(u", "_s)));
    }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
