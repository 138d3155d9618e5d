#include "core/burst/prometheussetup.h"

#include "core/burst/workloadtemplate.h"
#include "core/common/tr.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/labelselector.h"

#include <QJsonArray>

namespace core::burst {

namespace {

const QString kConfigMapName = QStringLiteral("prometheus-config");
const QString kKubeconfigMount = QStringLiteral("/etc/kube/");
const QString kKubeconfigFile = QStringLiteral("/etc/kube/kubeconfig");

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject rule(const QStringList &sources, const QString &action, const QString &regex,
                 const QString &target = {}, const QString &replacement = {})
{
    QJsonObject r;
    if (!sources.isEmpty())
        r.insert(QStringLiteral("source_labels"), strings(sources));
    r.insert(QStringLiteral("action"), action);
    if (!regex.isEmpty())
        r.insert(QStringLiteral("regex"), regex);
    if (!target.isEmpty())
        r.insert(QStringLiteral("target_label"), target);
    if (!replacement.isEmpty())
        r.insert(QStringLiteral("replacement"), replacement);
    return r;
}

QJsonObject podDiscovery(const QStringList &namespaces)
{
    return QJsonObject{{QStringLiteral("role"), QStringLiteral("pod")},
                       {QStringLiteral("kubeconfig_file"), kKubeconfigFile},
                       {QStringLiteral("namespaces"),
                        QJsonObject{{QStringLiteral("names"), strings(namespaces)}}}};
}

QJsonObject labels()
{
    return QJsonObject{
        {QStringLiteral("app.kubernetes.io/component"), QStringLiteral("prometheus")},
        {QStringLiteral("app.kubernetes.io/instance"), QStringLiteral("k8s")},
        {QStringLiteral("app.kubernetes.io/name"), QStringLiteral("prometheus")},
        {QStringLiteral("app.kubernetes.io/part-of"), QStringLiteral("kube-prometheus")}};
}

QJsonObject metadata(const QString &name, const QString &nameSpace, const QJsonObject &labels)
{
    QJsonObject m{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), nameSpace}};
    if (!labels.isEmpty())
        m.insert(QStringLiteral("labels"), labels);
    return m;
}

QJsonObject deployment(const PrometheusSetup &setup)
{
    const QJsonObject resources{{QStringLiteral("cpu"), QStringLiteral("500m")},
                                {QStringLiteral("memory"), QStringLiteral("1Gi")}};
    const QJsonObject container{
        {QStringLiteral("name"), QStringLiteral("prometheus")},
        {QStringLiteral("image"), setup.image},
        {QStringLiteral("args"),
         strings({QStringLiteral("--storage.tsdb.retention.time=") + setup.retention,
                  QStringLiteral("--config.file=/etc/prometheus/prometheus.yml"),
                  QStringLiteral("--storage.tsdb.path=/prometheus/")})},
        {QStringLiteral("ports"),
         QJsonArray{QJsonObject{{QStringLiteral("containerPort"), 9090},
                                {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
        {QStringLiteral("resources"), QJsonObject{{QStringLiteral("limits"), resources},
                                                  {QStringLiteral("requests"), resources}}},
        {QStringLiteral("volumeMounts"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), kConfigMapName},
                                {QStringLiteral("mountPath"), QStringLiteral("/etc/prometheus/")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("kubeconfig")},
                                {QStringLiteral("mountPath"), kKubeconfigMount},
                                {QStringLiteral("readOnly"), true}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("prometheus-storage")},
                                {QStringLiteral("mountPath"), QStringLiteral("/prometheus/")}}}}};
    const QJsonArray volumes{
        QJsonObject{
            {QStringLiteral("name"), kConfigMapName},
            {QStringLiteral("configMap"), QJsonObject{{QStringLiteral("name"), kConfigMapName},
                                                      {QStringLiteral("defaultMode"), 0644}}}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("kubeconfig")},
                    {QStringLiteral("secret"),
                     QJsonObject{{QStringLiteral("secretName"), setup.kubeconfigSecret},
                                 {QStringLiteral("defaultMode"), 0400}}}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("prometheus-storage")},
                    {QStringLiteral("emptyDir"),
                     QJsonObject{{QStringLiteral("medium"), QStringLiteral("LocalAuto")},
                                 {QStringLiteral("sizeLimit"), QStringLiteral("10Gi")}}}}};
    const QJsonObject spec{
        {QStringLiteral("replicas"), 1},
        {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels()}}},
        {QStringLiteral("template"),
         QJsonObject{
             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels()}}},
             {QStringLiteral("spec"),
              QJsonObject{{QStringLiteral("containers"), QJsonArray{container}},
                          {QStringLiteral("volumes"), volumes},
                          {QStringLiteral("terminationGracePeriodSeconds"), 30}}}}}};
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Deployment")},
                       {QStringLiteral("metadata"),
                        metadata(QStringLiteral("prometheus"), setup.nameSpace, labels())},
                       {QStringLiteral("spec"), spec}};
}

} // namespace

QString placeholderKubeconfig()
{
    return QStringLiteral("REPLACE-ME: the kubeconfig Prometheus uses to reach CCI (burstctl "
                          "prometheus --kubeconfig-file FILE, or kubectl create secret generic "
                          "NAME --from-file=kubeconfig=FILE)\n");
}

