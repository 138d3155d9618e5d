#include "models/workloadsummarymodel.h"

#include "core/kube/manifestloader.h"
#include "tests/models/examplefiles.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
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
    void editOfOneWorkloadChangesItsRowOnly();
    void rowsThatComeAndGoAreInsertedAndRemoved();
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

void tst_WorkloadSummaryModel::editOfOneWorkloadChangesItsRowOnly()
{
    core::burst::Workspace ws = examplefiles::exampleWorkspace();
    WorkloadSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(WorkloadSummaryModel::rowsOf(ws));
    QCOMPARE(model.rowCount(), 9);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QString text = ws.files().at(0).text; // 01-burst-label-auto.yaml: the first workload
    text.replace(QStringLiteral("'auto'"), QStringLiteral("'enforce'"));
    ws.setText(0, text);
    model.setRows(WorkloadSummaryModel::rowsOf(ws));
    QVERIFY(reset.isEmpty());
    QVERIFY(inserted.isEmpty());
    QVERIFY(removed.isEmpty());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changed.first().at(1).toModelIndex(),
             model.index(0, WorkloadSummaryModel::ColumnCount - 1));
    QCOMPARE(model.index(0, WorkloadSummaryModel::Strategy).data().toString(),
             QStringLiteral("enforce (workloadLabel)"));
    // The same rows again: nothing to tell.
    model.setRows(WorkloadSummaryModel::rowsOf(ws));
    QCOMPARE(changed.size(), 1);
    QVERIFY(reset.isEmpty());
}

void tst_WorkloadSummaryModel::rowsThatComeAndGoAreInsertedAndRemoved()
{
    core::burst::Workspace ws = examplefiles::exampleWorkspace();
    WorkloadSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRows(WorkloadSummaryModel::rowsOf(ws)); // from nothing: one insertion
    QCOMPARE(inserted.size(), 1);
    const QPersistentModelIndex last = model.index(8, WorkloadSummaryModel::Name);
    const QString lastName = last.data().toString();
    const QString before = ws.files().at(0).text;
    ws.setText(0,
               before + QStringLiteral("---\napiVersion: v1\nkind: Pod\nmetadata: {name: extra}\n"
                                       "spec: {containers: [{name: c, image: nginx}]}\n"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setRows(WorkloadSummaryModel::rowsOf(ws));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 1); // after the file's first workload
    QCOMPARE(inserted.last().at(2).toInt(), 1);
    QCOMPARE(model.index(1, WorkloadSummaryModel::Name).data().toString(), QStringLiteral("extra"));
    QCOMPARE(last.row(), 9); // indices into the model follow their rows
    QCOMPARE(last.data().toString(), lastName);
    ws.setText(0, before);
    model.setRows(WorkloadSummaryModel::rowsOf(ws));
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(last.row(), 8);
    QVERIFY(reset.isEmpty());
}

QTEST_GUILESS_MAIN(tst_WorkloadSummaryModel)
#include "tst_workloadsummarymodel.moc"
