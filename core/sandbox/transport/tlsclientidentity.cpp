#include "core/sandbox/transport/tlsclientidentity.h"

#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace core::sandbox {

namespace {

QString entryText(const X509_NAME_ENTRY *entry)
{
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
    if (length < 0)
        return {};
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

QStringList entries(const X509_NAME *name, int nid)
{
    QStringList result;
    for (int index = X509_NAME_get_index_by_NID(name, nid, -1); index >= 0;
         index = X509_NAME_get_index_by_NID(name, nid, index)) {
        result.append(entryText(X509_NAME_get_entry(name, index)));
    }
    return result;
}

} // namespace

TlsClientIdentity TlsClientIdentity::fromConnection(const ssl_st *ssl)
{
    TlsClientIdentity identity;
    const X509 *peer = ssl ? SSL_get0_peer_certificate(ssl) : nullptr;
    if (!peer || SSL_get_verify_result(ssl) != X509_V_OK)
        return identity;
    const X509_NAME *subject = X509_get_subject_name(peer);
    identity.verified = true;
    identity.commonName = entries(subject, NID_commonName).value(0);
    identity.organizations = entries(subject, NID_organizationName);
    return identity;
}

} // namespace core::sandbox
