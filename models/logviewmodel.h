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

    // Search (highlighting) and filter (grep).
    qint64 setSearch(const LogMatchOptions &options); // full match count over the rows shown
    LogMatchOptions search() const;
    qint64 matchCount() const;
    // The next (or previous) row with a match after `fromRow`; -1 when none; wraps around.
    // Blocks while it scans: the viewer uses findMatch().
    int nextMatchRow(int fromRow, bool forward) const;
    // The same on a worker thread: answers with matchFound() later (never before it returns).
    // A new findMatch(), setSearch(), setFilter() or clear() cancels the one running: only the
    // latest request is answered.
    void findMatch(int fromRow, bool forward);
    QList<QPair<int, int>> matchesInRow(int row) const; // (start, length) in DisplayRole text
    void setFilter(const LogMatchOptions &options);      // empty pattern = all lines
    LogMatchOptions filter() const;
    // Why the current search or filter pattern does not compile (empty when it does).
    QString searchError() const;

    // Writes the lines shown (filter applies), oldest first, one per line, with their
    // timestamps when asked. Streams line by line; no copy of the whole log.
    bool saveTo(QIODevice *device, bool timestamps, QString *error) const;

signals:
    void searchChanged(qint64 count);
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
