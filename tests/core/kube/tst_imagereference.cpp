#include <QTest>

class tst_Imagereference : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_Imagereference)
#include "tst_imagereference.moc"
