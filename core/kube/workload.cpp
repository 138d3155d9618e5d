#include "core/kube/workload.h"

#include "core/common/tr.h"
#include "core/kube/jsonyaml.h"

namespace core::kube {

namespace {

QString templatePathFor(const QString &kind)
{
    if (kind == u"Pod")
        return QString();
    if (kind == u"CronJob")
        return QStringLiteral("spec.jobTemplate.spec.template");
    if (kind == u"PodTemplate")
        return QStringLiteral("template");
    return QStringLiteral("spec.template");
}

} // namespace

bool isPodBearingKind(const QString &kind)
{
    static const QStringList kinds = {
        QStringLiteral("Pod"),         QStringLiteral("Deployment"),
        QStringLiteral("StatefulSet"), QStringLiteral("ReplicaSet"),
        QStringLiteral("Job"),         QStringLiteral("CronJob"),
        QStringLiteral("DaemonSet"),   QStringLiteral("ReplicationController"),
        QStringLiteral("PodTemplate")};
    return kinds.contains(kind);
}

QJsonValue valueAt(const QJsonObject &object, const QString &dottedPath)
{
    if (dottedPath.isEmpty())
        return object;
    QJsonValue current = object;
    for (const QString &part : dottedPath.split(QLatin1Char('.'))) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(part);
    }
    return current;
}

void setValueAt(QJsonObject &object, const QString &dottedPath, const QJsonValue &value)
{
    const qsizetype dot = dottedPath.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        object.insert(dottedPath, value);
        return;
    }
    const QString head = dottedPath.left(dot);
    QJsonObject child = object.value(head).toObject();
    setValueAt(child, dottedPath.mid(dot + 1), value);
    object.insert(head, child);
}

QJsonObject Workload::podMetadata() const
{
    return valueAt(object, isPod() ? QStringLiteral("metadata") : templatePath + u".metadata")
        .toObject();
}

QJsonObject Workload::podSpec() const
{
    return valueAt(object, isPod() ? QStringLiteral("spec") : templatePath + u".spec").toObject();
}

QString Workload::podPath(const QString &sub) const
{
    return isPod() ? sub : joinPath(templatePath, sub);
}

int Workload::replicas() const
{
    if (kind == u"Pod" || kind == u"Job" || kind == u"CronJob" || kind == u"PodTemplate")
        return 1;
    const QJsonValue r = valueAt(object, QStringLiteral("spec.replicas"));
    return r.isDouble() ? r.toInt() : 1;
}

Labels labelsFromJson(const QJsonValue &value, const QString &path, Diagnostics *diagnostics)
{
    Labels labels;
    if (value.isUndefined() || value.isNull())
        return labels;
    if (!value.isObject()) {
        if (diagnostics)
            diagnostics->append(makeError(
                QStringLiteral("object.type"), path,
                Tr::tr("labels must be a map of strings, found %1").arg(jsonTypeName(value))));
        return labels;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString entryPath = path + QStringLiteral("[\"") + it.key() + QStringLiteral("\"]");
        if (it.value().isString()) {
            labels.insert(it.key(), it.value().toString());
            continue;
        }
        if (diagnostics) {
            const QString shown =
                it.value().isBool()
                    ? (it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                    : jsonTypeName(it.value());
            // Mostly the burst label written as an unquoted off: the strategy form's field.
            diagnostics->append(inArea(
                makeError(
                    QStringLiteral("labels.notString"), entryPath,
                    Tr::tr("label \"%1\" is %2 (%3), not a string; kubectl rejects the object")
                        .arg(it.key(), jsonTypeName(it.value()), shown),
                    Tr::tr("Quote the value: YAML 1.1 reads unquoted off, on, yes, no, y, n, true, "
                           "false and numbers as non-strings. Write '%1: \"off\"'.")
                        .arg(it.key())),
                FieldArea::Strategy));
        }
    }
    return labels;
}

std::optional<Workload> workloadFromObject(const QJsonObject &object, Diagnostics *diagnostics)
{
    const QString kind = object.value(u"kind").toString();
    if (!isPodBearingKind(kind))
        return std::nullopt;
    Workload w;
    w.kind = kind;
    w.apiVersion = object.value(u"apiVersion").toString();
    w.object = object;
    w.templatePath = templatePathFor(kind);
    const QJsonObject meta = object.value(u"metadata").toObject();
    w.name = meta.value(u"name").toString();
    if (w.name.isEmpty())
        w.name = meta.value(u"generateName").toString();
    w.nameSpace = meta.value(u"namespace").toString();
    if (w.nameSpace.isEmpty())
        w.nameSpace = QStringLiteral("default");
    w.workloadLabels =
        labelsFromJson(meta.value(u"labels"), QStringLiteral("metadata.labels"), diagnostics);
    if (w.isPod()) {
        w.podLabels = w.workloadLabels;
        return w;
    }
    const QJsonValue tmpl = valueAt(object, w.templatePath);
    if (!tmpl.isObject()) {
        if (diagnostics)
            diagnostics->append(makeError(
                QStringLiteral("workload.noTemplate"), w.templatePath,
                Tr::tr("%1 has no pod template at %2").arg(kind, w.templatePath),
                Tr::tr("Add %1 with metadata.labels and spec.containers.").arg(w.templatePath)));
        return w;
    }
    w.podLabels = labelsFromJson(valueAt(object, w.templatePath + u".metadata.labels"),
                                 w.templatePath + u".metadata.labels", diagnostics);
    return w;
}

} // namespace core::kube
