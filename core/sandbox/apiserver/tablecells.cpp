#include "core/sandbox/apiserver/tablecells.h"

#include "core/sandbox/apiserver/tableconverter.h"

#include <QStringList>

#include <algorithm>

namespace core::sandbox {

namespace {

QString joinContainerField(const QJsonObject &podSpec, QStringView field)
{
    QStringList parts;
    for (const QJsonValue &c : podSpec.value(u"containers").toArray())
        parts.append(c.toObject().value(field).toString());
    return parts.join(u',');
}

QString sortedValues(const QJsonArray &values)
{
    QStringList list;
    for (const QJsonValue &v : values)
        list.append(v.toString());
    list.sort();
    return list.join(u',');
}

} // namespace

QJsonObject tableColumn(const QString &name, const QString &type, const QString &description,
                        int priority, const QString &format)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("priority"), priority}};
}

QJsonObject stringColumn(const QString &name, const QString &description, int priority)
{
    return tableColumn(name, QStringLiteral("string"), description, priority);
}

QJsonObject integerColumn(const QString &name, const QString &description, int priority)
{
    return tableColumn(name, QStringLiteral("integer"), description, priority);
}

QJsonObject nameColumn()
{
    return tableColumn(
        QStringLiteral("Name"), QStringLiteral("string"),
        QStringLiteral("Name must be unique within a namespace. Is required when creating "
                       "resources, although some resources may allow a client to request the "
                       "generation of an appropriate name automatically. Name is primarily "
                       "intended for creation idempotence and configuration definition. Cannot "
                       "be updated. More info: https://kubernetes.io/docs/concepts/overview/"
                       "working-with-objects/names#names"),
        0, QStringLiteral("name"));
}

QJsonObject ageColumn()
{
    return tableColumn(
        QStringLiteral("Age"), QStringLiteral("string"),
        QStringLiteral("CreationTimestamp is a timestamp representing the server time when this "
                       "object was created. It is not guaranteed to be set in happens-before "
                       "order across separate operations. Clients may not set this value. It is "
                       "represented in RFC3339 form and is in UTC."));
}

QJsonObject containersColumn()
{
    return stringColumn(QStringLiteral("Containers"),
                        QStringLiteral("Names of each container in the template."), 1);
}

QJsonObject imagesColumn()
{
    return stringColumn(QStringLiteral("Images"),
                        QStringLiteral("Images referenced by each container in the template."), 1);
}

QString timestampSince(const QString &timestamp, const QDateTime &now)
{
    const QDateTime at = QDateTime::fromString(timestamp, Qt::ISODate);
    return at.isValid() ? humanAge(at.secsTo(now)) : QStringLiteral("<unknown>");
}

QString tableAge(const QJsonObject &object, const QDateTime &now)
{
    return timestampSince(
        object.value(u"metadata").toObject().value(u"creationTimestamp").toString(), now);
}

QString templateContainerNames(const QJsonObject &podSpec)
{
    return joinContainerField(podSpec, u"name");
}

QString templateContainerImages(const QJsonObject &podSpec)
{
    return joinContainerField(podSpec, u"image");
}

QString labelSelectorString(const QJsonObject &selector)
{
    QList<std::pair<QString, QString>> requirements; // key, rendered requirement
    const QJsonObject matchLabels = selector.value(u"matchLabels").toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        requirements.append({it.key(), QString(it.key() + u'=' + it.value().toString())});
    for (const QJsonValue &v : selector.value(u"matchExpressions").toArray()) {
        const QJsonObject e = v.toObject();
        const QString key = e.value(u"key").toString();
        const QString op = e.value(u"operator").toString();
        const QString values = sortedValues(e.value(u"values").toArray());
        if (op == u"In")
            requirements.append({key, QString(key + u" in (" + values + u')')});
        else if (op == u"NotIn")
            requirements.append({key, QString(key + u" notin (" + values + u')')});
        else if (op == u"Exists")
            requirements.append({key, key});
        else if (op == u"DoesNotExist")
            requirements.append({key, QString(u'!' + key)});
    }
    // LabelSelectorAsSelector sorts the requirements by key before String() joins them.
    std::stable_sort(requirements.begin(), requirements.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList parts;
    for (const auto &r : requirements)
        parts.append(r.second);
    return parts.join(u',');
}

QString formatLabelSelector(const QJsonObject &selector)
{
    const QString text = labelSelectorString(selector);
    return text.isEmpty() ? QStringLiteral("<none>") : text;
}

QString formatLabels(const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it) // QJsonObject keys are sorted
        parts.append(QString(it.key() + u'=' + it.value().toString()));
    return parts.isEmpty() ? QStringLiteral("<none>") : parts.join(u',');
}

bool hasTrueCondition(const QJsonObject &status, const QString &type)
{
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == type)
            return c.toObject().value(u"status").toString() == u"True";
    }
    return false;
}

} // namespace core::sandbox
