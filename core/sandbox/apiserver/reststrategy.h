#pragma once

#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/resourcetype.h"

#include <QJsonObject>

namespace core::sandbox {

struct ApiResource;

// What kube-apiserver's REST strategy for a resource does to an object before it is stored:
// defaults on create and update, and for resources with a status subresource the split between
// the main resource (the stored .status is kept) and /status (only .status changes).
class RestStrategy
{
public:
    explicit RestStrategy(const ApiResource &resource);

    bool hasStatus() const { return m_hasStatus; }

    // Defaults only; the Service clusterIP and the Job selector need the store (see apidefaults.h).
    QJsonObject prepareForCreate(const QJsonObject &object) const;
    // A PUT or PATCH of the main resource: defaults, the stored status, the allocated clusterIP
    // and generated Job selector when the client left them out.
    ServerResult<QJsonObject> prepareForUpdate(const QJsonObject &stored,
                                               const QJsonObject &sent) const;
    // A PUT or PATCH of /status: the stored object with the client's .status (and its
    // resourceVersion and uid as preconditions).
    ServerResult<QJsonObject> prepareForStatusUpdate(const QJsonObject &stored,
                                                     const QJsonObject &sent) const;

private:
    ResourceType m_type;
    bool m_hasStatus = false;
};

} // namespace core::sandbox
