#pragma once

// Deviations from /work/wt/notes/logmodel-contract.md (this header is the truth):
// - Additions only: setBatchInterval()/batchInterval() (ingestion coalescing, default 50 ms),
//   setReorderWindow()/reorderWindow() (default 2000 ms), sourceState(), appendLines() (feeds
//   lines without a PodLogClient: tests, benches, pasted logs), flush() (applies what is queued
//   now), pendingBytes(), search()/filter() getters, sourceNamespace()/sourcePod().
// - DroppedMarker: when droppedLines() > 0, row 0 is a marker row (FlagsRole = DroppedMarker,
//   DisplayRole "N older lines were dropped"); it is inserted once with beginInsertRows and its
//   text changes with dataChanged. It never matches a search or the filter.
// - GapMarker rows carry the source of the gap in SourceRole/SourceIndexRole; their TimestampRole
//   is empty (they sort at the time of the source's last line before the gap).
// - TimestampRole is the line's time as RFC3339Nano in UTC with nine fraction digits (what the
//   kubelet writes), rebuilt from the 8-byte nanoseconds the store keeps: a server that trims
//   zeros or writes an offset shows the same instant in this form.
// - A search or filter whose regex does not compile matches nothing (searchError() says why).
// - setSearch() does not answer the count and setFilter() returns before the rows change: both
//   run on the model's worker (issue #11); searchChanged() and a model reset follow.
// - Markers (gap, dropped) never match a search; the filter keeps gap markers visible; saveTo
//   skips both.

#include "core/kube/podlogoptions.h"

#include <QAbstractListModel>
#include <QByteArrayList>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

class QIODevice;

namespace core::kube {
class ApiClient;
}

