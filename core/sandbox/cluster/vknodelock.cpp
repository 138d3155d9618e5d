#include "core/sandbox/cluster/vknodelock.h"

#include "core/burst/cciconventions.h"
#include "core/common/tr.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>

namespace core::sandbox {

namespace {

QJsonObject lockTaint()
{
    return QJsonObject{{QStringLiteral("key"), VkNodeLock::taintKey()},
                       {QStringLiteral("value"), QStringLiteral("true")},
                       {QStringLiteral("effect"), QStringLiteral("NoSchedule")}};
}

QString rfc3339(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

VkNodeLock::VkNodeLock(ObjectStore &store, EventRecorder &events, QString nodeName)
    : m_store(store), m_events(events), m_nodeName(std::move(nodeName))
{
}

QString VkNodeLock::annotationKey()
{
    return burst::kLockedUntilAnnotation;
}

QString VkNodeLock::taintKey()
{
    return burst::kLockTaintKey;
}

void VkNodeLock::observe(const QJsonObject &node)
{
    m_until = burst::lockedUntil(node);
    m_tainted = burst::hasLockTaint(node);
    m_known = true;
}

bool VkNodeLock::isLocked(const QDateTime &now) const
{
    return m_until.isValid() && now < m_until;
}

QJsonObject VkNodeLock::writeLockState(const QString &annotation, bool tainted)
{
    auto current = m_store.get(nodesType(), QString(), m_nodeName);
    if (!current)
        return {};
    QJsonObject node = *current;
    QJsonObject meta = node.value(u"metadata").toObject();
    QJsonObject annotations = meta.value(u"annotations").toObject();
    annotations.insert(annotationKey(), annotation);
    meta.insert(QStringLiteral("annotations"), annotations);
    node.insert(QStringLiteral("metadata"), meta);
    QJsonObject spec = node.value(u"spec").toObject();
    QJsonArray taints;
    for (const QJsonValue &t : spec.value(u"taints").toArray()) {
        if (t.toObject().value(u"key").toString() != taintKey())
            taints.append(t);
    }
    if (tainted)
        taints.append(lockTaint());
    spec.insert(QStringLiteral("taints"), taints);
    node.insert(QStringLiteral("spec"), spec);
    auto written = m_store.update(nodesType(), QString(), m_nodeName, node);
    if (!written)
        return {};
    observe(*written);
    return *written;
}

QJsonObject VkNodeLock::lock(const QDateTime &now, std::chrono::milliseconds duration,
                             const QString &cause)
{
    const QDateTime until = now.addMSecs(duration.count());
    const QJsonObject node = writeLockState(rfc3339(until), true);
    if (!node.isEmpty())
        m_events.record(node, QStringLiteral("Warning"), QStringLiteral("VirtualKubeletLocked"),
                        Tr::tr("CCI refused a pod (%1); no pods are sent to CCI until %2")
                            .arg(cause, rfc3339(until)),
                        now);
    return node;
}

QJsonObject VkNodeLock::expire(const QDateTime &now)
{
    if (!m_known || isLocked(now))
        return {};
    const bool expired = m_until.isValid();
    if (!expired && !m_tainted)
        return {};
    const QJsonObject node = writeLockState(QString(), false);
    if (!node.isEmpty())
        m_events.record(node, QStringLiteral("Normal"), QStringLiteral("VirtualKubeletUnlocked"),
                        expired ? Tr::tr("the lock after a failed CCI admission ended")
                                : Tr::tr("the lock was cleared through the API"),
                        now);
    return node;
}

bool VkNodeLock::unlock(ObjectStore &store, const QString &nodeName)
{
    auto current = store.get(nodesType(), QString(), nodeName);
    if (!current)
        return false;
    QJsonObject node = *current;
    QJsonObject meta = node.value(u"metadata").toObject();
    QJsonObject annotations = meta.value(u"annotations").toObject();
    annotations.remove(annotationKey());
    meta.insert(QStringLiteral("annotations"), annotations);
    node.insert(QStringLiteral("metadata"), meta);
    return bool(store.update(nodesType(), QString(), nodeName, node));
}

} // namespace core::sandbox
