#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace kubesim {

// A parsed labelSelector query parameter, with the grammar and error messages of
// k8s.io/apimachinery/pkg/labels (=, ==, !=, in, notin, key, !key, and the integer comparisons > and <).
class LabelSelector
{
public:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist, GreaterThan, LessThan };
    struct Requirement
    {
        QString key;
        Op op = Op::Exists;
        QStringList values;
    };

    // Returns nullopt and sets *error to the apiserver's message when the text does not parse.
    [[nodiscard]] static std::optional<LabelSelector> parse(const QString &text, QString *error);

    [[nodiscard]] bool matches(const QJsonObject &labels) const;
    [[nodiscard]] bool isEmpty() const { return m_requirements.isEmpty(); }
    [[nodiscard]] const QList<Requirement> &requirements() const { return m_requirements; }

private:
    QList<Requirement> m_requirements;
};

// A parsed fieldSelector query parameter (=, ==, != joined by commas), as in k8s.io/apimachinery/pkg/fields.
class FieldSelector
{
public:
    struct Requirement
    {
        QString field;
        bool negated = false;
        QString value;
    };

    [[nodiscard]] static std::optional<FieldSelector> parse(const QString &text, QString *error);

    // fieldValue returns the object's value for a field label; the caller has already checked that
    // every field() is supported for the resource.
    [[nodiscard]] bool matches(const std::function<QString(const QString &field)> &fieldValue) const;
    [[nodiscard]] QStringList fields() const;
    [[nodiscard]] bool isEmpty() const { return m_requirements.isEmpty(); }

private:
    QList<Requirement> m_requirements;
};

} // namespace kubesim
