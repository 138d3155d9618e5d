#include "core/sandbox/cluster/preloadedpods.h"

#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/cluster/podstatus.h"
#include "core/sandbox/store/objectstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace core::sandbox {

namespace {

constexpr int kDeployments = 50;
constexpr int kNamespaces = 3;
constexpr int kGroups = kDeployments * kNamespaces; // slot % 150 picks namespace and Deployment
// uid, creationTimestamp, resourceVersion and generation, which the store adds on create.
constexpr int kServerFieldBytes = 130;

const QString kApp = QStringLiteral("app");

QString appOf(int slot)
{
    return QStringLiteral("load-%1").arg(slot % kDeployments);
}

// "load-K-<pod-template-hash>" of the group of `slot`, computed once per group.
QString replicaSetOf(int slot)
{
    static const QStringList names = [] {
        QStringList all;
        for (int group = 0; group < kGroups; ++group) {
            const QString hash = templateHash(
                QJsonObject{{kApp, appOf(group)},
                            {QStringLiteral("ns"), PreloadedPods::namespaceOf(group)}});
            all << QString(appOf(group) + u'-' + hash);
        }
        return all;
    }();
    return names.at(slot % kGroups);
}

// The alphabet of rand.SafeEncodeString (generateName suffixes, pod-template-hash).
QString safeSuffix(quint64 value)
{
    static const QString alphabet = QStringLiteral("bcdfghjklmnpqrstvwxz2456789");
    constexpr quint64 kSpace = 27ull * 27 * 27 * 27 * 27;
    // A bijection of [0, 27^5) (7919 is prime to 27), so neighbouring slots do not look alike.
    quint64 v = (value * 7919 + 12345) % kSpace;
    QString suffix(5, u'b');
    for (int i = 4; i >= 0; --i, v /= 27)
        suffix[i] = alphabet.at(qsizetype(v % 27));
    return suffix;
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonObject envFromField(const QString &name, const QString &path)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("valueFrom"),
             QJsonObject{{QStringLiteral("fieldRef"),
                          QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                      {QStringLiteral("fieldPath"), path}}}}}};
}

QJsonObject envValue(const QString &name, const QString &value)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
}

QJsonArray baseEnv(const QString &app, const QString &ns)
{
    return {envValue(QStringLiteral("APP_NAME"), app),
            envValue(QStringLiteral("APP_ENV"), QStringLiteral("production")),
            envValue(QStringLiteral("LOG_LEVEL"), QStringLiteral("info")),
            envValue(QStringLiteral("HTTP_PORT"), QStringLiteral("8080")),
            envValue(QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT"),
                     QStringLiteral("http://otel-collector.monitoring.svc.cluster.local:4317")),
            envValue(QStringLiteral("OTEL_SERVICE_NAME"), QString(app + u'.' + ns)),
            envFromField(QStringLiteral("POD_NAME"), QStringLiteral("metadata.name")),
            envFromField(QStringLiteral("POD_NAMESPACE"), QStringLiteral("metadata.namespace")),
            envFromField(QStringLiteral("POD_IP"), QStringLiteral("status.podIP")),
            envFromField(QStringLiteral("NODE_NAME"), QStringLiteral("spec.nodeName"))};
}

// The projected volume the ServiceAccount admission plugin adds (BoundServiceAccountTokenVolume).
QJsonObject serviceAccountVolume(const QString &name)
{
    const QJsonObject caItem{{QStringLiteral("key"), QStringLiteral("ca.crt")},
                             {QStringLiteral("path"), QStringLiteral("ca.crt")}};
    const QJsonObject namespaceItem{
        {QStringLiteral("path"), QStringLiteral("namespace")},
        {QStringLiteral("fieldRef"),
         QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                     {QStringLiteral("fieldPath"), QStringLiteral("metadata.namespace")}}}};
    const QJsonArray sources{
        QJsonObject{{QStringLiteral("serviceAccountToken"),
                     QJsonObject{{QStringLiteral("expirationSeconds"), 3607},
                                 {QStringLiteral("path"), QStringLiteral("token")}}}},
        QJsonObject{{QStringLiteral("configMap"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("kube-root-ca.crt")},
                                 {QStringLiteral("items"), QJsonArray{caItem}}}}},
        QJsonObject{{QStringLiteral("downwardAPI"),
                     QJsonObject{{QStringLiteral("items"), QJsonArray{namespaceItem}}}}}};
    return {{QStringLiteral("name"), name},
            {QStringLiteral("projected"),
             QJsonObject{{QStringLiteral("defaultMode"), 420}, {QStringLiteral("sources"), sources}}}};
}

