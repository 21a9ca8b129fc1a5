#pragma once

#include "ActionDialog.h"
#include "Preferences.h"

class QCheckBox;
class QPlainTextEdit;
class QSpinBox;

namespace sa {

// Edit > Preferences: the clipboard's clear delay, Issue token's default lifetime, where exec credential plugins are
// looked for, and whether a second deletion asks first (Preferences). Checked as typed: a value out of bounds keeps
// OK disabled, with the reason; OK saves and applies them, Cancel leaves everything as it was.
class PreferencesDialog : public ActionDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // The preferences as the form has them.
    [[nodiscard]] Preferences preferences() const;
    // Puts the focus on the clipboard delay (View > Clear copied secrets after… opens the dialog there).
    void focusClipboardDelay();

protected:
    QString validate() const override;
    void apply() override;

private:
    QSpinBox *m_clipboardSeconds;
    QSpinBox *m_tokenMinutes;
    QPlainTextEdit *m_pluginDirectories;
    QCheckBox *m_useLoginShell;
    QCheckBox *m_confirmDestructive;
};

} // namespace sa
