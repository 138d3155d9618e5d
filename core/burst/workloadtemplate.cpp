#include "core/burst/workloadtemplate.h"

#include "core/common/tr.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/labelselector.h"
#include "core/kube/manifestloader.h"
#include "core/kube/quantity.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <optional>

namespace core::burst {

namespace {

const QString kSchemaKind = QStringLiteral("WorkloadTemplate");

Error templateError(const QString &code, const QString &message, const QString &hint = {})
{
    return Error{QStringLiteral("template.") + code, message, hint};
}

bool isIndexStep(const QString &step)
{
    return step.size() > 2 && step.startsWith(u'[') && step.endsWith(u']');
}

// The node at `path`, or nothing when a step is missing.
std::optional<QJsonValue> valueAt(const QJsonValue &root, const QStringList &path)
{
    QJsonValue node = root;
    for (const QString &step : path) {
        if (isIndexStep(step)) {
            bool ok = false;
            const int index = step.mid(1, step.size() - 2).toInt(&ok);
            if (!ok || !node.isArray() || index < 0 || index >= node.toArray().size())
                return std::nullopt;
            node = node.toArray().at(index);
        } else {
            if (!node.isObject() || !node.toObject().contains(step))
                return std::nullopt;
            node = node.toObject().value(step);
        }
    }
    return node;
}

std::optional<ParameterType> typeFromName(const QString &name)
{
    static const QHash<QString, ParameterType> types{
        {QStringLiteral("string"), ParameterType::String},
        {QStringLiteral("int"), ParameterType::Int},
        {QStringLiteral("bool"), ParameterType::Bool},
        {QStringLiteral("quantity"), ParameterType::Quantity},
        {QStringLiteral("secret"), ParameterType::Secret}};
    const auto it = types.constFind(name);
    return it == types.cend() ? std::nullopt : std::optional<ParameterType>(*it);
}

Result<QStringList> pathFromJson(const QJsonValue &value)
{
    if (value.isString())
        return splitFieldPath(value.toString());
    QStringList steps;
    for (const QJsonValue &step : value.toArray()) {
        if (step.isDouble())
            steps << QStringLiteral("[%1]").arg(step.toInt());
        else if (step.isString() && !step.toString().isEmpty())
            steps << step.toString();
        else
            return templateError(QStringLiteral("path"),
                                 Tr::tr("a path step must be a key or a list index"));
    }
    if (steps.isEmpty())
        return templateError(QStringLiteral("path"), Tr::tr("a target needs a path"));
    return steps;
}

// Every target of `parameter`: the object exists once in the body and the path's parent exists.
Result<TemplateTarget> readTarget(const QJsonObject &json, const QList<QJsonObject> &body)
{
    const QString object = json.value(u"object").toString();
    const qsizetype slash = object.indexOf(u'/');
    if (slash <= 0 || slash == object.size() - 1)
        return templateError(QStringLiteral("target"),
                             Tr::tr("target object \"%1\" is not KIND/NAME").arg(object));
    TemplateTarget target{object.left(slash), object.mid(slash + 1), {}};
    const Result<QStringList> path = pathFromJson(json.value(u"path"));
    if (!path)
        return path.error();
    target.path = path.value();
    const QJsonObject *found = nullptr;
    for (const QJsonObject &o : body) {
        if (o.value(u"kind").toString() != target.kind ||
            o.value(u"metadata").toObject().value(u"name").toString() != target.name)
            continue;
        if (found)
            return templateError(QStringLiteral("target"),
                                 Tr::tr("two objects of the body are %1").arg(object));
        found = &o;
    }
    if (!found)
        return templateError(QStringLiteral("target"),
                             Tr::tr("no object of the body is %1").arg(object));
    const std::optional<QJsonValue> parent =
        valueAt(*found, target.path.mid(0, target.path.size() - 1));
    const bool lastIsIndex = isIndexStep(target.path.last());
    if (!parent || (lastIsIndex ? !parent->isArray() : !parent->isObject()))
        return templateError(
            QStringLiteral("target"),
            Tr::tr("%1 has no %2 to put a value in")
                .arg(object, target.path.mid(0, target.path.size() - 1).join(u'.')),
            Tr::tr("A target's path must lead to an existing map or list."));
    if (lastIsIndex && !valueAt(*found, target.path))
        return templateError(QStringLiteral("target"),
                             Tr::tr("%1 has no %2").arg(object, target.path.join(u'.')));
    return target;
}

// A secret may only go into a v1 Secret's data.KEY or stringData.KEY.
bool isSecretField(const TemplateTarget &target, const QList<QJsonObject> &body)
{
    if (target.kind != u"Secret" || target.path.size() != 2 ||
        (target.path.first() != u"data" && target.path.first() != u"stringData"))
        return false;
    for (const QJsonObject &o : body) {
        if (o.value(u"kind").toString() == target.kind &&
            o.value(u"metadata").toObject().value(u"name").toString() == target.name)
            return o.value(u"apiVersion").toString() == u"v1";
    }
    return false;
}

Result<TemplateParameter> readParameter(const QJsonObject &json, const QList<QJsonObject> &body)
{
    static const QRegularExpression namePattern(QStringLiteral("^[a-zA-Z][a-zA-Z0-9]*$"));
    TemplateParameter p;
    if (!json.value(u"name").isString())
        return templateError(QStringLiteral("parameterName"),
                             Tr::tr("a parameter name is not a string but %1")
                                 .arg(kube::jsonTypeName(json.value(u"name"))),
                             Tr::tr("Quote it: YAML reads n, y, no, yes, on and off as booleans."));
    p.name = json.value(u"name").toString();
    if (!namePattern.match(p.name).hasMatch())
        return templateError(QStringLiteral("parameterName"),
                             Tr::tr("parameter name \"%1\" is not letters and digits starting "
                                    "with a letter")
                                 .arg(p.name));
    const QString typeName = json.value(u"type").toString(QStringLiteral("string"));
    const std::optional<ParameterType> type = typeFromName(typeName);
    if (!type)
        return templateError(QStringLiteral("parameterType"),
                             Tr::tr("parameter %1 has unknown type \"%2\"").arg(p.name, typeName),
                             Tr::tr("Use string, int, bool, quantity or secret."));
    p.type = *type;
    p.description = json.value(u"description").toString();
    p.required = json.value(u"required").toBool(false);
    for (const QJsonValue &v : json.value(u"allowed").toArray())
        p.allowed << v.toVariant().toString();
    p.minimum = qint64(json.value(u"minimum").toDouble(0));
    p.maximum = qint64(json.value(u"maximum").toDouble(0));
    if (json.contains(u"default")) {
        if (p.isSecret())
            return templateError(QStringLiteral("secretDefault"),
                                 Tr::tr("secret parameter %1 has a default").arg(p.name),
                                 Tr::tr("A secret never lives in a template file; remove the "
                                        "default."));
        const QJsonValue given = json.value(u"default");
        const Result<QJsonValue> value = parseParameterValue(
            p, given.isString() ? given.toString() : given.toVariant().toString());
        if (!value)
            return templateError(
                QStringLiteral("default"),
                Tr::tr("parameter %1: default: %2").arg(p.name, value.error().message));
        p.defaultValue = value.value();
    }
    const QJsonArray targets = json.value(u"targets").toArray();
    if (targets.isEmpty())
        return templateError(QStringLiteral("target"),
                             Tr::tr("parameter %1 has no targets").arg(p.name));
    for (const QJsonValue &t : targets) {
        Result<TemplateTarget> target = readTarget(t.toObject(), body);
        if (!target)
            return templateError(target.error().code.mid(9),
                                 Tr::tr("parameter %1: %2").arg(p.name, target.error().message),
                                 target.error().hint);
        if (p.isSecret() && !isSecretField(target.value(), body))
            return templateError(QStringLiteral("secretTarget"),
                                 Tr::tr("secret parameter %1 targets %2, which is not a v1 "
                                        "Secret's data or stringData")
                                     .arg(p.name, target->toString()),
                                 Tr::tr("Put the secret into a Secret and refer to it (env "
                                        "valueFrom.secretKeyRef, a secret volume)."));
        p.targets << target.value();
    }
    return p;
}

} // namespace

bool isDnsLabel(const QString &value)
{
    return !value.isEmpty() && value.size() <= 63 && !value.contains(u'.') &&
           kube::validateDns1123Subdomain(value).isEmpty();
}

QString parameterTypeName(ParameterType type)
{
    switch (type) {
    case ParameterType::String:
        return QStringLiteral("string");
    case ParameterType::Int:
        return QStringLiteral("int");
    case ParameterType::Bool:
        return QStringLiteral("bool");
    case ParameterType::Quantity:
        return QStringLiteral("quantity");
    case ParameterType::Secret:
        return QStringLiteral("secret");
    }
    return {};
}

QString TemplateTarget::toString() const
{
    QString text;
    for (const QString &step : path) {
        if (isIndexStep(step))
            text += step;
        else if (step.contains(u'.') || step.contains(u'['))
            text += QStringLiteral("[\"%1\"]").arg(step);
        else
            text += (text.isEmpty() ? QString() : QStringLiteral(".")) + step;
    }
    return QStringLiteral("%1/%2:%3").arg(kind, name, text);
}

const TemplateParameter *WorkloadTemplate::parameter(const QString &name) const
{
    for (const TemplateParameter &p : parameters) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

Result<QStringList> splitFieldPath(const QString &path)
{
    static const QRegularExpression step(QStringLiteral("([^.\\[\\]]+)|\\[(\\d+)\\]|(\\.)"));
    QStringList steps;
    qsizetype at = 0;
    bool expectKey = true;
    while (at < path.size()) {
        const QRegularExpressionMatch m = step.match(path, at, QRegularExpression::NormalMatch,
                                                     QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            break;
        if (m.capturedLength(1) > 0) {
            if (!expectKey)
                break;
            steps << m.captured(1);
            expectKey = false;
        } else if (m.capturedLength(2) > 0) {
            steps << QStringLiteral("[%1]").arg(m.captured(2));
            expectKey = false;
        } else {
            if (expectKey)
                break;
            expectKey = true;
        }
        at = m.capturedEnd();
    }
    if (at < path.size() || steps.isEmpty() || expectKey)
        return templateError(QStringLiteral("path"),
                             Tr::tr("\"%1\" is not a field path such as "
                                    "spec.template.spec.containers[0].image")
                                 .arg(path),
                             Tr::tr("Give a key with dots as a list of steps instead."));
    return steps;
}

QString secretEnvironmentName(const QString &parameterName)
{
    QString name = QStringLiteral("BURST_SECRET_");
    for (qsizetype i = 0; i < parameterName.size(); ++i) {
        const QChar c = parameterName.at(i);
        if (c.isUpper() && i > 0)
            name += u'_';
        name += c.toUpper();
    }
    return name;
}

Result<QJsonValue> parseParameterValue(const TemplateParameter &parameter, const QString &text)
{
    const auto bad = [&](const QString &why) {
        return templateError(QStringLiteral("value"), Tr::tr("%1: %2").arg(parameter.name, why));
    };
    switch (parameter.type) {
    case ParameterType::String:
        if (!parameter.allowed.isEmpty() && !parameter.allowed.contains(text))
            return bad(Tr::tr("\"%1\" is not one of %2")
                           .arg(text, parameter.allowed.join(QStringLiteral(", "))));
        return QJsonValue(text);
    case ParameterType::Int: {
        bool ok = false;
        const qint64 value = text.trimmed().toLongLong(&ok);
        if (!ok || value > (qint64(1) << 53) || value < -(qint64(1) << 53))
            return bad(Tr::tr("\"%1\" is not an integer").arg(text));
        if ((parameter.minimum != 0 || parameter.maximum != 0) &&
            (value < parameter.minimum || value > parameter.maximum))
            return bad(Tr::tr("%1 is outside %2..%3")
                           .arg(value)
                           .arg(parameter.minimum)
                           .arg(parameter.maximum));
        return QJsonValue(double(value));
    }
    case ParameterType::Bool:
        if (text == u"true" || text == u"false")
            return QJsonValue(text == u"true");
        return bad(Tr::tr("\"%1\" is not true or false").arg(text));
    case ParameterType::Quantity: {
        const Result<kube::Quantity> q = kube::Quantity::parse(text);
        if (!q)
            return bad(q.error().message);
        return QJsonValue(text);
    }
    case ParameterType::Secret:
        if (text.isEmpty())
            return bad(Tr::tr("the secret is empty"));
        return QJsonValue(text);
    }
    return bad(QString());
}

Result<WorkloadTemplate> parseWorkloadTemplate(const QByteArray &text, const QString &fileName)
{
    const kube::LoadResult loaded = kube::loadManifests(text, fileName);
    if (!loaded.errors.isEmpty())
        return templateError(QStringLiteral("parse"), loaded.errors.first().toString());
    if (loaded.objects.isEmpty() || loaded.objects.first().kind() != kSchemaKind)
        return templateError(
            QStringLiteral("schema"),
            Tr::tr("%1: the first document is not a WorkloadTemplate").arg(fileName),
            Tr::tr("Start the file with the parameter schema (docs/templates.md)."));
    WorkloadTemplate t;
    t.source = fileName;
    const QJsonObject schema = loaded.objects.first().object;
    t.name = schema.value(u"metadata").toObject().value(u"name").toString();
    if (!isDnsLabel(t.name))
        return templateError(
            QStringLiteral("schema"),
            Tr::tr("%1: metadata.name \"%2\" is not a lower-case name").arg(fileName, t.name));
    t.description = schema.value(u"description").toString();
    for (qsizetype i = 1; i < loaded.objects.size(); ++i)
        t.objects << loaded.objects.at(i).object;
    if (t.objects.isEmpty())
        return templateError(QStringLiteral("schema"),
                             Tr::tr("%1: the template has no objects").arg(fileName));
    for (const QJsonValue &p : schema.value(u"parameters").toArray()) {
        Result<TemplateParameter> parameter = readParameter(p.toObject(), t.objects);
        if (!parameter)
            return Error{parameter.error().code,
                         QStringLiteral("%1: %2").arg(fileName, parameter.error().message),
                         parameter.error().hint};
        if (t.parameter(parameter->name))
            return templateError(
                QStringLiteral("parameterName"),
                Tr::tr("%1: parameter %2 is declared twice").arg(fileName, parameter->name));
        t.parameters << parameter.value();
    }
    return t;
}

Result<QList<QJsonObject>> renderTemplate(const WorkloadTemplate &workloadTemplate,
                                          const QString &nameSpace,
                                          const QHash<QString, QString> &values)
{
    if (!isDnsLabel(nameSpace))
        return templateError(QStringLiteral("namespace"),
                             Tr::tr("namespace \"%1\" is not a DNS-1123 label").arg(nameSpace),
                             Tr::tr("Give --namespace: lower-case letters, digits and '-'."));
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!workloadTemplate.parameter(it.key()))
            return templateError(
                QStringLiteral("unknownParameter"),
                Tr::tr("template %1 has no parameter %2").arg(workloadTemplate.name, it.key()),
                Tr::tr("List its parameters with --help-params."));
    }
    QList<QJsonValue> objects;
    for (const QJsonObject &o : workloadTemplate.objects)
        objects << QJsonValue(o);
    // Targets name objects as the template writes them: find them before any value changes one.
    const auto indexOf = [&](const TemplateTarget &target) {
        for (qsizetype i = 0; i < workloadTemplate.objects.size(); ++i) {
            const QJsonObject &o = workloadTemplate.objects.at(i);
            if (o.value(u"kind").toString() == target.kind &&
                o.value(u"metadata").toObject().value(u"name").toString() == target.name)
                return i;
        }
        return qsizetype(-1);
    };
    for (const TemplateParameter &p : workloadTemplate.parameters) {
        QJsonValue value = p.defaultValue;
        if (values.contains(p.name)) {
            Result<QJsonValue> given = parseParameterValue(p, values.value(p.name));
            if (!given)
                return given.error();
            value = given.value();
        }
        if (value.isUndefined()) {
            if (p.required)
                return templateError(
                    QStringLiteral("missingParameter"),
                    Tr::tr("required parameter %1 has no value").arg(p.name),
                    p.isSecret() ? Tr::tr("Set %1 in the environment, or give --secret-stdin %2.")
                                       .arg(secretEnvironmentName(p.name), p.name)
                                 : Tr::tr("Give --set %1=VALUE.").arg(p.name));
            continue;
        }
        for (const TemplateTarget &target : p.targets) {
            const qsizetype i = indexOf(target);
            QJsonValue node = value;
            if (p.isSecret() && target.path.first() == u"data")
                node = QString::fromLatin1(value.toString().toUtf8().toBase64());
            objects[i] = kube::withValueAt(objects.at(i), target.path, node);
        }
    }
    QList<QJsonObject> rendered;
    for (const QJsonValue &o : objects)
        rendered << kube::withValueAt(o, {QStringLiteral("metadata"), QStringLiteral("namespace")},
                                      nameSpace)
                        .toObject();
    return rendered;
}

QByteArray toMultiDocumentYaml(const QList<QJsonObject> &objects)
{
    QByteArray text;
    for (const QJsonObject &o : objects)
        text += QByteArrayLiteral("---\n") + kube::jsonToYaml(o);
    return text;
}

} // namespace core::burst