QByteArray prometheusConfig(const PrometheusSetup &setup)
{
    const QStringList namespaces = setup.monitoredNamespaces.isEmpty()
                                       ? QStringList{setup.nameSpace}
                                       : setup.monitoredNamespaces;
    // Custom metrics: pods annotated prometheus.io/scrape: "true", at prometheus.io/path
    // (default /metrics) and prometheus.io/port.
    const QJsonArray podRules{
        rule({QStringLiteral("__meta_kubernetes_pod_annotation_prometheus_io_scrape")},
             QStringLiteral("keep"), QStringLiteral("true")),
        rule({QStringLiteral("__meta_kubernetes_pod_annotation_prometheus_io_path")},
             QStringLiteral("replace"), QStringLiteral("(.+)"), QStringLiteral("__metrics_path__")),
        rule({QStringLiteral("__address__"),
              QStringLiteral("__meta_kubernetes_pod_annotation_prometheus_io_port")},
             QStringLiteral("replace"), QStringLiteral("([^:]+)(?::\\d+)?;(\\d+)"),
             QStringLiteral("__address__"), QStringLiteral("$1:$2")),
        rule({}, QStringLiteral("labelmap"), QStringLiteral("__meta_kubernetes_pod_label_(.+)")),
        rule({QStringLiteral("__meta_kubernetes_namespace")}, QStringLiteral("replace"), {},
             QStringLiteral("kubernetes_namespace")),
        rule({QStringLiteral("__meta_kubernetes_pod_name")}, QStringLiteral("replace"), {},
             QStringLiteral("kubernetes_pod_name"))};
    // CCI's basic pod metrics: every pod unless monitoring.cci.io/enable-pod-metrics is "false",
    // on port 19100 or monitoring.cci.io/metrics-port.
    const QJsonArray cciRules{
        rule({QStringLiteral(
                 "__meta_kubernetes_pod_annotation_monitoring_cci_io_enable_pod_metrics")},
             QStringLiteral("drop"), QStringLiteral("false")),
        rule({QStringLiteral("__meta_kubernetes_pod_ip")}, QStringLiteral("replace"),
             QStringLiteral("([^:]+)(?::\\d+)?"), QStringLiteral("__address__"),
             QStringLiteral("$1:19100")),
        rule({QStringLiteral("__meta_kubernetes_pod_ip"),
              QStringLiteral("__meta_kubernetes_pod_annotation_monitoring_cci_io_metrics_port")},
             QStringLiteral("replace"), QStringLiteral("([^:]+)(?::\\d+)?;(\\d+)"),
             QStringLiteral("__address__"), QStringLiteral("$1:$2"))};
    const QJsonObject config{
        {QStringLiteral("global"),
         QJsonObject{{QStringLiteral("scrape_interval"), QStringLiteral("15s")},
                     {QStringLiteral("evaluation_interval"), QStringLiteral("15s")}}},
        {QStringLiteral("scrape_configs"),
         QJsonArray{QJsonObject{{QStringLiteral("job_name"), QStringLiteral("kubernetes-pods")},
                                {QStringLiteral("kubernetes_sd_configs"),
                                 QJsonArray{podDiscovery(namespaces)}},
                                {QStringLiteral("relabel_configs"), podRules}},
                    QJsonObject{{QStringLiteral("job_name"), QStringLiteral("cci-monitor")},
                                {QStringLiteral("kubernetes_sd_configs"),
                                 QJsonArray{podDiscovery(namespaces)}},
                                {QStringLiteral("relabel_configs"), cciRules}}}}};
    return kube::jsonToYaml(config);
}

Result<QList<QJsonObject>> prometheusObjects(const PrometheusSetup &setup)
{
    if (!isDnsLabel(setup.nameSpace))
        return Error{QStringLiteral("prometheus.namespace"),
                     Tr::tr("namespace \"%1\" is not a DNS-1123 label").arg(setup.nameSpace),
                     Tr::tr("Give --namespace: lower-case letters, digits and '-'.")};
    for (const QString &ns : setup.monitoredNamespaces) {
        if (!isDnsLabel(ns))
            return Error{QStringLiteral("prometheus.namespace"),
                         Tr::tr("namespace \"%1\" is not a DNS-1123 label").arg(ns),
                         {}};
    }
    if (const QString why = kube::validateDns1123Subdomain(setup.kubeconfigSecret);
        setup.kubeconfigSecret.isEmpty() || !why.isEmpty())
        return Error{QStringLiteral("prometheus.secretName"),
                     Tr::tr("\"%1\" is not a Secret name: %2").arg(setup.kubeconfigSecret, why),
                     {}};
    const QJsonObject secret{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Secret")},
        {QStringLiteral("metadata"), metadata(setup.kubeconfigSecret, setup.nameSpace, {})},
        {QStringLiteral("type"), QStringLiteral("Opaque")},
        {QStringLiteral("stringData"),
         QJsonObject{{QStringLiteral("kubeconfig"),
                      setup.kubeconfig.isEmpty() ? placeholderKubeconfig() : setup.kubeconfig}}}};
    const QJsonObject configMap{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"),
         metadata(kConfigMapName, setup.nameSpace,
                  QJsonObject{{QStringLiteral("name"), kConfigMapName}})},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("prometheus.yml"),
                                              QString::fromUtf8(prometheusConfig(setup))}}}};
    return QList<QJsonObject>{secret, configMap, deployment(setup)};
}

} // namespace core::burst
