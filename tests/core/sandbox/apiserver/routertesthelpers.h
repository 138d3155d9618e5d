#pragma once

#include "core/sandbox/transport/httpreply.h"
#include "core/sandbox/transport/httprequest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Requests and objects the router's tests (and the node endpoints' behind it) send.
namespace routertest {

inline core::sandbox::HttpRequest get(const QByteArray &target, const QByteArray &token = {})
{
    core::sandbox::HttpRequest r;
    r.method = "GET";
    r.setTarget(target);
    if (!token.isEmpty())
        r.headers.set("Authorization", "Bearer " + token);
    return r;
}

inline QJsonObject body(const core::sandbox::HttpReply &reply)
{
    return QJsonDocument::fromJson(reply.response().body).object();
}

// A pod on idc-node-1 whose one container "app" (busybox) started five seconds ago.
inline QJsonObject runningPod(const QString &name, const QJsonObject &annotations = {})
{
    const QString started = QDateTime::currentDateTimeUtc().addSecs(-5).toString(Qt::ISODate);
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("annotations"), annotations}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("nodeName"), QStringLiteral("idc-node-1")},
             {QStringLiteral("containers"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                     {QStringLiteral("image"), QStringLiteral("busybox")}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                     {QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                             {QStringLiteral("restartCount"), 0},
                                             {QStringLiteral("state"),
                                              QJsonObject{{QStringLiteral("running"),
                                                           QJsonObject{{QStringLiteral("startedAt"),
                                                                        started}}}}}}}}}}};
}

} // namespace routertest
