#include "core/sandbox/apiserver/apihttp.h"

#include "core/common/tr.h"
#include "core/kube/jsonyaml.h"
#include "core/sandbox/apiserver/k8sprotobuf.h"
#include "core/sandbox/transport/httprequest.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <yaml-cpp/yaml.h>

namespace core::sandbox {

HttpResponse statusResponse(const ApiError &error)
{
    return jsonResponse(error.code, error.toStatus());
}

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ServerResult<QJsonObject> jsonBody(const HttpRequest &request)
{
    // The router converts protobuf bodies it can read; here only the conversion's error is left.
    if (isKubernetesProtobuf(request.headers.value("Content-Type")))
        return kubernetesProtobufToJson(request.body);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return ApiError::badRequest(QStringLiteral("the request body is not a JSON object: %1")
                                        .arg(parseError.errorString()));
    }
    return doc.object();
}

std::optional<PatchType> patchTypeFromContentType(const QString &contentType)
{
    const QString mediaType = contentType.section(u';', 0, 0).trimmed().toLower();
    if (mediaType == u"application/json-patch+json")
        return PatchType::JsonPatch;
    if (mediaType == u"application/merge-patch+json")
        return PatchType::MergePatch;
    if (mediaType == u"application/strategic-merge-patch+json")
        return PatchType::StrategicMergePatch;
    if (mediaType == u"application/apply-patch+yaml")
        return PatchType::ApplyPatch;
    return std::nullopt;
}

QString contentType(PatchType type)
{
    switch (type) {
    case PatchType::JsonPatch:
        return QStringLiteral("application/json-patch+json");
    case PatchType::MergePatch:
        return QStringLiteral("application/merge-patch+json");
    case PatchType::StrategicMergePatch:
        return QStringLiteral("application/strategic-merge-patch+json");
    case PatchType::ApplyPatch:
        return QStringLiteral("application/apply-patch+yaml");
    }
    return QString();
}

namespace {

ApiError invalidOptions(const QString &kind, const QList<ApiError::FieldCause> &causes);

} // namespace

ServerResult<PatchType> patchTypeOf(const HttpRequest &request)
{
    const auto type =
        patchTypeFromContentType(QString::fromLatin1(request.headers.value("Content-Type")));
    if (!type) {
        return ApiError::unsupportedMediaType(
            Tr::tr("the body of the request was in an unknown format - accepted media types "
                   "include: application/json-patch+json, application/merge-patch+json, "
                   "application/strategic-merge-patch+json, application/apply-patch+yaml"));
    }
    if (*type != PatchType::ApplyPatch && request.query.contains(QStringLiteral("force"))) {
        return invalidOptions(QStringLiteral("PatchOptions"),
                              {{QStringLiteral("force"), QStringLiteral("FieldValueForbidden"),
                                QStringLiteral("Forbidden: may not be specified for non-apply "
                                               "patch")}});
    }
    return *type;
}

QString fieldManagerOf(const HttpRequest &request)
{
    const QString manager = request.queryValue(QStringLiteral("fieldManager"));
    if (!manager.isEmpty())
        return manager;
    return QString::fromUtf8(request.headers.value("User-Agent")).section(u'/', 0, 0).left(128);
}

ServerResult<ApplyRequest> applyRequestOf(const HttpRequest &request)
{
    ApplyRequest apply;
    apply.manager = request.queryValue(QStringLiteral("fieldManager"));
    if (apply.manager.isEmpty()) {
        return invalidOptions(
            QStringLiteral("PatchOptions"),
            {{QStringLiteral("fieldManager"), QStringLiteral("FieldValueRequired"),
              QStringLiteral("Required value: is required for apply patch")}});
    }
    apply.force = request.queryValue(QStringLiteral("force")) == u"true";
    QJsonValue config;
    try {
        config = kube::yamlToJson(YAML::Load(request.body.toStdString()));
    } catch (const YAML::Exception &e) {
        return ApiError::badRequest(
            QStringLiteral("error decoding YAML: %1").arg(QString::fromStdString(e.what())));
    }
    if (!config.isObject()) {
        return ApiError::badRequest(
            QStringLiteral("error decoding YAML: the applied configuration is not an object"));
    }
    apply.config = config.toObject();
    return apply;
}

