#pragma once

#include <QCoreApplication>
#include <QString>
#include <QWidget>

// With SA_SCREENSHOT_DIR set (see packaging/dialog-screenshots.sh), saves `widget` there as NAME.png, as a user would
// see it: after the events already posted (a relayout, say) have been handled. Header-only: sa_testsupport does
// not link Qt Widgets.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}
