#pragma once

#include "core/sandbox/store/objectstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

// Fixtures shared by tst_objectstore and tst_objectwatch.
namespace objectstoretest {

using namespace core::sandbox;
using namespace Qt::StringLiterals;

inline const ResourceType &kPods = podsType();
inline const ResourceType &kDeployments = deploymentsType();
inline const ResourceType &kConfigMaps = core::kube::configMapsType();
inline const ResourceType kWidgets{u"example.com"_s, u"v1"_s, u"widgets"_s, u"Widget"_s};

inline QJsonObject setPath(QJsonObject object, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        object.insert(path.first(), value);
        return object;
    }
    object.insert(path.first(), setPath(object.value(path.first()).toObject(), path.mid(1), value));
    return object;
}

inline QJsonValue valueAt(const QJsonObject &object, const QString &dotted)
{
    QJsonValue current = object;
    for (const QString &part : dotted.split(u'.'))
        current = current.toObject().value(part);
    return current;
}

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object();
}

// A small pod; `labels` is "k=v,k2=v2".
inline QJsonObject pod(const QString &name, const QString &labels = {},
                       const QString &phase = u"Pending"_s)
{
    QJsonObject labelObject;
    for (const QString &pair : labels.split(u',', Qt::SkipEmptyParts))
        labelObject.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    QJsonObject metadata{{u"name"_s, name}};
    if (!labelObject.isEmpty())
        metadata.insert(u"labels"_s, labelObject);
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Pod"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, json("{'containers':[{'name':'c','image':'nginx'}]}")},
            {u"status"_s, QJsonObject{{u"phase"_s, phase}}}};
}

inline QString rv(const QJsonObject &object)
{
    return object.value(u"metadata").toObject().value(u"resourceVersion").toString();
}

// "ADDED a@2 MODIFIED a@3": type, name and resourceVersion of each event.
inline QString describe(const QList<StoreEvent> &events)
{
    QStringList parts;
    for (const StoreEvent &event : events) {
        const QJsonObject metadata = event.object.value(u"metadata").toObject();
        parts << StoreEvent::typeName(event.type) + u' ' + metadata.value(u"name").toString() +
                     u'@' + metadata.value(u"resourceVersion").toString();
    }
    return parts.join(u' ');
}

inline QString names(const QList<QJsonObject> &items)
{
    QStringList parts;
    for (const QJsonObject &item : items) {
        const QJsonObject metadata = item.value(u"metadata").toObject();
        const QString ns = metadata.value(u"namespace").toString();
        parts << (ns.isEmpty() ? QString() : ns + u'/') + metadata.value(u"name").toString();
    }
    return parts.join(u' ');
}

inline qint64 rssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
} // namespace objectstoretest
