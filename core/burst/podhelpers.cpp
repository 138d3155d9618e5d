#include "core/burst/podhelpers.h"

#include "core/burst/cciconventions.h"
#include "core/common/tr.h"
#include "core/kube/yamledit.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace core::burst {

QStringList splitObjectPath(const QString &dotted)
{
    return dotted.isEmpty() ? QStringList() : dotted.split(u'.');
}

Result<QString> applyObjectEdits(const QString &source, int document, const QString &itemPath,
                                 const ObjectEdits &edits)
{
    QStringList prefix;
    if (!itemPath.isEmpty()) {
        const qsizetype bracket = itemPath.indexOf(u'[');
        prefix = {itemPath.left(bracket), itemPath.mid(bracket)};
    }
    QString text = source;
    for (const ObjectEdit &edit : edits) {
        auto after = kube::yamledit::setValue(text, document, prefix + edit.path, edit.value);
        if (!after)
            return after.error();
        text = *after;
    }
    return text;
}

QList<DownwardFact> downwardApiFacts()
{
    return {
        {QStringLiteral("MY_POD_UID"), QStringLiteral("metadata.uid")},
        {QStringLiteral("MY_POD_NAME"), QStringLiteral("metadata.name")},
        {QStringLiteral("MY_POD_NAMESPACE"), QStringLiteral("metadata.namespace")},
        {QStringLiteral("MY_POD_IP"), QStringLiteral("status.podIP")},
        {QStringLiteral("REGION"),
         QStringLiteral("metadata.annotations['%1']").arg(kRegionAnnotation)},
        {QStringLiteral("ZONE"), QStringLiteral("metadata.annotations['%1']").arg(kZoneAnnotation)},
    };
}

namespace {

QString fieldRefOf(const QJsonObject &env)
{
    return env.value(u"valueFrom")
        .toObject()
        .value(u"fieldRef")
        .toObject()
        .value(u"fieldPath")
        .toString();
}

QJsonObject envEntry(const DownwardFact &fact)
{
    return QJsonObject{
        {QStringLiteral("name"), fact.env},
        {QStringLiteral("valueFrom"),
         QJsonObject{{QStringLiteral("fieldRef"),
                      QJsonObject{{QStringLiteral("fieldPath"), fact.fieldPath}}}}}};
}

bool isCciTopology(const QString &fieldPath)
{
    return fieldPath.contains(kRegionAnnotation) || fieldPath.contains(kZoneAnnotation);
}

} // namespace

ObjectEdits downwardApiEdits(const kube::Workload &w)
{
    ObjectEdits edits;
    const QStringList specPath = splitObjectPath(w.podPath(QStringLiteral("spec")));
    const QJsonArray containers = w.podSpec().value(u"containers").toArray();
    for (int i = 0; i < containers.size(); ++i) {
        const QJsonObject c = containers.at(i).toObject();
        const QJsonArray env = c.value(u"env").toArray();
        QJsonArray missing;
        for (const DownwardFact &fact : downwardApiFacts()) {
            bool present = false;
            for (const QJsonValue &e : env) {
                const QJsonObject o = e.toObject();
                present = present || o.value(u"name").toString() == fact.env ||
                          fieldRefOf(o) == fact.fieldPath;
            }
            if (!present)
                missing.append(envEntry(fact));
        }
        if (missing.isEmpty())
            continue;
        const QStringList base =
            specPath + QStringList{QStringLiteral("containers"), QStringLiteral("[%1]").arg(i),
                                   QStringLiteral("env")};
        if (!c.value(u"env").isArray()) {
            edits.append({base, missing});
            continue;
        }
        for (qsizetype k = 0; k < missing.size(); ++k)
            edits.append({base + QStringList{QStringLiteral("[%1]").arg(env.size() + k)},
                          missing.at(k)});
    }
    return edits;
}

QList<DownwardEnv> resolveDownwardEnv(const kube::Workload &w)
{
    static const QRegularExpression keyed(
        QStringLiteral("^metadata\\.(labels|annotations)\\['(.*)'\\]$"));
    const QJsonObject meta = w.podMetadata();
    QList<DownwardEnv> out;
    for (const QString &key : {QStringLiteral("initContainers"), QStringLiteral("containers")}) {
        for (const QJsonValue &cv : w.podSpec().value(key).toArray()) {
            const QJsonObject c = cv.toObject();
            for (const QJsonValue &ev : c.value(u"env").toArray()) {
                const QString fieldPath = fieldRefOf(ev.toObject());
                if (fieldPath.isEmpty())
                    continue;
                DownwardEnv e{c.value(u"name").toString(), ev.toObject().value(u"name").toString(),
                              fieldPath, QString(), false};
                const QRegularExpressionMatch m = keyed.match(fieldPath);
                if (fieldPath == u"metadata.namespace") {
                    e.value = w.nameSpace;
                    e.known = true;
                } else if (fieldPath == u"metadata.name" && w.isPod()) {
                    e.value = w.name;
                    e.known = true;
                } else if (fieldPath == u"spec.serviceAccountName") {
                    e.value = w.podSpec().value(u"serviceAccountName").toString(
                        QStringLiteral("default"));
                    e.known = true;
                } else if (m.hasMatch() && !isCciTopology(fieldPath)) {
                    // An absent label or annotation reads as "" in the container.
                    e.value = meta.value(m.captured(1)).toObject().value(m.captured(2)).toString();
                    e.known = true;
                }
                out.append(e);
            }
        }
    }
    return out;
}

Diagnostics downwardEnvDiagnostics(const kube::Workload &w, const QList<DownwardEnv> &env,
                                   bool alwaysOnCci)
{
    Diagnostics out;
    const QJsonObject spec = w.podSpec();
    for (const QString &key : {QStringLiteral("initContainers"), QStringLiteral("containers")}) {
        const QJsonArray containers = spec.value(key).toArray();
        for (int i = 0; i < containers.size(); ++i) {
            const QString name = containers.at(i).toObject().value(u"name").toString();
            const QString path =
                w.podPath(QStringLiteral("spec.%1[%2].env").arg(key).arg(i));
            QStringList parts;
            bool topology = false;
            for (const DownwardEnv &e : env) {
                if (e.container != name)
                    continue;
                parts.append(e.known ? e.name + QStringLiteral("=") + e.value
                                     : e.name + QStringLiteral(" <- ") + e.fieldPath);
                topology = topology || isCciTopology(e.fieldPath);
            }
            if (parts.isEmpty())
                continue;
            out.append(makeInfo(QStringLiteral("downward.env"), path,
                                Tr::tr("container \"%1\" reads pod facts: %2")
                                    .arg(name, parts.join(QStringLiteral(", "))),
                                Tr::tr("Values shown after \"<-\" are known only when the pod "
                                       "runs.")));
            if (topology && !alwaysOnCci)
                out.append(makeInfo(
                    QStringLiteral("downward.cciAnnotation"), path,
                    Tr::tr("container \"%1\" reads the region or zone annotation that CCI adds "
                           "when it places the pod; on a CCE node it is absent and the variable "
                           "empty")
                        .arg(name),
                    Tr::tr("Treat an empty REGION or ZONE as \"running on CCE\", or use the "
                           "enforce strategy.")));
        }
    }
    return out;
}

} // namespace core::burst
