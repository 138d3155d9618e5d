#include "models/ccijoin.h"

#include "core/burst/cciconventions.h"
#include "models/eventtablemodel.h"

namespace models {

namespace {

// Adds a join key's CCE side to the uids or the names a change concerns.
void collect(const QString &key, QStringList &uids, QStringList &names)
{
    if (key.startsWith(u"u:"))
        uids.append(key.mid(2));
    else if (key.startsWith(u"n:"))
        names.append(key.mid(2));
}

} // namespace

CciJoin::CciJoin(QObject *parent) : QObject(parent) {}

QString CciJoin::joinKey(const PodRow &cciPod)
{
    if (!cciPod.cceUid.isEmpty())
        return u"u:" + cciPod.cceUid;
    if (core::burst::isBurstNamespace(cciPod.nameSpace))
        return u"n:" + cciPod.name;
    return {};
}

void CciJoin::addSource(const QString &context, const PodTableModel *pods,
                        const EventTableModel *events)
{
    if (!pods)
        return;
    if (const auto it = m_sources.find(pods); it != m_sources.end()) {
        if (it->source.context == context && it->source.events == events)
            return;
        forgetSource(pods); // a changed source is joined again from scratch
    }
    Followed &followed = m_sources[pods];
    followed.source = {context, pods, events};
    auto &c = followed.connections;
    c.append(connect(pods, &QAbstractItemModel::rowsInserted, this,
                     [this, pods](const QModelIndex &, int first, int last) {
                         reindex(pods, first, last, false);
                     }));
    c.append(connect(pods, &QAbstractItemModel::dataChanged, this,
                     [this, pods](const QModelIndex &from, const QModelIndex &to) {
                         reindex(pods, from.row(), to.row(), false);
                     }));
    c.append(connect(pods, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                     [this, pods](const QModelIndex &, int first, int last) {
                         reindex(pods, first, last, true);
                     }));
    c.append(connect(pods, &QObject::destroyed, this, [this, pods] { removeSource(pods); }));
    if (events) {
        for (const auto signal : {&QAbstractItemModel::rowsInserted,
                                  &QAbstractItemModel::rowsRemoved}) {
            c.append(connect(events, signal, this, &CciJoin::sourceEventsChanged));
        }
        c.append(connect(events, &QAbstractItemModel::dataChanged, this,
                         &CciJoin::sourceEventsChanged));
    }
    if (pods->rowCount() > 0)
        reindex(pods, 0, pods->rowCount() - 1, false);
    emit sourcesChanged();
    if (events)
        emit sourceEventsChanged();
}

void CciJoin::removeSource(const PodTableModel *pods)
{
    if (!m_sources.contains(pods))
        return;
    forgetSource(pods);
    emit sourcesChanged();
    emit sourceEventsChanged();
}

void CciJoin::forgetSource(const PodTableModel *pods)
{
    Followed followed = m_sources.take(pods);
    for (const QMetaObject::Connection &c : followed.connections)
        disconnect(c);
    QStringList uids;
    QStringList names;
    for (auto it = followed.keyOf.cbegin(); it != followed.keyOf.cend(); ++it) {
        unindex(followed, it.key(), it.value());
        collect(it.value(), uids, names);
    }
    if (!uids.isEmpty() || !names.isEmpty())
        emit changed(uids, names);
}

QList<CciJoin::Source> CciJoin::sources() const
{
    QList<Source> out;
    for (const Followed &f : m_sources)
        out.append(f.source);
    return out;
}

void CciJoin::unindex(Followed &followed, const QString &cciUid, const QString &key)
{
    const Entry entry{followed.source.pods.data(), cciUid};
    if (key.startsWith(u"u:")) {
        const auto it = m_byCceUid.constFind(key.mid(2));
        if (it != m_byCceUid.constEnd() && *it == entry)
            m_byCceUid.erase(it);
    } else if (key.startsWith(u"n:")) {
        m_byName.remove(key.mid(2), entry);
    }
}

void CciJoin::reindex(const PodTableModel *pods, int first, int last, bool remove)
{
    const auto found = m_sources.find(pods);
    if (found == m_sources.end() || first < 0)
        return;
    Followed &followed = *found;
    QStringList uids;
    QStringList names;
    for (int i = first; i <= last && i < pods->rowCount(); ++i) {
        const PodRow &row = pods->rowAt(i);
        const QString before = followed.keyOf.value(row.uid);
        const QString after = remove ? QString() : joinKey(row);
        if (before != after) {
            unindex(followed, row.uid, before);
            if (after.isEmpty()) {
                followed.keyOf.remove(row.uid);
            } else {
                followed.keyOf.insert(row.uid, after);
                const Entry entry{pods, row.uid};
                if (after.startsWith(u"u:"))
                    m_byCceUid.insert(after.mid(2), entry);
                else
                    m_byName.insert(after.mid(2), entry);
            }
            collect(before, uids, names);
        }
        collect(after, uids, names); // a joined pod that changed shows its new state
    }
    if (!uids.isEmpty() || !names.isEmpty())
        emit changed(uids, names);
}

CciJoin::Match CciJoin::matchOf(const Entry &entry) const
{
    const auto source = m_sources.constFind(entry.pods);
    if (source == m_sources.constEnd() || !source->source.pods)
        return {};
    const int at = entry.pods->rowOf(entry.cciUid);
    if (at < 0)
        return {};
    return {source->source.context, &entry.pods->rowAt(at)};
}

CciJoin::Match CciJoin::cciPodOf(const PodRow &ccePod) const
{
    Match match;
    if (const auto it = m_byCceUid.constFind(ccePod.uid); it != m_byCceUid.constEnd())
        match = matchOf(*it);
    else if (m_byName.count(ccePod.name) == 1)
        match = matchOf(m_byName.value(ccePod.name));
    if (match && match.row->uid == ccePod.uid)
        return {}; // a CCI pod asked about itself
    return match;
}

} // namespace models
