#include "core/sandbox/transport/tlscontext.h"

#include "core/common/tr.h"

#include <QRegularExpression>

#include <boost/asio/ssl/context.hpp>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <utility>
#include <vector>

namespace core::sandbox {

namespace {

struct OpenSslFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(X509 *certificate) const { X509_free(certificate); }
    void operator()(X509_NAME *name) const { X509_NAME_free(name); }
    void operator()(X509_EXTENSION *extension) const { X509_EXTENSION_free(extension); }
    void operator()(BIGNUM *number) const { BN_free(number); }
    void operator()(BIO *bio) const { BIO_free(bio); }
    void operator()(ASN1_OCTET_STRING *octets) const { ASN1_OCTET_STRING_free(octets); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslFree>;
using CertPtr = std::unique_ptr<X509, OpenSslFree>;

// Clients and servers may disagree on the clock by a little; an hour of slack in notBefore keeps a
// freshly started sandbox usable from a VM whose clock runs behind.
constexpr long kClockSkewSeconds = 3600;
constexpr int kSerialBits = 127; // positive and within RFC 5280's 20 octets

struct CertificateSpec
{
    QString commonName;
    QStringList organizations;
    std::vector<std::pair<int, QByteArray>> extensions; // NID -> OpenSSL config value
    int validityDays = 365;
};

QString openSslErrors()
{
    QStringList messages;
    for (unsigned long code = ERR_get_error(); code != 0; code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        messages.append(QString::fromLatin1(buffer));
    }
    return messages.join(QStringLiteral("; "));
}

Error tlsError(const QString &code, const QString &message)
{
    return Error{code, message.arg(openSslErrors()),
                 Tr::tr("The sandbox cannot serve HTTPS; start it without TLS or check the "
                        "OpenSSL installation.")};
}

KeyPtr generateKey(TlsOptions::KeyType type)
{
    if (type == TlsOptions::KeyType::Rsa2048)
        return KeyPtr(EVP_RSA_gen(2048));
    return KeyPtr(EVP_EC_gen("P-256"));
}

bool addNameEntry(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()),
                                      int(utf8.size()), -1, 0) == 1;
}

bool setSubject(X509 *certificate, const CertificateSpec &spec)
{
    std::unique_ptr<X509_NAME, OpenSslFree> name(X509_NAME_new());
    if (!name)
        return false;
    for (const QString &organization : spec.organizations) {
        if (!addNameEntry(name.get(), "O", organization))
            return false;
    }
    return addNameEntry(name.get(), "CN", spec.commonName) &&
           X509_set_subject_name(certificate, name.get()) == 1;
}

bool setRandomSerial(X509 *certificate)
{
    std::unique_ptr<BIGNUM, OpenSslFree> serial(BN_new());
    return serial && BN_rand(serial.get(), kSerialBits, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
           BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

bool setValidity(X509 *certificate, int days)
{
    return X509_gmtime_adj(X509_getm_notBefore(certificate), -kClockSkewSeconds) != nullptr &&
           X509_time_adj_ex(X509_getm_notAfter(certificate), days, 0, nullptr) != nullptr;
}

// Extensions are added in order, so the subject key identifier must come before the authority
// key identifier that a self-signed certificate takes from itself.
bool addExtensions(X509 *certificate, X509 *issuer, const CertificateSpec &spec)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer ? issuer : certificate, certificate, nullptr, nullptr, 0);
    for (const auto &[nid, value] : spec.extensions) {
        std::unique_ptr<X509_EXTENSION, OpenSslFree> extension(
            X509V3_EXT_nconf_nid(nullptr, &context, nid, value.constData()));
        if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1)
            return false;
    }
    return true;
}

// Signs `spec` for `key` with the issuer's key; a null issuer makes it self-signed.
CertPtr makeCertificate(const CertificateSpec &spec, EVP_PKEY *key, X509 *issuer,
                        EVP_PKEY *issuerKey)
{
    CertPtr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        !setRandomSerial(certificate.get()) || !setValidity(certificate.get(), spec.validityDays) ||
        X509_set_pubkey(certificate.get(), key) != 1 || !setSubject(certificate.get(), spec)) {
        return nullptr;
    }
    const X509_NAME *issuerName = X509_get_subject_name(issuer ? issuer : certificate.get());
    if (X509_set_issuer_name(certificate.get(), issuerName) != 1 ||
        !addExtensions(certificate.get(), issuer, spec) ||
        X509_sign(certificate.get(), issuerKey, EVP_sha256()) <= 0) {
        return nullptr;
    }
    return certificate;
}

QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 ? QByteArray(data, length) : QByteArray();
}

QByteArray certificatePem(X509 *certificate)
{
    std::unique_ptr<BIO, OpenSslFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1)
        return {};
    return bioText(bio.get());
}

QByteArray privateKeyPem(EVP_PKEY *key)
{
    std::unique_ptr<BIO, OpenSslFree> bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioText(bio.get());
}

bool isIpAddress(const QString &name)
{
    std::unique_ptr<ASN1_OCTET_STRING, OpenSslFree> address(
        a2i_IPADDRESS(name.toLatin1().constData()));
    return address != nullptr;
}

// A name is spliced into an OpenSSL config string, so anything beyond hostname characters (a
// comma would start another SAN) is refused.
bool isDnsName(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$"));
    return pattern.match(name).hasMatch();
}

Result<QByteArray> subjectAltNames(const QStringList &extraNames)
{
    QByteArray names = "IP:127.0.0.1,DNS:localhost";
    for (const QString &name : extraNames) {
        if (isIpAddress(name)) {
            names += ",IP:" + name.toLatin1();
        } else if (isDnsName(name)) {
            names += ",DNS:" + name.toLatin1();
        } else {
            return Error{QStringLiteral("tls.badName"),
                         Tr::tr("\"%1\" is neither an IP address nor a DNS name.").arg(name),
                         Tr::tr("Pass host names such as sandbox.local or addresses such as "
                                "10.0.0.5.")};
        }
    }
    return names;
}

QByteArray leafKeyUsage(TlsOptions::KeyType type)
{
    // Key encipherment only means something for RSA key transport.
    return type == TlsOptions::KeyType::Rsa2048 ? "critical,digitalSignature,keyEncipherment"
                                                : "critical,digitalSignature";
}

CertificateSpec caSpec(int days)
{
    return {QStringLiteral("burst-sandbox-ca"),
            {QStringLiteral("burst-console")},
            {{NID_basic_constraints, "critical,CA:TRUE"},
             {NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature"},
             {NID_subject_key_identifier, "hash"},
             {NID_authority_key_identifier, "keyid:always"}},
            days};
}

CertificateSpec leafSpec(const QString &commonName, const QStringList &organizations,
                         TlsOptions::KeyType type, const QByteArray &extendedUsage, int days)
{
    return {commonName,
            organizations,
            {{NID_basic_constraints, "critical,CA:FALSE"},
             {NID_key_usage, leafKeyUsage(type)},
             {NID_ext_key_usage, extendedUsage},
             {NID_subject_key_identifier, "hash"},
             {NID_authority_key_identifier, "keyid:always"}},
            days};
}

// Offers HTTP/1.1 by ALPN: clients that would try h2 (Qt, Go) settle on 1.1 at once.
int selectHttp11(SSL *, const unsigned char **out, unsigned char *outLength,
                 const unsigned char *offered, unsigned int offeredLength, void *)
{
    static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char *selected = nullptr;
    if (SSL_select_next_proto(&selected, outLength, http11, sizeof http11, offered,
                              offeredLength) != OPENSSL_NPN_NEGOTIATED) {
        return SSL_TLSEXT_ERR_NOACK;
    }
    *out = selected;
    return SSL_TLSEXT_ERR_OK;
}

bool configureServer(SSL_CTX *context, X509 *ca, X509 *certificate, EVP_PKEY *key,
                     bool requestClientCertificate)
{
    static const unsigned char sessionContext[] = "burst-sandbox";
    SSL_CTX_set_options(context, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                                     SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_alpn_select_cb(context, selectHttp11, nullptr);
    // Session resumption with client verification on needs an id context, else OpenSSL fails the
    // resumed handshake.
    if (SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) != 1 ||
        SSL_CTX_use_certificate(context, certificate) != 1 ||
        SSL_CTX_use_PrivateKey(context, key) != 1 || SSL_CTX_check_private_key(context) != 1 ||
        X509_STORE_add_cert(SSL_CTX_get_cert_store(context), ca) != 1 ||
        SSL_CTX_add_client_CA(context, ca) != 1 ||
        SSL_CTX_set_session_id_context(context, sessionContext, sizeof sessionContext - 1) != 1) {
        return false;
    }
    SSL_CTX_set_verify(context, requestClientCertificate ? SSL_VERIFY_PEER : SSL_VERIFY_NONE,
                       nullptr);
    return true;
}

std::shared_ptr<boost::asio::ssl::context>
makeServerContext(X509 *ca, X509 *certificate, EVP_PKEY *key, bool requestClientCertificate)
{
    std::shared_ptr<boost::asio::ssl::context> context;
    try {
        context =
            std::make_shared<boost::asio::ssl::context>(boost::asio::ssl::context::tls_server);
    } catch (...) { // Asio throws when SSL_CTX_new fails; errors stay values here
        return nullptr;
    }
    if (!configureServer(context->native_handle(), ca, certificate, key,
                         requestClientCertificate)) {
        return nullptr;
    }
    return context;
}

} // namespace

