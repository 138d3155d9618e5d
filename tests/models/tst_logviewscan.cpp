#include "models/logviewmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The search's full count and the filter's rebuild on the model's worker (setSearch, setFilter):
// the same count and rows as the blocking scan, while lines arrive (appended, late ones in place,
// a second source's history merged in bulk) and the cap drops the oldest in the middle of the
// work; a new query or cancelWork() stops the one running.

using models::LogMatchOptions;
using models::LogViewModel;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(models::LogMatchOptions)

namespace {

// Line i at 10:00 + i ms: "needle" in every 7th, "NEEDLE" in every 11th, "needles" in every 13th.
QByteArray line(int i, const QByteArray &tag = "a")
{
    const QByteArray ms = QByteArray::number(i % 1000).rightJustified(3, '0');
    const QByteArray s = QByteArray::number(i / 1000 % 60).rightJustified(2, '0');
    const QByteArray m = QByteArray::number(i / 60000 % 60).rightJustified(2, '0');
    QByteArray text = tag + " seq=" + QByteArray::number(i);
    if (i % 7 == 0)
        text += " a needle here, needle";
    if (i % 11 == 0)
        text += " NEEDLE";
    if (i % 13 == 0)
        text += " needles";
    return "2026-11-25T10:" + m + ':' + s + '.' + ms + "Z " + text;
}

QByteArrayList lines(int from, int to, const QByteArray &tag = "a")
{
    QByteArrayList out;
    for (int i = from; i < to; ++i)
        out.append(line(i, tag));
    return out;
}

// One round of arrivals, the same for every model it is given: 400 lines appended to source 0;
// late lines inserted in place at three depths (sources 1-3: a quarter, half and three quarters
// down the rows, so before and after the worker's cursor); every fourth round (from the second)
// a burst of 300 older lines from source 4, more than a batch inserts one by one: appended and
// merged with a layout change. Each source's own lines keep their order, as a stream's do. In
// the first round the cap shrinks first: rows the worker has not reached yet go.
void arrive(const QList<LogViewModel *> &models, int round, int *next)
{
    for (LogViewModel *model : models) {
        if (round == 0)
            model->setMaxLines(model->maxLines() - 3000); // more than the worker looked at
        model->appendLines(0, lines(*next, *next + 400));
        model->appendLines(1, lines(*next - 9000, *next - 8990, "late1"));
        model->appendLines(2, lines(*next - 6000, *next - 5990, "late2"));
        model->appendLines(3, lines(*next - 3000, *next - 2990, "late3"));
        if (round % 4 == 1)
            model->appendLines(4, lines(*next - 7000, *next - 6700, "burst"));
        model->flush();
    }
    *next += 400;
}

// What a row is: its source, time and text.
QStringList rowsOf(const LogViewModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        out.append(index.data(LogViewModel::SourceRole).toString() + u'|' +
                   index.data(LogViewModel::TimestampRole).toString() + u'|' +
                   index.data().toString());
    }
    return out;
}

LogViewModel *makeModel(QObject *parent, qint64 cap, int initial)
{
    auto *model = new LogViewModel(parent);
    model->setMaxLines(cap);
    for (const QString &name : {u"a"_s, u"late1"_s, u"late2"_s, u"late3"_s, u"burst"_s})
        model->addStaticSource(name);
    model->setScanSlice(8, 500); // small slices and a pause: lines arrive between them
    model->appendLines(0, lines(0, initial));
    model->flush();
    return model;
}

// The patterns to search and filter with; each once over every line and, when asked, once more
// over the rows the filter shows.
void addOptions(bool filteredToo)
{
    QTest::addColumn<LogMatchOptions>("search");
    QTest::addColumn<LogMatchOptions>("filter");
    QTest::addColumn<bool>("filtered");
    struct Case
    {
        const char *name;
        LogMatchOptions search;
        LogMatchOptions filter;
    };
    const Case cases[] = {
        {"literal", {u"needle"_s, false, true, false}, {u"seq=1"_s, false, true, false}},
        {"any case", {u"needle"_s, false, false, false}, {u"needle"_s, false, false, false}},
        {"whole word", {u"needle"_s, false, true, true}, {u"needles"_s, false, true, true}},
        {"regex", {u"ne+dle\\w*"_s, true, true, false}, {u"seq=\\d*[37]\\b"_s, true, true, false}},
    };
    for (const Case &c : cases) {
        QTest::addRow("%s", c.name) << c.search << c.filter << false;
        if (filteredToo)
            QTest::addRow("%s, filtered", c.name) << c.search << c.filter << true;
    }
}

} // namespace

