// LogViewModel: find next/previous match, blocking (nextMatchRow) or on a worker thread
// (findMatch) that reads the stores under the shared lock a slice at a time.

#include "models/logviewmodel.h"

#include "models/logviewmodel_p.h"

#include <QtConcurrent>

#include <thread>

namespace models {

namespace {

// Rows the worker looks at before it lets go of the lock and checks for cancellation: at about
// 1 us a row for a literal and a few for a regex, a few milliseconds.
constexpr qsizetype kFindSlice = 4096;

} // namespace

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
    if (d->searchMatcher.isEmpty() || d->matches == 0 || count == 0)
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

void LogViewModel::findMatch(int fromRow, bool forward)
{
    const quint64 generation = ++d->findGeneration;
    if (d->searchMatcher.isEmpty() || d->matches == 0 || d->rows().isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == d->findGeneration)
                    emit matchFound(-1);
            },
            Qt::QueuedConnection);
        return;
    }
    // The previous worker has seen the new generation (or will at its next slice): wait for it
    // only if it is still there, so two never run at once.
    d->finder.waitForFinished();
    d->finder = QtConcurrent::run([impl = d.get(), matcher = d->searchMatcher, generation,
                                   from = qsizetype(fromRow) - d->base(), forward] {
        impl->findOnWorker(matcher, from, forward, generation);
    });
}

void LogViewModel::Impl::findOnWorker(core::kube::LogMatcher matcher, qsizetype from,
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
            return;
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
        found = scanForMatch(matcher, at, forward, std::min(kFindSlice, total - examined),
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
            emit q->matchFound(row < 0 ? -1 : int(row) + base());
        },
        Qt::QueuedConnection);
}

} // namespace models