namespace models {

struct LogMatchOptions
{
    QString pattern;
    bool regex = false;
    bool caseSensitive = true;
    bool wholeWord = false;
};

// The lines of one or more container logs, merged by timestamp, as one column. Rows are the
// lines shown (after the grep-style filter). Lines are held as UTF-8 in chunked stores
// (core/kube/logstore.h); text is decoded per data() call, so 10 million rows cost no QString.
class LogViewModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        TimestampRole = Qt::UserRole + 1, // QString: RFC 3339 as the server wrote it, or empty
        SourceRole,                       // QString: "pod/container"
        SourceIndexRole,                  // int: 0, 1, 2... stable, for the source's colour
        FlagsRole,                        // int: LineFlag bits
    };
    enum LineFlag {
        LateLine = 1,     // arrived after the reorder window; inserted in place
        GapMarker = 2,    // not a log line: lines could not be recovered after a reconnect
        DroppedMarker = 4 // row 0: N older lines were dropped by the cap
    };
    Q_ENUM(LineFlag)
    // Waiting: the pod or its container is not there or not running yet (core::kube::
    // meansPodNotStartedYet); the source retries until it streams, as long as it is open.
    enum class SourceState { Connecting, Streaming, Reconnecting, Ended, Failed, Waiting };
    Q_ENUM(SourceState)

    static constexpr qint64 kDefaultMaxLines = 2000000;

    explicit LogViewModel(QObject *parent = nullptr);
    ~LogViewModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Sources and streaming. addSource starts a PodLogClient (follow as options say) and answers
    // the source's index.
    int addSource(core::kube::ApiClient *client, const QString &nameSpace, const QString &pod,
                  const core::kube::PodLogOptions &options);
    // A source fed by appendLines() only (no client); name is shown as SourceRole.
    int addStaticSource(const QString &name);
    // Appends raw log lines ("TIMESTAMP text" when the line has a timestamp, else text) to a
    // source, as the client would; they are applied at the next batch (or flush()).
    void appendLines(int source, const QByteArrayList &lines);
    void clear();
    void stopAll();
    // Restarts every client source with new options (since/previous/container/...): the lines
    // are cleared and the model resets.
    void restart(const core::kube::PodLogOptions &options);
    QString sourceName(int source) const;
    int sourceCount() const;
    SourceState sourceState(int source) const;

    // Ingestion is coalesced: lines received are applied every batchInterval() ms.
    void setBatchInterval(int ms);
    int batchInterval() const;
    // Lines older than the newest line seen minus this window are late: inserted in place and
    // flagged LateLine.
    void setReorderWindow(qint64 ms);
    qint64 reorderWindow() const;
    // Applies everything received at once, in one turn of the event loop (tests, pasted text);
    // live ingestion never needs it: batches go on every turn until nothing waits.
    void flush();
    // Bytes received and not applied yet (0 once the batches have caught up).
    qint64 pendingBytes() const;

    // Capacity: 0 = unlimited. Dropping takes whole chunks of the oldest lines.
    void setMaxLines(qint64 maxLines);
    qint64 maxLines() const;
    qint64 droppedLines() const;

    // Search (highlighting) and filter (grep). Neither holds the GUI thread: the full count and
    // the filter's rebuild run on the worker that findMatch() uses, a slice at a time, and a new
    // find, search, filter or clear cancels the run under way (a find goes first; a count or
    // rebuild resumes after it). Highlighting (matchesInRow) is per row and immediate.
    //
    // setSearch returns at once; the count over the rows shown arrives with searchChanged()
    // (with searchProgress() while counting; at once, in the call, when there is nothing to
    // count). Lines arriving or dropped by the cap meanwhile are counted exactly.
    void setSearch(const LogMatchOptions &options);
    LogMatchOptions search() const;
    // Counting: the count is not known yet (counting, or waiting for the filter's rebuild to
    // finish). Stopped: cancelWork() stopped it; matchCount() is what was found so far.
    enum class CountState { Exact, Counting, Stopped };
    Q_ENUM(CountState)
    CountState countState() const;
    qint64 matchCount() const; // exact when countState() is Exact, else the matches found so far
    // The full count over the rows shown, here and now (blocks: tests and benches compare).
    qint64 countMatchesBlocking() const;
    // The next (or previous) row with a match after `fromRow`; -1 when none; wraps around.
    // Blocks while it scans: the viewer uses findMatch().
    int nextMatchRow(int fromRow, bool forward) const;
    // The same on a worker thread: answers with matchFound() later (never before it returns).
    // A new findMatch(), setSearch(), setFilter() or clear() cancels the one running: only the
    // latest request is answered.
    void findMatch(int fromRow, bool forward);
    QList<QPair<int, int>> matchesInRow(int row) const; // (start, length) in DisplayRole text
    // Empty pattern = all lines (a reset at once). Otherwise the matching rows are indexed on the
    // worker while the view shows the previous filter's rows (filterProgress()); then one reset
    // swaps them in (lines that arrived meanwhile included) and the search count starts over.
    void setFilter(const LogMatchOptions &options);
    // The same, blocking, with the count (the old path: tests and benches compare).
    void setFilterBlocking(const LogMatchOptions &options);
    LogMatchOptions filter() const; // the filter asked for (isFiltering(): not applied yet)
    bool isFiltering() const;
    // Stops the count (Stopped) or drops the filter's rebuild (the previous filter stays and its
    // count starts over). Nothing when neither runs.
    void cancelWork();
    // Rows the worker reads between two looks at the lock and cancellation (4,096), and a pause
    // after each slice of a count or rebuild (none): tests make lines arrive in the middle.
    void setScanSlice(int rows, int pauseMicroseconds = 0);
    // Why the current search or filter pattern does not compile (empty when it does).
    QString searchError() const;

    // Writes the lines shown (filter applies), oldest first, one per line, with their
    // timestamps when asked. Streams line by line; no copy of the whole log.
    bool saveTo(QIODevice *device, bool timestamps, QString *error) const;

signals:
    void searchChanged(qint64 count); // the exact count: when counted, and as lines come and go
    void searchProgress(qint64 foundSoFar, int percent); // while counting, a few times a second
    void filterProgress(int percent);                    // while the filter rebuilds
    void busyChanged(bool busy); // a count or rebuild started, or ended (finished, cancelled)
    void matchFound(int row); // findMatch()'s answer: -1 when there is no match
    void droppedChanged(qint64 dropped);
    void sourceStateChanged(int source, models::LogViewModel::SourceState state,
                            const QString &message);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    friend struct Impl;
};

} // namespace models
