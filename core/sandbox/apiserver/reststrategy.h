#pragma once

#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/resourcetype.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace core::sandbox {

struct ApiResource;

// What kube-apiserver's REST strategy for a resource does to an object before it is stored:
// defaults on create and update, validation, and for resources with a status subresource the
// split between the main resource (the stored .status is kept) and /status (only .status
// changes); and what a delete that names no propagation does to its dependents.
class RestStrategy
{
public:
    explicit RestStrategy(const ApiResource &resource);

    bool hasStatus() const { return m_hasStatus; }

    // Defaults, then validate(); the Service clusterIP and the Job selector need the store (see
    // apidefaults.h).
    ServerResult<QJsonObject> prepareForCreate(const QJsonObject &object) const;
    // A PUT or PATCH of the main resource: defaults, the stored status, the allocated clusterIP
    // and generated Job selector when the client left them out; then validate().
    ServerResult<QJsonObject> prepareForUpdate(const QJsonObject &stored,
                                               const QJsonObject &sent) const;
    // The strategy's Validate: for Deployments, ReplicaSets and StatefulSets a negative
    // spec.replicas is 422, `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1:
    // must be greater than or equal to 0`, with the cause on field spec.replicas.
    std::optional<ApiError> validate(const QJsonObject &object) const;
    // ValidateNonnegativeField on a replica count (the specs above and a Scale's spec.replicas):
    // the cause when it is negative.
    static std::optional<ApiError::FieldCause> checkReplicas(const QJsonValue &replicas);
    // DefaultGarbageCollectionPolicy: batch/v1 Jobs orphan their pods unless told otherwise,
    // for compatibility; every other served resource deletes its dependents in the background.
    GcPolicy defaultGarbageCollectionPolicy() const;
    // The warning a delete that names no propagation gets (the Job REST's, as its pods stay);
    // empty for the others.
    QString defaultPropagationWarning() const;
    // A PUT or PATCH of /status: the stored object with the client's .status (and its
    // resourceVersion and uid as preconditions).
    ServerResult<QJsonObject> prepareForStatusUpdate(const QJsonObject &stored,
                                                     const QJsonObject &sent) const;
    // `next` with the stored metadata, but the client's resourceVersion and uid (the write's
    // preconditions; absent ones are no precondition): what a subresource write keeps.
    static QJsonObject withPreconditionsOf(QJsonObject next, const QJsonObject &stored,
                                           const QJsonObject &sent);

private:
    ResourceType m_type;
    bool m_hasStatus = false;
};

} // namespace core::sandbox
