#include "tests/ui/burstsandbox.h"

#include "core/sandbox/cluster/scenario.h"
#include "models/clustersession.h"
#include "models/contextsafety.h"
#include "models/podtablemodel.h"
#include "ui/livepolicydialog.h"
#include "ui/podspane.h"
#include "ui/profileform.h"
#include "ui/profilespane.h"
#include "ui/strategyform.h"
#include "ui/workloadspane.h"
#include "ui/writeguard.h"

#include <QAction>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kDeployment = u"local-web"_s;

// A small Deployment without a burst label or profile: its pods run on the IDC nodes.
QJsonObject localDeployment()
{
    return QJsonDocument::fromJson(R"({"apiVersion":"apps/v1","kind":"Deployment",
        "metadata":{"name":"local-web","namespace":"default"},
        "spec":{"replicas":2,"selector":{"matchLabels":{"app":"local-web"}},
        "template":{"metadata":{"labels":{"app":"local-web"}},"spec":{"containers":[
        {"name":"c","image":"nginx:1.27","resources":{"requests":{"cpu":"100m","memory":"128Mi"},
        "limits":{"cpu":"100m","memory":"128Mi"}}}]}}}})")
        .object();
}

// The pods of the Deployment (through its ReplicaSets, <deployment>-<hash>) in the pods model.
QList<models::PodRow> podsOf(const models::PodTableModel &pods, const QString &name)
{
    QList<models::PodRow> rows;
    for (const models::PodRow &row : pods.rows()) {
        if (row.nameSpace == u"default" && row.ownerKind == u"ReplicaSet" &&
            row.ownerName.section(u'-', 0, -2) == name)
            rows.append(row);
    }
    return rows;
}

// Whether the Deployment has `count` pods, every one bound: to the virtual-kubelet node when
// `virtualNode`, else to the IDC nodes.
bool allPlaced(const models::PodTableModel &pods, const QString &name, int count,
               bool virtualNode)
{
    const QList<models::PodRow> rows = podsOf(pods, name);
    if (rows.size() != count)
        return false;
    for (const models::PodRow &row : rows) {
        if (row.node.isEmpty() || pods.onVirtualNode(row) != virtualNode)
            return false;
    }
    return true;
}

// The writes (not GETs, not dry runs) the sandbox received.
int realWrites(SandboxFixture &sandbox)
{
    int count = 0;
    for (const core::sandbox::HttpRequest &r : sandbox.requests()) {
        if (r.method == "GET")
            continue;
        const bool dryQuery = r.query.value(u"dryRun"_s).contains(u"All"_s);
        const bool dryBody = QJsonDocument::fromJson(r.body).object().value(u"dryRun").toArray()
                                 .contains(u"All"_s);
        if (!dryQuery && !dryBody)
            ++count;
    }
    return count;
}

int dryRuns(SandboxFixture &sandbox)
{
    int count = 0;
    for (const core::sandbox::HttpRequest &r : sandbox.requests())
        count += r.query.value(u"dryRun"_s).contains(u"All"_s) ? 1 : 0;
    return count;
}

} // namespace

