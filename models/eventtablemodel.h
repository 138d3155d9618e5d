#pragma once

#include "core/kube/informer.h"
#include "models/livetablemodel.h"

#include <QDateTime>

namespace models {

class ClusterSession;

// Events that say bursting to CCI failed, and what the operator should do about each.
enum class BurstFailure {
    None,
    CciRefused,     // ProviderCreateFailed: CCI did not admit a pod (and the node locked)
    NodeLocked,     // VirtualKubeletLocked: the virtual node took the 30-minute lock
    WaitingForLock, // FailedScheduling because the virtual node is locked
};

// By the event's reason (and, for FailedScheduling, its message). ProviderCreateFailed is
// virtual-kubelet's reason; VirtualKubeletLocked and the lock's FailedScheduling messages (the
// lock taint untolerated, or the planner's "locked after a failed CCI admission") are the
// sandbox's (see core/burst/cciconventions.h, "The virtual node's lock": assumed).
BurstFailure burstFailureOf(const QString &reason, const QString &message);
// The short mark of the Burst column ("" for None).
QString burstFailureLabel(BurstFailure failure);
// The diagnostic: what went wrong and what to do (fix the workload, then Unlock...).
QString burstFailureHint(BurstFailure failure);

// The fields the Events pane shows, read from an Event (core/v1, as kubectl get events lists
// them) once when it arrives.
struct EventRow
{
    QString uid;
    QString nameSpace;
    QDateTime lastSeen; // lastTimestamp, else eventTime / series, else firstTimestamp, else created
    QString type;       // Normal, Warning
    QString reason;
    QString objectKind;
    QString objectName;
    QString message;
    int count = 1;
    QString source; // component[, host]
    BurstFailure burst = BurstFailure::None;
};

EventRow eventRowFrom(const QJsonObject &event);

// The events the session's "events" informer holds, live (LiveTableModel, keyed by uid): the
// server expires events (an hour by default), the informer drops them, so does the model.
// Qt::UserRole gives sort keys: Last seen sorts newest first ascending (as the pods' Age).
class EventTableModel : public LiveTableModel<EventRow>
{
    Q_OBJECT

public:
    enum Column { LastSeen, Type, Reason, Object, Namespace, Message, Count, Source, Burst,
                  ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit EventTableModel(QObject *parent = nullptr);

    // Registers this model's sink for "events" (optional: a server without them leaves the
    // table empty) with `session`, before its start().
    void follow(ClusterSession *session);
    void applyChanges(const core::kube::ChangeSet &changes);

    // Last seen moves with the clock: the view calls this now and then.
    void refreshAges();
    void setNow(const QDateTime &now) { m_now = now; }

protected:
    QString key(const EventRow &row) const override { return row.uid; }
    // An event's row stands for the object it is about.
    ObjectRef ref(const EventRow &row) const override
    {
        const QString resource = resourceOfKind(row.objectKind);
        return {resource, resource == u"nodes" || resource == u"namespaces" ? QString()
                                                                              : row.nameSpace,
                row.objectName, QString()};
    }
    QVariant cell(const EventRow &row, int column, int role) const override;

private:
    QVariant display(const EventRow &row, int column) const;
    QDateTime now() const;

    QDateTime m_now;
};

} // namespace models
