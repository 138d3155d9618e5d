#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace core::sandbox {

class ObjectStore;

// What `burst-sandbox --pods N --pod-size BYTES` preloads.
struct PreloadOptions
{
    int count = 0;
    // The target size of one pod's compact JSON as the store serves it (server fields included);
    // a pod lands within 10% of it. The shape itself takes about 3 KB: smaller targets give that.
    int podSize = 4000;
};

// Preloaded pods are Running and Ready pods of Deployments as kube-controller-manager, the
// scheduler, the ServiceAccount admission plugin and a containerd kubelet leave them (without
// managedFields): 50 Deployments ("load-0" .. "load-49") in each of default, payments and
// kube-system; slot i is in namespace i % 3, Deployment i % 50 and on idc-node-(i % 3 + 1), with
// 10m / 16Mi requests. Each pod names its ReplicaSet ("load-K-<pod-template-hash>") as
// controlling owner; the ReplicaSet and Deployment objects are not created (see the README).
// The padding that reaches the size is environment variables of the container.
class PreloadedPods
{
public:
    // `started`: the pods' startTime, container startedAt and condition transition times.
    PreloadedPods(const PreloadOptions &options, const QDateTime &started);
    ~PreloadedPods();
    PreloadedPods(const PreloadedPods &) = delete;
    PreloadedPods &operator=(const PreloadedPods &) = delete;

    const PreloadOptions &options() const { return m_options; }

    // The pod of `slot`. Named generateName plus a five-character suffix that is a function of
    // the slot; with `generated`, only generateName (the store picks the suffix, as for a
    // ReplicaSet's replacement pod).
    QJsonObject pod(int slot, bool generated = false);

    static QString namespaceOf(int slot);
    static QString nameOf(int slot);

private:
    struct Group;
    Group &group(int slot);

    PreloadOptions m_options;
    QDateTime m_started;
    QHash<int, std::shared_ptr<Group>> m_groups;
};

// Creates options.count pods of PreloadedPods in `store`.
void preloadPods(ObjectStore &store, const PreloadOptions &options);
// preloadPods(store, {count}): the default shape and size (tests).
void preloadPods(ObjectStore &store, int count);

// The status a kubelet reports once the pod's container restarted at `now`: restartCount + 1,
// the previous run in lastState.terminated, a new containerID and startedAt; Ready stays True.
QJsonObject restartedPodStatus(const QJsonObject &pod, const QDateTime &now);

} // namespace core::sandbox
