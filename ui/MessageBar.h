#pragma once

#include "api/ProblemGroups.h"

#include <QFrame>
#include <QList>
#include <QSet>
#include <QStringList>

class QLabel;
class QToolButton;

namespace sa {

// A non-modal bar for errors and warnings above the lists (after KMessageWidget): an icon, the text (selectable, so
// the server's message can be copied), a Details toggle and a close button. It shows the session's problems, one line
// per cause (setProblems(), which hides the bar once they are all over), and notes (showMessage()) that stay until
// the bar is closed or cleared. Closing it also hides the problems shown then, until a new cause arises.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);
    void showMessage(const QString &text, Level level);
    // Takes back a note whose cause has ended.
    void removeMessage(const QString &text);
    // Replaces the problems shown, in this order (the first concerns what the user is looking at).
    void setProblems(const QList<ProblemGroups::Entry> &problems);
    // Forgets notes, problems and what was closed (a new session).
    void clear();
    // What the bar shows (empty when hidden), and what Details adds.
    [[nodiscard]] QString text() const;
    [[nodiscard]] QString detailsText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void dismiss();
    void refresh();
    // The icon and background of m_level, from the palette in force.
    void applyLevel();
    [[nodiscard]] QList<ProblemGroups::Entry> visibleProblems() const;

    static constexpr int kMaxNotes = 5;
    QStringList m_notes;
    Level m_notesLevel = Level::Information;
    QList<ProblemGroups::Entry> m_problems;
    QSet<QString> m_dismissed; // causes shown when the user closed the bar
    Level m_level = Level::Information; // of what is shown
    bool m_applyingLevel = false;
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_details;
    QToolButton *m_detailsToggle;
    QToolButton *m_close;
};

} // namespace sa
