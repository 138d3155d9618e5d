#include "core/sandbox/apiserver/reststrategy.h"

#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/sandbox/apiserver/apidefaults.h"
#include "core/sandbox/apiserver/apiresources.h"

namespace core::sandbox {

namespace {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(u"metadata").toObject();
}

QJsonObject withStatusOf(QJsonObject object, const QJsonObject &from)
{
    if (from.contains(u"status"))
        object.insert(QStringLiteral("status"), from.value(u"status"));
    else
        object.remove(QStringLiteral("status"));
    return object;
}

// The Job's selector and template labels are generated from the stored uid, which a PUT body
// may lack.
QJsonObject withStoredJobSelector(const QJsonObject &job, const QJsonObject &stored)
{
    QJsonObject probe = job;
    QJsonObject meta = metadataOf(job);
    meta.insert(QStringLiteral("uid"), metadataOf(stored).value(u"uid"));
    meta.insert(QStringLiteral("name"), metadataOf(stored).value(u"name"));
    probe.insert(QStringLiteral("metadata"), meta);
    QJsonObject spec = probe.value(u"spec").toObject();
    const QJsonObject storedSpec = stored.value(u"spec").toObject();
    if (!spec.contains(u"selector") && storedSpec.contains(u"selector")) {
        spec.insert(QStringLiteral("selector"), storedSpec.value(u"selector"));
        probe.insert(QStringLiteral("spec"), spec);
    }
    probe = withJobSelector(probe);
    probe.insert(QStringLiteral("metadata"), job.value(u"metadata"));
    return probe;
}

} // namespace

RestStrategy::RestStrategy(const ApiResource &resource)
    : m_type(resource.type), m_hasStatus(resource.subresources.contains(u"status"))
{
}

ServerResult<QJsonObject> RestStrategy::prepareForCreate(const QJsonObject &object) const
{
    const QJsonObject next = withApiDefaults(m_type, object);
    if (const auto error = validate(next))
        return *error;
    return next;
}

ServerResult<QJsonObject> RestStrategy::prepareForUpdate(const QJsonObject &stored,
                                                         const QJsonObject &sent) const
{
    QJsonObject next = withApiDefaults(m_type, sent);
    if (m_hasStatus)
        next = withStatusOf(next, stored);
    if (m_type.group.isEmpty() && m_type.resource == u"services")
        next = withStoredClusterIp(next, stored);
    if (m_type.group == u"batch" && m_type.resource == u"jobs")
        next = withStoredJobSelector(next, stored);
    if (const auto error = validate(next))
        return *error;
    return next;
}

std::optional<ApiError> RestStrategy::validate(const QJsonObject &object) const
{
    if (m_type != deploymentsType() && m_type != replicaSetsType() && m_type != statefulSetsType())
        return std::nullopt;
    const auto cause = checkReplicas(object.value(u"spec").toObject().value(u"replicas"));
    if (!cause)
        return std::nullopt;
    return ApiError::invalid(m_type.group, m_type.kind, kube::nameOf(object), {*cause});
}

std::optional<ApiError::FieldCause> RestStrategy::checkReplicas(const QJsonValue &replicas)
{
    if (!replicas.isDouble() || replicas.toDouble() >= 0)
        return std::nullopt;
    // Go prints the int32 with %v.
    return ApiError::FieldCause{QStringLiteral("spec.replicas"),
                                QStringLiteral("FieldValueInvalid"),
                                Tr::tr("Invalid value: %1: must be greater than or equal to 0")
                                    .arg(QString::number(replicas.toDouble(), 'g', 16))};
}

GcPolicy RestStrategy::defaultGarbageCollectionPolicy() const
{
    return m_type == jobsType() ? GcPolicy::OrphanDependents : GcPolicy::DeleteDependents;
}

QString RestStrategy::defaultPropagationWarning() const
{
    if (defaultGarbageCollectionPolicy() != GcPolicy::OrphanDependents)
        return QString();
    return Tr::tr("child pods are preserved by default when jobs are deleted; set "
                  "propagationPolicy=Background to remove them or set propagationPolicy=Orphan "
                  "to suppress this warning");
}

ServerResult<QJsonObject> RestStrategy::prepareForStatusUpdate(const QJsonObject &stored,
                                                               const QJsonObject &sent) const
{
    return withPreconditionsOf(withStatusOf(stored, sent), stored, sent);
}

QJsonObject RestStrategy::withPreconditionsOf(QJsonObject next, const QJsonObject &stored,
                                              const QJsonObject &sent)
{
    QJsonObject meta = metadataOf(stored);
    const QJsonObject sentMeta = metadataOf(sent);
    for (const QString &key : {QStringLiteral("resourceVersion"), QStringLiteral("uid")}) {
        if (sentMeta.contains(key))
            meta.insert(key, sentMeta.value(key));
        else
            meta.remove(key);
    }
    next.insert(QStringLiteral("metadata"), meta);
    return next;
}

} // namespace core::sandbox
