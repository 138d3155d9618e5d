#pragma once

#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/jsonpatch.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpresponse.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace core::sandbox {

struct HttpRequest;

// Where the Kubernetes API meets HTTP: what the router reads from a request and how an API
// answer becomes a response. The store and everything under it never see HTTP.

// `error.code` with the metav1.Status as a compact JSON body.
HttpResponse statusResponse(const ApiError &error);
// `status` with the object as a compact JSON body.
HttpResponse jsonResponse(int status, const QJsonObject &object);

// The request body as a JSON object; 400 BadRequest when it is not one.
ServerResult<QJsonObject> jsonBody(const HttpRequest &request);

// The patch bodies a PATCH may carry, by Content-Type: "application/json-patch+json",
// "application/merge-patch+json", "application/strategic-merge-patch+json",
// "application/apply-patch+yaml" (parameters such as "; charset=utf-8" are ignored).
std::optional<PatchType> patchTypeFromContentType(const QString &contentType);
QString contentType(PatchType type);
// The patch type of a PATCH request; 415 UnsupportedMediaType for any other Content-Type, as
// the API server answers; ValidatePatchOptions' 422 `PatchOptions.meta.k8s.io "" is invalid:
// force: Forbidden: may not be specified for non-apply patch` for `force` on another type.
ServerResult<PatchType> patchTypeOf(const HttpRequest &request);

// The field manager of a write: the `fieldManager` query parameter, else the User-Agent up to
// its first "/" (kube-apiserver's prefixFromUserAgent), as managedFields name it.
QString fieldManagerOf(const HttpRequest &request);

// A server-side apply (PATCH with application/apply-patch+yaml): the applied configuration from
// the YAML or JSON body (400 `error decoding YAML: ...` when it is no object), the required
// `fieldManager` (422 `PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is
// required for apply patch`) and `force`.
struct ApplyRequest
{
    QJsonObject config;
    QString manager;
    bool force = false;
};
ServerResult<ApplyRequest> applyRequestOf(const HttpRequest &request);

// The dryRun option of a write (`verb` create, update, patch, delete or deletecollection): from
// the query, or for a delete from its DeleteOptions body when it has one, as the API server
// decodes them. None = a real write, "All" = WriteMode::DryRun; any other value is kube-apiserver's
// ValidateDryRun answer, 422 `CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported
// value: []string{"x"}: supported values: "All"` (UpdateOptions, PatchOptions, DeleteOptions
// for the other verbs).
ServerResult<WriteMode> writeModeOf(const HttpRequest &request, const QString &verb);

// A DELETE's metav1.DeleteOptions as kube-apiserver's delete handler reads them: from the body
// when there is one (kubectl sends {"kind":"DeleteOptions","propagationPolicy":"Background"}),
// else from the query (gracePeriodSeconds, orphanDependents, propagationPolicy, dryRun;
// preconditions only come in a body).
struct DeleteRequest
{
    DeleteOptions options; // preconditions and propagation; the default policy is the resource's
    WriteMode mode = WriteMode::Store;
    std::optional<bool> orphanDependents; // the deprecated field, as sent
    bool propagationSent = false;         // propagationPolicy or orphanDependents was given
};
// 400 for a body that is no JSON object or a field of the wrong type, or a query
// gracePeriodSeconds that is no integer; then ValidateDeleteOptions' 422 `DeleteOptions.meta.k8s.io
// "" is invalid: ...`: orphanDependents and propagationPolicy both set, a propagationPolicy
// other than Foreground, Background and Orphan (`propagationPolicy: Unsupported value: "x":
// supported values: "Foreground", "Background", "Orphan", "nil"`), a dryRun other than All.
ServerResult<DeleteRequest> deleteRequestOf(const HttpRequest &request);

} // namespace core::sandbox
