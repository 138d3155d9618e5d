#include "core/sandbox/cluster/workloadcontroller.h"

#include "core/common/tr.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectstore.h"

#include <algorithm>

namespace core::sandbox {

int slowStartBatch(int count, int initialBatchSize, const std::function<bool()> &create)
{
    int remaining = count;
    int successes = 0;
    for (int batch = std::min(remaining, initialBatchSize); batch > 0;
         batch = std::min(2 * batch, remaining)) {
        // The real controller runs a batch's creates in parallel: all of them happen.
        int failures = 0;
        for (int i = 0; i < batch; ++i)
            failures += create() ? 0 : 1;
        successes += batch - failures;
        if (failures > 0)
            break;
        remaining -= batch;
    }
    return successes;
}

WorkloadController::WorkloadController(ObjectStore &store, const ObjectIndex &owned,
                                       const SandboxClock &clock, EventRecorder &events)
    : m_store(store), m_owned(owned), m_clock(clock), m_events(events)
{
}

bool WorkloadController::createOwnedPod(const QJsonObject &owner, const QJsonObject &pod,
                                        const QDateTime &now)
{
    const auto created = m_store.create(podsType(), namespaceOf(owner), pod);
    if (!created) {
        m_events.record(owner, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                        Tr::tr("Error creating: %1").arg(created.error().message), now);
        return false;
    }
    m_events.record(owner, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                    Tr::tr("Created pod: %1").arg(nameOf(*created)), now);
    return true;
}

} // namespace core::sandbox
