#pragma once

// The private part of LogViewModel, shared by its two source files (rows and search in
// logviewmodel.cpp, sources and ingestion in logviewsources.cpp).

#include "models/logviewmodel.h"

#include "core/kube/logstore.h"
#include "core/kube/logstoremerge.h"
#include "core/kube/podlogclient.h"

#include <QFuture>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <vector>

namespace models {

// A store flag of our own beside LogViewModel::LineFlag: the line had no timestamp and carries
// its predecessor's for ordering; TimestampRole is empty.
constexpr std::uint8_t kInheritedTime = 0x80;

struct LogSourceData
{
    QString name;
    QString nameSpace;
    QString pod;
    core::kube::ApiClient *client = nullptr;
    QPointer<core::kube::PodLogClient> log;
    core::kube::PodLogOptions options;
    LogViewModel::SourceState state = LogViewModel::SourceState::Connecting;
    // Blocks of complete lines ('\n'-terminated) as they arrived, not applied yet; a queue, so a
    // fast stream never copies what is already waiting.
    std::deque<QByteArray> pending;
    qsizetype pendingAt = 0;  // bytes of the first block already applied
    QByteArrayList markers;   // gap markers to apply with the next batch
    bool caughtUp = false;    // has delivered a line inside the reorder window
    std::int64_t lastTime = core::kube::LogStore::kNoTimestamp;
    int reconnects = 0;
    bool received = false; // a line has arrived: a later refusal is no pod that is starting
    int waits = 0;         // retries while the pod is not started yet
};

struct LogViewModel::Impl
{
    using Ref = core::kube::LogMergeIndex::Ref;

    explicit Impl(LogViewModel *model);

    LogViewModel *q;
    std::vector<std::unique_ptr<core::kube::LogStore>> stores; // by source
    std::vector<std::unique_ptr<LogSourceData>> sources;
    core::kube::LogMergeIndex all{&stores};   // every line held, merged
    core::kube::LogMergeIndex shown{&stores}; // the rows when a filter is set
    bool filtering = false;
    LogMatchOptions filterOptions;
    core::kube::LogMatcher filterMatcher;
    LogMatchOptions searchOptions;
    core::kube::LogMatcher searchMatcher;
    qint64 matches = 0;
    qint64 maxLines = kDefaultMaxLines;
    qint64 dropped = 0;
    std::int64_t newest = core::kube::LogStore::kNoTimestamp;
    std::int64_t windowNs = 2000000000;
    QTimer batchTimer;
    int batchInterval = 50;
    qint64 waiting = 0; // bytes received and not applied yet, over all sources

    // Find next/previous (logviewfind.cpp), the search's full count and the filter's rebuild
    // (logviewscan.cpp) run on one worker that reads the stores and the index under a shared
    // lock, a slice at a time; the GUI thread changes them only under the exclusive lock
    // (writing()) and never waits longer than one slice. A new find, search, filter or clear
    // raises findGeneration, which cancels the run under way; a find goes first and the count
    // or rebuild (`work`, whose state persists between runs) resumes after it.
    mutable std::shared_mutex lock;
    std::atomic<quint64> findGeneration{0};
    QFuture<void> finder;
    qint64 frontDrops = 0; // rows ever removed from the front of rows(), to follow a position
    std::unique_lock<std::shared_mutex> writing() { return std::unique_lock(lock); }

    // The background job. Its rows are the lines there when it began ("old": below ends[] per
    // source); lines arriving later are counted (or filtered) by applyBatch as they come. The
    // worker steps `next` over the index it scans; the GUI thread moves `next` with every row it
    // inserts before it, merges or drops, so old rows before `next` are exactly those done.
    enum class Work { None, Count, Filter };
    struct Scan
    {
        std::vector<std::int64_t> ends; // per source: the first line that is not the job's
        qsizetype next = 0;             // in the scanned index: the first row not looked at
        bool done = false;              // every old row looked at: the GUI thread finishes it
        qint64 seen = 0;                // old rows looked at
        qint64 gone = 0;                // old rows the cap dropped before the worker got there
        qsizetype total = 0;            // rows when it began: done when seen + gone reach it
        bool finished(qsizetype end, qsizetype size) const
        {
            return end >= size || seen + gone >= total; // (later rows are new ones)
        }
        bool isOld(Ref r) const
        {
            const std::size_t source = std::size_t(core::kube::LogMergeIndex::sourceOf(r));
            return source < ends.size() && core::kube::LogMergeIndex::lineOf(r) < ends[source];
        }
    };
    Work work = Work::None;             // written under the exclusive lock
    Scan scan;                          // under the lock: the worker writes under the shared one
    core::kube::LogMatcher workMatcher; // the count's or the rebuild's pattern
    std::atomic<qint64> counted{0};     // matches the worker counted among old rows
    CountState countState = CountState::Exact;
    LogMatchOptions buildOptions;               // the filter being built
    core::kube::LogMergeIndex builtOld{&stores}; // old lines that pass it (the worker appends)
    core::kube::LogMergeIndex builtNew{&stores}; // lines arrived since that pass it (GUI thread)
    std::atomic<qsizetype> scanSlice{4096}; // (a test may change them while the worker runs)
    std::atomic<int> scanPauseUs{0};

