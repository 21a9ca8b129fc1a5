#include "SecretValuesDialog.h"

#include "ResourceModels.h"
#include "SecretField.h"
#include "TokenView.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

SecretValuesDialog::SecretValuesDialog(KubeClient *client, const QString &ns, const QString &name, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_ns(ns)
    , m_name(name)
{
    setObjectName(u"secretValuesDialog"_s);
    setWindowTitle(tr("Values of secret %1/%2").arg(ns, name));
    auto *note = new QLabel(tr("The values are read from the server once, now, and shown masked until you reveal "
                               "them. They are not kept after this dialog closes."));
    note->setWordWrap(true);
    formLayout()->addRow(note);
    okButton()->setText(tr("&Read again"));
    setMinimumWidth(560);
    apply();
}

void SecretValuesDialog::apply()
{
    runOperation(ops::readSecret(m_client, m_ns, m_name), tr("Reading…"));
}

void SecretValuesDialog::applySucceeded(const OperationResult &result)
{
    const Secret &secret = *result.get<Secret>();
    auto *page = new QWidget;
    page->setObjectName(u"secretValues"_s);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    const QString count = secret.data.size() == 1 ? tr("1 value") : tr("%1 values").arg(secret.data.size());
    auto *title = new QLabel(u"<b>"_s + m_ns.toHtmlEscaped() + u'/' + m_name.toHtmlEscaped() + u"</b> · "_s
                             + SecretModel::typeLabel(secret.type).toHtmlEscaped() + u" · "_s + count);
    layout->addWidget(title);

    auto *values = new QWidget;
    auto *form = new QFormLayout(values);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QString account = secret.meta.annotations.value(u"kubernetes.io/service-account.name"_s);
    for (auto it = secret.data.cbegin(); it != secret.data.cend(); ++it) {
        const QString label = it.key() + u"  ("_s + QLocale().formattedDataSize(it.value().size()) + u')';
        if (it.key() == "token"_L1 && TokenClaims::decode(it.value().reveal())) {
            // A token: what it is, and what can be done with it.
            auto *view = new TokenView(m_client, m_ns, account.isEmpty() ? m_name : account, it.value());
            view->field()->setObjectName(u"value:"_s + it.key());
            view->field()->setAccessibleName(it.key());
            form->addRow(label, view);
            continue;
        }
        auto *field = new SecretField;
        field->setObjectName(u"value:"_s + it.key());
        field->setAccessibleName(it.key());
        field->setValue(it.value());
        form->addRow(label, field);
    }
    if (secret.data.isEmpty())
        form->addRow(new QLabel(tr("<i>This secret has no values.</i>")));
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(values);
    layout->addWidget(scroll, 1);
    showResultPage(page);
    // Room for the values, up to a screenful; beyond that, the page scrolls.
    resize(qMax(width(), 640), qMin(qMax(height(), values->sizeHint().height() + 120), kMaxHeight));
    // A revealed value may need more lines than its mask: the dialog grows then too, which it would not by itself
    // (a scroll area keeps the size hint it first had).
    m_values = values;
    m_scroll = scroll;
    values->installEventFilter(this);
}

bool SecretValuesDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Before the layout handles it: fit once it has.
    if (watched == m_values && event->type() == QEvent::LayoutRequest)
        QMetaObject::invokeMethod(this, &SecretValuesDialog::fitValues, Qt::QueuedConnection);
    return ActionDialog::eventFilter(watched, event);
}

void SecretValuesDialog::fitValues()
{
    const int width = m_scroll->viewport()->width();
    const int wanted = m_values->hasHeightForWidth() ? m_values->heightForWidth(width) : m_values->sizeHint().height();
    const int missing = wanted - m_scroll->viewport()->height();
    if (missing > 0 && height() < kMaxHeight)
        resize(this->width(), qMin(height() + missing, kMaxHeight));
}

} // namespace sa
