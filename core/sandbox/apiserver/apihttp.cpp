#include "core/sandbox/apiserver/apihttp.h"

#include "core/common/tr.h"
#include "core/sandbox/transport/httprequest.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    }
    return QString();
}

ServerResult<PatchType> patchTypeOf(const HttpRequest &request)
{
    const auto type =
        patchTypeFromContentType(QString::fromLatin1(request.headers.value("Content-Type")));
    if (!type) {
        return ApiError::unsupportedMediaType(
            Tr::tr("the body of the request was in an unknown format - accepted media types "
                   "include: application/json-patch+json, application/merge-patch+json, "
                   "application/strategic-merge-patch+json"));
    }
    return *type;
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

} // namespace

ServerResult<WriteMode> writeModeOf(const HttpRequest &request, const QString &verb)
{
    const QStringList values = dryRunValues(request, verb);
    if (values.isEmpty())
        return WriteMode::Store;
    for (const QString &value : values) {
        if (value == u"All")
            continue;
        const QString kind = optionsKind(verb);
        const QString detail =
            Tr::tr("Unsupported value: %1: supported values: \"All\"").arg(goStringSlice(values));
        const QJsonObject cause{
            {QStringLiteral("reason"), QStringLiteral("FieldValueNotSupported")},
            {QStringLiteral("message"), detail},
            {QStringLiteral("field"), QStringLiteral("dryRun")}};
        const QJsonObject details{{QStringLiteral("group"), QStringLiteral("meta.k8s.io")},
                                  {QStringLiteral("kind"), kind},
                                  {QStringLiteral("causes"), QJsonArray{cause}}};
        return ApiError{422, QStringLiteral("Invalid"),
                        Tr::tr("%1.meta.k8s.io \"\" is invalid: dryRun: %2").arg(kind, detail),
                        details, QString()};
    }
    return WriteMode::DryRun;
}

} // namespace core::sandbox
