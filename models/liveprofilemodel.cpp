#include "models/liveprofilemodel.h"

#include "core/kube/objectmeta.h"
#include "core/kube/workload.h"
#include "models/livepods.h"
#include "models/liveworkloadmodel.h"
#include "models/profiletablemodel.h"
#include "models/rowfilter.h"
#include "models/tr.h"

namespace models {

namespace {

QString countsText(const QJsonObject &counts)
{
    QStringList parts;
    if (counts.contains(u"local"))
        parts.append(Tr::tr("local %1").arg(counts.value(u"local").toInteger()));
    if (counts.contains(u"cci"))
        parts.append(Tr::tr("cci %1").arg(counts.value(u"cci").toInteger()));
    return parts.join(QStringLiteral(", "));
}

QString maxText(const core::burst::LocationLimits &limits)
{
    return limits.maxNum ? QString::number(*limits.maxNum) : QString();
}

} // namespace

LiveProfileModel::LiveProfileModel(QObject *parent)
    : LiveTableModel(
          {QT_TRANSLATE_NOOP("models", "Namespace"), QT_TRANSLATE_NOOP("models", "Name"),
           QT_TRANSLATE_NOOP("models", "Selector"), QT_TRANSLATE_NOOP("models", "Strategy"),
           QT_TRANSLATE_NOOP("models", "Local maxNum"), QT_TRANSLATE_NOOP("models", "CCI maxNum"),
           QT_TRANSLATE_NOOP("models", "Scale-down priority"), QT_TRANSLATE_NOOP("models", "Used"),
           QT_TRANSLATE_NOOP("models", "Restrict"),
           QT_TRANSLATE_NOOP("models", "Captured workloads")},
          parent)
{
    Q_ASSERT(columnCount() == ColumnCount);
}

void LiveProfileModel::watch(ClusterSession *session)
{
    watchBatches(session, QStringLiteral("scheduleprofiles"), this,
                 &LiveProfileModel::applyProfiles);
    for (const QString &resource : LiveWorkloadModel::workloadResources())
        watchBatches(session, resource, this, &LiveProfileModel::applyWorkloads);
}

void LiveProfileModel::applyProfiles(const core::kube::ChangeSet &changes)
{
    recompute(updateByUid(m_profiles, changes, [](const QJsonObject &object) {
        return LiveProfileRow{core::kube::uidOf(object),
                              core::burst::scheduleProfileFromJson(object),
                              object.value(u"status").toObject(),
                              {}};
    }));
}

void LiveProfileModel::applyWorkloads(const core::kube::ChangeSet &changes)
{
    QSet<QString> namespaces;
    const auto forget = [&](const QJsonObject &object) {
        if (m_workloads.remove(core::kube::uidOf(object)))
            namespaces.insert(core::kube::namespaceOf(object));
    };
    forEachChange(changes, forget, [&](const QJsonObject &object) {
        const auto workload = core::kube::workloadFromObject(object, nullptr);
        // A Deployment's ReplicaSets and a CronJob's Jobs are captured through their owner.
        if (!workload || !core::kube::controllerRef(object).isEmpty()) {
            forget(object);
            return;
        }
        namespaces.insert(workload->nameSpace);
        m_workloads.insert(
            core::kube::uidOf(object),
            {workload->nameSpace, workload->kind + u' ' + workload->name, workload->podLabels});
    });
    recompute(namespaces);
}

void LiveProfileModel::recompute(const QSet<QString> &namespaces)
{
    RowBatch<LiveProfileRow> batch;
    for (const QString &ns : namespaces) {
        QList<LiveProfileRow> rows;
        QList<core::burst::ScheduleProfile> profiles;
        for (const LiveProfileRow &row : std::as_const(m_profiles)) {
            if (row.profile.nameSpace == ns) {
                rows.append(row);
                profiles.append(row.profile);
            }
        }
        for (const Captor &w : std::as_const(m_workloads)) {
            if (w.nameSpace != ns)
                continue;
            if (const auto at = core::burst::associateProfile(profiles, ns, w.podLabels))
                rows[*at].captures.append(w.label);
        }
        for (LiveProfileRow &row : rows) {
            row.captures.sort();
            batch.upserted.append(std::move(row));
        }
    }
    for (int i = 0; i < rowCount(); ++i) {
        if (!m_profiles.contains(keyAt(i)))
            batch.removed.append(keyAt(i));
    }
    apply(std::move(batch));
}

QVariant LiveProfileModel::display(const LiveProfileRow &row, int column) const
{
    const core::burst::ScheduleProfile &p = row.profile;
    switch (column) {
    case Namespace:
        return p.nameSpace;
    case Name:
        return p.name;
    case Selector:
        return ProfileTableModel::selectorText(p.selector);
    case Strategy:
        return p.strategyText;
    case LocalMax:
        return maxText(p.local);
    case CciMax:
        return maxText(p.cci);
    case ScaleDown: {
        QStringList parts;
        if (p.local.scaleDownPriority)
            parts.append(Tr::tr("local %1").arg(*p.local.scaleDownPriority));
        if (p.cci.scaleDownPriority)
            parts.append(Tr::tr("cci %1").arg(*p.cci.scaleDownPriority));
        return parts.join(QStringLiteral(", "));
    }
    case Used:
        return countsText(row.status.value(u"used").toObject());
    case Restrict:
        return countsText(row.status.value(u"restrict").toObject());
    case Captured:
        return int(row.captures.size());
    default:
        return {};
    }
}

QVariant LiveProfileModel::cell(const LiveProfileRow &row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case RowFilterProxy::SortRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return column == Captured ? QVariant(row.captures.join(u'\n')) : QVariant();
    default:
        return {};
    }
}

} // namespace models
