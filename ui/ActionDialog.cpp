#include "ActionDialog.h"

#include "Palette.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

ActionDialog::ActionDialog(QWidget *parent)
    : QDialog(parent)
    , m_pages(new QStackedWidget(this))
    , m_formPage(new QWidget(m_pages))
    , m_form(new QFormLayout(m_formPage))
    , m_error(new QLabel(this))
    , m_busyIndicator(new QProgressBar(this))
    , m_busyText(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_pages->setObjectName(u"pages"_s);
    m_formPage->setObjectName(u"formPage"_s);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_pages->addWidget(m_formPage);

    m_error->setObjectName(u"errorLabel"_s);
    // A label's text is its accessible name, read as the sentence it is: a fixed name ("Problem") would stand in
    // for it. What kind of text it is goes in the description, here and in every dialog's result and notes.
    m_error->setAccessibleDescription(tr("Problem"));
    m_error->setTextFormat(Qt::PlainText); // the server's sentence, never markup
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    showAsProblem(m_error, true);
    m_error->hide();

    m_busyIndicator->setObjectName(u"busyIndicator"_s);
    m_busyIndicator->setAccessibleName(tr("Working"));
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setMaximumWidth(fontMetrics().averageCharWidth() * 10);
    m_busyIndicator->hide();
    m_busyText->setObjectName(u"busyText"_s);
    m_busyText->setAccessibleDescription(tr("Progress"));
    m_busyText->hide();

    m_buttons->setObjectName(u"buttons"_s);
    okButton()->setObjectName(u"okButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ActionDialog::onOk);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ActionDialog::reject);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_busyIndicator);
    buttonRow->addWidget(m_busyText, 1);
    buttonRow->addStretch();
    buttonRow->addWidget(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttonRow);
    okButton()->setEnabled(false);
}

ActionDialog::~ActionDialog()
{
    // Nothing should run on behind a dialog that is gone; onFinished is disconnected with us.
    if (m_operation)
        m_operation->cancel();
}

QString ActionDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QPushButton *ActionDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void ActionDialog::reject()
{
    if (!m_operation) {
        QDialog::reject();
        return;
    }
    m_cancelRequested = true;
    if (QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel))
        cancel->setEnabled(false);
    m_busyText->setText(tr("Canceling…"));
    m_operation->cancel();
}

void ActionDialog::applySucceeded(const OperationResult &)
{
    accept();
}

void ActionDialog::revalidate()
{
    if (isBusy())
        return;
    // What a dialog fills in before it shows is not the user's doing; a change once it shows is (typing, choosing).
    if (isVisible())
        m_objecting = true;
    const QString problem = validate();
    showError(m_objecting ? problem : QString());
    if (QPushButton *ok = okButton())
        ok->setEnabled(problem.isEmpty() && hasChanges());
}

void ActionDialog::showObjectionsAtOnce()
{
    m_objecting = true;
    revalidate();
}

void ActionDialog::setDestructive(bool destructive)
{
    QPushButton *ok = okButton();
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    if (!ok || !cancel)
        return; // a result page: only Close is left
    m_destructive = destructive;
    // Without a default, QDialogButtonBox makes the first accept button one when it shows: always name it.
    cancel->setDefault(destructive);
    ok->setDefault(!destructive);
}

void ActionDialog::setOutcomeSentences(const QString &notDone, const QString &maybeDone)
{
    m_notDone = notDone;
    m_maybeDone = maybeDone;
}

void ActionDialog::runOperation(Operation *operation, const QString &busyText)
{
    Q_ASSERT(operation && !m_operation);
    m_operation = operation;
    m_cancelRequested = false;
    connect(operation, &Operation::progress, m_busyText, &QLabel::setText);
    connect(operation, &Operation::finished, this, &ActionDialog::onFinished);
    showError({});
    setBusy(true, busyText);
}

