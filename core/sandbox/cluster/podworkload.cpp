#include "core/sandbox/cluster/podworkload.h"

#include "core/burst/burststrategy.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>

namespace core::sandbox {

namespace {

std::optional<ResourceType> ownerType(const QString &apiVersion, const QString &kind)
{
    const QString group = apiVersion.section(u'/', 0, 0);
    if (apiVersion == u"apps/v1") {
        if (kind == u"ReplicaSet")
            return ResourceType{group, QStringLiteral("v1"), QStringLiteral("replicasets"), kind};
        if (kind == u"Deployment")
            return ResourceType{group, QStringLiteral("v1"), QStringLiteral("deployments"), kind};
        if (kind == u"StatefulSet")
            return ResourceType{group, QStringLiteral("v1"), QStringLiteral("statefulsets"), kind};
        if (kind == u"DaemonSet")
            return ResourceType{group, QStringLiteral("v1"), QStringLiteral("daemonsets"), kind};
    }
    if (apiVersion == u"batch/v1") {
        if (kind == u"Job")
            return ResourceType{group, QStringLiteral("v1"), QStringLiteral("jobs"), kind};
        if (kind == u"CronJob")
            return ResourceType{group, QStringLiteral("v1"), QStringLiteral("cronjobs"), kind};
    }
    return std::nullopt;
}

QJsonObject controllerOf(const ObjectStore &store, const QJsonObject &object)
{
    const QJsonObject meta = object.value(u"metadata").toObject();
    for (const QJsonValue &v : meta.value(u"ownerReferences").toArray()) {
        const QJsonObject ref = v.toObject();
        if (!ref.value(u"controller").toBool() &&
            meta.value(u"ownerReferences").toArray().size() > 1)
            continue;
        const auto type =
            ownerType(ref.value(u"apiVersion").toString(), ref.value(u"kind").toString());
        if (!type)
            return {};
        const auto owner =
            store.get(*type, meta.value(u"namespace").toString(), ref.value(u"name").toString());
        return owner ? *owner : QJsonObject();
    }
    return {};
}

QJsonValue ownerBurstLabel(const ObjectStore &store, const QJsonObject &pod)
{
    QJsonObject current = pod;
    for (int depth = 0; depth < 3; ++depth) {
        current = controllerOf(store, current);
        if (current.isEmpty())
            return {};
        const QJsonValue label = current.value(u"metadata")
                                     .toObject()
                                     .value(u"labels")
                                     .toObject()
                                     .value(burst::kBurstLabel);
        if (!label.isUndefined())
            return label;
    }
    return {};
}

} // namespace

kube::Workload workloadForPod(const ObjectStore &store, const QJsonObject &pod)
{
    QJsonObject object = pod;
    object.insert(QStringLiteral("kind"), QStringLiteral("Pod"));
    object.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
    QJsonObject meta = object.value(u"metadata").toObject();
    QJsonObject labels = meta.value(u"labels").toObject();
    if (!labels.contains(burst::kBurstLabel)) {
        const QJsonValue inherited = ownerBurstLabel(store, pod);
        if (!inherited.isUndefined()) {
            labels.insert(burst::kBurstLabel, inherited);
            meta.insert(QStringLiteral("labels"), labels);
            object.insert(QStringLiteral("metadata"), meta);
        }
    }
    Diagnostics ignored;
    auto workload = kube::workloadFromObject(object, &ignored);
    return workload ? *workload : kube::Workload{};
}

} // namespace core::sandbox
