#include "models/diagnosticsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using models::DiagnosticsModel;

class tst_DiagnosticsModel : public QObject
{
    Q_OBJECT

private slots:
    void sortsBySeverityAndExposesPath()
    {
        DiagnosticsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics(
            {core::makeInfo(QStringLiteral("i"), QStringLiteral("p.i"), QStringLiteral("info")),
             core::makeWarning(QStringLiteral("w"), QStringLiteral("p.w"), QStringLiteral("warn")),
             core::makeError(QStringLiteral("e"), QStringLiteral("p.e"), QStringLiteral("err"),
                             QStringLiteral("do this"))});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, DiagnosticsModel::Code).data().toString(), QStringLiteral("e"));
        QCOMPARE(model.index(1, DiagnosticsModel::Code).data().toString(), QStringLiteral("w"));
        QCOMPARE(model.index(2, DiagnosticsModel::Code).data().toString(), QStringLiteral("i"));
        QCOMPARE(model.index(0, 0).data(DiagnosticsModel::PathRole).toString(),
                 QStringLiteral("p.e"));
        QVERIFY(model.index(0, DiagnosticsModel::Message)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"do this"));
        model.setDiagnostics({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
