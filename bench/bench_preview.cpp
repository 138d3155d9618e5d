#include "core/burst/preview.h"
#include "core/burst/resourcenormalizer.h"
#include "core/kube/manifestloader.h"
#include "core/kube/quantity.h"
#include "core/burst/workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <QTest>

// What the preview engine costs: parsing the kubernetes/examples corpus, previewing every workload
// in it, and the two innermost rules. Figures per iteration, printed by QBENCHMARK.
class bench_Preview : public QObject
{
    Q_OBJECT

private:
    static QString corpus() { return QStringLiteral(BURST_CORPUS_DIR); }
    static QList<QJsonObject> corpusObjects()
    {
        QList<QJsonObject> objects;
        for (const auto &o : core::kube::loadManifestPaths({corpus()}).objects)
            objects.append(o.object);
        return objects;
    }

private slots:
    void loadCorpus()
    {
        qsizetype objects = 0;
        QBENCHMARK
        {
            objects = core::kube::loadManifestPaths({corpus()}).objects.size();
        }
        qInfo("corpus objects: %lld", qlonglong(objects));
    }

    void previewCorpus()
    {
        const QList<QJsonObject> objects = corpusObjects();
        qsizetype workloads = 0;
        QBENCHMARK
        {
            workloads = core::burst::previewObjects(objects, {}).size();
        }
        qInfo("previewed workloads: %lld", qlonglong(workloads));
    }

    void previewGuideExamples()
    {
        QList<QJsonObject> objects;
        for (const auto &o :
             core::kube::loadManifestPaths({QStringLiteral(BURST_SOURCE_DIR "/resources/examples")})
                 .objects)
            objects.append(o.object);
        QBENCHMARK
        {
            core::burst::previewObjects(objects, {});
        }
    }

    void normalizeOnePod()
    {
        const QList<core::burst::ContainerResources> containers = {
            {QStringLiteral("a"), false, 0, true, true, 100, 100 << 20},
            {QStringLiteral("b"), false, 1, true, true, 1100, 3LL << 30},
            {QStringLiteral("i"), true, 0, true, true, 2000, 4LL << 30}};
        QBENCHMARK
        {
            core::burst::normalizeForCci(containers);
        }
    }

    // The workbench opening a folder of 2,000 manifests: read, parse, preview every workload.
    void openTwoThousandManifests()
    {
        QTemporaryDir dir;
        const QDir examples(QStringLiteral(BURST_SOURCE_DIR "/resources/examples"));
        const QStringList names = examples.entryList({QStringLiteral("*.yaml")}, QDir::Files);
        for (int i = 0; i < 2000; ++i) {
            QFile in(examples.filePath(names.at(i % names.size())));
            QFile out(dir.filePath(QStringLiteral("m%1.yaml").arg(i, 4, 10, QLatin1Char('0'))));
            if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
                QFAIL("cannot write the generated manifests");
            // distinct names per copy so nothing is deduplicated
            const QByteArray renamed = QByteArray("name: c") + QByteArray::number(i) + '-';
            out.write(in.readAll().replace(QByteArray("name: "), renamed));
        }
        qsizetype workloads = 0;
        QBENCHMARK {
            core::burst::Workspace ws;
            ws.addFiles(core::burst::Workspace::readFiles({dir.path()}));
            workloads = ws.workloads().size();
        }
        qInfo("2000 files, %lld workloads", qlonglong(workloads));
    }

    void parseQuantity()
    {
        const QString text = QStringLiteral("1536Mi");
        QBENCHMARK
        {
            core::kube::Quantity::parse(text);
        }
    }
};

QTEST_GUILESS_MAIN(bench_Preview)
#include "bench_preview.moc"
