#include "models/logviewmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// Find next/previous on the model's worker (findMatch): the same rows as the blocking scan,
// answered later, only the latest request answered, and safe while lines arrive and the cap
// drops the oldest.

using models::LogViewModel;
using namespace Qt::StringLiterals;

namespace {

// Line i at i milliseconds after a fixed time; "needle" in every 997th.
QByteArray line(int i)
{
    const QByteArray ms = QByteArray::number(i % 1000).rightJustified(3, '0');
    const QByteArray s = QByteArray::number(i / 1000 % 60).rightJustified(2, '0');
    const QByteArray m = QByteArray::number(i / 60000).rightJustified(2, '0');
    return "2026-11-25T10:" + m + ':' + s + '.' + ms + "Z seq=" + QByteArray::number(i) +
           (i % 997 == 5 ? " found a needle here" : " nothing to see");
}

void fill(LogViewModel &model, int source, int from, int to)
{
    QByteArrayList lines;
    for (int i = from; i < to; ++i)
        lines.append(line(i));
    model.appendLines(source, lines);
    model.flush();
}

// findMatch's answer (the signal), waited for.
int found(LogViewModel &model, int fromRow, bool forward)
{
    QSignalSpy spy(&model, &LogViewModel::matchFound);
    model.findMatch(fromRow, forward);
    if (!spy.isEmpty())
        return -2; // answered before it returned: not asynchronous
    if (!spy.wait(20000))
        return -3;
    return spy.takeFirst().at(0).toInt();
}

} // namespace

class tst_logviewfind : public QObject
{
    Q_OBJECT
private slots:
    void agreesWithBlockingScan_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("regex");
        QTest::addRow("literal") << u"needle"_s << false;
        QTest::addRow("regex") << u"ne+dle\\s+here"_s << true;
        QTest::addRow("none") << u"absent"_s << false;
    }
    void agreesWithBlockingScan()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, regex);
        LogViewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxLines(20000); // a dropped-marker row at the top
        const int a = model.addStaticSource(u"a"_s);
        fill(model, a, 0, 25000);
        QVERIFY(model.droppedLines() > 0);
        model.setSearch({pattern, regex, true, false});
        const int rows = model.rowCount();
        for (const int from : {-1, 0, 1, 2, 1000, rows - 1, rows}) {
            for (const bool forward : {true, false}) {
                const int expected = model.nextMatchRow(from, forward);
                QCOMPARE(found(model, from, forward), expected);
                if (expected >= 0)
                    QVERIFY(model.index(expected).data().toString().contains(u"needle"_s));
            }
        }
    }

    void onlyTheLatestIsAnswered()
    {
        LogViewModel model;
        const int a = model.addStaticSource(u"a"_s);
        fill(model, a, 0, 50000);
        model.setSearch({u"needle"_s, false, true, false});
        QSignalSpy spy(&model, &LogViewModel::matchFound);
        model.findMatch(-1, true);
        model.findMatch(model.rowCount(), false);
        QVERIFY(spy.wait(20000));
        QTest::qWait(50);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), model.nextMatchRow(model.rowCount(), false));
        // A new search cancels a find under way.
        spy.clear();
        model.findMatch(-1, true);
        model.setSearch({u"seq=1"_s, false, true, false});
        QTest::qWait(200);
        QCOMPARE(spy.size(), 0);
    }

    // The worker reads while the GUI thread appends and the cap drops: the answer is a row with
    // a match, and nothing breaks.
    // (No QAbstractItemModelTester here: it walks every row after each change, 35 s in all.)
    void findWhileLinesArrive()
    {
        LogViewModel model;
        model.setMaxLines(150000);
        const int a = model.addStaticSource(u"a"_s);
        fill(model, a, 0, 100000);
        model.setSearch({u"ne+dle"_s, true, true, false});
        QSignalSpy spy(&model, &LogViewModel::matchFound);
        int next = 100000;
        for (int round = 0; round < 20; ++round) {
            model.findMatch(round % 2 ? -1 : model.rowCount(), round % 2);
            for (int k = 0; k < 3; ++k, next += 5000)
                fill(model, a, next, next + 5000);
            QVERIFY(spy.wait(20000) || !spy.isEmpty());
            const int row = spy.takeLast().at(0).toInt();
            QVERIFY2(row >= 0 && row < model.rowCount(), qPrintable(QString::number(row)));
            QVERIFY(model.index(row).data().toString().contains(u"needle"_s));
        }
        QVERIFY(model.droppedLines() > 0);
    }
};

QTEST_GUILESS_MAIN(tst_logviewfind)
#include "tst_logviewfind.moc"
