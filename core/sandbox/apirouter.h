#pragma once

#include "core/sandbox/faultinjector.h"
#include "core/sandbox/httpreply.h"
#include "core/sandbox/httprequest.h"

#include <QString>

namespace core::sandbox {

class ObjectStore;
struct ApiRequestInfo;
struct ApiResource;

// The Kubernetes REST surface over an ObjectStore: discovery (/api, /apis, group versions,
// /version), OpenAPI stubs, and for every served resource get, list (label/field selectors,
// limit/continue, Table output), watch (chunked JSON events), create, update, patch (merge,
// strategic merge, JSON patch) and delete. Runs on the HTTP server thread and never blocks.
class ApiRouter
{
public:
    ApiRouter(ObjectStore &store, QString serverAddress, FaultOptions faults = {});

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

    ObjectStore &m_store;
    QString m_serverAddress;
    FaultInjector m_faults;
};

} // namespace core::sandbox