QJsonObject toleration(const QString &key)
{
    return {{QStringLiteral("key"), key},
            {QStringLiteral("operator"), QStringLiteral("Exists")},
            {QStringLiteral("effect"), QStringLiteral("NoExecute")},
            {QStringLiteral("tolerationSeconds"), 300}};
}

QJsonObject condition(const QString &type, const QString &time)
{
    return {{QStringLiteral("type"), type},
            {QStringLiteral("status"), QStringLiteral("True")},
            {QStringLiteral("lastProbeTime"), QJsonValue::Null},
            {QStringLiteral("lastTransitionTime"), time}};
}

QString imageOf(int deployment)
{
    static const QStringList images{QStringLiteral("nginx:1.25.3"),
                                    QStringLiteral("redis:7.2.4"),
                                    QStringLiteral("ghcr.io/acme/payments-api:v2.14.1"),
                                    QStringLiteral("registry.k8s.io/pause:3.9"),
                                    QStringLiteral("quay.io/prometheus/node-exporter:v1.7.0")};
    return images.at(deployment % images.size());
}

} // namespace

struct PreloadedPods::Group
{
    QString ns, app, replicaSet;
    QJsonObject labels, annotations;
    QJsonArray ownerReferences, tolerations;
    QJsonObject spec;      // without nodeName, volumes and the container's volumeMounts
    QJsonObject container; // without volumeMounts
    QJsonObject status;    // without the addresses and containerStatuses
    QJsonObject containerStatus; // without containerID
};

PreloadedPods::PreloadedPods(const PreloadOptions &options, const QDateTime &started)
    : m_options(options), m_started(started)
{
}

PreloadedPods::~PreloadedPods() = default;

QString PreloadedPods::namespaceOf(int slot)
{
    static const QString names[kNamespaces] = {QStringLiteral("default"),
                                               QStringLiteral("payments"),
                                               QStringLiteral("kube-system")};
    return names[slot % kNamespaces];
}

QString PreloadedPods::nameOf(int slot)
{
    return QString(replicaSetOf(slot) + u'-' + safeSuffix(quint64(slot)));
}

