#include "core/burst/scheduleprofile.h"

#include "core/common/tr.h"

#include <cmath>
#include <limits>

namespace core::burst {

namespace {

const qint64 kMaxNum = std::numeric_limits<qint32>::max();

std::optional<qint64> readInteger(const QJsonObject &object, const QString &key,
                                  const QString &path, Diagnostics &diagnostics)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::trunc(d)) {
        diagnostics.append(makeError(QStringLiteral("profile.type"), path,
                                     Tr::tr("%1 must be an integer").arg(key),
                                     Tr::tr("Write a whole number without quotes.")));
        return std::nullopt;
    }
    // Whole numbers beyond qint64 saturate so the range check reports them; casting is UB there.
    constexpr double kTwoPow63 = 9223372036854775808.0;
    if (d >= kTwoPow63 || d < -kTwoPow63)
        return d > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return v.toInteger(qint64(d));
}

LocationLimits readLocation(const QJsonObject &location, const QString &key,
                            Diagnostics &diagnostics)
{
    LocationLimits limits;
    const QJsonValue v = location.value(key);
    const QString path = QStringLiteral("spec.location.") + key;
    if (v.isUndefined() || v.isNull())
        return limits;
    limits.present = true;
    if (!v.isObject()) {
        diagnostics.append(makeError(QStringLiteral("profile.type"), path,
                                     Tr::tr("%1 must be an object").arg(path)));
        return limits;
    }
    const QJsonObject o = v.toObject();
    limits.maxNum = readInteger(o, QStringLiteral("maxNum"), path + u".maxNum", diagnostics);
    limits.scaleDownPriority = readInteger(o, QStringLiteral("scaleDownPriority"),
                                           path + u".scaleDownPriority", diagnostics);
    return limits;
}

QJsonObject locationToJson(const LocationLimits &limits)
{
    QJsonObject o;
    if (limits.maxNum)
        o.insert(QStringLiteral("maxNum"), *limits.maxNum);
    if (limits.scaleDownPriority)
        o.insert(QStringLiteral("scaleDownPriority"), *limits.scaleDownPriority);
    return o;
}

void validateLocation(const LocationLimits &limits, const QString &key, Diagnostics &out)
{
    const QString path = QStringLiteral("spec.location.") + key;
    if (limits.maxNum && (*limits.maxNum < 0 || *limits.maxNum > kMaxNum))
        out.append(makeError(QStringLiteral("profile.maxNum.range"), path + u".maxNum",
                             Tr::tr("maxNum %1 is outside [0, 2147483647]").arg(*limits.maxNum),
                             Tr::tr("Use a pod count between 0 and 2147483647.")));
    if (limits.scaleDownPriority &&
        (*limits.scaleDownPriority < -100 || *limits.scaleDownPriority > 100))
        out.append(makeError(
            QStringLiteral("profile.scaleDownPriority.range"), path + u".scaleDownPriority",
            Tr::tr("scaleDownPriority %1 is outside [-100, 100]").arg(*limits.scaleDownPriority),
            Tr::tr("Use a priority between -100 and 100; the location with the "
                   "higher value loses pods first on scale-down.")));
}

} // namespace

bool isScheduleProfile(const QJsonObject &object)
{
    return object.value(u"kind").toString() == kProfileKind &&
           object.value(u"apiVersion").toString().startsWith(kProfileGroup + u'/');
}

ScheduleProfile scheduleProfileFromJson(const QJsonObject &object)
{
    ScheduleProfile p;
    const QJsonObject meta = object.value(u"metadata").toObject();
    p.name = meta.value(u"name").toString();
    const QString ns = meta.value(u"namespace").toString();
    if (!ns.isEmpty())
        p.nameSpace = ns;
    const QJsonObject spec = object.value(u"spec").toObject();
    Diagnostics selectorDiagnostics;
    p.selector = kube::LabelSelector::fromJson(spec.value(u"objectLabels"), &selectorDiagnostics);
    p.parseDiagnostics += prefixed(selectorDiagnostics, QStringLiteral("spec.objectLabels"));
    const QJsonValue strategy = spec.value(u"strategy");
    p.strategyText = strategy.isString() ? strategy.toString() : QString();
    const auto parsed = parseStrategy(p.strategyText);
    if (parsed && *parsed != Strategy::Off)
        p.strategy = parsed;
    const QJsonObject location = spec.value(u"location").toObject();
    p.local = readLocation(location, QStringLiteral("local"), p.parseDiagnostics);
    p.cci = readLocation(location, QStringLiteral("cci"), p.parseDiagnostics);
    p.parseDiagnostics = inArea(p.parseDiagnostics, FieldArea::Profile);
    return p;
}

