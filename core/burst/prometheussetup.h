#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The objects of the CCI guide's "monitor CCI pods with Prometheus" (3.5) for one namespace:
// the kubeconfig Prometheus uses to reach CCI, prometheus-config (prometheus.yml with pod
// discovery and the relabelling of annotated pods), and the Deployment mounting both.
//
// Decided where the guide differs: the kubeconfig goes into a Secret, not a ConfigMap, because
// it holds a credential (a ConfigMap is readable by anyone who may read the namespace's
// configuration and is shown in plain text by every tool); it is mounted read-only with mode 0400.
// The guide's prometheus.yml nests relabel_configs under kubernetes_sd_configs and splits rules
// from their source_labels; the generated one puts them where Prometheus reads them.
namespace core::burst {

struct PrometheusSetup
{
    QString nameSpace;               // where Prometheus runs
    QStringList monitoredNamespaces; // empty: nameSpace only
    QString kubeconfigSecret = QStringLiteral("prometheus-kubeconfig");
    QString kubeconfig; // empty: placeholderKubeconfig()
    QString image = QStringLiteral("prom/prometheus:v2.53.0");
    QString retention = QStringLiteral("12h");
};

// The text put into the Secret when no kubeconfig is given: not YAML Prometheus can use, so a
// forgotten replacement fails at once instead of reaching the wrong cluster.
QString placeholderKubeconfig();

// prometheus.yml for `setup`, as YAML text.
QByteArray prometheusConfig(const PrometheusSetup &setup);

// Secret, ConfigMap prometheus-config and Deployment prometheus, in that order. Errors
// ("prometheus.namespace", "prometheus.secretName") for names Kubernetes would refuse.
Result<QList<QJsonObject>> prometheusObjects(const PrometheusSetup &setup);

} // namespace core::burst
