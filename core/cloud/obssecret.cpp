#include "core/cloud/obssecret.h"

#include "core/common/tr.h"
#include "core/kube/labelselector.h"

namespace core::cloud {

namespace {

bool isKeyText(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() > 0x20 && c.unicode() < 0x7f;
    });
}

// Same length and bytes, looking at every byte whatever differs first.
bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool isName(const QString &name, bool label)
{
    return !name.isEmpty() && kube::validateDns1123Subdomain(name).isEmpty() &&
           (!label || (name.size() <= 63 && !name.contains(u'.')));
}

} // namespace

Result<void> validateObsAccessKey(const ObsAccessKey &key)
{
    if (!isKeyText(key.accessKeyId))
        return Error{QStringLiteral("obs.accessKey"),
                     Tr::tr("the access key id is empty or holds spaces or non-ASCII characters"),
                     Tr::tr("Copy the AK from the credentials.csv of the IAM sub-user.")};
    if (!isKeyText(key.secretAccessKey))
        return Error{QStringLiteral("obs.accessKey"),
                     Tr::tr("the secret access key is empty or holds spaces or non-ASCII "
                            "characters"),
                     Tr::tr("Copy the SK from the credentials.csv of the IAM sub-user.")};
    return Result<void>::success();
}

Result<QJsonObject> obsSecret(const QString &nameSpace, const QString &name,
                              const ObsAccessKey &key)
{
    if (!isName(nameSpace, true))
        return Error{QStringLiteral("obs.namespace"),
                     Tr::tr("namespace \"%1\" is not a DNS-1123 label").arg(nameSpace),
                     {}};
    if (!isName(name, false))
        return Error{
            QStringLiteral("obs.name"), Tr::tr("\"%1\" is not a Secret name").arg(name), {}};
    if (const Result<void> valid = validateObsAccessKey(key); !valid)
        return valid.error();
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Secret")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), nameSpace}}},
        {QStringLiteral("type"), QStringLiteral("Opaque")},
        {QStringLiteral("data"),
         QJsonObject{
             {QStringLiteral("ak"), QString::fromLatin1(key.accessKeyId.toUtf8().toBase64())},
             {QStringLiteral("sk"),
              QString::fromLatin1(key.secretAccessKey.toUtf8().toBase64())}}}};
}

bool holdsAccessKey(const QJsonObject &secret, const QString &accessKeyId)
{
    if (accessKeyId.isEmpty())
        return false;
    const QJsonObject data = secret.value(u"data").toObject();
    const QByteArray wanted = accessKeyId.toUtf8();
    bool found = false;
    for (const QString &field : {QStringLiteral("ak"), QStringLiteral("access.key")}) {
        if (!data.contains(field))
            continue;
        const QByteArray held = QByteArray::fromBase64(data.value(field).toString().toLatin1());
        found = constantTimeEqual(held.trimmed(), wanted) || found;
    }
    return found;
}

bool sameAccessKey(const QString &a, const QString &b)
{
    return !a.isEmpty() && constantTimeEqual(a.toUtf8(), b.toUtf8());
}

QStringList secretsHoldingKey(const QList<QJsonObject> &secrets, const QString &accessKeyId)
{
    QStringList names;
    for (const QJsonObject &secret : secrets) {
        if (holdsAccessKey(secret, accessKeyId))
            names << secret.value(u"metadata").toObject().value(u"name").toString();
    }
    return names;
}

} // namespace core::cloud
