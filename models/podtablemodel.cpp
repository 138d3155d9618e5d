#include "models/podtablemodel.h"

#include "core/burst/cciconventions.h"
#include "core/kube/objectmeta.h"
#include "models/ccijoin.h"
#include "models/eventtablemodel.h"
#include "models/livepods.h"
#include "models/objectbatch.h"
#include "models/tr.h"

#include <QBrush>
#include <QJsonArray>

namespace models {

namespace {

bool healthy(const QString &status)
{
    return status == u"Running" || status == u"Completed" || status == u"Succeeded";
}

// kubectl's READY: "1/2".
QString readyText(const core::kube::PodSummary &summary)
{
    return QStringLiteral("%1/%2").arg(summary.readyContainers).arg(summary.containers);
}

} // namespace

PodRow podRowFrom(const QJsonObject &pod, StringPool *pool)
{
    const auto shared = [pool](const QString &text) {
        return pool ? pool->intern(text) : text;
    };
    namespace kube = core::kube;
    namespace cci = core::burst;
    PodRow row;
    row.uid = kube::uidOf(pod);
    row.nameSpace = shared(kube::namespaceOf(pod));
    row.name = kube::nameOf(pod);
    row.node = shared(kube::nodeNameOf(pod));
    row.podIp = pod.value(u"status").toObject().value(u"podIP").toString();
    const QJsonObject owner = kube::controllerRef(pod);
    row.ownerKind = shared(owner.value(u"kind").toString());
    row.ownerName = shared(owner.value(u"name").toString());
    row.burstLabel = shared(kube::labelOf(pod, cci::kBurstLabel));
    row.profile = shared(kube::annotationOf(pod, cci::kManagedByProfileAnnotation));
    row.cciCpu = shared(kube::annotationOf(pod, cci::kBurstPodCpuAnnotation));
    row.cciMemory = shared(kube::annotationOf(pod, cci::kBurstPodMemoryAnnotation));
    row.cceUid = kube::annotationOf(pod, cci::kSourceUidAnnotation);
    row.created = QDateTime::fromString(kube::metadataString(pod, u"creationTimestamp"),
                                        Qt::ISODate);
    row.summary = core::kube::summarizePod(pod);
    row.summary.status = shared(row.summary.status);
    return row;
}

RowBatch<PodRow> podBatch(const core::kube::ChangeSet &changes, StringPool *pool,
                          const core::kube::ObjectCache *cache)
{
    return objectBatch<PodRow>(changes, core::kube::uidOf, [pool, cache](const QJsonObject &pod) {
        PodRow row = podRowFrom(pod, pool);
        if (cache)
            row.uid = cache->sharedUid(row.uid);
        return row;
    });
}

PodTableModel::PodTableModel(QObject *parent)
    : LiveTableModel({QT_TRANSLATE_NOOP("models", "Namespace"), QT_TRANSLATE_NOOP("models", "Name"),
                      QT_TRANSLATE_NOOP("models", "Ready"), QT_TRANSLATE_NOOP("models", "Status"),
                      QT_TRANSLATE_NOOP("models", "Restarts"), QT_TRANSLATE_NOOP("models", "Age"),
                      QT_TRANSLATE_NOOP("models", "Node"), QT_TRANSLATE_NOOP("models", "Location"),
                      QT_TRANSLATE_NOOP("models", "Pod burst label"),
                      QT_TRANSLATE_NOOP("models", "Profile"),
                      QT_TRANSLATE_NOOP("models", "CCI CPU"),
                      QT_TRANSLATE_NOOP("models", "CCI memory"),
                      QT_TRANSLATE_NOOP("models", "CCI pod"),
                      QT_TRANSLATE_NOOP("models", "CCI status"),
                      QT_TRANSLATE_NOOP("models", "CCI ready"),
                      QT_TRANSLATE_NOOP("models", "CCI restarts"),
                      QT_TRANSLATE_NOOP("models", "CCI age"),
                      QT_TRANSLATE_NOOP("models", "Last event")},
                     parent)
{
}

bool PodTableModel::onVirtualNode(const PodRow &row) const
{
    if (m_cciEndpoint || m_virtualNodes.contains(row.node))
        return true;
    // vendor docs: the add-on writes burst-pod-cpu on the pods it sends to CCI.
    return !m_nodesKnown && !row.node.isEmpty() && !row.cciCpu.isEmpty();
}

void PodTableModel::setVirtualNodesKnown(bool known)
{
    if (known == m_nodesKnown)
        return;
    m_nodesKnown = known;
    refreshColumns(Location, Location);
}

const CciJoin *PodTableModel::cciJoin() const
{
    return m_join;
}

void PodTableModel::setCciEndpoint(bool cci)
{
    if (cci == m_cciEndpoint)
        return;
    m_cciEndpoint = cci;
    refreshColumns(Location, Location);
}

void PodTableModel::setCciJoin(const CciJoin *join)
{
    if (join == m_join)
        return;
    for (const QMetaObject::Connection &c : std::exchange(m_joinConnections, {}))
        disconnect(c);
    m_join = join;
    if (join) {
        m_joinConnections.append(connect(
            join, &CciJoin::changed, this,
            [this](const QStringList &uids, const QStringList &names) {
                refreshRows(uids, names, CciPod, CciAge);
            }));
    }
    refreshColumns(CciPod, CciAge);
}

void PodTableModel::setEvents(const EventTableModel *events)
{
    if (events == m_events)
        return;
    disconnect(m_eventsConnection);
    m_events = events;
    if (events) {
        m_eventsConnection =
            connect(events, &EventTableModel::objectsChanged, this,
                    [this](const QStringList &uids) { refreshRows(uids, {}, LastEvent, LastEvent); });
    }
    refreshColumns(LastEvent, LastEvent);
}

void PodTableModel::refreshColumns(int first, int last, const QList<int> &roles)
{
    if (rowCount() > 0)
        emit dataChanged(index(0, first), index(rowCount() - 1, last), roles);
}

CciPodMatch PodTableModel::cciSide(const PodRow &row) const
{
    return m_join && onVirtualNode(row) ? m_join->cciPodOf(row) : CciJoin::Match();
}

void PodTableModel::refreshRows(const QStringList &uids, const QStringList &names, int first,
                                int last)
{
    QList<int> rows;
    for (const QString &uid : uids) {
        if (const int at = rowOf(uid); at >= 0)
            rows.append(at);
    }
    if (!names.isEmpty()) { // a name join: no index by name, one pass over the rows
        const QSet<QString> wanted(names.cbegin(), names.cend());
        for (int i = 0; i < rowCount(); ++i) {
            if (wanted.contains(rowAt(i).name))
                rows.append(i);
        }
    }
    for (const RowRun &run : rowRuns(rows))
        emit dataChanged(index(run.first, first), index(run.last, last));
}

void PodTableModel::setVirtualNodes(const QSet<QString> &nodes)
{
    if (nodes == m_virtualNodes)
        return;
    const QSet<QString> before = std::exchange(m_virtualNodes, nodes);
    QList<int> moved;
    for (int i = 0; i < rowCount(); ++i) {
        const QString &node = rowAt(i).node;
        if (before.contains(node) != m_virtualNodes.contains(node))
            moved.append(i);
    }
    for (const RowRun &run : rowRuns(moved))
        emit dataChanged(index(run.first, Location), index(run.last, Location));
}

void PodTableModel::refreshAges()
{
    refreshColumns(Restarts, Age, {Qt::DisplayRole});
}

QDateTime PodTableModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QVariant PodTableModel::display(const PodRow &row, int column) const
{
    switch (column) {
    case Namespace:
        return row.nameSpace;
    case Name:
        return row.name;
    case Ready:
        return readyText(row.summary);
    case Status:
        return row.summary.status;
    case Restarts:
        if (row.summary.lastRestart.isValid())
            return Tr::tr("%1 (%2 ago)")
                .arg(row.summary.restarts)
                .arg(core::kube::humanAge(row.summary.lastRestart.secsTo(now())));
        return QString::number(row.summary.restarts);
    case Age:
        return ageText(row.created, now());
    case Node:
        return row.node;
    case Location:
        if (row.node.isEmpty() && !m_cciEndpoint)
            return Tr::tr("unscheduled");
        return onVirtualNode(row) ? Tr::tr("CCI") : Tr::tr("local");
    case Strategy:
        return row.burstLabel;
    case Profile:
        return row.profile;
    case CciCpu:
        return row.cciCpu;
    case CciMemory:
        return row.cciMemory;
    default:
        return cciDisplay(row, column);
    }
}

QVariant PodTableModel::cciDisplay(const PodRow &row, int column) const
{
    if (column == LastEvent) {
        const EventRow *event = m_events ? m_events->newestAbout(row.uid) : nullptr;
        if (!event)
            return QString();
        return Tr::tr("%1 (%2 ago): %3")
            .arg(event->reason,
                 event->lastSeen.isValid() ? core::kube::humanAge(event->lastSeen.secsTo(now()))
                                           : QStringLiteral("?"),
                 event->message);
    }
    const CciJoin::Match cci = cciSide(row);
    if (!cci)
        return QString();
    const PodRow &pod = *cci.row;
    switch (column) {
    case CciPod:
        return QString(pod.nameSpace + u'/' + pod.name);
    case CciStatus:
        return pod.summary.status;
    case CciReady:
        return readyText(pod.summary);
    case CciRestarts:
        return QString::number(pod.summary.restarts);
    case CciAge:
        return ageText(pod.created, now());
    default:
        return {};
    }
}

QVariant PodTableModel::cell(const PodRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole)
        return display(row, column);
    if (role == SortRole) {
        switch (column) {
        case Ready:
            return row.summary.readyContainers;
        case Restarts:
            return row.summary.restarts;
        case Age:
            return ageSortKey(row.created);
        case CciRestarts:
        case CciAge:
            if (const CciJoin::Match cci = cciSide(row))
                return column == CciRestarts ? qint64(cci.row->summary.restarts)
                                             : ageSortKey(cci.row->created);
            return qint64(-1);
        default:
            return display(row, column);
        }
    }
    if (role == Qt::ForegroundRole && column == CciStatus) {
        const QString status = display(row, column).toString();
        if (!status.isEmpty() && !healthy(status))
            return QBrush(QColor(0xd0, 0x3a, 0x2f));
    }
    if (role == Qt::ForegroundRole && column == Status && !healthy(row.summary.status))
        return QBrush(QColor(0xd0, 0x3a, 0x2f)); // readable on light and dark themes
    if (role == Qt::ToolTipRole && column == Name && !row.ownerKind.isEmpty())
        return Tr::tr("Controlled by %1 %2").arg(row.ownerKind, row.ownerName);
    if (role == Qt::ToolTipRole && column == CciPod) {
        if (const CciJoin::Match cci = cciSide(row))
            return Tr::tr("The pod CCI runs for this burst pod, on the CCI endpoint %1")
                .arg(cci.context);
    }
    if (role == Qt::ToolTipRole && column == LastEvent)
        return display(row, column);
    return {};
}

} // namespace models
