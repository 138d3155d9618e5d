#include "core/burst/cciconventions.h"
#include "models/nodetablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using models::NodeTableModel;
using models::NodeUsage;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(NodeUsage)

namespace {

QJsonObject container(const QString &name, const QJsonObject &requests,
                      const QJsonObject &limits = {})
{
    QJsonObject resources;
    if (!requests.isEmpty())
        resources.insert(u"requests"_s, requests);
    if (!limits.isEmpty())
        resources.insert(u"limits"_s, limits);
    return QJsonObject{{u"name"_s, name}, {u"resources"_s, resources}};
}

QJsonObject cpuMemory(const QString &cpu, const QString &memory)
{
    QJsonObject o;
    if (!cpu.isEmpty())
        o.insert(u"cpu"_s, cpu);
    if (!memory.isEmpty())
        o.insert(u"memory"_s, memory);
    return o;
}

// A pod as a trimmed pod cache keeps it: metadata, nodeName, containers' names and resources.
QJsonObject pod(const QString &name, const QString &node, const QJsonArray &containers,
                const QJsonArray &initContainers = {}, const QString &phase = u"Running"_s)
{
    QJsonObject spec{{u"nodeName"_s, node}, {u"containers"_s, containers}};
    if (!initContainers.isEmpty())
        spec.insert(u"initContainers"_s, initContainers);
    return QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, name},
                                                  {u"namespace"_s, u"default"_s},
                                                  {u"uid"_s, QString(u"uid-"_s + name)},
                                                  {u"resourceVersion"_s, u"1"_s}}},
                       {u"spec"_s, spec},
                       {u"status"_s, QJsonObject{{u"phase"_s, phase}}}};
}

QJsonObject simplePod(const QString &name, const QString &node, const QString &cpu,
                      const QString &memory)
{
    return pod(name, node, QJsonArray{container(u"app"_s, cpuMemory(cpu, memory))});
}

QJsonObject node(const QString &name, bool virtualNode = false, const QString &lockedUntil = {},
                 bool lockTaint = false, const QString &resourceVersion = u"7"_s)
{
    QJsonArray taints;
    QJsonObject labels{{u"kubernetes.io/hostname"_s, name}};
    if (virtualNode) {
        labels.insert(core::burst::kVirtualNodeTypeLabel, core::burst::kVirtualNodeTypeValue);
        taints.append(QJsonObject{{u"key"_s, core::burst::kProviderTaintKey},
                                  {u"value"_s, u"huawei"_s},
                                  {u"effect"_s, u"NoSchedule"_s}});
    }
    if (lockTaint)
        taints.append(QJsonObject{{u"key"_s, core::burst::kLockTaintKey},
                                  {u"value"_s, u"true"_s},
                                  {u"effect"_s, u"NoSchedule"_s}});
    return QJsonObject{
        {u"metadata"_s,
         QJsonObject{{u"name"_s, name},
                     {u"uid"_s, QString(u"node-"_s + name)},
                     {u"resourceVersion"_s, resourceVersion},
                     {u"creationTimestamp"_s, u"2026-01-01T00:00:00Z"_s},
                     {u"labels"_s, labels},
                     {u"annotations"_s,
                      QJsonObject{{core::burst::kLockedUntilAnnotation, lockedUntil}}}}},
        {u"spec"_s, QJsonObject{{u"taints"_s, taints}}},
        {u"status"_s,
         QJsonObject{{u"capacity"_s, cpuMemory(u"4"_s, u"8Gi"_s)},
                     {u"allocatable"_s, cpuMemory(u"3800m"_s, u"7Gi"_s)},
                     {u"conditions"_s, QJsonArray{QJsonObject{{u"type"_s, u"Ready"_s},
                                                              {u"status"_s, u"True"_s}}}}}}};
}

QString cellOf(const NodeTableModel &model, const QString &node, int column)
{
    return model.index(model.rowOf(node), column).data().toString();
}

} // namespace