void ActionDialog::showResultPage(QWidget *page)
{
    m_pages->addWidget(page);
    m_pages->setCurrentWidget(page);
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    showError({});
}

void ActionDialog::putButtonsLast()
{
    // The button row is made before the subclass fills the form, so it would come first in the tab order, and
    // the first focus would land on a button instead of the first field.
    QWidget *last = nullptr;
    for (QWidget *widget = nextInFocusChain(); widget && widget != this; widget = widget->nextInFocusChain()) {
        if (m_pages->isAncestorOf(widget) && (widget->focusPolicy() & Qt::TabFocus))
            last = widget;
    }
    if (!last)
        return;
    QList<QAbstractButton *> buttons = m_buttons->buttons();
    std::ranges::sort(buttons, {}, [](const QAbstractButton *button) { return button->x(); }); // as they show
    for (QAbstractButton *button : std::as_const(buttons)) {
        QWidget::setTabOrder(last, button);
        last = button;
    }
}

bool ActionDialog::event(QEvent *event)
{
    if (event->type() == QEvent::Show && !m_tabOrderSet) {
        m_tabOrderSet = true;
        putButtonsLast();
    }
    const bool handled = QDialog::event(event);
    // Any change of content (a longer note, an error, a result page) ends in a layout request here: grow then,
    // once shown (showing sizes the dialog itself).
    if (event->type() == QEvent::LayoutRequest && isVisible())
        growToFit();
    return handled;
}

void ActionDialog::showEvent(QShowEvent *event)
{
    // With nothing in the form focused, the first button in the tab order would be, and Enter presses a focused
    // button: in a destructive dialog that has to be Cancel.
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    if (m_destructive && cancel && !m_formPage->isAncestorOf(focusWidget()))
        cancel->setFocus();
    QDialog::showEvent(event);
}

void ActionDialog::growToFit()
{
    if (m_growing)
        return; // resize() below may ask for a layout again
    const QScopedValueRollback guard(m_growing, true);
    // Wrapped labels make the height depend on the width, which sizeHint() does not tell.
    layout()->activate();
    const int width = qMax(this->width(), sizeHint().width());
    const int wanted = hasHeightForWidth() ? heightForWidth(width) : sizeHint().height();
    if (width > this->width() || wanted > height())
        resize(width, qMax(height(), wanted));
}

void ActionDialog::onOk()
{
    if (isBusy() || !validate().isEmpty() || !hasChanges())
        return;
    apply();
}

void ActionDialog::onFinished(const OperationResult &result)
{
    const bool canceled = m_cancelRequested;
    m_operation = nullptr;
    m_cancelRequested = false;
    setBusy(false);
    if (result.ok()) {
        // A step that could not be interrupted finished anyway: the user should still see what happened.
        applySucceeded(result);
    } else if (canceled && result.error->kind == ApiError::Kind::Canceled) {
        // Stopped before any change of its own was made: the dialog goes as Cancel promised. A cancel that came after
        // some of the changes were made (a sequence finishes the step it is in) falls through and says which.
        QDialog::reject();
    } else {
        if (QPushButton *ok = okButton())
            ok->setEnabled(validate().isEmpty() && hasChanges());
        applyFailed(result);
        const ApiError::WriteOutcome outcome = result.error->writeOutcome();
        const QString &said = outcome == ApiError::WriteOutcome::NotApplied ? m_notDone
            : outcome == ApiError::WriteOutcome::Unknown                    ? m_maybeDone
                                                                            : QString();
        showError(said.isEmpty() ? result.error->userMessage() : followedBy(result.error->userMessage(), said));
    }
}

void ActionDialog::setBusy(bool busy, const QString &text)
{
    m_formPage->setEnabled(!busy);
    m_busyIndicator->setVisible(busy);
    m_busyText->setVisible(busy);
    m_busyText->setText(text);
    if (QPushButton *ok = okButton())
        ok->setEnabled(!busy);
    if (QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel))
        cancel->setEnabled(true);
}

void ActionDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace sa
