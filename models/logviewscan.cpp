// LogViewModel: the search's full count and the filter's rebuild, run on the worker of
// logviewfind.cpp a slice at a time, the GUI thread's side of them (lines arriving and dropped
// meanwhile), and the blocking paths that tests and benches compare with.

#include "models/logviewmodel.h"

#include "models/logviewmodel_p.h"

#include <QElapsedTimer>

#include <algorithm>
#include <thread>

namespace models {

using core::kube::LogMatcher;
using core::kube::LogMergeIndex;

namespace {

constexpr qint64 kProgressMs = 100; // progress signals at most this often

LogMatcher matcherFor(const LogMatchOptions &options)
{
    return LogMatcher(options.pattern, options.regex, options.caseSensitive, options.wholeWord);
}

} // namespace

// ---- The public side --------------------------------------------------------------------------

void LogViewModel::setSearch(const LogMatchOptions &options)
{
    const quint64 generation = d->stopWorker();
    d->asked = {}; // a find for the old pattern is not answered
    d->searchOptions = options;
    d->searchMatcher = matcherFor(options);
    if (d->work == Impl::Work::Filter) {
        // The rows change when the rebuild is swapped in: the count starts then.
        d->countState = d->searchMatcher.isEmpty() ? CountState::Exact : CountState::Counting;
        d->matches = 0;
        d->startWorker(generation, std::nullopt);
        if (d->searchMatcher.isEmpty())
            emit searchChanged(0);
    } else {
        d->dropWork();
        d->startCount();
    }
    d->reportBusy();
}

LogViewModel::CountState LogViewModel::countState() const
{
    return d->countState;
}

qint64 LogViewModel::matchCount() const
{
    return d->matches + d->counted.load();
}

qint64 LogViewModel::countMatchesBlocking() const
{
    qint64 n = 0;
    if (!d->searchMatcher.isEmpty()) {
        const auto &rows = d->rows();
        for (qsizetype i = 0; i < rows.size(); ++i)
            n += d->searchCount(rows.at(i));
    }
    return n;
}

void LogViewModel::setFilter(const LogMatchOptions &options)
{
    d->stopWorker();
    d->dropWork();
    const LogMatcher matcher = matcherFor(options);
    if (matcher.isEmpty()) {
        // Every line: nothing to look at.
        beginResetModel();
        {
            const auto guard = d->writing();
            d->filterOptions = options;
            d->filterMatcher = matcher;
            d->filtering = false;
            d->shown.clear();
        }
        endResetModel();
        d->startCount();
        d->reportBusy();
        d->resumeFind(true);
        return;
    }
    {
        const auto guard = d->writing();
        d->work = Impl::Work::Filter;
        d->buildOptions = options;
        d->workMatcher = matcher;
        d->scan.ends = d->endLines();
        d->scan.total = d->all.size();
        d->countState = d->searchMatcher.isEmpty() ? CountState::Exact : CountState::Counting;
        d->matches = 0;
    }
    d->startWorker(d->findGeneration, std::nullopt);
    emit filterProgress(0);
    d->reportBusy();
}

void LogViewModel::setFilterBlocking(const LogMatchOptions &options)
{
    d->stopWorker();
    d->dropWork();
    beginResetModel();
    {
        const auto guard = d->writing();
        d->filterOptions = options;
        d->filterMatcher = matcherFor(options);
        d->filtering = !d->filterMatcher.isEmpty();
        d->shown.clear();
        if (d->filtering) {
            for (qsizetype i = 0; i < d->all.size(); ++i) {
                if (d->passesFilter(d->all.at(i)))
                    d->shown.append(d->all.at(i));
            }
        }
    }
    d->matches = countMatchesBlocking();
    d->countState = CountState::Exact;
    endResetModel();
    emit searchChanged(d->matches);
    d->reportBusy();
    d->resumeFind(true);
}

LogMatchOptions LogViewModel::filter() const
{
    return d->work == Impl::Work::Filter ? d->buildOptions : d->filterOptions;
}

bool LogViewModel::isFiltering() const
{
    return d->work == Impl::Work::Filter;
}

void LogViewModel::cancelWork()
{
    if (!d->busy())
        return;
    d->stopWorker();
    if (d->work == Impl::Work::Filter) {
        // The previous filter stays; the count it lost to the rebuild starts over, and a find
        // it cancelled runs.
        d->dropWork();
        d->startCount();
        d->resumeFind(false);
    } else {
        // What was counted stays exact as lines come and go; the rest is not looked at (nor is
        // a find that was under way: Esc stops it too).
        d->asked = {};
        const auto guard = d->writing();
        d->countState = CountState::Stopped;
    }
    d->reportBusy();
}

void LogViewModel::setScanSlice(int rows, int pauseMicroseconds)
{
    d->scanSlice = qMax(1, rows);
    d->scanPauseUs = qMax(0, pauseMicroseconds);
}

// ---- The GUI thread's side --------------------------------------------------------------------

std::vector<std::int64_t> LogViewModel::Impl::endLines() const
{
    std::vector<std::int64_t> ends;
    ends.reserve(stores.size());
    for (const auto &store : stores)
        ends.push_back(store->endLine());
    return ends;
}

void LogViewModel::Impl::dropWork()
{
    const auto guard = writing();
    work = Work::None;
    scan = Scan{};
    builtOld.clear();
    builtNew.clear();
    counted = 0;
}

void LogViewModel::Impl::startCount()
{
    const quint64 generation = stopWorker();
    {
        const auto guard = writing();
        matches = 0;
        counted = 0;
        scan = Scan{};
        if (searchMatcher.isEmpty() || rows().isEmpty()) {
            work = Work::None;
            countState = CountState::Exact;
        } else {
            work = Work::Count;
            countState = CountState::Counting;
            scan.ends = endLines();
            scan.total = rows().size();
            workMatcher = searchMatcher;
        }
    }
    if (work == Work::None) {
        emit q->searchChanged(0);
        return;
    }
    startWorker(generation, std::nullopt);
    emit q->searchProgress(0, 0);
}

void LogViewModel::Impl::finishCount(quint64 generation)
{
    if (generation != findGeneration || work != Work::Count || !scan.done)
        return;
    {
        const auto guard = writing();
        matches += counted.exchange(0);
        work = Work::None;
        countState = CountState::Exact;
    }
    emit q->searchChanged(matches);
    reportBusy();
}

void LogViewModel::Impl::finishFilter(quint64 generation)
{
    if (generation != findGeneration || work != Work::Filter || !scan.done)
        return;
    {
        const auto guard = writing();
        work = Work::None; // a find started by a slot of the reset does not finish it again
    }
    q->beginResetModel();
    {
        const auto guard = writing();
        // Lines that arrived during the rebuild go after the old lines of their time, as they
        // did in `all` (in place, or merged: a tie keeps the older row first).
        for (qsizetype i = 0; i < builtNew.size(); ++i) {
            const Ref r = builtNew.at(i);
            const std::int64_t t = builtNew.timestampOf(r);
            if (builtOld.isEmpty() || builtOld.timestampOf(builtOld.back()) <= t)
                builtOld.append(r);
            else
                builtOld.insert(builtOld.upperBound(t), r);
        }
        builtNew.clear();
        shown.swap(builtOld);
        builtOld.clear();
        filterOptions = buildOptions;
        filterMatcher = workMatcher;
        filtering = true;
    }
    q->endResetModel();
    startCount();
    reportBusy();
    resumeFind(true); // a find the filter cancelled, or answered on the rows replaced
}

void LogViewModel::Impl::reportBusy()
{
    const int now = int(work) * 4 + int(countState);
    if (now == reported)
        return;
    reported = now;
    emit q->busyChanged(busy());
}

void LogViewModel::Impl::insertRow(LogMergeIndex &index, qsizetype at, Ref r)
{
    if (scanned() == &index && at < scan.next)
        ++scan.next; // before the cursor: the row that was at `next - 1` moves up
    index.insert(at, r);
}

void LogViewModel::Impl::mergeRows(LogMergeIndex &index, qsizetype from,
                                   std::vector<qsizetype> *moved)
{
    const bool follows = scanned() == &index;
    qsizetype next = index.size(); // the cursor among the appended rows: every old row is done
    if (follows && scan.next < from) {
        // The rows before `from` keep their order; an appended row earlier than the cursor's
        // goes before it (a tie keeps the older row first).
        const std::int64_t t = index.timestampAt(scan.next);
        next = scan.next;
        for (qsizetype i = from; i < index.size(); ++i)
            next += index.timestampAt(i) < t ? 1 : 0;
    }
    index.mergeTail(from, moved);
    if (follows)
        scan.next = next;
}

void LogViewModel::Impl::noteBuilt(Ref r, std::int64_t time, bool inPlace)
{
    if (work != Work::Filter || !passes(workMatcher, r))
        return;
    if (inPlace)
        builtNew.insert(builtNew.upperBound(time), r);
    else
        builtNew.append(r);
}

// ---- The worker's side ------------------------------------------------------------------------

void LogViewModel::Impl::scanOnWorker(quint64 generation)
{
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    for (;;) {
        std::shared_lock guard(lock);
        if (generation != findGeneration || work == Work::None ||
            (work == Work::Count && countState != CountState::Counting))
            return;
        const Work job = work;
        if (!scan.done)
            job == Work::Count ? countSlice() : filterSlice();
        if (scan.done) {
            guard.unlock();
            QMetaObject::invokeMethod(
                q,
                [this, generation, job] {
                    job == Work::Count ? finishCount(generation) : finishFilter(generation);
                },
                Qt::QueuedConnection);
            return;
        }
        if (sinceProgress.elapsed() >= kProgressMs) {
            const int percent = int(std::min<qint64>(
                99, (scan.seen + scan.gone) * 100 / std::max<qsizetype>(1, scan.total)));
            QMetaObject::invokeMethod(
                q,
                [this, generation, job, percent] {
                    if (generation != findGeneration || work != job)
                        return;
                    if (job == Work::Count)
                        emit q->searchProgress(matches + counted, percent);
                    else
                        emit q->filterProgress(percent);
                },
                Qt::QueuedConnection);
            sinceProgress.restart();
        }
        guard.unlock();
        if (const int pause = scanPauseUs.load(); pause > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(pause));
        else
            std::this_thread::yield(); // a waiting writer (the GUI thread) goes first
    }
}

void LogViewModel::Impl::countSlice()
{
    const LogMergeIndex &index = rows();
    const qsizetype end = std::min(index.size(), scan.next + scanSlice.load());
    qint64 found = 0;
    for (qsizetype i = scan.next; i < end; ++i) {
        const Ref r = index.at(i);
        if (!scan.isOld(r))
            continue; // arrived since: counted as it came
        ++scan.seen;
        if (!isMarker(r))
            found += workMatcher.count(text(r));
    }
    counted += found;
    scan.next = end;
    scan.done = scan.finished(end, index.size());
}

void LogViewModel::Impl::filterSlice()
{
    const qsizetype end = std::min(all.size(), scan.next + scanSlice.load());
    for (qsizetype i = scan.next; i < end; ++i) {
        const Ref r = all.at(i);
        if (!scan.isOld(r))
            continue; // arrived since: in builtNew when it passes
        ++scan.seen;
        if (passes(workMatcher, r))
            builtOld.append(r);
    }
    scan.next = end;
    scan.done = scan.finished(end, all.size());
}

} // namespace models
