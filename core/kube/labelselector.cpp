#include "core/kube/labelselector.h"

#include "core/kube/jsonyaml.h"

#include "core/common/tr.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <optional>

namespace core::kube {

namespace {

// Limits from k8s.io/apimachinery/pkg/util/validation.
constexpr qsizetype kQualifiedNameMaxLength = 63;
constexpr qsizetype kLabelValueMaxLength = 63;
constexpr qsizetype kDns1123SubdomainMaxLength = 253;

const QLatin1String kMatchLabels("matchLabels");
const QLatin1String kMatchExpressions("matchExpressions");
const QLatin1String kKey("key");
const QLatin1String kOperator("operator");
const QLatin1String kValues("values");

constexpr LabelSelector::Operator kOperators[] = {
    LabelSelector::Operator::In, LabelSelector::Operator::NotIn, LabelSelector::Operator::Exists,
    LabelSelector::Operator::DoesNotExist};

QString indexed(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool isQualifiedNamePart(QStringView s)
{
    if (s.isEmpty() || !isAsciiAlnum(s.front()) || !isAsciiAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        return isAsciiAlnum(c) || c == u'-' || c == u'_' || c == u'.';
    });
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool isDns1123Label(QStringView s)
{
    if (s.isEmpty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) { return isLowerAlnum(c) || c == u'-'; });
}

QString qualifiedNameCharsMessage()
{
    return Tr::tr("must consist of alphanumeric characters, '-', '_' or '.', and must start and "
                  "end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc')");
}

Diagnostic typeError(const QString &path, const QString &what, const QString &expected,
                     const QJsonValue &found)
{
    return makeError(QStringLiteral("selector.type"), path,
                     Tr::tr("%1 must be %2, not %3.").arg(what, expected, jsonTypeName(found)));
}

// YAML 1.1 turns unquoted off/yes/no/on and numbers into non-strings; the API server rejects them
// with an unmarshalling error that rarely tells the user to quote the value.
Diagnostic valueNotString(const QString &path, const QJsonValue &value)
{
    const QString code = QStringLiteral("selector.valueNotString");
    if (value.isBool()) {
        const QString text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return makeError(
            code, path,
            Tr::tr("The label value is the boolean %1, but label values must be strings.")
                .arg(text),
            Tr::tr("Quote the value in YAML (for example \"off\" or \"true\"): unquoted off, on, "
                   "yes, no, true and false are read as booleans."));
    }
    const QString text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return makeError(
        code, path,
        Tr::tr("The label value is the number %1, but label values must be strings.").arg(text),
        Tr::tr("Quote the value in YAML (\"%1\"): unquoted numbers are not strings.").arg(text));
}

// A mistyped field name ("matchLabel") would otherwise leave an empty selector behind, and an
// empty selector matches everything.
void warnUnknownFields(const QJsonObject &object, const QStringList &known, const QString &path,
                       Diagnostics &out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        out << makeWarning(
            QStringLiteral("selector.unknownField"), joinPath(path, it.key()),
            Tr::tr("Unknown field \"%1\" is ignored.").arg(it.key()),
            Tr::tr("Allowed fields here: %1.").arg(known.join(QStringLiteral(", "))));
    }
}

// Accepts a JSON string; reports anything else at `path`. Null becomes "" as in Go's decoder, but
// with a warning because an empty YAML value is usually a mistake.
std::optional<QString> readLabelString(const QJsonValue &value, const QString &path,
                                       const QString &what, Diagnostics &out)
{
    if (value.isString())
        return value.toString();
    if (value.isBool() || value.isDouble()) {
        out << valueNotString(path, value);
        return std::nullopt;
    }
    if (value.isNull()) {
        out << makeWarning(QStringLiteral("selector.valueNull"), path,
                           Tr::tr("%1 is null and is read as an empty string.").arg(what),
                           Tr::tr("Write \"\" if an empty value is intended."));
        return QString();
    }
    out << typeError(path, what, Tr::tr("a string"), value);
    return std::nullopt;
}

QMap<QString, QString> readMatchLabels(const QJsonValue &json, Diagnostics &out)
{
    QMap<QString, QString> labels;
    if (json.isUndefined() || json.isNull())
        return labels;
    if (!json.isObject()) {
        out << typeError(kMatchLabels, kMatchLabels, Tr::tr("a mapping of label keys to values"),
                         json);
        return labels;
    }
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = joinPath(kMatchLabels, it.key());
        if (const auto value = readLabelString(it.value(), path, Tr::tr("A label value"), out))
            labels.insert(it.key(), *value);
    }
    return labels;
}

