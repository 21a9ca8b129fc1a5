#include "AboutDialog.h"

#include "util/Versions.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace sa {

QString aboutText()
{
    // Both: a distribution may update Qt under a build, and what a bug report needs is what ran.
    const QString qt = QApplication::translate("sa::About", "Qt %1 (built with Qt %2)")
                           .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    return QApplication::translate("sa::About",
                                   "<h3>SA Admin %1</h3>"
                                   "<p>Administer Kubernetes service accounts, tokens and pull secrets.</p>"
                                   "<p>%2<br>%3</p>"
                                   "<p>Licensed under the <a href=\"https://www.apache.org/licenses/LICENSE-2.0\">"
                                   "Apache License, Version 2.0</a>; see LICENSE and NOTICE.</p>")
        .arg(QStringLiteral(SA_VERSION).toHtmlEscaped(), qt.toHtmlEscaped(), openSslVersion().toHtmlEscaped());
}

QMessageBox *makeAboutBox(QWidget *parent)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(u"aboutDialog"_s);
    box->setWindowTitle(QApplication::translate("sa::About", "About SA Admin"));
    box->setTextFormat(Qt::RichText);
    box->setText(aboutText());
    box->setTextInteractionFlags(Qt::TextBrowserInteraction);
    const QIcon icon = QApplication::windowIcon();
    if (!icon.isNull())
        box->setIconPixmap(icon.pixmap(QSize(64, 64), box->devicePixelRatioF()));
    box->setStandardButtons(QMessageBox::Close);
    return box;
}

} // namespace sa
