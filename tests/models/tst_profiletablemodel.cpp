#include "models/profiletablemodel.h"
#include "tests/models/examplefiles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::ProfileTableModel;

class tst_ProfileTableModel : public QObject
{
    Q_OBJECT

private slots:
    void guideProfiles()
    {
        core::burst::Workspace ws = examplefiles::exampleWorkspace();
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

    // Editing a profile changes its row; a new profile is inserted, and taking it out again
    // removes it; nothing is reset.
    void editsAreKeyed()
    {
        core::burst::Workspace ws = examplefiles::exampleWorkspace();
        ProfileTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles(ws.profiles());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const qsizetype file = ws.profiles().at(0).file;
        const QString before = ws.files().at(file).text;
        QString text = before;
        QVERIFY(text.contains(u"maxNum: 20"));
        text.replace(QStringLiteral("maxNum: 20"), QStringLiteral("maxNum: 15"));
        ws.setText(file, text);
        model.setProfiles(ws.profiles());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 0);
        QCOMPARE(model.index(0, ProfileTableModel::Local).data().toString(),
                 QStringLiteral("max 15, scale-down priority 10"));
        ws.setText(file, text + QStringLiteral("---\napiVersion: scheduling.cci.io/v1\n"
                                               "kind: ScheduleProfile\nmetadata: {name: more}\n"
                                               "spec: {objectLabels: {matchLabels: {a: b}}, "
                                               "strategy: auto}\n"));
        model.setProfiles(ws.profiles());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        ws.setText(file, before);
        model.setProfiles(ws.profiles());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(changed.size(), 2); // and maxNum back to 20
        QVERIFY(reset.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ProfileTableModel)
#include "tst_profiletablemodel.moc"
