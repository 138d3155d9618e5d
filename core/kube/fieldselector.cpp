#include "core/kube/fieldselector.h"

#include "core/common/tr.h"
#include "core/kube/workload.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace core::kube {

namespace {

// fields.splitTerms: ',' separates terms unless escaped; escapes stay in the term.
QStringList splitFieldTerms(const QString &text)
{
    QStringList terms;
    if (text.isEmpty())
        return terms;
    qsizetype start = 0;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (escaped)
            escaped = false;
        else if (c == u'\\')
            escaped = true;
        else if (c == u',') {
            terms << text.mid(start, i - start);
            start = i + 1;
        }
    }
    terms << text.mid(start);
    return terms;
}

std::optional<QString> unescapeFieldValue(const QString &raw, QString *error)
{
    QString value;
    bool escaped = false;
    for (const QChar c : raw) {
        if (escaped) {
            if (c != u'\\' && c != u',' && c != u'=') {
                *error = Tr::tr("invalid escape sequence \"\\%1\"").arg(c);
                return std::nullopt;
            }
            value += c;
            escaped = false;
        } else if (c == u'\\') {
            escaped = true;
        } else if (c == u',' || c == u'=') {
            *error = Tr::tr("unescaped character '%1' in value \"%2\"").arg(c).arg(raw);
            return std::nullopt;
        } else {
            value += c;
        }
    }
    if (escaped) {
        *error = Tr::tr("invalid escape sequence \"\\\" at the end of \"%1\"").arg(raw);
        return std::nullopt;
    }
    return value;
}

Error fieldSyntaxError(const QString &text, const QString &detail)
{
    return {QStringLiteral("selector.syntax"),
            Tr::tr("Invalid field selector \"%1\": %2.").arg(text, detail),
            Tr::tr("Write terms such as status.phase=Running or spec.nodeName!=node-1, joined by "
                   "','; escape ',', '=' and '\\' in values with '\\'.")};
}

} // namespace

FieldSelector::FieldSelector(QList<Requirement> requirements)
    : m_requirements(std::move(requirements))
{
}

bool FieldSelector::matches(const QMap<QString, QString> &fields) const
{
    return std::all_of(m_requirements.begin(), m_requirements.end(), [&](const Requirement &r) {
        const bool equal = fields.value(r.field) == r.value;
        return r.op == Operator::Equals ? equal : !equal;
    });
}

bool FieldSelector::matches(const QJsonObject &object) const
{
    return std::all_of(m_requirements.begin(), m_requirements.end(), [&](const Requirement &r) {
        const bool equal = fieldValue(object, r.field) == r.value;
        return r.op == Operator::Equals ? equal : !equal;
    });
}

std::optional<QString> FieldSelector::requiredValue(const QString &field) const
{
    for (const Requirement &r : m_requirements) {
        if (r.field == field && r.op == Operator::Equals)
            return r.value;
    }
    return std::nullopt;
}

QString FieldSelector::toString() const
{
    QStringList terms;
    for (const Requirement &r : m_requirements) {
        const QString op = r.op == Operator::Equals ? QStringLiteral("=") : QStringLiteral("!=");
        terms << r.field + op + escapeFieldValue(r.value);
    }
    terms.sort();
    return terms.join(u',');
}

Result<FieldSelector> parseFieldSelector(const QString &text)
{
    static const QStringList operators = {QStringLiteral("!="), QStringLiteral("=="),
                                          QStringLiteral("=")};
    QStringList terms = splitFieldTerms(text);
    terms.sort(); // parseSelector sorts, so the first failing term is the same as in Kubernetes
    QList<FieldSelector::Requirement> requirements;
    for (const QString &term : std::as_const(terms)) {
        if (term.isEmpty())
            continue;
        qsizetype at = -1;
        QString op;
        for (qsizetype i = 0; i < term.size() && at < 0; ++i) {
            for (const QString &candidate : operators) {
                if (QStringView(term).mid(i).startsWith(candidate)) {
                    at = i;
                    op = candidate;
                    break;
                }
            }
        }
        if (at < 0)
            return fieldSyntaxError(text, Tr::tr("cannot understand \"%1\"").arg(term));
        QString detail;
        const auto value = unescapeFieldValue(term.mid(at + op.size()), &detail);
        if (!value)
            return fieldSyntaxError(text, detail);
        const auto fieldOp =
            op == u"!=" ? FieldSelector::Operator::NotEquals : FieldSelector::Operator::Equals;
        requirements << FieldSelector::Requirement{term.left(at), fieldOp, *value};
    }
    return FieldSelector(requirements);
}

QString fieldValue(const QJsonObject &object, const QString &dottedPath)
{
    const QJsonValue value = valueAt(object, dottedPath);
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::abs(number) < 9.0e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    default:
        return QString();
    }
}

QString escapeFieldValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\' || c == u',' || c == u'=')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

} // namespace core::kube
