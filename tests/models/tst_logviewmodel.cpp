#include "models/logviewmodel.h"

#include "tests/models/logviewtesting.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

// Expected rows are worked out by hand from the lines each test feeds: the merge orders by
// timestamp (ties keep arrival order), a line more than the reorder window behind the newest
// line, from a source that was already live, is inserted in place and flagged LateLine. The
// sources over HTTP (resume, gap, waiting) are tst_logviewsources.

using models::LogMatchOptions;
using models::LogViewModel;
using namespace Qt::StringLiterals;
using Spans = QList<QPair<int, int>>;

using logviewtesting::at;
using logviewtesting::filtered;
using logviewtesting::searched;
using logviewtesting::shownTexts;

Q_DECLARE_METATYPE(models::LogMatchOptions)

class tst_logviewmodel : public QObject
{
    Q_OBJECT

private slots:
    void mergeOrder_data();
    void mergeOrder();
    void lateLineInPlace();
    void lateHistoryMergedInBulk();
    void backlogAppliedInSlices();
    void filter_data();
    void filter();
    void search_data();
    void search();
    void capDropsOldest();
    void saveTo();
};

void tst_logviewmodel::mergeOrder_data()
{
    QTest::addColumn<QList<QByteArrayList>>("batches"); // one list per source, each its own batch
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QList<int>>("sources");
    QTest::newRow("one source keeps its order")
        << QList<QByteArrayList>{{at(1, "a1"), at(2, "a2"), at(2, "a2 again"), "no time a3"}}
        << QStringList{u"a1"_s, u"a2"_s, u"a2 again"_s, u"no time a3"_s} << QList<int>{0, 0, 0, 0};
    QTest::newRow("two sources interleave")
        << QList<QByteArrayList>{{at(1, "a1"), at(3, "a3"), at(5, "a5")},
                                 {at(2, "b2"), at(4, "b4"), at(6, "b6")}}
        << QStringList{u"a1"_s, u"b2"_s, u"a3"_s, u"b4"_s, u"a5"_s, u"b6"_s}
        << QList<int>{0, 1, 0, 1, 0, 1};
    QTest::newRow("tie keeps arrival order")
        << QList<QByteArrayList>{{at(1, "a1"), at(2, "a2")}, {at(2, "b2"), at(3, "b3")}}
        << QStringList{u"a1"_s, u"a2"_s, u"b2"_s, u"b3"_s} << QList<int>{0, 0, 1, 1};
    QTest::newRow("three sources")
        << QList<QByteArrayList>{{at(10, "a10")}, {at(5, "b5"), at(11, "b11")}, {at(7, "c7")}}
        << QStringList{u"b5"_s, u"c7"_s, u"a10"_s, u"b11"_s} << QList<int>{1, 2, 0, 1};
    QTest::newRow("untimed line follows its predecessor")
        << QList<QByteArrayList>{{at(1, "a1"), at(4, "a4")}, {at(2, "b2"), "b continued"}}
        << QStringList{u"a1"_s, u"b2"_s, u"b continued"_s, u"a4"_s} << QList<int>{0, 1, 1, 0};
}

void tst_logviewmodel::mergeOrder()
{
    QFETCH(QList<QByteArrayList>, batches);
    QFETCH(QStringList, expected);
    QFETCH(QList<int>, sources);
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < batches.size(); ++i)
        QCOMPARE(model.addStaticSource(u"pod-%1/app"_s.arg(i)), i);
    for (int i = 0; i < batches.size(); ++i) {
        model.appendLines(i, batches.at(i));
        model.flush();
    }
    QCOMPARE(shownTexts(model), expected);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row).data(LogViewModel::SourceIndexRole).toInt(), sources.at(row));
        QCOMPARE(model.index(row).data(LogViewModel::SourceRole).toString(),
                 u"pod-%1/app"_s.arg(sources.at(row)));
        // History of a source that was not live yet is not late.
        QCOMPARE(model.index(row).data(LogViewModel::FlagsRole).toInt(), 0);
    }
    QCOMPARE(model.sourceCount(), batches.size());
}

