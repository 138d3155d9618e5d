#include "core/burst/resourcenormalizer.h"

#include "core/burst/ccigpu.h"

#include "core/common/tr.h"
#include "core/kube/quantity.h"

#include <algorithm>

namespace core::burst {

namespace {

using Wide = __int128;

constexpr qint64 kCpuStep = 250;
constexpr qint64 kMaxNormalizableCpu = 32000;
constexpr qint64 kMaxNormalizableMemory = 256 * kGi;

qint64 roundUp(qint64 value, qint64 step)
{
    return (value + step - 1) / step * step;
}

// memory(Gi) / cpu(cores) compared with `ratio`, exactly: memory*1000 vs ratio*cpu*Gi.
int compareRatio(const PodTotals &t, qint64 ratio)
{
    const Wide lhs = Wide(t.memoryBytes) * 1000;
    const Wide rhs = Wide(ratio) * t.cpuMilli * kGi;
    return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0);
}

bool cpuInRange(qint64 milli)
{
    return (milli >= 250 && milli <= 32000) || milli == 48000 || milli == 64000;
}

std::optional<qsizetype> firstCarrier(const QList<ContainerResources> &containers)
{
    for (qsizetype i = 0; i < containers.size(); ++i) {
        if (!containers.at(i).init && !containers.at(i).bestEffort())
            return i;
    }
    return std::nullopt;
}

ResourceChange &changeFor(QList<ResourceChange> &changes, qsizetype container,
                          const QString &resource, qint64 before)
{
    for (ResourceChange &c : changes) {
        if (c.container == container && c.resource == resource)
            return c;
    }
    changes.append(ResourceChange{container, resource, before, before, {}});
    return changes.last();
}

void applyStep1(NormalizationResult &r)
{
    for (qsizetype i = 0; i < r.after.size(); ++i) {
        ContainerResources &c = r.after[i];
        if (c.bestEffort())
            continue;
        const qint64 cpu = roundUp(c.cpuMilli, kCpuStep);
        if (cpu != c.cpuMilli) {
            ResourceChange &ch = changeFor(r.changes, i, QStringLiteral("cpu"), c.cpuMilli);
            ch.after = cpu;
            ch.reasons.append(NormalizationReason::CpuRoundedTo250m);
            c.cpuMilli = cpu;
            c.hasCpu = true;
        }
        if (c.memoryBytes < kMinMemoryBytes) {
            ResourceChange &ch = changeFor(r.changes, i, QStringLiteral("memory"), c.memoryBytes);
            ch.after = kMinMemoryBytes;
            ch.reasons.append(NormalizationReason::MemoryRaisedToMin);
            c.memoryBytes = kMinMemoryBytes;
            c.hasMemory = true;
        }
    }
}

// Raises the carrier so the pod value of `resource` reaches `target` (step 5).
void raiseCarrier(NormalizationResult &r, qsizetype carrier, bool cpu, qint64 target,
                  const QList<NormalizationReason> &reasons)
{
    qint64 appSum = 0;
    for (const ContainerResources &c : r.after) {
        if (!c.init)
            appSum += cpu ? c.cpuMilli : c.memoryBytes;
    }
    if (target <= appSum)
        return;
    ContainerResources &c = r.after[carrier];
    qint64 &value = cpu ? c.cpuMilli : c.memoryBytes;
    ResourceChange &ch = changeFor(r.changes, carrier,
                                   cpu ? QStringLiteral("cpu") : QStringLiteral("memory"), value);
    value += target - appSum;
    ch.after = value;
    for (NormalizationReason reason : reasons) {
        if (!ch.reasons.contains(reason))
            ch.reasons.append(reason);
    }
    (cpu ? c.hasCpu : c.hasMemory) = true;
}

} // namespace

