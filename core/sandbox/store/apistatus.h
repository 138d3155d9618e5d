#pragma once

#include "core/common/result.h"
#include "core/sandbox/store/resourcetype.h"

#include <QJsonObject>
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
    // 422 with one field cause; `causeReason` is a metav1.CauseType ("FieldValueRequired").
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
