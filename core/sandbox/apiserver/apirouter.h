#pragma once

#include "core/sandbox/apiserver/apidelegate.h"
#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/apiserver/authenticator.h"
#include "core/sandbox/apiserver/authorizer.h"
#include "core/sandbox/apiserver/faultinjector.h"
#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/objectwriter.h"
#include "core/sandbox/transport/httpreply.h"
#include "core/sandbox/transport/httprequest.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <memory>

namespace core::sandbox {

struct ApiResource;

struct ApiRouterOptions
{
    FaultOptions faults;
    // Disabled (the default) lets every request through; /healthz, /livez, /readyz and
    // /version stay open either way.
    Authenticator authenticator;
    // The restricted users, known by their bearer tokens; every other caller that authenticates
    // is the admin and may do everything. Requests a user's rules do not allow answer 403.
    Authorizer authorizer;
    // Time for logs, metrics and exec `date`/`sleep`; a wall-clock one when not given.
    std::shared_ptr<const SandboxClock> clock;
    std::chrono::milliseconds bookmarkInterval{60000}; // watches with allowWatchBookmarks=true
    // Unset ones answer 404, as an API server with no kubelet or metrics-server to ask.
    ApiDelegates delegates;
    // A validating admission's place: run on every create and update of the main resource after
    // the REST strategy's own validation; an error it returns is the answer (a 422 Invalid). The
    // CCI endpoint's router gets the CCI lint of Namespaces and Networks (cluster/ccivalidation.h).
    ApiValidator validator;
};

// The Kubernetes REST surface over an ObjectStore: discovery (/api, /apis, group versions,
// /version), OpenAPI stubs, and for every served resource get, list (label/field selectors,
// limit/continue, Table output), watch (chunked JSON events), create, update, patch (merge,
// strategic merge, JSON patch, server-side apply; each write keeps metadata.managedFields) and
// delete (preconditions, propagation policy, dryRun); pods/log, pods/exec and metrics.k8s.io
// through its delegates. Runs on the HTTP server thread and never blocks: timed work (log follow,
// bookmarks, watch timeouts, exec sleeps) runs on the router's own TimerLoop thread.
class ApiRouter
{
public:
    ApiRouter(ObjectStore &store, QString serverAddress, FaultOptions faults = {});
    ApiRouter(ObjectStore &store, QString serverAddress, ApiRouterOptions options);
    ~ApiRouter();
    ApiRouter(const ApiRouter &) = delete;
    ApiRouter &operator=(const ApiRouter &) = delete;

    HttpReply handle(const HttpRequest &request);
    // How often each fault hit so far (FaultOptions); read from any thread.
    const FaultCounts &faultCounts() const { return *m_faults.counts(); }

private:
    // One request for a resource: what it asks and of which resource.
    struct Call
    {
        const HttpRequest &request;
        const ApiRequestInfo &info;
        const ApiResource &resource;
        WriteMode mode = WriteMode::Store; // dryRun=All on a write
        DeleteRequest deletion = {};       // a delete's options
    };

    HttpReply handleResource(const Call &call);
    // POST /apis/authorization.k8s.io/v1/selfsubject{access,rules}reviews and
    // /apis/authentication.k8s.io/v1/selfsubjectreviews for the caller.
    HttpReply review(const HttpRequest &request, const SandboxUser *user);
    HttpReply delegate(const ApiDelegate &to, const Call &call);
    HttpReply list(const Call &call);
    HttpReply watch(const Call &call);
    HttpReply create(const Call &call);
    // A create of `body` (the request's, or what an apply creates): defaults, validation, the
    // Update entry of managedFields unless `body` has them from an apply, the store.
    HttpReply createObject(const Call &call, QJsonObject body, bool applied);
    // PUT and PATCH of an object or its /status, through its RestStrategy.
    HttpReply write(const Call &call);
    // PATCH application/apply-patch+yaml: applyConfiguration() over the stored object, or a
    // create when there is none.
    HttpReply apply(const Call &call, const ObjectWriter::Merge &prepare);
    HttpReply scale(const Call &call);
    // DELETE of an object with its DeleteOptions: preconditions, propagation (the resource's
    // default when none is named), dryRun.
    HttpReply remove(const Call &call);
    QSet<QString> allocatedClusterIps(const ApiResource &services) const;
    ServerResult<QJsonObject> withGeneratedSelector(const ApiResource &jobs,
                                                    const QJsonObject &created, WriteMode mode);

    ObjectStore &m_store;
    QString m_serverAddress;
    ApiRouterOptions m_options;
    FaultInjector m_faults;
    std::shared_ptr<TimerLoop> m_timers;
};

} // namespace core::sandbox
