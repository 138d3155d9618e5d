#include "core/sandbox/apiserver/authenticator.h"

#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/transport/httprequest.h"

namespace core::sandbox {

Authenticator::Authenticator(QStringList tokens, bool acceptClientCertificates)
    : m_tokens(std::move(tokens)), m_acceptClientCertificates(acceptClientCertificates)
{
}

bool Authenticator::isEnabled() const
{
    return !m_tokens.isEmpty() || m_acceptClientCertificates;
}

void Authenticator::addToken(const QString &token)
{
    if (!token.isEmpty() && !m_tokens.contains(token))
        m_tokens.append(token);
}

bool Authenticator::authenticate(const HttpRequest &request) const
{
    if (!isEnabled())
        return true;
    if (m_acceptClientCertificates && request.client.verified)
        return true;
    const QString token = bearerToken(request);
    return !token.isEmpty() && m_tokens.contains(token);
}

QString Authenticator::bearerToken(const HttpRequest &request)
{
    // The bearer scheme is case-insensitive (RFC 6750 via RFC 7235); the token itself is not.
    const QByteArray header = request.headers.value("Authorization").trimmed();
    const qsizetype space = header.indexOf(' ');
    if (space <= 0 || header.left(space).toLower() != "bearer")
        return QString();
    return QString::fromUtf8(header.mid(space + 1).trimmed());
}

ApiError Authenticator::unauthorized()
{
    // kube-apiserver's unauthorized handler: message and reason are both "Unauthorized".
    ApiError e;
    e.code = 401;
    e.reason = QStringLiteral("Unauthorized");
    e.message = QStringLiteral("Unauthorized");
    return e;
}

} // namespace core::sandbox
