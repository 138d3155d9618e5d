#include "core/sandbox/node/execgpu.h"
#include "core/sandbox/node/execshell.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;

// `nvidia-smi` in a sandbox pod (guide chapter 4, 4.2): a GPU pod's table shows one row per GPU
// it asks for, the model its resource names and the driver of its cri.cci.io/gpu-driver
// annotation; a pod without GPUs has no nvidia-smi.
class tst_ExecGpu : public QObject
{
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<QString>("pod");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("driver");
        QTest::newRow("no GPU") << uR"({"spec":{"containers":[{"name":"a"}]}})"_s << 0 << QString()
                                << QString();
        QTest::newRow("guide: nvidia.com/gpu 1, driver unset")
            << uR"({"spec":{"containers":[{"name":"a","resources":{"limits":{"nvidia.com/gpu":"1"}}}]}})"_s
            << 1 << u"Tesla P100-PCIE-16GB"_s << u"418.126"_s;
        QTest::newRow("two V100 32GB, 460 driver")
            << uR"({"metadata":{"annotations":{"cri.cci.io/gpu-driver":"gpu-460.106"}},"spec":{"containers":[{"name":"a","resources":{"requests":{"nvidia.com/gpu-tesla-v100-32GB":"2"}}}]}})"_s
            << 2 << u"Tesla V100-SXM2-32GB"_s << u"460.106"_s;
        QTest::newRow("two containers summed")
            << uR"({"spec":{"containers":[{"name":"a","resources":{"limits":{"nvidia.com/gpu-tesla-v100-16GB":2}}},{"name":"b","resources":{"limits":{"nvidia.com/gpu-tesla-v100-16GB":2}}}]}})"_s
            << 4 << u"Tesla V100-SXM2-16GB"_s << u"418.126"_s;
    }

    void table()
    {
        QFETCH(QString, pod);
        QFETCH(int, rows);
        QFETCH(QString, model);
        QFETCH(QString, driver);
        const QString table = nvidiaSmiFor(QJsonDocument::fromJson(pod.toUtf8()).object());
        if (rows == 0) {
            QVERIFY(table.isEmpty());
            return;
        }
        QCOMPARE(table.count(model), rows);
        QVERIFY(table.contains(u"Driver Version: "_s + driver));
        for (const QString &line : table.split(u'\n', Qt::SkipEmptyParts))
            QCOMPARE(line.size(), 79);
    }

    void shell()
    {
        ExecContext gpu;
        gpu.podName = u"train"_s;
        gpu.nvidiaSmi = nvidiaSmiTable(1, u"Tesla P100-PCIE-16GB"_s, 16280, u"418.126"_s);
        ExecShell withGpu(gpu);
        const ExecResult ran = withGpu.runArgv({u"nvidia-smi"_s});
        QCOMPARE(ran.exitCode, 0);
        QVERIFY(ran.out.contains("Tesla P100-PCIE-16GB"));
        QVERIFY(withGpu.runLine(u"/usr/bin/nvidia-smi && echo ok"_s).out.endsWith("ok\n"));

        ExecShell without(ExecContext{});
        const ExecResult missing = without.runArgv({u"nvidia-smi"_s});
        QCOMPARE(missing.exitCode, 127);
        QVERIFY(missing.err.contains("nvidia-smi: not found"));
    }
};

QTEST_GUILESS_MAIN(tst_ExecGpu)
#include "tst_execgpu.moc"