namespace {

QString optionsKind(const QString &verb)
{
    if (verb == u"create")
        return QStringLiteral("CreateOptions");
    if (verb == u"update")
        return QStringLiteral("UpdateOptions");
    if (verb == u"patch")
        return QStringLiteral("PatchOptions");
    return QStringLiteral("DeleteOptions");
}

// Go's %#v of a []string, as field.NotSupported prints the value.
QString goStringSlice(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(u'"' + v + u'"');
    return u"[]string{" + quoted.join(QStringLiteral(", ")) + u'}';
}

QStringList dryRunValues(const HttpRequest &request, const QString &verb)
{
    if (verb == u"delete" || verb == u"deletecollection") {
        const QJsonDocument body = QJsonDocument::fromJson(request.body);
        if (body.isObject()) {
            QStringList values;
            for (const QJsonValue &v : body.object().value(u"dryRun").toArray())
                values.append(v.toString());
            return values;
        }
    }
    return request.query.value(QStringLiteral("dryRun"));
}

// ValidateDryRun's cause, when a value is not "All".
std::optional<ApiError::FieldCause> dryRunCause(const QStringList &values)
{
    for (const QString &value : values) {
        if (value != u"All") {
            return ApiError::FieldCause{QStringLiteral("dryRun"),
                                        QStringLiteral("FieldValueNotSupported"),
                                        Tr::tr("Unsupported value: %1: supported values: \"All\"")
                                            .arg(goStringSlice(values))};
        }
    }
    return std::nullopt;
}

ApiError invalidOptions(const QString &kind, const QList<ApiError::FieldCause> &causes)
{
    return ApiError::invalid(QStringLiteral("meta.k8s.io"), kind, QString(), causes);
}

// Go's encoding/json error for a DeleteOptions field of the wrong JSON type.
ApiError wrongType(const QString &field, const QJsonValue &value, const QString &goType)
{
    static const char *const names[] = {"null", "bool", "number", "string", "array", "object"};
    const int type = value.isBool()     ? 1
                     : value.isDouble() ? 2
                     : value.isString() ? 3
                     : value.isArray()  ? 4
                     : value.isObject() ? 5
                                        : 0;
    return ApiError::badRequest(
        Tr::tr("json: cannot unmarshal %1 into Go struct field DeleteOptions.%2 of type %3")
            .arg(QLatin1String(names[type]), field, goType));
}

// The body's DeleteOptions: JSON null is an absent field, as Go decodes it.
ServerResult<DeleteRequest> fromBody(const QJsonObject &body, QString &policy)
{
    DeleteRequest request;
    const QJsonValue propagation = body.value(u"propagationPolicy");
    if (!propagation.isNull() && !propagation.isUndefined()) {
        if (!propagation.isString())
            return wrongType(QStringLiteral("propagationPolicy"), propagation,
                             QStringLiteral("v1.DeletionPropagation"));
        policy = propagation.toString();
        request.propagationSent = true;
    }
    const QJsonValue orphan = body.value(u"orphanDependents");
    if (!orphan.isNull() && !orphan.isUndefined()) {
        if (!orphan.isBool())
            return wrongType(QStringLiteral("orphanDependents"), orphan, QStringLiteral("bool"));
        request.orphanDependents = orphan.toBool();
    }
    const QJsonValue preconditions = body.value(u"preconditions");
    if (preconditions.isObject()) {
        for (const QString &key : {QStringLiteral("uid"), QStringLiteral("resourceVersion")}) {
            const QJsonValue value = preconditions.toObject().value(key);
            if (!value.isNull() && !value.isUndefined() && !value.isString())
                return wrongType(u"preconditions." + key, value, QStringLiteral("string"));
        }
        request.options.preconditions = {
            preconditions.toObject().value(u"uid").toString(),
            preconditions.toObject().value(u"resourceVersion").toString()};
    } else if (!preconditions.isNull() && !preconditions.isUndefined()) {
        return wrongType(QStringLiteral("preconditions"), preconditions,
                         QStringLiteral("v1.Preconditions"));
    }
    return request;
}

// The query's DeleteOptions, as the parameter codec converts them: a parameter given at all
// counts, even empty.
ServerResult<DeleteRequest> fromQuery(const HttpRequest &http, QString &policy)
{
    DeleteRequest request;
    if (http.query.contains(QStringLiteral("propagationPolicy"))) {
        policy = http.queryValue(QStringLiteral("propagationPolicy"));
        request.propagationSent = true;
    }
    if (http.query.contains(QStringLiteral("orphanDependents"))) {
        // Convert_Slice_string_To_Pointer_bool: only "0" and "false" (any case) are false.
        const QString value = http.queryValue(QStringLiteral("orphanDependents"));
        request.orphanDependents =
            !(value == u"0" || value.compare(u"false", Qt::CaseInsensitive) == 0);
    }
    if (http.query.contains(QStringLiteral("gracePeriodSeconds"))) {
        // strconv.ParseInt(value, 10, 64); the sandbox deletes at once whatever the period.
        const QString value = http.queryValue(QStringLiteral("gracePeriodSeconds"));
        const QString digits =
            value.startsWith(u'+') || value.startsWith(u'-') ? value.mid(1) : value;
        bool ok = !digits.isEmpty();
        for (const QChar c : digits)
            ok = ok && c >= u'0' && c <= u'9';
        if (!ok)
            return ApiError::badRequest(
                Tr::tr("strconv.ParseInt: parsing \"%1\": invalid syntax").arg(value));
        (void)value.toLongLong(&ok);
        if (!ok)
            return ApiError::badRequest(
                Tr::tr("strconv.ParseInt: parsing \"%1\": value out of range").arg(value));
    }
    return request;
}

} // namespace

