#include <QTest>

class tst_placeholderwindow : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_placeholderwindow)
#include "tst_placeholderwindow.moc"