std::optional<LabelSelector::Operator> operatorFromName(const QString &name)
{
    for (auto op : kOperators) {
        if (LabelSelector::operatorName(op) == name)
            return op;
    }
    return std::nullopt;
}

Diagnostic unknownOperator(const QString &path, const QString &name)
{
    const QString message = Tr::tr("Unknown selector operator \"%1\".").arg(name);
    for (auto op : kOperators) {
        const QString known = LabelSelector::operatorName(op);
        if (known.compare(name, Qt::CaseInsensitive) == 0) {
            return makeError(QStringLiteral("selector.operator"), path, message,
                             Tr::tr("Operators are case-sensitive: write %1.").arg(known));
        }
    }
    if (name == u"Gt" || name == u"Lt") {
        return makeError(QStringLiteral("selector.operator"), path, message,
                         Tr::tr("Gt and Lt exist only in node selector terms (node affinity); a "
                                "label selector accepts In, NotIn, Exists or DoesNotExist."));
    }
    return makeError(QStringLiteral("selector.operator"), path, message,
                     Tr::tr("Use In, NotIn, Exists or DoesNotExist."));
}

std::optional<LabelSelector::Operator> readOperator(const QJsonValue &json, const QString &path,
                                                    Diagnostics &out)
{
    if (json.isUndefined() || json.isNull()) {
        out << makeError(QStringLiteral("selector.operator"), path,
                         Tr::tr("The operator of a match expression is missing."),
                         Tr::tr("Use In, NotIn, Exists or DoesNotExist."));
        return std::nullopt;
    }
    if (!json.isString()) {
        out << typeError(path, kOperator, Tr::tr("a string"), json);
        return std::nullopt;
    }
    const auto op = operatorFromName(json.toString());
    if (!op)
        out << unknownOperator(path, json.toString());
    return op;
}

std::optional<QStringList> readValues(const QJsonValue &json, const QString &path, Diagnostics &out)
{
    if (json.isUndefined() || json.isNull())
        return QStringList();
    if (!json.isArray()) {
        out << typeError(path, kValues, Tr::tr("a list of strings"), json);
        return std::nullopt;
    }
    QStringList values;
    bool ok = true;
    const QJsonArray array = json.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (const auto value =
                readLabelString(array.at(i), indexed(path, i), Tr::tr("A value"), out))
            values << *value;
        else
            ok = false;
    }
    return ok ? std::optional(values) : std::nullopt;
}

// An expression with any malformed part is dropped as a whole: keeping it with some values
// removed would silently widen (NotIn) or narrow (In) what it selects.
std::optional<LabelSelector::Requirement> readRequirement(const QJsonValue &json,
                                                          const QString &path, Diagnostics &out)
{
    if (!json.isObject()) {
        out << typeError(path, Tr::tr("A match expression"),
                         Tr::tr("a mapping with key, operator and values"), json);
        return std::nullopt;
    }
    const QJsonObject object = json.toObject();
    warnUnknownFields(object, {kKey, kOperator, kValues}, path, out);

    LabelSelector::Requirement requirement;
    bool ok = true;
    const QJsonValue key = object.value(kKey);
    if (key.isString()) {
        requirement.key = key.toString();
    } else if (!key.isUndefined() && !key.isNull()) { // a missing key is left to validate()
        out << typeError(joinPath(path, kKey), kKey, Tr::tr("a string"), key);
        ok = false;
    }

    const auto op = readOperator(object.value(kOperator), joinPath(path, kOperator), out);
    const auto values = readValues(object.value(kValues), joinPath(path, kValues), out);
    if (!ok || !op || !values)
        return std::nullopt;
    requirement.op = *op;
    requirement.values = *values;
    return requirement;
}

