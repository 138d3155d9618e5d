#include <QTest>

class tst_Workload : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_Workload)
#include "tst_workload.moc"
