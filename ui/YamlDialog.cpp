#include "YamlDialog.h"

#include "Palette.h"
#include "ScreenLock.h"

#include "resources/Yaml.h"
#include "util/SaveFile.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

YamlDialog::YamlDialog(KubeClient *client, const QString &kind, const QString &ns, const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_kind(kind)
    , m_ns(ns)
    , m_name(name)
    , m_view(new QStackedWidget(this))
    , m_placeholder(new QLabel(m_view))
    , m_yaml(new QPlainTextEdit(m_view))
    , m_saveStatus(new QLabel(this))
    , m_reveal(new QPushButton(tr("Reveal values"), this))
    , m_save(new QPushButton(tr("&Save…"), this))
{
    setObjectName(u"yamlDialog"_s);
    // The server's sentences and file paths: text, never markup.
    m_placeholder->setTextFormat(Qt::PlainText);
    m_saveStatus->setTextFormat(Qt::PlainText);
    setWindowTitle(tr("YAML of %1 %2/%3").arg(kind, ns, name));

    m_placeholder->setObjectName(u"yamlStatus"_s);
    m_placeholder->setAccessibleDescription(tr("Status"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(fontMetrics().averageCharWidth() * 4);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_saveStatus->setObjectName(u"saveStatus"_s);
    m_saveStatus->setAccessibleDescription(tr("Saved"));
    m_saveStatus->setWordWrap(true);
    m_saveStatus->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_saveStatus->hide();

    m_yaml->setObjectName(u"yaml"_s);
    m_yaml->setAccessibleName(tr("YAML"));
    m_yaml->setReadOnly(true);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yaml->setTabChangesFocus(true);
    m_view->setObjectName(u"view"_s);
    m_view->addWidget(m_placeholder);
    m_view->addWidget(m_yaml);

    m_reveal->setObjectName(u"revealValues"_s);
    m_reveal->setAccessibleName(tr("Reveal values"));
    m_reveal->setCheckable(true);
    m_reveal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_reveal->setToolTip(tr("Show or hide the secret's values (Ctrl+H)"));
    m_reveal->setAutoDefault(false);
    m_reveal->setEnabled(false);
    m_reveal->setVisible(kind == "Secret"_L1);
    connect(m_reveal, &QPushButton::toggled, this, &YamlDialog::showYaml);
    connect(ScreenLock::instance(), &ScreenLock::locked, this, [this] { setRevealed(false); });

    m_save->setObjectName(u"saveYaml"_s);
    m_save->setAccessibleName(tr("Save YAML to a file"));
    m_save->setAutoDefault(false);
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &YamlDialog::save);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"buttons"_s);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_reveal);
    buttonRow->addWidget(m_save);
    buttonRow->addStretch();
    buttonRow->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_saveStatus);
    layout->addLayout(buttonRow);

    // Room for kubectl's usual width (lines of 80-100 characters) and a screenful of fields.
    const QFontMetrics metrics(m_yaml->font());
    resize(metrics.horizontalAdvance(u'x') * 96, metrics.lineSpacing() * 34);
    showPlaceholder(tr("Loading…"), false);
}

YamlDialog::~YamlDialog()
{
    if (m_read)
        m_read->cancel();
}

bool YamlDialog::isRevealed() const
{
    return m_reveal->isChecked();
}

void YamlDialog::setRevealed(bool revealed)
{
    if (m_kind == "Secret"_L1 && m_loaded)
        m_reveal->setChecked(revealed);
}

void YamlDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_requested) {
        m_requested = true;
        load();
    }
}

void YamlDialog::hideEvent(QHideEvent *event)
{
    setRevealed(false);
    QDialog::hideEvent(event);
}

void YamlDialog::load()
{
    const QString path = ops::objectPath(m_kind, m_ns, m_name);
    if (path.isEmpty()) {
        showPlaceholder(tr("The YAML view does not know objects of kind %1.").arg(m_kind), true);
        return;
    }
    m_read = ops::readObject(m_client, path);
    connect(m_read, &Operation::finished, this, &YamlDialog::onLoaded);
}

void YamlDialog::onLoaded(const OperationResult &result)
{
    m_read = nullptr;
    if (!result.ok()) {
        showPlaceholder(tr("Could not read %1 %2/%3:").arg(m_kind, m_ns, m_name) + u'\n' + result.error->userMessage(),
                        true);
        return;
    }
    if (m_kind == "Secret"_L1) {
        m_maskedYaml = QString::fromUtf8(toYaml(maskSecretValues(result.object)));
        m_revealedYaml = SecretBytes(toYaml(result.object));
    } else {
        m_maskedYaml = QString::fromUtf8(toYaml(result.object));
    }
    m_loaded = true;
    m_view->setCurrentWidget(m_yaml);
    m_reveal->setEnabled(true);
    m_save->setEnabled(true);
    showYaml();
}

void YamlDialog::showYaml()
{
    if (!m_loaded)
        return;
    const bool revealed = isRevealed();
    const int scrolled = m_yaml->verticalScrollBar()->value();
    m_yaml->setPlainText(revealed ? m_revealedYaml.revealUtf8() : m_maskedYaml);
    m_yaml->verticalScrollBar()->setValue(scrolled);
    // Revealed values leave only through Save: selecting them would put them on the X11/Wayland primary selection
    // and Ctrl+C on the clipboard, past the ClipboardGuard that clears copied secrets.
    m_yaml->setTextInteractionFlags(revealed ? Qt::NoTextInteraction
                                             : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_yaml->setContextMenuPolicy(revealed ? Qt::NoContextMenu : Qt::DefaultContextMenu);
    m_reveal->setText(revealed ? tr("Hide values") : tr("Reveal values"));
}

void YamlDialog::save()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save YAML of %1/%2").arg(m_ns, m_name),
                                     QDir::home().filePath(m_name + u".yaml"_s), tr("YAML files (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveTo(path, &error))
        showSaveStatus(tr("Saved to %1").arg(QDir::toNativeSeparators(path)), false);
    else
        showSaveStatus(error, true);
}

bool YamlDialog::saveTo(const QString &path, QString *error)
{
    const auto failed = [&](const QString &why) {
        if (error)
            *error = tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    };
    if (!m_loaded)
        return failed(tr("the object has not been read."));
    // The values are never in a file others may read, not even for a moment.
    const bool secretValues = isRevealed();
    QString why;
    if (!saveFile(path, secretValues ? m_revealedYaml.reveal() : m_maskedYaml.toUtf8(),
                  secretValues ? FileAccess::OwnerOnly : FileAccess::Default, &why))
        return failed(why + u'.');
    return true;
}

void YamlDialog::showPlaceholder(const QString &text, bool problem)
{
    showAsProblem(m_placeholder, problem);
    m_placeholder->setText(text);
    m_view->setCurrentWidget(m_placeholder);
}

void YamlDialog::showSaveStatus(const QString &text, bool problem)
{
    showAsProblem(m_saveStatus, problem);
    m_saveStatus->setText(text);
    m_saveStatus->show();
}

} // namespace sa
