#pragma once

#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Builders and a tiny kubelet stand-in for the controller tests, so they depend on neither the
// Scheduler nor KubeletSimulator.
namespace simtest {

using namespace core::sandbox;

inline QJsonObject podTemplate(const QString &app,
                               const QString &image = QStringLiteral("nginx:1.25"))
{
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), app}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                             {QStringLiteral("image"), image}}}}}}};
}

inline QJsonObject workload(const QString &apiVersion, const QString &kind, const QString &name,
                            QJsonObject spec)
{
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("namespace"), QStringLiteral("default")}}},
                       {QStringLiteral("spec"), spec}};
}

inline QJsonObject withReplicas(const QJsonObject &podTemplate, int replicas, const QString &app)
{
    return QJsonObject{
        {QStringLiteral("replicas"), replicas},
        {QStringLiteral("selector"),
         QJsonObject{{QStringLiteral("matchLabels"), QJsonObject{{QStringLiteral("app"), app}}}}},
        {QStringLiteral("template"), podTemplate}};
}

// What the scheduler and the kubelet would do, in one write: bound, Running and Ready (or just
// bound and Pending with `ready` false and `running` false).
inline bool settlePod(ObjectStore &store, const QJsonObject &pod, bool running = true,
                      bool ready = true, const QString &node = QStringLiteral("idc-node-1"))
{
    auto current = store.get(podsType(), namespaceOf(pod), nameOf(pod));
    if (!current)
        return false;
    QJsonObject updated = *current;
    QJsonObject spec = updated.value(u"spec").toObject();
    spec.insert(QStringLiteral("nodeName"), node);
    updated.insert(QStringLiteral("spec"), spec);
    const QString status = ready ? QStringLiteral("True") : QStringLiteral("False");
    updated.insert(
        QStringLiteral("status"),
        QJsonObject{{QStringLiteral("phase"),
                     running ? QStringLiteral("Running") : QStringLiteral("Pending")},
                    {QStringLiteral("conditions"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                            {QStringLiteral("status"), status}}}}});
    return store.update(podsType(), namespaceOf(pod), nameOf(pod), updated).ok();
}

inline bool setPodPhase(ObjectStore &store, const QJsonObject &pod, const QString &phase)
{
    auto current = store.get(podsType(), namespaceOf(pod), nameOf(pod));
    if (!current)
        return false;
    QJsonObject updated = *current;
    QJsonObject status = updated.value(u"status").toObject();
    status.insert(QStringLiteral("phase"), phase);
    updated.insert(QStringLiteral("status"), status);
    return store.update(podsType(), namespaceOf(pod), nameOf(pod), updated).ok();
}

inline QList<QJsonObject> allOf(ObjectStore &store, const ResourceType &type)
{
    const auto list = store.list(type, ListOptions{});
    return list ? list->items : QList<QJsonObject>();
}

inline QList<QJsonObject> podsOf(ObjectStore &store, const QJsonObject &owner)
{
    QList<QJsonObject> owned;
    for (const QJsonObject &pod : allOf(store, podsType())) {
        if (controllerRef(pod).value(u"uid").toString() == uidOf(owner))
            owned << pod;
    }
    return owned;
}

inline QJsonObject reread(ObjectStore &store, const ResourceType &type, const QJsonObject &object)
{
    auto current = store.get(type, namespaceOf(object), nameOf(object));
    return current ? *current : QJsonObject();
}

inline bool hasEvent(ObjectStore &store, const QString &reason, const QString &messagePart = {})
{
    const ResourceType events{QString(), QStringLiteral("v1"), QStringLiteral("events"),
                              QStringLiteral("Event")};
    for (const QJsonObject &event : allOf(store, events)) {
        if (event.value(u"reason").toString() == reason &&
            event.value(u"message").toString().contains(messagePart))
            return true;
    }
    return false;
}

} // namespace simtest
