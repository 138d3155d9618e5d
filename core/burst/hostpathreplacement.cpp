#include "core/burst/hostpathreplacement.h"

#include "core/burst/annotationarray.h"
#include "core/common/tr.h"
#include "core/kube/quantity.h"

#include <QJsonDocument>
#include <QSet>

namespace core::burst {

QString policyName(HostPathPolicy policy)
{
    switch (policy) {
    case HostPathPolicy::Remove:
        return QStringLiteral("remove");
    case HostPathPolicy::ReplaceByLocalDir:
        return QStringLiteral("replaceByLocalDir");
    case HostPathPolicy::ReplaceByEmptyDir:
        return QStringLiteral("replaceByEmptyDir");
    case HostPathPolicy::ReplaceByFlexVolume:
        return QStringLiteral("replaceByFlexVolume");
    }
    return {};
}

namespace {

std::optional<HostPathPolicy> parsePolicy(const QString &text)
{
    for (HostPathPolicy p :
         {HostPathPolicy::Remove, HostPathPolicy::ReplaceByLocalDir,
          HostPathPolicy::ReplaceByEmptyDir, HostPathPolicy::ReplaceByFlexVolume}) {
        if (policyName(p) == text)
            return p;
    }
    return std::nullopt;
}

QString indexPath(int index, const QString &field = {})
{
    const QString base = QStringLiteral("[%1]").arg(index);
    return field.isEmpty() ? base : base + u'.' + field;
}

// Reads a quantity field; false (with an error) when it is absent where required or malformed.
bool readQuantity(const QJsonObject &object, const QString &key, const QString &path, bool required,
                  QString *out, Diagnostics &diagnostics)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            diagnostics.append(makeError(QStringLiteral("annotation.hostPath.missingField"), path,
                                         Tr::tr("%1 is required").arg(key),
                                         Tr::tr("Add \"%1\": \"10Gi\".").arg(key)));
        return !required;
    }
    const QString text = v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 17);
    const auto q = kube::Quantity::parse(text);
    if (!v.isString() && !v.isDouble()) {
        diagnostics.append(makeError(QStringLiteral("annotation.hostPath.quantity"), path,
                                     Tr::tr("%1 must be a quantity string").arg(key)));
        return false;
    }
    if (!q || q->sign() <= 0) {
        diagnostics.append(
            makeError(QStringLiteral("annotation.hostPath.quantity"), path,
                      q ? Tr::tr("%1 must be greater than zero").arg(key) : q.error().message,
                      Tr::tr("Write a size such as 1Gi or 500Mi.")));
        return false;
    }
    *out = text;
    return true;
}

bool readSubObject(const QJsonObject &entry, const QString &key, int index, QJsonObject *out,
                   Diagnostics &diagnostics)
{
    const QJsonValue v = entry.value(key);
    if (!v.isObject()) {
        diagnostics.append(makeError(
            QStringLiteral("annotation.hostPath.missingField"), indexPath(index, key),
            Tr::tr("policyType %1 needs a \"%2\" object")
                .arg(entry.value(u"policyType").toString(), key),
            Tr::tr("Add \"%1\": {\"sizeLimit\": \"1Gi\"} to entry %2.").arg(key).arg(index)));
        return false;
    }
    *out = v.toObject();
    return true;
}

bool readFlexVolume(const QJsonObject &entry, int index, HostPathRule &rule,
                    Diagnostics &diagnostics)
{
    QJsonObject flex;
    if (!readSubObject(entry, QStringLiteral("flexVolume"), index, &flex, diagnostics))
        return false;
    const QString base = indexPath(index, QStringLiteral("flexVolume"));
    bool ok = true;
    rule.driver = flex.value(u"driver").toString();
    rule.fsType = flex.value(u"fsType").toString();
    if (rule.driver.isEmpty()) {
        diagnostics.append(makeError(QStringLiteral("annotation.hostPath.missingField"),
                                     base + u".driver", Tr::tr("flexVolume.driver is required"),
                                     Tr::tr("Use \"driver\": \"huawei.com/fuxidisk\" for EVS.")));
        ok = false;
    }
    const QJsonObject options = flex.value(u"options").toObject();
    rule.volumeType = options.value(u"volumeType").toString();
    if (rule.volumeType != u"sata" && rule.volumeType != u"sas" && rule.volumeType != u"ssd") {
        diagnostics.append(makeError(
            QStringLiteral("annotation.hostPath.volumeType"), base + u".options.volumeType",
            Tr::tr("volumeType \"%1\" is not an EVS type").arg(rule.volumeType),
            Tr::tr("Use sata (common I/O), sas (high I/O) or ssd (ultra-high I/O).")));
        ok = false;
    }
    ok = readQuantity(options, QStringLiteral("volumeSize"), base + u".options.volumeSize", true,
                      &rule.volumeSize, diagnostics) &&
         ok;
    return ok;
}

