#include "core/burst/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace core::burst;

class tst_Workspace : public QObject
{
    Q_OBJECT

private:
    static QString examples()
    {
        return qEnvironmentVariable("BURST_SOURCE_DIR") + QStringLiteral("/resources/examples");
    }

private slots:
    void loadsExamples();
    void editRecomputesAndMarksDirty();
    void profilesInOtherFilesApply();
    void unreadableAndBrokenFiles();
    void sessionSnapshotKeepsDirtyTexts();
    void namespacesAndNetworksAreLinted();
};

// guide 2.4's objects: a Namespace and a Network are no workloads, but their findings reach the
// file problems list, and a Namespace's flavour in one file applies to a GPU pod in another.
void tst_Workspace::namespacesAndNetworksAreLinted()
{
    QTemporaryDir dir;
    QFile ns(dir.filePath(QStringLiteral("a-namespace.yaml")));
    QVERIFY(ns.open(QIODevice::WriteOnly));
    ns.write("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: cpu\n  annotations:\n"
             "    namespace.kubernetes.io/flavor: general-computing\n---\n"
             "apiVersion: networking.cci.io/v1beta1\nkind: Network\nmetadata: {name: net, "
             "namespace: cpu}\nspec:\n  cidr: 8.8.8.0/24\n");
    ns.close();
    QFile pod(dir.filePath(QStringLiteral("b-pod.yaml")));
    QVERIFY(pod.open(QIODevice::WriteOnly));
    pod.write("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: cpu}\nspec:\n"
              "  containers:\n  - name: c\n    image: x\n    resources:\n"
              "      limits: {cpu: '4', memory: 32Gi, nvidia.com/gpu: '1'}\n");
    pod.close();
    Workspace ws;
    ws.addFiles(Workspace::readFiles({dir.path()}));
    QCOMPARE(ws.workloads().size(), 1);
    QCOMPARE(ws.objectLints().size(), 2);
    QCOMPARE(ws.objectLints().at(0).preview.kind, QStringLiteral("Namespace"));
    QVERIFY(ws.objectLints().at(0).preview.diagnostics.isEmpty());
    QCOMPARE(ws.objectLints().at(1).preview.kind, QStringLiteral("Network"));
    QStringList podCodes;
    for (const core::Diagnostic &d : ws.workloads().first().preview.diagnostics)
        podCodes.append(d.code);
    QVERIFY2(podCodes.contains(QStringLiteral("gpu.namespaceFlavor")), qPrintable(podCodes.join(u',')));
    const QList<core::kube::ParseError> problems = ws.lintProblems();
    QVERIFY(problems.size() >= 2);
    bool cidr = false;
    for (const core::kube::ParseError &p : problems) {
        QVERIFY(p.file.endsWith(QStringLiteral("a-namespace.yaml")));
        if (p.code == u"network.cidr") {
            cidr = true;
            QCOMPARE(p.line, 12); // spec.cidr's line
            QVERIFY(p.toString().contains(QStringLiteral("Network/net: error:")));
        }
    }
    QVERIFY(cidr);
    QVERIFY(ws.parseErrors().isEmpty()); // lint findings are not parse errors
}

void tst_Workspace::loadsExamples()
{
    Workspace ws;
    ws.addFiles(Workspace::readFiles({examples()}));
    QCOMPARE(ws.files().size(), 8);
    QCOMPARE(ws.workloads().size(), 9);
    QCOMPARE(ws.profiles().size(), 2);
    QCOMPARE(ws.profiles().at(0).captures, QStringList{QStringLiteral("default/Deployment/nginx")});
    QCOMPARE(ws.profiles().at(1).captures,
             QStringList{QStringLiteral("payments/Deployment/nginx")});
    QVERIFY(!ws.anyDirty());
    QVERIFY(ws.parseErrors().isEmpty());
}

void tst_Workspace::editRecomputesAndMarksDirty()
{
    Workspace ws;
    ws.addFiles(Workspace::readFiles({examples() + QStringLiteral("/01-burst-label-auto.yaml")}));
    QCOMPARE(ws.workloads().size(), 1);
    QCOMPARE(ws.workloads().first().preview.strategy.value, Strategy::Auto);
    QString text = ws.files().first().text;
    text.replace(QStringLiteral("'auto'"), QStringLiteral("'enforce'"));
    ws.setText(0, text);
    QVERIFY(ws.files().first().dirty());
    QCOMPARE(ws.workloads().first().preview.strategy.value, Strategy::Enforce);
    ws.markSaved(0);
    QVERIFY(!ws.anyDirty());
}

void tst_Workspace::profilesInOtherFilesApply()
{
    QTemporaryDir dir;
    QFile profile(dir.filePath(QStringLiteral("a-profile.yaml")));
    QVERIFY(profile.open(QIODevice::WriteOnly));
    profile.write("apiVersion: scheduling.cci.io/v1\nkind: ScheduleProfile\nmetadata: {name: p, "
                  "namespace: default}\nspec:\n  objectLabels: {matchLabels: {app: test}}\n"
                  "  strategy: enforce\n  location: {cci: {maxNum: 3}}\n");
    profile.close();
    Workspace ws;
    ws.addFiles(Workspace::readFiles({dir.path()}));
    ws.addFiles(
        Workspace::readFiles({examples() + QStringLiteral("/04-hostpath-replacement.yaml")}));
    QCOMPARE(ws.workloads().size(), 1);
    QCOMPARE(ws.profiles().size(), 1);
    // the workload label (enforce) wins, but the profile is associated and recorded
    QCOMPARE(ws.workloads().first().preview.strategy.profile, QStringLiteral("p"));
    QCOMPARE(ws.profiles().first().captures.size(), 1);
    // adding the same file again replaces it instead of duplicating
    ws.addFiles(Workspace::readFiles({dir.path()}));
    QCOMPARE(ws.files().size(), 2);
}

void tst_Workspace::unreadableAndBrokenFiles()
{
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("broken.yaml")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("kind: Pod\nmetadata: {name: [x\n");
    broken.close();
    Workspace ws;
    ws.addFiles(Workspace::readFiles({dir.path(), dir.filePath(QStringLiteral("missing.yaml"))}));
    QCOMPARE(ws.files().size(), 2);
    QCOMPARE(ws.parseErrors().size(), 2);
    QVERIFY(!ws.files().at(1).readError.isEmpty());
    QCOMPARE(ws.workloads().size(), 0);
}

void tst_Workspace::sessionSnapshotKeepsDirtyTexts()
{
    Workspace ws;
    ws.addFiles(Workspace::readFiles({examples()}));
    ws.setText(2, ws.files().at(2).text + QStringLiteral("# edited\n"));
    const QList<UnsavedText> unsaved = readSessionSnapshot(sessionSnapshot(ws));
    QCOMPARE(unsaved.size(), 1);
    QCOMPARE(unsaved.first().path, ws.files().at(2).path);
    QVERIFY(unsaved.first().text.endsWith(u"# edited\n"));
    QVERIFY(readSessionSnapshot("not json").isEmpty());
}

QTEST_GUILESS_MAIN(tst_Workspace)
#include "tst_workspace.moc"
