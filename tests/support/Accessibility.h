#pragma once

#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringList>
#include <QTest>
#include <QTextDocument>

// What a screen reader is told an object is called: the name of its accessible interface, as the platform bridge
// (AT-SPI) reads it. For a label, that is the sentence it shows unless a fixed name stands in for it.
inline QString spokenName(QObject *object)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(object);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

// The labels shown under `root` whose accessible name is not the text they show, each as "objectName: name ≠
// text"; empty when a screen reader hears what every label says. Header-only: sa_testsupport does not link Qt
// Widgets.
inline QStringList unspokenLabels(QWidget *root)
{
    const auto normalized = [](QString text) { return text.remove(QLatin1Char('&')).simplified(); };
    QStringList unspoken;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->text().isEmpty())
            continue;
        QString shown = label->text();
        if (label->textFormat() == Qt::RichText
            || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(shown))) {
            QTextDocument document;
            document.setHtml(shown);
            shown = document.toPlainText();
        }
        const QString name = spokenName(label);
        if (normalized(name) != normalized(shown))
            unspoken.append(label->objectName() + QStringLiteral(": ") + name + QStringLiteral(" ≠ ") + shown);
    }
    return unspoken;
}

// The controls under `root` a screen reader could not name, by object name: inputs (combo boxes, line and text
// edits) without an accessible name, and buttons with neither text nor accessible name. A combo box's own line edit
// is named by the combo box.
inline QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const bool input = qobject_cast<QComboBox *>(widget) || qobject_cast<QLineEdit *>(widget)
            || qobject_cast<QPlainTextEdit *>(widget);
        const auto *button = qobject_cast<QPushButton *>(widget);
        if ((input || (button && button->text().isEmpty())) && widget->parentWidget()
            && !qobject_cast<QComboBox *>(widget->parentWidget()) && widget->accessibleName().isEmpty())
            unnamed.append(widget->objectName());
    }
    return unnamed;
}

// Fails the test with the labels under `root` that a screen reader does not hear as they are shown.
#define SA_VERIFY_LABELS_SPOKEN(root)                                                                                  \
    do {                                                                                                               \
        const QStringList unspoken = unspokenLabels(root);                                                             \
        QVERIFY2(unspoken.isEmpty(), qPrintable(unspoken.join(QLatin1Char('\n'))));                                    \
    } while (false)
