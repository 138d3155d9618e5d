#pragma once

#include "core/sandbox/resourcetype.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace core::sandbox {

// meta.k8s.io/v1 Table output (Accept: application/json;as=Table), what `kubectl get` prints:
// pods (Name, Ready, Status, Restarts, Age, IP, Node), nodes (Name, Status, Roles, Age, Version),
// anything else (Name, Age). Rows carry PartialObjectMetadata.
QJsonObject toTable(const ResourceType &type, const QList<QJsonObject> &objects,
                    const QString &resourceVersion, const QString &continueToken,
                    const QDateTime &now);

// "5m", "3h", "2d": the age format kubectl shows (duration.HumanDuration, shortened).
QString humanAge(qint64 seconds);

// True when an Accept header asks for a Table.
bool wantsTable(const QByteArray &accept);

} // namespace core::sandbox
