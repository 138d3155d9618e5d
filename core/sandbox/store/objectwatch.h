#pragma once

#include "core/kube/fieldselector.h"
#include "core/kube/labelselector.h"
#include "core/kube/watchstream.h"
#include "core/sandbox/store/resourcetype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <condition_variable>
#include <functional>
#include <mutex>

namespace core::sandbox {

// One event of a watch stream, as the API server sends it: {"type": "ADDED", "object": {...}}.
// (kube::WatchEvent is the client's side of the same frame.)
struct StoreEvent
{
    using Type = kube::WatchEventType;
    Type type = Type::Added;
    QJsonObject object;
    // The compact JSON of `object` when it is the form the store keeps (empty when not known):
    // consumers that need bytes share the store's instead of serialising 4 KB again.
    QByteArray json = {};

    static QString typeName(Type type) { return kube::watchEventTypeName(type); } // "ADDED", ...
    QJsonObject toJson() const { return kube::watchEventFrame(type, object); }
};

struct WatchOptions
{
    QString namespaceName; // "" = all namespaces (and cluster-scoped resources)
    kube::LabelSelector labelSelector;
    kube::FieldSelector fieldSelector;
    // Events after this resourceVersion. "" or "0": the current objects as ADDED first, then
    // every later change. Older than the kept history: 410 Expired from ObjectStore::watch().
    QString resourceVersion;
    bool allowBookmarks = false; // requestBookmark() is ignored without it
    // The consumer writes each event's JSON bytes as they are (not a Table) and reads nothing
    // else of StoreEvent::object. A resuming watch that matches every object (no namespace,
    // no selectors) then replays the kept history's bytes without parsing them: at 100k pods
    // under churn a resume replays thousands of changes, and parsing each (before and after)
    // under the store's write lock took 92% of the server thread (issue 12's soak).
    bool bytesSuffice = false;
};

// A change the store made, with the object before it (for selector transitions).
struct StoreChange
{
    qint64 revision = 0;
    ResourceType type;
    StoreEvent::Type eventType = StoreEvent::Type::Added;
    QJsonObject object;   // after the change; for a deletion, the last state with `revision`
    QJsonObject previous; // before a modification; empty otherwise
    QByteArray objectJson = {}; // the compact JSON of `object` (empty when not known)
};

// One subscription of ObjectStore::watch(). The store fills the queue from whichever thread
// writes; the consumer (the HTTP layer) drains it from its own thread by polling takeEvents(),
// by blocking in waitForEvents() on a worker thread, or when the notifier fires.
//
// Selectors are evaluated as the API server's watch cache does: a modification that makes an
// object match arrives as ADDED, one that makes it stop matching as DELETED (with the previous
// content and the new resourceVersion).
class Watch
{
public:
    Watch(const ResourceType &type, WatchOptions options, qint64 revision, qsizetype queueLimit);

    QList<StoreEvent> takeEvents();
    // At most the `maxEvents` oldest; the rest stay queued (a consumer pacing its writes).
    QList<StoreEvent> takeEvents(qsizetype maxEvents);
    qsizetype queuedEvents() const;
    // Replaces the store's watchQueueLimit for this watch (0 = no limit): more unread events
    // than this stop it and drop what it queued.
    void setQueueLimit(qsizetype limit);
    // Blocks until events are queued, the watch stopped, or `timeoutMs` passed; true unless it
    // timed out. Never call it on the GUI thread.
    bool waitForEvents(int timeoutMs);
    // Called on the writer's thread, outside the store's lock, after events were queued or the
    // watch stopped. It must be cheap and thread-safe (post to an event loop or io_context).
    void setNotifier(std::function<void()> notifier);
    // Queues a BOOKMARK carrying the resourceVersion this watch is current with, if the watch was
    // opened with allowBookmarks. The caller decides the interval.
    void requestBookmark();
    void stop();
    // True after stop(), after the store went away, or when more than the store's
    // watchQueueLimit (or setQueueLimit()) events were left unread (the API server closes such
    // watches too; the client watches again from its last resourceVersion).
    bool isStopped() const;
    QString resourceVersion() const; // the revision the queued events bring the consumer to

    // Store side. offer() returns whether it queued an event (or stopped the watch).
    bool offer(const StoreChange &change);
    // A change as its compact JSON only, with an object-less event: for watches that match
    // every object and whose consumer needs only bytes (WatchOptions::bytesSuffice).
    bool offerBytes(StoreEvent::Type type, const QByteArray &json);
    bool matchesEverything() const;
    void queueInitial(const QJsonObject &object);
    void advanceTo(qint64 revision);
    void notify();
    bool matches(const QJsonObject &object) const;

private:
    bool push(StoreEvent::Type type, const QJsonObject &object, const QByteArray &json = {});

    const ResourceType m_type;
    const WatchOptions m_options;
    // std:: primitives, not QMutex/QWaitCondition: ThreadSanitizer (scripts/tsan.sh) sees
    // them, while QWaitCondition::wait releases a QMutex inside uninstrumented Qt code.
    mutable std::mutex m_mutex;
    qsizetype m_queueLimit;
    std::condition_variable m_ready;
    QList<StoreEvent> m_queue;
    qint64 m_revision = 0;
    bool m_stopped = false;
    std::function<void()> m_notifier;
};

} // namespace core::sandbox
