#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>

namespace core::sandbox {

class EventRecorder;
class ObjectStore;

// A virtual-kubelet node's lock after a failed CCI admission (guide, SPEC 7: 30 minutes). The
// Node object is the state, so kubectl and the console see it and can lift it: annotation
// `burst.sandbox/locked-until` (RFC 3339, "" when unlocked) plus the taint
// `virtual-kubelet.io/locked=true:NoSchedule` while locked. Removing the annotation
// (`kubectl annotate node virtual-kubelet burst.sandbox/locked-until-`) unlocks. How a lock
// shows is a sandbox invention (the guide does not say); the keys and the readers
// (burst::lockedUntil(), burst::hasLockTaint()) are in core/burst/cciconventions.h.
class VkNodeLock
{
public:
    VkNodeLock(ObjectStore &store, EventRecorder &events, QString nodeName);

    static QString annotationKey(); // burst::kLockedUntilAnnotation
    static QString taintKey();      // burst::kLockTaintKey

    // Reads the lock state from a watched Node object.
    void observe(const QJsonObject &node);
    bool isLocked(const QDateTime &now) const;
    QDateTime until() const { return m_until; }

    // Locks until now + duration; returns the Node as written (empty if the write failed).
    QJsonObject lock(const QDateTime &now, std::chrono::milliseconds duration,
                     const QString &cause);
    // Lifts an expired lock and removes a taint left behind by an annotation cleared through the
    // API. Returns the Node as written when it changed it, else an empty object.
    QJsonObject expire(const QDateTime &now);
    // The console's unlock action: clears the annotation; the next expire() drops the taint.
    bool unlock() { return unlock(m_store, m_nodeName); }
    static bool unlock(ObjectStore &store, const QString &nodeName);

private:
    QJsonObject writeLockState(const QString &annotation, bool tainted);

    ObjectStore &m_store;
    EventRecorder &m_events;
    QString m_nodeName;
    QDateTime m_until;
    bool m_tainted = false;
    bool m_known = false;
};

} // namespace core::sandbox
