#pragma once

#include "core/burst/burstfailure.h"
#include "core/kube/informer.h"
#include "models/livetablemodel.h"

#include <QDateTime>
#include <QMultiHash>
#include <QPointer>
#include <QSet>

#include <optional>

class QTimer;

namespace models {

class CciJoin;
class ClusterSession;
class PodTableModel;

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
    QString objectUid; // involvedObject.uid
    QString cluster;   // a merged row: the context it came from ("" = this model's own)
    QString via;       // a merged row: the object it is about there ("pod cce-burst-x/web")
    QString message;
    int count = 1;
    QString source; // component[, host]
    BurstFailure burst = BurstFailure::None;
    // Why bursting failed, for the triage (core::burst::classifyFailureEvent), read once.
    core::burst::FailureCause cause = core::burst::FailureCause::None;
};

EventRow eventRowFrom(const QJsonObject &event);

// The events the session's "events" informer holds, live (LiveTableModel, keyed by uid): the
// server expires events (an hour by default), the informer drops them, so does the model.
// Qt::UserRole gives sort keys: Last seen sorts newest first ascending (as the pods' Age).
//
// Merged with the CCI side (mergeCci): the events a connected CCI endpoint writes about the CCI
// pods of this cluster's burst pods join the table as rows about the burst pod itself (its
// namespace and name, so namespace scoping and the details pane work), with the endpoint's
// context in Cluster and the CCI pod in the Object cell's tooltip. A CCI pod's events stay
// joined after the pod is gone (the join is remembered while its events last).
class EventTableModel : public LiveTableModel<EventRow>
{
    Q_OBJECT

public:
    enum Column { LastSeen, Type, Reason, Object, Namespace, Message, Count, Source, Burst,
                  Cluster, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit EventTableModel(QObject *parent = nullptr);

    // Registers this model's sink for "events" (optional: a server without them leaves the
    // table empty) with `session`, before its start().
    void follow(ClusterSession *session);
    void applyChanges(const core::kube::ChangeSet &changes);
    // The context of this model's own events (the Cluster cell); follow() sets it.
    void setContext(const QString &context) { m_context = context; }

    // Merges the CCI side's events of `cluster`'s burst pods (nullptr: stop merging).
    void mergeCci(const CciJoin *join, const PodTableModel *cluster);
    // Recomputes the merged rows now (they follow changes after a short delay).
    void updateMerged();

    // The newest event about the object with `uid` (merged ones included), or nullptr.
    const EventRow *newestAbout(const QString &uid) const;

    // Last seen moves with the clock: the view calls this now and then.
    void refreshAges();
    void setNow(const QDateTime &now) { m_now = now; }

signals:
    // Events about these objects (by uid) came, changed or went.
    void objectsChanged(const QStringList &uids);

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
    // apply() that keeps the events-by-object index and tells objectsChanged.
    void applyRows(RowBatch<EventRow> batch);
    // The CCE pod a CCI pod event is about, {} when it joins none of `m_cluster`'s pods;
    // `joinedKey` (context/CCI pod uid) remembers the join while its events last. `byName`
    // (the burst pods by name, for CCI pods without a back-reference) is built when needed.
    ObjectRef ccePodOfEvent(const QString &joinedKey, const PodTableModel *cciPods,
                            const EventRow &event, std::optional<QHash<QString, int>> &byName);
    QHash<QString, int> burstPodsByName() const;

    QDateTime m_now;
    QString m_context;
    QMultiHash<QString, QString> m_byObject; // object uid -> event uids
    QPointer<const CciJoin> m_join;
    QPointer<const PodTableModel> m_cluster;
    QList<QMetaObject::Connection> m_mergeConnections;
    QSet<QString> m_merged;            // keys of the merged rows
    QHash<QString, ObjectRef> m_joined; // CCI pod uid -> its CCE pod, while its events last
    QTimer *m_mergeTimer = nullptr;
};

} // namespace models
