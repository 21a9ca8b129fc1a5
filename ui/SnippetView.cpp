#include "SnippetView.h"

#include "util/SaveFile.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

SnippetView::SnippetView(const QString &editorName, const QString &accessibleName, const QString &copiedHint,
                         QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit)
    , m_status(new QLabel)
    , m_copiedHint(copiedHint)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text->setObjectName(editorName);
    m_text->setAccessibleName(accessibleName);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 16);
    layout->addWidget(m_text);
    auto *copy = new QPushButton(tr("C&opy"));
    copy->setObjectName(u"copySnippet"_s);
    copy->setAccessibleName(tr("Copy the manifest"));
    copy->setAutoDefault(false);
    auto *save = new QPushButton(tr("&Save…"));
    save->setObjectName(u"saveSnippet"_s);
    save->setAccessibleName(tr("Save the manifest"));
    save->setAutoDefault(false);
    m_status->setObjectName(u"snippetStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(save);
    buttons->addWidget(m_status, 1);
    layout->addLayout(buttons);

    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_text->toPlainText());
        m_status->setText(m_copiedHint);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save manifest"), QDir::home().filePath(m_fileName),
                                                          tr("YAML (*.yaml *.yml);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        m_status->setText(this->save(path, &error) ? tr("Saved %1").arg(path)
                                                   : tr("Could not save %1: %2").arg(path, error));
    });
}

void SnippetView::setText(const QString &text)
{
    m_text->setPlainText(text);
    m_status->clear();
}

QString SnippetView::text() const
{
    return m_text->toPlainText();
}

bool SnippetView::save(const QString &path, QString *error) const
{
    return saveFile(path, m_text->toPlainText().toUtf8(), FileAccess::Default, error);
}

} // namespace sa
