#pragma once

#include "core/burst/burststrategy.h"
#include "core/common/diagnostic.h"
#include "core/kube/labelselector.h"
#include "core/kube/workload.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace core::burst {

inline const QString kProfileKind = QStringLiteral("ScheduleProfile");

// spec.location.local / spec.location.cci
struct LocationLimits
{
    std::optional<qint64> maxNum;
    std::optional<qint64> scaleDownPriority;
    bool present = false; // the key exists (possibly as {})
    bool configured() const { return maxNum.has_value() || scaleDownPriority.has_value(); }
    bool operator==(const LocationLimits &) const = default;
};

struct ScheduleProfile
{
    QString name;
    QString nameSpace = QStringLiteral("default");
    kube::LabelSelector selector;
    QString strategyText;
    std::optional<Strategy> strategy; // nullopt when strategyText is not auto/enforce/localPrefer
    LocationLimits local;
    LocationLimits cci;
    Diagnostics parseDiagnostics; // wrong JSON types found while reading

    bool operator==(const ScheduleProfile &) const = default;
};

bool isScheduleProfile(const QJsonObject &object);
ScheduleProfile scheduleProfileFromJson(const QJsonObject &object);
QJsonObject scheduleProfileToJson(const ScheduleProfile &profile);

// SPEC 2 validation; paths are relative to the profile object ("spec.location.cci.maxNum").
// Includes parseDiagnostics and the selector's own validation.
Diagnostics validateScheduleProfile(const ScheduleProfile &profile);

// Association (SPEC 2): same namespace, non-empty selector that matches (an empty selector matches
// nothing, decided), highest relatedness, ties to the name that sorts first in byte order.
// Profiles with validation errors take no pods. Returns the index into `profiles`.
std::optional<qsizetype> associateProfile(const QList<ScheduleProfile> &profiles,
                                          const QString &nameSpace, const kube::Labels &podLabels);

} // namespace core::burst
