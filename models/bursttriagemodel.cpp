#include "models/bursttriagemodel.h"

#include "core/burst/burstfailure.h"
#include "core/kube/informer.h"
#include "core/kube/objectcache.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"
#include "models/clustersession.h"
#include "models/eventtablemodel.h"
#include "models/livepolicy.h"
#include "models/podtablemodel.h"
#include "models/tr.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QSet>
#include <QTimer>

namespace models {

namespace {

using core::burst::FailureCause;
using core::kube::ObjectCache;

// The object named `name` in `nameSpace` among what `resource`'s informer holds; {} when the
// session does not watch it.
QJsonObject findObject(const ClusterSession *session, const QString &resource,
                       const QString &nameSpace, const QString &name)
{
    const core::kube::Informer *informer = session->informer(resource);
    if (!informer || name.isEmpty())
        return {};
    for (const QJsonObject &object :
         informer->cache().byIndex(ObjectCache::Index::Namespace, nameSpace)) {
        if (core::kube::nameOf(object) == name)
            return object;
    }
    return {};
}

QString causeTitle(FailureCause cause)
{
    switch (cause) {
    case FailureCause::None:
        break;
    case FailureCause::Refused:
        return Tr::tr("CCI refused the pod");
    case FailureCause::NodeLocked:
    case FailureCause::WaitingForLock:
        return Tr::tr("Virtual node locked");
    case FailureCause::Quota:
        return Tr::tr("Quota exhausted");
    case FailureCause::ImagePull:
        return Tr::tr("Image cannot be pulled");
    }
    return {};
}

QString causeHint(FailureCause cause)
{
    switch (cause) {
    case FailureCause::None:
        break;
    case FailureCause::Refused:
        return Tr::tr("CCI gave its own reason (Detail); no rule of the preview explains it. Check "
                      "CCI's capacity in the zone and the namespace's network, then unlock the "
                      "virtual node in the Nodes pane.");
    case FailureCause::NodeLocked:
    case FailureCause::WaitingForLock:
        return burstFailureHint(BurstFailure::NodeLocked);
    case FailureCause::Quota:
        return Tr::tr("Raise the CCI quota of the project (or the namespace's ResourceQuota), or "
                      "lower the burst workload's replicas or its requests.");
    case FailureCause::ImagePull:
        return Tr::tr("CCI pulls the image itself: check the image name, that the registry is "
                      "reachable from CCI (SWR in the same region, or public), and the "
                      "imagePullSecrets; an image-replacement annotation can point CCI to a "
                      "mirror.");
    }
    return {};
}

} // namespace

BurstTriageModel::BurstTriageModel(ClusterSession *session, const EventTableModel *events,
                                   QObject *parent)
    : LiveTableModel<TriageRow>({QT_TRANSLATE_NOOP("models", "Cause"),
                                 QT_TRANSLATE_NOOP("models", "Workload"),
                                 QT_TRANSLATE_NOOP("models", "Namespace"),
                                 QT_TRANSLATE_NOOP("models", "Pods"),
                                 QT_TRANSLATE_NOOP("models", "Events"),
                                 QT_TRANSLATE_NOOP("models", "Last seen"),
                                 QT_TRANSLATE_NOOP("models", "Detail"),
                                 QT_TRANSLATE_NOOP("models", "Fix")},
                                parent),
      m_session(session), m_events(events), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDelayMs);
    connect(m_timer, &QTimer::timeout, this, &BurstTriageModel::update);
    const auto later = [this] { m_timer->start(); };
    connect(events, &QAbstractItemModel::rowsInserted, this, later);
    connect(events, &QAbstractItemModel::rowsRemoved, this, later);
    connect(events, &QAbstractItemModel::dataChanged, this, later);
    connect(events, &QAbstractItemModel::modelReset, this, later);
    update();
}

bool BurstTriageModel::aboutBurstPod(const EventRow &event) const
{
    if (!event.cluster.isEmpty()) // joined from the CCI side: about a burst pod's CCI pod
        return true;
    if (event.objectKind != u"Pod" || !m_session)
        return false;
    const PodTableModel *pods = m_session->pods();
    if (pods->isCciEndpoint())
        return true;
    const int at = pods->rowOf(event.objectUid);
    return at >= 0 && pods->onVirtualNode(pods->rowAt(at));
}

BurstTriageModel::Owner BurstTriageModel::ownerOfPod(const EventRow &event) const
{
    Owner owner{event.objectKind, event.objectName, event.objectUid, {}};
    if (!m_session)
        return owner;
    if (const core::kube::Informer *pods = m_session->informer(QStringLiteral("pods"));
        pods && pods->cache().contains(event.objectUid))
        owner.object = pods->cache().object(event.objectUid);
    const PodTableModel *model = m_session->pods();
    const int at = model->rowOf(event.objectUid);
    if (at < 0 || model->rowAt(at).ownerKind.isEmpty())
        return owner;
    QString kind = model->rowAt(at).ownerKind;
    QString name = model->rowAt(at).ownerName;
    QJsonObject object = findObject(m_session, resourceOfKind(kind), event.nameSpace, name);
    // A ReplicaSet's Deployment, a Job's CronJob: the object an operator edits.
    if (const QJsonObject controller = core::kube::controllerRef(object); !controller.isEmpty()) {
        const QString upKind = controller.value(u"kind").toString();
        const QString upName = controller.value(u"name").toString();
        if (const QJsonObject up =
                findObject(m_session, resourceOfKind(upKind), event.nameSpace, upName);
            !up.isEmpty() || !resourceOfKind(upKind).isEmpty()) {
            kind = upKind;
            name = upName;
            object = up;
        }
    }
    owner.kind = kind;
    owner.name = name;
    owner.uid = object.isEmpty() ? QString() : core::kube::uidOf(object);
    if (!object.isEmpty())
        owner.object = object;
    return owner;
}

