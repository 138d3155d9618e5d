#pragma once

#include "core/burst/burststrategy.h"
#include "core/burst/cciconventions.h"
#include "core/burst/podresources.h"
#include "core/burst/scheduleprofile.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace core::burst {

// Free capacity of one local (IDC/CCE) node.
struct SimNode
{
    QString name;
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
};

enum class Location { Local, Cci, Pending };
QString locationName(Location location); // "local" | "cci" | "pending"

struct SimulationInput
{
    QList<SimNode> nodes;
    PodTotals podRequest; // what one pod reserves on a local node
    Strategy strategy = Strategy::None;
    LocationLimits local; // from the associated profile, if any
    LocationLimits cci;
    QList<int> replicaSteps;  // desired replica counts, applied in order
    bool cciAvailable = true; // false while the virtual-kubelet node is locked
    // The schedulable virtual nodes as schedulableVirtualNodes() orders them; CCI pods go to the
    // first (decided). Empty: no virtual node takes pods (every AZ faulty), like cciAvailable false.
    QStringList virtualNodes{kGuideVirtualNodeName};
};

struct SimEvent
{
    QString action; // "create" | "delete"
    int pod = 0;    // pod ordinal, in creation order
    Location location = Location::Pending;
    QString node; // local node name, the virtual node for CCI, "" for pending
};

struct SimStep
{
    int replicas = 0;
    int local = 0;
    int cci = 0;
    int pending = 0;
    QList<SimEvent> events;
};

// The placement rules of SPEC 2: enforce -> CCI up to cci.maxNum; localPrefer -> first local node
// that fits while local.maxNum allows, then CCI up to cci.maxNum; auto (decided, approximation of
// the real scheduler) -> the least-allocated fitting local node, else CCI; off / none -> local or
// Pending. Scale-down removes Pending pods first, then (decided) pods of the location with the
// higher scaleDownPriority, ties CCI first, newest first within a location.
QList<SimStep> simulatePlacement(const SimulationInput &input);

// 0, 1, ..., peak, ..., 1, 0
QList<int> rampSteps(int peak);

QJsonObject simStepToJson(const SimStep &step);

} // namespace core::burst
