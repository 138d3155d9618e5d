#include <QTest>

class tst_Labelselector : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_Labelselector)
#include "tst_labelselector.moc"
