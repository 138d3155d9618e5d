#pragma once

#include "core/sandbox/apistatus.h"
#include "core/sandbox/authenticator.h"
#include "core/sandbox/faultinjector.h"
#include "core/sandbox/httpreply.h"
#include "core/sandbox/httprequest.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <memory>

namespace core::sandbox {

class ObjectStore;
class SandboxClock;
class TimerLoop;
struct ApiRequestInfo;
struct ApiResource;

struct ApiRouterOptions
{
    FaultOptions faults;
    // Disabled (the default) lets every request through; /healthz, /livez, /readyz and
    // /version stay open either way.
    Authenticator authenticator;
    // Time for logs, metrics and exec `date`/`sleep`; a wall-clock one when not given.
    std::shared_ptr<const SandboxClock> clock;
    std::chrono::milliseconds bookmarkInterval{60000}; // watches with allowWatchBookmarks=true
};

// The Kubernetes REST surface over an ObjectStore: discovery (/api, /apis, group versions,
// /version), OpenAPI stubs, and for every served resource get, list (label/field selectors,
// limit/continue, Table output), watch (chunked JSON events), create, update, patch (merge,
// strategic merge, JSON patch) and delete; pods/log, pods/exec and metrics.k8s.io. Runs on the
// HTTP server thread and never blocks: timed work (log follow, bookmarks, watch timeouts, exec
// sleeps) runs on the router's own TimerLoop thread.
class ApiRouter
{
public:
    ApiRouter(ObjectStore &store, QString serverAddress, FaultOptions faults = {});
    ApiRouter(ObjectStore &store, QString serverAddress, ApiRouterOptions options);
    ~ApiRouter();
    ApiRouter(const ApiRouter &) = delete;
    ApiRouter &operator=(const ApiRouter &) = delete;

    HttpReply handle(const HttpRequest &request);

private:
    HttpReply handleResource(const HttpRequest &request, const ApiRequestInfo &info,
                             const ApiResource &resource);
    HttpReply list(const HttpRequest &request, const ApiRequestInfo &info,
                   const ApiResource &resource);
    HttpReply watch(const HttpRequest &request, const ApiRequestInfo &info,
                    const ApiResource &resource);
    HttpReply create(const HttpRequest &request, const ApiRequestInfo &info,
                     const ApiResource &resource);
    // PUT and PATCH of an object or its /status, through its RestStrategy.
    HttpReply write(const HttpRequest &request, const ApiRequestInfo &info,
                    const ApiResource &resource);
    HttpReply scale(const HttpRequest &request, const ApiRequestInfo &info,
                    const ApiResource &resource);
    QSet<QString> allocatedClusterIps(const ApiResource &services) const;
    ApiResult<QJsonObject> withGeneratedSelector(const ApiResource &jobs,
                                                 const QJsonObject &created);

    HttpReply handleMetrics(const HttpRequest &request, const ApiRequestInfo &info);

    ObjectStore &m_store;
    QString m_serverAddress;
    ApiRouterOptions m_options;
    FaultInjector m_faults;
    std::shared_ptr<TimerLoop> m_timers;
};

} // namespace core::sandbox
