#include "core/sandbox/store/patchschema.h"

namespace core::sandbox {

namespace {

using Strategy = PatchField::Strategy;

PatchField typed(const QString &name, const QString &type)
{
    return {name, Strategy::Default, QString(), type};
}

PatchField mergeBy(const QString &name, const QString &mergeKey, const QString &type = {})
{
    return {name, Strategy::Merge, mergeKey, type};
}

PatchField mergeSet(const QString &name)
{
    return {name, Strategy::Merge, QString(), QString()};
}

// Each row is a struct tag of k8s.io/api (core/v1, apps/v1, batch/v1) or of metav1.ObjectMeta.
// `retainKeys` strategies (Deployment.spec.strategy, PodSpec.volumes) need no row: the
// $retainKeys directive is honoured wherever it appears, as in Kubernetes.
PatchSchema buildKubernetesSchema()
{
    const QString meta = QStringLiteral("ObjectMeta");
    PatchSchema schema;
    schema.addType(meta, {mergeSet(QStringLiteral("finalizers")),
                          mergeBy(QStringLiteral("ownerReferences"), QStringLiteral("uid"))});

    schema.addType(QStringLiteral("Container"),
                   {mergeBy(QStringLiteral("ports"), QStringLiteral("containerPort")),
                    mergeBy(QStringLiteral("env"), QStringLiteral("name")),
                    mergeBy(QStringLiteral("volumeMounts"), QStringLiteral("mountPath")),
                    mergeBy(QStringLiteral("volumeDevices"), QStringLiteral("devicePath"))});
    const QString container = QStringLiteral("Container");
    schema.addType(
        QStringLiteral("PodSpec"),
        {mergeBy(QStringLiteral("containers"), QStringLiteral("name"), container),
         mergeBy(QStringLiteral("initContainers"), QStringLiteral("name"), container),
         mergeBy(QStringLiteral("ephemeralContainers"), QStringLiteral("name"), container),
         mergeBy(QStringLiteral("volumes"), QStringLiteral("name")),
         mergeBy(QStringLiteral("imagePullSecrets"), QStringLiteral("name")),
         mergeBy(QStringLiteral("hostAliases"), QStringLiteral("ip")),
         mergeBy(QStringLiteral("topologySpreadConstraints"), QStringLiteral("topologyKey")),
         mergeBy(QStringLiteral("resourceClaims"), QStringLiteral("name")),
         mergeBy(QStringLiteral("schedulingGates"), QStringLiteral("name"))});
    const QString conditions = QStringLiteral("conditions");
    const QString type = QStringLiteral("type");
    schema.addType(QStringLiteral("PodStatus"),
                   {mergeBy(conditions, type),
                    mergeBy(QStringLiteral("podIPs"), QStringLiteral("ip")),
                    mergeBy(QStringLiteral("hostIPs"), QStringLiteral("ip")),
                    mergeBy(QStringLiteral("resourceClaimStatuses"), QStringLiteral("name"))});
    schema.addType(QStringLiteral("PodTemplateSpec"),
                   {typed(QStringLiteral("metadata"), meta),
                    typed(QStringLiteral("spec"), QStringLiteral("PodSpec"))});
    const PatchField podTemplate =
        typed(QStringLiteral("template"), QStringLiteral("PodTemplateSpec"));
    const QString conditionStatus = QStringLiteral("ConditionStatus");
    schema.addType(conditionStatus, {mergeBy(conditions, type)});

    // kind -> spec type; every kind also has metadata and, where it has one, a status whose
    // conditions merge by type.
    const auto addKind = [&](const QString &kind, const QString &specType, const QString &status) {
        QList<PatchField> fields = {typed(QStringLiteral("metadata"), meta)};
        if (!specType.isEmpty())
            fields << typed(QStringLiteral("spec"), specType);
        if (!status.isEmpty())
            fields << typed(QStringLiteral("status"), status);
        schema.addType(kind, fields);
    };
    addKind(QStringLiteral("Pod"), QStringLiteral("PodSpec"), QStringLiteral("PodStatus"));
    schema.addType(QStringLiteral("WorkloadSpec"), {podTemplate});
    for (const char *kind : {"Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"})
        addKind(QLatin1String(kind), QStringLiteral("WorkloadSpec"), conditionStatus);
    schema.addType(QStringLiteral("JobTemplateSpec"),
                   {typed(QStringLiteral("metadata"), meta),
                    typed(QStringLiteral("spec"), QStringLiteral("WorkloadSpec"))});
    schema.addType(QStringLiteral("CronJobSpec"),
                   {typed(QStringLiteral("jobTemplate"), QStringLiteral("JobTemplateSpec"))});
    addKind(QStringLiteral("CronJob"), QStringLiteral("CronJobSpec"), QString());
    schema.addType(QStringLiteral("ServiceSpec"),
                   {mergeBy(QStringLiteral("ports"), QStringLiteral("port"))});
    addKind(QStringLiteral("Service"), QStringLiteral("ServiceSpec"), conditionStatus);
    addKind(QStringLiteral("ConfigMap"), QString(), QString());
    addKind(QStringLiteral("Secret"), QString(), QString());
    addKind(QStringLiteral("Namespace"), QString(), conditionStatus);
    addKind(QStringLiteral("Event"), QString(), QString());
    schema.addType(QStringLiteral("NodeSpec"), {mergeSet(QStringLiteral("podCIDRs"))});
    schema.addType(QStringLiteral("NodeStatus"),
                   {mergeBy(conditions, type), mergeBy(QStringLiteral("addresses"), type)});
    addKind(QStringLiteral("Node"), QStringLiteral("NodeSpec"), QStringLiteral("NodeStatus"));
    return schema;
}

} // namespace

void PatchSchema::addType(const QString &type, const QList<PatchField> &fields)
{
    QHash<QString, PatchField> &table = m_types[type];
    for (const PatchField &field : fields)
        table.insert(field.name, field);
}

PatchField PatchSchema::field(const QString &type, const QString &name) const
{
    const auto table = m_types.constFind(type);
    if (table == m_types.cend())
        return {name, Strategy::Default, QString(), QString()};
    return table->value(name, PatchField{name, Strategy::Default, QString(), QString()});
}

const PatchSchema &PatchSchema::kubernetes()
{
    static const PatchSchema schema = buildKubernetesSchema();
    return schema;
}

} // namespace core::sandbox
