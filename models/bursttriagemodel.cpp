#include "models/bursttriagemodel.h"

#include "core/burst/burstfailure.h"
#include "core/kube/informer.h"
#include "core/kube/objectcache.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"
#include "models/clustersession.h"
#include "models/eventtablemodel.h"
#include "models/livepolicy.h"
#include "models/namespaceflavors.h"
#include "models/podtablemodel.h"
#include "models/tr.h"

#include <QBrush>
#include <QColor>
#include <QElapsedTimer>
#include <QLocale>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace models {

namespace {

using core::burst::FailureCause;
using core::kube::ObjectCache;

} // namespace

// The objects of the informers by resource, namespace and name, indexed once per update and only
// for the namespaces asked about: a namespace's ReplicaSets are decoded once, not once per event.
class BurstTriageModel::ObjectLookup
{
public:
    explicit ObjectLookup(const ClusterSession *session) : m_session(session) {}
    // {} when the session does not watch `resource` or holds no such object.
    QJsonObject find(const QString &resource, const QString &nameSpace, const QString &name)
    {
        if (!m_session || resource.isEmpty() || name.isEmpty())
            return {};
        const QString key = resource + u'|' + nameSpace;
        auto it = m_index.find(key);
        if (it == m_index.end()) {
            it = m_index.insert(key, {});
            if (const core::kube::Informer *informer = m_session->informer(resource)) {
                for (const QJsonObject &object :
                     informer->cache().byIndex(ObjectCache::Index::Namespace, nameSpace))
                    it->insert(core::kube::nameOf(object), object);
            }
        }
        return it->value(name);
    }

private:
    const ClusterSession *m_session;
    QHash<QString, QHash<QString, QJsonObject>> m_index;
};

namespace {

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
    if (session) {
        // A namespace's flavour can explain (or stop explaining) a GPU pod's refusal.
        m_flavors = NamespaceFlavors::of(session);
        connect(m_flavors, &NamespaceFlavors::changed, this, later);
    }
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

BurstTriageModel::Owner BurstTriageModel::ownerOfPod(const EventRow &event,
                                                     ObjectLookup &lookup) const
{
    if (const auto cached = m_owners.constFind(event.objectUid); cached != m_owners.constEnd())
        return *cached;
    Owner owner{event.objectKind, event.objectName, event.objectUid};
    const PodTableModel *model = m_session ? m_session->pods() : nullptr;
    const int at = model ? model->rowOf(event.objectUid) : -1;
    if (at < 0 || model->rowAt(at).ownerKind.isEmpty())
        return owner; // not cached: the pod may not be listed yet
    QString kind = model->rowAt(at).ownerKind;
    QString name = model->rowAt(at).ownerName;
    QJsonObject object = lookup.find(resourceOfKind(kind), event.nameSpace, name);
    // A ReplicaSet's Deployment, a Job's CronJob: the object an operator edits.
    if (const QJsonObject controller = core::kube::controllerRef(object); !controller.isEmpty()) {
        const QString upKind = controller.value(u"kind").toString();
        if (!resourceOfKind(upKind).isEmpty()) {
            kind = upKind;
            name = controller.value(u"name").toString();
            object = lookup.find(resourceOfKind(kind), event.nameSpace, name);
        }
    }
    owner.kind = kind;
    owner.name = name;
    owner.uid = object.isEmpty() ? QString() : core::kube::uidOf(object);
    // An owner the informer has not listed yet is looked up again next time; one of a resource
    // the session does not watch stays as the pod row names it.
    if (!object.isEmpty() || !m_session->informer(resourceOfKind(kind)))
        m_owners.insert(event.objectUid, owner);
    return owner;
}

core::Diagnostic BurstTriageModel::refusalRule(const Owner &owner, const QString &nameSpace,
                                               ObjectLookup &lookup)
{
    QJsonObject object;
    if (owner.kind == u"Pod") {
        if (const core::kube::Informer *pods = m_session->informer(QStringLiteral("pods"));
            pods && pods->cache().contains(owner.uid))
            object = pods->cache().object(owner.uid);
    } else {
        object = lookup.find(resourceOfKind(owner.kind), nameSpace, owner.name);
    }
    if (object.isEmpty())
        return {};
    QList<QJsonObject> profiles;
    if (const core::kube::Informer *informer =
            m_session->informer(QStringLiteral("scheduleprofiles")))
        profiles = informer->cache().byIndex(ObjectCache::Index::Namespace, nameSpace);
    // The preview depends on the workload, on its namespace's profiles and on its flavour.
    const NamespaceFlavorMap flavors = m_flavors ? m_flavors->flavors() : NamespaceFlavorMap();
    const QString uid = core::kube::uidOf(object);
    QString version = core::kube::resourceVersionOf(object) + u'|' +
                      core::burst::namespaceFlavorName(flavors.value(nameSpace));
    for (const QJsonObject &profile : std::as_const(profiles))
        version += u'|' + core::kube::resourceVersionOf(profile);
    if (const auto cached = m_rules.constFind(uid);
        cached != m_rules.constEnd() && cached->first == version)
        return cached->second;
    core::Diagnostic rule;
    if (const auto preview = livePreview(object, profiles, flavors))
        rule = core::burst::refusalRule(*preview);
    m_rules.insert(uid, {version, rule});
    return rule;
}

void BurstTriageModel::refreshAges()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, LastSeen), index(rowCount() - 1, LastSeen), {Qt::DisplayRole});
}