void tst_logviewmodel::lateLineInPlace()
{
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReorderWindow(2000);
    const int a = model.addStaticSource(u"web-0/app"_s);
    const int b = model.addStaticSource(u"web-1/app"_s);
    model.appendLines(a, {at(10, "a10"), at(20, "a20")});
    model.appendLines(b, {at(19, "b19")}); // live: within the window of the newest (20 s)
    model.flush();
    QCOMPARE(shownTexts(model), (QStringList{u"a10"_s, u"b19"_s, u"a20"_s}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // b's line of 15 s arrives after a's 20 s: more than 2 s late, inserted in place and flagged;
    // 18.5 s is within the window: in place, not flagged.
    model.appendLines(b, {at(15, "b15 late"), "2026-11-25T10:00:18.500Z b18.5"});
    model.appendLines(a, {at(21, "a21")});
    model.flush();
    QCOMPARE(shownTexts(model),
             (QStringList{u"a10"_s, u"b15 late"_s, u"b18.5"_s, u"b19"_s, u"a20"_s, u"a21"_s}));
    QCOMPARE(model.index(1).data(LogViewModel::FlagsRole).toInt(), int(LogViewModel::LateLine));
    QCOMPARE(model.index(2).data(LogViewModel::FlagsRole).toInt(), 0);
    QCOMPARE(model.index(5).data(LogViewModel::FlagsRole).toInt(), 0);
    QCOMPARE(model.index(1).data(LogViewModel::TimestampRole).toString(),
             u"2026-11-25T10:00:15.000000000Z"_s);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 3); // two single in-place inserts and one append
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
}

void tst_logviewmodel::lateHistoryMergedInBulk()
{
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int a = model.addStaticSource(u"a"_s);
    const int b = model.addStaticSource(u"b"_s);
    QByteArrayList even, odd;
    for (int s = 0; s < 1000; ++s)
        (s % 2 ? odd : even).append(at(s, QByteArray::number(s)));
    model.appendLines(a, even);
    model.flush();
    const QPersistentModelIndex kept = model.index(250); // "500"
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.appendLines(b, odd); // 500 lines older than a's newest: more than single inserts take
    model.flush();
    QCOMPARE(layout.size(), 1);
    QCOMPARE(model.rowCount(), 1000);
    for (int row = 0; row < 1000; ++row)
        QCOMPARE(model.index(row).data().toString(), QString::number(row));
    QCOMPARE(kept.row(), 500);
    QCOMPARE(kept.data().toString(), u"500"_s);
}

// A backlog of 2 MiB or more (a fast stream: ApiStream hands on up to 1 MiB a turn) is applied
// at the next turn rather than after the batch interval, at most 2 MiB a turn, so the lines
// follow the stream and no turn applies it all at once; less waits for the interval.
void tst_logviewmodel::backlogAppliedInSlices()
{
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaxLines(0);
    model.setBatchInterval(60000);
    const int a = model.addStaticSource(u"a"_s);
    const QByteArray filler(100, 'x');
    QByteArrayList lines;
    for (int i = 0; i < 10; ++i)
        lines.append(at(i, filler));
    model.appendLines(a, lines);
    const qint64 small = model.pendingBytes();
    QCOMPARE(small, qint64(10) * (at(0, filler).size() + 1));
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 0); // under 2 MiB: waits for the (60 s) interval

    // 5 MiB more: three turns of at most 2 MiB each, in order.
    lines.clear();
    for (qint64 bytes = 0, i = 10; bytes <= (qint64(5) << 20); ++i) {
        lines.append(at(100, filler + QByteArray::number(i)));
        bytes += lines.last().size() + 1;
    }
    const int total = 10 + int(lines.size());
    model.appendLines(a, lines);
    const qint64 backlog = model.pendingBytes();
    QVERIFY(backlog > (qint64(5) << 20));
    QList<qint64> applied; // bytes applied per turn
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int turn = 0; turn < 10 && model.pendingBytes() > 0; ++turn) {
        const qint64 before = model.pendingBytes();
        QTRY_VERIFY_WITH_TIMEOUT(model.pendingBytes() < before, 1000); // long before 60 s
        applied.append(before - model.pendingBytes());
    }
    QCOMPARE(model.pendingBytes(), 0);
    QCOMPARE(model.rowCount(), total);
    QVERIFY2(applied.size() >= 3, qPrintable(QString::number(applied.size())));
    for (const qint64 bytes : std::as_const(applied))
        QVERIFY(bytes <= (qint64(2) << 20) + filler.size() + 32); // a batch ends at a line's end
    QCOMPARE(model.index(10).data().toString(), QString::fromLatin1(filler + "10"));
    QCOMPARE(model.index(total - 1).data().toString(),
             QString::fromLatin1(filler + QByteArray::number(total - 1)));
    QCOMPARE(inserted.size(), applied.size()); // one append each
}

