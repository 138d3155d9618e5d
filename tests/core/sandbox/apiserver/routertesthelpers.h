#pragma once

#include "core/sandbox/transport/httpreply.h"
#include "core/sandbox/transport/httprequest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

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

using namespace Qt::StringLiterals;

// Objects of the write tests (dry run, delete options, validation).
inline QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QJsonObject deployment(const QString &name, int replicas)
{
    const QJsonObject labels{{u"app"_s, name}};
    return QJsonObject{
        {u"apiVersion"_s, u"apps/v1"_s},
        {u"kind"_s, u"Deployment"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
        {u"spec"_s,
         QJsonObject{{u"replicas"_s, replicas},
                     {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                     {u"template"_s,
                      QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                                  {u"spec"_s, QJsonObject{{u"containers"_s,
                                                           QJsonArray{QJsonObject{
                                                               {u"name"_s, u"app"_s},
                                                               {u"image"_s, u"nginx"_s}}}}}}}}}}};
}

inline QJsonObject pod(const QString &name)
{
    return QJsonObject{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Pod"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
        {u"spec"_s,
         QJsonObject{{u"containers"_s,
                      QJsonArray{QJsonObject{{u"name"_s, u"app"_s}, {u"image"_s, u"nginx"_s}}}}}}};
}

inline QJsonObject job(const QString &name)
{
    QJsonObject spec = pod(name).value(u"spec").toObject();
    spec.insert(u"restartPolicy"_s, u"Never"_s);
    return QJsonObject{{u"apiVersion"_s, u"batch/v1"_s},
                       {u"kind"_s, u"Job"_s},
                       {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                       {u"spec"_s, QJsonObject{{u"template"_s, QJsonObject{{u"spec"_s, spec}}}}}};
}

inline core::sandbox::HttpRequest request(const QByteArray &method, const QByteArray &target,
                                          const QByteArray &contentType, const QByteArray &body)
{
    core::sandbox::HttpRequest r;
    r.method = method;
    r.setTarget(target);
    if (!contentType.isEmpty())
        r.headers.set("Content-Type", contentType);
    r.body = body;
    return r;
}

// The value at a dotted path ("metadata.labels.tried"); arrays by index ("items.0"); "\." is a
// dot inside a key.
inline QJsonValue at(const QJsonObject &object, const QString &path)
{
    QStringList parts{QString()};
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path.at(i) == u'\\' && i + 1 < path.size())
            parts.last().append(path.at(++i));
        else if (path.at(i) == u'.')
            parts.append(QString());
        else
            parts.last().append(path.at(i));
    }
    QJsonValue value = object;
    for (const QString &part : std::as_const(parts)) {
        bool index = false;
        const int i = part.toInt(&index);
        value = index ? value.toArray().at(i) : value.toObject().value(part);
    }
    return value;
}

} // namespace routertest