void BurstTriageModel::update()
{
    m_timer->stop();
    if (!m_events)
        return;
    QElapsedTimer took;
    took.start();
    struct Group
    {
        TriageRow row;
        QSet<QString> pods;
    };
    QHash<QString, Group> groups;
    ObjectLookup lookup(m_session);
    QSet<QString> podsSeen;
    QHash<QString, core::Diagnostic> rules; // per workload, once an update
    const core::Diagnostic noRule;
    for (const EventRow &event : m_events->rows()) {
        const FailureCause cause = event.cause; // read once per event (eventRowFrom)
        if (cause == FailureCause::None)
            continue;
        const bool burstOnly = cause == FailureCause::Quota || cause == FailureCause::ImagePull;
        if (burstOnly && event.reason != u"ProviderCreateFailed" && !aboutBurstPod(event))
            continue;
        const bool aboutPod = event.objectKind == u"Pod";
        Owner owner{event.objectKind, event.objectName, event.objectUid};
        if (aboutPod) {
            owner = ownerOfPod(event, lookup);
            podsSeen.insert(event.objectUid);
        }
        const core::Diagnostic *rule = &noRule;
        if (cause == FailureCause::Refused) {
            const QString ruleKey = event.nameSpace + u'|' + owner.kind + u'/' + owner.name;
            auto known = rules.constFind(ruleKey);
            if (known == rules.constEnd())
                known = rules.insert(ruleKey, refusalRule(owner, event.nameSpace, lookup));
            rule = &*known;
        }
        const QString causeCode =
            rule->code.isEmpty() ? core::burst::failureCauseCode(cause) : rule->code;
        const QString key =
            causeCode + u'|' + event.nameSpace + u'|' + owner.kind + u'/' + owner.name;
        auto it = groups.find(key);
        if (it == groups.end()) { // the texts once per group, not per event
            TriageRow row;
            row.key = key;
            row.causeCode = causeCode;
            row.nameSpace = event.nameSpace;
            row.kind = owner.kind;
            row.name = owner.name;
            row.uid = owner.uid;
            if (rule->code.isEmpty()) {
                row.cause = causeTitle(cause);
                row.hint = causeHint(cause);
            } else {
                row.cause = Tr::tr("CCI refused: %1").arg(rule->code);
                row.detail = rule->message;
                row.hint = rule->hint;
                row.field = rule->path;
            }
            it = groups.insert(key, Group{row, {}});
        }
        TriageRow &row = it->row;
        row.events += event.count;
        if (!row.lastSeen.isValid() || event.lastSeen > row.lastSeen) {
            row.lastSeen = event.lastSeen;
            if (row.field.isEmpty())
                row.detail = event.message; // the newest event speaks for its cause
        }
        if (aboutPod)
            it->pods.insert(event.objectUid);
    }
    // Forget the owners of pods no event is about any more.
    for (auto it = m_owners.begin(); it != m_owners.end();)
        it = podsSeen.contains(it.key()) ? std::next(it) : m_owners.erase(it);
    RowBatch<TriageRow> batch;
    batch.upserted.reserve(groups.size());
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        it->row.pods = int(it->pods.size());
        // Only rows that changed go through apply(), which compares every cell of a kept row.
        if (const int at = rowOf(it.key()); at >= 0 && rowAt(at) == it->row)
            continue;
        batch.upserted.append(std::move(it->row));
    }
    for (const TriageRow &old : this->rows()) {
        if (!groups.contains(old.key))
            batch.removed.append(old.key);
    }
    apply(std::move(batch));
    // Under a storm of events on a big cluster, a recompute waits at least five times as long as
    // the last one took, so the triage never takes more than a sixth of the GUI thread.
    m_timer->setInterval(std::clamp(int(took.elapsed()) * 5, kDelayMs, 5000));
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
