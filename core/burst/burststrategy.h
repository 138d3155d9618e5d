#pragma once

#include "core/burst/cciconventions.h" // kBurstLabel
#include "core/common/diagnostic.h"
#include "core/kube/workload.h"

#include <QString>

#include <optional>

namespace core::burst {

enum class Strategy { None, Auto, LocalPrefer, Enforce, Off };
enum class StrategySource { None, PodLabel, WorkloadLabel, Profile };

QString strategyName(Strategy strategy);   // "auto" | "localPrefer" | "enforce" | "off" | "none"
QString sourceName(StrategySource source); // "podLabel" | "workloadLabel" | "profile" | "none"
std::optional<Strategy> parseStrategy(const QString &text); // the four label values, exact case
bool canBurst(Strategy strategy);                           // auto, localPrefer, enforce

struct StrategyResolution
{
    Strategy value = Strategy::None;
    StrategySource source = StrategySource::None;
    QString profile; // the associated profile's name, also when a label wins over it
    Diagnostics diagnostics;
};

// Precedence (decided): pod-template label > workload label > associated profile > none. An
// invalid label value is an error and is skipped, never read as "off". Within one label set the
// guide's kBurstLabel wins over CCI 2.0's kBurstLabelCci2 (decided); when both are valid and
// differ, strategy.labelConflict (warning) is reported at the CCI 2.0 label.
StrategyResolution resolveStrategy(const kube::Workload &workload,
                                   std::optional<Strategy> profileStrategy,
                                   const QString &profileName);

} // namespace core::burst
