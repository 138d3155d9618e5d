#include "core/burst/burststrategy.h"

#include "core/common/tr.h"

namespace core::burst {

QString strategyName(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Auto:
        return QStringLiteral("auto");
    case Strategy::LocalPrefer:
        return QStringLiteral("localPrefer");
    case Strategy::Enforce:
        return QStringLiteral("enforce");
    case Strategy::Off:
        return QStringLiteral("off");
    case Strategy::None:
        break;
    }
    return QStringLiteral("none");
}

QString sourceName(StrategySource source)
{
    switch (source) {
    case StrategySource::PodLabel:
        return QStringLiteral("podLabel");
    case StrategySource::WorkloadLabel:
        return QStringLiteral("workloadLabel");
    case StrategySource::Profile:
        return QStringLiteral("profile");
    case StrategySource::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<Strategy> parseStrategy(const QString &text)
{
    if (text == u"auto")
        return Strategy::Auto;
    if (text == u"localPrefer")
        return Strategy::LocalPrefer;
    if (text == u"enforce")
        return Strategy::Enforce;
    if (text == u"off")
        return Strategy::Off;
    return std::nullopt;
}

bool canBurst(Strategy strategy)
{
    return strategy == Strategy::Auto || strategy == Strategy::LocalPrefer ||
           strategy == Strategy::Enforce;
}

namespace {

QString labelPathOf(const QString &labelsPath, const QString &key)
{
    return labelsPath + QStringLiteral("[\"") + key + QStringLiteral("\"]");
}

// One label set's strategy and the key it came from ("" when none).
struct LabelValue
{
    std::optional<Strategy> value;
    QString key;
};

// Reads one burst label key; nullopt when absent or invalid (then diagnosed).
std::optional<Strategy> readKey(const kube::Labels &labels, const QString &key,
                                const QString &labelsPath, Diagnostics &diagnostics)
{
    const auto it = labels.constFind(key);
    if (it == labels.constEnd())
        return std::nullopt;
    if (auto s = parseStrategy(*it))
        return s;
    diagnostics.append(makeError(
        QStringLiteral("strategy.invalidValue"), labelPathOf(labelsPath, key),
        Tr::tr("\"%1\" is not a burst strategy; this label is ignored, not read as off").arg(*it),
        Tr::tr("Use one of auto, localPrefer, enforce or off (case-sensitive).")));
    return std::nullopt;
}

// Reads the burst label from one label set: the guide's key, else CCI 2.0's (decided); a valid
// pair that differs is flagged.
LabelValue labelStrategy(const kube::Labels &labels, const QString &labelsPath,
                         Diagnostics &diagnostics)
{
    const auto guide = readKey(labels, kBurstLabel, labelsPath, diagnostics);
    const auto cci2 = readKey(labels, kBurstLabelCci2, labelsPath, diagnostics);
    if (guide && cci2 && *guide != *cci2)
        diagnostics.append(makeWarning(
            QStringLiteral("strategy.labelConflict"), labelPathOf(labelsPath, kBurstLabelCci2),
            Tr::tr("%1 (%2) and %3 (%4) disagree; %1 is used").arg(
                kBurstLabel, strategyName(*guide), kBurstLabelCci2, strategyName(*cci2)),
            Tr::tr("Set both labels to the same value, or keep only one of them.")));
    if (guide)
        return {guide, kBurstLabel};
    if (cci2)
        return {cci2, kBurstLabelCci2};
    return {};
}

} // namespace

StrategyResolution resolveStrategy(const kube::Workload &workload,
                                   std::optional<Strategy> profileStrategy,
                                   const QString &profileName)
{
    StrategyResolution r;
    r.profile = profileName;
    const LabelValue pod =
        labelStrategy(workload.podLabels,
                      workload.isPod() ? QStringLiteral("metadata.labels")
                                       : workload.templatePath + QStringLiteral(".metadata.labels"),
                      r.diagnostics);
    LabelValue own;
    if (!workload.isPod())
        own = labelStrategy(workload.workloadLabels, QStringLiteral("metadata.labels"),
                            r.diagnostics);
    const auto &podValue = pod.value;
    const auto &workloadValue = own.value;
    if (podValue) {
        r.value = *podValue;
        r.source = StrategySource::PodLabel;
    } else if (workloadValue) {
        r.value = *workloadValue;
        r.source = StrategySource::WorkloadLabel;
    } else if (profileStrategy) {
        r.value = *profileStrategy;
        r.source = StrategySource::Profile;
    }
    if (podValue && workloadValue && *podValue != *workloadValue)
        r.diagnostics.append(
            makeInfo(QStringLiteral("strategy.podLabelWins"),
                     labelPathOf(workload.templatePath + QStringLiteral(".metadata.labels"),
                                 pod.key),
                     Tr::tr("the pod template label (%1) overrides the workload label (%2)")
                         .arg(strategyName(*podValue), strategyName(*workloadValue))));
    // At the label that wins: the pod template's (a Pod's own), else the workload's.
    const QString winningLabels = podValue && !workload.isPod()
                                      ? workload.templatePath + QStringLiteral(".metadata.labels")
                                      : QStringLiteral("metadata.labels");
    if (profileStrategy && (podValue || workloadValue))
        r.diagnostics.append(makeInfo(
            QStringLiteral("strategy.labelOverridesProfile"),
            labelPathOf(winningLabels, podValue ? pod.key : own.key),
            Tr::tr("the burst label overrides ScheduleProfile \"%1\" (strategy %2); a label "
                   "always has priority over a profile")
                .arg(profileName, strategyName(*profileStrategy))));
    r.diagnostics = inArea(r.diagnostics, FieldArea::Strategy);
    return r;
}

} // namespace core::burst
