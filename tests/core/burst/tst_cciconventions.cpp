#include "core/burst/cciconventions.h"

#include <QJsonArray>
#include <QTest>

using namespace core::burst;

namespace {

QJsonObject taint(const QString &key, const QString &value = QStringLiteral("huawei"),
                  const QString &effect = QStringLiteral("NoSchedule"))
{
    return QJsonObject{{QStringLiteral("key"), key},
                       {QStringLiteral("value"), value},
                       {QStringLiteral("effect"), effect}};
}

QJsonObject node(const QString &name, const QJsonObject &labels, const QJsonArray &taints = {},
                 const QJsonObject &annotations = {})
{
    QJsonObject metadata{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}};
    if (!annotations.isEmpty())
        metadata.insert(QStringLiteral("annotations"), annotations);
    return QJsonObject{{QStringLiteral("metadata"), metadata},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("taints"), taints}}}};
}

const QJsonObject kVkLabels{{QStringLiteral("type"), QStringLiteral("virtual-kubelet")}};

QJsonObject virtualNode(const QString &name, const QString &zone = {})
{
    QJsonObject labels = kVkLabels;
    if (!zone.isEmpty())
        labels.insert(QStringLiteral("topology.kubernetes.io/zone"), zone);
    return node(name, labels, {taint(QStringLiteral("virtual-kubelet.io/provider"))});
}

QJsonObject idcNode(const QString &name)
{
    return node(name, {{QStringLiteral("kubernetes.io/hostname"), name}});
}

QJsonObject pod(const QString &name, const QString &nodeName)
{
    QJsonObject spec;
    if (!nodeName.isEmpty())
        spec.insert(QStringLiteral("nodeName"), nodeName);
    return QJsonObject{{QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("namespace"), QStringLiteral("default")},
                                    {QStringLiteral("uid"), QStringLiteral("u-1")}}},
                       {QStringLiteral("spec"), spec}};
}

} // namespace

class tst_cciconventions : public QObject
{
    Q_OBJECT

private slots:
    void isVirtualNode_data()
    {
        QTest::addColumn<QJsonObject>("node");
        QTest::addColumn<bool>("virtualNode");
        QTest::newRow("guide's virtual-kubelet node")
            << virtualNode(QStringLiteral("virtual-kubelet")) << true;
        QTest::newRow("CCI 2.0 global bursting-node")
            << virtualNode(QStringLiteral("bursting-node")) << true;
        QTest::newRow("AZ-level virtual node")
            << virtualNode(QStringLiteral("bursting-node-az1"), QStringLiteral("cn-north-4a"))
            << true;
        QTest::newRow("any name") << virtualNode(QStringLiteral("idc-node-9")) << true;
        QTest::newRow("provider taint with another value and effect")
            << node(QStringLiteral("vk"), kVkLabels,
                    {taint(QStringLiteral("virtual-kubelet.io/provider"), QStringLiteral("other"),
                           QStringLiteral("NoExecute"))})
            << true;
        QTest::newRow("label but no taint") << node(QStringLiteral("vk"), kVkLabels) << false;
        QTest::newRow("taint but no label")
            << node(QStringLiteral("vk"), {},
                    {taint(QStringLiteral("virtual-kubelet.io/provider"))})
            << false;
        QTest::newRow("label with another value")
            << node(QStringLiteral("vk"), {{QStringLiteral("type"), QStringLiteral("kubelet")}},
                    {taint(QStringLiteral("virtual-kubelet.io/provider"))})
            << false;
        QTest::newRow("label and only the lock taint")
            << node(QStringLiteral("vk"), kVkLabels,
                    {taint(QStringLiteral("virtual-kubelet.io/locked"), QStringLiteral("true"))})
            << false;
        QTest::newRow("real node named like a virtual one")
            << idcNode(QStringLiteral("virtual-kubelet")) << false;
        QTest::newRow("real node named bursting-node")
            << idcNode(QStringLiteral("bursting-node")) << false;
        QTest::newRow("empty object") << QJsonObject() << false;
    }
    void isVirtualNode()
    {
        QFETCH(QJsonObject, node);
        QFETCH(bool, virtualNode);
        QCOMPARE(core::burst::isVirtualNode(node), virtualNode);
    }

