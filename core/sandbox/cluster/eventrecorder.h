#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace core::sandbox {

class ObjectStore;

// Writes core/v1 Events as the kubelet, scheduler and controllers do, so `kubectl describe` and
// `kubectl get events` show what the sandbox did. A repeat of the same (object, reason, message)
// bumps `count` and `lastTimestamp` of the existing Event instead of adding one, as the API
// server's event correlator does.
class EventRecorder
{
public:
    EventRecorder(ObjectStore &store, QString component, QString host = {});

    // `involved` is the object the event is about (its kind, apiVersion, metadata.namespace,
    // name, uid, resourceVersion are copied). `type` is "Normal" or "Warning".
    void record(const QJsonObject &involved, const QString &type, const QString &reason,
                const QString &message, const QDateTime &now);

private:
    ObjectStore &m_store;
    QString m_component;
    QString m_host;
};

} // namespace core::sandbox
