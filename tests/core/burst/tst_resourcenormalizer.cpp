#include "core/burst/podresources.h"
#include "core/burst/resourcenormalizer.h"
#include "core/kube/quantity.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace core::burst;
using core::kube::Quantity;

namespace {

// "app:250m/512Mi;init:2/4Gi;app:-/-" -> pod spec with limits (or requests when prefixed "req:")
QJsonObject podSpec(const QString &dsl)
{
    QJsonArray containers;
    QJsonArray inits;
    int n = 0;
    for (const QString &part : dsl.split(u';', Qt::SkipEmptyParts)) {
        const QStringList fields = part.split(u':');
        const QString kind = fields.at(0);
        const bool requestsOnly = fields.size() == 3 && fields.at(1) == u"req";
        const QStringList values = fields.last().split(u'/');
        QJsonObject section;
        if (values.at(0) != u"-")
            section.insert(QStringLiteral("cpu"), values.at(0));
        if (values.at(1) != u"-")
            section.insert(QStringLiteral("memory"), values.at(1));
        QJsonObject resources;
        if (!section.isEmpty())
            resources.insert(requestsOnly ? QStringLiteral("requests") : QStringLiteral("limits"),
                             section);
        const QJsonObject c{{QStringLiteral("name"), QStringLiteral("c%1").arg(n++)},
                            {QStringLiteral("image"), QStringLiteral("nginx")},
                            {QStringLiteral("resources"), resources}};
        (kind == u"init" ? inits : containers).append(c);
    }
    QJsonObject spec{{QStringLiteral("containers"), containers}};
    if (!inits.isEmpty())
        spec.insert(QStringLiteral("initContainers"), inits);
    return spec;
}

qint64 milli(const QString &q)
{
    return Quantity::parse(q)->milliValue();
}

qint64 bytes(const QString &q)
{
    return Quantity::parse(q)->value();
}

QStringList codes(const core::Diagnostics &diagnostics, core::Severity severity)
{
    QStringList out;
    for (const core::Diagnostic &d : diagnostics) {
        if (d.severity == severity)
            out.append(d.code);
    }
    return out;
}

} // namespace

class tst_Resourcenormalizer : public QObject
{
    Q_OBJECT

private slots:
    void specExamples_data();
    void specExamples();
    void validity_data();
    void validity();
    void limitsWinOverRequests();
    void initDominatesFirstAppRaised();
    void reasonsPerContainer();
    void badQuantitiesAreErrors_data();
    void badQuantitiesAreErrors();
};

