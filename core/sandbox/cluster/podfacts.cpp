#include "core/sandbox/cluster/podfacts.h"

#include "core/sandbox/store/objectstore.h"

#include <QJsonDocument>

#include <cmath>

namespace core::sandbox {

QJsonObject ownerReferenceTo(const QJsonObject &owner)
{
    return QJsonObject{{QStringLiteral("apiVersion"), owner.value(u"apiVersion")},
                       {QStringLiteral("kind"), owner.value(u"kind")},
                       {QStringLiteral("name"), nameOf(owner)},
                       {QStringLiteral("uid"), uidOf(owner)},
                       {QStringLiteral("controller"), true},
                       {QStringLiteral("blockOwnerDeletion"), true}};
}

QString podPhase(const QJsonObject &pod)
{
    const QString phase = pod.value(u"status").toObject().value(u"phase").toString();
    return phase.isEmpty() ? QStringLiteral("Pending") : phase;
}

bool isPodTerminal(const QJsonObject &pod)
{
    const QString phase = podPhase(pod);
    return phase == u"Succeeded" || phase == u"Failed";
}

bool isPodReady(const QJsonObject &pod)
{
    return conditionOf(pod, QStringLiteral("Ready")).value(u"status").toString() == u"True";
}

bool isPodRunningAndReady(const QJsonObject &pod)
{
    return podPhase(pod) == u"Running" && isPodReady(pod);
}

int specReplicas(const QJsonObject &object)
{
    const QJsonValue value = object.value(u"spec").toObject().value(u"replicas");
    return value.isDouble() ? value.toInt() : 1;
}

int scaledIntOrPercent(const QJsonValue &value, int total, bool roundUp, const QString &fallback)
{
    if (value.isDouble())
        return value.toInt();
    QString text = value.isString() ? value.toString() : fallback;
    if (!text.endsWith(u'%'))
        return text.toInt();
    text.chop(1);
    const double scaled = text.toDouble() * total / 100.0;
    return int(roundUp ? std::ceil(scaled) : std::floor(scaled));
}

namespace {

QJsonValue normalizedValue(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject result;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonValue child = normalizedValue(it.value());
            if (!child.isUndefined())
                result.insert(it.key(), child);
        }
        return result.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(result);
    }
    if (value.isArray()) {
        QJsonArray result;
        for (const QJsonValue &item : value.toArray()) {
            const QJsonValue child = normalizedValue(item);
            result.append(child.isUndefined() ? QJsonValue(QJsonObject()) : child);
        }
        return result.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(result);
    }
    return value.isNull() ? QJsonValue(QJsonValue::Undefined) : value;
}

} // namespace

QJsonObject normalizedTemplate(const QJsonObject &podTemplate)
{
    return normalizedValue(podTemplate).toObject();
}

QString templateHash(const QJsonObject &podTemplate)
{
    const QByteArray data =
        QJsonDocument(normalizedTemplate(podTemplate)).toJson(QJsonDocument::Compact);
    quint32 hash = 2166136261u;
    for (const char c : data) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    static constexpr char16_t alphanums[] = u"bcdfghjklmnpqrstvwxz2456789";
    const QString digits = QString::number(hash);
    QString encoded;
    for (const QChar c : digits)
        encoded += QChar(alphanums[c.unicode() % 27]);
    return encoded;
}

QJsonObject podFromTemplate(const QJsonObject &podTemplate, const QJsonObject &owner,
                            const QString &name, const QString &generateBase)
{
    const QJsonObject templateMeta = podTemplate.value(u"metadata").toObject();
    QJsonObject meta;
    if (name.isEmpty())
        meta.insert(QStringLiteral("generateName"), QString(generateBase + u'-'));
    else
        meta.insert(QStringLiteral("name"), name);
    meta.insert(QStringLiteral("namespace"), namespaceOf(owner));
    for (const QString &key : {QStringLiteral("labels"), QStringLiteral("annotations")}) {
        if (templateMeta.contains(key))
            meta.insert(key, templateMeta.value(key));
    }
    meta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReferenceTo(owner)});
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Pod")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), podTemplate.value(u"spec")},
                       {QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")}}}};
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject conditionOf(const QJsonObject &object, const QString &type)
{
    const QJsonArray conditions = object.value(u"status").toObject().value(u"conditions").toArray();
    for (const QJsonValue &condition : conditions) {
        if (condition.toObject().value(u"type").toString() == type)
            return condition.toObject();
    }
    return {};
}

QJsonArray withCondition(QJsonArray conditions, const QString &type, const QString &status,
                         const QString &reason, const QString &message, const QDateTime &now,
                         bool hasUpdateTime)
{
    qsizetype index = -1;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        if (conditions.at(i).toObject().value(u"type").toString() == type)
            index = i;
    }
    QJsonObject condition =
        index >= 0 ? conditions.at(index).toObject() : QJsonObject{{QStringLiteral("type"), type}};
    if (index >= 0 && condition.value(u"status").toString() == status &&
        condition.value(u"reason").toString() == reason &&
        condition.value(u"message").toString() == message)
        return conditions;
    if (condition.value(u"status").toString() != status)
        condition.insert(QStringLiteral("lastTransitionTime"), timestamp(now));
    if (hasUpdateTime)
        condition.insert(QStringLiteral("lastUpdateTime"), timestamp(now));
    condition.insert(QStringLiteral("status"), status);
    if (reason.isEmpty())
        condition.remove(QStringLiteral("reason"));
    else
        condition.insert(QStringLiteral("reason"), reason);
    if (message.isEmpty())
        condition.remove(QStringLiteral("message"));
    else
        condition.insert(QStringLiteral("message"), message);
    if (index >= 0)
        conditions.replace(index, condition);
    else
        conditions.append(condition);
    return conditions;
}

bool writeStatus(ObjectStore &store, const ResourceType &type, const QJsonObject &object,
                 const QJsonObject &status)
{
    auto current = store.get(type, namespaceOf(object), nameOf(object));
    if (!current || uidOf(*current) != uidOf(object))
        return false;
    if (current->value(u"status").toObject() == status)
        return true;
    QJsonObject updated = *current;
    updated.insert(QStringLiteral("status"), status);
    return store.update(type, namespaceOf(object), nameOf(object), updated).ok();
}

bool writeReplicas(ObjectStore &store, const ResourceType &type, const QJsonObject &object,
                   int replicas, const QJsonObject &annotations)
{
    auto current = store.get(type, namespaceOf(object), nameOf(object));
    if (!current || uidOf(*current) != uidOf(object))
        return false;
    QJsonObject updated = *current;
    QJsonObject spec = updated.value(u"spec").toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    updated.insert(QStringLiteral("spec"), spec);
    if (!annotations.isEmpty()) {
        QJsonObject meta = updated.value(u"metadata").toObject();
        QJsonObject merged = meta.value(u"annotations").toObject();
        for (auto it = annotations.begin(); it != annotations.end(); ++it)
            merged.insert(it.key(), it.value());
        meta.insert(QStringLiteral("annotations"), merged);
        updated.insert(QStringLiteral("metadata"), meta);
    }
    return store.update(type, namespaceOf(object), nameOf(object), updated).ok();
}

} // namespace core::sandbox
