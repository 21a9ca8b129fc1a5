#pragma once

#include <QString>
#include <QTextDocument>

namespace sa {

// A tooltip whose text may come from the server or a kubeconfig. QToolTip guesses rich text as QLabel does, so
// "<b>x</b>" in an object's name or annotation would be shown as markup (and <img> would be loaded): the text is
// made a paragraph of plain text instead, line breaks kept.
inline QString plainToolTip(const QString &text)
{
    return text.isEmpty() ? text : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace sa