    const core::kube::LogMergeIndex *scanned() const
    {
        return work == Work::Filter ? &all : work == Work::Count ? &rows() : nullptr;
    }
    // A gap stays visible whatever the filter.
    bool passes(const core::kube::LogMatcher &matcher, Ref r) const
    {
        return isMarker(r) || matcher.matches(text(r));
    }
    std::vector<std::int64_t> endLines() const;
    // Row changes of the GUI thread (under the exclusive lock) that keep the job's cursor.
    void insertRow(core::kube::LogMergeIndex &index, qsizetype at, Ref r);
    void mergeRows(core::kube::LogMergeIndex &index, qsizetype from, std::vector<qsizetype> *moved);
    // Lines of a batch (already in the index) that arrived while the filter rebuilds.
    void noteBuilt(Ref r, std::int64_t time, bool inPlace);

    const core::kube::LogMergeIndex &rows() const { return filtering ? shown : all; }
    int base() const { return dropped > 0 ? 1 : 0; }
    std::string_view text(Ref r) const
    {
        return stores[std::size_t(core::kube::LogMergeIndex::sourceOf(r))]->text(
            core::kube::LogMergeIndex::lineOf(r));
    }
    std::uint8_t flags(Ref r) const
    {
        return stores[std::size_t(core::kube::LogMergeIndex::sourceOf(r))]->flags(
            core::kube::LogMergeIndex::lineOf(r));
    }
    bool isMarker(Ref r) const { return flags(r) & GapMarker; }
    bool passesFilter(Ref r) const;
    qint64 searchCount(Ref r) const;
    // The line at a model row; false for the dropped marker and rows out of range.
    bool refAt(int row, Ref *r) const;

    // Find (logviewfind.cpp): from index `from` of rows(), steps over at most `limit` rows (with
    // wrap-around) for a line `matcher` matches; its index, or -1. `*examined` counts the steps.
    qsizetype scanForMatch(const core::kube::LogMatcher &matcher, qsizetype from, bool forward,
                           qsizetype limit, qsizetype *examined, qsizetype *last) const;
    // Where `r` is in rows() now, given it was at `index` when frontDrops was `drops`; -1 if gone.
    qsizetype locate(Ref r, qsizetype index, qint64 drops) const;
    void cancelFind();
    // Cancels the run under way and waits for its slice to end; answers the new generation.
    quint64 stopWorker();
    // A run on the worker: the find when asked, then the count or rebuild left to do.
    struct FindJob
    {
        core::kube::LogMatcher matcher;
        qsizetype from = 0;
        bool forward = true;
    };
    void startWorker(quint64 generation, std::optional<FindJob> find);
    // False when cancelled before it answered.
    bool findOnWorker(const core::kube::LogMatcher &matcher, qsizetype from, bool forward,
                      quint64 generation);
    // The last find asked for, kept across a change of the rows by the filter: a find that a
    // filter cancelled (setFilter stops the worker), or one answered against rows a rebuild then
    // replaced, runs again from its anchor over the new rows once they are in (resumeFind()).
    struct AskedFind
    {
        bool valid = false;    // to run again when the filter's rows come in
        bool answered = false; // answered against the rows the rebuild replaces
        bool haveAnchor = false; // false: from the first row (forward) or the last
        Ref anchor = 0;
        std::int64_t time = 0; // the anchor's, for when the new rows do not show it
        bool forward = true;
    };
    AskedFind asked;
    void noteFind(int fromRow, bool forward);
    void noteAnswered();
    // Where the anchor is in rows() now: its row, else (not shown) just before the first row of
    // its time going forward, just after the last one going back.
    qsizetype anchorRow() const;
    // The find asked for, again, after the rows changed (`swapped`: false when a rebuild was
    // dropped and the rows stayed, so only a find it had cancelled runs).
    void resumeFind(bool swapped);

    // Count and rebuild (logviewscan.cpp).
    void scanOnWorker(quint64 generation);
    void countSlice();
    void filterSlice();
    void startCount();   // over rows() as they are now; at once when there is nothing to count
    void finishCount(quint64 generation);
    void finishFilter(quint64 generation);
    void dropWork();     // forgets the job (no worker runs)
    bool busy() const
    {
        return (work == Work::Count && countState == CountState::Counting) ||
               work == Work::Filter;
    }
    // busyChanged() when the job or the count's state changed since the last call.
    void reportBusy();
    int reported = 0;

    // Ingestion (logviewsources.cpp).
    void schedule();
    void applyBatch();
    void enforceCap();
    void setState(int source, SourceState state, const QString &message);
    void connectClient(int source);
    void onDropped(int source, const QString &message);
    void onFailed(int source, const core::Error &error);
};

} // namespace models
