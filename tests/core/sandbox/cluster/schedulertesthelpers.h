#pragma once

#include "core/kube/manifestloader.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/cluster/scheduler.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// Fixtures shared by tst_scheduler and tst_cciadmission: the default scenario (three IDC nodes of
// 4 cpu / 8Gi / 110 pods and the virtual-kubelet node) in a CCE store, an empty CCI store, a
// frozen clock and a scheduler over them.
namespace schedulertest {

using namespace core::sandbox;
using namespace Qt::StringLiterals;

inline const ResourceType &kPods = podsType();
inline const ResourceType &kNodes = nodesType();
inline const ResourceType &kEvents = core::kube::eventsType();
inline const ResourceType &kProfiles = scheduleProfilesType();
inline const ResourceType &kDeployments = deploymentsType();
inline const ResourceType &kReplicaSets = replicaSetsType();

struct Cluster
{
    explicit Cluster(SchedulerOptions options = {}, StoreOptions storeOptions = {})
        : cce(storeOptions), clock(1e-9), // frozen: the tests move time with advance()
          scheduler((seedDefaultScenario(cce, u"test"_s), cce), cci, clock, u"test"_s, options)
    {
    }
    ObjectStore cce;
    ObjectStore cci;
    SandboxClock clock;
    Scheduler scheduler;

    QJsonObject pod(const QString &ns, const QString &name) const
    {
        const auto p = cce.get(kPods, ns, name);
        return p ? *p : QJsonObject();
    }
    QString nodeOf(const QString &ns, const QString &name) const
    {
        return pod(ns, name).value(u"spec").toObject().value(u"nodeName").toString();
    }
    // The CCI pod of `name` in the cluster's CCI namespace, cce-burst-test.
    QJsonObject cciPod(const QString &name) const
    {
        const auto p = cci.get(kPods, u"cce-burst-test"_s, name);
        return p ? *p : QJsonObject();
    }
    QJsonObject node(const QString &name) const
    {
        const auto n = cce.get(kNodes, QString(), name);
        return n ? *n : QJsonObject();
    }
    // Events about `name` (any kind) with `reason`.
    QList<QJsonObject> events(const QString &ns, const QString &name, const QString &reason) const
    {
        return eventsIn(cce, ns, name, reason);
    }
    // The same in the CCI store.
    QList<QJsonObject> cciEvents(const QString &ns, const QString &name,
                                 const QString &reason) const
    {
        return eventsIn(cci, ns, name, reason);
    }
    static QList<QJsonObject> eventsIn(const ObjectStore &store, const QString &ns,
                                       const QString &name, const QString &reason)
    {
        ListOptions options;
        options.namespaceName = ns;
        QList<QJsonObject> out;
        const auto list = store.list(kEvents, options);
        for (const QJsonObject &e : list->items) {
            if (e.value(u"involvedObject").toObject().value(u"name").toString() == name &&
                e.value(u"reason").toString() == reason)
                out.append(e);
        }
        return out;
    }
};

// A one-container pod; `strategy` "" leaves the burst label off.
inline QJsonObject makePod(const QString &name, const QString &cpu, const QString &memory,
                           const QString &strategy = {}, QJsonObject labels = {},
                           const QJsonArray &tolerations = {})
{
    if (!strategy.isEmpty())
        labels.insert(u"virtual-kubelet.io/burst-to-cci"_s, strategy);
    QJsonObject requests;
    if (!cpu.isEmpty())
        requests.insert(u"cpu"_s, cpu);
    if (!memory.isEmpty())
        requests.insert(u"memory"_s, memory);
    QJsonObject spec{
        {u"containers"_s,
         QJsonArray{QJsonObject{{u"name"_s, u"app"_s},
                                {u"image"_s, u"nginx:latest"_s},
                                {u"resources"_s, QJsonObject{{u"requests"_s, requests}}}}}}};
    if (!tolerations.isEmpty())
        spec.insert(u"tolerations"_s, tolerations);
    QJsonObject meta{{u"name"_s, name}};
    if (!labels.isEmpty())
        meta.insert(u"labels"_s, labels);
    return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                       {u"kind"_s, u"Pod"_s},
                       {u"metadata"_s, meta},
                       {u"spec"_s, spec},
                       {u"status"_s, QJsonObject{{u"phase"_s, u"Pending"_s}}}};
}

