#include "core/sandbox/cciendpoint.h"

#include "core/sandbox/iamservice.h"


namespace core::sandbox {

namespace {

bool isOpenPath(const QString &path)
{
    return path == u"/version" || path == u"/version/" || path == u"/healthz" ||
           path == u"/livez" || path == u"/readyz";
}

// kube-apiserver's answer to a request it cannot authenticate; kubectl turns it into
// "error: You must be logged in to the server (Unauthorized)".
ApiError unauthorized()
{
    return ApiError{401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"), {}, {}};
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
                         FaultOptions faults)
    : m_iam(iam), m_router(cciStore, std::move(serverAddress), faults)
{
}

HttpReply CciEndpoint::handle(const HttpRequest &request)
{
    if (request.path == u"/v3/auth/tokens")
        return m_iam.issueToken(request);
    if (!isOpenPath(request.path)) {
        if (const auto error = authenticate(request))
            return error->toResponse();
    }
    return m_router.handle(request);
}

std::optional<ApiError> CciEndpoint::authenticate(const HttpRequest &request) const
{
    if (IamService::isSigned(request)) {
        if (m_iam.verifySigned(request))
            return std::nullopt;
        return unauthorized();
    }
    const QString token = presentedToken(request);
    if (!token.isEmpty() && m_iam.identityForToken(token))
        return std::nullopt;
    return unauthorized();
}

} // namespace core::sandbox
