#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace boost::asio::ssl {
class context;
}

namespace core::sandbox {

struct TlsOptions
{
    enum class KeyType { EcP256, Rsa2048 };

    KeyType keyType = KeyType::EcP256;
    // Added to the server certificate next to IP:127.0.0.1 and DNS:localhost; IP literals become
    // IP SANs, the rest DNS SANs (letters, digits, '-', '.', a leading "*.").
    QStringList extraNames;
    int validityDays = 365;
    // Ask every client for a certificate; one that does not chain to the CA fails the handshake,
    // none at all is fine (as kube-apiserver's VerifyClientCertIfGiven).
    bool requestClientCertificate = true;
};

// A certificate and its private key, PEM encoded (the key unencrypted PKCS#8).
struct TlsKeyPair
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

// The sandbox's own PKI, made fresh in memory at every start and never written to disk: a CA, a
// server certificate for 127.0.0.1/localhost signed by it, an admin client certificate for
// kubeconfig client-cert auth, and the server-side OpenSSL context that uses them.
// Copies share the same keys; the class is safe to read from any thread. A default-constructed
// TlsContext is empty: no keys, and a server given it speaks plain HTTP.
class TlsContext
{
public:
    TlsContext() = default;
    static Result<TlsContext> generate(const TlsOptions &options = {});

    bool isEmpty() const { return m_data == nullptr; }

    QByteArray caPem() const;
    QByteArray serverCertPem() const;
    QByteArray serverKeyPem() const;
    QByteArray clientCertPem() const; // CN=sandbox-admin, O=system:masters
    QByteArray clientKeyPem() const;

    // Another client certificate from the same CA, e.g. an unprivileged user for RBAC tests.
    Result<TlsKeyPair> issueClientCertificate(const QString &commonName,
                                              const QStringList &organizations) const;

    // TLS 1.2+, server certificate and key loaded, the CA trusted for client certificates;
    // null when empty.
    std::shared_ptr<boost::asio::ssl::context> serverContext() const;

private:
    struct Data;
    explicit TlsContext(std::shared_ptr<const Data> data);

    std::shared_ptr<const Data> m_data;
};

} // namespace core::sandbox
