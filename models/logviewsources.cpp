// LogViewModel: its sources (one PodLogClient each) and the batched ingestion of their lines
// into the stores and the merge index.

#include "models/logviewmodel.h"

#include "models/logviewmodel_p.h"

#include "core/kube/podwait.h"
#include "models/tr.h"

#include <algorithm>

namespace models {

using core::kube::LogMergeIndex;
using core::kube::LogStore;

namespace {

// At most this many late lines of one batch go in as single-row inserts; more are appended and
// merged into place with one layout change (a second source's history arriving after the first's).
constexpr std::size_t kInPlaceLimit = 256;
// Bytes of pending lines applied per batch, so one batch never holds the GUI thread long. Once
// this much waits the batch runs at the next turn rather than at the batch interval, so a fast
// stream (ApiStream hands on up to 1 MiB a turn) never piles up tens of MiB behind the view.
constexpr qsizetype kBatchBytes = qsizetype(2) << 20;

} // namespace

int LogViewModel::addStaticSource(const QString &name)
{
    if (d->sources.size() >= std::size_t(LogMergeIndex::kMaxSources))
        return -1;
    auto source = std::make_unique<LogSourceData>();
    source->name = name;
    source->state = SourceState::Streaming;
    const auto guard = d->writing(); // a find on the worker reads the stores
    d->sources.push_back(std::move(source));
    d->stores.push_back(std::make_unique<LogStore>());
    return int(d->sources.size()) - 1;
}

int LogViewModel::addSource(core::kube::ApiClient *client, const QString &nameSpace,
                            const QString &pod, const core::kube::PodLogOptions &options)
{
    const int i = addStaticSource(options.container.isEmpty()
                                      ? pod
                                      : pod + QLatin1Char('/') + options.container);
    if (i < 0)
        return i;
    LogSourceData &s = *d->sources[std::size_t(i)];
    s.client = client;
    s.nameSpace = nameSpace;
    s.pod = pod;
    s.options = options;
    d->connectClient(i);
    return i;
}

void LogViewModel::appendLines(int source, const QByteArrayList &lines)
{
    if (source < 0 || std::size_t(source) >= d->sources.size())
        return;
    QByteArray block;
    for (const QByteArray &line : lines) {
        block += line;
        if (!line.endsWith('\n'))
            block += '\n';
    }
    if (block.isEmpty())
        return;
    d->waiting += block.size();
    d->sources[std::size_t(source)]->pending.push_back(std::move(block));
    d->schedule();
}

void LogViewModel::clear()
{
    beginResetModel();
    d->stopWorker();
    d->asked = {};
    if (d->work == Impl::Work::Filter) {
        // Nothing left to rebuild: the filter asked for applies to the (no) lines.
        d->filterOptions = d->buildOptions;
        d->filterMatcher = d->workMatcher;
        d->filtering = true;
    }
    d->dropWork();
    auto guard = d->writing();
    for (std::size_t i = 0; i < d->sources.size(); ++i) {
        LogSourceData &s = *d->sources[i];
        s.pending.clear();
        s.pendingAt = 0;
        s.markers.clear();
        s.caughtUp = false;
        s.lastTime = LogStore::kNoTimestamp;
        d->stores[i]->clear();
    }
    d->waiting = 0;
    d->all.clear();
    d->shown.clear();
    d->dropped = 0;
    d->matches = 0;
    d->countState = CountState::Exact;
    d->newest = LogStore::kNoTimestamp;
    guard.unlock();
    endResetModel();
    emit droppedChanged(0);
    emit searchChanged(0);
    d->reportBusy();
}

void LogViewModel::stopAll()
{
    for (std::size_t i = 0; i < d->sources.size(); ++i) {
        LogSourceData &s = *d->sources[i];
        if ((s.log && s.log->isActive()) || s.state == SourceState::Waiting) {
            if (s.log)
                s.log->stop();
            d->setState(int(i), SourceState::Ended, Tr::tr("Stopped"));
        }
    }
}

void LogViewModel::restart(const core::kube::PodLogOptions &options)
{
    for (const auto &s : d->sources) {
        if (s->log)
            s->log->stop();
    }
    clear();
    for (std::size_t i = 0; i < d->sources.size(); ++i) {
        LogSourceData &s = *d->sources[i];
        if (!s.client)
            continue;
        const QString container =
            options.container.isEmpty() ? s.options.container : options.container;
        s.options = options;
        s.options.container = container;
        s.name = container.isEmpty() ? s.pod : s.pod + QLatin1Char('/') + container;
        s.reconnects = 0;
        s.received = false;
        s.waits = 0;
        d->connectClient(int(i));
    }
}

QString LogViewModel::sourceName(int source) const
{
    if (source < 0 || std::size_t(source) >= d->sources.size())
        return {};
    return d->sources[std::size_t(source)]->name;
}

int LogViewModel::sourceCount() const
{
    return int(d->sources.size());
}

LogViewModel::SourceState LogViewModel::sourceState(int source) const
{
    if (source < 0 || std::size_t(source) >= d->sources.size())
        return SourceState::Failed;
    return d->sources[std::size_t(source)]->state;
}

void LogViewModel::Impl::setState(int source, SourceState state, const QString &message)
{
    LogSourceData &s = *sources[std::size_t(source)];
    if (s.state == state && message.isEmpty())
        return;
    s.state = state;
    emit q->sourceStateChanged(source, state, message);
}

void LogViewModel::Impl::connectClient(int source)
{
    LogSourceData &s = *sources[std::size_t(source)];
    if (!s.log) {
        auto *log = new core::kube::PodLogClient(s.client, q);
        log->setRawLines(true);
        s.log = log;
        QObject::connect(log, &core::kube::PodLogClient::rawLinesReceived, q,
                         [this, source](const QByteArray &lines) {
                             LogSourceData &src = *sources[std::size_t(source)];
                             src.pending.push_back(lines);
                             waiting += lines.size();
                             src.reconnects = 0;
                             src.received = true;
                             setState(source, SourceState::Streaming, {});
                             schedule();
                         });
        QObject::connect(log, &core::kube::PodLogClient::finished, q, [this, source] {
            setState(source, SourceState::Ended, {});
        });
        QObject::connect(log, &core::kube::PodLogClient::failed, q,
                         [this, source](const core::Error &error) { onFailed(source, error); });
        QObject::connect(log, &core::kube::PodLogClient::streamDropped, q,
                         [this, source](const core::Error &error) {
                             onDropped(source, error.message);
                         });
    }
    core::kube::PodLogOptions options = s.options;
    options.timestamps = true; // the merge needs them; TimestampRole shows them on demand
    if (s.state != SourceState::Waiting) // a retry keeps saying what it waits for
        setState(source, SourceState::Connecting, {});
    s.log->start(s.nameSpace, s.pod, options);
}

void LogViewModel::Impl::onDropped(int source, const QString &message)
{
    LogSourceData &s = *sources[std::size_t(source)];
    setState(source, SourceState::Reconnecting, message);
    const int delay = std::min(10000, 250 << std::min(s.reconnects, 6));
    ++s.reconnects;
    QTimer::singleShot(delay, q, [this, source] {
        LogSourceData &src = *sources[std::size_t(source)];
        if (!src.log || src.log->isActive() || src.state != SourceState::Reconnecting)
            return;
        if (src.log->resume())
            return;
        // Nothing to resume from: start over, and say that lines may be missing here.
        const QString when = src.lastTime == LogStore::kNoTimestamp
                                 ? Tr::tr("the start")
                                 : QString::fromLatin1(core::kube::formatLogTimestamp(src.lastTime));
        src.markers.append(
            Tr::tr("Lines could not be recovered after the stream broke (after %1)").arg(when).toUtf8());
        schedule();
        connectClient(source);
    });
}

void LogViewModel::Impl::onFailed(int source, const core::Error &error)
{
    LogSourceData &s = *sources[std::size_t(source)];
    if (s.received || !core::kube::meansPodNotStartedYet(error)) {
        setState(source, SourceState::Failed, error.message);
        return;
    }
    // Opened on a pod that is being created or scheduled, or whose container is starting:
    // wait for it (0.5 s, then up to every 5 s) and say so, rather than failing.
    setState(source, SourceState::Waiting, error.message);
    const int delay = core::kube::podStartRetryDelayMs(s.waits);
    ++s.waits;
    QTimer::singleShot(delay, q, [this, source] {
        LogSourceData &src = *sources[std::size_t(source)];
        if (src.log && !src.log->isActive() && src.state == SourceState::Waiting)
            connectClient(source);
    });
}

void LogViewModel::Impl::schedule()
{
    const int due = waiting >= kBatchBytes ? 0 : batchInterval;
    if (!batchTimer.isActive() || (due == 0 && batchTimer.interval() != 0))
        batchTimer.start(due);
}

void LogViewModel::Impl::applyBatch()
{
    struct Entry
    {
        std::int64_t time;
        Ref ref;
        bool shown;
        bool built; // passes the filter being rebuilt
    };
    std::vector<Entry> entries;
    const std::int64_t cut = newest == LogStore::kNoTimestamp ? newest : newest - windowNs;
    const qsizetype budget = kBatchBytes / qsizetype(std::max<std::size_t>(1, sources.size()));
    bool more = false;
    auto guard = writing(); // no signal goes out while it is held
    for (std::size_t i = 0; i < sources.size(); ++i) {
        LogSourceData &s = *sources[i];
        LogStore &store = *stores[i];
        for (const QByteArray &marker : std::as_const(s.markers)) {
            const std::int64_t line = store.appendText(
                s.lastTime, std::string_view(marker.constData(), size_t(marker.size())),
                GapMarker | kInheritedTime);
            entries.push_back({s.lastTime, LogMergeIndex::ref(int(i), line), false, false});
        }
        s.markers.clear();
        qsizetype taken = 0;
        while (!s.pending.empty() && taken < budget) {
            const QByteArray &block = s.pending.front();
            const qsizetype newline = block.indexOf('\n', s.pendingAt);
            const qsizetype end = newline < 0 ? block.size() : newline;
            std::string_view line(block.constData() + s.pendingAt, size_t(end - s.pendingAt));
            const qsizetype next = std::min(end + 1, block.size());
            taken += next - s.pendingAt;
            waiting -= next - s.pendingAt;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            const std::size_t space = line.find(' ');
            std::int64_t ns = 0;
            std::uint8_t flags = 0;
            std::string_view text = line;
            if (core::kube::parseLogTimestamp(line.substr(0, space), &ns)) {
                text = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
                if (s.caughtUp && cut != LogStore::kNoTimestamp && ns < cut)
                    flags |= LateLine;
                if (cut == LogStore::kNoTimestamp || ns >= cut)
                    s.caughtUp = true;
                s.lastTime = ns;
            } else {
                ns = s.lastTime;
                flags |= kInheritedTime;
            }
            const std::int64_t number = store.appendText(ns, text, flags);
            entries.push_back({ns, LogMergeIndex::ref(int(i), number), false, false});
            s.pendingAt = next;
            if (s.pendingAt >= block.size()) {
                s.pending.pop_front();
                s.pendingAt = 0;
            }
        }
        more = more || !s.pending.empty();
    }
    guard.unlock();
    if (more)
        batchTimer.start(0);
    if (entries.empty())
        return;
    for (const Entry &e : entries) {
        if (!(flags(e.ref) & kInheritedTime) && e.time > newest)
            newest = e.time;
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.time < b.time; });
    for (Entry &e : entries) {
        e.shown = passesFilter(e.ref);
        e.built = work == Work::Filter && passes(workMatcher, e.ref);
    }
    const std::int64_t lastTime = all.isEmpty() ? LogStore::kNoTimestamp : all.timestampOf(all.back());
    const std::size_t inside = std::size_t(
        std::lower_bound(entries.begin(), entries.end(), lastTime,
                         [](const Entry &e, std::int64_t t) { return e.time < t; }) -
        entries.begin());
    const bool inPlace = inside <= kInPlaceLimit;
    const std::size_t firstAppended = inPlace ? inside : 0;
    qint64 found = 0;
    if (inPlace) {
        for (std::size_t k = 0; k < inside; ++k) {
            const Entry &e = entries[k];
            const qsizetype at = all.upperBound(e.time);
            if (!filtering) {
                q->beginInsertRows({}, int(at) + base(), int(at) + base());
                guard.lock();
                insertRow(all, at, e.ref);
                guard.unlock();
                q->endInsertRows();
            } else {
                guard.lock();
                insertRow(all, at, e.ref);
                guard.unlock();
                if (e.shown) {
                    const qsizetype row = shown.upperBound(e.time);
                    q->beginInsertRows({}, int(row) + base(), int(row) + base());
                    guard.lock();
                    insertRow(shown, row, e.ref);
                    guard.unlock();
                    q->endInsertRows();
                }
            }
            if (e.built)
                noteBuilt(e.ref, e.time, true);
            if (e.shown)
                found += searchCount(e.ref);
        }
    }
    const qsizetype allFrom = all.size();
    const qsizetype shownFrom = shown.size();
    const qsizetype builtFrom = builtNew.size();
    qsizetype added = 0;
    for (std::size_t k = firstAppended; k < entries.size(); ++k)
        added += (!filtering || entries[k].shown) ? 1 : 0;
    if (added > 0) {
        const int first = int(rows().size()) + base();
        q->beginInsertRows({}, first, first + int(added) - 1);
    }
    guard.lock();
    for (std::size_t k = firstAppended; k < entries.size(); ++k) {
        const Entry &e = entries[k];
        all.append(e.ref);
        if (filtering && e.shown)
            shown.append(e.ref);
        if (e.built)
            noteBuilt(e.ref, e.time, false);
        if (e.shown)
            found += searchCount(e.ref);
    }
    guard.unlock();
    if (added > 0)
        q->endInsertRows();
    if (!inPlace) {
        // Late lines beyond what single inserts handle well: merge the appended rows into place.
        emit q->layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        std::vector<qsizetype> moved;
        guard.lock();
        mergeRows(all, allFrom, filtering ? nullptr : &moved);
        if (filtering)
            mergeRows(shown, shownFrom, &moved);
        guard.unlock();
        builtNew.mergeTail(builtFrom); // (the GUI thread's own: no lock)
        if (!moved.empty()) {
            const QModelIndexList persistent = q->persistentIndexList();
            for (const QModelIndex &index : persistent) {
                const qsizetype i = index.row() - base();
                if (i >= 0 && std::size_t(i) < moved.size())
                    q->changePersistentIndex(index, q->index(int(moved[std::size_t(i)]) + base()));
            }
        }
        emit q->layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    matches += found;
    enforceCap();
    if (found > 0 && countState == CountState::Exact)
        emit q->searchChanged(matches);
}

void LogViewModel::Impl::enforceCap()
{
    if (maxLines <= 0 || all.size() <= maxLines)
        return;
    const qsizetype n = all.size() - qsizetype(maxLines);
    std::vector<std::int64_t> perSource(sources.size(), 0);
    qsizetype removedRows = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const Ref r = all.at(i);
        ++perSource[std::size_t(LogMergeIndex::sourceOf(r))];
        if (filtering && removedRows < shown.size() && shown.at(removedRows) == r)
            ++removedRows;
    }
    if (!filtering)
        removedRows = n;
    if (removedRows > 0)
        q->beginRemoveRows({}, base(), base() + int(removedRows) - 1);
    qint64 lostMatches = 0;
    {
        const auto guard = writing();
        // The matches counted in the rows going: a count under way has not counted the old rows
        // at or after its cursor.
        const bool counting = work == Work::Count;
        for (qsizetype i = 0; i < removedRows; ++i) {
            const Ref r = rows().at(i);
            if (!counting || i < scan.next || !scan.isOld(r))
                lostMatches += searchCount(r);
        }
        if (work == Work::Filter) {
            // The rebuild's rows are in `all`'s order: those going are at their fronts.
            qsizetype old = 0;
            qsizetype arrived = 0;
            for (qsizetype i = 0; i < n; ++i) {
                const Ref r = all.at(i);
                if (old < builtOld.size() && builtOld.at(old) == r)
                    ++old;
                else if (arrived < builtNew.size() && builtNew.at(arrived) == r)
                    ++arrived;
            }
            builtOld.dropFront(old);
            builtNew.dropFront(arrived);
        }
        if (const LogMergeIndex *index = scanned()) {
            const qsizetype going = index == &all ? n : removedRows;
            for (qsizetype i = scan.next; i < going; ++i)
                scan.gone += scan.isOld(index->at(i)) ? 1 : 0;
            scan.next = std::max<qsizetype>(0, scan.next - going);
        }
        all.dropFront(n);
        if (filtering)
            shown.dropFront(removedRows);
        // Lines of one source reach the index in their own order, so its oldest rows are its
        // store's oldest lines.
        for (std::size_t i = 0; i < perSource.size(); ++i)
            stores[i]->dropOldest(perSource[i]);
        frontDrops += removedRows;
    }
    if (removedRows > 0)
        q->endRemoveRows();
    if (dropped == 0) {
        // The marker row appears at the top (base() becomes 1).
        q->beginInsertRows({}, 0, 0);
        dropped = n;
        q->endInsertRows();
    } else {
        dropped += n;
        emit q->dataChanged(q->index(0), q->index(0));
    }
    matches -= lostMatches;
    if (lostMatches > 0 && countState == CountState::Exact)
        emit q->searchChanged(matches);
    emit q->droppedChanged(dropped);
}

} // namespace models