// Burst policy on live objects against an in-process sandbox with the default scenario, its
// controllers and burst scheduler: a strategy set through the dialog's StrategyForm moves the
// pods to the virtual-kubelet node; Scale and Delete from the panes; a read-only context refuses
// before anything is sent; a write the server refuses in its dry run is never sent.
class tst_LivePolicyDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useCleanTestSettings(); }

    void cleanup() { resetWriteGate(); }

    void liveWrites()
    {
        // The default scenario without the guide's examples: 08-rejected-too-large would lock
        // the virtual node for 30 minutes after CCI refuses it.
        BurstSandbox cluster(BurstSandbox::Examples::Skip);
        SandboxFixture &sandbox = cluster.sandbox;
        QVERIFY(sandbox.started());
        QCOMPARE(cluster.examples, 0);
        QVERIFY(sandbox.store().create(core::kube::deploymentsType(), u"default"_s,
                                       localDeployment()));

        models::ClusterSession session(cluster.connection());
        ui::WorkloadsPane workloads(&session);
        ui::ProfilesPane profiles(&session);
        ui::PodsPane pods(&session);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        const models::PodTableModel &podModel = *session.pods();
        QTRY_VERIFY_WITH_TIMEOUT(allPlaced(podModel, kDeployment, 2, false), 20000);

        // The row actions, with their shortcuts.
        QCOMPARE(workloads.editPolicyAction()->shortcut(), QKeySequence(u"Ctrl+B"_s));
        QCOMPARE(workloads.scaleAction()->shortcut(), QKeySequence(u"Ctrl+Shift+S"_s));
        QCOMPARE(workloads.deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        QCOMPARE(profiles.editPolicyAction()->shortcut(), QKeySequence(u"Ctrl+B"_s));
        QCOMPARE(pods.deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        QTRY_VERIFY(workloads.selectObject({u"deployments.apps"_s, u"default"_s, kDeployment, {}}));
        const models::ObjectRef deployment = workloads.currentObject();
        QVERIFY(!deployment.uid.isEmpty());
        QVERIFY(workloads.scaleAction()->isEnabled());

        // Edit burst policy: nothing pending, Apply disabled until a form changes something.
        ui::LivePolicyDialog *dialog = workloads.editPolicy(deployment);
        QVERIFY(dialog && !dialog->isProfile());
        QVERIFY(!dialog->applyButton()->isEnabled());
        QCOMPARE(realWrites(sandbox), 0);
        QComboBox *podCombo = dialog->strategyForm()->podCombo();
        const int enforce = podCombo->findData(u"enforce"_s);
        QVERIFY(enforce >= 0);
        podCombo->setCurrentIndex(enforce);
        emit podCombo->activated(enforce);
        QVERIFY(dialog->applyButton()->isEnabled());
        const QJsonObject patch = dialog->pendingPatch().patch;
        QCOMPARE(patch.value(u"spec").toObject().value(u"template").toObject()
                     .value(u"metadata").toObject().value(u"labels").toObject()
                     .value(u"virtual-kubelet.io/burst-to-cci").toString(),
                 u"enforce"_s);
        QVERIFY(!patch.value(u"metadata").toObject().value(u"resourceVersion").toString()
                     .isEmpty());
        QVERIFY(dialog->patchView()->toPlainText().contains(u"\"enforce\""_s));
        // The preview of the patched object: the form now says enforce, from the pod label.
        QCOMPARE(dialog->strategyForm()->podCombo()->currentData().toString(), u"enforce"_s);
        QCOMPARE(realWrites(sandbox), 0); // staged, not sent

        QList<ui::WriteRequest> asked;
        ui::setWriteAnswer([&asked](const ui::WriteRequest &r) {
            asked.append(r);
            return true;
        });
        sandbox.clearRequests();
        dialog->applyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->messageLine()->text().startsWith(u"Applied"_s), 10000);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().context, u"sandbox"_s);
        QCOMPARE(asked.first().objects, QList<models::ObjectRef>{deployment});
        QVERIFY(asked.first().details.contains(u"The server's dry run would store:"_s));
        QCOMPARE(dryRuns(sandbox), 1);
        QCOMPARE(realWrites(sandbox), 1);
        QVERIFY(dialog->dryRunView()->toPlainText().contains(u"virtual-kubelet.io/burst-to-cci"_s));
        QVERIFY(dialog->pendingEdits().isEmpty());
        QTRY_VERIFY(!dialog->applyButton()->isEnabled());
        // The cluster reacts: a new ReplicaSet, its pods on the virtual-kubelet node.
        QTRY_VERIFY_WITH_TIMEOUT(allPlaced(podModel, kDeployment, 2, true), 30000);

        // A dry run the server refuses (a uid precondition that is not the object's): the API's
        // message stays in the dialog, the edit stays pending, nothing is sent.
        dialog->stage({{{u"metadata"_s, u"uid"_s}, QJsonValue(u"not-its-uid"_s)}});
        asked.clear();
        sandbox.clearRequests();
        dialog->applyButton()->click();
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->messageLine()->text().contains(u"Precondition"_s),
                                  qPrintable(dialog->messageLine()->text()), 10000);
        QVERIFY(dialog->messageLine()->text().contains(u"dry run refused"_s));
        QVERIFY(asked.isEmpty());
        QCOMPARE(realWrites(sandbox), 0);
        QCOMPARE(dialog->pendingEdits().size(), 1);
        QVERIFY(dialog->applyButton()->isEnabled());
        dialog->close();

        // Scale to 3: the confirmation names the context; three pods.
        asked.clear();
        workloads.scale(deployment, 3);
        QTRY_VERIFY_WITH_TIMEOUT(workloads.writeLine()->text().startsWith(u"Scaled"_s), 10000);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().action, u"Scale to 3"_s);
        QCOMPARE(asked.first().context, u"sandbox"_s);
        QTRY_VERIFY_WITH_TIMEOUT(allPlaced(podModel, kDeployment, 3, true), 30000);

        // A value the server refuses in the dry run: the field path is shown, nothing sent.
        asked.clear();
        sandbox.clearRequests();
        workloads.scale(deployment, -1);
        QTRY_VERIFY_WITH_TIMEOUT(workloads.writeLine()->text().contains(u"spec.replicas"_s),
                                 10000);
        QVERIFY(asked.isEmpty());
        QCOMPARE(realWrites(sandbox), 0);

        // Delete one pod from the Burst pods pane (destructive confirmation).
        const models::PodRow victim = podsOf(podModel, kDeployment).first();
        const models::ObjectRef pod{u"pods"_s, victim.nameSpace, victim.name, victim.uid};
        asked.clear();
        pods.deleteObjects({pod});
        QTRY_VERIFY_WITH_TIMEOUT(pods.writeLine()->text().startsWith(u"Deleted"_s), 10000);
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().destructive);
        QTRY_VERIFY_WITH_TIMEOUT(podModel.rowOf(victim.uid) < 0, 10000);

        // A read-only context refuses before anything is sent, and the server is unchanged.
        models::setContextSafety(u"sandbox"_s, models::ContextSafety::ReadOnly);
        asked.clear();
        sandbox.clearRequests();
        workloads.scale(deployment, 1);
        QCOMPARE(workloads.writeLine()->text(), ui::readOnlyRefusal(u"sandbox"_s));
        workloads.deleteObjects({deployment});
        ui::LivePolicyDialog *readOnly = workloads.editPolicy(deployment);
        bool marked = false;
        for (const QLabel *label : readOnly->findChildren<QLabel *>())
            marked = marked || label->text().contains(u"This context is Read-only."_s);
        QVERIFY(marked);
        const int off = readOnly->strategyForm()->podCombo()->findData(u"off"_s);
        readOnly->strategyForm()->podCombo()->setCurrentIndex(off);
        emit readOnly->strategyForm()->podCombo()->activated(off);
        readOnly->applyButton()->click();
        QTRY_COMPARE(readOnly->messageLine()->text(), ui::readOnlyRefusal(u"sandbox"_s));
        QTest::qWait(300);
        QVERIFY(asked.isEmpty());
        QCOMPARE(realWrites(sandbox), 0);
        QCOMPARE(dryRuns(sandbox), 0);
        const auto stored =
            sandbox.store().get(core::kube::deploymentsType(), u"default"_s, kDeployment);
        QVERIFY(stored);
        QCOMPARE(stored->value(u"spec").toObject().value(u"replicas").toInt(), 3);
        readOnly->close();

        session.stop();
        cluster.simulator.stop();
    }

    // A ScheduleProfile in the dialog: ProfileForm loaded with the live profile; its button
    // stages the change; Apply patches the profile.
    void profile()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        QVERIFY(core::sandbox::seedExampleWorkloads(sandbox.store()) > 0);
        core::kube::Connection connection = sandbox.connection();
        connection.contextName = u"sandbox"_s;
        models::ClusterSession session(connection);
        ui::ProfilesPane profiles(&session);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        QTRY_VERIFY(
            profiles.selectObject({u"scheduleprofiles"_s, u"default"_s, u"test-cci-profile"_s, {}}));
        ui::LivePolicyDialog *dialog = profiles.editPolicy(profiles.currentObject());
        QVERIFY(dialog && dialog->isProfile());
        QCOMPARE(dialog->profileForm()->strategyCombo()->currentData().toString(),
                 u"localPrefer"_s);
        dialog->profileForm()->strategyCombo()->setCurrentIndex(
            dialog->profileForm()->strategyCombo()->findData(u"auto"_s));
        dialog->profileForm()->apply();
        QCOMPARE(dialog->pendingPatch().patch.value(u"spec").toObject().value(u"strategy"),
                 QJsonValue(u"auto"_s));
        ui::setWriteAnswer([](const ui::WriteRequest &) { return true; });
        dialog->applyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->messageLine()->text().startsWith(u"Applied"_s), 10000);
        QTRY_COMPARE(models::cachedObject(&session, profiles.currentObject())
                         .value(u"spec"_s).toObject().value(u"strategy"_s).toString(),
                     u"auto"_s);
        QTRY_COMPARE(dialog->profileForm()->strategyCombo()->currentData().toString(),
                     u"auto"_s);
        dialog->close();
        session.stop();
    }
};

QTEST_MAIN(tst_LivePolicyDialog)
#include "tst_livepolicydialog.moc"
