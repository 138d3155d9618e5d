#include <QTest>

class tst_workloadsummarymodel : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_workloadsummarymodel)
#include "tst_workloadsummarymodel.moc"
