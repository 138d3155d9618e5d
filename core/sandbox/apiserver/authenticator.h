#pragma once

#include <QStringList>

namespace core::sandbox {

struct HttpRequest;
struct ApiError;

// Who may call the API, as kube-apiserver's token-file and x509 authenticators decide: a request
// passes with one of the accepted bearer tokens or with a client certificate that chains to the
// sandbox CA. An authenticator that accepts nothing lets everything through (the open sandbox
// of the unit tests).
class Authenticator
{
public:
    Authenticator() = default;
    Authenticator(QStringList tokens, bool acceptClientCertificates);

    bool isEnabled() const;
    bool authenticate(const HttpRequest &request) const;
    void addToken(const QString &token);
    // The token of an "Authorization: Bearer T" header, "" without one.
    static QString bearerToken(const HttpRequest &request);

    // The 401 Status the API server writes for a request no authenticator accepted.
    static ApiError unauthorized();

private:
    QStringList m_tokens;
    bool m_acceptClientCertificates = false;
};

} // namespace core::sandbox
