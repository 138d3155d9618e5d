#include "models/diagnosticsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
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
        // The severity icon reads this role; it once collided with ObjectRefRole and every
        // finding showed the error icon.
        for (const auto &[row, severity] :
             {std::pair{0, core::Severity::Error}, {1, core::Severity::Warning},
              {2, core::Severity::Info}})
            QCOMPARE(model.index(row, 0).data(DiagnosticsModel::SeverityRole).toInt(),
                     int(severity));
        QVERIFY(model.index(0, DiagnosticsModel::Message)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"do this"));
        model.setDiagnostics({});
        QCOMPARE(model.rowCount(), 0);
    }

    // Rows are keyed by code and path: a finding whose text changes is the same row.
    void keyedByCodeAndPath()
    {
        DiagnosticsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto error = [](const char *code, const char *message) {
            return core::makeError(QString::fromLatin1(code), QStringLiteral("p"),
                                   QString::fromLatin1(message));
        };
        model.setDiagnostics({error("a", "first"), error("b", "second"), error("c", "third")});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setDiagnostics({error("a", "first"), error("b", "2nd"), error("c", "third")});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
        QCOMPARE(model.index(1, DiagnosticsModel::Message).data().toString(),
                 QStringLiteral("2nd"));
        model.setDiagnostics({error("a", "first"), error("c", "third"), error("d", "fourth")});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, DiagnosticsModel::Code).data().toString(), QStringLiteral("d"));
        QVERIFY(reset.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
