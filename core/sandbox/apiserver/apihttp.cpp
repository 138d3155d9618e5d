#include "core/sandbox/apiserver/apihttp.h"

#include "core/common/tr.h"
#include "core/sandbox/transport/httprequest.h"

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

} // namespace core::sandbox
