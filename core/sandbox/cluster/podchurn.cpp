#include "core/sandbox/cluster/podchurn.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectstore.h"

#include <cmath>

namespace core::sandbox {

PodChurn::PodChurn(ObjectStore &store, const SandboxClock &clock, const PreloadOptions &pods,
                   PodChurnOptions options)
    : m_store(store), m_clock(clock), m_options(options), m_pods(pods, clock.now())
{
}

PodChurn::~PodChurn()
{
    stop();
}

QString PodChurn::nameOf(int slot) const
{
    return m_replaced.value(slot, PreloadedPods::nameOf(slot));
}

bool PodChurn::recreate(int slot)
{
    const auto created =
        m_store.create(podsType(), PreloadedPods::namespaceOf(slot), m_pods.pod(slot, true));
    if (!created)
        return false;
    m_replaced.insert(slot, kube::nameOf(*created));
    ++m_added;
    return true;
}

bool PodChurn::modify(int slot)
{
    // One read-modify-write in the store: a get and an update parsed the 4 KB pod twice, which
    // with the write's own work held the churn to about 2,000 events/s at 100,000 pods.
    const QDateTime now = m_clock.now();
    const auto updated =
        m_store.update(podsType(), PreloadedPods::namespaceOf(slot), nameOf(slot),
                       [&now](const QJsonObject &stored) {
                           QJsonObject pod = stored;
                           pod.insert(QStringLiteral("status"), restartedPodStatus(pod, now));
                           return pod;
                       });
    if (!updated)
        return updated.error().code == 404 && recreate(slot);
    ++m_modified;
    return true;
}

bool PodChurn::replace(int slot)
{
    if (m_store.remove(podsType(), PreloadedPods::namespaceOf(slot), nameOf(slot)))
        ++m_deleted;
    return recreate(slot);
}

int PodChurn::step(int events)
{
    std::lock_guard lock(m_stepMutex);
    const int count = m_pods.options().count;
    if (count <= 0 || events <= 0)
        return 0;
    const qint64 before = this->events();
    m_replaceCredit = std::min(m_replaceCredit + events * std::clamp(m_options.replaceShare, 0.0,
                                                                     1.0) / 2,
                               double(events));
    const int replacements = std::min(int(m_replaceCredit), events / 2);
    m_replaceCredit -= replacements;
    for (int i = 0; i < replacements; ++i)
        replace(int(m_random.bounded(count)));
    for (int i = 2 * replacements; i < events; ++i)
        modify(int(m_random.bounded(count)));
    return int(this->events() - before);
}

void PodChurn::start()
{
    if (m_options.eventsPerSecond <= 0)
        return;
    using Clock = std::chrono::steady_clock;
    const double rate = m_options.eventsPerSecond;
    m_ticks.start(m_options.tick, [this, rate, begin = Clock::now(), issued = qint64(0)]() mutable {
        const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
        qint64 due = qint64(std::llround(rate * seconds)) - issued;
        // Behind by more than a second (a stalled machine): drop the backlog, keep the rate.
        if (double(due) > rate) {
            issued += due - qint64(rate);
            due = qint64(rate);
        }
        if (m_options.maxEvents > 0)
            due = std::min(due, m_options.maxEvents - events());
        if (due > 0) {
            step(int(due));
            issued += due;
        }
    });
}

void PodChurn::stop()
{
    m_ticks.stop();
}

bool PodChurn::isRunning() const
{
    return m_ticks.isRunning();
}

} // namespace core::sandbox
