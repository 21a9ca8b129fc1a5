#pragma once

#include "resources/WorkloadIdentity.h"

#include <QMap>
#include <QWidget>

class QLineEdit;

namespace sa {

// The known cloud identity annotations of one provider as a form: a line edit per annotation (its object name is the
// annotation's key), with what it means under it. An empty field is an annotation that is not set. Used by "New
// service account" and "Edit identity annotations".
class IdentityFields : public QWidget
{
    Q_OBJECT
public:
    explicit IdentityFields(identity::Provider provider, QWidget *parent = nullptr);

    [[nodiscard]] identity::Provider provider() const { return m_provider; }
    // Fills the fields from `annotations` (the others are ignored); a key absent empties its field.
    void setValues(const QMap<QString, QString> &annotations);
    // The set fields, by key, trimmed.
    [[nodiscard]] QMap<QString, QString> values() const;
    [[nodiscard]] QLineEdit *field(const QString &key) const;
    // The first objection, "IAM role ARN: why", or empty. The principal (the role, the e-mail, the client ID) is
    // required when `principalRequired`, and always once another field is set: without it they do nothing.
    [[nodiscard]] QString problem(bool principalRequired) const;

Q_SIGNALS:
    void changed();

private:
    identity::Provider m_provider;
    QMap<QString, QLineEdit *> m_fields;
};

} // namespace sa
