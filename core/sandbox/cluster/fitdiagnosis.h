#pragma once

#include "core/sandbox/cluster/nodecapacity.h"

#include <QMap>
#include <QString>

namespace core::sandbox {

// Collects why each node refused a pod and writes the message kube-scheduler puts on the
// PodScheduled condition and the FailedScheduling event:
// "0/4 nodes are available: 1 node(s) had untolerated taint {k: v}, 3 Insufficient cpu.
//  preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No
//  preemption victims found for incoming pod."
// Like the API data it imitates, the text is not translated.
class FitDiagnosis
{
public:
    void add(const NodeRejection &rejection);
    QString message(int totalNodes) const;

private:
    QMap<QString, int> m_reasons;
    int m_preemptionUseless = 0;
    int m_noVictims = 0;
};

} // namespace core::sandbox