std::optional<HostPathRule> readRule(const QJsonValue &value, int index, Diagnostics &diagnostics)
{
    if (!value.isObject()) {
        diagnostics.append(makeError(QStringLiteral("annotation.hostPath.type"), indexPath(index),
                                     Tr::tr("entry %1 is not an object").arg(index)));
        return std::nullopt;
    }
    const QJsonObject entry = value.toObject();
    HostPathRule rule;
    rule.index = index;
    rule.name = entry.value(u"name").toString();
    if (rule.name.isEmpty()) {
        diagnostics.append(makeError(QStringLiteral("annotation.hostPath.missingField"),
                                     indexPath(index, QStringLiteral("name")),
                                     Tr::tr("entry %1 has no volume name").arg(index),
                                     Tr::tr("Name a hostPath volume, or \"*\" for all of them.")));
        return std::nullopt;
    }
    const QString policyText = entry.value(u"policyType").toString();
    const auto policy = parsePolicy(policyText);
    if (!policy) {
        diagnostics.append(makeError(
            QStringLiteral("annotation.hostPath.policyType"),
            indexPath(index, QStringLiteral("policyType")),
            Tr::tr("unknown policyType \"%1\"").arg(policyText),
            Tr::tr("Use remove, replaceByLocalDir, replaceByEmptyDir or replaceByFlexVolume.")));
        return std::nullopt;
    }
    rule.policy = *policy;
    QJsonObject sub;
    switch (rule.policy) {
    case HostPathPolicy::Remove:
        return rule;
    case HostPathPolicy::ReplaceByLocalDir:
    case HostPathPolicy::ReplaceByEmptyDir: {
        const QString key = rule.policy == HostPathPolicy::ReplaceByLocalDir
                                ? QStringLiteral("localDir")
                                : QStringLiteral("emptyDir");
        if (!readSubObject(entry, key, index, &sub, diagnostics) ||
            !readQuantity(sub, QStringLiteral("sizeLimit"), indexPath(index, key + u".sizeLimit"),
                          true, &rule.sizeLimit, diagnostics))
            return std::nullopt;
        return rule;
    }
    case HostPathPolicy::ReplaceByFlexVolume:
        if (!readFlexVolume(entry, index, rule, diagnostics))
            return std::nullopt;
        return rule;
    }
    return std::nullopt;
}

QJsonObject replacementVolume(const QString &name, const HostPathRule &rule)
{
    QJsonObject volume{{QStringLiteral("name"), name}};
    switch (rule.policy) {
    case HostPathPolicy::Remove:
        break;
    case HostPathPolicy::ReplaceByLocalDir:
        volume.insert(QStringLiteral("localDir"),
                      QJsonObject{{QStringLiteral("sizeLimit"), rule.sizeLimit}});
        break;
    case HostPathPolicy::ReplaceByEmptyDir:
        volume.insert(QStringLiteral("emptyDir"),
                      QJsonObject{{QStringLiteral("sizeLimit"), rule.sizeLimit}});
        break;
    case HostPathPolicy::ReplaceByFlexVolume:
        volume.insert(QStringLiteral("flexVolume"),
                      QJsonObject{{QStringLiteral("driver"), rule.driver},
                                  {QStringLiteral("fsType"), rule.fsType},
                                  {QStringLiteral("options"),
                                   QJsonObject{{QStringLiteral("volumeType"), rule.volumeType},
                                               {QStringLiteral("volumeSize"), rule.volumeSize}}}});
        break;
    }
    return volume;
}

QJsonArray withoutMounts(const QJsonArray &containers, const QSet<QString> &removed)
{
    QJsonArray out;
    for (const QJsonValue &cv : containers) {
        QJsonObject c = cv.toObject();
        if (c.contains(u"volumeMounts")) {
            QJsonArray mounts;
            for (const QJsonValue &m : c.value(u"volumeMounts").toArray()) {
                if (!removed.contains(m.toObject().value(u"name").toString()))
                    mounts.append(m);
            }
            c.insert(QStringLiteral("volumeMounts"), mounts);
        }
        out.append(c);
    }
    return out;
}

} // namespace

