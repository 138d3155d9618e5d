#include "core/burst/cciusage.h"

#include <QJsonArray>
#include <QTest>

using namespace core::burst;

namespace {

const QStringList kVirtual{QStringLiteral("virtual-kubelet")};

QDateTime at(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
}

// A burst pod of `cpu`/`memory` limits that ran from `started` (and finished at `finished`).
QJsonObject pod(const QString &name, const QString &cpu, const QString &memory,
                const QString &started, const QString &finished = {},
                const QString &node = QStringLiteral("virtual-kubelet"))
{
    QJsonObject state;
    if (finished.isEmpty())
        state.insert(QStringLiteral("running"),
                     QJsonObject{{QStringLiteral("startedAt"), started}});
    else
        state.insert(QStringLiteral("terminated"),
                     QJsonObject{{QStringLiteral("startedAt"), started},
                                 {QStringLiteral("finishedAt"), finished}});
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("shop")},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("pod-template-hash"), QStringLiteral("5d9f")}}},
                     {QStringLiteral("ownerReferences"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                             {QStringLiteral("name"), QStringLiteral("web-5d9f")},
                                             {QStringLiteral("controller"), true}}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"), node},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("app")},
                          {QStringLiteral("resources"),
                           QJsonObject{{QStringLiteral("limits"),
                                        QJsonObject{{QStringLiteral("cpu"), cpu},
                                                    {QStringLiteral("memory"), memory}}}}}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                             {QStringLiteral("state"), state}}}}}}};
}

QJsonObject pod(const char *name, const char *cpu, const char *memory, const QString &started,
                const QString &finished = {},
                const QString &node = QStringLiteral("virtual-kubelet"))
{
    return pod(QString::fromLatin1(name), QString::fromLatin1(cpu), QString::fromLatin1(memory),
               started, finished, node);
}

} // namespace

