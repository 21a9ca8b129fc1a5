#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace sa {

// A manifest the user takes away: read-only, fixed-width, with Copy and Save… and a line that says what happened.
// Not a secret: an ordinary copy, and an ordinary file.
class SnippetView : public QWidget
{
    Q_OBJECT
public:
    // `editorName`: the text's object and accessible names; `copiedHint`: what to do once copied.
    SnippetView(const QString &editorName, const QString &accessibleName, const QString &copiedHint,
                QWidget *parent = nullptr);

    void setText(const QString &text);
    [[nodiscard]] QString text() const;
    // The name the Save dialog proposes, in the home folder.
    void setSuggestedFileName(const QString &name) { m_fileName = name; }
    // Writes the text to `path` at once or not at all.
    bool save(const QString &path, QString *error) const;

private:
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QString m_copiedHint;
    QString m_fileName;
};

} // namespace sa
