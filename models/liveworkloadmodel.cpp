#include "models/liveworkloadmodel.h"

#include "core/kube/objectmeta.h"
#include "models/profiletablemodel.h"
#include "models/rowfilter.h"
#include "models/tr.h"

namespace models {

namespace {

int intAt(const QJsonObject &object, const QString &path, int fallback = 0)
{
    const QJsonValue v = core::kube::valueAt(object, path);
    return v.isDouble() ? v.toInt() : fallback;
}

// READY as kubectl shows it per kind: ready/desired replicas, a DaemonSet's ready/desired
// scheduled, a Job's succeeded/completions, a CronJob's active jobs.
std::pair<QString, int> readyOf(const core::kube::Workload &w)
{
    const QJsonObject &o = w.object;
    int ready = 0;
    int desired = 0;
    if (w.kind == u"CronJob") {
        ready = int(core::kube::valueAt(o, QStringLiteral("status.active")).toArray().size());
        return {Tr::tr("%1 active").arg(ready), ready};
    }
    if (w.kind == u"DaemonSet") {
        ready = intAt(o, QStringLiteral("status.numberReady"));
        desired = intAt(o, QStringLiteral("status.desiredNumberScheduled"));
    } else if (w.kind == u"Job") {
        ready = intAt(o, QStringLiteral("status.succeeded"));
        desired = intAt(o, QStringLiteral("spec.completions"), 1);
    } else {
        ready = intAt(o, QStringLiteral("status.readyReplicas"));
        desired = w.replicas();
    }
    return {QStringLiteral("%1/%2").arg(ready).arg(desired), ready};
}

QString sourceText(const WorkloadRow &row)
{
    QString text;
    switch (row.strategy.source) {
    case core::burst::StrategySource::PodLabel:
        text = Tr::tr("pod template label");
        break;
    case core::burst::StrategySource::WorkloadLabel:
        text = Tr::tr("workload label");
        break;
    case core::burst::StrategySource::Profile:
        text = Tr::tr("ScheduleProfile %1").arg(row.strategy.profile);
        break;
    case core::burst::StrategySource::None:
        text = Tr::tr("none");
        break;
    }
    return row.inheritedFrom.isEmpty() ? text : Tr::tr("%1, via %2").arg(text, row.inheritedFrom);
}

} // namespace

LiveWorkloadModel::LiveWorkloadModel(QObject *parent)
    : LiveTableModel({QT_TRANSLATE_NOOP("models", "Namespace"), QT_TRANSLATE_NOOP("models", "Kind"),
                      QT_TRANSLATE_NOOP("models", "Name"), QT_TRANSLATE_NOOP("models", "Ready"),
                      QT_TRANSLATE_NOOP("models", "Effective strategy"),
                      QT_TRANSLATE_NOOP("models", "Strategy source"),
                      QT_TRANSLATE_NOOP("models", "ScheduleProfile"),
                      QT_TRANSLATE_NOOP("models", "Pods local"),
                      QT_TRANSLATE_NOOP("models", "Pods on CCI"),
                      QT_TRANSLATE_NOOP("models", "Age")},
                     parent)
{
    Q_ASSERT(columnCount() == ColumnCount);
}

const QStringList &LiveWorkloadModel::workloadResources()
{
    static const QStringList resources{
        QStringLiteral("deployments.apps"), QStringLiteral("statefulsets.apps"),
        QStringLiteral("replicasets.apps"), QStringLiteral("daemonsets.apps"),
        QStringLiteral("jobs.batch"),       QStringLiteral("cronjobs.batch")};
    return resources;
}

void LiveWorkloadModel::watch(ClusterSession *session)
{
    for (const QString &resource : workloadResources())
        watchBatches(session, resource, this, &LiveWorkloadModel::applyWorkloads);
    watchBatches(session, QStringLiteral("scheduleprofiles"), this,
                 &LiveWorkloadModel::applyProfiles);
    watchPods(session, this);
}

void LiveWorkloadModel::applyWorkloads(const core::kube::ChangeSet &changes)
{
    QSet<QString> touched;
    const auto forget = [&](const QString &uid) {
        if (const auto it = m_workloads.constFind(uid); it != m_workloads.cend()) {
            m_children.remove(it->ownerUid, uid);
            m_workloads.erase(it);
        }
    };
    forEachChange(
        changes,
        [&](const QJsonObject &object) {
            const QString uid = core::kube::uidOf(object);
            touched += related(uid);
            forget(uid);
        },
        [&](const QJsonObject &object) {
            auto workload = core::kube::workloadFromObject(object, nullptr);
            if (!workload)
                return;
            const QString uid = core::kube::uidOf(object);
            forget(uid);
            Tracked tracked{std::move(*workload),
                            core::kube::controllerRef(object).value(u"uid").toString(),
                            creationOf(object)};
            if (!tracked.ownerUid.isEmpty())
                m_children.insert(tracked.ownerUid, uid);
            m_workloads.insert(uid, std::move(tracked));
            touched += related(uid);
        });
    recompute(touched);
}

void LiveWorkloadModel::applyProfiles(const core::kube::ChangeSet &changes)
{
    const QSet<QString> namespaces =
        updateByUid(m_profiles, changes, &core::burst::scheduleProfileFromJson);
    QSet<QString> touched;
    for (auto it = m_workloads.cbegin(); it != m_workloads.cend(); ++it) {
        if (namespaces.contains(it->workload.nameSpace))
            touched.insert(it.key());
    }
    recompute(touched);
}

void LiveWorkloadModel::applyPods(const core::kube::ChangeSet &changes)
{
    QSet<QString> touched;
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified, &changes.deleted}) {
        for (const QJsonObject &pod : *list) {
            const QString owner = core::kube::controllerRef(pod).value(u"uid").toString();
            if (const auto it = m_workloads.constFind(owner); it != m_workloads.cend()) {
                touched.insert(owner);
                if (!it->ownerUid.isEmpty())
                    touched.insert(it->ownerUid);
            }
        }
    }
    recompute(touched);
}

