#pragma once

#include "core/burst/burststrategy.h"
#include "core/burst/placementsimulator.h"
#include "core/sandbox/cluster/nodecapacity.h"

#include <QSet>
#include <QString>

namespace core::sandbox {

// One pod to place, with what its profile still allows.
struct PlacementRequest
{
    burst::Strategy strategy = burst::Strategy::None;
    PodDemand demand;
    QString profile;           // associated ScheduleProfile, "" for none
    qint64 localLimit = -1;    // local.maxNum when reached, else -1
    qint64 cciLimit = -1;      // cci.maxNum when reached, else -1
    QSet<QString> lockedNodes; // virtual nodes locked after a refused admission
    bool cciBackoff = false;   // CCI refused this pod and its retry wait has not ended
};

struct PlacementDecision
{
    burst::Location location = burst::Location::Pending;
    QString node;
    QString message; // the scheduler's "0/N nodes are available: ..." when Pending
};

// SPEC 2 on the live nodes: enforce -> a virtual-kubelet node only; localPrefer -> the first
// local node (by name) that fits, then a virtual-kubelet node; auto, off and none -> the
// least-allocated fitting local node, then (auto only) a virtual-kubelet node, which scores below
// every fitting local node. Virtual nodes are the ones NodeCapacity::isVirtual() recognises; of
// several that fit, the first by name takes the pod. A location whose maxNum is reached is
// filtered like a node that does not fit.
PlacementDecision planPlacement(const NodeCapacity &nodes, const PlacementRequest &request);

} // namespace core::sandbox
