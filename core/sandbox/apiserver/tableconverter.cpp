#include "core/sandbox/apiserver/tableconverter.h"

#include "core/sandbox/apiserver/tablecells.h"
#include "core/sandbox/apiserver/tableconfig.h"
#include "core/sandbox/apiserver/tablecore.h"
#include "core/sandbox/apiserver/tablecustomresource.h"
#include "core/sandbox/apiserver/tableworkloads.h"

namespace core::sandbox {

namespace {

TableLayout layoutFor(const ResourceType &type)
{
    const QString &r = type.resource;
    if (type.group.isEmpty()) {
        if (r == u"pods")
            return podTable();
        if (r == u"nodes")
            return nodeTable();
        if (r == u"namespaces")
            return namespaceTable();
        if (r == u"events")
            return eventTable();
        if (r == u"services")
            return serviceTable();
        if (r == u"configmaps")
            return configMapTable();
        if (r == u"secrets")
            return secretTable();
    } else if (type.group == u"apps") {
        if (r == u"deployments")
            return deploymentTable();
        if (r == u"replicasets")
            return replicaSetTable();
        if (r == u"statefulsets")
            return statefulSetTable();
    } else if (type.group == u"batch" && r == u"jobs") {
        return jobTable();
    } else if (type == scheduleProfilesType()) {
        return customResourceTable(scheduleProfilePrinterColumns());
    }
    return {QJsonArray{nameColumn(), ageColumn()}, [](const QJsonObject &o, const QDateTime &now) {
                return QJsonArray{kube::nameOf(o), tableAge(o, now)};
            }};
}

QJsonObject partialMetadata(const QJsonObject &object)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"), object.value(u"metadata")}};
}

} // namespace

bool wantsTable(const QByteArray &accept)
{
    return accept.contains("as=Table");
}

ServerResult<TableObjects> tableObjects(const QString &includeObject)
{
    if (includeObject.isEmpty() || includeObject == u"Metadata")
        return TableObjects::Metadata;
    if (includeObject == u"None")
        return TableObjects::None;
    if (includeObject == u"Object")
        return TableObjects::Object;
    return ApiError::badRequest(
        QStringLiteral("includeObject: Unsupported value: \"%1\": supported values: "
                       "\"Metadata\", \"None\", \"Object\"")
            .arg(includeObject));
}

QJsonObject toTable(const ResourceType &type, const QList<QJsonObject> &objects,
                    const QString &resourceVersion, const QString &continueToken,
                    const QDateTime &now, TableObjects rowObjects)
{
    const TableLayout layout = layoutFor(type);
    QJsonArray rows;
    for (const QJsonObject &o : objects) {
        QJsonObject row{{QStringLiteral("cells"), layout.cells(o, now)}};
        if (rowObjects == TableObjects::Metadata)
            row.insert(QStringLiteral("object"), partialMetadata(o));
        else if (rowObjects == TableObjects::Object)
            row.insert(QStringLiteral("object"), o);
        rows.append(row);
    }
    QJsonObject meta{{QStringLiteral("resourceVersion"), resourceVersion}};
    if (!continueToken.isEmpty())
        meta.insert(QStringLiteral("continue"), continueToken);
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Table")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("columnDefinitions"), layout.columns},
                       {QStringLiteral("rows"), rows}};
}

} // namespace core::sandbox