class TestCciUsage : public QObject
{
    Q_OBJECT
private slots:
    void billedSize_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<bool>("sized");
        QTest::addColumn<qint64>("cpuMilli");
        QTest::addColumn<qint64>("memoryBytes");
        QTest::addColumn<bool>("fromAnnotations");
        const QString t = QStringLiteral("2026-01-01T00:00:00Z");
        QTest::newRow("valid as is") << pod("a", "1", "2Gi", t)
                                     << true << qint64(1000) << qint64(2) * (1 << 30) << false;
        // 300m rounds to 500m? No: to the 250m step above (500m), memory raised to the 1:2 ratio.
        QTest::newRow("normalized") << pod(QStringLiteral("b"), QStringLiteral("300m"),
                                           QStringLiteral("512Mi"), t)
                                    << true << qint64(500) << qint64(1) * (1 << 30) << false;
        QJsonObject annotated = pod(QStringLiteral("c"), QStringLiteral("300m"),
                                    QStringLiteral("512Mi"), t);
        QJsonObject meta = annotated.value(QStringLiteral("metadata")).toObject();
        meta.insert(QStringLiteral("annotations"),
                    QJsonObject{{QStringLiteral("virtual-kubelet.cci.io/burst-pod-cpu"),
                                 QStringLiteral("2")},
                                {QStringLiteral("virtual-kubelet.cci.io/burst-pod-memory"),
                                 QStringLiteral("4Gi")}});
        annotated.insert(QStringLiteral("metadata"), meta);
        QTest::newRow("annotations win") << annotated << true << qint64(2000)
                                         << qint64(4) * (1 << 30) << true;
        QJsonObject half = annotated;
        meta.insert(QStringLiteral("annotations"),
                    QJsonObject{{QStringLiteral("virtual-kubelet.cci.io/burst-pod-cpu"),
                                 QStringLiteral("two")}});
        half.insert(QStringLiteral("metadata"), meta);
        QTest::newRow("bad annotation: computed") << half << true << qint64(500)
                                                  << qint64(1) * (1 << 30) << false;
        QTest::newRow("invalid quantity") << pod(QStringLiteral("d"), QStringLiteral("lots"),
                                                 QStringLiteral("1Gi"), t)
                                          << false << qint64(0) << qint64(0) << false;
        QTest::newRow("too big for CCI") << pod(QStringLiteral("e"), QStringLiteral("64"),
                                                QStringLiteral("64Gi"), t)
                                         << false << qint64(0) << qint64(0) << false;
    }
    void billedSize()
    {
        QFETCH(QJsonObject, pod);
        QFETCH(bool, sized);
        const auto size = core::burst::billedSize(pod);
        QCOMPARE(size.has_value(), sized);
        if (!sized)
            return;
        QFETCH(qint64, cpuMilli);
        QFETCH(qint64, memoryBytes);
        QFETCH(bool, fromAnnotations);
        QCOMPARE(size->cpuMilli, cpuMilli);
        QCOMPARE(size->memoryBytes, memoryBytes);
        QCOMPARE(size->fromAnnotations, fromAnnotations);
    }

    void workload_data()
    {
        QTest::addColumn<QString>("ownerKind");
        QTest::addColumn<QString>("ownerName");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QString>("expected");
        QTest::newRow("deployment") << QStringLiteral("ReplicaSet") << QStringLiteral("web-5d9f") << QStringLiteral("5d9f") << QStringLiteral("Deployment/web");
        QTest::newRow("bare replicaset") << QStringLiteral("ReplicaSet") << QStringLiteral("web") << QStringLiteral("5d9f") << QStringLiteral("ReplicaSet/web");
        QTest::newRow("no hash label") << QStringLiteral("ReplicaSet") << QStringLiteral("web-5d9f") << QStringLiteral("") << QStringLiteral("ReplicaSet/web-5d9f");
        QTest::newRow("hash is the name") << QStringLiteral("ReplicaSet") << QStringLiteral("-5d9f") << QStringLiteral("5d9f")
                                          << QStringLiteral("ReplicaSet/-5d9f");
        QTest::newRow("statefulset") << QStringLiteral("StatefulSet") << QStringLiteral("db") << QStringLiteral("") << QStringLiteral("StatefulSet/db");
        QTest::newRow("no controller") << QStringLiteral("") << QStringLiteral("") << QStringLiteral("") << QStringLiteral("Pod/p");
    }
    void workload()
    {
        QFETCH(QString, ownerKind);
        QFETCH(QString, ownerName);
        QFETCH(QString, hash);
        QJsonObject meta{{QStringLiteral("name"), QStringLiteral("p")}};
        if (!hash.isEmpty())
            meta.insert(QStringLiteral("labels"),
                        QJsonObject{{QStringLiteral("pod-template-hash"), hash}});
        if (!ownerKind.isEmpty())
            meta.insert(QStringLiteral("ownerReferences"),
                        QJsonArray{QJsonObject{{QStringLiteral("kind"), ownerKind},
                                               {QStringLiteral("name"), ownerName},
                                               {QStringLiteral("controller"), true}}});
        QTEST(podWorkload(QJsonObject{{QStringLiteral("metadata"), meta}}), "expected");
    }

    void span_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<QDateTime>("goneAt");
        QTest::addColumn<bool>("counted");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("end");
        const QString s = QStringLiteral("2026-01-01T10:00:00Z");
        const QString f = QStringLiteral("2026-01-01T11:30:00Z");
        QTest::newRow("running") << pod("a", "1", "2Gi", s) << QDateTime() << true
                                 << at("2026-01-01T10:00:00Z") << QDateTime();
        QTest::newRow("finished") << pod("a", "1", "2Gi", s, f) << QDateTime() << true
                                  << at("2026-01-01T10:00:00Z") << at("2026-01-01T11:30:00Z");
        QTest::newRow("deleted while running")
            << pod("a", "1", "2Gi", s) << at("2026-01-01T10:20:00Z") << true
            << at("2026-01-01T10:00:00Z") << at("2026-01-01T10:20:00Z");
        QTest::newRow("deleted after it finished: finish counts")
            << pod("a", "1", "2Gi", s, f) << at("2026-01-01T12:00:00Z") << true
            << at("2026-01-01T10:00:00Z") << at("2026-01-01T11:30:00Z");
        QTest::newRow("local pod") << pod("a", "1", "2Gi", s, {}, QStringLiteral("node-1"))
                                   << QDateTime() << false << QDateTime() << QDateTime();
        QJsonObject pending = pod("a", "1", "2Gi", s);
        pending.insert(QStringLiteral("status"), QJsonObject{});
        QTest::newRow("never ran") << pending << QDateTime() << false << QDateTime()
                                   << QDateTime();
    }
    void span()
    {
        QFETCH(QJsonObject, pod);
        QFETCH(QDateTime, goneAt);
        QFETCH(bool, counted);
        const auto span = billedSpan(pod, kVirtual, goneAt);
        QCOMPARE(span.has_value(), counted);
        if (!counted)
            return;
        QTEST(span->start, "start");
        QTEST(span->end, "end");
        QCOMPARE(span->workload, QStringLiteral("Deployment/web"));
        QCOMPARE(span->nameSpace, QStringLiteral("shop"));
    }

    void usage_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<double>("vcpuHours");
        QTest::addColumn<double>("gibHours");
        QTest::addColumn<int>("pods");
        // Spans (see usage()): A 2 vCPU / 4 GiB 10:00-12:00; B 1 vCPU / 2 GiB 11:00-still
        // running; "now" is 13:00.
        QTest::newRow("whole day") << at("2026-01-01T00:00:00Z") << at("2026-01-02T00:00:00Z")
                                   << 2.0 * 2 + 1.0 * 2 << 4.0 * 2 + 2.0 * 2 << 2;
        QTest::newRow("clipped at both ends")
            << at("2026-01-01T11:00:00Z") << at("2026-01-01T11:30:00Z") << 2.0 * 0.5 + 1.0 * 0.5
            << 4.0 * 0.5 + 2.0 * 0.5 << 2;
        QTest::newRow("before any") << at("2026-01-01T08:00:00Z") << at("2026-01-01T09:00:00Z")
                                    << 0.0 << 0.0 << 0;
        QTest::newRow("future clipped at now")
            << at("2026-01-01T12:30:00Z") << at("2026-01-01T20:00:00Z") << 1.0 * 0.5 << 2.0 * 0.5
            << 1;
        QTest::newRow("empty window") << at("2026-01-01T11:00:00Z") << at("2026-01-01T11:00:00Z")
                                      << 0.0 << 0.0 << 0;
        QTest::newRow("reversed window")
            << at("2026-01-01T12:00:00Z") << at("2026-01-01T10:00:00Z") << 0.0 << 0.0 << 0;
    }
    void usage()
    {
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        const QList<BilledSpan> spans{
            {QStringLiteral("shop"), QStringLiteral("Deployment/web"), {2000, 4LL << 30, false},
             at("2026-01-01T10:00:00Z"), at("2026-01-01T12:00:00Z")},
            {QStringLiteral("batch"), QStringLiteral("Job/etl"), {1000, 2LL << 30, true},
             at("2026-01-01T11:00:00Z"), QDateTime()},
        };
        const UsageReport report = cciUsage(spans, from, to, at("2026-01-01T13:00:00Z"));
        QFETCH(double, vcpuHours);
        QFETCH(double, gibHours);
        QVERIFY2(qAbs(report.total.vcpuHours - vcpuHours) < 1e-9,
                 qPrintable(QString::number(report.total.vcpuHours)));
        QVERIFY(qAbs(report.total.gibHours - gibHours) < 1e-9);
        QTEST(report.total.pods, "pods");
        QCOMPARE(report.byWorkload.size(), report.total.pods);
        double sum = 0;
        for (const UsageRow &row : report.byNamespace)
            sum += row.vcpuHours;
        QVERIFY(qAbs(sum - vcpuHours) < 1e-9);
        QVERIFY(!report.total.cost.has_value());
    }

    void costAndCsv()
    {
        const QList<BilledSpan> spans{
            {QStringLiteral("shop"), QStringLiteral("Deployment/web"), {2000, 4LL << 30, false},
             at("2026-01-01T10:00:00Z"), at("2026-01-01T11:00:00Z")}};
        UsagePrice price;
        price.perVcpuHour = 0.5;
        const UsageReport priced = cciUsage(spans, at("2026-01-01T00:00:00Z"),
                                            at("2026-01-02T00:00:00Z"),
                                            at("2026-01-02T00:00:00Z"), price);
        QVERIFY(priced.total.cost.has_value());
        QCOMPARE(*priced.total.cost, 1.0); // 2 vCPU-hours x 0.5; no GiB price: 0
        price.perGibHour = 0.25;
        const UsageReport both = cciUsage(spans, at("2026-01-01T00:00:00Z"),
                                          at("2026-01-02T00:00:00Z"),
                                          at("2026-01-02T00:00:00Z"), price);
        QCOMPARE(*both.total.cost, 2.0); // + 4 GiB-hours x 0.25
        const QList<QByteArray> lines = usageCsv(both).split('\n');
        QCOMPARE(lines.at(0), QByteArray("scope,namespace,workload,pods,vcpu_hours,gib_hours,cost\r"));
        QCOMPARE(lines.at(1),
                 QByteArray("workload,shop,Deployment/web,1,2.000000,4.000000,2.000000\r"));
        QCOMPARE(lines.at(2), QByteArray("namespace,shop,,1,2.000000,4.000000,2.000000\r"));
        QCOMPARE(lines.at(3), QByteArray("total,,,1,2.000000,4.000000,2.000000\r"));
    }
};

QTEST_APPLESS_MAIN(TestCciUsage)
#include "tst_cciusage.moc"
