#pragma once

#include "core/kube/objectcache.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace models {

class ClusterSession;

// The pods of the session's "pods" informer cache whose index value is `key` (a namespace, an
// owner uid): the live panes count pods from there instead of keeping a second copy.
using PodLookup =
    std::function<QList<QJsonObject>(core::kube::ObjectCache::Index index, const QString &key)>;
// Reads the session's current pods informer (none before discovery or after stop: no pods).
PodLookup sessionPods(const ClusterSession *session);

// Where pods run: on a virtual-kubelet node (CCI), on another node (local), or not yet bound.
struct PodPlacement
{
    int total = 0;
    int local = 0;
    int cci = 0;

    void add(const QJsonObject &pod, const QSet<QString> &virtualNodes);
    bool operator==(const PodPlacement &) const = default;
};

// "2h", "<unknown>": the Age cell of every live table, against `now`.
QString ageText(const QDateTime &created, const QDateTime &now);
// The Age sort key: newer sorts first in ascending order.
qint64 ageSortKey(const QDateTime &created);
QDateTime creationOf(const QJsonObject &object);

} // namespace models
