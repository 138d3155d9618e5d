#include "models/workloadsummarymodel.h"

#include "core/kube/manifestloader.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>

using models::WorkloadSummaryModel;

namespace {

QList<WorkloadSummaryModel::Row> exampleRows()
{
    const QString dir =
        qEnvironmentVariable("BURST_SOURCE_DIR") + QStringLiteral("/resources/examples");
    const core::kube::LoadResult loaded = core::kube::loadManifestPaths({dir});
    QList<QJsonObject> objects;
    for (const auto &o : loaded.objects)
        objects.append(o.object);
    const QList<core::burst::PreviewResult> previews = core::burst::previewObjects(objects, {});
    QList<WorkloadSummaryModel::Row> rows;
    for (const auto &p : previews)
        rows.append({QStringLiteral("x.yaml"), p});
    return rows;
}

} // namespace

class tst_WorkloadSummaryModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void columns_data();
    void columns();
};

void tst_WorkloadSummaryModel::passesModelTester()
{
    WorkloadSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setRows(exampleRows());
    QCOMPARE(model.rowCount(), 9);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_WorkloadSummaryModel::columns_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    // rows follow file order: 01 test, 02 nginx, 03 nginx (payments), 04 test, 05 two pods, ...
    QTest::newRow("strategy with source")
        << 0 << int(WorkloadSummaryModel::Strategy) << "auto (workloadLabel)";
    QTest::newRow("profile") << 1 << int(WorkloadSummaryModel::Profile) << "test-cci-profile";
    QTest::newRow("namespace") << 2 << int(WorkloadSummaryModel::Namespace) << "payments";
    QTest::newRow("normalized memory") << 0 << int(WorkloadSummaryModel::Memory) << "1Gi";
    QTest::newRow("rejected") << 8 << int(WorkloadSummaryModel::Admissible) << "no";
    QTest::newRow("rejected cpu as written") << 8 << int(WorkloadSummaryModel::Cpu) << "33";
}

void tst_WorkloadSummaryModel::columns()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    WorkloadSummaryModel model;
    model.setRows(exampleRows());
    QCOMPARE(model.index(row, column).data().toString(), text);
    if (text == u"no")
        QCOMPARE(model.index(row, column).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(Qt::red));
}

QTEST_GUILESS_MAIN(tst_WorkloadSummaryModel)
#include "tst_workloadsummarymodel.moc"
