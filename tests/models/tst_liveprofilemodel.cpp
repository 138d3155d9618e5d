#include "tests/models/liveobjects.h"

#include "models/liveprofilemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::LiveProfileModel;
using namespace liveobjects;

namespace {

QString cellOf(const LiveProfileModel &model, const QString &uid, int column,
               int role = Qt::DisplayRole)
{
    const int row = model.rowOf(uid);
    return row < 0 ? u"<missing>"_s : model.index(row, column).data(role).toString();
}

} // namespace

// The ScheduleProfiles pane's model: spec and status cells, and the workloads each profile
// captures by core::burst::associateProfile (same namespace, the most related selector wins;
// a Deployment's ReplicaSets are not counted twice), following workloads and profiles live.
class tst_LiveProfileModel : public QObject
{
    Q_OBJECT

private slots:
    void cells()
    {
        LiveProfileModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyProfiles(
            added({profile(u"shop"_s, u"p"_s, u"localPrefer"_s, {{u"app"_s, u"web"_s}})}));
        const QString uid = u"shop/profile/p"_s;
        QCOMPARE(cellOf(model, uid, LiveProfileModel::Namespace), u"shop"_s);
        QCOMPARE(cellOf(model, uid, LiveProfileModel::Selector), u"app=web"_s);
        QCOMPARE(cellOf(model, uid, LiveProfileModel::Strategy), u"localPrefer"_s);
        QCOMPARE(cellOf(model, uid, LiveProfileModel::LocalMax), u"20"_s);
        QCOMPARE(cellOf(model, uid, LiveProfileModel::CciMax), QString());
        QCOMPARE(cellOf(model, uid, LiveProfileModel::ScaleDown), u"local 10"_s);
        QCOMPARE(cellOf(model, uid, LiveProfileModel::Used), u"local 3, cci 1"_s);
        QCOMPARE(cellOf(model, uid, LiveProfileModel::Restrict), u"local 20"_s);
        QCOMPARE(cellOf(model, uid, LiveProfileModel::Captured), u"0"_s);
    }

    void captures_data()
    {
        QTest::addColumn<QList<QJsonObject>>("workloads");
        QTest::addColumn<QString>("broad");  // captures of the app=web profile
        QTest::addColumn<QString>("narrow"); // captures of the app=web,tier=front profile
        const QMap<QString, QString> web{{u"app"_s, u"web"_s}};
        const QMap<QString, QString> webFront{{u"app"_s, u"web"_s}, {u"tier"_s, u"front"_s}};
        QTest::newRow("none") << QList<QJsonObject>{} << QString() << QString();
        QTest::newRow("one match")
            << QList<QJsonObject>{workload(u"Deployment"_s, u"shop"_s, u"a"_s, {}, web)}
            << u"Deployment a"_s << QString();
        QTest::newRow("the more related profile wins")
            << QList<QJsonObject>{workload(u"Deployment"_s, u"shop"_s, u"a"_s, {}, web),
                                  workload(u"StatefulSet"_s, u"shop"_s, u"b"_s, {}, webFront)}
            << u"Deployment a"_s << u"StatefulSet b"_s;
        QTest::newRow("other namespace is not captured")
            << QList<QJsonObject>{workload(u"Deployment"_s, u"other"_s, u"a"_s, {}, web)}
            << QString() << QString();
        QTest::newRow("a Deployment's ReplicaSet counts once, through it")
            << QList<QJsonObject>{workload(u"Deployment"_s, u"shop"_s, u"a"_s, {}, web),
                                  workload(u"ReplicaSet"_s, u"shop"_s, u"a-1"_s, {}, web,
                                           u"Deployment"_s, u"a"_s)}
            << u"Deployment a"_s << QString();
        QTest::newRow("workload labels do not count, pod template labels do")
            << QList<QJsonObject>{workload(u"Deployment"_s, u"shop"_s, u"a"_s, web, {})}
            << QString() << QString();
    }
    void captures()
    {
        QFETCH(QList<QJsonObject>, workloads);
        QFETCH(QString, broad);
        QFETCH(QString, narrow);
        LiveProfileModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.applyWorkloads(added(workloads));
        model.applyProfiles(
            added({profile(u"shop"_s, u"broad"_s, u"auto"_s, {{u"app"_s, u"web"_s}}),
                   profile(u"shop"_s, u"narrow"_s, u"enforce"_s,
                           {{u"app"_s, u"web"_s}, {u"tier"_s, u"front"_s}})}));
        const auto check = [&] {
            QCOMPARE(
                cellOf(model, u"shop/profile/broad"_s, LiveProfileModel::Captured, Qt::ToolTipRole),
                broad);
            QCOMPARE(cellOf(model, u"shop/profile/narrow"_s, LiveProfileModel::Captured,
                            Qt::ToolTipRole),
                     narrow);
            QCOMPARE(cellOf(model, u"shop/profile/broad"_s, LiveProfileModel::Captured),
                     QString::number(broad.isEmpty() ? 0 : broad.count(u'\n') + 1));
        };
        check();
        // The same after the workloads go and come back, and after the narrow profile goes.
        model.applyWorkloads(deleted(workloads));
        QCOMPARE(cellOf(model, u"shop/profile/broad"_s, LiveProfileModel::Captured), u"0"_s);
        model.applyWorkloads(added(workloads));
        check();
        model.applyProfiles(deleted({profile(u"shop"_s, u"narrow"_s, u"enforce"_s, {})}));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_MAIN(tst_LiveProfileModel)
#include "tst_liveprofilemodel.moc"
