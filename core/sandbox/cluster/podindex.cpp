#include "core/sandbox/cluster/podindex.h"

#include "core/sandbox/cluster/nodecapacity.h"
#include "core/sandbox/cluster/profileindex.h"

namespace core::sandbox {

PodIndex::PodIndex(NodeCapacity &nodes, ProfileIndex &profiles)
    : m_nodes(nodes), m_profiles(profiles)
{
}

QString PodIndex::key(const QString &nameSpace, const QString &name)
{
    return QString(nameSpace + u'/' + name);
}

burst::Location PodIndex::location(const PodEntry &entry) const
{
    if (entry.node.isEmpty() || !entry.active)
        return burst::Location::Pending;
    return entry.onVirtualNode ? burst::Location::Cci : burst::Location::Local;
}

namespace {

size_t labelsHash(const kube::Labels &labels)
{
    size_t seed = 0;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        seed = qHashMulti(seed, it.key(), it.value());
    return seed;
}

} // namespace

QString PodIndex::shared(const QString &text)
{
    if (text.isEmpty())
        return QString();
    // The pools only save memory: dropping them when pods churn through many distinct values
    // keeps them bounded, and entries keep the copies they already share.
    if (m_strings.size() > std::max<qsizetype>(1024, m_entries.size()))
        m_strings.clear();
    const auto it = m_strings.constFind(text);
    return it != m_strings.cend() ? *it : *m_strings.insert(text);
}

kube::Labels PodIndex::shared(const kube::Labels &labels)
{
    if (labels.isEmpty())
        return {};
    if (m_labelSets.size() > std::max<qsizetype>(1024, m_entries.size()))
        m_labelSets.clear();
    const size_t hash = labelsHash(labels);
    for (auto it = m_labelSets.constFind(hash); it != m_labelSets.cend() && it.key() == hash;
         ++it) {
        if (*it == labels)
            return *it;
    }
    kube::Labels copy;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        copy.insert(shared(it.key()), shared(it.value()));
    m_labelSets.insert(hash, copy);
    return copy;
}

PodEntry PodIndex::entryFrom(const QJsonObject &pod)
{
    const QJsonObject meta = pod.value(u"metadata").toObject();
    const QJsonObject spec = pod.value(u"spec").toObject();
    const QString phase = pod.value(u"status").toObject().value(u"phase").toString();
    PodEntry e;
    e.nameSpace = shared(meta.value(u"namespace").toString());
    e.name = meta.value(u"name").toString();
    e.uid = meta.value(u"uid").toString();
    e.revision = meta.value(u"resourceVersion").toString().toLongLong();
    e.generation = meta.value(u"generation").toInteger();
    e.node = shared(spec.value(u"nodeName").toString());
    e.onVirtualNode = !e.node.isEmpty() && m_nodes.isVirtual(e.node);
    e.request = burst::localRequests(spec);
    e.active = phase != u"Succeeded" && phase != u"Failed";
    e.pending = e.node.isEmpty() && (phase.isEmpty() || phase == u"Pending") &&
                !meta.contains(u"deletionTimestamp");
    const QJsonObject labels = meta.value(u"labels").toObject();
    kube::Labels parsed;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parsed.insert(it.key(), it.value().toString());
    e.labels = shared(parsed);
    e.profile = shared(m_profiles.associate(e.nameSpace, e.labels));
    return e;
}

void PodIndex::account(const PodEntry &entry, int sign)
{
    const burst::Location where = location(entry);
    if (where == burst::Location::Pending)
        return;
    m_nodes.addUsage(entry.node, entry.request, sign);
    m_profiles.addUsed(entry.profile, where, sign);
}

void PodIndex::insert(const QString &k, PodEntry entry)
{
    if (entry.pending)
        m_pending.emplace(entry.sequence, k);
    account(entry, +1);
    m_byNamespace[entry.nameSpace].insert(k);
    m_entries.insert(k, std::move(entry));
}

void PodIndex::erase(const QString &k)
{
    const auto it = m_entries.find(k);
    if (it == m_entries.end())
        return;
    account(*it, -1);
    m_pending.erase(it->sequence);
    auto ns = m_byNamespace.find(it->nameSpace);
    if (ns != m_byNamespace.end()) {
        ns->remove(k);
        if (ns->isEmpty())
            m_byNamespace.erase(ns);
    }
    m_entries.erase(it);
}

PodIndex::Change PodIndex::apply(StoreEvent::Type type, const QJsonObject &pod)
{
    Change change;
    const QJsonObject meta = pod.value(u"metadata").toObject();
    const QString k = key(meta.value(u"namespace").toString(), meta.value(u"name").toString());
    const auto old = m_entries.constFind(k);
    const bool had = old != m_entries.constEnd();
    const PodEntry before = had ? *old : PodEntry{};
    if (type == StoreEvent::Type::Deleted) {
        erase(k);
        change.freed = had && location(before) != burst::Location::Pending;
        change.onVirtualNode = had && before.onVirtualNode;
        return change;
    }
    PodEntry entry = entryFrom(pod);
    // Our own writes are applied at once; the watch brings them (and older states) again later.
    if (had && entry.revision < before.revision)
        return change;
    entry.sequence = had && before.uid == entry.uid ? before.sequence : m_nextSequence++;
    erase(k);
    const burst::Location now = location(entry);
    change.freed =
        had && location(before) != burst::Location::Pending &&
        (location(before) != now || before.node != entry.node || before.profile != entry.profile);
    change.schedule =
        entry.pending && (!had || !before.pending || before.generation != entry.generation ||
                          before.labels != entry.labels || before.uid != entry.uid);
    change.onVirtualNode = entry.onVirtualNode;
    insert(k, std::move(entry));
    return change;
}

void PodIndex::clear()
{
    m_strings.clear();
    m_labelSets.clear();
    m_entries.clear();
    m_byNamespace.clear();
    m_pending.clear();
}

void PodIndex::reassociate(const QString &nameSpace)
{
    const QSet<QString> keys = m_byNamespace.value(nameSpace);
    for (const QString &k : keys) {
        auto it = m_entries.find(k);
        const QString profile = m_profiles.associate(it->nameSpace, it->labels);
        if (profile == it->profile)
            continue;
        account(*it, -1);
        it->profile = shared(profile);
        account(*it, +1);
    }
}

const PodEntry *PodIndex::find(const QString &k) const
{
    const auto it = m_entries.constFind(k);
    return it == m_entries.constEnd() ? nullptr : &*it;
}

QStringList PodIndex::pendingKeys() const
{
    QStringList keys;
    keys.reserve(qsizetype(m_pending.size()));
    for (const auto &[sequence, k] : m_pending)
        keys.append(k);
    return keys;
}

QStringList PodIndex::pendingInOrder(const QSet<QString> &keys) const
{
    std::map<quint64, QString> ordered;
    for (const QString &k : keys) {
        const PodEntry *e = find(k);
        if (e && e->pending)
            ordered.emplace(e->sequence, k);
    }
    QStringList out;
    for (const auto &[sequence, k] : ordered)
        out.append(k);
    return out;
}

} // namespace core::sandbox
