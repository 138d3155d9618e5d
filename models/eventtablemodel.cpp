#include "models/eventtablemodel.h"

#include "core/burst/cciconventions.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"
#include "models/clustersession.h"
#include "models/objectbatch.h"
#include "models/tr.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QPointer>

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
    if (reason == u"ProviderCreateFailed")
        return BurstFailure::CciRefused;
    if (reason == u"VirtualKubeletLocked")
        return BurstFailure::NodeLocked;
    // The scheduler names the lock taint when it is on the node, the lock when it plans with it.
    if (reason == u"FailedScheduling" &&
        (message.contains(u"taint {" + core::burst::kLockTaintKey + u':') ||
         message.contains(u"locked after a failed CCI admission")))
        return BurstFailure::WaitingForLock;
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
    row.message = event.value(u"message").toString();
    const int seriesCount = event.value(u"series").toObject().value(u"count").toInt();
    row.count = qMax(1, event.value(u"count").toInt(seriesCount));
    row.source = sourceOf(event);
    row.burst = burstFailureOf(row.reason, row.message);
    return row;
}

EventTableModel::EventTableModel(QObject *parent)
    : LiveTableModel({QT_TRANSLATE_NOOP("models", "Last seen"), QT_TRANSLATE_NOOP("models", "Type"),
                      QT_TRANSLATE_NOOP("models", "Reason"), QT_TRANSLATE_NOOP("models", "Object"),
                      QT_TRANSLATE_NOOP("models", "Namespace"),
                      QT_TRANSLATE_NOOP("models", "Message"), QT_TRANSLATE_NOOP("models", "Count"),
                      QT_TRANSLATE_NOOP("models", "Source"), QT_TRANSLATE_NOOP("models", "Burst")},
                     parent)
{
}

void EventTableModel::follow(ClusterSession *session)
{
    QPointer<EventTableModel> self(this);
    session->watch(QStringLiteral("events"),
                   [self](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &) {
                       if (self)
                           self->applyChanges(changes);
                   });
}

void EventTableModel::applyChanges(const core::kube::ChangeSet &changes)
{
    apply(objectBatch<EventRow>(changes, core::kube::uidOf, eventRowFrom));
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
    }
    return {};
}

} // namespace models
