#include "core/sandbox/apiserver/apirequestinfo.h"

#include "core/kube/selectorparser.h"
#include "core/sandbox/transport/httprequest.h"

#include <QStringList>

namespace core::sandbox {

ApiRequestInfo parseApiRequest(const QString &path, const QByteArray &method, bool watchFlag)
{
    ApiRequestInfo info;
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() >= 2 && parts.at(0) == u"api") {
        info.version = parts.at(1);
        parts = parts.mid(2);
    } else if (parts.size() >= 3 && parts.at(0) == u"apis") {
        info.group = parts.at(1);
        info.version = parts.at(2);
        parts = parts.mid(3);
    } else {
        return info;
    }
    if (parts.isEmpty())
        return info;
    if (parts.at(0) == u"namespaces" && parts.size() > 1) {
        info.nameSpace = parts.at(1);
        // "namespaces/NS/status" and "namespaces/NS/finalize" are the namespace's own
        // subresources; anything else after the name is a resource inside the namespace.
        if (parts.size() > 2 && parts.at(2) != u"status" && parts.at(2) != u"finalize")
            parts = parts.mid(2);
    }
    info.isResourceRequest = true;
    info.resource = parts.value(0);
    info.name = parts.value(1);
    info.subresource = parts.value(2);
    if (info.resource == u"namespaces")
        info.nameSpace.clear();
    const bool hasName = !info.name.isEmpty();
    if (method == "GET" || method == "HEAD")
        info.verb = hasName ? QStringLiteral("get")
                            : (watchFlag ? QStringLiteral("watch") : QStringLiteral("list"));
    else if (method == "POST")
        info.verb = QStringLiteral("create");
    else if (method == "PUT")
        info.verb = QStringLiteral("update");
    else if (method == "PATCH")
        info.verb = QStringLiteral("patch");
    else if (method == "DELETE")
        info.verb = hasName ? QStringLiteral("delete") : QStringLiteral("deletecollection");
    return info;
}

ServerResult<RequestSelectors> readSelectors(const HttpRequest &request)
{
    RequestSelectors selectors;
    const QString label = request.queryValue(QStringLiteral("labelSelector"));
    if (!label.isEmpty()) {
        const auto parsed = kube::parseLabelSelector(label);
        if (!parsed)
            return ApiError::badRequest(parsed.error().message);
        selectors.labels = *parsed;
    }
    const QString field = request.queryValue(QStringLiteral("fieldSelector"));
    if (!field.isEmpty()) {
        const auto parsed = kube::parseFieldSelector(field);
        if (!parsed)
            return ApiError::badRequest(parsed.error().message);
        selectors.fields = *parsed;
    }
    return selectors;
}

} // namespace core::sandbox