ServerResult<WriteMode> writeModeOf(const HttpRequest &request, const QString &verb)
{
    const QStringList values = dryRunValues(request, verb);
    if (const auto cause = dryRunCause(values))
        return invalidOptions(optionsKind(verb), {*cause});
    return values.isEmpty() ? WriteMode::Store : WriteMode::DryRun;
}

ServerResult<DeleteRequest> deleteRequestOf(const HttpRequest &request)
{
    QString policy;
    ServerResult<DeleteRequest> read = DeleteRequest();
    if (!request.body.isEmpty()) {
        const auto body = jsonBody(request);
        if (!body)
            return body.error();
        read = fromBody(*body, policy);
    } else {
        read = fromQuery(request, policy);
    }
    if (!read)
        return read.error();
    DeleteRequest options = *read;
    // ValidateDeleteOptions, every cause at once.
    QList<ApiError::FieldCause> causes;
    if (options.orphanDependents && options.propagationSent) {
        causes.append({QStringLiteral("propagationPolicy"), QStringLiteral("FieldValueInvalid"),
                       Tr::tr("Invalid value: \"%1\": orphanDependents and deletionPropagation "
                              "cannot be both set")
                           .arg(policy)});
    }
    if (options.propagationSent && policy != u"Foreground" && policy != u"Background" &&
        policy != u"Orphan") {
        causes.append({QStringLiteral("propagationPolicy"),
                       QStringLiteral("FieldValueNotSupported"),
                       Tr::tr("Unsupported value: \"%1\": supported values: \"Foreground\", "
                              "\"Background\", \"Orphan\", \"nil\"")
                           .arg(policy)});
    }
    const QStringList dryRun = dryRunValues(request, QStringLiteral("delete"));
    if (const auto cause = dryRunCause(dryRun))
        causes.append(*cause);
    if (!causes.isEmpty())
        return invalidOptions(QStringLiteral("DeleteOptions"), causes);
    options.mode = dryRun.isEmpty() ? WriteMode::Store : WriteMode::DryRun;
    if (options.propagationSent) {
        options.options.propagation = policy == u"Orphan"       ? Propagation::Orphan
                                      : policy == u"Foreground" ? Propagation::Foreground
                                                                : Propagation::Background;
    } else if (options.orphanDependents) {
        options.options.propagation =
            *options.orphanDependents ? Propagation::Orphan : Propagation::Background;
    }
    return options;
}

} // namespace core::sandbox
