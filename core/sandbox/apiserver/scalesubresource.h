#pragma once

#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/jsonpatch.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/resourcetype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace core::sandbox {

struct ApiResource;

// The autoscaling/v1 Scale of a deployment, replica set or stateful set (`kubectl scale`): its
// spec.replicas is the parent's, status.replicas and status.selector (the label selector as a
// string) are read from it; writing it changes only the parent's spec.replicas, with the Scale's
// resourceVersion as the precondition.
class ScaleSubresource
{
public:
    ScaleSubresource(ObjectStore &store, const ApiResource &resource, QString namespaceName,
                     QString name, WriteMode mode = WriteMode::Store);

    static bool serves(const ApiResource &resource);

    ServerResult<QJsonObject> get() const;
    ServerResult<QJsonObject> update(const QJsonObject &scale);
    ServerResult<QJsonObject> patch(PatchType patchType, const QByteArray &body);

    static QJsonObject toScale(const QJsonObject &parent);
    // The parent with the Scale's spec.replicas (and its resourceVersion and uid as
    // preconditions); a negative count is ValidateScale's 422, `Scale.autoscaling "web" is
    // invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
    static ServerResult<QJsonObject> withScale(const QJsonObject &parent, const QJsonObject &scale);

private:
    ObjectStore &m_store;
    ResourceType m_type;
    QString m_namespace;
    QString m_name;
    WriteMode m_mode;
};

} // namespace core::sandbox
