#include "core/sandbox/cluster/fallbackbinder.h"

#include "core/common/tr.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectstore.h"

#include <QStringList>

namespace core::sandbox {

namespace {

bool acceptsAnyPod(const QJsonObject &node)
{
    const QJsonObject spec = node.value(u"spec").toObject();
    if (spec.value(u"unschedulable").toBool())
        return false;
    for (const QJsonValue &taint : spec.value(u"taints").toArray()) {
        if (taint.toObject().value(u"effect").toString() == u"NoSchedule")
            return false;
    }
    return true;
}

} // namespace

FallbackBinder::FallbackBinder(ObjectStore &store, const SandboxClock &clock)
    : m_store(store), m_clock(clock),
      m_events(std::make_unique<EventRecorder>(store, QStringLiteral("default-scheduler")))
{
}

FallbackBinder::~FallbackBinder() = default;

void FallbackBinder::podChanged(const ObjectIndex::Change &change)
{
    const QString key = ObjectIndex::keyOf(change.object);
    if (change.type != StoreEvent::Type::Deleted && nodeNameOf(change.object).isEmpty() &&
        !isPodTerminal(change.object))
        m_unbound.insert(key);
    else
        m_unbound.remove(key);
}

void FallbackBinder::bind(const ObjectIndex &nodes)
{
    if (m_unbound.isEmpty())
        return;
    QStringList candidates;
    for (const QJsonObject &node : nodes.objects()) {
        if (acceptsAnyPod(node))
            candidates << nameOf(node);
    }
    if (candidates.isEmpty())
        return;
    candidates.sort();
    const QList<QString> keys = m_unbound.values();
    for (const QString &key : keys) {
        auto current = m_store.get(podsType(), key.section(u'/', 0, 0), key.section(u'/', 1));
        if (!current || !nodeNameOf(*current).isEmpty()) {
            m_unbound.remove(key);
            continue;
        }
        const QString node = candidates.at(m_next++ % candidates.size());
        QJsonObject pod = *current;
        QJsonObject spec = pod.value(u"spec").toObject();
        spec.insert(QStringLiteral("nodeName"), node);
        pod.insert(QStringLiteral("spec"), spec);
        QJsonObject status = pod.value(u"status").toObject();
        status.insert(QStringLiteral("conditions"),
                      withCondition(status.value(u"conditions").toArray(),
                                    QStringLiteral("PodScheduled"), QStringLiteral("True"), {}, {},
                                    m_clock.now()));
        pod.insert(QStringLiteral("status"), status);
        const auto updated = m_store.update(podsType(), namespaceOf(pod), nameOf(pod), pod);
        if (!updated)
            continue;
        m_unbound.remove(key);
        m_events->record(
            *updated, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
            Tr::tr("Successfully assigned %1/%2 to %3").arg(namespaceOf(pod), nameOf(pod), node),
            m_clock.now());
    }
}

} // namespace core::sandbox
