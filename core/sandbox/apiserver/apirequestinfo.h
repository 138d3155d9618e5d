#pragma once

#include "core/kube/fieldselector.h"
#include "core/kube/labelselector.h"
#include "core/sandbox/store/apistatus.h"

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

struct HttpRequest;

// The labelSelector and fieldSelector query parameters of a list or watch; 400 BadRequest with
// the parser's message when one does not parse.
struct RequestSelectors
{
    kube::LabelSelector labels;
    kube::FieldSelector fields{{}};
};
ServerResult<RequestSelectors> readSelectors(const HttpRequest &request);

} // namespace core::sandbox
