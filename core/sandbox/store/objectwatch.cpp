#include "core/sandbox/store/objectwatch.h"

#include "core/sandbox/store/objectmeta.h"

#include <chrono>

namespace core::sandbox {

Watch::Watch(const ResourceType &type, WatchOptions options, qint64 revision, qsizetype queueLimit)
    : m_type(type), m_options(std::move(options)), m_queueLimit(queueLimit), m_revision(revision)
{
}

QList<StoreEvent> Watch::takeEvents()
{
    std::unique_lock locker(m_mutex);
    return std::exchange(m_queue, {});
}

QList<StoreEvent> Watch::takeEvents(qsizetype maxEvents)
{
    std::unique_lock locker(m_mutex);
    if (m_queue.size() <= maxEvents)
        return std::exchange(m_queue, {});
    QList<StoreEvent> taken = m_queue.first(maxEvents);
    m_queue.remove(0, maxEvents); // QList frees the front without moving the rest
    return taken;
}

qsizetype Watch::queuedEvents() const
{
    std::unique_lock locker(m_mutex);
    return m_queue.size();
}

void Watch::setQueueLimit(qsizetype limit)
{
    std::unique_lock locker(m_mutex);
    m_queueLimit = limit;
}

bool Watch::waitForEvents(int timeoutMs)
{
    std::unique_lock locker(m_mutex);
    m_ready.wait_for(locker, std::chrono::milliseconds(timeoutMs),
                     [this] { return !m_queue.isEmpty() || m_stopped; });
    return !m_queue.isEmpty() || m_stopped;
}

void Watch::setNotifier(std::function<void()> notifier)
{
    std::unique_lock locker(m_mutex);
    m_notifier = std::move(notifier);
}

void Watch::requestBookmark()
{
    if (!m_options.allowBookmarks)
        return;
    {
        std::unique_lock locker(m_mutex);
        if (m_stopped)
            return;
        const QJsonObject metadata{
            {QStringLiteral("resourceVersion"), QString::number(m_revision)}};
        m_queue << StoreEvent{StoreEvent::Type::Bookmark,
                              {{QStringLiteral("kind"), m_type.kind},
                               {QStringLiteral("apiVersion"), m_type.apiVersion()},
                               {QStringLiteral("metadata"), metadata}}};
        m_ready.notify_all();
    }
    notify();
}

void Watch::stop()
{
    {
        std::unique_lock locker(m_mutex);
        m_stopped = true;
        m_ready.notify_all();
    }
    notify();
}

bool Watch::isStopped() const
{
    std::unique_lock locker(m_mutex);
    return m_stopped;
}

QString Watch::resourceVersion() const
{
    std::unique_lock locker(m_mutex);
    return QString::number(m_revision);
}

bool Watch::matches(const QJsonObject &object) const
{
    const QJsonObject metadata = object.value(u"metadata").toObject();
    if (!m_options.namespaceName.isEmpty() &&
        metadata.value(u"namespace").toString() != m_options.namespaceName)
        return false;
    if (!m_options.labelSelector.isEmpty() && !m_options.labelSelector.matches(labelsOf(object)))
        return false;
    return m_options.fieldSelector.matches(object);
}

bool Watch::matchesEverything() const
{
    return m_options.namespaceName.isEmpty() && m_options.labelSelector.isEmpty() &&
           m_options.fieldSelector.isEmpty();
}

bool Watch::offerBytes(StoreEvent::Type type, const QByteArray &json)
{
    Q_ASSERT(matchesEverything());
    return push(type, {}, json);
}

bool Watch::offer(const StoreChange &change)
{
    if (!(change.type == m_type))
        return false;
    const bool now = matches(change.object);
    switch (change.eventType) {
    case StoreEvent::Type::Modified: {
        const bool before = matches(change.previous);
        if (now)
            return push(before ? StoreEvent::Type::Modified : StoreEvent::Type::Added,
                        change.object, change.objectJson);
        if (before) {
            return push(StoreEvent::Type::Deleted,
                        withMetadata(change.previous, QStringLiteral("resourceVersion"),
                                     QString::number(change.revision)));
        }
        return false;
    }
    case StoreEvent::Type::Added:
    case StoreEvent::Type::Deleted:
        return now && push(change.eventType, change.object, change.objectJson);
    default:
        return false;
    }
}

void Watch::queueInitial(const QJsonObject &object)
{
    if (matches(object))
        push(StoreEvent::Type::Added, object);
}

void Watch::advanceTo(qint64 revision)
{
    std::unique_lock locker(m_mutex);
    m_revision = std::max(m_revision, revision);
}

void Watch::notify()
{
    std::function<void()> notifier;
    {
        std::unique_lock locker(m_mutex);
        notifier = m_notifier;
    }
    if (notifier)
        notifier();
}

bool Watch::push(StoreEvent::Type type, const QJsonObject &object, const QByteArray &json)
{
    std::unique_lock locker(m_mutex);
    if (m_stopped)
        return false;
    if (m_queueLimit > 0 && m_queue.size() >= m_queueLimit) {
        m_stopped = true;
        m_queue.clear();
    } else {
        m_queue << StoreEvent{type, object, json};
    }
    m_ready.notify_all();
    return true;
}

} // namespace core::sandbox
