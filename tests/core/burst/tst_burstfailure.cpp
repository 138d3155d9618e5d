#include "core/burst/burstfailure.h"

#include "core/kube/workload.h"

#include <QJsonDocument>
#include <QTest>

// Expected values: event reasons and messages as virtual-kubelet (ProviderCreateFailed), the
// kubelet (image pulls), the API server's ResourceQuota admission ("exceeded quota") and the
// sandbox's lock (VirtualKubeletLocked, the lock taint) write them.

using core::burst::FailureCause;

Q_DECLARE_METATYPE(FailureCause)

class tst_burstfailure : public QObject
{
    Q_OBJECT

private slots:
    void classifies_data();
    void classifies();
    void refusalRuleComesFromThePreview();
};

void tst_burstfailure::classifies_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::addColumn<FailureCause>("cause");
    QTest::addColumn<QString>("code");
    QTest::newRow("refused by a rule")
        << "ProviderCreateFailed" << "CCI refused the pod: shape.cpuMemoryRatio: ..."
        << FailureCause::Refused << "burst.cause.refused";
    QTest::newRow("refused for quota")
        << "ProviderCreateFailed"
        << "create pod failed: Quota exceeded for resource cpu in project cn-north-4"
        << FailureCause::Quota << "burst.cause.quota";
    QTest::newRow("resource quota admission")
        << "FailedCreate"
        << "Error creating: pods \"web-1\" is forbidden: exceeded quota: compute, requested: "
           "cpu=2, used: cpu=8, limited: cpu=8"
        << FailureCause::Quota << "burst.cause.quota";
    QTest::newRow("node locked") << "VirtualKubeletLocked" << "locked for 30m"
                                 << FailureCause::NodeLocked << "burst.cause.lock";
    QTest::newRow("waiting for the lock taint")
        << "FailedScheduling"
        << "0/3 nodes are available: 1 node(s) had untolerated taint "
           "{virtual-kubelet.io/locked: true}, 2 Insufficient cpu."
        << FailureCause::WaitingForLock << "burst.cause.lock";
    QTest::newRow("waiting for the planned lock")
        << "FailedScheduling" << "virtual node locked after a failed CCI admission"
        << FailureCause::WaitingForLock << "burst.cause.lock";
    QTest::newRow("plain insufficient cpu") << "FailedScheduling"
                                            << "0/3 nodes are available: 3 Insufficient cpu."
                                            << FailureCause::None << "";
    QTest::newRow("image pull") << "Failed"
                                << "Failed to pull image \"swr.cn-north-4/x/app:1\": not found"
                                << FailureCause::ImagePull << "burst.cause.imagePull";
    QTest::newRow("err image pull") << "ErrImagePull" << "" << FailureCause::ImagePull
                                    << "burst.cause.imagePull";
    QTest::newRow("image pull back-off")
        << "BackOff" << "Back-off pulling image \"nginx:nope\"" << FailureCause::ImagePull
        << "burst.cause.imagePull";
    QTest::newRow("container crash back-off")
        << "BackOff" << "Back-off restarting failed container app in pod web-1"
        << FailureCause::None << "";
    QTest::newRow("a failed pod is no pull failure")
        << "Failed" << "Error: container exited with 1" << FailureCause::None << "";
    QTest::newRow("normal") << "Scheduled" << "Successfully assigned" << FailureCause::None
                            << "";
}

void tst_burstfailure::classifies()
{
    QFETCH(QString, reason);
    QFETCH(QString, message);
    QFETCH(FailureCause, cause);
    QFETCH(QString, code);
    QCOMPARE(core::burst::classifyFailureEvent(reason, message), cause);
    QCOMPARE(core::burst::failureCauseCode(cause), code);
}

// A refused pod's cause is the first error of its CCI preview; a pod CCI would admit has none
// (the refusal had another cause).
void tst_burstfailure::refusalRuleComesFromThePreview()
{
    const auto pod = [](const QByteArray &cpu, const QByteArray &memory) {
        return QJsonDocument::fromJson(
                   R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"n",)"
                   R"("labels":{"virtual-kubelet.io/burst-to-cci":"enforce"}},"spec":{)"
                   R"("containers":[{"name":"c","image":"nginx","resources":{"limits":{"cpu":")" +
                   cpu + R"(","memory":")" + memory + R"("}}}]}})")
            .object();
    };
    const core::burst::PreviewScope scope;
    const auto previewOf = [&](const QJsonObject &object) {
        core::Diagnostics problems;
        const auto workload = core::kube::workloadFromObject(object, &problems);
        return core::burst::preview(workload.value(), scope);
    };
    const core::Diagnostic admitted = core::burst::refusalRule(previewOf(pod("1", "2Gi")));
    QVERIFY2(admitted.code.isEmpty(), qPrintable(admitted.code));
    const core::Diagnostic refused = core::burst::refusalRule(previewOf(pod("64", "1Gi")));
    QVERIFY(!refused.code.isEmpty());
    QCOMPARE(refused.severity, core::Severity::Error);
    QVERIFY(!refused.hint.isEmpty());
}

QTEST_GUILESS_MAIN(tst_burstfailure)
#include "tst_burstfailure.moc"