PreloadedPods::Group &PreloadedPods::group(int slot)
{
    const int key = slot % kGroups;
    if (const auto found = m_groups.constFind(key); found != m_groups.cend())
        return **found;
    auto g = std::make_shared<Group>();
    const int deployment = slot % kDeployments;
    g->ns = namespaceOf(slot);
    g->app = appOf(slot);
    g->replicaSet = replicaSetOf(slot);
    g->labels = {{kApp, g->app},
                 {QStringLiteral("pod-template-hash"), g->replicaSet.section(u'-', 2)}};
    g->annotations = {{QStringLiteral("prometheus.io/scrape"), QStringLiteral("true")},
                      {QStringLiteral("prometheus.io/port"), QStringLiteral("8080")}};
    const QUuid ownerUid = QUuid::createUuidV5(QUuid(), QString(g->ns + u'/' + g->replicaSet));
    g->ownerReferences = {QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                      {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                      {QStringLiteral("name"), g->replicaSet},
                                      {QStringLiteral("uid"),
                                       ownerUid.toString(QUuid::WithoutBraces)},
                                      {QStringLiteral("controller"), true},
                                      {QStringLiteral("blockOwnerDeletion"), true}}};
    const QString image = imageOf(deployment);
    g->container = {
        {QStringLiteral("name"), kApp},
        {QStringLiteral("image"), image},
        {QStringLiteral("imagePullPolicy"), QStringLiteral("IfNotPresent")},
        {QStringLiteral("ports"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                {QStringLiteral("containerPort"), 8080},
                                {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
        {QStringLiteral("env"), baseEnv(g->app, g->ns)},
        {QStringLiteral("resources"),
         QJsonObject{{QStringLiteral("requests"),
                      QJsonObject{{QStringLiteral("cpu"), QStringLiteral("10m")},
                                  {QStringLiteral("memory"), QStringLiteral("16Mi")}}},
                     {QStringLiteral("limits"),
                      QJsonObject{{QStringLiteral("cpu"), QStringLiteral("500m")},
                                  {QStringLiteral("memory"), QStringLiteral("256Mi")}}}}},
        {QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log")},
        {QStringLiteral("terminationMessagePolicy"), QStringLiteral("File")}};
    g->spec = {
        {QStringLiteral("restartPolicy"), QStringLiteral("Always")},
        {QStringLiteral("terminationGracePeriodSeconds"), 30},
        {QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst")},
        {QStringLiteral("serviceAccountName"), QStringLiteral("default")},
        {QStringLiteral("serviceAccount"), QStringLiteral("default")},
        {QStringLiteral("securityContext"), QJsonObject()},
        {QStringLiteral("schedulerName"), QStringLiteral("default-scheduler")},
        {QStringLiteral("tolerations"),
         QJsonArray{toleration(QStringLiteral("node.kubernetes.io/not-ready")),
                    toleration(QStringLiteral("node.kubernetes.io/unreachable"))}},
        {QStringLiteral("priority"), 0},
        {QStringLiteral("enableServiceLinks"), true},
        {QStringLiteral("preemptionPolicy"), QStringLiteral("PreemptLowerPriority")}};
    const QString time = timestamp(m_started);
    g->status = {
        {QStringLiteral("phase"), QStringLiteral("Running")},
        {QStringLiteral("conditions"),
         QJsonArray{condition(QStringLiteral("PodReadyToStartContainers"), time),
                    condition(QStringLiteral("Initialized"), time),
                    condition(QStringLiteral("Ready"), time),
                    condition(QStringLiteral("ContainersReady"), time),
                    condition(QStringLiteral("PodScheduled"), time)}},
        {QStringLiteral("qosClass"), QStringLiteral("Burstable")},
        {QStringLiteral("startTime"), time}};
    g->containerStatus = {
        {QStringLiteral("name"), kApp},
        {QStringLiteral("image"), image.contains(u'/') ? image : QString(QStringLiteral("docker.io/library/") + image)},
        {QStringLiteral("imageID"), imageIdOf(image)},
        {QStringLiteral("lastState"), QJsonObject()},
        {QStringLiteral("ready"), true},
        {QStringLiteral("restartCount"), 0},
        {QStringLiteral("started"), true},
        {QStringLiteral("state"),
         QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), time}}}}}};
    m_groups.insert(key, g);

    // Pad the container's environment until a pod of this group is as large as asked.
    const qsizetype base = QJsonDocument(pod(slot)).toJson(QJsonDocument::Compact).size();
    qsizetype missing = m_options.podSize - kServerFieldBytes - base;
    QJsonArray env = g->container.value(u"env").toArray();
    constexpr qsizetype kEntryOverhead = 40; // {"name":"FEATURE_CONFIG_00","value":""},
    for (int i = 0; missing > kEntryOverhead; ++i) {
        const qsizetype length = std::min<qsizetype>(160, missing - kEntryOverhead);
        QString value = QStringLiteral("tenant=%1;region=eu-west-%2;shard=%3;flags=")
                            .arg(g->ns)
                            .arg(i % 3 + 1)
                            .arg(deployment * 10 + i);
        while (value.size() < length)
            value += QStringLiteral("rollout-canary,cache-warmup,audit-log,");
        value.truncate(length);
        env.append(envValue(QStringLiteral("FEATURE_CONFIG_%1").arg(i, 2, 10, QChar(u'0')), value));
        missing -= length + kEntryOverhead;
    }
    g->container.insert(QStringLiteral("env"), env);
    return *g;
}

