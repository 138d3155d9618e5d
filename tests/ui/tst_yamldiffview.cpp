#include <QTest>

class tst_yamldiffview : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_yamldiffview)
#include "tst_yamldiffview.moc"
