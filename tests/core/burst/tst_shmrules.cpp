#include "core/burst/podresources.h"
#include "core/burst/shmrules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Guide 3.4: /dev/shm sized by a Memory emptyDir or by remounting it with SYS_ADMIN; not both in
// one pod; usually 50% of the pod's memory request; the shm is allocated from the pod's memory.
class tst_ShmRules : public QObject
{
    Q_OBJECT

private slots:
    void checkShm_data();
    void checkShm();
    void suggestion();
};

namespace {

QJsonObject spec(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test spec: %s", qPrintable(error.errorString()));
    return doc.object();
}

// The guide's two examples (a 8Gi pod, 4Gi of shm).
const char *kEmptyDirWay = R"({"containers":[{"name":"container-0","volumeMounts":[
    {"name":"volume-emptydir1","mountPath":"/dev/shm"}]}],
    "volumes":[{"emptyDir":{"medium":"Memory","sizeLimit":"4Gi"},"name":"volume-emptydir1"}]})";
const char *kRemountWay = R"({"containers":[{"name":"container-0",
    "command":["/bin/sh","-c","mount -o size=4096M -o remount /dev/shm;bash"],
    "securityContext":{"capabilities":{"add":["SYS_ADMIN"]}}}]})";

} // namespace

void tst_ShmRules::checkShm_data()
{
    QTest::addColumn<QJsonObject>("podSpec");
    QTest::addColumn<qint64>("podMemory");
    QTest::addColumn<QStringList>("ways");     // "emptyDir|remount name size path"
    QTest::addColumn<QStringList>("expected"); // "severity code path"
    const QString mount0 = u"containers[0].volumeMounts[0]"_s;
    const QString command2 = u"containers[0].command[2]"_s;
    QTest::newRow("guide: Memory emptyDir 4Gi of 8Gi")
        << spec(kEmptyDirWay) << 8 * kGi
        << QStringList{u"emptyDir volume-emptydir1 4294967296 "_s + mount0}
        << QStringList{u"info shm.countedInMemory "_s + mount0};
    QTest::newRow("guide: remount 4096M of 8Gi with SYS_ADMIN")
        << spec(kRemountWay) << 8 * kGi
        << QStringList{u"remount container-0 4294967296 "_s + command2}
        << QStringList{u"info shm.countedInMemory "_s + command2};
    QTest::newRow("remount without SYS_ADMIN")
        << spec(R"({"containers":[{"name":"c","args":["mount -o remount,size=1g /dev/shm && run"]}]})")
        << 8 * kGi << QStringList{u"remount c 1073741824 containers[0].args[0]"_s}
        << QStringList{u"warning shm.remountNoSysAdmin containers[0].args[0]"_s,
                       u"info shm.countedInMemory containers[0].args[0]"_s};
    QTest::newRow("remount without a size")
        << spec(R"({"containers":[{"name":"c","command":["sh","-c","mount -o remount /dev/shm"],
            "securityContext":{"capabilities":{"add":["CAP_SYS_ADMIN"]}}}]})")
        << 8 * kGi << QStringList{u"remount c -1 containers[0].command[2]"_s}
        << QStringList{u"warning volume.shmLarge containers[0].command[2]"_s};
    QTest::newRow("remount 6g of 8Gi: above half")
        << spec(R"({"containers":[{"name":"c","command":["sh","-c","mount -o size=6g -o remount /dev/shm"],
            "securityContext":{"capabilities":{"add":["SYS_ADMIN"]}}}]})")
        << 8 * kGi << QStringList{u"remount c 6442450944 containers[0].command[2]"_s}
        << QStringList{u"warning volume.shmLarge containers[0].command[2]"_s,
                       u"info shm.countedInMemory containers[0].command[2]"_s};
    QTest::newRow("both ways in one pod")
        << spec(R"({"containers":[{"name":"c","volumeMounts":[{"name":"shm","mountPath":"/dev/shm"}],
            "command":["sh","-c","mount -o size=2g -o remount /dev/shm"],
            "securityContext":{"capabilities":{"add":["SYS_ADMIN"]}}}],
            "volumes":[{"name":"shm","emptyDir":{"medium":"Memory","sizeLimit":"2Gi"}}]})")
        << 8 * kGi
        << QStringList{u"emptyDir shm 2147483648 "_s + mount0,
                       u"remount c 2147483648 "_s + command2}
        << QStringList{u"info shm.countedInMemory "_s + mount0,
                       u"warning shm.bothWays "_s + command2,
                       u"info shm.countedInMemory "_s + command2};
    QTest::newRow("Memory emptyDir without sizeLimit")
        << spec(R"({"containers":[{"name":"c","volumeMounts":[{"name":"shm","mountPath":"/dev/shm/"}]}],
            "volumes":[{"name":"shm","emptyDir":{"medium":"Memory"}}]})")
        << 8 * kGi << QStringList{u"emptyDir shm -1 "_s + mount0}
        << QStringList{u"warning volume.shmLarge "_s + mount0};
    QTest::newRow("disk emptyDir at /dev/shm is not a shm sizing")
        << spec(R"({"containers":[{"name":"c","volumeMounts":[{"name":"shm","mountPath":"/dev/shm"}]}],
            "volumes":[{"name":"shm","emptyDir":{}}]})")
        << 8 * kGi << QStringList{} << QStringList{};
    QTest::newRow("Memory emptyDir elsewhere is not /dev/shm")
        << spec(R"({"containers":[{"name":"c","volumeMounts":[{"name":"m","mountPath":"/cache"}]}],
            "volumes":[{"name":"m","emptyDir":{"medium":"Memory"}}]})")
        << 8 * kGi << QStringList{} << QStringList{};
    QTest::newRow("a mount of something else")
        << spec(R"({"containers":[{"name":"c","command":["sh","-c","mount -o remount /data; ls /dev/shm"]}]})")
        << 8 * kGi << QStringList{} << QStringList{};
    QTest::newRow("init container remount counts too")
        << spec(R"({"initContainers":[{"name":"i","command":["mount","-o","size=512m,remount","/dev/shm"]}],
            "containers":[{"name":"c"}]})")
        << 2 * kGi << QStringList{u"remount i 536870912 initContainers[0].command"_s}
        << QStringList{u"warning shm.remountNoSysAdmin initContainers[0].command"_s,
                       u"info shm.countedInMemory initContainers[0].command"_s};
}

