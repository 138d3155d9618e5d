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
};

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
