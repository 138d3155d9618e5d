#include "models/eventtablemodel.h"

#include "core/burst/burstfailure.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"
#include "models/ccijoin.h"
#include "models/clustersession.h"
#include "models/objectbatch.h"
#include "models/tr.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QPointer>
#include <QTimer>

namespace models {

namespace {

QDateTime timestamp(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QDateTime lastSeenOf(const QJsonObject &event)
{
    for (const QDateTime &t :
         {timestamp(event.value(u"lastTimestamp")),
          timestamp(event.value(u"series").toObject().value(u"lastObservedTime")),
          timestamp(event.value(u"eventTime")), timestamp(event.value(u"firstTimestamp")),
          timestamp(core::kube::metadataOf(event).value(u"creationTimestamp"))}) {
        if (t.isValid())
            return t;
    }
    return {};
}

QString sourceOf(const QJsonObject &event)
{
    const QJsonObject source = event.value(u"source").toObject();
    QString component = source.value(u"component").toString();
    QString host = source.value(u"host").toString();
    if (component.isEmpty()) {
        component = event.value(u"reportingComponent").toString();
        host = event.value(u"reportingInstance").toString();
    }
    return host.isEmpty() ? component : Tr::tr("%1, %2").arg(component, host);
}

} // namespace

BurstFailure burstFailureOf(const QString &reason, const QString &message)
{
    // The Burst column marks what only bursting causes; quota and image pull failures of burst
    // pods are told apart by the triage (BurstTriageModel), which knows which pods burst.
    switch (core::burst::classifyFailureEvent(reason, message)) {
    case core::burst::FailureCause::Refused:
        return BurstFailure::CciRefused;
    case core::burst::FailureCause::NodeLocked:
        return BurstFailure::NodeLocked;
    case core::burst::FailureCause::WaitingForLock:
        return BurstFailure::WaitingForLock;
    case core::burst::FailureCause::Quota:
        // A refusal by CCI for its quota is still CCI refusing the pod.
        return reason == u"ProviderCreateFailed" ? BurstFailure::CciRefused : BurstFailure::None;
    case core::burst::FailureCause::None:
    case core::burst::FailureCause::ImagePull:
        break;
    }
    return BurstFailure::None;
}

QString burstFailureLabel(BurstFailure failure)
{
    switch (failure) {
    case BurstFailure::None:
        break;
    case BurstFailure::CciRefused:
        return Tr::tr("CCI refused the pod");
    case BurstFailure::NodeLocked:
        return Tr::tr("virtual node locked");
    case BurstFailure::WaitingForLock:
        return Tr::tr("waiting for the lock");
    }
    return {};
}

QString burstFailureHint(BurstFailure failure)
{
    switch (failure) {
    case BurstFailure::None:
        break;
    case BurstFailure::CciRefused:
        return Tr::tr("CCI did not admit this pod (the message says why) and the virtual node is "
                      "locked for 30 minutes. Fix the workload's resources to a size CCI "
                      "accepts (the workbench preview checks them), then unlock the virtual "
                      "node in the Nodes pane.");
    case BurstFailure::NodeLocked:
        return Tr::tr("No pods are sent to CCI until the lock ends. Fix the workload CCI refused "
                      "(its event says \"CCI refused the pod\"), then unlock the node in the "
                      "Nodes pane, or wait for the lock to end.");
    case BurstFailure::WaitingForLock:
        return Tr::tr("This pod waits because the virtual node is locked. It is scheduled when "
                      "the lock ends or the node is unlocked in the Nodes pane; fix the refused "
                      "workload first, or it locks the node again.");
    }
    return {};
}

EventRow eventRowFrom(const QJsonObject &event)
{
    EventRow row;
    row.uid = core::kube::uidOf(event);
    row.nameSpace = core::kube::namespaceOf(event);
    row.lastSeen = lastSeenOf(event);
    row.type = event.value(u"type").toString();
    row.reason = event.value(u"reason").toString();
    const QJsonObject involved = event.value(u"involvedObject").toObject();
    row.objectKind = involved.value(u"kind").toString();
    row.objectName = involved.value(u"name").toString();
    row.objectUid = involved.value(u"uid").toString();
    row.message = event.value(u"message").toString();
    const int seriesCount = event.value(u"series").toObject().value(u"count").toInt();
    row.count = qMax(1, event.value(u"count").toInt(seriesCount));
    row.source = sourceOf(event);
    row.cause = core::burst::classifyFailureEvent(row.reason, row.message);
    row.burst = burstFailureOf(row.reason, row.message);
    return row;
}

EventTableModel::EventTableModel(QObject *parent)
    : LiveTableModel({QT_TRANSLATE_NOOP("models", "Last seen"), QT_TRANSLATE_NOOP("models", "Type"),
                      QT_TRANSLATE_NOOP("models", "Reason"), QT_TRANSLATE_NOOP("models", "Object"),
                      QT_TRANSLATE_NOOP("models", "Namespace"),
                      QT_TRANSLATE_NOOP("models", "Message"), QT_TRANSLATE_NOOP("models", "Count"),
                      QT_TRANSLATE_NOOP("models", "Source"), QT_TRANSLATE_NOOP("models", "Burst"),
                      QT_TRANSLATE_NOOP("models", "Cluster")},
                     parent)
{
}

void EventTableModel::follow(ClusterSession *session)
{
    m_context = session->contextName();
    QPointer<EventTableModel> self(this);
    session->watch(QStringLiteral("events"),
                   [self](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &) {
                       if (self)
                           self->applyChanges(changes);
                   });
}

void EventTableModel::applyChanges(const core::kube::ChangeSet &changes)
{
    applyRows(objectBatch<EventRow>(changes, core::kube::uidOf, eventRowFrom));
}

void EventTableModel::applyRows(RowBatch<EventRow> batch)
{
    QStringList touched;
    for (const QString &key : batch.removed) {
        if (const int at = rowOf(key); at >= 0) {
            m_byObject.remove(rowAt(at).objectUid, key);
            touched.append(rowAt(at).objectUid);
        }
    }
    for (const EventRow &row : batch.upserted) {
        if (const int at = rowOf(row.uid); at >= 0) {
            const EventRow &before = rowAt(at);
            if (same(before, row) && before.objectUid == row.objectUid)
                continue; // nothing to tell
            m_byObject.remove(before.objectUid, row.uid);
            touched.append(before.objectUid);
        }
        if (!row.objectUid.isEmpty() && !m_byObject.contains(row.objectUid, row.uid))
            m_byObject.insert(row.objectUid, row.uid);
        touched.append(row.objectUid);
    }
    apply(std::move(batch));
    touched.removeAll(QString());
    touched.removeDuplicates();
    if (!touched.isEmpty())
        emit objectsChanged(touched);
}

const EventRow *EventTableModel::newestAbout(const QString &uid) const
{
    const EventRow *newest = nullptr;
    for (auto it = m_byObject.constFind(uid); it != m_byObject.cend() && it.key() == uid; ++it) {
        const int at = rowOf(it.value());
        if (at < 0)
            continue;
        const EventRow &row = rowAt(at);
        if (!newest || row.lastSeen > newest->lastSeen)
            newest = &row;
    }
    return newest;
}

void EventTableModel::mergeCci(const CciJoin *join, const PodTableModel *cluster)
{
    for (const QMetaObject::Connection &c : std::exchange(m_mergeConnections, {}))
        disconnect(c);
    m_join = join;
    m_cluster = cluster;
    if (!m_mergeTimer) {
        m_mergeTimer = new QTimer(this);
        m_mergeTimer->setSingleShot(true);
        m_mergeTimer->setInterval(200); // a burst of batches on either side is merged once
        connect(m_mergeTimer, &QTimer::timeout, this, &EventTableModel::updateMerged);
    }
    const auto later = [this] {
        if (!m_mergeTimer->isActive()) // a steady stream must not postpone it for ever
            m_mergeTimer->start();
    };
    if (join && cluster) {
        m_mergeConnections = {connect(join, &CciJoin::changed, this, later),
                              connect(join, &CciJoin::sourcesChanged, this, later),
                              connect(join, &CciJoin::sourceEventsChanged, this, later),
                              connect(cluster, &QAbstractItemModel::rowsInserted, this, later)};
    }
    updateMerged();
}

QHash<QString, int> EventTableModel::burstPodsByName() const
{
    QHash<QString, int> byName; // a name two burst pods share joins neither (-1)
    for (int i = 0; i < m_cluster->rowCount(); ++i) {
        const PodRow &row = m_cluster->rowAt(i);
        if (m_cluster->onVirtualNode(row))
            byName.insert(row.name, byName.contains(row.name) ? -1 : i);
    }
    return byName;
}

ObjectRef EventTableModel::ccePodOfEvent(const QString &joinedKey, const PodTableModel *cciPods,
                                         const EventRow &event,
                                         std::optional<QHash<QString, int>> &byName)
{
    const int at = event.objectUid.isEmpty() ? -1 : cciPods->rowOf(event.objectUid);
    if (at >= 0) {
        const PodRow &cci = cciPods->rowAt(at);
        int cceAt = -1;
        if (!cci.cceUid.isEmpty()) {
            cceAt = m_cluster->rowOf(cci.cceUid);
        } else if (core::burst::isBurstNamespace(cci.nameSpace)) {
            if (!byName) // the name join: built once per update, when first needed
                byName = burstPodsByName();
            cceAt = byName->value(cci.name, -1);
        }
        if (cceAt >= 0) {
            const PodRow &cce = m_cluster->rowAt(cceAt);
            const ObjectRef ref{QStringLiteral("pods"), cce.nameSpace, cce.name, cce.uid};
            m_joined.insert(joinedKey, ref);
            return ref;
        }
    }
    return m_joined.value(joinedKey); // the pod (or its CCE pod) is gone: as it was joined
}

void EventTableModel::updateMerged()
{
    RowBatch<EventRow> batch;
    QSet<QString> keep;
    QSet<QString> joinedKeys;
    if (m_join && m_cluster) {
        std::optional<QHash<QString, int>> byName;
        for (const CciJoin::Source &source : m_join->sources()) {
            if (!source.events || !source.pods)
                continue;
            for (const EventRow &event : source.events->rows()) {
                if (event.objectKind != u"Pod")
                    continue;
                const QString joinedKey = source.context + u'/' + event.objectUid;
                const ObjectRef cce = ccePodOfEvent(joinedKey, source.pods, event, byName);
                if (cce.uid.isEmpty())
                    continue;
                joinedKeys.insert(joinedKey);
                EventRow row = event;
                row.uid = u"cci:" + source.context + u':' + event.uid;
                row.nameSpace = cce.nameSpace;
                row.objectName = cce.name;
                row.objectUid = cce.uid;
                row.cluster = source.context;
                row.via = Tr::tr("pod %1/%2").arg(event.nameSpace, event.objectName);
                keep.insert(row.uid);
                batch.upserted.append(std::move(row));
            }
        }
    }
    for (const QString &key : std::as_const(m_merged)) {
        if (!keep.contains(key))
            batch.removed.append(key);
    }
    m_merged = keep;
    for (auto it = m_joined.begin(); it != m_joined.end();) {
        it = joinedKeys.contains(it.key()) ? std::next(it) : m_joined.erase(it);
    }
    applyRows(std::move(batch));
}

void EventTableModel::refreshAges()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, LastSeen), index(rowCount() - 1, LastSeen), {Qt::DisplayRole});
}