// The Nodes pane's model: node fields, what the pods on each node request (as the scheduler
// sums them), batches from two informers applied without a reset, and the lock.
class tst_NodeTableModel : public QObject
{
    Q_OBJECT

private slots:
    void usage_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<NodeUsage>("usage");
        const QString n = u"n1"_s;
        QTest::newRow("requests of app containers add up")
            << pod(u"p"_s, n,
                   QJsonArray{container(u"a"_s, cpuMemory(u"250m"_s, u"512Mi"_s)),
                              container(u"b"_s, cpuMemory(u"500m"_s, u"1Gi"_s))})
            << NodeUsage{750, 1536LL << 20, 1};
        QTest::newRow("a limit stands for a missing request")
            << pod(u"p"_s, n, QJsonArray{container(u"a"_s, {}, cpuMemory(u"1"_s, u"1Gi"_s))})
            << NodeUsage{1000, 1LL << 30, 1};
        QTest::newRow("the largest init container wins over the sum")
            << pod(u"p"_s, n, QJsonArray{container(u"a"_s, cpuMemory(u"500m"_s, u"1Gi"_s))},
                   QJsonArray{container(u"init"_s, cpuMemory(u"2"_s, u"256Mi"_s))})
            << NodeUsage{2000, 1LL << 30, 1};
        QTest::newRow("best effort counts as a pod")
            << pod(u"p"_s, n, QJsonArray{container(u"a"_s, {})}) << NodeUsage{0, 0, 1};
        QTest::newRow("a terminated pod holds nothing")
            << pod(u"p"_s, n, QJsonArray{container(u"a"_s, cpuMemory(u"1"_s, u"1Gi"_s))}, {},
                   u"Succeeded"_s)
            << NodeUsage{};
    }
    void usage()
    {
        QFETCH(QJsonObject, pod);
        QFETCH(NodeUsage, usage);
        models::PodAggregates pods;
        core::kube::ChangeSet batch;
        batch.added = {pod};
        pods.apply(batch);
        const NodeUsage got = pods.nodeUsage(u"n1"_s);
        QCOMPARE(got.cpuMilli, usage.cpuMilli);
        QCOMPARE(got.memoryBytes, usage.memoryBytes);
        QCOMPARE(got.pods, usage.pods);
    }

    // The aggregates follow any history of changes: a pod that moves node, finishes, changes
    // owner or goes away takes its old share out. After a random history they equal aggregates
    // built from the surviving pods alone; sums past int64 clamp and come back exactly.
    void aggregatesFollowAnyHistory()
    {
        QRandomGenerator random(20261206);
        models::PodAggregates live;
        QHash<QString, QJsonObject> current;
        const QStringList nodes{u"n1"_s, u"n2"_s, u"vk"_s, QString()};
        const QStringList owners{u"rs-a"_s, u"rs-b"_s, QString()};
        for (int step = 0; step < 400; ++step) {
            core::kube::ChangeSet batch;
            for (int i = 0; i < 8; ++i) {
                const QString name = u"p%1"_s.arg(random.bounded(60));
                if (current.contains(name) && random.bounded(4) == 0) {
                    batch.deleted.append(current.take(name));
                    continue;
                }
                QJsonObject p = pod(name, nodes.at(random.bounded(nodes.size())),
                                    QJsonArray{container(
                                        u"app"_s, cpuMemory(u"%1m"_s.arg(random.bounded(2000)),
                                                            u"%1Mi"_s.arg(random.bounded(900))))},
                                    {}, random.bounded(5) == 0 ? u"Succeeded"_s : u"Running"_s);
                if (const QString owner = owners.at(random.bounded(owners.size()));
                    !owner.isEmpty()) {
                    QJsonObject metadata = p.value(u"metadata").toObject();
                    metadata.insert(u"ownerReferences"_s,
                                    QJsonArray{QJsonObject{{u"uid"_s, owner},
                                                           {u"kind"_s, u"ReplicaSet"_s},
                                                           {u"name"_s, owner},
                                                           {u"controller"_s, true}}});
                    p.insert(u"metadata"_s, metadata);
                }
                (current.contains(name) ? batch.modified : batch.added).append(p);
                current.insert(name, p);
            }
            live.apply(batch);
        }
        models::PodAggregates fresh;
        core::kube::ChangeSet all;
        all.added = current.values();
        fresh.apply(all);
        QCOMPARE(live.podCount(), current.size());
        const QSet<QString> virtualNodes{u"vk"_s};
        for (const QString &n : nodes) {
            QCOMPARE(live.nodeUsage(n), fresh.nodeUsage(n));
        }
        for (const QString &o : owners)
            QCOMPARE(live.ownedBy(o, virtualNodes), fresh.ownedBy(o, virtualNodes));
        QCOMPARE(live.inNamespace(u"default"_s, virtualNodes),
                 fresh.inNamespace(u"default"_s, virtualNodes));
        const models::PodPlacement placement = live.inNamespace(u"default"_s, virtualNodes);
        QCOMPARE(placement.total, int(current.size()));
        QVERIFY(placement.cci > 0 && placement.local > 0);

        // Hostile sizes: two pods of 8Ei each clamp the node's sum, and one leaving restores it.
        models::PodAggregates huge;
        core::kube::ChangeSet two;
        two.added = {simplePod(u"h1"_s, u"n1"_s, u"1"_s, u"7Ei"_s),
                     simplePod(u"h2"_s, u"n1"_s, u"1"_s, u"7Ei"_s)};
        huge.apply(two);
        QCOMPARE(huge.nodeUsage(u"n1"_s).memoryBytes, std::numeric_limits<qint64>::max());
        core::kube::ChangeSet one;
        one.deleted = {two.added.at(0)};
        huge.apply(one);
        QCOMPARE(huge.nodeUsage(u"n1"_s).memoryBytes, 7LL << 60);
        QCOMPARE(huge.nodeUsage(u"n1"_s).pods, 1);
    }

    void podBatchesChangeOnlyTheirNodes()
    {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        models::PodAggregates pods;
        model.setPods(&pods);
        // Pods arrive before their nodes: the usage waits for the node's row.
        core::kube::ChangeSet first;
        for (const QJsonObject &p : {simplePod(u"a"_s, u"n1"_s, u"1"_s, u"1Gi"_s),
                                     simplePod(u"b"_s, u"n2"_s, u"500m"_s, u"512Mi"_s)})
            first.added.append(p);
        pods.apply(first);
        model.applyPods(first);
        QCOMPARE(model.rowCount(), 0);
        core::kube::ChangeSet nodes;
        nodes.added = {node(u"n1"_s), node(u"n2"_s), node(u"n3"_s)};
        model.applyNodes(nodes);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cellOf(model, u"n1"_s, NodeTableModel::CpuRequested), u"1 (26%)"_s);
        QCOMPARE(cellOf(model, u"n2"_s, NodeTableModel::MemoryRequested), u"512Mi (7%)"_s);
        QCOMPARE(cellOf(model, u"n3"_s, NodeTableModel::Pods), u"0"_s);
        QCOMPARE(cellOf(model, u"n1"_s, NodeTableModel::CpuAllocatable), u"3800m"_s);
        QCOMPARE(cellOf(model, u"n1"_s, NodeTableModel::Kind), u"local"_s);
        QCOMPARE(cellOf(model, u"n1"_s, NodeTableModel::Ready), u"Ready"_s);

        // A pod added on n2 and one deleted from n1: those two rows change, n3 does not.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        core::kube::ChangeSet second;
        const QJsonObject c = simplePod(u"c"_s, u"n2"_s, u"250m"_s, u"256Mi"_s);
        second.added = {c};
        const QJsonObject a = simplePod(u"a"_s, u"n1"_s, u"1"_s, u"1Gi"_s);
        second.deleted = {a};
        pods.apply(second);
        model.applyPods(second);
        QSet<int> rows;
        for (const QList<QVariant> &signal : changed) {
            for (int row = signal.at(0).toModelIndex().row();
                 row <= signal.at(1).toModelIndex().row(); ++row)
                rows.insert(row);
        }
        QCOMPARE(rows, (QSet<int>{model.rowOf(u"n1"_s), model.rowOf(u"n2"_s)}));
        QCOMPARE(cellOf(model, u"n1"_s, NodeTableModel::Pods), u"0"_s);
        QCOMPARE(cellOf(model, u"n2"_s, NodeTableModel::Pods), u"2"_s);
        QCOMPARE(cellOf(model, u"n2"_s, NodeTableModel::CpuRequested), u"750m (19%)"_s);
        QCOMPARE(model.index(model.rowOf(u"n2"_s), NodeTableModel::CpuRequested)
                     .data(NodeTableModel::SortRole)
                     .toLongLong(),
                 750);

        // A node that goes away takes its row; one that comes back gets its pods' usage.
        core::kube::ChangeSet gone;
        gone.deleted = {node(u"n2"_s)};
        model.applyNodes(gone);
        QCOMPARE(model.rowOf(u"n2"_s), -1);
        core::kube::ChangeSet back;
        back.added = {node(u"n2"_s)};
        model.applyNodes(back);
        QCOMPARE(cellOf(model, u"n2"_s, NodeTableModel::Pods), u"2"_s);
        QCOMPARE(resets.count(), 0);
    }

    void lock_data()
    {
        QTest::addColumn<QJsonObject>("node");
        QTest::addColumn<QString>("lock");
        QTest::addColumn<bool>("canUnlock");
        const QDateTime now = QDateTime::fromString(u"2026-03-01T12:00:00Z"_s, Qt::ISODate);
        const QDateTime until = now.addSecs(29 * 60 + 30);
        QTest::newRow("locked")
            << node(u"vk"_s, true, until.toString(Qt::ISODate), true)
            << u"locked until %1 (30 min left)"_s.arg(
                   until.toLocalTime().toString(u"HH:mm:ss"_s))
            << true;
        QTest::newRow("expired") << node(u"vk"_s, true, now.addSecs(-1).toString(Qt::ISODate))
                                 << u"unlocked"_s << false;
        QTest::newRow("unlocked") << node(u"vk"_s, true) << u"unlocked"_s << false;
        QTest::newRow("taint left behind")
            << node(u"vk"_s, true, {}, true) << u"lock taint left, no lock end"_s << true;
        QTest::newRow("local node") << node(u"idc"_s) << QString() << false;
        // CCI 2.0: a faulty AZ's node is unschedulable with a condition saying why.
        QJsonObject faulty = node(u"bursting-node-az1"_s, true);
        QJsonObject spec = faulty.value(u"spec"_s).toObject();
        spec.insert(u"unschedulable"_s, true);
        faulty.insert(u"spec"_s, spec);
        QJsonObject status = faulty.value(u"status"_s).toObject();
        QJsonArray conditions = status.value(u"conditions"_s).toArray();
        conditions.append(QJsonObject{{u"type"_s, u"AZUnavailable"_s},
                                      {u"status"_s, u"True"_s},
                                      {u"message"_s, u"az1 is down"_s}});
        status.insert(u"conditions"_s, conditions);
        faulty.insert(u"status"_s, status);
        QTest::newRow("faulty AZ node")
            << faulty << u"unschedulable: AZUnavailable: az1 is down"_s << false;
    }
    void lock()
    {
        QFETCH(QJsonObject, node);
        QFETCH(QString, lock);
        QFETCH(bool, canUnlock);
        NodeTableModel model;
        model.setNow(QDateTime::fromString(u"2026-03-01T12:00:00Z"_s, Qt::ISODate));
        core::kube::ChangeSet set;
        set.added = {node};
        model.applyNodes(set);
        QCOMPARE(model.index(0, NodeTableModel::Lock).data().toString(), lock);
        QCOMPARE(model.canUnlock(model.rowAt(0)), canUnlock);
        QCOMPARE(model.index(0, NodeTableModel::Age).data().toString(), u"59d"_s);
    }

    // AZ-level virtual nodes (CCI 2.0) show their zone in the kind column.
    void zoneInKind()
    {
        QJsonObject az = node(u"bursting-node-az1"_s, true);
        QJsonObject meta = az.value(u"metadata"_s).toObject();
        QJsonObject labels = meta.value(u"labels"_s).toObject();
        labels.insert(core::burst::kZoneLabel, u"cn-north-4a"_s);
        meta.insert(u"labels"_s, labels);
        az.insert(u"metadata"_s, meta);
        NodeTableModel model;
        core::kube::ChangeSet set;
        set.added = {az, node(u"bursting-node"_s, true), node(u"idc"_s)};
        model.applyNodes(set);
        QCOMPARE(cellOf(model, u"bursting-node-az1"_s, NodeTableModel::Kind),
                 u"virtual-kubelet (CCI, cn-north-4a)"_s);
        QCOMPARE(cellOf(model, u"bursting-node"_s, NodeTableModel::Kind),
                 u"virtual-kubelet (CCI)"_s);
        QCOMPARE(cellOf(model, u"idc"_s, NodeTableModel::Kind), u"local"_s);
    }

    void lockCountsDownWithTheClock()
    {
        NodeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::fromString(u"2026-03-01T12:00:00Z"_s, Qt::ISODate);
        model.setNow(now);
        core::kube::ChangeSet set;
        set.added = {node(u"vk"_s, true, now.addSecs(600).toString(Qt::ISODate), true)};
        model.applyNodes(set);
        QVERIFY(model.index(0, NodeTableModel::Lock).data().toString().endsWith(u"(10 min left)"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setNow(now.addSecs(301));
        model.refreshClock();
        QCOMPARE(changed.count(), 2); // Lock and Age
        QVERIFY(model.index(0, NodeTableModel::Lock).data().toString().endsWith(u"(5 min left)"));
        model.setNow(now.addSecs(601));
        QCOMPARE(model.index(0, NodeTableModel::Lock).data().toString(), u"lock taint left, no lock end"_s);
    }

    void unlockPatchKeepsOtherTaints()
    {
        const QJsonObject locked = node(u"vk"_s, true, u"2026-03-01T12:30:00Z"_s, true, u"42"_s);
        const QJsonObject patch = QJsonDocument::fromJson(models::unlockPatch(locked)).object();
        const QJsonObject expected{
            {u"metadata"_s,
             QJsonObject{{u"resourceVersion"_s, u"42"_s},
                         {u"annotations"_s,
                          QJsonObject{{core::burst::kLockedUntilAnnotation, QJsonValue::Null}}}}},
            {u"spec"_s,
             QJsonObject{{u"taints"_s, QJsonArray{QJsonObject{
                                           {u"key"_s, core::burst::kProviderTaintKey},
                                           {u"value"_s, u"huawei"_s},
                                           {u"effect"_s, u"NoSchedule"_s}}}}}}};
        QCOMPARE(patch, expected);
    }
};

QTEST_MAIN(tst_NodeTableModel)
#include "tst_nodetablemodel.moc"
