#include "models/profiletablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using models::ProfileTableModel;

class tst_ProfileTableModel : public QObject
{
    Q_OBJECT

private slots:
    void guideProfiles()
    {
        core::burst::Workspace ws;
        ws.addFiles(core::burst::Workspace::readFiles(
            {qEnvironmentVariable("BURST_SOURCE_DIR") + QStringLiteral("/resources/examples")}));
        ProfileTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles(ws.profiles());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ProfileTableModel::Selector).data().toString(),
                 QStringLiteral("app=nginx"));
        QCOMPARE(model.index(0, ProfileTableModel::Local).data().toString(),
                 QStringLiteral("max 20, scale-down priority 10"));
        QCOMPARE(model.index(0, ProfileTableModel::Cci).data().toString(), QString());
        QCOMPARE(model.index(1, ProfileTableModel::Cci).data().toString(),
                 QStringLiteral("max 20, scale-down priority 10"));
        QCOMPARE(model.index(0, ProfileTableModel::Captures).data().toInt(), 1);
        QCOMPARE(model.index(0, ProfileTableModel::Errors).data().toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileTableModel)
#include "tst_profiletablemodel.moc"
