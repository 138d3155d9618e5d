#pragma once

#include "core/kube/connection.h"
#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <memory>

// An in-process sandbox API server with the node endpoints (pods/exec into the simulated shell)
// on a free loopback port, and running pods to exec into: `web` (a Debian image: bash and sh),
// `tiny` (alpine: sh only) and `two` (containers app and sidecar, init container setup), all in
// namespace shop.
class ExecSandbox
{
public:
    ExecSandbox()
        : m_router(m_store, QStringLiteral("127.0.0.1"), core::sandbox::withNodeEndpoints())
    {
        addPod(QStringLiteral("web"), {{QStringLiteral("app"), QStringLiteral("nginx:1.25")}});
        addPod(QStringLiteral("tiny"), {{QStringLiteral("app"), QStringLiteral("alpine:3.19")}});
        addPod(QStringLiteral("two"),
               {{QStringLiteral("app"), QStringLiteral("nginx:1.25")},
                {QStringLiteral("sidecar"), QStringLiteral("busybox:1.36")}},
               {{QStringLiteral("setup"), QStringLiteral("busybox:1.36")}});
        m_server = std::make_unique<core::sandbox::HttpServer>(
            [this](const core::sandbox::HttpRequest &request) { return m_router.handle(request); },
            core::sandbox::HttpServerOptions{});
        m_started = bool(m_server->start());
    }

    bool started() const { return m_started; }
    core::kube::Connection connection() const
    {
        core::kube::Connection c;
        c.server = QUrl(m_server->url());
        c.token = QStringLiteral("test-token");
        c.contextName = QStringLiteral("sandbox");
        return c;
    }

    using Containers = QList<QPair<QString, QString>>; // name, image

    // A running pod in namespace shop (a test adds one later to stand for a pod that starts).
    void addPod(const QString &name, const Containers &containers, const Containers &init = {})
    {
        auto toArray = [](const Containers &list) {
            QJsonArray out;
            for (const auto &c : list)
                out.append(QJsonObject{{QStringLiteral("name"), c.first},
                                       {QStringLiteral("image"), c.second}});
            return out;
        };
        QJsonArray statuses;
        for (const auto &c : containers)
            statuses.append(QJsonObject{
                {QStringLiteral("name"), c.first},
                {QStringLiteral("state"),
                 QJsonObject{{QStringLiteral("running"),
                              QJsonObject{{QStringLiteral("startedAt"),
                                           QStringLiteral("2026-12-07T10:00:00Z")}}}}}});
        QJsonObject spec{{QStringLiteral("nodeName"), QStringLiteral("idc-node-1")},
                         {QStringLiteral("containers"), toArray(containers)}};
        if (!init.isEmpty())
            spec.insert(QStringLiteral("initContainers"), toArray(init));
        m_store.create(core::sandbox::podsType(), QStringLiteral("shop"),
                       QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                   {QStringLiteral("kind"), QStringLiteral("Pod")},
                                   {QStringLiteral("metadata"),
                                    QJsonObject{{QStringLiteral("name"), name},
                                                {QStringLiteral("namespace"),
                                                 QStringLiteral("shop")}}},
                                   {QStringLiteral("spec"), spec},
                                   {QStringLiteral("status"),
                                    QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                                                {QStringLiteral("podIP"),
                                                 QStringLiteral("172.16.0.9")},
                                                {QStringLiteral("containerStatuses"), statuses}}}});
    }

private:
    core::sandbox::ObjectStore m_store;
    core::sandbox::ApiRouter m_router;
    std::unique_ptr<core::sandbox::HttpServer> m_server;
    bool m_started = false;
};