void LiveWorkloadModel::setVirtualNodes(const QSet<QString> &nodes)
{
    if (nodes == m_virtualNodes)
        return;
    m_virtualNodes = nodes;
    recompute(QSet<QString>(m_workloads.keyBegin(), m_workloads.keyEnd()));
}

void LiveWorkloadModel::refreshAges()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

QDateTime LiveWorkloadModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QSet<QString> LiveWorkloadModel::related(const QString &uid) const
{
    QSet<QString> uids{uid};
    if (const auto it = m_workloads.constFind(uid);
        it != m_workloads.cend() && !it->ownerUid.isEmpty())
        uids.insert(it->ownerUid);
    for (auto child = m_children.constFind(uid); child != m_children.cend() && child.key() == uid;
         ++child)
        uids.insert(*child);
    return uids;
}

void LiveWorkloadModel::recompute(const QSet<QString> &uids)
{
    RowBatch<WorkloadRow> batch;
    for (const QString &uid : uids) {
        if (const auto it = m_workloads.constFind(uid); it != m_workloads.cend())
            batch.upserted.append(rowFor(uid, *it));
        else if (rowOf(uid) >= 0)
            batch.removed.append(uid);
    }
    apply(std::move(batch));
}

core::burst::StrategyResolution LiveWorkloadModel::resolve(const Tracked &tracked) const
{
    const core::kube::Workload &w = tracked.workload;
    QList<core::burst::ScheduleProfile> profiles;
    for (const core::burst::ScheduleProfile &p : m_profiles) {
        if (p.nameSpace == w.nameSpace)
            profiles.append(p);
    }
    const auto at = core::burst::associateProfile(profiles, w.nameSpace, w.podLabels);
    return core::burst::resolveStrategy(w, at ? profiles.at(*at).strategy : std::nullopt,
                                        at ? profiles.at(*at).name : QString());
}

PodPlacement LiveWorkloadModel::podsOwnedBy(const QString &uid) const
{
    PodPlacement placement;
    if (!m_pods)
        return placement;
    const auto count = [&](const QString &owner) {
        const PodPlacement owned = m_pods->ownedBy(owner, m_virtualNodes);
        placement.total += owned.total;
        placement.local += owned.local;
        placement.cci += owned.cci;
    };
    count(uid);
    for (auto child = m_children.constFind(uid); child != m_children.cend() && child.key() == uid;
         ++child)
        count(*child);
    return placement;
}

WorkloadRow LiveWorkloadModel::rowFor(const QString &uid, const Tracked &tracked) const
{
    const core::kube::Workload &w = tracked.workload;
    WorkloadRow row;
    row.uid = uid;
    row.kind = w.kind;
    row.nameSpace = w.nameSpace;
    row.name = w.name;
    row.labels = w.workloadLabels;
    std::tie(row.ready, row.readyCount) = readyOf(w);
    // A ReplicaSet's pods follow its Deployment's strategy, a Job's its CronJob's.
    const Tracked *decides = &tracked;
    for (int depth = 0; depth < 4 && !decides->ownerUid.isEmpty(); ++depth) {
        const auto owner = m_workloads.constFind(decides->ownerUid);
        if (owner == m_workloads.cend())
            break;
        decides = &*owner;
    }
    if (decides != &tracked)
        row.inheritedFrom = decides->workload.kind + u' ' + decides->workload.name;
    row.strategy = resolve(*decides);
    row.pods = podsOwnedBy(uid);
    row.created = tracked.created;
    return row;
}

QVariant LiveWorkloadModel::display(const WorkloadRow &row, int column) const
{
    switch (column) {
    case Namespace:
        return row.nameSpace;
    case Kind:
        return row.kind;
    case Name:
        return row.name;
    case Ready:
        return row.ready;
    case Strategy:
        return core::burst::strategyName(row.strategy.value);
    case Source:
        return sourceText(row);
    case Profile:
        return row.strategy.profile;
    case PodsLocal:
        return row.pods.local;
    case PodsCci:
        return row.pods.cci;
    case Age:
        return ageText(row.created, now());
    default:
        return {};
    }
}

QVariant LiveWorkloadModel::cell(const WorkloadRow &row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case RowFilterProxy::SortRole:
        if (column == Ready)
            return row.readyCount;
        if (column == Age)
            return ageSortKey(row.created);
        return display(row, column);
    case RowFilterProxy::LabelsRole:
        return column == 0 ? QVariant::fromValue(row.labels) : QVariant();
    case Qt::ToolTipRole:
        if (column == Name) {
            core::kube::LabelSelector labels; // shown as a selector reads them: app=web, ...
            labels.setMatchLabels(row.labels);
            return ProfileTableModel::selectorText(labels);
        }
        if (column == Strategy || column == Source) {
            QStringList messages;
            for (const core::Diagnostic &d : row.strategy.diagnostics)
                messages.append(d.message);
            return messages.join(u'\n');
        }
        return {};
    default:
        return {};
    }
}

} // namespace models
