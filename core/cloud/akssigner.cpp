#include "core/cloud/akssigner.h"

#include "core/common/tr.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <optional>

namespace core::cloud {

namespace {

using Headers = QList<std::pair<QString, QString>>;

const QString kAlgorithm = QStringLiteral("SDK-HMAC-SHA256");
const QString kSdkDateFormat = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
const QString kHost = QStringLiteral("host");
const QString kSdkDate = QStringLiteral("x-sdk-date");
const QString kContentSha256 = QStringLiteral("x-sdk-content-sha256");

Error makeError(const char *code, const QString &message, const QString &hint = {})
{
    return Error{QString::fromLatin1(code), message, hint};
}

// RFC 3986 unreserved characters stay, everything else (UTF-8 bytes) is %XX upper-case.
QString encode(const QString &decoded)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(decoded));
}

QString decode(const QString &encoded)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded.toUtf8()));
}

bool isToken(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(text).hasMatch();
}

const QString *findHeader(const Headers &headers, const QString &lowerName)
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return &value;
    }
    return nullptr;
}

void setHeader(Headers *headers, const QString &lowerName, const QString &value)
{
    for (auto &[name, existing] : *headers) {
        if (name == lowerName) {
            existing = value;
            return;
        }
    }
    headers->append({lowerName, value});
}

Result<Headers> normalizeHeaders(const Headers &given)
{
    Headers headers;
    for (const auto &[name, value] : given) {
        const QString lower = name.trimmed().toLower();
        if (!isToken(lower))
            return makeError("aksk.headerName", Tr::tr("Invalid header name \"%1\".").arg(name));
        if (findHeader(headers, lower))
            return makeError("aksk.duplicateHeader",
                             Tr::tr("Header \"%1\" is given more than once.").arg(name),
                             Tr::tr("Give each header once; join repeated values with \",\"."));
        headers.append({lower, value.trimmed()});
    }
    return headers;
}

QString hostOf(const QUrl &url)
{
    const QString host = url.host(QUrl::FullyEncoded);
    const int port = url.port();
    const int defaultPort = url.scheme() == u"https" ? 443 : url.scheme() == u"http" ? 80 : -1;
    if (host.isEmpty() || port == -1 || port == defaultPort)
        return host;
    return host + u':' + QString::number(port);
}

Result<QString> resolveDate(const SignRequest &request, const Headers &headers)
{
    const QString *header = findHeader(headers, kSdkDate);
    const QString date = !request.sdkDate.isEmpty() ? request.sdkDate
                         : header                   ? *header
                                                    : QString();
    if (!isValidSdkDate(date))
        return makeError("aksk.date", Tr::tr("Invalid X-Sdk-Date \"%1\".").arg(date),
                         Tr::tr("Use the UTC form yyyyMMddTHHmmssZ, e.g. 20060102T150405Z."));
    return date;
}

// Host and date are always signed by default, so a request without a host fails loudly.
QStringList defaultSignedHeaders(const Headers &headers)
{
    QStringList names{kHost, kSdkDate};
    for (const auto &header : headers)
        names.append(header.first);
    return names;
}

Result<QStringList> resolveSignedHeaders(const QStringList &requested, const Headers &headers)
{
    QStringList names;
    for (const QString &name : requested.isEmpty() ? defaultSignedHeaders(headers) : requested) {
        const QString lower = name.trimmed().toLower();
        if (!lower.isEmpty())
            names.append(lower);
    }
    names.sort();
    names.removeDuplicates();
    for (const QString &name : std::as_const(names)) {
        if (findHeader(headers, name))
            continue;
        if (name == kHost)
            return makeError("aksk.missingHost",
                             Tr::tr("The host is signed but the request has none."),
                             Tr::tr("Give an absolute URL or a Host header."));
        return makeError("aksk.missingSignedHeader",
                         Tr::tr("Signed header \"%1\" is not in the request.").arg(name),
                         Tr::tr("Add the header or remove it from the signed headers."));
    }
    if (names.isEmpty())
        return makeError("aksk.noSignedHeaders", Tr::tr("No header to sign."));
    return names;
}

