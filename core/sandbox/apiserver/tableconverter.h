#pragma once

#include "core/kube/podsummary.h"
#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/resourcetype.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace core::sandbox {

// meta.k8s.io/v1 Table output (Accept: application/json;as=Table), what `kubectl get` prints:
// the columns of Kubernetes' own printers for pods, nodes, namespaces, events, services,
// configmaps, secrets, deployments, replicasets, statefulsets and jobs (table*.h), the printer
// columns of the ScheduleProfile CRD, and Name, Age for anything else. Each row carries what
// `objects` asks for.
enum class TableObjects {
    None,     // no "object" in the rows
    Metadata, // PartialObjectMetadata, kube-apiserver's default
    Object,   // the whole object: `kubectl get --sort-by` sorts the rows by a field of it
};
QJsonObject toTable(const ResourceType &type, const QList<QJsonObject> &objects,
                    const QString &resourceVersion, const QString &continueToken,
                    const QDateTime &now, TableObjects rowObjects = TableObjects::Metadata);

// The includeObject query parameter of a Table request: Metadata when empty; any value but
// None, Metadata and Object is a 400, as kube-apiserver answers.
ServerResult<TableObjects> tableObjects(const QString &includeObject);

// "5m2s", "3h", "2d": apimachinery's duration.HumanDuration, the format of AGE and DURATION,
// shared with the console's panes.
using core::kube::humanAge;

// True when an Accept header asks for a Table.
bool wantsTable(const QByteArray &accept);

} // namespace core::sandbox
