#include "core/sandbox/cci/iamservice.h"

#include "core/cloud/akssigner.h"
#include "core/common/tr.h"
#include "core/sandbox/apiserver/sandboxclock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace core::sandbox {

namespace {

const QByteArray kAlgorithm = "SDK-HMAC-SHA256";

struct SignatureHeader
{
    QString accessKey;
    QStringList signedHeaders;
    QString signature;
};

std::optional<SignatureHeader> parseAuthorization(const QByteArray &value)
{
    static const QRegularExpression shape(
        QStringLiteral("^SDK-HMAC-SHA256\\s+Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*"
                       "Signature=([0-9a-fA-F]+)\\s*$"));
    const auto match = shape.match(QString::fromLatin1(value));
    if (!match.hasMatch())
        return std::nullopt;
    return SignatureHeader{match.captured(1), match.captured(2).toLower().split(u';'),
                           match.captured(3).toLower()};
}

QDateTime parseSdkDate(const QString &date)
{
    if (!cloud::isValidSdkDate(date))
        return {};
    return QDateTime(QDate::fromString(date.left(8), QStringLiteral("yyyyMMdd")),
                     QTime::fromString(date.mid(9, 6), QStringLiteral("HHmmss")), QTimeZone::utc());
}

// Compares every byte, so the time taken does not tell how much of a guess was right.
bool sameSignature(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return false;
    char16_t diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= a.at(i).unicode() ^ b.at(i).unicode();
    return diff == 0;
}

// Keystone-style ids are 32 hex digits; the sandbox derives them so they stay stable per name.
QString stableId(const QString &kind, const QString &name)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QString(kind + u':' + name).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(32));
}

QString newToken()
{
    QByteArray random(96, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / int(sizeof(quint32)));
    // Real IAM tokens are base64 PKI blobs starting with "MII"; clients must treat them as opaque.
    return QStringLiteral("MII") +
           QString::fromLatin1(
               random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString iamTime(const QDateTime &moment)
{
    return moment.toTimeZone(QTimeZone::utc())
               .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) +
           QStringLiteral("000Z");
}

void applyScope(const QJsonObject &auth, IamIdentity *identity)
{
    const QJsonObject project = auth.value(u"scope").toObject().value(u"project").toObject();
    identity->projectName = project.value(u"name").toString();
    identity->projectId = project.value(u"id").toString();
    if (identity->projectId.isEmpty() && !identity->projectName.isEmpty())
        identity->projectId = stableId(QStringLiteral("project"), identity->projectName);
    if (identity->projectName.isEmpty())
        identity->projectName = identity->projectId;
}

QJsonObject namedWithDomain(const QString &kind, const QString &name, const QString &domain)
{
    return QJsonObject{
        {QStringLiteral("id"), stableId(kind, name)},
        {QStringLiteral("name"), name},
        {QStringLiteral("domain"),
         QJsonObject{{QStringLiteral("id"), stableId(QStringLiteral("domain"), domain)},
                     {QStringLiteral("name"), domain}}}};
}

QJsonObject tokenBody(const IamIdentity &identity, const QDateTime &issuedAt)
{
    QJsonObject token{
        {QStringLiteral("expires_at"), iamTime(identity.expiresAt)},
        {QStringLiteral("issued_at"), iamTime(issuedAt)},
        {QStringLiteral("methods"), QJsonArray::fromStringList(identity.methods)},
        {QStringLiteral("user"),
         namedWithDomain(QStringLiteral("user"), identity.userName, identity.domainName)},
        {QStringLiteral("roles"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("cci_admin")}}}},
        {QStringLiteral("catalog"), QJsonArray()}};
    if (!identity.projectId.isEmpty()) {
        QJsonObject project =
            namedWithDomain(QStringLiteral("project"), identity.projectName, identity.domainName);
        project.insert(QStringLiteral("id"), identity.projectId);
        token.insert(QStringLiteral("project"), project);
    } else {
        token.insert(QStringLiteral("domain"),
                     QJsonObject{{QStringLiteral("id"),
                                  stableId(QStringLiteral("domain"), identity.domainName)},
                                 {QStringLiteral("name"), identity.domainName}});
    }
    return QJsonObject{{QStringLiteral("token"), token}};
}

} // namespace

