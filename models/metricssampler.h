#pragma once

#include "core/kube/metricsample.h"
#include "models/objectref.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

namespace core::kube {
class ApiClient;
}

namespace models {

// CPU and memory of one pod or node from metrics.k8s.io, sampled every 15 seconds (the
// metrics-server's default resolution) while active, the last hour kept. Beside the samples it
// gives the lines to read them against: a pod's requests and limits (summed over its app
// containers, the largest init container counting when it is larger, as the scheduler does) and,
// for a burst pod, the size CCI bills; a node's allocatable.
class MetricsSampler : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 15000;
    static constexpr qint64 kKeepMs = 3'600'000;

    struct References
    {
        std::optional<core::kube::ResourceUsage> requests;
        std::optional<core::kube::ResourceUsage> limits; // per resource: every container has one
        std::optional<core::kube::ResourceUsage> billed; // burst pods: the size CCI bills
        std::optional<core::kube::ResourceUsage> allocatable; // nodes
        bool limitCpu = false;    // the limits' cpu is set on every container
        bool limitMemory = false; // the limits' memory is set on every container
    };

    explicit MetricsSampler(core::kube::ApiClient *client, QObject *parent = nullptr);

    // The object to sample: a pod or node (`object` its current copy, `virtualNodes` to tell a
    // burst pod); anything else clears. A new object starts a new series.
    void setTarget(const ObjectRef &target, const QJsonObject &object,
                   const QStringList &virtualNodes);
    // Samples now and every kIntervalMs while active (a visible chart).
    void setActive(bool active);
    bool isActive() const { return m_timer.isActive(); }
    bool supports() const { return m_kind != Kind::None; }

    const ObjectRef &target() const { return m_target; }
    const QList<core::kube::MetricsSample> &samples() const { return m_samples; }
    const References &references() const { return m_references; }
    // Why there is no new sample: metrics.k8s.io not served, the pod not running yet, an error.
    // Empty while samples arrive.
    QString problem() const { return m_problem; }

    // The lines for `object` as a pod or node (pure; for tests and the chart).
    static References podReferences(const QJsonObject &pod, const QStringList &virtualNodes);
    static References nodeReferences(const QJsonObject &node);

public slots:
    void sampleNow();

signals:
    void changed();

private:
    enum class Kind { None, Pod, Node };
    void add(const core::kube::MetricsSample &sample);
    void setProblem(const QString &problem);

    core::kube::ApiClient *m_client;
    QTimer m_timer;
    Kind m_kind = Kind::None;
    ObjectRef m_target;
    References m_references;
    QList<core::kube::MetricsSample> m_samples;
    QString m_problem;
    quint64 m_generation = 0; // answers for an earlier target are dropped
    bool m_inFlight = false;
};

} // namespace models
