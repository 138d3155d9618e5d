#pragma once

#include <QString>

namespace core::sandbox {

// What a request path addresses, parsed as kube-apiserver's RequestInfoFactory does:
// /api/v1/[namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE]] and the same under /apis/GROUP/VERSION.
struct ApiRequestInfo
{
    bool isResourceRequest = false;
    QString group;
    QString version;
    QString nameSpace;
    QString resource;
    QString name;
    QString subresource;
    QString verb; // get, list, watch, create, update, patch, delete, deletecollection
};

ApiRequestInfo parseApiRequest(const QString &path, const QByteArray &method, bool watchFlag);

} // namespace core::sandbox
