#pragma once

#include "core/burst/cciconventions.h" // kHostPathAnnotation
#include "core/common/diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace core::burst {

enum class HostPathPolicy { Remove, ReplaceByLocalDir, ReplaceByEmptyDir, ReplaceByFlexVolume };

QString policyName(HostPathPolicy policy); // the annotation's policyType spelling

// One entry of the annotation's JSON array. `name` is a volume name or "*".
struct HostPathRule
{
    QString name;
    HostPathPolicy policy = HostPathPolicy::Remove;
    QString sizeLimit;  // localDir / emptyDir
    QString driver;     // flexVolume
    QString fsType;     // flexVolume
    QString volumeType; // flexVolume options: sata | sas | ssd
    QString volumeSize; // flexVolume options
    int index = -1;     // position in the annotation's array, for diagnostics only

    // Same rule content; where it stood in the annotation does not matter.
    bool operator==(const HostPathRule &o) const
    {
        return name == o.name && policy == o.policy && sizeLimit == o.sizeLimit &&
               driver == o.driver && fsType == o.fsType && volumeType == o.volumeType &&
               volumeSize == o.volumeSize;
    }
};

struct HostPathRules
{
    QList<HostPathRule> rules;
    Diagnostics diagnostics; // paths "[1].policyType", relative to the annotation value
};

// Parses and validates the annotation value (SPEC 5): JSON array, known policyType, the matching
// sub-object with valid quantities, volumeType sata|sas|ssd, unique names. Invalid entries are
// dropped.
HostPathRules parseHostPathRules(const QString &annotationValue);
QJsonArray hostPathRulesToJson(const QList<HostPathRule> &rules);
QString hostPathRulesToAnnotation(const QList<HostPathRule> &rules); // compact JSON text

struct HostPathApplication
{
    QJsonObject podSpec;     // with hostPath volumes removed or replaced
    QStringList handled;     // volume names a rule applied to
    QStringList unhandled;   // hostPath volumes no rule covers: the pod cannot burst
    Diagnostics diagnostics; // rule errors against the pod ("[0].name"), relative to the value
};

// Applies the rules: named rules first, "*" (decided) to every hostPath volume no named rule
// covers. A named rule for a volume that is not a hostPath volume is an error.
HostPathApplication applyHostPathRules(const QJsonObject &podSpec,
                                       const QList<HostPathRule> &rules);

} // namespace core::burst
