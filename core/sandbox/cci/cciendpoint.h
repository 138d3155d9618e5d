#pragma once

#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/transport/httpreply.h"
#include "core/sandbox/transport/httprequest.h"

#include <QString>

#include <optional>

namespace core::sandbox {

class IamService;
class ObjectStore;

// The sandbox's CCI: the handler of a second HttpServer that answers IAM's POST /v3/auth/tokens
// and serves the Kubernetes API over the CCI store to callers holding an unexpired IAM token
// (X-Auth-Token, or Authorization: Bearer as kubectl and cci-iam-authenticator send it) or a
// request signed with a known AK/SK. Anyone else gets 401 in the Kubernetes Status shape;
// /version and the health checks stay open. Runs on the server thread and never blocks.
class CciEndpoint
{
public:
    // `options` are those of the router over the CCI store, behind the IAM check.
    CciEndpoint(IamService &iam, ObjectStore &cciStore, QString serverAddress,
                ApiRouterOptions options = {});

    HttpReply handle(const HttpRequest &request);

private:
    std::optional<ApiError> authenticate(const HttpRequest &request) const;

    IamService &m_iam;
    ApiRouter m_router;
};

} // namespace core::sandbox
