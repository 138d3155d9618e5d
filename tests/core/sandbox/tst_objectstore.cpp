#include <QTest>

class tst_objectstore : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_objectstore)
#include "tst_objectstore.moc"
