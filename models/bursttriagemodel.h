#pragma once

#include "core/common/diagnostic.h"
#include "models/livetablemodel.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QPointer>

class QTimer;

namespace models {

class ClusterSession;
class EventTableModel;
class NamespaceFlavors;
struct EventRow;

// One cause of failed bursting for one workload: what the triage table shows.
struct TriageRow
{
    QString key;       // cause code | namespace | kind/name
    QString causeCode; // the preview's diagnostic code (a shape or resource rule), or
                       // burst.cause.{refused,quota,imagePull,lock}
    QString cause;     // what went wrong, short (translated)
    QString detail;    // the rule's message, else the newest event's message
    QString hint;      // what to do (translated)
    QString field;     // the rule's field path in the workload ("" when no rule)
    QString nameSpace;
    QString kind; // the workload's kind (Deployment, StatefulSet, Pod; Node for the lock)
    QString name;
    QString uid;
    int pods = 0;   // distinct pods its events are about
    int events = 0; // events summed with their counts
    QDateTime lastSeen;

    bool operator==(const TriageRow &) const = default;
};

// Burst-failure triage over the live console's joined Events (EventTableModel, CCE and CCI side
// merged): the events that say bursting failed, grouped by cause and workload. The cause is the
// diagnostic code of burst::preview for a refusal its shape or resource rules explain (the
// workload's live object previewed with its namespace's ScheduleProfiles and CCI flavour, cached
// per resourceVersion), else quota, image pull, the virtual node's lock, or "refused" with CCI's
// own message (core::burst::classifyFailureEvent). Quota and image-pull events count only for
// burst pods (on a virtual node, joined from the CCI side, or any pod of a CCI endpoint). A pod's
// workload is its controller (a ReplicaSet's Deployment, a Job's CronJob), else the pod.
// Rows follow the events after a short delay as inserts, dataChanged and removals (LiveTableModel,
// never a reset); ObjectRefRole is the workload, so the pane's actions open it.
class BurstTriageModel : public LiveTableModel<TriageRow>
{
    Q_OBJECT

public:
    enum Column { Cause, Workload, Namespace, Pods, Events, LastSeen, Detail, Fix, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int kDelayMs = 300;

    BurstTriageModel(ClusterSession *session, const EventTableModel *events,
                     QObject *parent = nullptr);

    // Recomputes the rows now (they follow the events after kDelayMs, or five times the last
    // recompute's duration when that is longer).
    void update();
    // Last seen moves with the clock: the view calls this now and then.
    void refreshAges();
    void setNow(const QDateTime &now) { m_now = now; }

protected:
    QString key(const TriageRow &row) const override { return row.key; }
    ObjectRef ref(const TriageRow &row) const override;
    QVariant cell(const TriageRow &row, int column, int role) const override;

private:
    struct Owner
    {
        QString kind;
        QString name;
        QString uid; // "" when the workload is not watched
    };
    class ObjectLookup;
    // The workload a pod event is about: the pod's controller chain, else the pod. Cached per
    // pod while events are about it (a pod keeps its owner).
    Owner ownerOfPod(const EventRow &event, ObjectLookup &lookup) const;
    // The first error of the workload's CCI preview; cached per uid and resourceVersion.
    core::Diagnostic refusalRule(const Owner &owner, const QString &nameSpace,
                                 ObjectLookup &lookup);
    bool aboutBurstPod(const EventRow &event) const;
    QString display(const TriageRow &row, int column) const;
    QDateTime now() const;

    QPointer<ClusterSession> m_session;
    QPointer<const EventTableModel> m_events;
    QPointer<const NamespaceFlavors> m_flavors; // the session's (NamespaceFlavors::of)
    QTimer *m_timer;
    QDateTime m_now;
    QHash<QString, std::pair<QString, core::Diagnostic>> m_rules; // uid -> (rv|flavour, rule)
    mutable QHash<QString, Owner> m_owners;                       // pod uid -> its workload
};

} // namespace models
