#include "core/burst/cciconventions.h"
#include "core/burst/ccigpu.h"
#include "core/burst/resourcenormalizer.h"

#include "bursttesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Expected values: the guide's chapter 4 (GPU pods in a GPU-accelerated namespace, driver
// 418.126), the vendor docs' GPU resource names and driver annotation
// (cri.cci.io/gpu-driver: gpu-418.126 | gpu-460.106) and the decided GPU specifications (1, 2, 4
// or 8 GPUs with 4 cores and 32Gi each, ccigpu.h).
class tst_CciGpu : public QObject
{
    Q_OBJECT

private:
    static QJsonObject podSpec(const QString &json)
    {
        return QJsonDocument::fromJson(json.toUtf8()).object();
    }


private slots:
    void readRequest_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<bool>("invalid");
        QTest::newRow("no gpu") << uR"({"containers":[{"name":"a","resources":{"limits":{"cpu":"1"}}}]})"_s
                                << 0 << QString() << false;
        QTest::newRow("guide: nvidia.com/gpu 1")
            << uR"({"containers":[{"name":"a","resources":{"limits":{"nvidia.com/gpu":"1"}}}]})"_s
            << 1 << u"nvidia.com/gpu"_s << false;
        QTest::newRow("vendor: model resource, requests only")
            << uR"({"containers":[{"name":"a","resources":{"requests":{"nvidia.com/gpu-tesla-v100-16GB":2}}}]})"_s
            << 2 << u"nvidia.com/gpu-tesla-v100-16GB"_s << false;
        QTest::newRow("limit wins over request")
            << uR"({"containers":[{"name":"a","resources":{"limits":{"nvidia.com/gpu":"4"},"requests":{"nvidia.com/gpu":"1"}}}]})"_s
            << 4 << u"nvidia.com/gpu"_s << false;
        QTest::newRow("app containers summed")
            << uR"({"containers":[{"name":"a","resources":{"limits":{"nvidia.com/gpu":"1"}}},{"name":"b","resources":{"limits":{"nvidia.com/gpu":"2"}}}]})"_s
            << 3 << u"nvidia.com/gpu"_s << false;
        QTest::newRow("init container larger")
            << uR"({"containers":[{"name":"a","resources":{"limits":{"nvidia.com/gpu":"1"}}}],"initContainers":[{"name":"i","resources":{"limits":{"nvidia.com/gpu":"2"}}}]})"_s
            << 2 << u"nvidia.com/gpu"_s << false;
        QTest::newRow("fraction invalid")
            << uR"({"containers":[{"name":"a","resources":{"limits":{"nvidia.com/gpu":"500m"}}}]})"_s
            << 0 << QString() << true;
        QTest::newRow("other vendor ignored")
            << uR"({"containers":[{"name":"a","resources":{"limits":{"amd.com/gpu":"1"}}}]})"_s
            << 0 << QString() << false;
    }

    void readRequest()
    {
        QFETCH(QString, spec);
        QFETCH(int, count);
        QFETCH(QString, resource);
        QFETCH(bool, invalid);
        const GpuRequest gpu = readGpuRequest(podSpec(spec));
        QCOMPARE(gpu.count, count);
        QCOMPARE(gpu.resource, resource);
        QCOMPARE(gpu.invalid, invalid);
    }

    void rules_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("flavor");
        QTest::addColumn<QJsonValue>("driver"); // undefined: no annotation
        QTest::addColumn<QStringList>("expected");
        const QString path = u"containers[0].resources.limits[\"nvidia.com/gpu\"]"_s;
        const QString driverPath = u"@spec.template.metadata.annotations[\"cri.cci.io/gpu-driver\"]"_s;
        const QJsonValue guideDriver(u"gpu-418.126"_s);
        QTest::newRow("gpu namespace, guide driver")
            << 1 << int(NamespaceFlavor::GpuAccelerated) << guideDriver << QStringList();
        QTest::newRow("unknown namespace: not judged")
            << 1 << int(NamespaceFlavor::Unknown) << guideDriver << QStringList();
        QTest::newRow("general-computing namespace")
            << 1 << int(NamespaceFlavor::GeneralComputing) << guideDriver
            << QStringList{u"gpu.namespaceFlavor@"_s + path};
        QTest::newRow("3 GPUs not offered") << 3 << int(NamespaceFlavor::GpuAccelerated)
                                            << guideDriver << QStringList{u"gpu.count@"_s + path};
        QTest::newRow("16 GPUs not offered") << 16 << int(NamespaceFlavor::GpuAccelerated)
                                             << guideDriver << QStringList{u"gpu.count@"_s + path};
        QTest::newRow("8 GPUs, 460 driver") << 8 << int(NamespaceFlavor::GpuAccelerated)
                                            << QJsonValue(u"gpu-460.106"_s) << QStringList();
        QTest::newRow("driver missing: warning")
            << 2 << int(NamespaceFlavor::GpuAccelerated) << QJsonValue(QJsonValue::Undefined)
            << QStringList{u"gpu.driver@"_s + driverPath};
        QTest::newRow("driver unknown") << 2 << int(NamespaceFlavor::GpuAccelerated)
                                        << QJsonValue(u"gpu-410.104"_s)
                                        << QStringList{u"gpu.driver@"_s + driverPath};
        QTest::newRow("no GPUs: nothing") << 0 << int(NamespaceFlavor::GeneralComputing)
                                          << QJsonValue(QJsonValue::Undefined) << QStringList();
    }

    void rules()
    {
        QFETCH(int, count);
        QFETCH(int, flavor);
        QFETCH(QJsonValue, driver);
        QFETCH(QStringList, expected);
        GpuRequest gpu;
        gpu.count = count;
        gpu.resource = kGpuResource;
        gpu.path = u"containers[0].resources.limits[\"nvidia.com/gpu\"]"_s;
        QJsonObject annotations;
        if (!driver.isUndefined())
            annotations.insert(kGpuDriverAnnotation, driver);
        const Diagnostics diagnostics = checkGpuPod(gpu, annotations, NamespaceFlavor(flavor),
                                                    u"spec.template.metadata.annotations"_s);
        QCOMPARE(bursttest::codesAt(diagnostics), expected);
        for (const Diagnostic &d : diagnostics)
            QVERIFY(!d.hint.isEmpty());
    }

    void normalization_data()
    {
        QTest::addColumn<int>("gpus");
        QTest::addColumn<qint64>("cpu");    // millicores of the one container
        QTest::addColumn<qint64>("memory"); // Gi
        QTest::addColumn<qint64>("cpuAfter");
        QTest::addColumn<qint64>("memoryAfter");
        QTest::addColumn<bool>("admissible");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("1 GPU exactly 4/32Gi (vendor example)")
            << 1 << qint64(4000) << qint64(32) << qint64(4000) << qint64(32) << true
            << QStringList();
        QTest::newRow("1 GPU 1 core/2Gi raised") << 1 << qint64(1000) << qint64(2) << qint64(4000)
                                                 << qint64(32) << true
                                                 << QStringList{u"resources.normalized"_s};
        QTest::newRow("2 GPUs 4/32Gi raised to 8/64Gi")
            << 2 << qint64(4000) << qint64(32) << qint64(8000) << qint64(64) << true
            << QStringList{u"resources.normalized"_s};
        QTest::newRow("8 GPUs 32/256Gi") << 8 << qint64(32000) << qint64(256) << qint64(32000)
                                         << qint64(256) << true << QStringList();
        QTest::newRow("1 GPU with 8 cores: too large")
            << 1 << qint64(8000) << qint64(32) << qint64(8000) << qint64(32) << false
            << QStringList{u"gpu.shape"_s};
        QTest::newRow("3 GPUs: general rules (gpu.count reported elsewhere)")
            << 3 << qint64(1000) << qint64(2) << qint64(1000) << qint64(2) << true
            << QStringList();
    }

    void normalization()
    {
        QFETCH(int, gpus);
        QFETCH(qint64, cpu);
        QFETCH(qint64, memory);
        QFETCH(qint64, cpuAfter);
        QFETCH(qint64, memoryAfter);
        QFETCH(bool, admissible);
        QFETCH(QStringList, codes);
        ContainerResources c;
        c.name = u"train"_s;
        c.hasCpu = c.hasMemory = true;
        c.cpuMilli = cpu;
        c.memoryBytes = memory * kGi;
        const NormalizationResult r = normalizeForCci({c}, gpus);
        QCOMPARE(r.podAfter.cpuMilli, cpuAfter);
        QCOMPARE(r.podAfter.memoryBytes, memoryAfter * kGi);
        QCOMPARE(r.admissible, admissible);
        QStringList got;
        for (const Diagnostic &d : r.diagnostics)
            got.append(d.code);
        QCOMPARE(got, codes);
        if (codes.contains(u"resources.normalized"_s) && gpus != 3) {
            QCOMPARE(r.changes.size(), 2);
            QVERIFY(r.changes.first().reasons.contains(NormalizationReason::RaisedToGpuSpec));
        }
    }
};

QTEST_GUILESS_MAIN(tst_CciGpu)
#include "tst_ccigpu.moc"
