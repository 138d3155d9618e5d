#include "core/sandbox/apiserver/reststrategy.h"

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

QJsonObject RestStrategy::prepareForCreate(const QJsonObject &object) const
{
    return withApiDefaults(m_type, object);
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
    return next;
}

ServerResult<QJsonObject> RestStrategy::prepareForStatusUpdate(const QJsonObject &stored,
                                                               const QJsonObject &sent) const
{
    QJsonObject next = withStatusOf(stored, sent);
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
