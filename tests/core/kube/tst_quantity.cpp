#include <QTest>

class tst_Quantity : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_Quantity)
#include "tst_quantity.moc"
