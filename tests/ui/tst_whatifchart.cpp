#include <QTest>

class tst_whatifchart : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_whatifchart)
#include "tst_whatifchart.moc"