void tst_Resourcenormalizer::specExamples_data()
{
    QTest::addColumn<QString>("pod");
    QTest::addColumn<bool>("admissible");
    QTest::addColumn<QString>("cpu");
    QTest::addColumn<QString>("memory");
    QTest::addColumn<QString>("firstCpu"); // first app container after normalization
    QTest::addColumn<QString>("firstMemory");
    QTest::addColumn<QString>("errorCode"); // one expected error when rejected

    // SPEC.md section 3, worked examples (app containers unless noted).
    QTest::newRow("guide 250m/512Mi") << "app:250m/512Mi" << true << "250m"
                                      << "1Gi"
                                      << "250m"
                                      << "1Gi"
                                      << "";
    QTest::newRow("two 500m/1024Mi unchanged") << "app:500m/1024Mi;app:500m/1024Mi" << true << "1"
                                               << "2Gi"
                                               << "500m"
                                               << "1Gi"
                                               << "";
    QTest::newRow("100m/100Mi") << "app:100m/100Mi" << true << "250m"
                                << "1Gi"
                                << "250m"
                                << "1Gi"
                                << "";
    QTest::newRow("4/1Gi memory raised") << "app:4/1Gi" << true << "4"
                                         << "8Gi"
                                         << "4"
                                         << "8Gi"
                                         << "";
    QTest::newRow("250m/4Gi cpu raised") << "app:250m/4Gi" << true << "500m"
                                         << "4Gi"
                                         << "500m"
                                         << "4Gi"
                                         << "";
    QTest::newRow("1100m/3Gi cpu rounded") << "app:1100m/3Gi" << true << "1250m"
                                           << "3Gi"
                                           << "1250m"
                                           << "3Gi"
                                           << "";
    QTest::newRow("33/66Gi rejected") << "app:33/66Gi" << false << "33"
                                      << "66Gi"
                                      << "33"
                                      << "66Gi"
                                      << "resources.cpu.range";
    QTest::newRow("48/96Gi valid") << "app:48/96Gi" << true << "48"
                                   << "96Gi"
                                   << "48"
                                   << "96Gi"
                                   << "";
    QTest::newRow("30/300Gi rejected") << "app:30/300Gi" << false << "30"
                                       << "300Gi"
                                       << "30"
                                       << "300Gi"
                                       << "resources.ratio";
    QTest::newRow("init 2/4Gi app 500m/1Gi valid") << "init:2/4Gi;app:500m/1Gi" << true << "2"
                                                   << "4Gi"
                                                   << "500m"
                                                   << "1Gi"
                                                   << "";
    QTest::newRow("all BestEffort rejected") << "app:-/-;app:-/-" << false << "0"
                                             << "0"
                                             << ""
                                             << ""
                                             << "resources.cpu.zero";
    // Further rows worked out by hand from the five steps.
    QTest::newRow("64/256Gi valid as is") << "app:64/256Gi" << true << "64"
                                          << "256Gi"
                                          << "64"
                                          << "256Gi"
                                          << "";
    QTest::newRow("64/600Gi memory over 512Gi") << "app:64/600Gi" << false << "64"
                                                << "600Gi"
                                                << "64"
                                                << "600Gi"
                                                << "resources.memory.range";
    QTest::newRow("cpu only 1 core") << "app:1/-" << true << "1"
                                     << "2Gi"
                                     << "1"
                                     << "2Gi"
                                     << "";
    QTest::newRow("memory only 2Gi") << "app:-/2Gi" << true << "250m"
                                     << "2Gi"
                                     << "250m"
                                     << "2Gi"
                                     << "";
    QTest::newRow("32/1Gi raised to 64Gi") << "app:32/1Gi" << true << "32"
                                           << "64Gi"
                                           << "32"
                                           << "64Gi"
                                           << "";
    QTest::newRow("1/256Gi cpu raised to 32") << "app:1/256Gi" << true << "32"
                                              << "256Gi"
                                              << "32"
                                              << "256Gi"
                                              << "";
    QTest::newRow("31900m rounds to 32") << "app:31900m/64Gi" << true << "32"
                                         << "64Gi"
                                         << "32"
                                         << "64Gi"
                                         << "";
    QTest::newRow("1.5 cores 2.5Gi: memory to 3Gi") << "app:1.5/2.5Gi" << true << "1500m"
                                                    << "3Gi"
                                                    << "1500m"
                                                    << "3Gi"
                                                    << "";
    QTest::newRow("second container gets nothing")
        << "app:100m/100Mi;app:100m/100Mi" << true << "500m"
        << "1Gi"
        << "250m"
        << "858993459"
        << ""; // 0.2Gi from step 1 plus the whole step-3 increase
    QTest::newRow("BestEffort first, second carries") << "app:-/-;app:300m/700Mi" << true << "500m"
                                                      << "1Gi"
                                                      << ""
                                                      << ""
                                                      << "";
    QTest::newRow("exactly 2 per core, not whole Gi")
        << "app:250m/512Mi;app:250m/512Mi" << true << "500m"
        << "1Gi"
        << "250m"
        << "512Mi"
        << "";
}

