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

    // Find next/previous (logviewfind.cpp) runs on a worker that reads the stores and the index
    // under a shared lock, a slice at a time; the GUI thread changes them only under the
    // exclusive lock (writing()) and never waits longer than one slice. A new find, search,
    // filter or clear raises findGeneration, which cancels the one running.
    mutable std::shared_mutex lock;
    std::atomic<quint64> findGeneration{0};
    QFuture<void> finder;
    qint64 frontDrops = 0; // rows ever removed from the front of rows(), to follow a position
    std::unique_lock<std::shared_mutex> writing() { return std::unique_lock(lock); }

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
    void findOnWorker(core::kube::LogMatcher matcher, qsizetype from, bool forward,
                      quint64 generation);

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
