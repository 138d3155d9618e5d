#include "core/kube/objectmeta.h"

#include <QStringList>

namespace core::kube {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(u"metadata").toObject();
}

QString metadataString(const QJsonObject &object, QStringView key)
{
    return metadataOf(object).value(key).toString();
}

QString nameOf(const QJsonObject &object)
{
    return metadataString(object, u"name");
}

QString namespaceOf(const QJsonObject &object)
{
    return metadataString(object, u"namespace");
}

QString uidOf(const QJsonObject &object)
{
    return metadataString(object, u"uid");
}

QString resourceVersionOf(const QJsonObject &object)
{
    return metadataString(object, u"resourceVersion");
}

QJsonObject labelsJsonOf(const QJsonObject &object)
{
    return metadataOf(object).value(u"labels").toObject();
}

Labels labelsOf(const QJsonObject &object)
{
    Labels labels;
    const QJsonObject json = labelsJsonOf(object);
    for (auto it = json.begin(); it != json.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

QString labelOf(const QJsonObject &object, const QString &key)
{
    return labelsJsonOf(object).value(key).toString();
}

QJsonObject annotationsOf(const QJsonObject &object)
{
    return metadataOf(object).value(u"annotations").toObject();
}

QDateTime timestampOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString annotationOf(const QJsonObject &object, const QString &key)
{
    return annotationsOf(object).value(key).toString();
}

QJsonArray ownerReferencesOf(const QJsonObject &object)
{
    return metadataOf(object).value(u"ownerReferences").toArray();
}

QJsonObject controllerRef(const QJsonObject &object)
{
    for (const QJsonValue &ref : ownerReferencesOf(object)) {
        if (ref.toObject().value(u"controller").toBool())
            return ref.toObject();
    }
    return {};
}

QString nodeNameOf(const QJsonObject &pod)
{
    return pod.value(u"spec").toObject().value(u"nodeName").toString();
}

std::optional<QString> podFieldValue(const QJsonObject &pod, const QString &fieldPath)
{
    const QJsonObject spec = pod.value(u"spec").toObject();
    const QJsonObject status = pod.value(u"status").toObject();
    const auto ips = [&status](QStringView key) {
        QStringList out;
        for (const QJsonValue &ip : status.value(key).toArray())
            out.append(ip.toObject().value(u"ip").toString());
        return out.join(u',');
    };
    if (fieldPath == u"metadata.name")
        return nameOf(pod);
    if (fieldPath == u"metadata.namespace")
        return namespaceOf(pod);
    if (fieldPath == u"metadata.uid")
        return uidOf(pod);
    if (fieldPath == u"spec.nodeName")
        return spec.value(u"nodeName").toString();
    if (fieldPath == u"spec.serviceAccountName")
        return spec.value(u"serviceAccountName").toString();
    if (fieldPath == u"status.hostIP" || fieldPath == u"status.podIP")
        return status.value(QStringView(fieldPath).mid(7)).toString();
    if (fieldPath == u"status.hostIPs" || fieldPath == u"status.podIPs")
        return ips(QStringView(fieldPath).mid(7));
    for (const QLatin1StringView map : {QLatin1StringView("labels"),
                                        QLatin1StringView("annotations")}) {
        const QString prefix = u"metadata." + map + u"['";
        if (fieldPath.startsWith(prefix) && fieldPath.endsWith(u"']") &&
            fieldPath.size() > prefix.size() + 2) {
            const QString key = fieldPath.mid(prefix.size(), fieldPath.size() - prefix.size() - 2);
            return metadataOf(pod).value(map).toObject().value(key).toString();
        }
    }
    return std::nullopt;
}

int containerRestarts(const QJsonObject &pod)
{
    int total = 0;
    const QJsonArray statuses =
        pod.value(u"status").toObject().value(u"containerStatuses").toArray();
    for (const QJsonValue &status : statuses)
        total += status.toObject().value(u"restartCount").toInt();
    return total;
}

} // namespace core::kube
