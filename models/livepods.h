#pragma once

#include "core/kube/informer.h"
#include "core/kube/objectcache.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"
#include "models/podaggregates.h"
#include "models/podtablemodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <QPointer>

#include <functional>

namespace models {

class ClusterSession;

// "2h", "<unknown>": the Age cell of every live table, against `now`.
QString ageText(const QDateTime &created, const QDateTime &now);
// The Age sort key: newer sorts first in ascending order.
qint64 ageSortKey(const QDateTime &created);
QDateTime creationOf(const QJsonObject &object);

// Calls `gone` for every deleted object of a batch, then `present` for every added or modified one.
void forEachChange(const core::kube::ChangeSet &changes,
                   const std::function<void(const QJsonObject &)> &gone,
                   const std::function<void(const QJsonObject &)> &present);

// Keeps `objects` (by uid) in step with a batch, each object kept as `make` reads it; returns
// the namespaces the batch touched.
template <typename T, typename Make>
QSet<QString> updateByUid(QHash<QString, T> &objects, const core::kube::ChangeSet &changes,
                          Make make)
{
    QSet<QString> namespaces;
    forEachChange(
        changes,
        [&](const QJsonObject &object) {
            namespaces.insert(core::kube::namespaceOf(object));
            objects.remove(core::kube::uidOf(object));
        },
        [&](const QJsonObject &object) {
            namespaces.insert(core::kube::namespaceOf(object));
            objects.insert(core::kube::uidOf(object), make(object));
        });
    return namespaces;
}

// Hands every batch of `resource` to `apply` of `model` while the model lives.
template <typename Model>
void watchBatches(ClusterSession *session, const QString &resource, Model *model,
                  void (Model::*apply)(const core::kube::ChangeSet &))
{
    session->watch(resource,
                   [model = QPointer<Model>(model), apply](const core::kube::ChangeSet &changes,
                                                           const core::kube::ObjectCache &) {
                       if (model)
                           (model.data()->*apply)(changes);
                   });
}

// A model that counts pods (applyPods, setVirtualNodes, setPods) follows the session's pods
// informer through the session's PodAggregates (which hear each batch first) and the virtual
// nodes the session's pod model knows (the session's own node sink runs first).
template <typename Model> void watchPods(ClusterSession *session, Model *model)
{
    model->setPods(PodAggregates::of(session));
    watchBatches(session, QStringLiteral("pods"), model, &Model::applyPods);
    session->watch(QStringLiteral("nodes"),
                   [model = QPointer<Model>(model), session](const core::kube::ChangeSet &,
                                                             const core::kube::ObjectCache &) {
                       if (model)
                           model->setVirtualNodes(session->pods()->virtualNodes());
                   });
}

} // namespace models
