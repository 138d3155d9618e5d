#pragma once

#include "core/common/result.h"
#include "core/sandbox/store/resourcetype.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>
#include <variant>

namespace core::sandbox {

// A failed API call as the Kubernetes API server reports it: the HTTP code, a stable reason
// (NotFound, AlreadyExists, Conflict, Invalid, Expired, Gone, BadRequest, MethodNotAllowed,
// UnsupportedMediaType, InternalError) and a translated message; toStatus() is the metav1.Status
// body.
struct ApiError
{
    int code = 500;
    QString reason;
    QString message;
    QJsonObject details;   // name, group, kind, causes
    QString continueToken; // Expired list continuation: the token to go on inconsistently

    QJsonObject toStatus() const; // the router sends it with statusResponse() (apihttp.h)

    static ApiError notFound(const ResourceType &type, const QString &name);
    static ApiError alreadyExists(const ResourceType &type, const QString &name);
    // "Operation cannot be fulfilled on pods \"x\": <detail>"
    static ApiError conflict(const ResourceType &type, const QString &name, const QString &detail);
    // The same naming the object by its kind, as rest.BeforeDelete does: "... on Pod \"x\"",
    // "... on Deployment.apps \"x\"" (details.kind "Deployment", details.group "apps").
    static ApiError conflictOnKind(const ResourceType &type, const QString &name,
                                   const QString &detail);

    // One field.Error of a 422: its field path, metav1.CauseType ("FieldValueInvalid") and
    // body ("Invalid value: -1: must be greater than or equal to 0").
    struct FieldCause
    {
        QString field;
        QString reason;
        QString detail;
    };
    // errors.NewInvalid: `Deployment.apps "web" is invalid: spec.replicas: Invalid value: ...`
    // (the kind qualified by its group, the causes joined as Go's aggregate error joins them);
    // details.name is left out when `name` is empty, as metav1.StatusDetails omits it.
    static ApiError invalid(const QString &group, const QString &kind, const QString &name,
                            const QList<FieldCause> &causes);
    // The same for one field cause of an object of `type`.
    static ApiError invalid(const ResourceType &type, const QString &name, const QString &field,
                            const QString &causeReason, const QString &detail);
    static ApiError badRequest(const QString &message);
    static ApiError methodNotAllowed(const QString &message);
    static ApiError expired(const QString &message, const QString &continueToken = {});
    static ApiError unsupportedMediaType(const QString &message);
    static ApiError internalError(const QString &message);
    // A jsonpatch error code mapped to the status the API server answers with (see jsonpatch.h).
    static ApiError fromPatchError(const ResourceType &type, const QString &name,
                                   const Error &error);
};

// Either a T or the ApiError to send back.
template <typename T> using ServerResult = Result<T, ApiError>;

} // namespace core::sandbox
