#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace core::kube {

// A field selector (`fieldSelector=`, k8s.io/apimachinery/pkg/fields): terms `field=value`,
// `field==value` and `field!=value` joined by ',' (AND). In values, `\,` `\=` and `\\` escape the
// separators; the field name is taken up to the first operator.
class FieldSelector
{
public:
    enum class Operator { Equals, NotEquals };
    struct Requirement
    {
        QString field;
        Operator op = Operator::Equals;
        QString value;
        bool operator==(const Requirement &) const = default;
    };

    FieldSelector() = default;
    explicit FieldSelector(QList<Requirement> requirements);

    bool isEmpty() const { return m_requirements.isEmpty(); }
    const QList<Requirement> &requirements() const { return m_requirements; }

    // Kubernetes semantics: an absent field reads as "", so `spec.nodeName=` selects unscheduled
    // pods and `f!=v` matches objects without `f`. An empty selector matches everything.
    bool matches(const QMap<QString, QString> &fields) const;
    // Reads each requirement's field as a dotted path of the object (see fieldValue()).
    bool matches(const QJsonObject &object) const;

    // The value an object must have for `field` to match (`field=v` or `field==v`), if any.
    std::optional<QString> requiredValue(const QString &field) const;
    // Canonical form: terms sorted, values escaped, `==` written as `=`.
    QString toString() const;

    bool operator==(const FieldSelector &) const = default;

private:
    QList<Requirement> m_requirements;
};

// Error code "selector.syntax": a term without operator, an unescaped ',' or '=' in a value, an
// unknown escape sequence.
Result<FieldSelector> parseFieldSelector(const QString &text);

// The string a field selector compares for `dottedPath` ("status.phase"): strings as they are,
// booleans as "true"/"false", integral numbers without decimals, anything else (absent, null,
// object, list) as "".
QString fieldValue(const QJsonObject &object, const QString &dottedPath);

// Escapes '\', ',' and '=' for use as a field selector value (fields.EscapeValue).
QString escapeFieldValue(const QString &value);

} // namespace core::kube
