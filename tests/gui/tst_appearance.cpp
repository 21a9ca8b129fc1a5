// How the window looks on any desktop: an icon on every action of the menus, the toolbar and the lists' context
// menus, drawn when there is no icon theme (as here), sharp at 200 %; and every colour it draws text in readable
// under a light and a dark palette, by WCAG's contrast ratio. Offscreen, against kube-sim's demo cluster.

#include "Application.h"
#include "DetailsPane.h"
#include "Icons.h"
#include "KubeSimProcess.h"
#include "MessageBar.h"
#include "Palette.h"
#include "Rows.h"
#include "Screenshot.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
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

// WCAG 2.x relative luminance and contrast ratio, computed here rather than taken from the code under test.
double luminance(const QColor &colour)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// A colour drawn with transparency over `background`, as it is seen.
QColor over(const QColor &colour, const QColor &background)
{
    const double alpha = colour.alphaF();
    return QColor::fromRgbF(float(colour.redF() * alpha + background.redF() * (1 - alpha)),
                            float(colour.greenF() * alpha + background.greenF() * (1 - alpha)),
                            float(colour.blueF() * alpha + background.blueF() * (1 - alpha)));
}

QString describe(const QColor &foreground, const QColor &background)
{
    return u"%1 on %2: %3:1"_s.arg(foreground.name(), background.name())
        .arg(contrast(foreground, background), 0, 'f', 2);
}

