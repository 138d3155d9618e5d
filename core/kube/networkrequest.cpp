#include "core/kube/networkrequest.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace core::kube {

namespace {

// Kubeconfig keys may be RSA or EC (PKCS#1, SEC1 or PKCS#8 PEM); the PEM header does not always
// say which, so try each algorithm.
QSslKey parseKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

void setClientCertificate(QSslConfiguration &configuration, const QByteArray &certPem,
                          const QByteArray &keyPem)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    const QSslKey key = parseKey(keyPem);
    if (chain.isEmpty() || key.isNull())
        return;
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
}

// A service-account token file is rotated under a running client, so it is read per request.
QString bearerToken(const Connection &connection)
{
    if (!connection.tokenFile.isEmpty()) {
        QFile file(connection.tokenFile);
        if (file.open(QIODevice::ReadOnly))
            return QString::fromUtf8(file.readAll().trimmed());
    }
    return connection.token;
}

void setBearer(QNetworkRequest &request, const QString &token)
{
    request.setRawHeader("Authorization", QByteArray("Bearer " + token.toUtf8()));
}

// Go's url.QueryEscape keeps only unreserved characters; '+' must become %2B or the API server
// reads it as a space.
QByteArray queryEscape(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

} // namespace

QNetworkRequest makeRequest(const Connection &connection, const QUrl &url)
{
    QNetworkRequest request(url);
    if (url.scheme() == u"https") {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        // As client-go: a CA given replaces the system roots instead of adding to them.
        if (!connection.certificateAuthorityPem.isEmpty())
            configuration.setCaCertificates(
                QSslCertificate::fromData(connection.certificateAuthorityPem, QSsl::Pem));
        if (connection.insecureSkipTlsVerify)
            configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!connection.clientCertPem.isEmpty())
            setClientCertificate(configuration, connection.clientCertPem, connection.clientKeyPem);
        request.setSslConfiguration(configuration);
        if (!connection.tlsServerName.isEmpty())
            request.setPeerVerifyName(connection.tlsServerName);
    }
    const QString token = bearerToken(connection);
    if (!token.isEmpty()) {
        setBearer(request, token);
    } else if (!connection.username.isEmpty() || !connection.password.isEmpty()) {
        const QByteArray pair = QString(connection.username + u':' + connection.password).toUtf8();
        request.setRawHeader("Authorization", QByteArray("Basic " + pair.toBase64()));
    }
    for (const auto &[name, value] : connection.extraHeaders)
        request.setRawHeader(name, value);
    return request;
}

void applyCredential(QNetworkRequest &request, const Credential &credential)
{
    if (!credential.token.isEmpty())
        setBearer(request, credential.token);
    if (!credential.clientCertPem.isEmpty()) {
        QSslConfiguration configuration = request.sslConfiguration();
        setClientCertificate(configuration, credential.clientCertPem, credential.clientKeyPem);
        request.setSslConfiguration(configuration);
    }
}

QUrl apiUrl(const Connection &connection, const QString &path,
            const QList<QPair<QString, QString>> &query)
{
    QUrl url = connection.server;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    QByteArray encoded;
    for (const auto &[key, value] : query) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += queryEscape(key) + '=' + queryEscape(value);
    }
    url.setQuery(encoded.isEmpty() ? QString() : QString::fromLatin1(encoded), QUrl::StrictMode);
    url.setFragment({});
    return url;
}

} // namespace core::kube
