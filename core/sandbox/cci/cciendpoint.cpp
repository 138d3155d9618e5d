#include "core/sandbox/cci/cciendpoint.h"

#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/cci/iamservice.h"


namespace core::sandbox {

namespace {

bool isOpenPath(const QString &path)
{
    return path == u"/version" || path == u"/version/" || path == u"/healthz" ||
           path == u"/livez" || path == u"/readyz";
}

QString presentedToken(const HttpRequest &request)
{
    const QByteArray authToken = request.headers.value("X-Auth-Token").trimmed();
    if (!authToken.isEmpty())
        return QString::fromLatin1(authToken);
    const QByteArray authorization = request.headers.value("Authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return QString::fromLatin1(authorization.mid(7).trimmed());
    return {};
}

} // namespace

CciEndpoint::CciEndpoint(IamService &iam, ObjectStore &cciStore, QString serverAddress,
                         ApiRouterOptions options)
    : m_iam(iam), m_router(cciStore, std::move(serverAddress), std::move(options))
{
}

HttpReply CciEndpoint::handle(const HttpRequest &request)
{
    if (request.path == u"/v3/auth/tokens")
        return m_iam.issueToken(request);
    if (!isOpenPath(request.path)) {
        if (const auto error = authenticate(request))
            return statusResponse(*error);
    }
    return m_router.handle(request);
}

std::optional<ApiError> CciEndpoint::authenticate(const HttpRequest &request) const
{
    if (IamService::isSigned(request)) {
        if (m_iam.verifySigned(request))
            return std::nullopt;
        return Authenticator::unauthorized();
    }
    const QString token = presentedToken(request);
    if (!token.isEmpty() && m_iam.identityForToken(token))
        return std::nullopt;
    return Authenticator::unauthorized();
}

} // namespace core::sandbox