QString reasonCode(NormalizationReason reason)
{
    switch (reason) {
    case NormalizationReason::CpuRoundedTo250m:
        return QStringLiteral("step1.cpuRounded");
    case NormalizationReason::MemoryRaisedToMin:
        return QStringLiteral("step1.memoryMin");
    case NormalizationReason::PodMemoryRoundedToGi:
        return QStringLiteral("step3.memoryWholeGi");
    case NormalizationReason::MemoryRaisedForRatio:
        return QStringLiteral("step4.memoryRatio");
    case NormalizationReason::CpuRaisedForRatio:
        return QStringLiteral("step4.cpuRatio");
    case NormalizationReason::RaisedToGpuSpec:
        return QStringLiteral("gpu.spec");
    }
    return {};
}

QString reasonText(NormalizationReason reason)
{
    switch (reason) {
    case NormalizationReason::CpuRoundedTo250m:
        return Tr::tr("step 1: cpu rounded up to a multiple of 250m");
    case NormalizationReason::MemoryRaisedToMin:
        return Tr::tr("step 1: memory raised to at least 0.2Gi");
    case NormalizationReason::PodMemoryRoundedToGi:
        return Tr::tr("step 3: pod memory rounded up to a whole Gi, added to the first container");
    case NormalizationReason::MemoryRaisedForRatio:
        return Tr::tr("step 4: memory raised to twice the cpu (memory:cpu at least 2)");
    case NormalizationReason::CpuRaisedForRatio:
        return Tr::tr("step 4: cpu raised to an eighth of the memory (memory:cpu at most 8)");
    case NormalizationReason::RaisedToGpuSpec:
        return Tr::tr("GPU pod: cpu and memory raised to the specification of its GPU count");
    }
    return {};
}

Diagnostics checkCciPodTotals(const PodTotals &t)
{
    Diagnostics out;
    const QString cpu = kube::formatCpuMilli(t.cpuMilli);
    const QString mem = kube::formatMemoryBytes(t.memoryBytes);
    if (t.cpuMilli <= 0) {
        out.append(makeError(QStringLiteral("resources.cpu.zero"), QString(),
                             Tr::tr("pod cpu must be greater than 0 (every container is "
                                    "BestEffort or asks for no cpu)"),
                             Tr::tr("Set resources.limits.cpu or requests.cpu on a container.")));
    } else if (!cpuInRange(t.cpuMilli)) {
        out.append(
            makeError(QStringLiteral("resources.cpu.range"), QString(),
                      Tr::tr("pod cpu %1 is outside 0.25-32 cores and is not 48 or 64").arg(cpu),
                      Tr::tr("Give the pod between 250m and 32 cpu, or exactly 48 or 64.")));
    } else if (t.cpuMilli % kCpuStep != 0) {
        // SPEC 3.3 does not list this rule, but its worked example 1100m / 3Gi -> 1250m / 3Gi
        // needs it, and CCI's pod specification requires cpu in steps of 0.25 cores (decided).
        out.append(makeError(QStringLiteral("resources.cpu.step"), QString(),
                             Tr::tr("pod cpu %1 is not a multiple of 250m").arg(cpu),
                             Tr::tr("Round the containers' cpu up so the pod total is a multiple "
                                    "of 0.25 cores.")));
    }
    if (t.memoryBytes < kGi || t.memoryBytes > 512 * kGi)
        out.append(makeError(QStringLiteral("resources.memory.range"), QString(),
                             Tr::tr("pod memory %1 is outside 1Gi-512Gi").arg(mem),
                             Tr::tr("Give the pod between 1Gi and 512Gi of memory.")));
    else if (t.memoryBytes % kGi != 0)
        out.append(makeError(QStringLiteral("resources.memory.wholeGi"), QString(),
                             Tr::tr("pod memory %1 is not a whole number of Gi").arg(mem),
                             Tr::tr("Round the memory of the containers up so the pod total is a "
                                    "multiple of 1Gi.")));
    if (t.cpuMilli > 0 && (compareRatio(t, 2) < 0 || compareRatio(t, 8) > 0))
        out.append(
            makeError(QStringLiteral("resources.ratio"), QString(),
                      Tr::tr("pod memory:cpu is %1 : %2, outside 2-8 Gi per core").arg(mem, cpu),
                      Tr::tr("Give the pod between 2Gi and 8Gi of memory per cpu core.")));
    return inArea(out, FieldArea::Resources);
}

