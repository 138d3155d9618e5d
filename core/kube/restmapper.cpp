#include "core/kube/restmapper.h"

#include "core/common/tr.h"

#include <QJsonArray>

#include <algorithm>

namespace core::kube {

QString ResourceMapping::path(const QString &nameSpace, const QString &name) const
{
    QString p =
        group.isEmpty() ? QString(u"/api/" + version) : QString(u"/apis/" + group + u'/' + version);
    if (namespaced && !nameSpace.isEmpty())
        p += u"/namespaces/" + nameSpace;
    p += u'/' + resource;
    if (!name.isEmpty())
        p += u'/' + name;
    return p;
}

QString ResourceMapping::qualifiedKind() const
{
    const QString lower = kind.toLower();
    return group.isEmpty() ? lower : QString(lower + u'.' + group);
}

void RestMapper::addResourceList(const QJsonObject &list, bool preferredVersion)
{
    const QString groupVersion = list.value(u"groupVersion").toString();
    const qsizetype slash = groupVersion.indexOf(u'/');
    const QString group = slash < 0 ? QString() : groupVersion.left(slash);
    const QString version = slash < 0 ? groupVersion : groupVersion.mid(slash + 1);
    for (const QJsonValue &v : list.value(u"resources").toArray()) {
        const QJsonObject r = v.toObject();
        const QString name = r.value(u"name").toString();
        if (name.isEmpty() || name.contains(u'/'))
            continue;
        ResourceMapping m;
        m.group = group;
        m.version = version;
        m.resource = name;
        m.kind = r.value(u"kind").toString();
        m.singular = r.value(u"singularName").toString();
        if (m.singular.isEmpty())
            m.singular = m.kind.toLower();
        for (const QJsonValue &s : r.value(u"shortNames").toArray())
            m.shortNames.append(s.toString());
        m.namespaced = r.value(u"namespaced").toBool();
        m.preferred = preferredVersion;
        m_mappings.append(m);
    }
}

void RestMapper::addResourceTypes(const QList<ResourceType> &types)
{
    for (const ResourceType &type : types) {
        ResourceMapping m;
        static_cast<ResourceType &>(m) = type;
        if (m.singular.isEmpty())
            m.singular = m.kind.toLower();
        m_mappings.append(m);
    }
}

Result<ResourceMapping> RestMapper::resolve(const QString &typed) const
{
    const QString name = typed.trimmed().toLower();
    // "deployments.v1.apps" or "deployments.apps": the first dot splits resource from group;
    // a version is recognised as a second part that looks like one.
    const QStringList parts = name.split(u'.');
    const QString resource = parts.first();
    QString version;
    QString group;
    if (parts.size() >= 3 && parts.at(1).startsWith(u'v') && parts.at(1).size() > 1 &&
        parts.at(1).at(1).isDigit()) {
        version = parts.at(1);
        group = parts.mid(2).join(u'.');
    } else if (parts.size() >= 2) {
        group = parts.mid(1).join(u'.');
    }
    const bool qualified = parts.size() >= 2;
    QList<const ResourceMapping *> matches;
    for (const ResourceMapping &m : m_mappings) {
        if (qualified && m.group != group)
            continue;
        if (!version.isEmpty() && m.version != version)
            continue;
        if (m.resource == resource || m.singular == resource || m.kind.toLower() == resource ||
            m.shortNames.contains(resource))
            matches.append(&m);
    }
    if (matches.isEmpty())
        return Error{QStringLiteral("kube.unknownResource"),
                     Tr::tr("the server doesn't have a resource type \"%1\"").arg(typed),
                     Tr::tr("Run \"kubectl api-resources\" to list the types the server serves.")};
    // Core first, then discovery order (stable), preferred versions before the others.
    std::stable_sort(matches.begin(), matches.end(),
                     [](const ResourceMapping *a, const ResourceMapping *b) {
                         if (a->group.isEmpty() != b->group.isEmpty())
                             return a->group.isEmpty();
                         return a->preferred && !b->preferred;
                     });
    return *matches.first();
}

} // namespace core::kube
