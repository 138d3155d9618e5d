#include "models/nodetablemodel.h"

#include "core/burst/cciconventions.h"
#include "core/burst/podresources.h"
#include "core/kube/apiclient.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"
#include "core/kube/quantity.h"
#include "models/clustersession.h"
#include "models/objectbatch.h"
#include "models/tr.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QSet>

namespace models {

namespace {

qint64 cpuMilli(const QJsonObject &resources)
{
    const auto q = core::kube::Quantity::parse(resources.value(u"cpu").toString());
    return resources.contains(u"cpu") && q ? q->milliValue() : -1;
}

qint64 memoryBytes(const QJsonObject &resources)
{
    const auto q = core::kube::Quantity::parse(resources.value(u"memory").toString());
    return resources.contains(u"memory") && q ? q->value() : -1;
}

QString readiness(const QJsonObject &node)
{
    for (const QJsonValue &c : node.value(u"status").toObject().value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() != u"Ready")
            continue;
        const QString status = condition.value(u"status").toString();
        return status == u"True"    ? QStringLiteral("Ready")
               : status == u"False" ? QStringLiteral("NotReady")
                                    : QStringLiteral("Unknown");
    }
    return QStringLiteral("Unknown");
}

QString cpuText(qint64 milli)
{
    return milli < 0 ? QString() : core::kube::formatCpuMilli(milli);
}

QString memoryText(qint64 bytes)
{
    return bytes < 0 ? QString() : core::kube::formatMemoryBytes(bytes);
}

// "1250m (31%)": the request and its share of what the node can allocate, as kubectl describe
// node prints it.
QString requestedText(const QString &amount, qint64 requested, qint64 allocatable)
{
    if (allocatable <= 0)
        return amount;
    return Tr::tr("%1 (%2%)").arg(amount).arg(requested * 100 / allocatable);
}

} // namespace

NodeRow nodeRowFrom(const QJsonObject &node)
{
    namespace kube = core::kube;
    NodeRow row;
    row.uid = kube::uidOf(node);
    row.name = kube::nameOf(node);
    row.virtualNode = core::burst::isVirtualNode(node);
    if (row.virtualNode) {
        row.zone = core::burst::virtualNodeZone(node);
        row.fault = core::burst::virtualNodeFault(node);
    }
    row.ready = readiness(node);
    const QJsonObject spec = node.value(u"spec").toObject();
    row.unschedulable = spec.value(u"unschedulable").toBool();
    const QJsonObject status = node.value(u"status").toObject();
    const QJsonObject capacity = status.value(u"capacity").toObject();
    const QJsonObject allocatable = status.value(u"allocatable").toObject();
    row.cpuCapacityMilli = cpuMilli(capacity);
    row.cpuAllocatableMilli = cpuMilli(allocatable);
    row.memoryCapacityBytes = memoryBytes(capacity);
    row.memoryAllocatableBytes = memoryBytes(allocatable);
    for (const QJsonValue &t : spec.value(u"taints").toArray()) {
        const QJsonObject taint = t.toObject();
        QString text = taint.value(u"key").toString();
        if (const QString value = taint.value(u"value").toString(); !value.isEmpty())
            text += u'=' + value;
        text += u':' + taint.value(u"effect").toString();
        row.taints.append(text);
    }
    row.lockedUntil = core::burst::lockedUntil(node);
    row.lockTaint = core::burst::hasLockTaint(node);
    row.created =
        QDateTime::fromString(kube::metadataString(node, u"creationTimestamp"), Qt::ISODate);
    return row;
}

NodeTableModel::NodeTableModel(QObject *parent)
    : LiveTableModel({QT_TRANSLATE_NOOP("models", "Name"), QT_TRANSLATE_NOOP("models", "Kind"),
                      QT_TRANSLATE_NOOP("models", "Ready"), QT_TRANSLATE_NOOP("models", "Lock"),
                      QT_TRANSLATE_NOOP("models", "CPU capacity"),
                      QT_TRANSLATE_NOOP("models", "CPU allocatable"),
                      QT_TRANSLATE_NOOP("models", "CPU requested"),
                      QT_TRANSLATE_NOOP("models", "Memory capacity"),
                      QT_TRANSLATE_NOOP("models", "Memory allocatable"),
                      QT_TRANSLATE_NOOP("models", "Memory requested"),
                      QT_TRANSLATE_NOOP("models", "Pods"), QT_TRANSLATE_NOOP("models", "Taints"),
                      QT_TRANSLATE_NOOP("models", "Age")},
                     parent)
{
}

