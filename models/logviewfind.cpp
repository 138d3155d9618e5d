// LogViewModel: find next/previous match, blocking (nextMatchRow) or on a worker thread
// (findMatch) that reads the stores under the shared lock a slice at a time; the worker's runs
// (a find, then the count or filter rebuild of logviewscan.cpp) start and stop here.

#include "models/logviewmodel.h"

#include "models/logviewmodel_p.h"

#include <QtConcurrent>

#include <thread>

namespace models {

qsizetype LogViewModel::Impl::scanForMatch(const core::kube::LogMatcher &matcher, qsizetype from,
                                           bool forward, qsizetype limit, qsizetype *examined,
                                           qsizetype *last) const
{
    const auto &index = rows();
    const qsizetype n = index.size();
    qsizetype at = from;
    for (qsizetype step = 0; step < limit && n > 0; ++step) {
        at = forward ? (at + 1 >= n || at + 1 < 0 ? 0 : at + 1) : (at <= 0 || at > n ? n - 1 : at - 1);
        ++*examined;
        const Ref r = index.at(at);
        if (!isMarker(r) && matcher.matches(text(r))) {
            *last = at;
            return at;
        }
    }
    *last = at;
    return -1;
}

qsizetype LogViewModel::Impl::locate(Ref r, qsizetype index, qint64 drops) const
{
    const auto &rows = this->rows();
    const qsizetype moved = index - qsizetype(frontDrops - drops);
    if (moved >= 0 && moved < rows.size() && rows.at(moved) == r)
        return moved;
    // Lines were inserted in place or merged: the row is among those of its timestamp.
    const core::kube::LogStore &store = *stores[std::size_t(core::kube::LogMergeIndex::sourceOf(r))];
    if (!store.contains(core::kube::LogMergeIndex::lineOf(r)))
        return -1; // dropped by the cap
    const std::int64_t t = store.timestamp(core::kube::LogMergeIndex::lineOf(r));
    for (qsizetype i = rows.upperBound(t) - 1; i >= 0 && rows.timestampAt(i) == t; --i) {
        if (rows.at(i) == r)
            return i;
    }
    return -1;
}

int LogViewModel::nextMatchRow(int fromRow, bool forward) const
{
    const int count = rowCount();
    if (d->searchMatcher.isEmpty() || count == 0 ||
        (d->countState == CountState::Exact && d->matches == 0))
        return -1;
    qsizetype examined = 0;
    qsizetype last = 0;
    const qsizetype found = d->scanForMatch(d->searchMatcher, qsizetype(fromRow) - d->base(),
                                            forward, d->rows().size(), &examined, &last);
    return found < 0 ? -1 : int(found) + d->base();
}

void LogViewModel::Impl::cancelFind()
{
    ++findGeneration;
}

quint64 LogViewModel::Impl::stopWorker()
{
    const quint64 generation = ++findGeneration;
    // The worker sees the new generation at its next slice: wait for it only if it is still
    // there, so two never run at once.
    finder.waitForFinished();
    return generation;
}

void LogViewModel::Impl::startWorker(quint64 generation, std::optional<FindJob> find)
{
    finder.waitForFinished();
    finder = QtConcurrent::run([this, generation, find = std::move(find)] {
        if (find && !findOnWorker(find->matcher, find->from, find->forward, generation))
            return;
        scanOnWorker(generation);
    });
}

void LogViewModel::Impl::noteFind(int fromRow, bool forward)
{
    asked = AskedFind{};
    asked.valid = true;
    asked.forward = forward;
    asked.haveAnchor = refAt(fromRow, &asked.anchor);
    if (asked.haveAnchor)
        asked.time = rows().timestampOf(asked.anchor);
}

void LogViewModel::Impl::noteAnswered()
{
    // Answered against rows a running rebuild will replace: it runs again on the new ones.
    asked.answered = true;
    asked.valid = asked.valid && work == Work::Filter;
}

qsizetype LogViewModel::Impl::anchorRow() const
{
    const auto &rows = this->rows();
    if (!asked.haveAnchor)
        return asked.forward ? -1 : rows.size();
    const qsizetype after = rows.upperBound(asked.time); // the first row later than the anchor
    for (qsizetype i = after - 1; i >= 0 && rows.timestampAt(i) == asked.time; --i) {
        if (rows.at(i) == asked.anchor)
            return i;
    }
    // Not shown: the rows of its time are looked at too, either way.
    return asked.forward ? rows.upperBound(asked.time - 1) - 1 : after;
}

void LogViewModel::Impl::resumeFind(bool swapped)
{
    if (!asked.valid || (!swapped && asked.answered)) {
        asked.valid = false;
        return;
    }
    q->findMatch(int(anchorRow()) + base(), asked.forward);
}

void LogViewModel::findMatch(int fromRow, bool forward)
{
    d->noteFind(fromRow, forward);
    const quint64 generation = d->stopWorker();
    if (d->searchMatcher.isEmpty() || d->rows().isEmpty() ||
        (d->countState == CountState::Exact && d->matches == 0)) {
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation != d->findGeneration)
                    return;
                d->noteAnswered();
                emit matchFound(-1);
            },
            Qt::QueuedConnection);
        if (d->busy())
            d->startWorker(generation, std::nullopt); // the count or rebuild goes on
        return;
    }
    d->startWorker(generation, Impl::FindJob{d->searchMatcher, qsizetype(fromRow) - d->base(),
                                             forward});
}

bool LogViewModel::Impl::findOnWorker(const core::kube::LogMatcher &matcher, qsizetype from,
                                      bool forward, quint64 generation)
{
    qsizetype total = -1; // rows to look at: those there when the search began
    qsizetype examined = 0;
    qsizetype at = from;
    Ref atRef = 0;
    bool haveRef = false;
    qint64 drops = 0;
    qsizetype found = -1;
    Ref ref = 0;
    qint64 foundDrops = 0;
    for (;;) {
        std::shared_lock guard(lock);
        if (generation != findGeneration)
            return false;
        if (total < 0) {
            total = rows().size();
            drops = frontDrops;
        } else if (haveRef) {
            // Follow the position over rows dropped or inserted meanwhile; from the edge if its
            // row is gone.
            const qsizetype now = locate(atRef, at, drops);
            at = now >= 0 ? now : (forward ? -1 : rows().size());
            drops = frontDrops;
        }
        qsizetype last = at;
        found = scanForMatch(matcher, at, forward, std::min(scanSlice.load(), total - examined),
                             &examined, &last);
        if (found >= 0) {
            ref = rows().at(found);
            foundDrops = frontDrops;
            break;
        }
        if (examined >= total || rows().isEmpty())
            break;
        at = last;
        atRef = rows().at(last);
        haveRef = true;
        guard.unlock();
        std::this_thread::yield(); // a waiting writer (the GUI thread) goes first
    }
    QMetaObject::invokeMethod(
        q,
        [this, generation, found, ref, foundDrops, forward] {
            if (generation != findGeneration)
                return;
            const qsizetype row = found < 0 ? -1 : locate(ref, found, foundDrops);
            if (found >= 0 && row < 0) {
                // The cap dropped the line found before this answer arrived: from the edge.
                q->findMatch(forward ? -1 : q->rowCount(), forward);
                return;
            }
            noteAnswered();
            emit q->matchFound(row < 0 ? -1 : int(row) + base());
        },
        Qt::QueuedConnection);
    return true;
}

} // namespace models