void tst_logviewmodel::filter_data()
{
    QTest::addColumn<LogMatchOptions>("options");
    QTest::addColumn<QStringList>("expected");
    // Merged: error one (1 s), user_error two (2 s), ERROR three (3 s), late error (3 s, in
    // place), info four (4 s).
    QTest::newRow("literal") << LogMatchOptions{u"error"_s, false, true, false}
                             << QStringList{u"error one"_s, u"user_error two"_s, u"late error"_s};
    QTest::newRow("any case") << LogMatchOptions{u"error"_s, false, false, false}
                              << QStringList{u"error one"_s, u"user_error two"_s, u"ERROR three"_s,
                                             u"late error"_s};
    QTest::newRow("whole word") << LogMatchOptions{u"error"_s, false, true, true}
                                << QStringList{u"error one"_s, u"late error"_s};
    QTest::newRow("regex") << LogMatchOptions{u"^(info|late)"_s, true, true, false}
                           << QStringList{u"late error"_s, u"info four"_s};
    QTest::newRow("empty shows all")
        << LogMatchOptions{}
        << QStringList{u"error one"_s, u"user_error two"_s, u"ERROR three"_s, u"late error"_s,
                       u"info four"_s};
}

void tst_logviewmodel::filter()
{
    QFETCH(LogMatchOptions, options);
    QFETCH(QStringList, expected);
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int a = model.addStaticSource(u"a"_s);
    const int b = model.addStaticSource(u"b"_s);
    model.appendLines(a, {at(1, "error one"), at(3, "ERROR three"), at(4, "info four")});
    model.appendLines(b, {at(2, "user_error two")});
    model.flush();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(filtered(model, options));
    QCOMPARE(reset.size(), 1);
    // Lines arriving under the filter: appended, and one in place, only when they match.
    model.appendLines(b, {at(3, "late error"), at(5, "not shown")});
    model.flush();
    expected.removeAll(u"not shown"_s);
    QStringList withUnmatched = expected;
    if (options.pattern.isEmpty())
        withUnmatched.append(u"not shown"_s);
    QCOMPARE(shownTexts(model), withUnmatched);
    model.setFilter({});
    QCOMPARE(model.rowCount(), 6);
}

void tst_logviewmodel::search_data()
{
    QTest::addColumn<LogMatchOptions>("options");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QList<int>>("rows");         // rows with a match, in order
    QTest::addColumn<Spans>("inFirst"); // matchesInRow of the first
    QTest::newRow("literal") << LogMatchOptions{u"err"_s, false, true, false} << qint64(4)
                             << QList<int>{0, 2} << Spans{{0, 3}, {11, 3}};
    QTest::newRow("any case") << LogMatchOptions{u"ERR"_s, false, false, false} << qint64(5)
                              << QList<int>{0, 1, 2} << Spans{{0, 3}, {11, 3}};
    QTest::newRow("whole word") << LogMatchOptions{u"err"_s, false, true, true} << qint64(2)
                                << QList<int>{0, 2} << Spans{{0, 3}};
    QTest::newRow("regex") << LogMatchOptions{u"er+\\w*"_s, true, true, false} << qint64(4)
                           << QList<int>{0, 2} << Spans{{0, 3}, {11, 6}};
    QTest::newRow("utf-8") << LogMatchOptions{u"失败"_s, false, true, false} << qint64(1)
                           << QList<int>{2} << Spans{{3, 2}};
    QTest::newRow("none") << LogMatchOptions{u"nothing"_s, false, true, false} << qint64(0)
                          << QList<int>{} << Spans{};
}