core::Diagnostic BurstTriageModel::refusalRule(const Owner &owner, const QString &nameSpace)
{
    if (owner.object.isEmpty())
        return {};
    const QString uid = core::kube::uidOf(owner.object);
    const QString version = core::kube::resourceVersionOf(owner.object);
    if (const auto cached = m_rules.constFind(uid);
        cached != m_rules.constEnd() && cached->first == version)
        return cached->second;
    QList<QJsonObject> profiles;
    if (const core::kube::Informer *informer =
            m_session->informer(QStringLiteral("scheduleprofiles")))
        profiles = informer->cache().byIndex(ObjectCache::Index::Namespace, nameSpace);
    core::Diagnostic rule;
    if (const auto preview = livePreview(owner.object, profiles))
        rule = core::burst::refusalRule(*preview);
    m_rules.insert(uid, {version, rule});
    return rule;
}

void BurstTriageModel::update()
{
    m_timer->stop();
    if (!m_events)
        return;
    QHash<QString, TriageRow> rows;
    QHash<QString, QSet<QString>> podsOf;
    for (const EventRow &event : m_events->rows()) {
        const FailureCause cause = core::burst::classifyFailureEvent(event.reason, event.message);
        if (cause == FailureCause::None)
            continue;
        const bool burstOnly = cause == FailureCause::Quota || cause == FailureCause::ImagePull;
        if (burstOnly && event.reason != u"ProviderCreateFailed" && !aboutBurstPod(event))
            continue;
        TriageRow row;
        row.nameSpace = event.nameSpace;
        row.causeCode = core::burst::failureCauseCode(cause);
        row.cause = causeTitle(cause);
        row.hint = causeHint(cause);
        row.detail = event.message;
        Owner owner{event.objectKind, event.objectName, event.objectUid, {}};
        if (event.objectKind == u"Pod")
            owner = ownerOfPod(event);
        if (cause == FailureCause::Refused) {
            if (const core::Diagnostic rule = refusalRule(owner, event.nameSpace);
                !rule.code.isEmpty()) {
                row.causeCode = rule.code;
                row.cause = Tr::tr("CCI refused: %1").arg(rule.code);
                row.detail = rule.message;
                row.hint = rule.hint;
                row.field = rule.path;
            }
        }
        row.kind = owner.kind;
        row.name = owner.name;
        row.uid = owner.uid;
        row.key = row.causeCode + u'|' + row.nameSpace + u'|' + row.kind + u'/' + row.name;
        auto it = rows.find(row.key);
        if (it == rows.end())
            it = rows.insert(row.key, row);
        it->events += event.count;
        if (!it->lastSeen.isValid() || event.lastSeen > it->lastSeen) {
            it->lastSeen = event.lastSeen;
            if (it->field.isEmpty())
                it->detail = event.message; // the newest event speaks for its cause
        }
        if (event.objectKind == u"Pod")
            podsOf[row.key].insert(event.objectUid);
    }
    RowBatch<TriageRow> batch;
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        it->pods = int(podsOf.value(it.key()).size());
        batch.upserted.append(*it);
    }
    for (const TriageRow &old : this->rows()) {
        if (!rows.contains(old.key))
            batch.removed.append(old.key);
    }
    apply(std::move(batch));
}

ObjectRef BurstTriageModel::ref(const TriageRow &row) const
{
    const QString resource = resourceOfKind(row.kind);
    return {resource, resource == u"nodes" ? QString() : row.nameSpace, row.name, row.uid};
}

QDateTime BurstTriageModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QString BurstTriageModel::display(const TriageRow &row, int column) const
{
    switch (column) {
    case Cause:
        return row.cause;
    case Workload:
        return row.kind + u'/' + row.name;
    case Namespace:
        return row.nameSpace;
    case Pods:
        return QLocale().toString(row.pods);
    case Events:
        return QLocale().toString(row.events);
    case LastSeen:
        return row.lastSeen.isValid() ? core::kube::humanAge(row.lastSeen.secsTo(now()))
                                      : QStringLiteral("<unknown>");
    case Detail:
        return row.field.isEmpty() ? row.detail : Tr::tr("%1 (field %2)").arg(row.detail, row.field);
    case Fix:
        return row.hint;
    }
    return {};
}

QVariant BurstTriageModel::cell(const TriageRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole)
        return display(row, column);
    if (role == SortRole) {
        switch (column) {
        case Pods:
            return row.pods;
        case Events:
            return row.events;
        case LastSeen:
            return row.lastSeen.isValid() ? -row.lastSeen.toMSecsSinceEpoch() : qint64(0);
        case Cause:
            return row.causeCode;
        default:
            return display(row, column);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == Cause)
            return Tr::tr("%1 [%2]").arg(row.cause, row.causeCode);
        if (column == Detail || column == Fix)
            return display(row, column);
    }
    if (role == Qt::ForegroundRole && column == Cause)
        return QBrush(QColor(0xd0, 0x3a, 0x2f));
    return {};
}

} // namespace models
