#pragma once

// The pods the burst history's tests feed (tst_bursthistory, tst_timelinerefresh).

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace bursttesting {

// A pod of Deployment `app` in `nameSpace`, created at `created`, bound to `node` ("" =
// pending), running since `started` when given, with limits of 1 CPU and 2 GiB.
inline QJsonObject pod(const QString &uid, const QString &created, const QString &node,
                       const QString &started = {},
                       const QString &nameSpace = QStringLiteral("shop"),
                       const QString &app = QStringLiteral("web"))
{
    const QString owner = app + QStringLiteral("-5d9f");
    QJsonObject status;
    if (!started.isEmpty()) {
        status.insert(QStringLiteral("phase"), QStringLiteral("Running"));
        status.insert(QStringLiteral("startTime"), started);
        status.insert(QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("app")},
                          {QStringLiteral("state"),
                           QJsonObject{{QStringLiteral("running"),
                                        QJsonObject{{QStringLiteral("startedAt"), started}}}}}}});
    }
    QJsonObject spec{{QStringLiteral("containers"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("app")},
                          {QStringLiteral("resources"),
                           QJsonObject{{QStringLiteral("limits"),
                                        QJsonObject{{QStringLiteral("cpu"), QStringLiteral("1")},
                                                    {QStringLiteral("memory"),
                                                     QStringLiteral("2Gi")}}}}}}}}};
    if (!node.isEmpty())
        spec.insert(QStringLiteral("nodeName"), node);
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QString(owner + u'-' + uid)},
                     {QStringLiteral("namespace"), nameSpace},
                     {QStringLiteral("uid"), uid},
                     {QStringLiteral("creationTimestamp"), created},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("pod-template-hash"), QStringLiteral("5d9f")}}},
                     {QStringLiteral("ownerReferences"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                             {QStringLiteral("name"), owner},
                                             {QStringLiteral("controller"), true}}}}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"), status}};
}

} // namespace bursttesting