QList<LabelSelector::Requirement> readRequirements(const QJsonValue &json, Diagnostics &out)
{
    QList<LabelSelector::Requirement> requirements;
    if (json.isUndefined() || json.isNull())
        return requirements;
    if (!json.isArray()) {
        out << typeError(kMatchExpressions, kMatchExpressions,
                         Tr::tr("a list of match expressions"), json);
        return requirements;
    }
    const QJsonArray array = json.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (const auto requirement =
                readRequirement(array.at(i), indexed(kMatchExpressions, i), out))
            requirements << *requirement;
    }
    return requirements;
}

void checkLabelKey(const QString &key, const QString &path, Diagnostics &out)
{
    if (const QString reason = validateLabelKey(key); !reason.isEmpty()) {
        out << makeError(QStringLiteral("selector.key"), path,
                         Tr::tr("Invalid label key \"%1\": %2.").arg(key, reason),
                         Tr::tr("Label keys look like \"app\" or \"example.com/app\"."));
    }
}

void checkLabelValue(const QString &value, const QString &path, Diagnostics &out)
{
    if (const QString reason = validateLabelValue(value); !reason.isEmpty()) {
        out << makeError(QStringLiteral("selector.value"), path,
                         Tr::tr("Invalid label value \"%1\": %2.").arg(value, reason),
                         Tr::tr("Label values are empty or up to 63 letters, digits, '-', '_' or "
                                "'.', starting and ending with a letter or digit."));
    }
}

// ValidateLabelSelectorRequirement, including the label-value check of current API servers.
void checkRequirement(const LabelSelector::Requirement &requirement, const QString &path,
                      Diagnostics &out)
{
    using Operator = LabelSelector::Operator;
    const QString valuesPath = joinPath(path, kValues);
    const bool needsValues = requirement.op == Operator::In || requirement.op == Operator::NotIn;
    if (needsValues && requirement.values.isEmpty()) {
        out << makeError(QStringLiteral("selector.valuesRequired"), valuesPath,
                         Tr::tr("values must be specified when the operator is In or NotIn."),
                         Tr::tr("List at least one value, or use Exists / DoesNotExist."));
    } else if (!needsValues && !requirement.values.isEmpty()) {
        out << makeError(
            QStringLiteral("selector.valuesForbidden"), valuesPath,
            Tr::tr("values may not be specified when the operator is Exists or DoesNotExist."),
            Tr::tr("Remove the values, or use In / NotIn to compare against them."));
    }
    checkLabelKey(requirement.key, joinPath(path, kKey), out);
    for (qsizetype i = 0; i < requirement.values.size(); ++i)
        checkLabelValue(requirement.values.at(i), indexed(valuesPath, i), out);
}

} // namespace

QString LabelSelector::operatorName(Operator op)
{
    switch (op) {
    case Operator::In:
        return QStringLiteral("In");
    case Operator::NotIn:
        return QStringLiteral("NotIn");
    case Operator::Exists:
        return QStringLiteral("Exists");
    case Operator::DoesNotExist:
        return QStringLiteral("DoesNotExist");
    }
    return QStringLiteral("Exists");
}

LabelSelector LabelSelector::fromJson(const QJsonValue &json, Diagnostics *diagnostics)
{
    Diagnostics ignored;
    Diagnostics &out = diagnostics ? *diagnostics : ignored;
    LabelSelector selector;
    if (json.isUndefined() || json.isNull())
        return selector;
    if (!json.isObject()) {
        out << typeError(QString(), Tr::tr("A label selector"),
                         Tr::tr("a mapping with matchLabels and/or matchExpressions"), json);
        return selector;
    }
    const QJsonObject object = json.toObject();
    warnUnknownFields(object, {kMatchLabels, kMatchExpressions}, QString(), out);
    selector.m_matchLabels = readMatchLabels(object.value(kMatchLabels), out);
    selector.m_requirements = readRequirements(object.value(kMatchExpressions), out);
    return selector;
}