void tst_Resourcenormalizer::specExamples()
{
    QFETCH(QString, pod);
    QFETCH(bool, admissible);
    QFETCH(QString, cpu);
    QFETCH(QString, memory);
    QFETCH(QString, firstCpu);
    QFETCH(QString, firstMemory);
    QFETCH(QString, errorCode);

    core::Diagnostics readErrors;
    const QList<ContainerResources> containers = readContainerResources(podSpec(pod), &readErrors);
    QVERIFY(readErrors.isEmpty());
    const NormalizationResult r = normalizeForCci(containers);
    QCOMPARE(r.admissible, admissible);
    QCOMPARE(r.podAfter.cpuMilli, milli(cpu));
    QCOMPARE(r.podAfter.memoryBytes, bytes(memory));
    if (!firstCpu.isEmpty()) {
        const ContainerResources &first = r.after.at(0).init ? r.after.at(1) : r.after.at(0);
        QCOMPARE(first.cpuMilli, milli(firstCpu));
        QCOMPARE(first.memoryBytes, bytes(firstMemory));
    }
    if (admissible)
        QVERIFY(codes(r.diagnostics, core::Severity::Error).isEmpty());
    else
        QVERIFY2(codes(r.diagnostics, core::Severity::Error).contains(errorCode),
                 qPrintable(codes(r.diagnostics, core::Severity::Error).join(u',')));
}

void tst_Resourcenormalizer::validity_data()
{
    QTest::addColumn<QString>("cpu");
    QTest::addColumn<QString>("memory");
    QTest::addColumn<QStringList>("errors");

    const QStringList none;
    QTest::newRow("250m/1Gi lowest") << "250m"
                                     << "1Gi" << none;
    QTest::newRow("1100m not a 250m step")
        << "1100m"
        << "3Gi" << QStringList{QStringLiteral("resources.cpu.step")};
    QTest::newRow("500m/1Gi") << "500m"
                              << "1Gi" << none;
    QTest::newRow("249m") << "249m"
                          << "1Gi" << QStringList{QStringLiteral("resources.cpu.range")};
    QTest::newRow("32 cores 64Gi") << "32"
                                   << "64Gi" << none;
    QTest::newRow("32001m") << "32001m"
                            << "128Gi" << QStringList{QStringLiteral("resources.cpu.range")};
    QTest::newRow("48 cores") << "48"
                              << "96Gi" << none;
    QTest::newRow("64 cores 512Gi") << "64"
                                    << "512Gi" << none;
    QTest::newRow("40 cores") << "40"
                              << "80Gi" << QStringList{QStringLiteral("resources.cpu.range")};
    QTest::newRow("zero cpu") << "0"
                              << "1Gi" << QStringList{QStringLiteral("resources.cpu.zero")};
    QTest::newRow("1.5Gi not whole")
        << "500m"
        << "1536Mi" << QStringList{QStringLiteral("resources.memory.wholeGi")};
    QTest::newRow("513Gi") << "64"
                           << "513Gi"
                           << QStringList{QStringLiteral("resources.memory.range"),
                                          QStringLiteral("resources.ratio")};
    QTest::newRow("ratio 9") << "1"
                             << "9Gi" << QStringList{QStringLiteral("resources.ratio")};
    QTest::newRow("ratio 8 ok") << "1"
                                << "8Gi" << none;
    QTest::newRow("ratio 2 ok") << "1"
                                << "2Gi" << none;
    QTest::newRow("ratio below 2") << "1"
                                   << "1Gi" << QStringList{QStringLiteral("resources.ratio")};
}

void tst_Resourcenormalizer::validity()
{
    QFETCH(QString, cpu);
    QFETCH(QString, memory);
    QFETCH(QStringList, errors);
    const core::Diagnostics d = checkCciPodTotals(PodTotals{milli(cpu), bytes(memory)});
    QCOMPARE(codes(d, core::Severity::Error), errors);
}

void tst_Resourcenormalizer::limitsWinOverRequests()
{
    const QJsonObject spec{
        {QStringLiteral("containers"),
         QJsonArray{QJsonObject{
             {QStringLiteral("name"), QStringLiteral("a")},
             {QStringLiteral("resources"),
              QJsonObject{{QStringLiteral("requests"),
                           QJsonObject{{QStringLiteral("cpu"), QStringLiteral("100m")},
                                       {QStringLiteral("memory"), QStringLiteral("1Gi")}}},
                          {QStringLiteral("limits"),
                           QJsonObject{{QStringLiteral("cpu"), QStringLiteral("1")}}}}}}}}};
    const QList<ContainerResources> c = readContainerResources(spec, nullptr);
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.at(0).cpuMilli, 1000);               // limit
    QCOMPARE(c.at(0).memoryBytes, qint64(1) << 30); // no limit: request
    QCOMPARE(localRequests(spec).cpuMilli, 100);    // the local scheduler reserves requests
}