HttpResponse IamError::toResponse() const
{
    const QJsonObject body{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                              {QStringLiteral("message"), message},
                                              {QStringLiteral("title"), title}}}};
    return HttpResponse::json(code, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

IamError IamError::unauthorized(const QString &message)
{
    return IamError{401, QStringLiteral("Unauthorized"), message};
}

IamError IamError::badRequest(const QString &message)
{
    return IamError{400, QStringLiteral("Bad Request"), message};
}

IamService::IamService(const SandboxClock &clock, IamOptions options)
    : m_clock(clock), m_options(std::move(options))
{
}

HttpResponse IamService::issueToken(const HttpRequest &request)
{
    if (request.method != "POST")
        return IamError{405, QStringLiteral("Method Not Allowed"),
                        Tr::tr("The method is not allowed for the requested URL.")}
            .toResponse();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject auth = doc.object().value(u"auth").toObject();
    if (parseError.error != QJsonParseError::NoError || auth.isEmpty())
        return IamError::badRequest(Tr::tr("The request body is not a valid auth request."))
            .toResponse();
    const QJsonObject identityJson = auth.value(u"identity").toObject();
    Result<IamIdentity, IamError> identity =
        isSigned(request) ? verifySigned(request) : authenticatePassword(identityJson);
    if (!identity)
        return identity.error().toResponse();
    IamIdentity issued = identity.value();
    applyScope(auth, &issued);
    const QDateTime now = m_clock.now();
    issued.expiresAt = now.addSecs(m_options.tokenTtl.count());
    const QString token = storeToken(issued);
    HttpResponse response = HttpResponse::json(
        201, QJsonDocument(tokenBody(issued, now)).toJson(QJsonDocument::Compact));
    response.headers.set("X-Subject-Token", token.toLatin1());
    return response;
}

Result<IamIdentity, IamError> IamService::authenticatePassword(const QJsonObject &identity) const
{
    if (!identity.value(u"methods").toArray().contains(QStringLiteral("password")))
        return IamError::badRequest(Tr::tr("The identity method \"password\" is required."));
    const QJsonObject user = identity.value(u"password").toObject().value(u"user").toObject();
    const QString name = user.value(u"name").toString();
    const QJsonObject domain = user.value(u"domain").toObject();
    const QString domainName = domain.value(u"name").toString();
    const QString domainId = domain.value(u"id").toString();
    if (name.isEmpty())
        return IamError::badRequest(Tr::tr("Expecting to find name in user."));
    if (domainName.isEmpty() && domainId.isEmpty())
        return IamError::badRequest(Tr::tr("Expecting to find domain in user."));
    const QString password = user.value(u"password").toString();
    for (const IamUser &known : m_options.users) {
        const bool sameDomain = known.domain == domainName ||
                                stableId(QStringLiteral("domain"), known.domain) == domainId;
        if (known.name == name && sameDomain && known.password == password)
            return IamIdentity{known.name, known.domain, {}, {}, {QStringLiteral("password")}, {}};
    }
    return IamError::unauthorized(Tr::tr("The username or password is wrong."));
}

bool IamService::isSigned(const HttpRequest &request)
{
    return request.headers.value("Authorization").startsWith(QByteArray(kAlgorithm + ' '));
}

const IamAccessKey *IamService::findAccessKey(const QString &accessKey) const
{
    for (const IamAccessKey &key : m_options.accessKeys) {
        if (key.accessKey == accessKey)
            return &key;
    }
    return nullptr;
}

Result<IamIdentity, IamError> IamService::verifySigned(const HttpRequest &request) const
{
    const auto header = parseAuthorization(request.headers.value("Authorization"));
    if (!header)
        return IamError::unauthorized(
            Tr::tr("Incorrect IAM authentication information: Authorization header malformed"));
    const IamAccessKey *key = findAccessKey(header->accessKey);
    if (!key)
        return IamError::unauthorized(
            Tr::tr("Incorrect IAM authentication information: ak %1 not exist")
                .arg(header->accessKey));
    const QString sdkDate = QString::fromLatin1(request.headers.value("X-Sdk-Date"));
    const QDateTime signedAt = parseSdkDate(sdkDate);
    if (!signedAt.isValid())
        return IamError::unauthorized(
            Tr::tr("Incorrect IAM authentication information: x-sdk-date is missing or invalid"));
    if (qAbs(signedAt.secsTo(m_clock.now())) > m_options.maxClockSkew.count())
        return IamError::unauthorized(Tr::tr(
            "Incorrect IAM authentication information: x-sdk-date is more than 15 minutes off"));
    // An unsigned host would let a signature be replayed against another endpoint.
    if (!header->signedHeaders.contains(u"host"))
        return IamError::unauthorized(
            Tr::tr("Incorrect IAM authentication information: host is not signed"));
    cloud::SignRequest toSign;
    toSign.method = QString::fromLatin1(request.method);
    toSign.url = QUrl::fromEncoded(request.target);
    toSign.signedHeaders = header->signedHeaders;
    toSign.sdkDate = sdkDate;
    toSign.body = request.body;
    for (const QString &name : std::as_const(header->signedHeaders)) {
        const QByteArray raw = name.toLatin1();
        if (!request.headers.contains(raw))
            return IamError::unauthorized(
                Tr::tr("Incorrect IAM authentication information: signed header %1 is missing")
                    .arg(name));
        toSign.headers.append({name, QString::fromUtf8(request.headers.values(raw).join(','))});
    }
    const auto recomputed = cloud::AkSkSigner(key->accessKey, key->secretKey).sign(toSign);
    if (!recomputed || !sameSignature(recomputed->signature, header->signature))
        return IamError::unauthorized(
            Tr::tr("Incorrect IAM authentication information: verify aksk signature fail"));
    return IamIdentity{key->userName, key->domain, {}, {}, {QStringLiteral("hw_ak_sk")}, {}};
}

QString IamService::storeToken(const IamIdentity &identity)
{
    const QString token = newToken();
    const QDateTime now = m_clock.now();
    QMutexLocker lock(&m_mutex);
    m_tokens.removeIf([&now](const auto &entry) { return entry.value().expiresAt <= now; });
    m_tokens.insert(token, identity);
    return token;
}

std::optional<IamIdentity> IamService::identityForToken(const QString &token) const
{
    const QDateTime now = m_clock.now();
    QMutexLocker lock(&m_mutex);
    const auto found = m_tokens.constFind(token);
    if (found == m_tokens.cend() || found->expiresAt <= now)
        return std::nullopt;
    return *found;
}

qsizetype IamService::tokenCount() const
{
    const QDateTime now = m_clock.now();
    QMutexLocker lock(&m_mutex);
    return std::count_if(m_tokens.cbegin(), m_tokens.cend(),
                         [&now](const IamIdentity &identity) { return identity.expiresAt > now; });
}

} // namespace core::sandbox
