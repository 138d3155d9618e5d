#include "core/sandbox/apiserver/apidefaults.h"

#include <QJsonArray>

namespace core::sandbox {

namespace {

void setIfAbsent(QJsonObject &o, const QString &key, const QJsonValue &value)
{
    if (!o.contains(key) || o.value(key).isNull())
        o.insert(key, value);
}

QString imagePullPolicy(const QString &image)
{
    // parsers.ParseImageName: no tag and no digest reads as "latest"; a digest alone has no tag.
    const QString name = image.section(u'@', 0, 0);
    const qsizetype slash = name.lastIndexOf(u'/');
    const qsizetype colon = name.lastIndexOf(u':');
    const bool tagged = colon > slash;
    const QString tag = tagged ? name.mid(colon + 1) : QString();
    const bool latest = tag == u"latest" || (!tagged && !image.contains(u'@'));
    return latest ? QStringLiteral("Always") : QStringLiteral("IfNotPresent");
}

QJsonObject withProbeDefaults(QJsonObject probe)
{
    setIfAbsent(probe, QStringLiteral("timeoutSeconds"), 1);
    setIfAbsent(probe, QStringLiteral("periodSeconds"), 10);
    setIfAbsent(probe, QStringLiteral("successThreshold"), 1);
    setIfAbsent(probe, QStringLiteral("failureThreshold"), 3);
    if (probe.contains(u"httpGet")) {
        QJsonObject get = probe.value(u"httpGet").toObject();
        setIfAbsent(get, QStringLiteral("path"), QStringLiteral("/"));
        setIfAbsent(get, QStringLiteral("scheme"), QStringLiteral("HTTP"));
        probe.insert(QStringLiteral("httpGet"), get);
    }
    return probe;
}

QJsonArray withPortDefaults(const QJsonArray &ports)
{
    QJsonArray out;
    for (const QJsonValue &value : ports) {
        QJsonObject port = value.toObject();
        setIfAbsent(port, QStringLiteral("protocol"), QStringLiteral("TCP"));
        out.append(port);
    }
    return out;
}

QJsonObject withContainerDefaults(QJsonObject c)
{
    setIfAbsent(c, QStringLiteral("terminationMessagePath"),
                QStringLiteral("/dev/termination-log"));
    setIfAbsent(c, QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
    setIfAbsent(c, QStringLiteral("imagePullPolicy"),
                imagePullPolicy(c.value(u"image").toString()));
    setIfAbsent(c, QStringLiteral("resources"), QJsonObject{});
    if (c.contains(u"ports"))
        c.insert(QStringLiteral("ports"), withPortDefaults(c.value(u"ports").toArray()));
    for (const QString &key : {QStringLiteral("livenessProbe"), QStringLiteral("readinessProbe"),
                               QStringLiteral("startupProbe")}) {
        if (c.value(key).isObject())
            c.insert(key, withProbeDefaults(c.value(key).toObject()));
    }
    return c;
}

// SetDefaults_Pod: a resource with a limit and no request is requested at its limit.
QJsonObject withRequestsFromLimits(QJsonObject c)
{
    QJsonObject resources = c.value(u"resources").toObject();
    const QJsonObject limits = resources.value(u"limits").toObject();
    if (limits.isEmpty())
        return c;
    QJsonObject requests = resources.value(u"requests").toObject();
    for (auto it = limits.begin(); it != limits.end(); ++it)
        setIfAbsent(requests, it.key(), it.value());
    resources.insert(QStringLiteral("requests"), requests);
    c.insert(QStringLiteral("resources"), resources);
    return c;
}

QJsonObject mapContainers(QJsonObject spec, QJsonObject (*fn)(QJsonObject))
{
    for (const QString &key : {QStringLiteral("initContainers"), QStringLiteral("containers")}) {
        if (!spec.value(key).isArray())
            continue;
        QJsonArray out;
        for (const QJsonValue &value : spec.value(key).toArray())
            out.append(fn(value.toObject()));
        spec.insert(key, out);
    }
    return spec;
}

QJsonObject withPodDefaults(QJsonObject pod)
{
    QJsonObject spec = withPodSpecDefaults(pod.value(u"spec").toObject());
    spec = mapContainers(spec, withRequestsFromLimits);
    setIfAbsent(spec, QStringLiteral("enableServiceLinks"), true);
    // The Priority admission plugin: no priorityClassName and no global default class.
    if (spec.value(u"priorityClassName").toString().isEmpty()) {
        setIfAbsent(spec, QStringLiteral("priority"), 0);
        setIfAbsent(spec, QStringLiteral("preemptionPolicy"),
                    QStringLiteral("PreemptLowerPriority"));
    }
    pod.insert(QStringLiteral("spec"), spec);
    return pod;
}

QJsonObject withTemplateDefaults(QJsonObject spec)
{
    if (!spec.value(u"template").isObject())
        return spec;
    QJsonObject podTemplate = spec.value(u"template").toObject();
    podTemplate.insert(QStringLiteral("spec"),
                       withPodSpecDefaults(podTemplate.value(u"spec").toObject()));
    spec.insert(QStringLiteral("template"), podTemplate);
    return spec;
}

QJsonObject withDeploymentDefaults(QJsonObject spec)
{
    setIfAbsent(spec, QStringLiteral("replicas"), 1);
    QJsonObject strategy = spec.value(u"strategy").toObject();
    setIfAbsent(strategy, QStringLiteral("type"), QStringLiteral("RollingUpdate"));
    if (strategy.value(u"type").toString() == u"RollingUpdate") {
        QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
        setIfAbsent(rolling, QStringLiteral("maxUnavailable"), QStringLiteral("25%"));
        setIfAbsent(rolling, QStringLiteral("maxSurge"), QStringLiteral("25%"));
        strategy.insert(QStringLiteral("rollingUpdate"), rolling);
    }
    spec.insert(QStringLiteral("strategy"), strategy);
    setIfAbsent(spec, QStringLiteral("revisionHistoryLimit"), 10);
    setIfAbsent(spec, QStringLiteral("progressDeadlineSeconds"), 600);
    return withTemplateDefaults(spec);
}

QJsonObject withStatefulSetDefaults(QJsonObject spec)
{
    setIfAbsent(spec, QStringLiteral("podManagementPolicy"), QStringLiteral("OrderedReady"));
    QJsonObject strategy = spec.value(u"updateStrategy").toObject();
    if (strategy.value(u"type").toString().isEmpty()) {
        strategy.insert(QStringLiteral("type"), QStringLiteral("RollingUpdate"));
        setIfAbsent(strategy, QStringLiteral("rollingUpdate"), QJsonObject{});
    }
    // An explicit RollingUpdate without rollingUpdate gets no partition, as in defaults.go.
    if (strategy.value(u"type").toString() == u"RollingUpdate" &&
        strategy.value(u"rollingUpdate").isObject()) {
        QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
        setIfAbsent(rolling, QStringLiteral("partition"), 0);
        strategy.insert(QStringLiteral("rollingUpdate"), rolling);
    }
    spec.insert(QStringLiteral("updateStrategy"), strategy);
    QJsonObject retention = spec.value(u"persistentVolumeClaimRetentionPolicy").toObject();
    setIfAbsent(retention, QStringLiteral("whenDeleted"), QStringLiteral("Retain"));
    setIfAbsent(retention, QStringLiteral("whenScaled"), QStringLiteral("Retain"));
    spec.insert(QStringLiteral("persistentVolumeClaimRetentionPolicy"), retention);
    setIfAbsent(spec, QStringLiteral("replicas"), 1);
    setIfAbsent(spec, QStringLiteral("revisionHistoryLimit"), 10);
    return withTemplateDefaults(spec);
}

QJsonObject withJobDefaults(QJsonObject spec)
{
    if (!spec.contains(u"completions") && !spec.contains(u"parallelism"))
        spec.insert(QStringLiteral("completions"), 1);
    setIfAbsent(spec, QStringLiteral("parallelism"), 1);
    setIfAbsent(spec, QStringLiteral("backoffLimit"), 6);
    setIfAbsent(spec, QStringLiteral("completionMode"), QStringLiteral("NonIndexed"));
    setIfAbsent(spec, QStringLiteral("suspend"), false);
    // JobPodReplacementPolicy is on by default from 1.29, the version the sandbox reports is 1.30.
    setIfAbsent(spec, QStringLiteral("podReplacementPolicy"),
                spec.contains(u"podFailurePolicy") ? QStringLiteral("Failed")
                                                   : QStringLiteral("TerminatingOrFailed"));
    return withTemplateDefaults(spec);
}

QJsonObject withServiceDefaults(QJsonObject spec)
{
    setIfAbsent(spec, QStringLiteral("type"), QStringLiteral("ClusterIP"));
    setIfAbsent(spec, QStringLiteral("sessionAffinity"), QStringLiteral("None"));
    if (spec.value(u"sessionAffinity").toString() == u"ClientIP") {
        setIfAbsent(spec, QStringLiteral("sessionAffinityConfig"),
                    QJsonObject{{QStringLiteral("clientIP"),
                                 QJsonObject{{QStringLiteral("timeoutSeconds"), 10800}}}});
    }
    const QString type = spec.value(u"type").toString();
    if (type == u"NodePort" || type == u"LoadBalancer")
        setIfAbsent(spec, QStringLiteral("externalTrafficPolicy"), QStringLiteral("Cluster"));
    if (type != u"ExternalName")
        setIfAbsent(spec, QStringLiteral("internalTrafficPolicy"), QStringLiteral("Cluster"));
    if (type == u"LoadBalancer")
        setIfAbsent(spec, QStringLiteral("allocateLoadBalancerNodePorts"), true);
    QJsonArray ports;
    for (const QJsonValue &value : spec.value(u"ports").toArray()) {
        QJsonObject port = value.toObject();
        setIfAbsent(port, QStringLiteral("protocol"), QStringLiteral("TCP"));
        const QJsonValue target = port.value(u"targetPort");
        const bool unset = target.isUndefined() || target.isNull() ||
                           (target.isString() && target.toString().isEmpty()) ||
                           (target.isDouble() && target.toInt() == 0);
        if (unset)
            port.insert(QStringLiteral("targetPort"), port.value(u"port"));
        ports.append(port);
    }
    if (spec.contains(u"ports"))
        spec.insert(QStringLiteral("ports"), ports);
    return spec;
}

QJsonObject withSpec(QJsonObject object, QJsonObject (*fn)(QJsonObject))
{
    object.insert(QStringLiteral("spec"), fn(object.value(u"spec").toObject()));
    return object;
}

} // namespace

QJsonObject withPodSpecDefaults(const QJsonObject &podSpec)
{
    QJsonObject spec = mapContainers(podSpec, withContainerDefaults);
    setIfAbsent(spec, QStringLiteral("restartPolicy"), QStringLiteral("Always"));
    setIfAbsent(spec, QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst"));
    setIfAbsent(spec, QStringLiteral("schedulerName"), QStringLiteral("default-scheduler"));
    setIfAbsent(spec, QStringLiteral("terminationGracePeriodSeconds"), 30);
    setIfAbsent(spec, QStringLiteral("securityContext"), QJsonObject{});
    return spec;
}

QJsonObject withApiDefaults(const ResourceType &type, const QJsonObject &object)
{
    const QString group = type.group;
    const QString &r = type.resource;
    if (group.isEmpty() && r == u"pods")
        return withPodDefaults(object);
    if (group.isEmpty() && r == u"services")
        return withSpec(object, withServiceDefaults);
    if (group == u"apps" && r == u"deployments")
        return withSpec(object, withDeploymentDefaults);
    if (group == u"apps" && r == u"statefulsets")
        return withSpec(object, withStatefulSetDefaults);
    if (group == u"apps" && r == u"replicasets") {
        QJsonObject spec = object.value(u"spec").toObject();
        setIfAbsent(spec, QStringLiteral("replicas"), 1);
        QJsonObject out = object;
        out.insert(QStringLiteral("spec"), withTemplateDefaults(spec));
        return out;
    }
    if (group == u"batch" && r == u"jobs")
        return withSpec(object, withJobDefaults);
    return object;
}

QJsonObject withJobSelector(const QJsonObject &job)
{
    QJsonObject spec = job.value(u"spec").toObject();
    const QJsonObject meta = job.value(u"metadata").toObject();
    const QString uid = meta.value(u"uid").toString();
    const QString name = meta.value(u"name").toString();
    if (spec.value(u"manualSelector").toBool() || uid.isEmpty())
        return job;
    if (!spec.contains(u"selector")) {
        spec.insert(QStringLiteral("selector"),
                    QJsonObject{{QStringLiteral("matchLabels"),
                                 QJsonObject{{QStringLiteral("batch.kubernetes.io/controller-uid"),
                                              uid}}}});
    }
    QJsonObject podTemplate = spec.value(u"template").toObject();
    QJsonObject templateMeta = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = templateMeta.value(u"labels").toObject();
    setIfAbsent(labels, QStringLiteral("batch.kubernetes.io/controller-uid"), uid);
    setIfAbsent(labels, QStringLiteral("batch.kubernetes.io/job-name"), name);
    setIfAbsent(labels, QStringLiteral("controller-uid"), uid);
    setIfAbsent(labels, QStringLiteral("job-name"), name);
    templateMeta.insert(QStringLiteral("labels"), labels);
    podTemplate.insert(QStringLiteral("metadata"), templateMeta);
    spec.insert(QStringLiteral("template"), podTemplate);
    QJsonObject out = job;
    out.insert(QStringLiteral("spec"), spec);
    return out;
}

QString nextClusterIp(const QSet<QString> &used)
{
    const quint32 base = (10u << 24) | (96u << 16);
    // .0 is the network, .1 the kubernetes service, the last address the broadcast.
    for (quint32 offset = 2; offset < (1u << 20) - 1; ++offset) {
        const quint32 a = base + offset;
        const QString ip = QStringLiteral("%1.%2.%3.%4")
                               .arg(a >> 24)
                               .arg((a >> 16) & 0xff)
                               .arg((a >> 8) & 0xff)
                               .arg(a & 0xff);
        if (!used.contains(ip))
            return ip;
    }
    return {};
}

QJsonObject withClusterIp(const QJsonObject &service, const QString &ip)
{
    QJsonObject spec = service.value(u"spec").toObject();
    if (spec.value(u"type").toString() == u"ExternalName")
        return service;
    const QString asked = spec.value(u"clusterIP").toString();
    const QString chosen = asked.isEmpty() ? ip : asked;
    if (chosen.isEmpty())
        return service;
    spec.insert(QStringLiteral("clusterIP"), chosen);
    setIfAbsent(spec, QStringLiteral("clusterIPs"), QJsonArray{chosen});
    if (chosen != u"None") {
        setIfAbsent(spec, QStringLiteral("ipFamilies"), QJsonArray{QStringLiteral("IPv4")});
        setIfAbsent(spec, QStringLiteral("ipFamilyPolicy"), QStringLiteral("SingleStack"));
    }
    QJsonObject out = service;
    out.insert(QStringLiteral("spec"), spec);
    return out;
}

QJsonObject withStoredClusterIp(const QJsonObject &service, const QJsonObject &stored)
{
    const QJsonObject storedSpec = stored.value(u"spec").toObject();
    QJsonObject spec = service.value(u"spec").toObject();
    for (const QString &key : {QStringLiteral("clusterIP"), QStringLiteral("clusterIPs"),
                               QStringLiteral("ipFamilies"), QStringLiteral("ipFamilyPolicy")}) {
        const QJsonValue sent = spec.value(key);
        const bool unset =
            sent.isUndefined() || sent.isNull() || (sent.isString() && sent.toString().isEmpty());
        if (storedSpec.contains(key) && unset)
            spec.insert(key, storedSpec.value(key));
    }
    QJsonObject out = service;
    out.insert(QStringLiteral("spec"), spec);
    return out;
}

} // namespace core::sandbox