class tst_logviewscan : public QObject
{
    Q_OBJECT
private slots:
    // The count arrives by searchChanged; lines that arrive and lines the cap drops during it are
    // counted exactly: the count equals the blocking scan's afterwards. Over every line, and over
    // the rows a filter shows.
    void countUnderArrivalsAndDrops_data() { addOptions(true); }
    void countUnderArrivalsAndDrops()
    {
        QFETCH(LogMatchOptions, search);
        QFETCH(LogMatchOptions, filter);
        QFETCH(bool, filtered);
        QObject owner;
        LogViewModel *model = makeModel(&owner, 12000, 13000);
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->droppedLines() > 0);
        if (filtered)
            model->setFilterBlocking(filter);
        QSignalSpy changed(model, &LogViewModel::searchChanged);
        QSignalSpy busy(model, &LogViewModel::busyChanged);
        model->setSearch(search);
        QCOMPARE(model->countState(), LogViewModel::CountState::Counting);
        QVERIFY(changed.isEmpty()); // not in the call: it is counted on the worker
        const qint64 droppedBefore = model->droppedLines();
        int next = 13000;
        int rounds = 0;
        for (; model->countState() == LogViewModel::CountState::Counting && rounds < 400;
             ++rounds) {
            arrive({model}, rounds, &next);
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE_WITH_TIMEOUT(model->countState(), LogViewModel::CountState::Exact, 20000);
        qInfo("count rounds %d", rounds);
        QVERIFY2(rounds > 0, "the count ended before any line arrived");
        QVERIFY(model->droppedLines() > droppedBefore);
        const qint64 expected = model->countMatchesBlocking();
        QVERIFY(expected > 0);
        QCOMPARE(model->matchCount(), expected);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.last().at(0).toLongLong(), expected);
        QCOMPARE(busy.size(), 2); // on, then off
        // Afterwards the count follows arrivals and drops as before.
        arrive({model}, 3, &next);
        QCOMPARE(model->matchCount(), model->countMatchesBlocking());
    }

    // The filtered rows are built on the worker while the view shows the previous rows; one reset
    // swaps them in with the lines that arrived meanwhile (none lost, none twice): the rows equal
    // a model fed the same lines and filtered blocking; then the count over them is exact too.
    void filterUnderArrivalsAndDrops_data() { addOptions(false); }
    void filterUnderArrivalsAndDrops()
    {
        QFETCH(LogMatchOptions, search);
        QFETCH(LogMatchOptions, filter);
        QObject owner;
        LogViewModel *model = makeModel(&owner, 12000, 13000);
        LogViewModel *reference = makeModel(&owner, 12000, 13000);
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setSearch(search);
        QTRY_COMPARE(model->countState(), LogViewModel::CountState::Exact);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy progress(model, &LogViewModel::filterProgress);
        const int before = model->rowCount();
        model->setFilter(filter);
        QVERIFY(model->isFiltering());
        QCOMPARE(model->filter().pattern, filter.pattern);
        QCOMPARE(model->rowCount(), before); // the previous rows show meanwhile
        int next = 13000;
        int rounds = 0;
        for (; model->isFiltering() && rounds < 400; ++rounds) {
            arrive({model, reference}, rounds, &next);
            QCoreApplication::processEvents();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!model->isFiltering(), 20000);
        qInfo("filter rounds %d", rounds);
        QVERIFY2(rounds > 0, "the rebuild ended before any line arrived");
        QCOMPARE(reset.size(), 1);
        QVERIFY(!progress.isEmpty());
        reference->setFilterBlocking(filter);
        const QStringList expected = rowsOf(*reference);
        QVERIFY(expected.size() > 100);
        QCOMPARE(rowsOf(*model), expected);
        // Lines keep arriving under the new filter; the count over the rows shown restarts.
        arrive({model, reference}, 3, &next);
        QCOMPARE(rowsOf(*model), rowsOf(*reference));
        QTRY_COMPARE_WITH_TIMEOUT(model->countState(), LogViewModel::CountState::Exact, 20000);
        reference->setSearch(search);
        QCOMPARE(model->matchCount(), reference->countMatchesBlocking());
        QCOMPARE(model->matchCount(), model->countMatchesBlocking());
    }

    // A new search, filter or find stops the run under way; only the latest is answered, and a
    // count that a find interrupted resumes after it.
    void newQueryCancels()
    {
        QObject owner;
        LogViewModel *model = makeModel(&owner, 0, 60000);
        model->setScanSlice(64, 20);
        QSignalSpy changed(model, &LogViewModel::searchChanged);
        model->setSearch({u"seq=1"_s, false, true, false});
        model->setSearch({u"needle"_s, false, true, false});
        QTRY_COMPARE(model->countState(), LogViewModel::CountState::Exact);
        QTest::qWait(50);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toLongLong(), model->countMatchesBlocking());

        // A find in the middle of a count: answered, and the count still finishes exactly.
        QSignalSpy found(model, &LogViewModel::matchFound);
        model->setSearch({u"NEEDLE"_s, false, true, false});
        model->findMatch(-1, true);
        QVERIFY(found.wait(20000));
        QCOMPARE(found.at(0).at(0).toInt(), model->nextMatchRow(-1, true));
        QTRY_COMPARE(model->countState(), LogViewModel::CountState::Exact);
        QCOMPARE(model->matchCount(), model->countMatchesBlocking());

        // Two filters: only the second is swapped in, with one reset.
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        model->setFilter({u"seq=1"_s, false, true, false});
        model->setFilter({u"seq=2"_s, false, true, false});
        QTRY_VERIFY(!model->isFiltering());
        QTest::qWait(50);
        QCOMPARE(reset.size(), 1);
        QVERIFY(model->index(0).data().toString().contains(u"seq=2"_s));
        QCOMPARE(model->filter().pattern, u"seq=2"_s);
    }

    // F3 and a filter swap: a find that the new filter cancelled (setFilter stops the worker),
    // or one answered against the rows the rebuild then replaced, runs again from its anchor
    // once the filter's rows are in, and answers with the row there: the next match after the
    // anchor line when the filter shows it, else after (or before) the rows of its time.
    void findSurvivesFilterSwap_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("forward");
        QTest::addColumn<bool>("duringRebuild"); // F3 while the rebuild runs, else just before
        QTest::addColumn<int>("answers");        // matchFound signals in all
        for (const bool during : {false, true}) {
            for (const bool forward : {true, false}) {
                const char *how = during ? "during the rebuild" : "then the filter";
                const char *way = forward ? "forward" : "back";
                QTest::addRow("anchor shown, %s, %s", way, how)
                    << u"seq=1"_s << forward << during << (during ? 2 : 1);
                QTest::addRow("anchor filtered out, %s, %s", way, how)
                    << u"seq=2"_s << forward << during << (during ? 2 : 1);
            }
        }
        QTest::addRow("no filter any more, forward, then the filter")
            << QString() << true << false << 1;
    }

    void findSurvivesFilterSwap()
    {
        QFETCH(QString, filter);
        QFETCH(bool, forward);
        QFETCH(bool, duringRebuild);
        QFETCH(int, answers);
        QObject owner;
        LogViewModel *model = makeModel(&owner, 0, 30000);
        model->setScanSlice(256, 200);
        model->setSearch({u"needle"_s, false, true, false});
        if (filter.isEmpty()) { // from a filter to none: the rows come back at once
            model->setFilterBlocking({u"seq=3"_s, false, true, false});
            model->setSearch({u"needle"_s, false, true, false});
        }
        QTRY_COMPARE_WITH_TIMEOUT(model->countState(), LogViewModel::CountState::Exact, 20000);
        // The anchor: a line without a match, in the rows shown now (shown by "seq=1", not by
        // "seq=2"; and by "seq=3" before the filter goes).
        const QString anchorText = filter.isEmpty() ? u"a seq=3004"_s : u"a seq=15003"_s;
        const auto rowOf = [model](const QString &text) {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row).data().toString() == text)
                    return row;
            return -1;
        };
        const int anchor = rowOf(anchorText);
        const QString anchorTime = model->index(anchor).data(LogViewModel::TimestampRole).toString();
        QVERIFY(anchor >= 0);

        QSignalSpy found(model, &LogViewModel::matchFound);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        if (duringRebuild) {
            model->setFilter({filter, false, true, false});
            QVERIFY(model->isFiltering());
            model->findMatch(anchor, forward); // over the old rows, answered before the swap
        } else {
            model->findMatch(anchor, forward);
            model->setFilter({filter, false, true, false}); // cancels the find under way
        }
        QTRY_COMPARE_WITH_TIMEOUT(reset.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), answers, 20000);
        QCOMPARE(model->filter().pattern, filter);

        // The answer over the new rows.
        int from = rowOf(anchorText);
        if (from < 0) { // not shown: from the rows of its time on (back: from those on back)
            from = forward ? -1 : model->rowCount();
            for (int row = 0; row < model->rowCount(); ++row) {
                const QString time = model->index(row).data(LogViewModel::TimestampRole).toString();
                if (forward ? time >= anchorTime : time > anchorTime) {
                    from = forward ? row - 1 : row;
                    break;
                }
            }
        }
        const int expected = model->nextMatchRow(from, forward);
        QVERIFY(expected >= 0);
        QCOMPARE(found.last().at(0).toInt(), expected);
        // Once: it is not asked again by the count that follows.
        QTRY_COMPARE_WITH_TIMEOUT(model->countState(), LogViewModel::CountState::Exact, 20000);
        QCOMPARE(found.size(), answers);
        QVERIFY(model->index(expected).data().toString().contains(u"needle"_s));
        QVERIFY(forward ? model->index(expected).data(LogViewModel::TimestampRole).toString() >=
                              anchorTime
                        : model->index(expected).data(LogViewModel::TimestampRole).toString() <=
                              anchorTime);
    }

    // cancelWork(): a rebuild is dropped (the previous filter's rows stay, no reset) and its
    // count starts over; a count stops where it is and stays exact for what it counted.
    void cancelWork()
    {
        QObject owner;
        LogViewModel *model = makeModel(&owner, 0, 60000);
        model->setScanSlice(16, 20);
        model->setSearch({u"needle"_s, false, true, false});
        QTRY_COMPARE(model->countState(), LogViewModel::CountState::Exact);
        const QStringList before = rowsOf(*model);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        model->setFilter({u"seq=1"_s, false, true, false});
        QVERIFY(model->isFiltering());
        model->cancelWork();
        QVERIFY(!model->isFiltering());
        QCOMPARE(model->filter().pattern, QString());
        QTRY_COMPARE(model->countState(), LogViewModel::CountState::Exact);
        QTest::qWait(50);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(rowsOf(*model), before);
        QCOMPARE(model->matchCount(), model->countMatchesBlocking());

        QSignalSpy busy(model, &LogViewModel::busyChanged);
        model->setSearch({u"NEEDLE"_s, false, true, false});
        model->cancelWork();
        QCOMPARE(model->countState(), LogViewModel::CountState::Stopped);
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.last().at(0).toBool(), false);
        QVERIFY(model->matchCount() <= model->countMatchesBlocking());
        // F3 still finds with the count stopped.
        QSignalSpy found(model, &LogViewModel::matchFound);
        model->findMatch(-1, true);
        QVERIFY(found.wait(20000));
        QCOMPARE(found.at(0).at(0).toInt(), model->nextMatchRow(-1, true));
        QCOMPARE(model->countState(), LogViewModel::CountState::Stopped);
    }
};

QTEST_GUILESS_MAIN(tst_logviewscan)
#include "tst_logviewscan.moc"