void tst_logviewmodel::search()
{
    QFETCH(LogMatchOptions, options);
    QFETCH(qint64, count);
    QFETCH(QList<int>, rows);
    QFETCH(Spans, inFirst);
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int a = model.addStaticSource(u"a"_s);
    model.appendLines(a, {at(1, "err: first errors"), at(2, "ERR second"),
                          at(3, "用户 失败 err err_x"), at(4, "clean")});
    model.flush();
    QSignalSpy changed(&model, &LogViewModel::searchChanged);
    QCOMPARE(searched(model, options), count);
    QCOMPARE(model.matchCount(), count);
    QCOMPARE(model.countMatchesBlocking(), count);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), count);
    if (rows.isEmpty()) {
        QCOMPARE(model.nextMatchRow(-1, true), -1);
        return;
    }
    QCOMPARE(model.nextMatchRow(-1, true), rows.first());
    QCOMPARE(model.nextMatchRow(rows.last(), true), rows.first()); // wraps
    QCOMPARE(model.nextMatchRow(rows.first(), false), rows.last()); // wraps backwards
    QCOMPARE(model.matchesInRow(rows.first()), inFirst);
    QVERIFY(model.matchesInRow(3).isEmpty());
    // New lines count as they arrive.
    model.appendLines(a, {at(5, "clean")});
    model.appendLines(a, {QByteArray(at(6, "")) + options.pattern.toUtf8()});
    model.flush();
    QCOMPARE(model.matchCount(), count + 1);
}

void tst_logviewmodel::capDropsOldest()
{
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.maxLines(), qint64(2000000));
    model.setMaxLines(100);
    const int a = model.addStaticSource(u"a"_s);
    QSignalSpy dropped(&model, &LogViewModel::droppedChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setSearch({u"line"_s, false, true, false});
    QByteArrayList lines;
    for (int i = 0; i < 250; ++i)
        lines.append(at(i, "line " + QByteArray::number(i)));
    model.appendLines(a, lines);
    model.flush();
    QCOMPARE(model.droppedLines(), qint64(150));
    QCOMPARE(model.rowCount(), 101);
    QCOMPARE(model.index(0).data(LogViewModel::FlagsRole).toInt(), int(LogViewModel::DroppedMarker));
    QVERIFY(model.index(0).data().toString().contains(u"150"_s));
    QCOMPARE(model.index(1).data().toString(), u"line 150"_s);
    QCOMPARE(model.index(100).data().toString(), u"line 249"_s);
    QCOMPARE(model.matchCount(), qint64(100));
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(removed.size(), 1);
    // More lines: the marker stays at the top and counts on.
    model.appendLines(a, {at(300, "line 300")});
    model.flush();
    QCOMPARE(model.droppedLines(), qint64(151));
    QCOMPARE(model.rowCount(), 101);
    QCOMPARE(model.index(1).data().toString(), u"line 151"_s);
    QCOMPARE(dropped.last().at(0).toLongLong(), qint64(151));
    QCOMPARE(model.nextMatchRow(0, true), 1); // the marker is no match
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.droppedLines(), qint64(0));
}

void tst_logviewmodel::saveTo()
{
    LogViewModel model;
    const int a = model.addStaticSource(u"a"_s);
    model.appendLines(a, {at(1, "one"), at(2, "two é"), "untimed"});
    model.flush();
    QBuffer plain;
    QVERIFY(plain.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY(model.saveTo(&plain, false, &error));
    QCOMPARE(plain.data(), QByteArray("one\ntwo é\nuntimed\n"));
    QVERIFY(filtered(model, {u"t"_s, false, true, false}));
    QBuffer stamped;
    QVERIFY(stamped.open(QIODevice::WriteOnly));
    QVERIFY(model.saveTo(&stamped, true, &error));
    QCOMPARE(stamped.data(), QByteArray("2026-11-25T10:00:02.000000000Z two é\nuntimed\n"));
    QBuffer closed;
    QVERIFY(!model.saveTo(&closed, false, &error));
    QVERIFY(!error.isEmpty());
}


QTEST_MAIN(tst_logviewmodel)
#include "tst_logviewmodel.moc"
