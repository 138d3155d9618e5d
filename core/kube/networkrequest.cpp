#include "core/kube/networkrequest.h"

#include "core/common/tr.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace core::kube {

namespace {

// PEM keys do not say their algorithm in a way QSslKey reads (PKCS#8 "PRIVATE KEY"), so try
// the ones kubeconfigs carry.
QSslKey parseKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

void applyClientCertificate(QSslConfiguration &ssl, const QByteArray &certPem,
                            const QByteArray &keyPem)
{
    if (certPem.isEmpty() || keyPem.isEmpty())
        return;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty())
        return;
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(parseKey(keyPem));
}

QString readTokenFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

QNetworkRequest makeRequest(const Connection &connection, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("burst-console"));
    if (url.scheme() == u"https") {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!connection.certificateAuthorityPem.isEmpty())
            ssl.setCaCertificates(
                QSslCertificate::fromData(connection.certificateAuthorityPem, QSsl::Pem));
        if (connection.insecureSkipTlsVerify)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        applyClientCertificate(ssl, connection.clientCertPem, connection.clientKeyPem);
        request.setSslConfiguration(ssl);
        if (!connection.tlsServerName.isEmpty())
            request.setPeerVerifyName(connection.tlsServerName);
    }
    QString token = connection.token;
    if (!connection.tokenFile.isEmpty()) {
        const QString fromFile = readTokenFile(connection.tokenFile);
        if (!fromFile.isEmpty())
            token = fromFile;
    }
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    else if (!connection.username.isEmpty())
        request.setRawHeader(
            "Authorization",
            "Basic " +
                QString(connection.username + u':' + connection.password).toUtf8().toBase64());
    for (const auto &[name, value] : connection.extraHeaders)
        request.setRawHeader(name, value);
    return request;
}

void applyCredential(QNetworkRequest &request, const Credential &credential)
{
    if (!credential.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + credential.token.toUtf8());
    if (!credential.clientCertPem.isEmpty() && request.url().scheme() == u"https") {
        QSslConfiguration ssl = request.sslConfiguration();
        applyClientCertificate(ssl, credential.clientCertPem, credential.clientKeyPem);
        request.setSslConfiguration(ssl);
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
    if (!query.isEmpty()) {
        // Encoded by hand: QUrlQuery leaves '+', '=' and ',' alone, which selectors contain.
        QByteArray encoded;
        for (const auto &[key, value] : query) {
            if (!encoded.isEmpty())
                encoded += '&';
            encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        }
        url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    }
    return url;
}

Result<QNetworkProxy> networkProxy(const Connection &connection)
{
    const QUrl &url = connection.proxyUrl;
    if (url.isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QString scheme = url.scheme();
    QNetworkProxy::ProxyType type = QNetworkProxy::HttpProxy;
    int defaultPort = 80;
    if (scheme == u"socks5") {
        type = QNetworkProxy::Socks5Proxy;
        defaultPort = 1080;
    } else if (scheme != u"http") {
        return Error{QStringLiteral("kube.proxy"),
                     Tr::tr("the proxy-url \"%1\" cannot be used: only http:// and socks5:// "
                            "proxies are supported, not a TLS connection to the proxy")
                         .arg(url.toString(QUrl::RemoveUserInfo)),
                     {}};
    }
    return QNetworkProxy(type, url.host(), quint16(url.port(defaultPort)),
                         url.userName(QUrl::FullyDecoded), url.password(QUrl::FullyDecoded));
}

QNetworkReply *sendWithReadBuffer(QNetworkAccessManager *network, const QNetworkRequest &request,
                                  const QByteArray &verb, const QByteArray &body,
                                  qint64 readBuffer)
{
    // Without a body QNetworkReplyHttpImpl starts the request in its constructor, so the size
    // set below follows the start on the way to the HTTP thread.
    QNetworkReply *reply = body.isEmpty() ? network->sendCustomRequest(request, verb)
                                          : network->sendCustomRequest(request, verb, body);
    reply->setReadBufferSize(readBuffer);
    // With a body the start was queued by the constructor; this call is queued after it.
    QMetaObject::invokeMethod(
        reply, [reply, readBuffer] { reply->setReadBufferSize(readBuffer); },
        Qt::QueuedConnection);
    return reply;
}

} // namespace core::kube