namespace {

// Before any rule: the values as written, and whether a quantity was unreadable.
NormalizationResult unchanged(const QList<ContainerResources> &containers)
{
    NormalizationResult r;
    r.before = containers;
    r.after = containers;
    r.podBefore = podTotals(containers);
    r.podAfter = r.podBefore;
    r.invalidInput = std::any_of(containers.cbegin(), containers.cend(),
                                 [](const ContainerResources &c) { return c.invalid; });
    return r;
}

NormalizationResult normalize(const QList<ContainerResources> &containers)
{
    NormalizationResult r = unchanged(containers);
    if (r.invalidInput)
        return r;
    const Diagnostics initial = checkCciPodTotals(r.podBefore);
    r.validAsIs = initial.isEmpty();
    if (r.validAsIs) {
        r.admissible = true;
        return r;
    }
    if (r.podBefore.cpuMilli > kMaxNormalizableCpu ||
        r.podBefore.memoryBytes > kMaxNormalizableMemory) {
        r.diagnostics = initial;
        r.diagnostics.append(makeError(
            QStringLiteral("resources.tooLarge"), QString(),
            Tr::tr("pod %1 cpu / %2 memory is above 32 cores or 256Gi, so it is not "
                   "auto-normalized and CCI rejects it")
                .arg(kube::formatCpuMilli(r.podBefore.cpuMilli),
                     kube::formatMemoryBytes(r.podBefore.memoryBytes)),
            Tr::tr("Size the pod to a valid CCI shape yourself: 48 or 64 cores with 2-8Gi "
                   "per core, or at most 32 cores and 256Gi.")));
        return r;
    }
    r.attempted = true;
    applyStep1(r);
    PodTotals t = podTotals(r.after);
    if (t.cpuMilli > kMaxNormalizableCpu || t.memoryBytes > kMaxNormalizableMemory) {
        r.podAfter = t;
        r.diagnostics = checkCciPodTotals(t);
        r.diagnostics.append(makeError(
            QStringLiteral("resources.tooLarge"), QString(),
            Tr::tr("after step 1 the pod needs %1 cpu / %2 memory, above 32 cores or 256Gi; "
                   "normalization stops and CCI rejects the pod")
                .arg(kube::formatCpuMilli(t.cpuMilli), kube::formatMemoryBytes(t.memoryBytes))));
        return r;
    }
    PodTotals target = t;
    target.memoryBytes = roundUp(t.memoryBytes, kGi);
    QList<NormalizationReason> memReasons;
    QList<NormalizationReason> cpuReasons;
    if (target.memoryBytes != t.memoryBytes)
        memReasons.append(NormalizationReason::PodMemoryRoundedToGi);
    if (compareRatio(target, 2) < 0) {
        const qint64 cores2 = (2 * target.cpuMilli + 999) / 1000; // smallest whole Gi >= 2 x cpu
        target.memoryBytes = std::max(target.memoryBytes, cores2 * kGi);
        memReasons.append(NormalizationReason::MemoryRaisedForRatio);
    } else if (target.cpuMilli == 0 || compareRatio(target, 8) > 0) {
        const qint64 needed = qint64((Wide(target.memoryBytes) * 1000 + 8 * kGi - 1) / (8 * kGi));
        target.cpuMilli = roundUp(needed, kCpuStep);
        cpuReasons.append(NormalizationReason::CpuRaisedForRatio);
    }
    const auto carrier = firstCarrier(r.after);
    if ((target.cpuMilli > t.cpuMilli || target.memoryBytes > t.memoryBytes) && !carrier) {
        r.podAfter = t;
        r.diagnostics.append(
            makeError(QStringLiteral("resources.noCarrier"), QString(),
                      Tr::tr("the pod must grow to %1 cpu / %2 memory but every app container is "
                             "BestEffort, so no container can carry the increase")
                          .arg(kube::formatCpuMilli(target.cpuMilli),
                               kube::formatMemoryBytes(target.memoryBytes)),
                      Tr::tr("Give the first app container cpu and memory requests or limits.")));
        return r;
    }
    if (carrier && target.cpuMilli > t.cpuMilli)
        raiseCarrier(r, *carrier, true, target.cpuMilli, cpuReasons);
    if (carrier && target.memoryBytes > t.memoryBytes)
        raiseCarrier(r, *carrier, false, target.memoryBytes, memReasons);
    r.podAfter = podTotals(r.after);
    r.diagnostics = checkCciPodTotals(r.podAfter);
    r.admissible = r.diagnostics.isEmpty();
    if (r.admissible)
        r.diagnostics.append(makeInfo(
            QStringLiteral("resources.normalized"), QString(),
            Tr::tr("CCI auto-normalizes the pod from %1 cpu / %2 memory to %3 cpu / %4 memory")
                .arg(kube::formatCpuMilli(r.podBefore.cpuMilli),
                     kube::formatMemoryBytes(r.podBefore.memoryBytes),
                     kube::formatCpuMilli(r.podAfter.cpuMilli),
                     kube::formatMemoryBytes(r.podAfter.memoryBytes)),
            Tr::tr("Set these values yourself to make the pod's cost visible in the manifest.")));
    return r;
}

NormalizationResult normalizeGpu(const QList<ContainerResources> &containers, int gpus)
{
    NormalizationResult r = unchanged(containers);
    if (r.invalidInput)
        return r;
    const PodTotals spec = gpuSpecFor(gpus);
    const QString specText =
        Tr::tr("%n GPU(s) come with %1 cpu / %2 memory", nullptr, gpus)
            .arg(kube::formatCpuMilli(spec.cpuMilli), kube::formatMemoryBytes(spec.memoryBytes));
    r.validAsIs = r.podBefore == spec;
    r.admissible = r.validAsIs;
    if (r.validAsIs)
        return r;
    if (r.podBefore.cpuMilli > spec.cpuMilli || r.podBefore.memoryBytes > spec.memoryBytes) {
        r.diagnostics.append(makeError(
            QStringLiteral("gpu.shape"), QString(),
            Tr::tr("pod %1 cpu / %2 memory is larger than its GPU specification: %3")
                .arg(kube::formatCpuMilli(r.podBefore.cpuMilli),
                     kube::formatMemoryBytes(r.podBefore.memoryBytes), specText),
            Tr::tr("Ask for more GPUs, or lower the pod's cpu and memory to the specification.")));
        return r;
    }
    const auto carrier = firstCarrier(r.after);
    if (!carrier) {
        r.diagnostics.append(makeError(
            QStringLiteral("resources.noCarrier"), QString(),
            Tr::tr("the GPU pod must grow to its specification (%1) but every app container is "
                   "BestEffort, so no container can carry the increase")
                .arg(specText),
            Tr::tr("Give the first app container cpu and memory requests or limits.")));
        return r;
    }
    r.attempted = true;
    const QList<NormalizationReason> reasons = {NormalizationReason::RaisedToGpuSpec};
    raiseCarrier(r, *carrier, true, spec.cpuMilli, reasons);
    raiseCarrier(r, *carrier, false, spec.memoryBytes, reasons);
    r.podAfter = podTotals(r.after);
    r.admissible = r.podAfter == spec;
    r.diagnostics.append(makeInfo(
        QStringLiteral("resources.normalized"), QString(),
        Tr::tr("CCI raises the GPU pod from %1 cpu / %2 memory to its specification: %3")
            .arg(kube::formatCpuMilli(r.podBefore.cpuMilli),
                 kube::formatMemoryBytes(r.podBefore.memoryBytes), specText),
        Tr::tr("Set these values yourself to make the pod's cost visible in the manifest.")));
    return r;
}

} // namespace

NormalizationResult normalizeForCci(const QList<ContainerResources> &containers, int gpus)
{
    if (gpus <= 0 || !isGpuCountOffered(gpus))
        return normalizeForCci(containers);
    NormalizationResult r = normalizeGpu(containers, gpus);
    r.diagnostics = inArea(r.diagnostics, FieldArea::Resources);
    return r;
}

NormalizationResult normalizeForCci(const QList<ContainerResources> &containers)
{
    NormalizationResult r = normalize(containers);
    r.diagnostics = inArea(r.diagnostics, FieldArea::Resources);
    return r;
}

} // namespace core::burst