std::optional<Error> checkRequest(const SignRequest &request)
{
    if (!isToken(request.method))
        return makeError("aksk.method", Tr::tr("Invalid HTTP method \"%1\".").arg(request.method));
    if (!request.url.isValid())
        return makeError("aksk.url", Tr::tr("Invalid URL \"%1\": %2")
                                         .arg(request.url.toString(), request.url.errorString()));
    return std::nullopt;
}

QString hmacHex(const QString &key, const QString &message)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(message.toUtf8(), key.toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

} // namespace

AkSkSigner::AkSkSigner(QString accessKey, QString secretKey)
    : m_accessKey(std::move(accessKey)), m_secretKey(std::move(secretKey))
{
}

Result<SignedRequest> AkSkSigner::sign(const SignRequest &request) const
{
    if (m_accessKey.isEmpty() || m_secretKey.isEmpty())
        return makeError("aksk.emptyKey", Tr::tr("The access key or the secret key is empty."));
    if (const auto error = checkRequest(request))
        return *error;
    auto normalized = normalizeHeaders(request.headers);
    if (!normalized)
        return normalized.error();
    Headers headers = std::move(normalized.value());
    if (!findHeader(headers, kHost) && !hostOf(request.url).isEmpty())
        headers.append({kHost, hostOf(request.url)});
    const auto date = resolveDate(request, headers);
    if (!date)
        return date.error();
    setHeader(&headers, kSdkDate, *date);
    const auto names = resolveSignedHeaders(request.signedHeaders, headers);
    if (!names)
        return names.error();

    const QString *contentHash = findHeader(headers, kContentSha256);
    SignedRequest signedRequest;
    signedRequest.sdkDate = *date;
    signedRequest.signedHeaders = *names;
    signedRequest.canonicalRequest =
        QStringList{request.method,
                    canonicalUri(request.url.path(QUrl::FullyEncoded)),
                    canonicalQueryString(request.url.query(QUrl::FullyEncoded)),
                    canonicalHeaders(headers, *names),
                    names->join(u';'),
                    contentHash ? *contentHash : hexSha256(request.body)}
            .join(u'\n');
    signedRequest.stringToSign =
        QStringList{kAlgorithm, *date, hexSha256(signedRequest.canonicalRequest.toUtf8())}.join(
            u'\n');
    signedRequest.signature = hmacHex(m_secretKey, signedRequest.stringToSign);
    signedRequest.authorization =
        QStringLiteral("%1 Access=%2, SignedHeaders=%3, Signature=%4")
            .arg(kAlgorithm, m_accessKey, names->join(u';'), signedRequest.signature);
    return signedRequest;
}

QString canonicalUri(const QString &encodedPath)
{
    QStringList segments = encodedPath.split(u'/');
    for (QString &segment : segments)
        segment = encode(decode(segment));
    QString uri = segments.join(u'/');
    if (!uri.endsWith(u'/'))
        uri += u'/';
    return uri;
}

QString canonicalQueryString(const QString &encodedQuery)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QString &part : encodedQuery.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(u'=');
        const QString key = equals < 0 ? part : part.left(equals);
        const QString value = equals < 0 ? QString() : part.mid(equals + 1);
        pairs.append({encode(decode(key)), encode(decode(value))});
    }
    std::sort(pairs.begin(), pairs.end());
    QStringList joined;
    for (const auto &[key, value] : std::as_const(pairs))
        joined.append(key + u'=' + value);
    return joined.join(u'&');
}

QString canonicalHeaders(const QList<std::pair<QString, QString>> &headers,
                         const QStringList &signedHeaders)
{
    QString block;
    for (const QString &name : signedHeaders) {
        for (const auto &[given, value] : headers) {
            if (given.trimmed().toLower() == name)
                block += name + u':' + value.trimmed() + u'\n';
        }
    }
    return block;
}

QString hexSha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString formatSdkDate(const QDateTime &moment)
{
    return moment.toTimeZone(QTimeZone::utc()).toString(kSdkDateFormat);
}

bool isValidSdkDate(const QString &date)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{8}T\\d{6}Z$"));
    if (!shape.match(date).hasMatch())
        return false;
    // Date and time apart: a whole-string parse would read local time and reject DST gaps.
    return QDate::fromString(date.left(8), QStringLiteral("yyyyMMdd")).isValid() &&
           QTime::fromString(date.mid(9, 6), QStringLiteral("HHmmss")).isValid();
}

} // namespace core::cloud
