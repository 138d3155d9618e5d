#include <QTest>

class tst_jsonpatch : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_jsonpatch)
#include "tst_jsonpatch.moc"
