#include "models/livepods.h"

#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"

namespace models {

void forEachChange(const core::kube::ChangeSet &changes,
                   const std::function<void(const QJsonObject &)> &gone,
                   const std::function<void(const QJsonObject &)> &present)
{
    for (const QJsonObject &object : changes.deleted)
        gone(object);
    for (const QJsonObject &object : changes.added)
        present(object);
    for (const QJsonObject &object : changes.modified)
        present(object);
}

QString ageText(const QDateTime &created, const QDateTime &now)
{
    return created.isValid() ? core::kube::humanAge(created.secsTo(now))
                             : QStringLiteral("<unknown>");
}

qint64 ageSortKey(const QDateTime &created)
{
    return created.isValid() ? -created.toSecsSinceEpoch() : qint64(0);
}

QDateTime creationOf(const QJsonObject &object)
{
    return QDateTime::fromString(core::kube::metadataString(object, u"creationTimestamp"),
                                 Qt::ISODate);
}

} // namespace models