void tst_ShmRules::checkShm()
{
    QFETCH(QJsonObject, podSpec);
    QFETCH(qint64, podMemory);
    QFETCH(QStringList, ways);
    QFETCH(QStringList, expected);
    QStringList found;
    for (const ShmUse &u : findShmUses(podSpec))
        found << u"%1 %2 %3 %4"_s.arg(u.way == ShmUse::Way::Remount ? u"remount"_s : u"emptyDir"_s,
                                      u.name)
                     .arg(u.sizeBytes)
                     .arg(u.path);
    QCOMPARE(found, ways);
    QStringList actual;
    for (const Diagnostic &d : core::burst::checkShm(podSpec, podMemory)) {
        QVERIFY(!d.message.isEmpty());
        actual << severityName(d.severity) + u' ' + d.code + u' ' + d.path;
    }
    QCOMPARE(actual, expected);
}

// The hint gives the guide's size: half of the pod's memory request.
void tst_ShmRules::suggestion()
{
    const Diagnostics d = core::burst::checkShm(
        spec(R"({"containers":[{"name":"c","volumeMounts":[{"name":"shm","mountPath":"/dev/shm"}]}],
            "volumes":[{"name":"shm","emptyDir":{"medium":"Memory"}}]})"),
        3 * kGi);
    QCOMPARE(d.size(), 1);
    QVERIFY2(d.first().hint.contains(u"1536Mi"_s), qPrintable(d.first().hint));
    QVERIFY2(d.first().hint.contains(u"3Gi"_s), qPrintable(d.first().hint));
}

QTEST_GUILESS_MAIN(tst_ShmRules)
#include "tst_shmrules.moc"