    void severalVirtualNodes()
    {
        const QList<QJsonObject> nodes{
            idcNode(QStringLiteral("idc-node-1")), virtualNode(QStringLiteral("bursting-node")),
            idcNode(QStringLiteral("virtual-kubelet")),
            virtualNode(QStringLiteral("bursting-node-a"), QStringLiteral("cn-north-4a")),
            virtualNode(QStringLiteral("bursting-node-b"), QStringLiteral("cn-north-4b"))};
        const QStringList names = virtualNodeNames(nodes);
        QCOMPARE(names,
                 (QStringList{QStringLiteral("bursting-node"), QStringLiteral("bursting-node-a"),
                              QStringLiteral("bursting-node-b")}));
        QCOMPARE(virtualNodeZone(nodes.at(1)), QString());
        QCOMPARE(virtualNodeZone(nodes.at(3)), QStringLiteral("cn-north-4a"));
    }

    // CCI 2.0: a faulty AZ's node is unschedulable with a condition saying why; burst pods go to
    // the schedulable virtual nodes, the global one first, then AZ nodes by name (decided).
    void schedulable_data()
    {
        QTest::addColumn<QList<QJsonObject>>("nodes");
        QTest::addColumn<QStringList>("schedulable");
        QTest::addColumn<QStringList>("faults");
        auto faulty = [](QJsonObject n, bool withCondition) {
            QJsonObject spec = n.value(QStringLiteral("spec")).toObject();
            spec.insert(QStringLiteral("unschedulable"), true);
            n.insert(QStringLiteral("spec"), spec);
            if (withCondition)
                n.insert(QStringLiteral("status"),
                         QJsonObject{{QStringLiteral("conditions"),
                                      QJsonArray{QJsonObject{{QStringLiteral("type"),
                                                              QStringLiteral("Ready")},
                                                             {QStringLiteral("status"),
                                                              QStringLiteral("True")}},
                                                 QJsonObject{{QStringLiteral("type"),
                                                              QStringLiteral("AZUnavailable")},
                                                             {QStringLiteral("status"),
                                                              QStringLiteral("True")},
                                                             {QStringLiteral("message"),
                                                              QStringLiteral("az down")}}}}});
            return n;
        };
        const QJsonObject global = virtualNode(QStringLiteral("bursting-node"));
        const QJsonObject a = virtualNode(QStringLiteral("bursting-a"), QStringLiteral("az-a"));
        const QJsonObject b = virtualNode(QStringLiteral("bursting-b"), QStringLiteral("az-b"));
        QTest::newRow("global and AZ nodes, all healthy")
            << QList<QJsonObject>{b, idcNode(QStringLiteral("idc")), a, global}
            << QStringList{QStringLiteral("bursting-node"), QStringLiteral("bursting-a"),
                           QStringLiteral("bursting-b")}
            << QStringList{QString(), QString(), QString(), QString()};
        QTest::newRow("faulty AZ with its condition")
            << QList<QJsonObject>{global, faulty(a, true), b}
            << QStringList{QStringLiteral("bursting-node"), QStringLiteral("bursting-b")}
            << QStringList{QString(), QStringLiteral("AZUnavailable: az down"), QString()};
        QTest::newRow("global set unschedulable by the user, no condition")
            << QList<QJsonObject>{faulty(global, false), a}
            << QStringList{QStringLiteral("bursting-a")} << QStringList{QString(), QString()};
        QTest::newRow("only the guide's node")
            << QList<QJsonObject>{virtualNode(QStringLiteral("virtual-kubelet"))}
            << QStringList{QStringLiteral("virtual-kubelet")} << QStringList{QString()};
        QTest::newRow("a real node is never a candidate")
            << QList<QJsonObject>{idcNode(QStringLiteral("bursting-node"))} << QStringList{}
            << QStringList{QString()};
    }
    void schedulable()
    {
        QFETCH(QList<QJsonObject>, nodes);
        QFETCH(QStringList, schedulable);
        QFETCH(QStringList, faults);
        QCOMPARE(schedulableVirtualNodes(nodes), schedulable);
        for (qsizetype i = 0; i < nodes.size(); ++i)
            QCOMPARE(virtualNodeFault(nodes.at(i)), faults.at(i));
    }

    void legacyZoneLabel()
    {
        QJsonObject n = node(QStringLiteral("vk"), {{QStringLiteral("type"),
                                                     QStringLiteral("virtual-kubelet")},
                                                    {QStringLiteral(
                                                         "failure-domain.beta.kubernetes.io/zone"),
                                                     QStringLiteral("az-old")}},
                             {taint(QStringLiteral("virtual-kubelet.io/provider"))});
        QCOMPARE(virtualNodeZone(n), QStringLiteral("az-old"));
    }

