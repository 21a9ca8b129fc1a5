#include "PreferencesDialog.h"

#include "IssueTokenDialog.h"
#include "auth/PluginSearch.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QLabel *note(const QString &text, const QString &name)
{
    auto *label = new QLabel(text);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAccessibleDescription(PreferencesDialog::tr("Note"));
    return label;
}

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : ActionDialog(parent)
    , m_clipboardSeconds(new QSpinBox)
    , m_tokenMinutes(new QSpinBox)
    , m_pluginDirectories(new QPlainTextEdit)
    , m_useLoginShell(new QCheckBox)
    , m_confirmDestructive(new QCheckBox(tr("Confirm before destructive actions")))
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    const Preferences saved = Preferences::load();

    // Wider than the bounds, so that a value out of them is said rather than silently replaced.
    m_clipboardSeconds->setObjectName(u"clipboardSeconds"_s);
    m_clipboardSeconds->setAccessibleName(tr("Clear copied secrets after"));
    m_clipboardSeconds->setRange(1, 9999);
    m_clipboardSeconds->setSuffix(tr(" s"));
    m_clipboardSeconds->setValue(saved.clipboardSeconds);
    m_tokenMinutes->setObjectName(u"tokenMinutes"_s);
    m_tokenMinutes->setAccessibleName(tr("Default token lifetime"));
    m_tokenMinutes->setRange(1, IssueTokenDialog::kMaximumMinutes);
    m_tokenMinutes->setSuffix(tr(" min"));
    m_tokenMinutes->setValue(saved.tokenMinutes);

    m_pluginDirectories->setObjectName(u"pluginDirectories"_s);
    m_pluginDirectories->setAccessibleName(tr("More folders with credential plugins"));
    m_pluginDirectories->setPlaceholderText(tr("One folder a line, e.g. ~/google-cloud-sdk/bin"));
    m_pluginDirectories->setTabChangesFocus(true);
    m_pluginDirectories->setPlainText(saved.pluginDirectories.join(u'\n'));
    m_pluginDirectories->setFixedHeight(m_pluginDirectories->fontMetrics().lineSpacing() * 4
                                        + 2 * m_pluginDirectories->frameWidth() + 8);
    m_useLoginShell->setObjectName(u"useLoginShell"_s);
    m_useLoginShell->setText(tr("Also search my login shell's PATH (%1)").arg(PluginSearch::loginShell()));
    m_useLoginShell->setChecked(saved.useLoginShell);
    m_confirmDestructive->setObjectName(u"confirmDestructive"_s);
    m_confirmDestructive->setChecked(saved.confirmDestructive);

    formLayout()->addRow(heading(tr("Clipboard")));
    formLayout()->addRow(tr("C&lear copied secrets after:"), m_clipboardSeconds);
    formLayout()->addRow(heading(tr("Tokens")));
    formLayout()->addRow(tr("&Default lifetime of an issued token:"), m_tokenMinutes);
    formLayout()->addRow(heading(tr("Credential plugins")));
    formLayout()->addRow(note(tr("A kubeconfig user's exec command without a path (aws, gke-gcloud-auth-plugin, "
                                 "kubelogin) is looked for on SA Admin's PATH as kubectl looks, then on your login "
                                 "shell's PATH (read once, in the background; started from the desktop menu, "
                                 "SA Admin's PATH is often shorter than a terminal's), then in these folders."),
                              u"pluginNote"_s));
    formLayout()->addRow(m_useLoginShell);
    formLayout()->addRow(tr("&More folders:"), m_pluginDirectories);
    formLayout()->addRow(heading(tr("Confirmations")));
    formLayout()->addRow(m_confirmDestructive);
    formLayout()->addRow(note(tr("Asks before a deletion that follows another action: the old token after Rotate. "
                                 "Dialogs that delete or replace something always show what goes first, with Cancel "
                                 "as the default button."),
                              u"confirmNote"_s));
    setMinimumWidth(560);

    // Every edit of the text, not only those that make a number (QSpinBox::textChanged): an emptied field objects too.
    for (QSpinBox *box : {m_clipboardSeconds, m_tokenMinutes})
        connect(box->findChild<QLineEdit *>(), &QLineEdit::textChanged, this, &PreferencesDialog::revalidate);
    connect(m_pluginDirectories, &QPlainTextEdit::textChanged, this, &PreferencesDialog::revalidate);
    okButton()->setObjectName(u"okButton"_s);
    revalidate();
}

void PreferencesDialog::focusClipboardDelay()
{
    m_clipboardSeconds->setFocus();
    m_clipboardSeconds->selectAll();
}

Preferences PreferencesDialog::preferences() const
{
    Preferences preferences;
    preferences.clipboardSeconds = m_clipboardSeconds->value();
    preferences.tokenMinutes = m_tokenMinutes->value();
    preferences.pluginDirectories = Preferences::normalizedDirectories(m_pluginDirectories->toPlainText().split(u'\n'));
    preferences.useLoginShell = m_useLoginShell->isChecked();
    preferences.confirmDestructive = m_confirmDestructive->isChecked();
    return preferences;
}

QString PreferencesDialog::validate() const
{
    // A spin box keeps its last good value while its text is not one (empty, being typed): that text is what shows.
    if (!m_clipboardSeconds->hasAcceptableInput())
        return tr("Enter the seconds after which a copied secret is cleared.");
    if (QString problem = Preferences::clipboardProblem(m_clipboardSeconds->value()); !problem.isEmpty())
        return problem;
    if (!m_tokenMinutes->hasAcceptableInput())
        return tr("Enter the default lifetime of an issued token in minutes.");
    if (QString problem = Preferences::tokenProblem(m_tokenMinutes->value()); !problem.isEmpty())
        return problem;
    return Preferences::directoriesProblem(m_pluginDirectories->toPlainText().split(u'\n'));
}

void PreferencesDialog::apply()
{
    const Preferences chosen = preferences();
    chosen.save();
    chosen.apply();
    accept();
}

} // namespace sa
