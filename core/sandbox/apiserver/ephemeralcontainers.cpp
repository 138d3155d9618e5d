#include "core/sandbox/apiserver/ephemeralcontainers.h"

#include "core/kube/objectmeta.h"
#include "core/sandbox/apiserver/reststrategy.h"
#include "core/sandbox/store/resourcetype.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace core::sandbox {

namespace {

QJsonObject byName(const QJsonArray &containers, const QString &name)
{
    for (const QJsonValue &c : containers) {
        if (c.toObject().value(u"name").toString() == name)
            return c.toObject();
    }
    return {};
}

QString defaultPullPolicy(const QString &image)
{
    const QString last = image.section(u'/', -1);
    if (last.contains(u'@'))
        return QStringLiteral("IfNotPresent");
    const qsizetype colon = last.lastIndexOf(u':');
    return colon < 0 || last.mid(colon + 1) == u"latest" ? QStringLiteral("Always")
                                                         : QStringLiteral("IfNotPresent");
}

QJsonObject withDefaults(QJsonObject container)
{
    if (!container.contains(u"imagePullPolicy"))
        container.insert(QStringLiteral("imagePullPolicy"),
                         defaultPullPolicy(container.value(u"image").toString()));
    if (!container.contains(u"terminationMessagePath"))
        container.insert(QStringLiteral("terminationMessagePath"),
                         QStringLiteral("/dev/termination-log"));
    if (!container.contains(u"terminationMessagePolicy"))
        container.insert(QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
    return container;
}

} // namespace

ServerResult<QJsonObject> prepareEphemeralContainersUpdate(const QJsonObject &stored,
                                                           const QJsonObject &sent)
{
    const QString podName = kube::nameOf(stored);
    const QJsonObject storedSpec = stored.value(u"spec").toObject();
    const QJsonArray before = storedSpec.value(u"ephemeralContainers").toArray();
    const QJsonArray asked = sent.value(u"spec").toObject().value(u"ephemeralContainers").toArray();
    QList<ApiError::FieldCause> causes;
    const QString path = QStringLiteral("spec.ephemeralContainers");

    // What was there stays as it was (the stored form, defaults included).
    for (const QJsonValue &v : before) {
        const QString name = v.toObject().value(u"name").toString();
        const QJsonObject now = byName(asked, name);
        if (now.isEmpty() || withDefaults(now) != v.toObject())
            causes.append({path, QStringLiteral("FieldValueForbidden"),
                           QStringLiteral("Forbidden: existing ephemeral containers \"%1\" may "
                                          "not be changed")
                               .arg(name)});
    }
    QSet<QString> names;
    for (const QString &list : {QStringLiteral("containers"), QStringLiteral("initContainers")}) {
        for (const QJsonValue &c : storedSpec.value(list).toArray())
            names.insert(c.toObject().value(u"name").toString());
    }
    static const QRegularExpression dnsLabel(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    static const QStringList forbidden = {
        QStringLiteral("ports"),          QStringLiteral("livenessProbe"),
        QStringLiteral("readinessProbe"), QStringLiteral("startupProbe"),
        QStringLiteral("lifecycle"),      QStringLiteral("resources")};
    QJsonArray next;
    for (qsizetype i = 0; i < asked.size(); ++i) {
        const QJsonObject container = asked.at(i).toObject();
        const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
        const QString name = container.value(u"name").toString();
        if (name.isEmpty()) {
            causes.append({at + u".name", QStringLiteral("FieldValueRequired"),
                           QStringLiteral("Required value")});
        } else if (name.size() > 63 || !dnsLabel.match(name).hasMatch()) {
            causes.append({at + u".name", QStringLiteral("FieldValueInvalid"),
                           QStringLiteral("Invalid value: \"%1\": a lowercase RFC 1123 label "
                                          "must consist of lower case alphanumeric characters "
                                          "or '-', and must start and end with an alphanumeric "
                                          "character")
                               .arg(name)});
        } else if (names.contains(name)) {
            causes.append({at + u".name", QStringLiteral("FieldValueDuplicate"),
                           QStringLiteral("Duplicate value: \"%1\"").arg(name)});
        }
        names.insert(name);
        if (container.value(u"image").toString().trimmed().isEmpty())
            causes.append({at + u".image", QStringLiteral("FieldValueRequired"),
                           QStringLiteral("Required value")});
        for (const QString &field : forbidden) {
            const QJsonValue value = container.value(field);
            const bool set = value.isObject()  ? !value.toObject().isEmpty()
                             : value.isArray() ? !value.toArray().isEmpty()
                                               : !value.isUndefined() && !value.isNull();
            if (set)
                causes.append({at + u'.' + field, QStringLiteral("FieldValueForbidden"),
                               QStringLiteral("Forbidden: cannot be set for an Ephemeral "
                                              "Container")});
        }
        next.append(withDefaults(container));
    }
    if (!causes.isEmpty())
        return ApiError::invalid(QString(), QStringLiteral("Pod"), podName, causes);

    QJsonObject pod = stored;
    QJsonObject spec = storedSpec;
    if (next.isEmpty())
        spec.remove(QStringLiteral("ephemeralContainers"));
    else
        spec.insert(QStringLiteral("ephemeralContainers"), next);
    pod.insert(QStringLiteral("spec"), spec);
    // The client's resourceVersion and uid are the write's preconditions, as for /status.
    return RestStrategy::withPreconditionsOf(pod, stored, sent);
}

} // namespace core::sandbox
