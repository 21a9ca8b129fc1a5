#pragma once

#include "api/Operations.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace sa {

// The base of the administration dialogs (after libQuotient's Dialog). A subclass fills formLayout(), calls
// revalidate() on every input change and implements validate() and apply(); apply() starts an Operation and hands
// it to runOperation(). OK stays disabled while validate() has an objection, which shows inline under the form once
// the user has changed something (a new form does not open with a complaint); while the operation runs the inputs
// are disabled and Cancel cancels it; on failure the dialog stays open with the server's sentence.
class ActionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ActionDialog(QWidget *parent = nullptr);
    ~ActionDialog() override;

    [[nodiscard]] bool isBusy() const { return !m_operation.isNull(); }
    // The text under the form: the validation objection or the last failure; empty when none.
    [[nodiscard]] QString errorText() const;

public Q_SLOTS:
    // Cancels a running operation first; the dialog closes once it has stopped.
    void reject() override;

protected:
    [[nodiscard]] QFormLayout *formLayout() const { return m_form; }
    [[nodiscard]] QPushButton *okButton() const;
    // Why the input cannot be applied (shown to the user), or empty.
    [[nodiscard]] virtual QString validate() const = 0;
    // An editing dialog whose form still shows what the server has: OK stays disabled, with no objection shown.
    [[nodiscard]] virtual bool hasChanges() const { return true; }
    // Starts the action, normally through runOperation().
    virtual void apply() = 0;
    // The default closes the dialog; a subclass may show the result with showResultPage() instead.
    virtual void applySucceeded(const OperationResult &result);
    // Before a failure's message shows: a subclass may add what the user needs to recover by hand.
    virtual void applyFailed(const OperationResult &result) { Q_UNUSED(result) }
    void revalidate();
    // For a situation no input can fix (nothing to choose from): objections show at once, not after a change.
    void showObjectionsAtOnce();
    // For an action that destroys or replaces something (deleting, rolling a workload, detaching credentials):
    // Cancel becomes the default button, so that Enter never applies it; OK has to be pressed on purpose.
    void setDestructive(bool destructive);
    // For an action of one write (creating, deleting one object): what a failure's message adds about its outcome,
    // when the server refused it (`notDone`, e.g. "The service account was not created.") and when it may have been
    // done (`maybeDone`: no answer in time, a 500). Without them, a failure says what happened and no more.
    void setOutcomeSentences(const QString &notDone, const QString &maybeDone);
    // Takes over until `operation` finishes; busyText ("Creating…") shows in the button row.
    void runOperation(Operation *operation, const QString &busyText);
    // Replaces the form by `page` (a token, a summary) with only a Close button left.
    void showResultPage(QWidget *page);
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Grows the dialog when its content (a longer note, a result page) no longer fits; never shrinks it.
    void growToFit();
    // Moves the buttons after the form in the tab order (once, when first shown).
    void putButtonsLast();
    void onOk();
    void onFinished(const OperationResult &result);
    void setBusy(bool busy, const QString &text = {});
    void showError(const QString &text);

    QPointer<Operation> m_operation;
    bool m_cancelRequested = false;
    QString m_notDone;
    QString m_maybeDone;
    bool m_destructive = false;
    bool m_objecting = false; // objections show: the user has changed the form
    bool m_growing = false;
    bool m_tabOrderSet = false;
    QStackedWidget *m_pages;
    QWidget *m_formPage;
    QFormLayout *m_form;
    QLabel *m_error;
    QProgressBar *m_busyIndicator;
    QLabel *m_busyText;
    QDialogButtonBox *m_buttons;
};

} // namespace sa
