#include <QTest>

class tst_burstctl : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_burstctl)
#include "tst_burstctl.moc"