void tst_Resourcenormalizer::initDominatesFirstAppRaised()
{
    // init 3 / 1Gi dominates cpu; pod 3 cores needs memory >= 6Gi: the app container is raised
    // until the pod reaches it (decided rule), memory is carried by the app container.
    const NormalizationResult r = normalizeForCci(
        readContainerResources(podSpec(QStringLiteral("init:3/1Gi;app:500m/1Gi")), nullptr));
    QVERIFY(r.admissible);
    QCOMPARE(r.podAfter.cpuMilli, 3000);
    QCOMPARE(r.podAfter.memoryBytes, 6 * kGi);
    QCOMPARE(r.after.at(0).memoryBytes, 6 * kGi);
    QCOMPARE(r.after.at(0).cpuMilli, 500);  // cpu target equals the init value: no raise needed
    QCOMPARE(r.after.at(1).cpuMilli, 3000); // init unchanged
}

void tst_Resourcenormalizer::reasonsPerContainer()
{
    const NormalizationResult r =
        normalizeForCci(readContainerResources(podSpec(QStringLiteral("app:100m/100Mi")), nullptr));
    QVERIFY(r.normalized());
    QCOMPARE(r.changes.size(), 2);
    QStringList got;
    for (const ResourceChange &c : r.changes) {
        for (NormalizationReason reason : c.reasons)
            got.append(c.resource + u'=' + reasonCode(reason));
    }
    QCOMPARE(got, (QStringList{QStringLiteral("cpu=step1.cpuRounded"),
                               QStringLiteral("memory=step1.memoryMin"),
                               QStringLiteral("memory=step3.memoryWholeGi")}));
}

void tst_Resourcenormalizer::badQuantitiesAreErrors_data()
{
    QTest::addColumn<QString>("pod");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::newRow("1.5.5Gi") << "app:1/1.5.5Gi"
                             << "resources.quantity"
                             << "containers[0].resources.limits.memory";
    QTest::newRow("-1 cpu") << "app:-1/1Gi"
                            << "resources.negative"
                            << "containers[0].resources.limits.cpu";
    QTest::newRow("1e400") << "init:1e400/1Gi"
                           << "resources.quantity"
                           << "initContainers[0].resources.limits.cpu";
    QTest::newRow("requests bad") << "app:req:2x/1Gi"
                                  << "resources.quantity"
                                  << "containers[0].resources.requests.cpu";
    // Would be normalized to 250m / 1Gi if the bad memory counted as absent.
    QTest::newRow("small pod, bad memory: no normalization")
        << "app:100m/lots;app:100m/100Mi"
        << "resources.quantity"
        << "containers[0].resources.limits.memory";
}

void tst_Resourcenormalizer::badQuantitiesAreErrors()
{
    QFETCH(QString, pod);
    QFETCH(QString, code);
    QFETCH(QString, path);
    core::Diagnostics d;
    const QList<ContainerResources> containers = readContainerResources(podSpec(pod), &d);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.at(0).code, code);
    QCOMPARE(d.at(0).path, path);
    QCOMPARE(d.at(0).severity, core::Severity::Error);
    // The error is all: the pod cannot be sized, so it is neither checked nor normalized.
    const NormalizationResult n = normalizeForCci(containers);
    QVERIFY(n.invalidInput);
    QVERIFY(n.diagnostics.isEmpty());
    QVERIFY(!n.attempted);
    QVERIFY(!n.normalized());
    QVERIFY(!n.admissible);
    QCOMPARE(n.after, n.before);
}

QTEST_GUILESS_MAIN(tst_Resourcenormalizer)
#include "tst_resourcenormalizer.moc"
