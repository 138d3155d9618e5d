#include <QTest>

class tst_yamledit : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_yamledit)
#include "tst_yamledit.moc"
