#pragma once

#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"
#include "models/livetablemodel.h"

#include <QSet>

namespace models {

// An informer batch as rows of a LiveTableModel: deleted objects by their row key (`keyOf`),
// added and modified ones made rows by `rowOf`. An object created and deleted within one batch
// comes in both lists; its uid never returns, so it is simply not shown. Pure, so it may run on
// the thread that received the batch.
template <typename Row, typename KeyOf, typename RowOf>
RowBatch<Row> objectBatch(const core::kube::ChangeSet &changes, KeyOf keyOf, RowOf rowOf)
{
    RowBatch<Row> batch;
    QSet<QString> deleted;
    for (const QJsonObject &object : changes.deleted) {
        batch.removed.append(keyOf(object));
        deleted.insert(core::kube::uidOf(object));
    }
    batch.upserted.reserve(changes.added.size() + changes.modified.size());
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified}) {
        for (const QJsonObject &object : *list) {
            if (!deleted.contains(core::kube::uidOf(object)))
                batch.upserted.append(rowOf(object));
        }
    }
    return batch;
}

} // namespace models