    void isBurstPod_data()
    {
        QTest::addColumn<QString>("nodeName");
        QTest::addColumn<bool>("burst");
        QTest::newRow("on the global virtual node") << "bursting-node" << true;
        QTest::newRow("on an AZ-level virtual node") << "bursting-node-b" << true;
        QTest::newRow("on a local node") << "idc-node-1" << false;
        QTest::newRow("on a real node named virtual-kubelet") << "virtual-kubelet" << false;
        QTest::newRow("unbound") << "" << false;
    }
    void isBurstPod()
    {
        QFETCH(QString, nodeName);
        QFETCH(bool, burst);
        const QStringList virtualNodes{QStringLiteral("bursting-node"),
                                       QStringLiteral("bursting-node-a"),
                                       QStringLiteral("bursting-node-b")};
        QCOMPARE(core::burst::isBurstPod(pod(QStringLiteral("web-1"), nodeName), virtualNodes),
                 burst);
    }

    void isBurstNamespace_data()
    {
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<bool>("burst");
        QTest::newRow("guide's name") << "cce-burst-c1" << true;
        QTest::newRow("CCI 2.0's name") << "bursting-0f3a" << true;
        QTest::newRow("prefix without an id") << "cce-burst-" << false;
        QTest::newRow("CCI 2.0 prefix without an id") << "bursting-" << false;
        QTest::newRow("a user's namespace") << "payments" << false;
        QTest::newRow("prefix in the middle") << "my-cce-burst-c1" << false;
        QTest::newRow("empty") << "" << false;
    }
    void isBurstNamespace()
    {
        QFETCH(QString, nameSpace);
        QFETCH(bool, burst);
        QCOMPARE(core::burst::isBurstNamespace(nameSpace), burst);
    }

    void cciSideJoin()
    {
        QCOMPARE(cciNamespaceFor(QStringLiteral("c1")), QStringLiteral("cce-burst-c1"));
        const CciPodKey key = cciPodKeyFor(
            pod(QStringLiteral("web-1"), QStringLiteral("bursting-node")), QStringLiteral("c1"));
        QCOMPARE(key, (CciPodKey{QStringLiteral("cce-burst-c1"), QStringLiteral("web-1")}));
        QJsonObject cciPod = pod(QStringLiteral("web-1"), QString());
        QCOMPARE(ccePodOf(cciPod), CcePodRef());
        QJsonObject metadata = cciPod.value(u"metadata").toObject();
        metadata.insert(QStringLiteral("annotations"),
                        QJsonObject{{kSourceNamespaceAnnotation, QStringLiteral("default")},
                                    {kSourceNameAnnotation, QStringLiteral("web-1")},
                                    {kSourceUidAnnotation, QStringLiteral("u-1")}});
        cciPod.insert(QStringLiteral("metadata"), metadata);
        QCOMPARE(ccePodOf(cciPod), (CcePodRef{QStringLiteral("default"), QStringLiteral("web-1"),
                                              QStringLiteral("u-1")}));
    }

    void lock_data()
    {
        QTest::addColumn<QString>("until");
        QTest::addColumn<bool>("tainted");
        QTest::addColumn<bool>("locked");
        QTest::newRow("unlocked: empty annotation") << "" << false << false;
        QTest::newRow("locked until later") << "2026-01-01T10:30:00Z" << true << true;
        QTest::newRow("expired, taint left behind") << "2026-01-01T09:59:00Z" << true << false;
        QTest::newRow("unreadable") << "soon" << false << false;
    }
    void lock()
    {
        QFETCH(QString, until);
        QFETCH(bool, tainted);
        QFETCH(bool, locked);
        QJsonArray taints{taint(QStringLiteral("virtual-kubelet.io/provider"))};
        if (tainted)
            taints.append(taint(kLockTaintKey, QStringLiteral("true")));
        const QJsonObject n = node(QStringLiteral("virtual-kubelet"), kVkLabels, taints,
                                   {{kLockedUntilAnnotation, until}});
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2026-01-01T10:00:00Z"), Qt::ISODate);
        QCOMPARE(hasLockTaint(n), tainted);
        QCOMPARE(isVirtualNodeLocked(n, now), locked);
        QVERIFY(core::burst::isVirtualNode(n)); // a lock does not make it another node
        QCOMPARE(std::chrono::minutes(kLockDuration).count(), 30);
    }

    void annotationsAreTheVendorsKeys()
    {
        QCOMPARE(kManagedByProfileAnnotation,
                 QStringLiteral("scheduling.cci.io/managed-by-profile"));
        QCOMPARE(kBurstPodCpuAnnotation, QStringLiteral("virtual-kubelet.cci.io/burst-pod-cpu"));
        QCOMPARE(kBurstPodMemoryAnnotation,
                 QStringLiteral("virtual-kubelet.cci.io/burst-pod-memory"));
        QCOMPARE(kBurstLabel, QStringLiteral("virtual-kubelet.io/burst-to-cci"));
    }
};

QTEST_APPLESS_MAIN(tst_cciconventions)
#include "tst_cciconventions.moc"
