#pragma once

#include "core/kube/informer.h"
#include "core/kube/objectcache.h"
#include "models/podaggregates.h"

#include <QJsonArray>
#include <QJsonObject>

// Objects as an informer delivers them, for the live model tests: workloads with a uid, labels,
// a pod template and a controller owner; pods bound to a node.
namespace liveobjects {

using namespace Qt::StringLiterals;

inline QJsonObject labelsJson(const QMap<QString, QString> &labels)
{
    QJsonObject json;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

inline QJsonObject owned(QJsonObject object, const QString &ownerKind, const QString &ownerUid)
{
    if (ownerUid.isEmpty())
        return object;
    QJsonObject metadata = object.value(u"metadata").toObject();
    metadata.insert(u"ownerReferences"_s, QJsonArray{QJsonObject{{u"kind"_s, ownerKind},
                                                                 {u"name"_s, ownerUid},
                                                                 {u"uid"_s, ownerUid},
                                                                 {u"controller"_s, true}}});
    object.insert(u"metadata"_s, metadata);
    return object;
}

// A workload whose uid is its name; `templateLabels` go on its pod template.
inline QJsonObject workload(const QString &kind, const QString &ns, const QString &name,
                            const QMap<QString, QString> &labels = {},
                            const QMap<QString, QString> &templateLabels = {},
                            const QString &ownerKind = {}, const QString &ownerUid = {})
{
    const QJsonObject podTemplate{
        {u"metadata"_s, QJsonObject{{u"labels"_s, labelsJson(templateLabels)}}},
        {u"spec"_s,
         QJsonObject{{u"containers"_s,
                      QJsonArray{QJsonObject{{u"name"_s, u"c"_s}, {u"image"_s, u"nginx"_s}}}}}}};
    QJsonObject spec{{u"replicas"_s, 3}, {u"template"_s, podTemplate}};
    if (kind == u"CronJob")
        spec = QJsonObject{{u"schedule"_s, u"* * * * *"_s},
                           {u"jobTemplate"_s,
                            QJsonObject{{u"spec"_s, QJsonObject{{u"template"_s, podTemplate}}}}}};
    const QString group = kind == u"Job" || kind == u"CronJob" ? u"batch/v1"_s : u"apps/v1"_s;
    return owned(QJsonObject{{u"apiVersion"_s, group},
                             {u"kind"_s, kind},
                             {u"metadata"_s,
                              QJsonObject{{u"name"_s, name},
                                          {u"namespace"_s, ns},
                                          {u"uid"_s, name},
                                          {u"labels"_s, labelsJson(labels)},
                                          {u"creationTimestamp"_s, u"2026-01-01T00:00:00Z"_s}}},
                             {u"spec"_s, spec},
                             {u"status"_s, QJsonObject{{u"readyReplicas"_s, 2}}}},
                 ownerKind, ownerUid);
}

inline QJsonObject pod(const QString &ns, const QString &name, const QString &node,
                       const QString &ownerKind = {}, const QString &ownerUid = {})
{
    return owned(QJsonObject{{u"apiVersion"_s, u"v1"_s},
                             {u"kind"_s, u"Pod"_s},
                             {u"metadata"_s, QJsonObject{{u"name"_s, name},
                                                         {u"namespace"_s, ns},
                                                         {u"uid"_s, QString(ns + u'/' + name)}}},
                             {u"spec"_s, QJsonObject{{u"nodeName"_s, node}}}},
                 ownerKind, ownerUid);
}

inline QJsonObject profile(const QString &ns, const QString &name, const QString &strategy,
                           const QMap<QString, QString> &selector)
{
    return QJsonObject{
        {u"apiVersion"_s, u"scheduling.cci.io/v1"_s},
        {u"kind"_s, u"ScheduleProfile"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name},
                                    {u"namespace"_s, ns},
                                    {u"uid"_s, QString(ns + u"/profile/"_s + name)}}},
        {u"spec"_s,
         QJsonObject{{u"objectLabels"_s, QJsonObject{{u"matchLabels"_s, labelsJson(selector)}}},
                     {u"strategy"_s, strategy},
                     {u"location"_s,
                      QJsonObject{{u"local"_s,
                                   QJsonObject{{u"maxNum"_s, 20}, {u"scaleDownPriority"_s, 10}}},
                                  {u"cci"_s, QJsonObject{}}}}}},
        {u"status"_s, QJsonObject{{u"used"_s, QJsonObject{{u"local"_s, 3}, {u"cci"_s, 1}}},
                                  {u"restrict"_s, QJsonObject{{u"local"_s, 20}}}}}};
}

inline core::kube::ChangeSet added(const QList<QJsonObject> &objects)
{
    core::kube::ChangeSet set;
    set.added = objects;
    return set;
}

inline core::kube::ChangeSet deleted(const QList<QJsonObject> &objects)
{
    core::kube::ChangeSet set;
    set.deleted = objects;
    return set;
}

// The session's pod aggregates stand-in: the batch goes into the aggregates first, as the
// session's own sink does before any model's.
struct PodCache
{
    models::PodAggregates aggregates;

    core::kube::ChangeSet apply(core::kube::ChangeSet set)
    {
        aggregates.apply(set);
        return set;
    }
    const models::PodAggregates *pods() const { return &aggregates; }
};

} // namespace liveobjects
