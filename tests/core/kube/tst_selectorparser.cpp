#include <QTest>

class tst_selectorparser : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_selectorparser)
#include "tst_selectorparser.moc"
