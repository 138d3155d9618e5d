#include "core/sandbox/cluster/profileindex.h"

#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectstore.h"

#include <algorithm>

namespace core::sandbox {

QString ProfileIndex::key(const QString &nameSpace, const QString &name)
{
    return QString(nameSpace + u'/' + name);
}

bool ProfileIndex::upsert(const QJsonObject &object)
{
    const QString ns = namespaceOf(object);
    const QString k = key(ns, nameOf(object));
    burst::ScheduleProfile profile = burst::scheduleProfileFromJson(object);
    profile.nameSpace = ns;
    const auto it = m_entries.constFind(k);
    const bool changed = it == m_entries.constEnd() || !(it->profile == profile);
    m_entries.insert(k, Entry{profile, object});
    m_dirty.insert(k);
    if (changed)
        rebuildNamespace(ns);
    return changed;
}

void ProfileIndex::remove(const QJsonObject &object)
{
    const QString ns = namespaceOf(object);
    m_entries.remove(key(ns, nameOf(object)));
    rebuildNamespace(ns);
}

void ProfileIndex::rebuildNamespace(const QString &nameSpace)
{
    QList<burst::ScheduleProfile> list;
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.profile.nameSpace == nameSpace)
            list.append(e.profile);
    }
    if (list.isEmpty())
        m_byNamespace.remove(nameSpace);
    else
        m_byNamespace.insert(nameSpace, list);
}

QString ProfileIndex::associate(const QString &nameSpace, const kube::Labels &labels) const
{
    const auto it = m_byNamespace.constFind(nameSpace);
    if (it == m_byNamespace.constEnd())
        return {};
    const auto index = burst::associateProfile(*it, nameSpace, labels);
    return index ? key(nameSpace, it->at(*index).name) : QString();
}

const burst::ScheduleProfile *ProfileIndex::profile(const QString &k) const
{
    const auto it = m_entries.constFind(k);
    return it == m_entries.constEnd() ? nullptr : &it->profile;
}

QList<burst::ScheduleProfile> ProfileIndex::profiles(const QString &nameSpace) const
{
    return m_byNamespace.value(nameSpace);
}

void ProfileIndex::addUsed(const QString &k, burst::Location location, int delta)
{
    if (k.isEmpty() || location == burst::Location::Pending)
        return;
    Counts &c = m_counts[k];
    (location == burst::Location::Local ? c.local : c.cci) += delta;
    m_dirty.insert(k);
}

int ProfileIndex::used(const QString &k, burst::Location location) const
{
    const Counts c = m_counts.value(k);
    return location == burst::Location::Local ? c.local
                                              : (location == burst::Location::Cci ? c.cci : 0);
}

QJsonObject ProfileIndex::statusFor(const burst::ScheduleProfile &profile, int local, int cci)
{
    QJsonObject restrict;
    if (profile.local.maxNum)
        restrict.insert(QStringLiteral("local"), double(*profile.local.maxNum));
    if (profile.cci.maxNum)
        restrict.insert(QStringLiteral("cci"), double(*profile.cci.maxNum));
    QJsonObject status{{QStringLiteral("phase"), QStringLiteral("Active")},
                       {QStringLiteral("used"), QJsonObject{{QStringLiteral("local"), local},
                                                            {QStringLiteral("cci"), cci}}}};
    if (!restrict.isEmpty())
        status.insert(QStringLiteral("restrict"), restrict);
    return status;
}

void ProfileIndex::writeStatus(ObjectStore &store)
{
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (const QString &k : dirty) {
        const auto it = m_entries.constFind(k);
        if (it == m_entries.constEnd())
            continue;
        const Counts c = m_counts.value(k);
        const QJsonObject status = statusFor(it->profile, c.local, c.cci);
        if (it->object.value(u"status").toObject() == status)
            continue;
        auto current = store.get(scheduleProfilesType(), it->profile.nameSpace, it->profile.name);
        if (!current)
            continue;
        QJsonObject object = *current;
        object.insert(QStringLiteral("status"), status);
        if (!store.update(scheduleProfilesType(), it->profile.nameSpace, it->profile.name, object))
            m_dirty.insert(k); // a concurrent write won; try again next round
    }
}

} // namespace core::sandbox
