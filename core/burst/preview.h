#pragma once

#include "core/burst/burststrategy.h"
#include "core/burst/ccinamespace.h"
#include "core/burst/hostpathreplacement.h"
#include "core/burst/imagereplacement.h"
#include "core/burst/podhelpers.h"
#include "core/burst/podresources.h"
#include "core/burst/resourcenormalizer.h"
#include "core/burst/scheduleprofile.h"
#include "core/common/diagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace core::burst {

struct PreviewScope
{
    QList<ScheduleProfile> profiles; // profiles in scope (all namespaces; association filters)
    QList<QJsonObject> services;     // Services in scope, for the cross-cluster checks
    bool networkInterconnect = true; // the virtual-kubelet "network interconnection" option
    int logPolicies = 0;             // log policies that collect from the pods
    // CCI namespace flavours by namespace name (the Namespaces of the input, or of a cluster):
    // a GPU pod in a general-computing namespace is refused. Unlisted namespaces are unknown.
    QHash<QString, NamespaceFlavor> namespaceFlavors;
};

struct ContainerPreview
{
    QString name;
    bool init = false;
    QString path;      // "spec.template.spec.containers[0]"
    QString cpuBefore; // SPEC 3.1 value (limit, else request), canonical; "" when unset
    QString memoryBefore;
    QString cpu; // what CCI sets as request and limit; "" when unset
    QString memory;
    QString imageBefore;
    QString image;
    bool changed = false; // resources or image differ
    QStringList reasons;  // translated normalization reasons
};

struct PreviewResult
{
    QString kind;
    QString apiVersion;
    QString nameSpace;
    QString name;
    StrategyResolution strategy;
    std::optional<ScheduleProfile> profile;
    bool bursts = false;     // the effective strategy can send pods to CCI
    bool admissible = false; // CCI would accept the pod (after normalization)
    bool normalized = false; // auto-normalization changed a value
    PodTotals podBefore;
    PodTotals podAfter;
    QList<ContainerPreview> containers;
    QJsonObject originalPod; // the pod as the workload creates it on CCE
    QJsonObject cciPod;      // the pod CCI runs
    Diagnostics diagnostics; // paths relative to the workload object
    QList<DownwardEnv> downwardEnv; // guide 3.2: fieldRef env vars, resolved where known
    int gpus = 0;            // nvidia.com/gpu* the pod asks for (chapter 4)
    // A Namespace or Network (guide 2.4): no pod, only its kind, names and diagnostics (lintObject).
    bool lintOnly = false;
};

// The one preview engine used by the console, burstctl and the sandbox admission: effective
// strategy and profile, image and hostPath replacement, resource normalization and the CCI shape
// checks. When the strategy never sends the pod to CCI (off / none), CCI findings are reported as
// info (decided) and `admissible` still says whether CCI would take it.
PreviewResult preview(const kube::Workload &workload, const PreviewScope &scope);

} // namespace core::burst

namespace core::burst {

// Previews every pod-bearing object of `objects` in order, and lints every Namespace and CCI
// Network among them (lintObject). ScheduleProfiles, Services and the Namespaces' flavours join
// `scope`. Problems found while reading a workload (labels that are not strings, a missing
// template) come first in its diagnostics.
QList<PreviewResult> previewObjects(const QList<QJsonObject> &objects, PreviewScope scope);

// A v1 Namespace (its CCI flavour) or a networking.cci.io/v1beta1 Network (guide 2.4) as a
// lint-only result; nullopt for any other object.
std::optional<PreviewResult> lintObject(const QJsonObject &object);
// The flavours of the Namespaces among `objects` join `scope` (an input's own win).
void addNamespaceFlavors(PreviewScope &scope, const QList<QJsonObject> &objects);

} // namespace core::burst

namespace core::burst {

// The decided rules: what the engine does where the CCI guide is silent, one translated sentence
// each, in the order of docs/burst-rules.md#decided-rules. The one list behind
// `burstctl preview --help` and the console's Help > Decided Rules.
QStringList decidedRules();

} // namespace core::burst
