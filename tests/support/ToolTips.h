#pragma once

#include <QString>
#include <QTextDocument>

// The text a tooltip shows: QToolTip, like QLabel, takes text that Qt::mightBeRichText() as HTML.
inline QString toolTipAsShown(const QString &toolTip)
{
    if (!Qt::mightBeRichText(toolTip))
        return toolTip;
    QTextDocument document;
    document.setHtml(toolTip);
    return document.toPlainText();
}
