#pragma once

#include <QString>
#include <QStringList>

struct ssl_st;

namespace core::sandbox {

// Who is on the other end of a TLS connection, as far as a client certificate proves it. The
// Kubernetes x509 authenticator maps CN to the user name and each O to a group, so the API layer
// authorizes "sandbox-admin" in "system:masters" exactly as a real API server would.
struct TlsClientIdentity
{
    // True only when the client presented a certificate that chains to the sandbox CA; the names
    // are empty otherwise, so nothing unverified can be mistaken for a user.
    bool verified = false;
    QString commonName;
    QStringList organizations;

    // Reads the peer certificate of an established server-side connection.
    static TlsClientIdentity fromConnection(const ssl_st *ssl);

    bool operator==(const TlsClientIdentity &) const = default;
};

} // namespace core::sandbox