void NodeTableModel::follow(ClusterSession *session)
{
    QPointer<NodeTableModel> self(this);
    session->watch(
        QStringLiteral("nodes"),
        [self](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &) {
            if (self)
                self->applyNodes(changes);
        },
        true);
    setPods(PodAggregates::of(session)); // hears each pod batch before the sink below
    session->watch(
        QStringLiteral("pods"),
        [self](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &) {
            if (self)
                self->applyPods(changes);
        },
        true);
}

void NodeTableModel::applyNodes(const core::kube::ChangeSet &changes)
{
    // Keyed by name: a node deleted and created again within a batch stays.
    apply(objectBatch<NodeRow>(changes, core::kube::nameOf, [this](const QJsonObject &node) {
        NodeRow row = nodeRowFrom(node);
        row.usage = m_pods ? m_pods->nodeUsage(row.name) : NodeUsage{};
        return row;
    }));
}

void NodeTableModel::applyPods(const core::kube::ChangeSet &changes)
{
    QSet<QString> affected;
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified, &changes.deleted}) {
        for (const QJsonObject &pod : *list) {
            if (const QString node = core::kube::nodeNameOf(pod); !node.isEmpty())
                affected.insert(node);
        }
    }
    RowBatch<NodeRow> batch;
    for (const QString &node : std::as_const(affected)) {
        const NodeUsage usage = m_pods ? m_pods->nodeUsage(node) : NodeUsage{};
        if (const int at = rowOf(node); at >= 0 && rowAt(at).usage != usage) {
            NodeRow row = rowAt(at);
            row.usage = usage;
            batch.upserted.append(std::move(row));
        }
    }
    apply(std::move(batch));
}

QDateTime NodeTableModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

bool NodeTableModel::isLocked(const NodeRow &row) const
{
    return row.virtualNode && row.lockedUntil.isValid() && now() < row.lockedUntil;
}

void NodeTableModel::refreshClock()
{
    if (rowCount() == 0)
        return;
    for (const int column : {int(Lock), int(Age)})
        emit dataChanged(index(0, column), index(rowCount() - 1, column),
                         {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, SortRole});
}

