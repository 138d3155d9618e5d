#pragma once

#include "core/common/diagnostic.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace core::kube {

// A metav1.LabelSelector: matchLabels AND every matchExpression.
class LabelSelector
{
public:
    enum class Operator { In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Operator op = Operator::Exists;
        QStringList values;
        bool operator==(const Requirement &) const = default;
    };

    LabelSelector() = default;

    // Reads {matchLabels: {...}, matchExpressions: [...]} from JSON. Every problem becomes a
    // diagnostic with a path relative to the selector ("matchExpressions[1].operator"); invalid
    // entries are dropped from the result so matching stays well defined.
    static LabelSelector fromJson(const QJsonValue &json, Diagnostics *diagnostics);
    QJsonObject toJson() const;

    // Validation as the API server does it (ValidateLabelSelector): label keys are qualified names,
    // values are label values, operators known, `values` required for In/NotIn and forbidden for
    // Exists/DoesNotExist.
    Diagnostics validate() const;

    bool isEmpty() const { return m_matchLabels.isEmpty() && m_requirements.isEmpty(); }
    // Kubernetes semantics: an empty selector matches everything.
    bool matches(const QMap<QString, QString> &labels) const;
    // Number of matchLabels entries plus number of matchExpressions (ScheduleProfile relatedness).
    int relatedness() const { return int(m_matchLabels.size() + m_requirements.size()); }

    const QMap<QString, QString> &matchLabels() const { return m_matchLabels; }
    const QList<Requirement> &requirements() const { return m_requirements; }
    void setMatchLabels(const QMap<QString, QString> &labels) { m_matchLabels = labels; }
    void setRequirements(const QList<Requirement> &requirements) { m_requirements = requirements; }

    static QString operatorName(Operator op);

    bool operator==(const LabelSelector &) const = default;

private:
    QMap<QString, QString> m_matchLabels;
    QList<Requirement> m_requirements;
};

// Label key / value grammar (k8s.io/apimachinery/pkg/util/validation). Each returns an empty
// string when valid, else a translated reason.
QString validateLabelKey(const QString &key);
QString validateLabelValue(const QString &value);
QString validateDns1123Subdomain(const QString &value);

} // namespace core::kube
