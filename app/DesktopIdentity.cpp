#include "DesktopIdentity.h"

#include <QApplication>
#include <QDirIterator>

using namespace Qt::StringLiterals;

namespace sa {

QString applicationId()
{
    return QStringLiteral(SA_APP_ID);
}

QIcon applicationIcon()
{
    // One PNG per size under :/sa-admin/icons/NxN/apps/ (resources/CMakeLists.txt).
    QIcon bundled;
    QDirIterator pngs(u":/sa-admin/icons"_s, {u"*.png"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (pngs.hasNext())
        bundled.addFile(pngs.next());
    return QIcon::fromTheme(applicationId(), bundled);
}

void setDesktopIdentity()
{
    QGuiApplication::setDesktopFileName(applicationId());
    QApplication::setWindowIcon(applicationIcon());
}

} // namespace sa