QString NodeTableModel::lockText(const NodeRow &row) const
{
    if (!row.virtualNode)
        return {};
    if (!row.fault.isEmpty())
        return Tr::tr("unschedulable: %1").arg(row.fault);
    if (isLocked(row)) {
        const qint64 minutes = (now().secsTo(row.lockedUntil) + 59) / 60;
        return Tr::tr("locked until %1 (%2 min left)")
            .arg(row.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
            .arg(minutes);
    }
    return row.lockTaint ? Tr::tr("lock taint left, no lock end") : Tr::tr("unlocked");
}

QVariant NodeTableModel::display(const NodeRow &row, int column) const
{
    switch (column) {
    case Name:
        return row.name;
    case Kind:
        if (row.virtualNode && !row.zone.isEmpty())
            return Tr::tr("virtual-kubelet (CCI, %1)").arg(row.zone);
        return row.virtualNode ? Tr::tr("virtual-kubelet (CCI)") : Tr::tr("local");
    case Ready:
        return row.unschedulable ? row.ready + QStringLiteral(",SchedulingDisabled") : row.ready;
    case CpuCapacity:
        return cpuText(row.cpuCapacityMilli);
    case CpuAllocatable:
        return cpuText(row.cpuAllocatableMilli);
    case CpuRequested:
        return requestedText(core::kube::formatCpuMilli(row.usage.cpuMilli), row.usage.cpuMilli,
                             row.cpuAllocatableMilli);
    case MemoryCapacity:
        return memoryText(row.memoryCapacityBytes);
    case MemoryAllocatable:
        return memoryText(row.memoryAllocatableBytes);
    case MemoryRequested:
        return requestedText(core::kube::formatMemoryBytes(row.usage.memoryBytes),
                             row.usage.memoryBytes, row.memoryAllocatableBytes);
    case Pods:
        return QLocale().toString(row.usage.pods);
    case Taints:
        return row.taints.join(QStringLiteral(", "));
    case Lock:
        return lockText(row);
    case Age:
        return row.created.isValid() ? core::kube::humanAge(row.created.secsTo(now()))
                                     : QStringLiteral("<unknown>");
    default:
        return {};
    }
}

QVariant NodeTableModel::cell(const NodeRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole)
        return display(row, column);
    if (role == SortRole) {
        switch (column) {
        case CpuCapacity:
            return row.cpuCapacityMilli;
        case CpuAllocatable:
            return row.cpuAllocatableMilli;
        case CpuRequested:
            return row.usage.cpuMilli;
        case MemoryCapacity:
            return row.memoryCapacityBytes;
        case MemoryAllocatable:
            return row.memoryAllocatableBytes;
        case MemoryRequested:
            return row.usage.memoryBytes;
        case Pods:
            return row.usage.pods;
        case Lock:
            return isLocked(row) ? row.lockedUntil.toSecsSinceEpoch() : qint64(0);
        case Age:
            return row.created.isValid() ? -row.created.toSecsSinceEpoch() : qint64(0);
        default:
            return display(row, column);
        }
    }
    if (role == Qt::ForegroundRole &&
        ((column == Lock && canUnlock(row)) || (column == Ready && row.ready != u"Ready")))
        return QBrush(QColor(0xd0, 0x3a, 0x2f)); // readable on light and dark themes
    if (role == Qt::ToolTipRole && column == Lock && canUnlock(row))
        return Tr::tr("No pods are sent to CCI while the virtual node is locked (after CCI "
                      "refused a pod). Fix the refused workload, then unlock the node.");
    if (role == Qt::ToolTipRole && column == Taints && !row.taints.isEmpty())
        return row.taints.join(u'\n');
    if (role == Qt::ToolTipRole && column == CpuRequested)
        return Tr::tr("Requests of the %1 non-terminated pods on the node").arg(row.usage.pods);
    return {};
}

QByteArray unlockPatch(const QJsonObject &node)
{
    QJsonArray taints;
    for (const QJsonValue &t : node.value(u"spec").toObject().value(u"taints").toArray()) {
        if (t.toObject().value(u"key").toString() != core::burst::kLockTaintKey)
            taints.append(t);
    }
    const QJsonObject patch{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("resourceVersion"), core::kube::resourceVersionOf(node)},
                     {QStringLiteral("annotations"),
                      QJsonObject{{core::burst::kLockedUntilAnnotation, QJsonValue::Null}}}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("taints"), taints}}}};
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

void unlockVirtualNode(ClusterSession *session, const QString &nodeName, QObject *context,
                       std::function<void(const QString &error)> done)
{
    const core::kube::Informer *nodes = session->informer(QStringLiteral("nodes"));
    QJsonObject node;
    if (nodes) {
        for (const QJsonObject &candidate : nodes->cache().objects()) {
            if (core::kube::nameOf(candidate) == nodeName)
                node = candidate;
        }
    }
    if (node.isEmpty()) {
        done(Tr::tr("The node %1 is not known (yet) on %2.").arg(nodeName, session->contextName()));
        return;
    }
    core::kube::ApiClient *client = session->client();
    const QByteArray patch = unlockPatch(node);
    client->resolve(
        QStringLiteral("nodes"), context,
        [client, nodeName, patch, context,
         done](const core::kube::ApiResult<core::kube::ResourceMapping> &mapping) {
            if (!mapping) {
                done(mapping.error().toError().message);
                return;
            }
            client->patch(mapping.value(), QString(), nodeName, core::kube::PatchType::Merge,
                          patch, context,
                          [done](const core::kube::ApiResult<QJsonObject> &written) {
                              done(written ? QString() : written.error().toError().message);
                          });
        });
}

} // namespace models
