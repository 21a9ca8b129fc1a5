#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QToolButton;

namespace sa {

// A non-modal bar for errors and warnings above the lists (after KMessageWidget): an icon, the text
// (selectable, so the server's message can be copied) and a close button.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);
    void showMessage(const QString &text, Level level);
    [[nodiscard]] QString text() const;

protected:
    void hideEvent(QHideEvent *event) override;

private:
    static constexpr int maxLines = 5;
    QStringList m_lines;
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace sa