QJsonObject scheduleProfileToJson(const ScheduleProfile &profile)
{
    QJsonObject location;
    if (profile.local.present || profile.local.configured())
        location.insert(QStringLiteral("local"), locationToJson(profile.local));
    if (profile.cci.present || profile.cci.configured())
        location.insert(QStringLiteral("cci"), locationToJson(profile.cci));
    QJsonObject spec{{QStringLiteral("objectLabels"), profile.selector.toJson()},
                     {QStringLiteral("strategy"), profile.strategyText},
                     {QStringLiteral("location"), location}};
    QJsonObject meta{{QStringLiteral("name"), profile.name},
                     {QStringLiteral("namespace"), profile.nameSpace}};
    return QJsonObject{{QStringLiteral("apiVersion"), kProfileApiVersion},
                       {QStringLiteral("kind"), kProfileKind},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), spec}};
}

Diagnostics validateScheduleProfile(const ScheduleProfile &profile)
{
    Diagnostics out = profile.parseDiagnostics;
    if (profile.name.isEmpty())
        out.append(makeError(QStringLiteral("profile.name"), QStringLiteral("metadata.name"),
                             Tr::tr("the profile has no name")));
    if (!profile.strategy)
        out.append(makeError(
            QStringLiteral("profile.strategy"), QStringLiteral("spec.strategy"),
            profile.strategyText.isEmpty()
                ? Tr::tr("strategy is missing")
                : Tr::tr("\"%1\" is not a profile strategy").arg(profile.strategyText),
            Tr::tr("Use auto, enforce or localPrefer; \"off\" exists only as a pod label.")));
    out += prefixed(profile.selector.validate(), QStringLiteral("spec.objectLabels"));
    if (profile.selector.isEmpty())
        out.append(makeWarning(
            QStringLiteral("profile.selector.empty"), QStringLiteral("spec.objectLabels"),
            Tr::tr("the selector is empty, so this profile captures no pods (decided: an empty "
                   "selector matches nothing, unlike Kubernetes)"),
            Tr::tr("Add matchLabels or matchExpressions that select the workload's pods.")));
    validateLocation(profile.local, QStringLiteral("local"), out);
    validateLocation(profile.cci, QStringLiteral("cci"), out);
    if (profile.local.maxNum && profile.cci.maxNum)
        out.append(makeError(QStringLiteral("profile.maxNum.both"),
                             QStringLiteral("spec.location.cci.maxNum"),
                             Tr::tr("maxNum is set on both local and cci"),
                             Tr::tr("Limit only one location: remove maxNum from local or cci.")));
    if (profile.strategy == Strategy::LocalPrefer && profile.local.configured() &&
        profile.cci.configured())
        out.append(makeError(
            QStringLiteral("profile.localPrefer.both"), QStringLiteral("spec.location"),
            Tr::tr("a localPrefer profile may configure local or cci, not both"),
            Tr::tr("Leave one of spec.location.local and spec.location.cci empty ({}).")));
    if (profile.strategy == Strategy::Enforce)
        out.append(makeInfo(QStringLiteral("profile.enforce.claim"),
                            QStringLiteral("spec.strategy"),
                            Tr::tr("an enforce profile only takes pods that no other profile has "
                                   "claimed; auto and localPrefer profiles may also take "
                                   "unclaimed pods")));
    return inArea(out, FieldArea::Profile);
}

std::optional<qsizetype> associateProfile(const QList<ScheduleProfile> &profiles,
                                          const QString &nameSpace, const kube::Labels &podLabels)
{
    std::optional<qsizetype> best;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const ScheduleProfile &p = profiles.at(i);
        if (p.nameSpace != nameSpace || p.selector.isEmpty() || !p.selector.matches(podLabels))
            continue;
        if (hasError(validateScheduleProfile(p)))
            continue;
        if (!best) {
            best = i;
            continue;
        }
        const ScheduleProfile &b = profiles.at(*best);
        const int rp = p.selector.relatedness();
        const int rb = b.selector.relatedness();
        if (rp > rb || (rp == rb && p.name.toUtf8() < b.name.toUtf8()))
            best = i;
    }
    return best;
}

} // namespace core::burst