QJsonObject PreloadedPods::pod(int slot, bool generated)
{
    const Group &g = group(slot);
    const QString node = QStringLiteral("idc-node-%1").arg(slot % 3 + 1);
    const QString name = QString(g.replicaSet + u'-' + safeSuffix(quint64(slot)));
    QJsonObject meta{{QStringLiteral("generateName"), QString(g.replicaSet + u'-')},
                     {QStringLiteral("namespace"), g.ns},
                     {QStringLiteral("labels"), g.labels},
                     {QStringLiteral("annotations"), g.annotations},
                     {QStringLiteral("ownerReferences"), g.ownerReferences}};
    if (!generated)
        meta.insert(QStringLiteral("name"), name);
    const QString volume = QString(QStringLiteral("kube-api-access-") + safeSuffix(quint64(slot) * 31 + 7));
    QJsonObject container = g.container;
    container.insert(
        QStringLiteral("volumeMounts"),
        QJsonArray{QJsonObject{
            {QStringLiteral("name"), volume},
            {QStringLiteral("readOnly"), true},
            {QStringLiteral("mountPath"),
             QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount")}}});
    QJsonObject spec = g.spec;
    spec.insert(QStringLiteral("nodeName"), node);
    spec.insert(QStringLiteral("volumes"), QJsonArray{serviceAccountVolume(volume)});
    spec.insert(QStringLiteral("containers"), QJsonArray{container});

    // Per node as the kubelet numbers them (192.168.0.10 + node ordinal), pods in 172.16.0.0/12.
    const QString hostIp = QStringLiteral("192.168.0.%1").arg(10 + slot % 3);
    const QString podIp = QStringLiteral("172.%1.%2.%3")
                              .arg(16 + slot / 64000 % 16)
                              .arg(slot / 250 % 256)
                              .arg(slot % 250 + 2);
    QJsonObject containerStatus = g.containerStatus;
    containerStatus.insert(QStringLiteral("containerID"),
                           QString(QStringLiteral("containerd://") + sha256Hex(g.ns + u'/' + name)));
    QJsonObject status = g.status;
    status.insert(QStringLiteral("hostIP"), hostIp);
    status.insert(QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}});
    status.insert(QStringLiteral("podIP"), podIp);
    status.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), podIp}}});
    status.insert(QStringLiteral("containerStatuses"), QJsonArray{containerStatus});
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"), status}};
}

void preloadPods(ObjectStore &store, const PreloadOptions &options)
{
    PreloadedPods pods(options, QDateTime::currentDateTimeUtc());
    const ResourceType &type = podsType();
    for (int slot = 0; slot < options.count; ++slot)
        store.create(type, PreloadedPods::namespaceOf(slot), pods.pod(slot));
}

void preloadPods(ObjectStore &store, int count)
{
    preloadPods(store, PreloadOptions{count});
}

QJsonObject restartedPodStatus(const QJsonObject &pod, const QDateTime &now)
{
    const QString time = timestamp(now);
    QJsonObject status = pod.value(u"status").toObject();
    QJsonArray statuses = status.value(u"containerStatuses").toArray();
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        QJsonObject container = statuses.at(i).toObject();
        const int restarts = container.value(u"restartCount").toInt() + 1;
        const QJsonObject running =
            container.value(u"state").toObject().value(u"running").toObject();
        container.insert(
            QStringLiteral("lastState"),
            QJsonObject{{QStringLiteral("terminated"),
                         QJsonObject{{QStringLiteral("exitCode"), 137},
                                     {QStringLiteral("reason"), QStringLiteral("OOMKilled")},
                                     {QStringLiteral("startedAt"), running.value(u"startedAt")},
                                     {QStringLiteral("finishedAt"), time},
                                     {QStringLiteral("containerID"),
                                      container.value(u"containerID")}}}});
        container.insert(QStringLiteral("restartCount"), restarts);
        container.insert(QStringLiteral("containerID"),
                         QString(QStringLiteral("containerd://") +
                                 sha256Hex(QStringLiteral("%1/%2").arg(uidOf(pod)).arg(restarts))));
        container.insert(
            QStringLiteral("state"),
            QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), time}}}});
        statuses[i] = container;
    }
    status.insert(QStringLiteral("containerStatuses"), statuses);
    // The container was not ready for a moment: Ready and ContainersReady transitioned.
    QJsonArray conditions = status.value(u"conditions").toArray();
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        QJsonObject c = conditions.at(i).toObject();
        const QString type = c.value(u"type").toString();
        if (type == u"Ready" || type == u"ContainersReady") {
            c.insert(QStringLiteral("lastTransitionTime"), time);
            conditions[i] = c;
        }
    }
    status.insert(QStringLiteral("conditions"), conditions);
    return status;
}

} // namespace core::sandbox
