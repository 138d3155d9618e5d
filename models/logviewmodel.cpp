#include "models/logviewmodel.h"

#include "core/common/savefile.h"
#include "models/logviewmodel_p.h"
#include "models/tr.h"

#include <QIODevice>

namespace models {

using core::kube::LogMergeIndex;
using core::kube::LogStore;

LogViewModel::Impl::Impl(LogViewModel *model) : q(model)
{
    batchTimer.setSingleShot(true);
    batchTimer.setInterval(50);
}

bool LogViewModel::Impl::passesFilter(Ref r) const
{
    return !filtering || passes(filterMatcher, r);
}

qint64 LogViewModel::Impl::searchCount(Ref r) const
{
    if (searchMatcher.isEmpty() || isMarker(r))
        return 0;
    return searchMatcher.count(text(r));
}

bool LogViewModel::Impl::refAt(int row, Ref *r) const
{
    const qsizetype i = qsizetype(row) - base();
    if (i < 0 || i >= rows().size())
        return false;
    *r = rows().at(i);
    return true;
}

LogViewModel::LogViewModel(QObject *parent) : QAbstractListModel(parent), d(new Impl(this))
{
    connect(&d->batchTimer, &QTimer::timeout, this, [this] { d->applyBatch(); });
}

LogViewModel::~LogViewModel()
{
    // The clients go first, quietly: their signals reach lambdas that use d. A find running on
    // a worker stops at its next slice.
    d->cancelFind();
    d->finder.waitForFinished();
    d->batchTimer.stop();
    for (const auto &s : d->sources)
        delete s->log.data();
}

int LogViewModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(d->rows().size()) + d->base();
}

QVariant LogViewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    Impl::Ref r;
    if (!d->refAt(index.row(), &r)) {
        // Row 0 while lines were dropped.
        switch (role) {
        case Qt::DisplayRole:
            return Tr::tr("%1 older lines were dropped (the limit is %2 lines)")
                .arg(d->dropped)
                .arg(d->maxLines);
        case FlagsRole:
            return int(DroppedMarker);
        case SourceIndexRole:
            return -1;
        case TimestampRole:
        case SourceRole:
            return QString();
        default:
            return {};
        }
    }
    const int source = LogMergeIndex::sourceOf(r);
    const LogStore &store = *d->stores[std::size_t(source)];
    const std::int64_t line = LogMergeIndex::lineOf(r);
    switch (role) {
    case Qt::DisplayRole: {
        const std::string_view t = store.text(line);
        return QString::fromUtf8(t.data(), qsizetype(t.size()));
    }
    case TimestampRole: {
        const std::int64_t ns = store.timestamp(line);
        if (ns == LogStore::kNoTimestamp || (store.flags(line) & kInheritedTime))
            return QString();
        return QString::fromLatin1(core::kube::formatLogTimestamp(ns));
    }
    case SourceRole:
        return d->sources[std::size_t(source)]->name;
    case SourceIndexRole:
        return source;
    case FlagsRole:
        return int(store.flags(line) & (LateLine | GapMarker | DroppedMarker));
    default:
        return {};
    }
}

QHash<int, QByteArray> LogViewModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimestampRole, QByteArrayLiteral("timestamp"));
    names.insert(SourceRole, QByteArrayLiteral("source"));
    names.insert(SourceIndexRole, QByteArrayLiteral("sourceIndex"));
    names.insert(FlagsRole, QByteArrayLiteral("flags"));
    return names;
}

void LogViewModel::setBatchInterval(int ms)
{
    d->batchInterval = qMax(0, ms);
}

int LogViewModel::batchInterval() const
{
    return d->batchInterval;
}

void LogViewModel::setReorderWindow(qint64 ms)
{
    d->windowNs = qMax<qint64>(0, ms) * 1000000;
}

qint64 LogViewModel::reorderWindow() const
{
    return d->windowNs / 1000000;
}

void LogViewModel::flush()
{
    d->batchTimer.stop();
    bool more = true;
    while (more) {
        d->applyBatch();
        more = false;
        for (const auto &s : d->sources)
            more = more || !s->pending.empty() || !s->markers.isEmpty();
    }
    d->batchTimer.stop();
}

qint64 LogViewModel::pendingBytes() const
{
    return d->waiting;
}

void LogViewModel::setMaxLines(qint64 maxLines)
{
    d->maxLines = qMax<qint64>(0, maxLines);
    d->enforceCap();
}

qint64 LogViewModel::maxLines() const
{
    return d->maxLines;
}

qint64 LogViewModel::droppedLines() const
{
    return d->dropped;
}

LogMatchOptions LogViewModel::search() const
{
    return d->searchOptions;
}

QList<QPair<int, int>> LogViewModel::matchesInRow(int row) const
{
    Impl::Ref r;
    if (d->searchMatcher.isEmpty() || !d->refAt(row, &r) || d->isMarker(r))
        return {};
    return d->searchMatcher.matchesInText(d->text(r));
}

QString LogViewModel::searchError() const
{
    if (!d->searchMatcher.isValid())
        return d->searchMatcher.errorString();
    if (!d->filterMatcher.isValid())
        return d->filterMatcher.errorString();
    if (d->work == Impl::Work::Filter && !d->workMatcher.isValid())
        return d->workMatcher.errorString();
    return {};
}

bool LogViewModel::saveTo(QIODevice *device, bool timestamps, QString *error) const
{
    QByteArray buffer;
    constexpr qsizetype kFlushAt = 256 * 1024;
    buffer.reserve(kFlushAt + 4096);
    const auto &rows = d->rows();
    const auto write = [&]() {
        if (!core::writeAll(*device, buffer)) {
            if (error)
                *error = Tr::tr("Could not write the log: %1").arg(device->errorString());
            return false;
        }
        buffer.clear();
        return true;
    };
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Impl::Ref r = rows.at(i);
        if (d->isMarker(r))
            continue; // markers are the viewer's notes, not log lines
        const LogStore &store = *d->stores[std::size_t(LogMergeIndex::sourceOf(r))];
        const std::int64_t line = LogMergeIndex::lineOf(r);
        if (timestamps && !(store.flags(line) & kInheritedTime) &&
            store.timestamp(line) != LogStore::kNoTimestamp) {
            buffer += core::kube::formatLogTimestamp(store.timestamp(line));
            buffer += ' ';
        }
        const std::string_view t = store.text(line);
        buffer.append(t.data(), qsizetype(t.size()));
        buffer += '\n';
        if (buffer.size() >= kFlushAt && !write())
            return false;
    }
    return write();
}

} // namespace models