// Breeze Dark's colours, as a Plasma desktop (or qt6ct with a dark scheme) hands them to Qt.
QPalette breezeDark()
{
    QPalette palette;
    const auto set = [&palette](QPalette::ColorRole role, QColor active, QColor disabled) {
        palette.setColor(QPalette::Active, role, active);
        palette.setColor(QPalette::Inactive, role, active);
        palette.setColor(QPalette::Disabled, role, disabled);
    };
    set(QPalette::Window, QColor(0x31, 0x36, 0x3b), QColor(0x2f, 0x34, 0x38));
    set(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc), QColor(0x6e, 0x71, 0x73));
    set(QPalette::Base, QColor(0x1b, 0x1e, 0x20), QColor(0x1a, 0x1d, 0x1f));
    set(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29), QColor(0x23, 0x26, 0x29));
    set(QPalette::Text, QColor(0xfc, 0xfc, 0xfc), QColor(0x65, 0x67, 0x68));
    set(QPalette::Button, QColor(0x31, 0x36, 0x3b), QColor(0x2f, 0x34, 0x38));
    set(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc), QColor(0x6e, 0x71, 0x73));
    set(QPalette::Light, QColor(0x40, 0x46, 0x4c), QColor(0x40, 0x46, 0x4c));
    set(QPalette::Midlight, QColor(0x3a, 0x40, 0x45), QColor(0x3a, 0x40, 0x45));
    set(QPalette::Mid, QColor(0x24, 0x28, 0x2b), QColor(0x24, 0x28, 0x2b));
    set(QPalette::Dark, QColor(0x1c, 0x1f, 0x22), QColor(0x1c, 0x1f, 0x22));
    set(QPalette::Shadow, QColor(0x10, 0x12, 0x13), QColor(0x10, 0x12, 0x13));
    set(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9), QColor(0x2f, 0x34, 0x38));
    set(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc), QColor(0x6e, 0x71, 0x73));
    set(QPalette::Link, QColor(0x1d, 0x99, 0xf3), QColor(0x1d, 0x99, 0xf3));
    set(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6), QColor(0x9b, 0x59, 0xb6));
    set(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b), QColor(0x31, 0x36, 0x3b));
    set(QPalette::ToolTipText, QColor(0xfc, 0xfc, 0xfc), QColor(0xfc, 0xfc, 0xfc));
    set(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1), QColor(0x6e, 0x71, 0x73));
    return palette;
}

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
    QPalette m_original;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location, not the user's
        QSettings().clear();
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        m_original = QApplication::palette();
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_app =
            std::make_unique<sa::Application>(sa::Application::Options {m_sim->kubeconfigPath(), {}, {}, false, {}});
        m_app->start();
        m_app->window().show();
        QTRY_VERIFY_WITH_TIMEOUT(find<QTreeView>(u"serviceAccounts"_s)->model()->rowCount() > 0, 20000);
    }

    void cleanup() { QApplication::setPalette(m_original); }

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

    // No icon theme here: each action's icon is the bundled one, drawn at the size asked for. The details pane's
    // menu is Qt's standard one (Copy, Copy Link Location, Select All), whose icons come only from a theme.
    void everyActionHasAnIcon()
    {
        const std::unique_ptr<QMenu> detailsMenu(find<sa::DetailsPane>(u"details"_s)->createContextMenu(QPoint(5, 5)));
        QList<QAction *> actions = reachableActions();
        for (QAction *action : detailsMenu->actions()) {
            if (!action->isSeparator())
                actions.append(action);
        }
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

    // A desktop's icon theme comes first, by the freedesktop name; the drawn icon only where it has none.
    void themeIconsComeFirst()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkpath(u"test-theme/16x16/actions"_s);
        QFile index(dir.filePath(u"test-theme/index.theme"_s));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("[Icon Theme]\nName=Test\nDirectories=16x16/actions\n\n[16x16/actions]\nSize=16\nType=Fixed\n");
        index.close();
        QImage red(16, 16, QImage::Format_ARGB32);
        red.fill(Qt::red);
        QVERIFY(red.save(dir.filePath(u"test-theme/16x16/actions/edit-delete.png"_s)));
        const QStringList searchPaths = QIcon::themeSearchPaths();
        const QString theme = QIcon::themeName();
        QIcon::setThemeSearchPaths({dir.path()});
        QIcon::setThemeName(u"test-theme"_s);
        const QIcon themed = sa::icons::forAction(u"delete"_s);
        const QIcon drawn = sa::icons::forAction(u"refresh"_s);
        const auto restore = qScopeGuard([&] {
            QIcon::setThemeSearchPaths(searchPaths);
            QIcon::setThemeName(theme);
        });
        QCOMPARE(themed.name(), u"edit-delete"_s);
        QCOMPARE(themed.pixmap(QSize(16, 16)).toImage().pixelColor(8, 8), QColor(Qt::red));
        QVERIFY(drawn.name().isEmpty());
        QVERIFY(!drawn.isNull());
    }

    // The account menu as the README shows it (packaging/dialog-screenshots.sh): its actions with their icons.
    void accountMenu()
    {
        QMenu *menu = nullptr;
        for (QAction *entry : m_app->window().menuBar()->actions()) {
            if (entry->menu() && entry->menu()->actions().contains(find<QAction>(u"newServiceAccount"_s)))
                menu = entry->menu();
        }
        QVERIFY(menu);
        menu->popup(m_app->window().mapToGlobal(QPoint(80, 20)));
        QTRY_VERIFY(menu->isVisible());
        for (QAction *action : menu->actions())
            QVERIFY(action->isSeparator() || !action->icon().isNull());
        saveScreenshot(menu, u"menu-service-account"_s);
        menu->hide();
    }

    void colours_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light (Fusion)") << QApplication::style()->standardPalette();
        QTest::newRow("dark (Breeze Dark)") << breezeDark();
        // What QPalette makes of one dark colour, as a style or application may: the link stays blue.
        QTest::newRow("dark (from one colour)") << QPalette(QColor(0x2a, 0x2a, 0x2a));
    }

    // Text at least 4.5:1 against what it is drawn on (WCAG AA); the icons, graphics, at least 3:1.
    void colours()
    {
        QFETCH(QPalette, palette);
        QApplication::setPalette(palette);
        QMainWindow &window = m_app->window();
        QTRY_COMPARE(window.palette().color(QPalette::Window), palette.color(QPalette::Window));
        const QColor windowColour = window.palette().color(QPalette::Window);

        // Problem text (a dialog's error, a refused grant's risks) on the window.
        const QColor problem = sa::problemColor(window.palette());
        QVERIFY2(contrast(problem, windowColour) >= 4.5,
                 qPrintable(u"problem text "_s + describe(problem, windowColour)));

        // The message bar at each level: its text on its tint, also after the palette changed under it.
        auto *bar = find<sa::MessageBar>(u"messageBar"_s);
        for (const auto level :
             {sa::MessageBar::Level::Information, sa::MessageBar::Level::Warning, sa::MessageBar::Level::Error}) {
            // Shown under the other palette, then this one comes (a desktop switched to dark or back).
            const QPalette other =
                palette.color(QPalette::Window) == m_original.color(QPalette::Window) ? breezeDark() : m_original;
            QApplication::setPalette(other);
            QTRY_COMPARE(window.palette().color(QPalette::Window), other.color(QPalette::Window));
            bar->clear();
            bar->showMessage(u"A note"_s, level);
            QApplication::setPalette(palette);
            QTRY_COMPARE(window.palette().color(QPalette::Window), palette.color(QPalette::Window));
            const QColor text = bar->palette().color(QPalette::WindowText);
            const QColor background = bar->palette().color(QPalette::Window);
            QVERIFY2(contrast(text, background) >= 4.5,
                     qPrintable(u"message bar level %1: "_s.arg(int(level)) + describe(text, background)));
            // A tint of this palette's window, not of the one before: a light bar would glare in a dark window.
            QVERIFY2(contrast(background, windowColour) < 1.6,
                     qPrintable(u"message bar level %1 on the window: "_s.arg(int(level))
                                + describe(background, windowColour)));
        }
        bar->clear();

        // The details pane: every run of text, labels and links included, on its base.
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        accounts->setCurrentIndex(findRow(accounts->model(), u"payments-worker"_s));
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toPlainText().contains(u"payments-worker"_s));
        QTRY_VERIFY(details->document()->toHtml().contains(u"href"_s));
        const QColor base = details->palette().color(QPalette::Base);
        int links = 0;
        for (QTextBlock block = details->document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                if (fragment.text().trimmed().isEmpty())
                    continue;
                const QBrush brush = fragment.charFormat().foreground();
                const QColor colour =
                    over(brush.style() == Qt::NoBrush ? details->palette().color(QPalette::Text) : brush.color(), base);
                links += fragment.charFormat().isAnchor() ? 1 : 0;
                QVERIFY2(contrast(colour, base) >= 4.5,
                         qPrintable(u"details \"%1\": "_s.arg(fragment.text()) + describe(colour, base)));
            }
        }
        QVERIFY(links > 0);

        // The lists' own colours, where a model gives any, on their rows.
        for (QTreeView *view : window.findChildren<QTreeView *>()) {
            const QAbstractItemModel *model = view->model();
            for (int row = 0; row < std::min(model->rowCount(), 200); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QModelIndex index = model->index(row, column);
                    const QVariant foreground = index.data(Qt::ForegroundRole);
                    if (!foreground.isValid())
                        continue;
                    const QVariant background = index.data(Qt::BackgroundRole);
                    const QColor on = background.isValid() ? background.value<QBrush>().color()
                                                           : view->palette().color(QPalette::Base);
                    const QColor colour = over(foreground.value<QBrush>().color(), on);
                    QVERIFY2(contrast(colour, on) >= 4.5,
                             qPrintable(view->objectName() + u" "_s + index.data().toString() + u": "_s
                                        + describe(colour, on)));
                }
            }
        }

        // The icons, in the text colour of the palette they are drawn under.
        for (QAction *action : reachableActions()) {
            const QImage image = action->icon().pixmap(QSize(32, 32)).toImage();
            double red = 0, green = 0, blue = 0, weight = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    if (pixel.alpha() < 200)
                        continue;
                    red += pixel.redF();
                    green += pixel.greenF();
                    blue += pixel.blueF();
                    ++weight;
                }
            }
            QVERIFY2(weight > 0, qPrintable(nameOf(action)));
            const QColor ink = QColor::fromRgbF(float(red / weight), float(green / weight), float(blue / weight));
            QVERIFY2(contrast(ink, windowColour) >= 3.0,
                     qPrintable(nameOf(action) + u": "_s + describe(ink, windowColour)));
        }
    }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
