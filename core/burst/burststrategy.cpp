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

// Reads the burst label from one label set; nullopt when absent or invalid (then diagnosed).
std::optional<Strategy> labelStrategy(const kube::Labels &labels, const QString &labelsPath,
                                      Diagnostics &diagnostics)
{
    const auto it = labels.constFind(kBurstLabel);
    if (it == labels.constEnd())
        return std::nullopt;
    if (auto s = parseStrategy(*it))
        return s;
    diagnostics.append(makeError(
        QStringLiteral("strategy.invalidValue"),
        labelsPath + QStringLiteral("[\"") + kBurstLabel + QStringLiteral("\"]"),
        Tr::tr("\"%1\" is not a burst strategy; this label is ignored, not read as off").arg(*it),
        Tr::tr("Use one of auto, localPrefer, enforce or off (case-sensitive).")));
    return std::nullopt;
}

} // namespace

StrategyResolution resolveStrategy(const kube::Workload &workload,
                                   std::optional<Strategy> profileStrategy,
                                   const QString &profileName)
{
    StrategyResolution r;
    r.profile = profileName;
    const auto podValue =
        labelStrategy(workload.podLabels,
                      workload.isPod() ? QStringLiteral("metadata.labels")
                                       : workload.templatePath + QStringLiteral(".metadata.labels"),
                      r.diagnostics);
    std::optional<Strategy> workloadValue;
    if (!workload.isPod())
        workloadValue = labelStrategy(workload.workloadLabels, QStringLiteral("metadata.labels"),
                                      r.diagnostics);
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
                     workload.templatePath + QStringLiteral(".metadata.labels[\"") + kBurstLabel +
                         QStringLiteral("\"]"),
                     Tr::tr("the pod template label (%1) overrides the workload label (%2)")
                         .arg(strategyName(*podValue), strategyName(*workloadValue))));
    // At the label that wins: the pod template's (a Pod's own), else the workload's.
    const QString winningLabels = podValue && !workload.isPod()
                                      ? workload.templatePath + QStringLiteral(".metadata.labels")
                                      : QStringLiteral("metadata.labels");
    if (profileStrategy && (podValue || workloadValue))
        r.diagnostics.append(makeInfo(
            QStringLiteral("strategy.labelOverridesProfile"),
            winningLabels + QStringLiteral("[\"") + kBurstLabel + QStringLiteral("\"]"),
            Tr::tr("the burst label overrides ScheduleProfile \"%1\" (strategy %2); a label "
                   "always has priority over a profile")
                .arg(profileName, strategyName(*profileStrategy))));
    r.diagnostics = inArea(r.diagnostics, FieldArea::Strategy);
    return r;
}

} // namespace core::burst