QJsonObject LabelSelector::toJson() const
{
    QJsonObject object;
    if (!m_matchLabels.isEmpty()) {
        QJsonObject labels;
        for (auto it = m_matchLabels.begin(); it != m_matchLabels.end(); ++it)
            labels.insert(it.key(), it.value());
        object.insert(kMatchLabels, labels);
    }
    if (!m_requirements.isEmpty()) {
        QJsonArray expressions;
        for (const Requirement &requirement : m_requirements) {
            QJsonObject expression{{kKey, requirement.key},
                                   {kOperator, operatorName(requirement.op)}};
            if (!requirement.values.isEmpty()) // Kubernetes omits empty values the same way
                expression.insert(kValues, QJsonArray::fromStringList(requirement.values));
            expressions.append(expression);
        }
        object.insert(kMatchExpressions, expressions);
    }
    return object;
}

Diagnostics LabelSelector::validate() const
{
    Diagnostics out;
    for (auto it = m_matchLabels.begin(); it != m_matchLabels.end(); ++it) {
        const QString path = joinPath(kMatchLabels, it.key());
        checkLabelKey(it.key(), path, out);
        checkLabelValue(it.value(), path, out);
    }
    for (qsizetype i = 0; i < m_requirements.size(); ++i)
        checkRequirement(m_requirements.at(i), indexed(kMatchExpressions, i), out);
    return out;
}

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    for (auto it = m_matchLabels.begin(); it != m_matchLabels.end(); ++it) {
        const auto found = labels.constFind(it.key());
        if (found == labels.cend() || found.value() != it.value())
            return false;
    }
    return std::all_of(m_requirements.begin(), m_requirements.end(), [&](const Requirement &r) {
        const auto found = labels.constFind(r.key);
        const bool present = found != labels.cend();
        switch (r.op) {
        case Operator::In:
            return present && r.values.contains(found.value());
        case Operator::NotIn:
            return !present || !r.values.contains(found.value());
        case Operator::Exists:
            return present;
        case Operator::DoesNotExist:
            return !present;
        }
        return false;
    });
}

QString validateDns1123Subdomain(const QString &value)
{
    QStringList errors;
    if (value.size() > kDns1123SubdomainMaxLength)
        errors << Tr::tr("must be no more than %1 characters").arg(kDns1123SubdomainMaxLength);
    const auto labels = QStringView(value).split(u'.');
    if (!std::all_of(labels.begin(), labels.end(), isDns1123Label)) {
        errors << Tr::tr("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                         "characters, '-' or '.', and must start and end with an alphanumeric "
                         "character (e.g. 'example.com')");
    }
    return errors.join(QStringLiteral("; "));
}

QString validateLabelKey(const QString &key)
{
    const auto parts = QStringView(key).split(u'/');
    if (parts.size() > 2) {
        return Tr::tr("a qualified name %1, with an optional DNS subdomain prefix and '/' (e.g. "
                      "'example.com/MyName')")
            .arg(qualifiedNameCharsMessage());
    }
    QStringList errors;
    const QStringView name = parts.back();
    if (parts.size() == 2) {
        const QString prefix = parts.front().toString();
        if (prefix.isEmpty())
            errors << Tr::tr("prefix part must be non-empty");
        else if (const QString reason = validateDns1123Subdomain(prefix); !reason.isEmpty())
            errors << Tr::tr("prefix part %1").arg(reason);
    }
    if (name.isEmpty())
        errors << Tr::tr("name part must be non-empty");
    else if (name.size() > kQualifiedNameMaxLength)
        errors
            << Tr::tr("name part must be no more than %1 characters").arg(kQualifiedNameMaxLength);
    if (!name.isEmpty() && !isQualifiedNamePart(name))
        errors << Tr::tr("name part %1").arg(qualifiedNameCharsMessage());
    return errors.join(QStringLiteral("; "));
}

QString validateLabelValue(const QString &value)
{
    QStringList errors;
    if (value.size() > kLabelValueMaxLength)
        errors << Tr::tr("must be no more than %1 characters").arg(kLabelValueMaxLength);
    if (!value.isEmpty() && !isQualifiedNamePart(value)) {
        errors << Tr::tr("a valid label value must be an empty string or %1")
                      .arg(qualifiedNameCharsMessage());
    }
    return errors.join(QStringLiteral("; "));
}

} // namespace core::kube
