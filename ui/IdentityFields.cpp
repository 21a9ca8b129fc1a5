#include "IdentityFields.h"

#include <QFont>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace sa {

IdentityFields::IdentityFields(identity::Provider provider, QWidget *parent)
    : QWidget(parent)
    , m_provider(provider)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    // Each meaning close under its field, and a gap before the next field instead.
    form->setVerticalSpacing(3);
    for (const identity::KnownAnnotation &known : identity::knownAnnotations()) {
        if (known.provider != provider)
            continue;
        const QString key(known.key);
        auto *edit = new QLineEdit;
        edit->setObjectName(key);
        edit->setAccessibleName(identity::labelOf(known));
        edit->setAccessibleDescription(identity::meaningOf(known));
        edit->setPlaceholderText(QString::fromLatin1(known.example));
        edit->setToolTip(key); // the annotation it writes
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this, &IdentityFields::changed);
        m_fields.insert(key, edit);

        auto *label = new QLabel(identity::labelOf(known) + u':');
        label->setBuddy(edit);
        auto *meaning = new QLabel(identity::meaningOf(known));
        meaning->setObjectName(key + u"/meaning"_s);
        meaning->setAccessibleDescription(tr("What it means"));
        meaning->setWordWrap(true);
        meaning->setContentsMargins(0, 0, 0, 8);
        meaning->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        meaning->setForegroundRole(QPalette::PlaceholderText);
        QFont small = meaning->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        meaning->setFont(small);

        form->addRow(label, edit);
        // In a row of its own under the field, so that the form gives the wrapped text the height it needs.
        form->setWidget(form->rowCount(), QFormLayout::FieldRole, meaning);
    }
}

void IdentityFields::setValues(const QMap<QString, QString> &annotations)
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setText(annotations.value(it.key()));
}

QMap<QString, QString> IdentityFields::values() const
{
    QMap<QString, QString> values;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (const QString value = it.value()->text().trimmed(); !value.isEmpty())
            values.insert(it.key(), value);
    }
    return values;
}

QLineEdit *IdentityFields::field(const QString &key) const
{
    return m_fields.value(key);
}

QString IdentityFields::problem(bool principalRequired) const
{
    const QMap<QString, QString> set = values();
    // In the order the form shows them, the principal first.
    for (const identity::KnownAnnotation &known : identity::knownAnnotations()) {
        if (known.provider != m_provider)
            continue;
        const QString key(known.key);
        const auto value = set.constFind(key);
        if (value == set.cend()) {
            if (known.principal && !set.isEmpty())
                return tr("%1: required, the other annotations do nothing without it.").arg(identity::labelOf(known));
            if (known.principal && principalRequired)
                return tr("%1: required.").arg(identity::labelOf(known));
            continue;
        }
        if (const QString why = known.check(*value); !why.isEmpty())
            return identity::labelOf(known) + u": "_s + why;
    }
    return {};
}

} // namespace sa