inline QList<QJsonObject> loadExample(const QString &file)
{
    QString dir = qEnvironmentVariable("BURST_SOURCE_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(BURST_TEST_SOURCE_DIR);
    const core::kube::LoadResult loaded =
        core::kube::loadManifestFile(dir + u"/resources/examples/"_s + file);
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &o : loaded.objects)
        objects.append(o.object);
    return objects;
}

inline QJsonObject firstOfKind(const QList<QJsonObject> &objects, const QString &kind)
{
    for (const QJsonObject &o : objects) {
        if (o.value(u"kind").toString() == kind)
            return o;
    }
    return {};
}

// The pod a Deployment's ReplicaSet creates: template labels and spec, ownerReferences up the
// chain as the controllers write them.
inline QJsonObject podFromTemplate(const QJsonObject &deployment, const QString &name,
                                   const QJsonObject &replicaSet)
{
    const QJsonObject tmpl = deployment.value(u"spec").toObject().value(u"template").toObject();
    QJsonObject meta = tmpl.value(u"metadata").toObject();
    meta.insert(u"name"_s, name);
    const QJsonObject rsMeta = replicaSet.value(u"metadata").toObject();
    meta.insert(u"ownerReferences"_s, QJsonArray{QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                             {u"kind"_s, u"ReplicaSet"_s},
                                                             {u"name"_s, rsMeta.value(u"name")},
                                                             {u"uid"_s, rsMeta.value(u"uid")},
                                                             {u"controller"_s, true}}});
    return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                       {u"kind"_s, u"Pod"_s},
                       {u"metadata"_s, meta},
                       {u"spec"_s, tmpl.value(u"spec")},
                       {u"status"_s, QJsonObject{{u"phase"_s, u"Pending"_s}}}};
}

inline QJsonObject replicaSetFor(const QJsonObject &deployment)
{
    const QJsonObject dMeta = deployment.value(u"metadata").toObject();
    QJsonObject meta{
        {u"name"_s, QString(dMeta.value(u"name").toString() + u"-7d9f8c6b5"_s)},
        {u"ownerReferences"_s, QJsonArray{QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                      {u"kind"_s, u"Deployment"_s},
                                                      {u"name"_s, dMeta.value(u"name")},
                                                      {u"uid"_s, dMeta.value(u"uid")},
                                                      {u"controller"_s, true}}}}};
    const QJsonObject spec = deployment.value(u"spec").toObject();
    meta.insert(u"labels"_s,
                spec.value(u"template").toObject().value(u"metadata").toObject().value(u"labels"));
    return QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                       {u"kind"_s, u"ReplicaSet"_s},
                       {u"metadata"_s, meta},
                       {u"spec"_s, spec}};
}

inline QString scheduledStatus(const QJsonObject &pod)
{
    for (const QJsonValue &c : pod.value(u"status").toObject().value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == u"PodScheduled")
            return c.toObject().value(u"status").toString();
    }
    return {};
}

inline QString scheduledMessage(const QJsonObject &pod)
{
    for (const QJsonValue &c : pod.value(u"status").toObject().value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == u"PodScheduled")
            return c.toObject().value(u"message").toString();
    }
    return {};
}

inline const QString kTaintedVk =
    u"1 node(s) had untolerated taint {virtual-kubelet.io/provider: huawei}"_s;

// kube-scheduler's FitError text for the four-node scenario.
inline QString fitError(const QString &reasons, int preemptionUseless, int noVictims)
{
    QStringList preemption;
    if (preemptionUseless)
        preemption.append(u"%1 Preemption is not helpful for scheduling"_s.arg(preemptionUseless));
    if (noVictims)
        preemption.append(u"%1 No preemption victims found for incoming pod"_s.arg(noVictims));
    return u"0/4 nodes are available: %1. preemption: 0/4 nodes are available: %2."_s.arg(
        reasons, preemption.join(u", "_s));
}

// How many of `names` are bound to the virtual-kubelet node (or to a local node).
inline int countOn(const Cluster &c, const QString &ns, const QStringList &names, bool virtualNode)
{
    int n = 0;
    for (const QString &name : names) {
        const QString node = c.nodeOf(ns, name);
        if (!node.isEmpty() && (node == virtualKubeletNodeName()) == virtualNode)
            ++n;
    }
    return n;
}

inline QJsonObject profileStatus(const Cluster &c, const QString &ns, const QString &name)
{
    const auto p = c.cce.get(kProfiles, ns, name);
    return p ? p->value(u"status").toObject() : QJsonObject();
}

} // namespace schedulertest
