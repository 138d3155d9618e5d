#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Workload templates (docs/templates.md): a file whose first YAML document is the parameter
// schema (kind WorkloadTemplate) and whose other documents are the Kubernetes objects. Values are
// inserted as JSON nodes at the paths the schema declares, never by text substitution, so no value
// can add structure; a secret parameter may only land in a Secret's data or stringData.
namespace core::burst {

enum class ParameterType { String, Int, Bool, Quantity, Secret };

// "string" | "int" | "bool" | "quantity" | "secret"
QString parameterTypeName(ParameterType type);

// Where a parameter's value goes: the object of the body with this kind and metadata.name (as
// written in the template), and the field path inside it (map keys; "[i]" for list items).
struct TemplateTarget
{
    QString kind;
    QString name;
    QStringList path;

    QString toString() const; // "Deployment/mysql:spec.replicas"
};

struct TemplateParameter
{
    QString name; // [a-zA-Z][a-zA-Z0-9]*
    ParameterType type = ParameterType::String;
    QString description;
    bool required = false;
    QJsonValue defaultValue{QJsonValue::Undefined}; // when there is none (never for a secret)
    QStringList allowed;                            // string only: the values accepted; empty = any
    qint64 minimum = 0;                             // int only
    qint64 maximum = 0;                             // int only; minimum == maximum == 0: no bounds
    QList<TemplateTarget> targets;

    bool isSecret() const { return type == ParameterType::Secret; }
};

struct WorkloadTemplate
{
    QString name;
    QString description;
    QString source; // file name or ":/templates/..." for a built-in
    QList<TemplateParameter> parameters;
    QList<QJsonObject> objects; // the body, in file order

    const TemplateParameter *parameter(const QString &name) const;
};

// Reads a template file. Errors (code "template.*", message naming the file and, where one is
// concerned, the parameter): the schema document missing or malformed, a parameter of unknown
// type, a default that does not fit its type, a target naming no object of the body (or two), a
// target whose parent path does not exist in that object, and a secret parameter with a default
// or a target other than a v1 Secret's data.KEY or stringData.KEY ("template.secretTarget").
// The body meets the manifest loader's limits (core/kube/manifestloader.h).
Result<WorkloadTemplate> parseWorkloadTemplate(const QByteArray &text, const QString &fileName);

// The value of `text` for `parameter` as a JSON node: a string, a number (int), a boolean (bool:
// true/false), a quantity string (checked), or the secret's text. Error "template.value".
Result<QJsonValue> parseParameterValue(const TemplateParameter &parameter, const QString &text);

// The environment variable a secret parameter is read from: BURST_SECRET_ + the name in upper
// snake case (mysqlRootPassword -> BURST_SECRET_MYSQL_ROOT_PASSWORD).
QString secretEnvironmentName(const QString &parameterName);

// Renders the template for `nameSpace` (set as metadata.namespace of every object): `values`
// holds the text of every parameter given (plain and secret alike; where they come from is the
// caller's business). Errors: an unknown parameter ("template.unknownParameter"), a missing
// required one ("template.missingParameter", naming it), a value that does not fit
// ("template.value"), a namespace that is not a DNS-1123 label ("template.namespace").
// A parameter without value and default leaves the template's own value in place.
Result<QList<QJsonObject>> renderTemplate(const WorkloadTemplate &workloadTemplate,
                                          const QString &nameSpace,
                                          const QHash<QString, QString> &values);

// Every object as one YAML document, separated by "---".
QByteArray toMultiDocumentYaml(const QList<QJsonObject> &objects);

// A DNS-1123 label (a namespace's or a template's name).
bool isDnsLabel(const QString &value);

// "spec.template.spec.containers[0].image" -> its steps; "" -> error.
Result<QStringList> splitFieldPath(const QString &path);

} // namespace core::burst
