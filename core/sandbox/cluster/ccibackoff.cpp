#include "core/sandbox/cluster/ccibackoff.h"

#include <algorithm>

namespace core::sandbox {

CciBackoff::Refusal CciBackoff::refuse(const QString &key, const QString &uid, const QDateTime &now)
{
    auto found = m_pods.find(key);
    const bool first = found == m_pods.end() || found->uid != uid;
    if (first)
        found = m_pods.insert(key, State{uid, std::chrono::seconds(0), QDateTime(), false});
    State &state = *found;
    state.delay = first ? initialDelay() : std::min(state.delay * 2, maxDelay());
    state.nextRetry = now.addSecs(state.delay.count());
    state.reported = false;
    return Refusal{state.delay, state.nextRetry, first};
}

bool CciBackoff::backingOff(const QString &key, const QDateTime &now) const
{
    const auto found = m_pods.constFind(key);
    return found != m_pods.cend() && now < found->nextRetry;
}

QDateTime CciBackoff::nextRetry(const QString &key) const
{
    return m_pods.value(key).nextRetry;
}

QStringList CciBackoff::due(const QDateTime &now)
{
    QStringList keys;
    for (auto it = m_pods.begin(); it != m_pods.end(); ++it) {
        if (!it->reported && now >= it->nextRetry) {
            it->reported = true;
            keys.append(it.key());
        }
    }
    return keys;
}

} // namespace core::sandbox