struct TlsContext::Data
{
    TlsOptions options;
    KeyPtr caKey;
    CertPtr caCertificate;
    QByteArray caPem;
    TlsKeyPair server;
    TlsKeyPair client;
    std::shared_ptr<boost::asio::ssl::context> serverContext;
};

TlsContext::TlsContext(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}

Result<TlsContext> TlsContext::generate(const TlsOptions &options)
{
    const Result<QByteArray> altNames = subjectAltNames(options.extraNames);
    if (!altNames)
        return altNames.error();
    ERR_clear_error();
    auto data = std::make_shared<Data>();
    data->options = options;
    data->caKey = generateKey(options.keyType);
    if (data->caKey) {
        data->caCertificate = makeCertificate(caSpec(options.validityDays), data->caKey.get(),
                                              nullptr, data->caKey.get());
    }
    if (!data->caCertificate)
        return tlsError(QStringLiteral("tls.ca"), Tr::tr("Could not create the sandbox CA: %1"));
    data->caPem = certificatePem(data->caCertificate.get());

    const KeyPtr serverKey = generateKey(options.keyType);
    CertificateSpec serverSpec = leafSpec(QStringLiteral("burst-sandbox"), {}, options.keyType,
                                          "serverAuth", options.validityDays);
    serverSpec.extensions.emplace_back(NID_subject_alt_name, *altNames);
    const CertPtr serverCertificate =
        serverKey ? makeCertificate(serverSpec, serverKey.get(), data->caCertificate.get(),
                                    data->caKey.get())
                  : nullptr;
    if (!serverCertificate) {
        return tlsError(QStringLiteral("tls.server"),
                        Tr::tr("Could not create the sandbox server certificate: %1"));
    }
    data->server = {certificatePem(serverCertificate.get()), privateKeyPem(serverKey.get())};
    data->serverContext = makeServerContext(data->caCertificate.get(), serverCertificate.get(),
                                            serverKey.get(), options.requestClientCertificate);
    if (!data->serverContext) {
        return tlsError(QStringLiteral("tls.context"),
                        Tr::tr("Could not set up the sandbox TLS server: %1"));
    }

    const TlsContext context(data);
    const Result<TlsKeyPair> admin = context.issueClientCertificate(
        QStringLiteral("sandbox-admin"), {QStringLiteral("system:masters")});
    if (!admin)
        return admin.error();
    data->client = *admin;
    return context;
}

Result<TlsKeyPair> TlsContext::issueClientCertificate(const QString &commonName,
                                                      const QStringList &organizations) const
{
    if (isEmpty()) {
        return Error{QStringLiteral("tls.empty"),
                     Tr::tr("There is no sandbox CA to issue a client certificate."),
                     {}};
    }
    ERR_clear_error();
    const KeyPtr key = generateKey(m_data->options.keyType);
    const CertPtr certificate =
        key ? makeCertificate(leafSpec(commonName, organizations, m_data->options.keyType,
                                       "clientAuth", m_data->options.validityDays),
                              key.get(), m_data->caCertificate.get(), m_data->caKey.get())
            : nullptr;
    if (!certificate) {
        return tlsError(QStringLiteral("tls.client"),
                        Tr::tr("Could not create a sandbox client certificate: %1"));
    }
    return TlsKeyPair{certificatePem(certificate.get()), privateKeyPem(key.get())};
}

QByteArray TlsContext::caPem() const
{
    return m_data ? m_data->caPem : QByteArray();
}

QByteArray TlsContext::serverCertPem() const
{
    return m_data ? m_data->server.certificatePem : QByteArray();
}

QByteArray TlsContext::serverKeyPem() const
{
    return m_data ? m_data->server.privateKeyPem : QByteArray();
}

QByteArray TlsContext::clientCertPem() const
{
    return m_data ? m_data->client.certificatePem : QByteArray();
}

QByteArray TlsContext::clientKeyPem() const
{
    return m_data ? m_data->client.privateKeyPem : QByteArray();
}

std::shared_ptr<boost::asio::ssl::context> TlsContext::serverContext() const
{
    return m_data ? m_data->serverContext : nullptr;
}

} // namespace core::sandbox
