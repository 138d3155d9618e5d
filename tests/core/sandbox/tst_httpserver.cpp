#include <QTest>

class tst_httpserver : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_httpserver)
#include "tst_httpserver.moc"