QDateTime EventTableModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QVariant EventTableModel::display(const EventRow &row, int column) const
{
    switch (column) {
    case LastSeen:
        return row.lastSeen.isValid() ? core::kube::humanAge(row.lastSeen.secsTo(now()))
                                      : QStringLiteral("<unknown>");
    case Type:
        return row.type;
    case Reason:
        return row.reason;
    case Object:
        return row.objectKind.isEmpty() ? row.objectName
                                        : row.objectKind.toLower() + u'/' + row.objectName;
    case Namespace:
        return row.nameSpace;
    case Message:
        return row.message;
    case Count:
        return QLocale().toString(row.count);
    case Source:
        return row.source;
    case Burst:
        return burstFailureLabel(row.burst);
    case Cluster:
        return row.cluster.isEmpty() ? m_context : row.cluster;
    default:
        return {};
    }
}

QVariant EventTableModel::cell(const EventRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole)
        return display(row, column);
    if (role == SortRole) {
        switch (column) {
        case LastSeen:
            return row.lastSeen.isValid() ? -row.lastSeen.toMSecsSinceEpoch() : qint64(0);
        case Count:
            return row.count;
        default:
            return display(row, column);
        }
    }
    if (role == Qt::ForegroundRole &&
        ((column == Type && row.type == u"Warning") ||
         (column == Burst && row.burst != BurstFailure::None)))
        return QBrush(QColor(0xd0, 0x3a, 0x2f)); // readable on light and dark themes
    if (role == Qt::ToolTipRole) {
        if (row.burst != BurstFailure::None)
            return burstFailureHint(row.burst);
        if (column == LastSeen && row.lastSeen.isValid())
            return QLocale().toString(row.lastSeen.toLocalTime(), QLocale::LongFormat);
        if (column == Message)
            return row.message;
        if ((column == Object || column == Cluster) && !row.via.isEmpty())
            return Tr::tr("On the CCI endpoint %1: %2").arg(row.cluster, row.via);
    }
    return {};
}

} // namespace models
