#include "core/burst/imagereplacement.h"

#include "core/burst/annotationarray.h"
#include "core/common/tr.h"
#include "core/kube/imagereference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace core::burst {

namespace {

QString rulePath(int index, const QString &field)
{
    return QStringLiteral("[%1].%2").arg(index).arg(field);
}

bool validateRule(const ImageRule &rule, int index, Diagnostics &diagnostics)
{
    bool ok = true;
    auto fail = [&](const QString &code, const QString &field, const QString &message,
                    const QString &hint) {
        diagnostics.append(makeError(code, rulePath(index, field), message, hint));
        ok = false;
    };
    if (rule.repositoryPrefix.endsWith(u'/'))
        fail(QStringLiteral("annotation.image.trailingSlash"), QStringLiteral("repositoryPrefix"),
             Tr::tr("repositoryPrefix \"%1\" ends with \"/\"").arg(rule.repositoryPrefix),
             Tr::tr("Remove the trailing \"/\": the prefix is everything before the image "
                    "name's last \"/\"."));
    else if (!rule.repositoryPrefix.isEmpty()) {
        const QString reason = kube::validateRepositoryName(rule.repositoryPrefix);
        if (!reason.isEmpty())
            fail(QStringLiteral("annotation.image.invalidName"), QStringLiteral("repositoryPrefix"),
                 Tr::tr("repositoryPrefix \"%1\" is not an image name: %2")
                     .arg(rule.repositoryPrefix, reason),
                 Tr::tr("Use lower-case path components, optionally after a registry host."));
    }
    if (rule.replaceWith.isEmpty())
        fail(QStringLiteral("annotation.image.emptyReplaceWith"), QStringLiteral("replaceWith"),
             Tr::tr("replaceWith is empty"),
             Tr::tr("Give the registry and organization to use on CCI, e.g. "
                    "swr.cn-north-4.myhuaweicloud.com/org."));
    else if (rule.replaceWith.endsWith(u'/'))
        fail(QStringLiteral("annotation.image.trailingSlash"), QStringLiteral("replaceWith"),
             Tr::tr("replaceWith \"%1\" ends with \"/\"").arg(rule.replaceWith),
             Tr::tr("Remove the trailing \"/\"; it is added when the prefix is replaced."));
    else if (rule.replaceWith == rule.repositoryPrefix)
        fail(QStringLiteral("annotation.image.samePrefix"), QStringLiteral("replaceWith"),
             Tr::tr("replaceWith equals repositoryPrefix \"%1\"").arg(rule.replaceWith),
             Tr::tr("A rule must change the prefix; remove the rule or change replaceWith."));
    else {
        const QString reason = kube::validateRepositoryName(rule.replaceWith);
        if (!reason.isEmpty())
            fail(
                QStringLiteral("annotation.image.invalidName"), QStringLiteral("replaceWith"),
                Tr::tr("replaceWith \"%1\" is not an image name: %2").arg(rule.replaceWith, reason),
                Tr::tr("Use lower-case path components, optionally after a registry host."));
    }
    return ok;
}

std::optional<ImageRule> readRule(const QJsonValue &value, int index, Diagnostics &diagnostics)
{
    const QJsonObject o = value.toObject();
    const QJsonValue prefix = o.value(u"repositoryPrefix");
    const QJsonValue replace = o.value(u"replaceWith");
    if (!value.isObject() || !(prefix.isString() || prefix.isUndefined() || prefix.isNull()) ||
        !(replace.isString() || replace.isUndefined() || replace.isNull())) {
        diagnostics.append(
            makeError(QStringLiteral("annotation.image.type"), QStringLiteral("[%1]").arg(index),
                      Tr::tr("entry %1 must be an object with string fields repositoryPrefix and "
                             "replaceWith")
                          .arg(index)));
        return std::nullopt;
    }
    ImageRule rule{prefix.toString(), replace.toString()};
    if (!validateRule(rule, index, diagnostics))
        return std::nullopt;
    return rule;
}

} // namespace

ImageRules parseImageRules(const QString &annotationValue)
{
    ImageRules out;
    const auto parsed = readAnnotationArray(
        annotationValue, QStringLiteral("annotation.image.json"), FieldArea::ImageReplacement,
        QStringLiteral("[{\"repositoryPrefix\":\"harbor.domain/"
                       "org\",\"replaceWith\":\"swr.cn-north-4.myhuaweicloud.com/org\"}]"),
        out.diagnostics);
    if (!parsed)
        return out;
    const QJsonArray array = *parsed;
    QSet<QString> prefixes;
    for (int i = 0; i < array.size(); ++i) {
        auto rule = readRule(array.at(i), i, out.diagnostics);
        if (!rule)
            continue;
        if (prefixes.contains(rule->repositoryPrefix)) {
            out.diagnostics.append(
                makeError(QStringLiteral("annotation.image.duplicatePrefix"),
                          rulePath(i, QStringLiteral("repositoryPrefix")),
                          Tr::tr("repositoryPrefix \"%1\" appears in more than one rule")
                              .arg(rule->repositoryPrefix),
                          Tr::tr("Keep one rule per prefix; each image uses at most one rule.")));
            continue;
        }
        prefixes.insert(rule->repositoryPrefix);
        out.rules.append(*rule);
    }
    out.diagnostics = inArea(out.diagnostics, FieldArea::ImageReplacement);
    return out;
}

QString imageRulesToAnnotation(const QList<ImageRule> &rules)
{
    QJsonArray array;
    for (const ImageRule &rule : rules)
        array.append(QJsonObject{{QStringLiteral("repositoryPrefix"), rule.repositoryPrefix},
                                 {QStringLiteral("replaceWith"), rule.replaceWith}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString imageRepositoryPrefix(const QString &image)
{
    const qsizetype slash = image.lastIndexOf(u'/');
    return slash < 0 ? QString() : image.left(slash);
}

int matchImageRule(const QList<ImageRule> &rules, const QString &image)
{
    const QString prefix = imageRepositoryPrefix(image);
    for (int i = 0; i < rules.size(); ++i) {
        if (rules.at(i).repositoryPrefix == prefix)
            return i;
    }
    return -1;
}

QString replaceImage(const ImageRule &rule, const QString &image)
{
    const qsizetype slash = image.lastIndexOf(u'/');
    if (slash < 0)
        return rule.replaceWith + u'/' + image;
    return rule.replaceWith + image.mid(slash);
}

ImageApplication applyImageRules(const QJsonObject &podSpec, const QList<ImageRule> &rules)
{
    ImageApplication out;
    out.podSpec = podSpec;
    for (const QString &key : {QStringLiteral("initContainers"), QStringLiteral("containers")}) {
        if (!podSpec.value(key).isArray())
            continue;
        QJsonArray containers = podSpec.value(key).toArray();
        for (int i = 0; i < containers.size(); ++i) {
            QJsonObject c = containers.at(i).toObject();
            ImageChange change;
            change.path = QStringLiteral("%1[%2].image").arg(key).arg(i);
            change.container = c.value(u"name").toString();
            change.before = c.value(u"image").toString();
            change.rule = change.before.isEmpty() ? -1 : matchImageRule(rules, change.before);
            change.after = change.rule >= 0 ? replaceImage(rules.at(change.rule), change.before)
                                            : change.before;
            if (change.rule >= 0) {
                c.insert(QStringLiteral("image"), change.after);
                containers.replace(i, c);
            }
            out.images.append(change);
        }
        out.podSpec.insert(key, containers);
    }
    return out;
}

} // namespace core::burst