HostPathRules parseHostPathRules(const QString &annotationValue)
{
    HostPathRules out;
    const auto parsed = readAnnotationArray(
        annotationValue, QStringLiteral("annotation.hostPath.json"), FieldArea::HostPath,
        QStringLiteral("[{\"name\":\"logs\",\"policyType\":\"remove\"}]"), out.diagnostics);
    if (!parsed)
        return out;
    const QJsonArray array = *parsed;
    QSet<QString> seen;
    for (int i = 0; i < array.size(); ++i) {
        auto rule = readRule(array.at(i), i, out.diagnostics);
        if (!rule)
            continue;
        if (seen.contains(rule->name)) {
            out.diagnostics.append(
                makeError(QStringLiteral("annotation.hostPath.duplicate"),
                          indexPath(i, QStringLiteral("name")),
                          Tr::tr("volume \"%1\" has more than one rule").arg(rule->name),
                          Tr::tr("Keep one rule per volume name.")));
            continue;
        }
        seen.insert(rule->name);
        out.rules.append(*rule);
    }
    out.diagnostics = inArea(out.diagnostics, FieldArea::HostPath);
    return out;
}

QJsonArray hostPathRulesToJson(const QList<HostPathRule> &rules)
{
    QJsonArray array;
    for (const HostPathRule &rule : rules) {
        QJsonObject entry = replacementVolume(rule.name, rule);
        entry.insert(QStringLiteral("policyType"), policyName(rule.policy));
        array.append(entry);
    }
    return array;
}

QString hostPathRulesToAnnotation(const QList<HostPathRule> &rules)
{
    return QString::fromUtf8(
        QJsonDocument(hostPathRulesToJson(rules)).toJson(QJsonDocument::Compact));
}

HostPathApplication applyHostPathRules(const QJsonObject &podSpec, const QList<HostPathRule> &rules)
{
    HostPathApplication out;
    out.podSpec = podSpec;
    const QJsonArray volumes = podSpec.value(u"volumes").toArray();
    QSet<QString> hostPathNames;
    for (const QJsonValue &v : volumes) {
        if (v.toObject().contains(u"hostPath"))
            hostPathNames.insert(v.toObject().value(u"name").toString());
    }
    const HostPathRule *wildcard = nullptr;
    for (int i = 0; i < rules.size(); ++i) {
        if (rules.at(i).name == u"*") {
            wildcard = &rules.at(i);
        } else if (!hostPathNames.contains(rules.at(i).name)) {
            out.diagnostics.append(inArea(
                makeError(QStringLiteral("annotation.hostPath.notHostPath"),
                          indexPath(rules.at(i).index >= 0 ? rules.at(i).index : i,
                                    QStringLiteral("name")),
                          Tr::tr("rule %1 names \"%2\", which is not a hostPath volume of this pod")
                              .arg(rules.at(i).index >= 0 ? rules.at(i).index : i)
                              .arg(rules.at(i).name),
                          Tr::tr("Name one of the pod's hostPath volumes, or use \"*\".")),
                FieldArea::HostPath));
        }
    }
    QJsonArray newVolumes;
    QSet<QString> removed;
    for (const QJsonValue &v : volumes) {
        const QJsonObject volume = v.toObject();
        const QString name = volume.value(u"name").toString();
        if (!volume.contains(u"hostPath")) {
            newVolumes.append(volume);
            continue;
        }
        const HostPathRule *rule = wildcard;
        for (const HostPathRule &r : rules) {
            if (r.name == name)
                rule = &r;
        }
        if (!rule) {
            out.unhandled.append(name);
            newVolumes.append(volume);
            continue;
        }
        out.handled.append(name);
        if (rule->policy == HostPathPolicy::Remove)
            removed.insert(name);
        else
            newVolumes.append(replacementVolume(name, *rule));
    }
    if (podSpec.contains(u"volumes"))
        out.podSpec.insert(QStringLiteral("volumes"), newVolumes);
    for (const QString &key : {QStringLiteral("containers"), QStringLiteral("initContainers")}) {
        if (podSpec.contains(key) && !removed.isEmpty())
            out.podSpec.insert(key, withoutMounts(podSpec.value(key).toArray(), removed));
    }
    return out;
}

} // namespace core::burst
