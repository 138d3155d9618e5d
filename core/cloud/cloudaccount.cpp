#include "core/cloud/cloudaccount.h"

#include "core/common/tr.h"

#include <QSettings>

#include <algorithm>
#include <optional>

namespace core::cloud {

namespace {

const QString kDisplayName = QStringLiteral("displayName");
const QString kRegion = QStringLiteral("region");
const QString kAuthKind = QStringLiteral("authKind");
const QString kUserName = QStringLiteral("userName");
const QString kDomainName = QStringLiteral("domainName");
const QString kProjectName = QStringLiteral("projectName");
const QString kPasswordReference = QStringLiteral("passwordReference");
const QString kAccessKeyReference = QStringLiteral("accessKeyReference");
const QString kSecretKeyReference = QStringLiteral("secretKeyReference");

std::optional<CloudAccount::AuthKind> parseAuthKind(const QString &name)
{
    if (name == u"password")
        return CloudAccount::AuthKind::Password;
    if (name == u"aksk")
        return CloudAccount::AuthKind::AkSk;
    return std::nullopt;
}

// QSettings groups use '/' as separator; an id holding one would nest groups.
bool validId(const QString &id)
{
    return !id.isEmpty() && !id.contains(u'/') && !id.contains(u'\\');
}

Error invalidIdError(const QString &id)
{
    return Error{QStringLiteral("cloudAccount.invalidId"),
                 Tr::tr("\"%1\" is not a valid account id.").arg(id),
                 {}};
}

} // namespace

QString CloudAccount::referenceFor(const QString &id, const QString &secretName)
{
    return QStringLiteral("cloud/%1/%2").arg(id, secretName);
}

void CloudAccount::assignReferences()
{
    passwordReference.clear();
    accessKeyReference.clear();
    secretKeyReference.clear();
    if (authKind == AuthKind::Password) {
        passwordReference = referenceFor(id, QStringLiteral("password"));
    } else {
        accessKeyReference = referenceFor(id, QStringLiteral("access-key"));
        secretKeyReference = referenceFor(id, QStringLiteral("secret-key"));
    }
}

QList<QString> CloudAccount::references() const
{
    QList<QString> all;
    for (const QString &reference : {passwordReference, accessKeyReference, secretKeyReference}) {
        if (!reference.isEmpty())
            all.append(reference);
    }
    return all;
}

QString authKindName(CloudAccount::AuthKind kind)
{
    return kind == CloudAccount::AuthKind::Password ? QStringLiteral("password")
                                                    : QStringLiteral("aksk");
}

Result<void> saveCloudAccount(QSettings &settings, const QString &group,
                              const CloudAccount &account)
{
    if (!validId(account.id))
        return invalidIdError(account.id);
    settings.beginGroup(group);
    settings.remove(account.id);
    settings.beginGroup(account.id);
    settings.setValue(kDisplayName, account.displayName);
    settings.setValue(kRegion, account.region);
    settings.setValue(kAuthKind, authKindName(account.authKind));
    settings.setValue(kUserName, account.userName);
    settings.setValue(kDomainName, account.domainName);
    settings.setValue(kProjectName, account.projectName);
    settings.setValue(kPasswordReference, account.passwordReference);
    settings.setValue(kAccessKeyReference, account.accessKeyReference);
    settings.setValue(kSecretKeyReference, account.secretKeyReference);
    settings.endGroup();
    settings.endGroup();
    return Result<void>::success();
}

Result<CloudAccount> loadCloudAccount(QSettings &settings, const QString &group, const QString &id)
{
    if (!validId(id))
        return invalidIdError(id);
    settings.beginGroup(group);
    const bool exists = settings.childGroups().contains(id);
    settings.beginGroup(id);
    CloudAccount account;
    account.id = id;
    account.displayName = settings.value(kDisplayName).toString();
    account.region = settings.value(kRegion).toString();
    const QString kind = settings.value(kAuthKind).toString();
    account.userName = settings.value(kUserName).toString();
    account.domainName = settings.value(kDomainName).toString();
    account.projectName = settings.value(kProjectName).toString();
    account.passwordReference = settings.value(kPasswordReference).toString();
    account.accessKeyReference = settings.value(kAccessKeyReference).toString();
    account.secretKeyReference = settings.value(kSecretKeyReference).toString();
    settings.endGroup();
    settings.endGroup();
    if (!exists)
        return Error{QStringLiteral("cloudAccount.notFound"),
                     Tr::tr("No cloud account \"%1\" is saved.").arg(id),
                     {}};
    const std::optional<CloudAccount::AuthKind> authKind = parseAuthKind(kind);
    if (!authKind)
        return Error{
            QStringLiteral("cloudAccount.authKind"),
            Tr::tr("Cloud account \"%1\" has an unknown authentication kind \"%2\".").arg(id, kind),
            Tr::tr("Edit the account and choose password or AK/SK.")};
    account.authKind = *authKind;
    return account;
}

QList<CloudAccount> loadCloudAccounts(QSettings &settings, const QString &group)
{
    settings.beginGroup(group);
    QStringList ids = settings.childGroups();
    settings.endGroup();
    std::sort(ids.begin(), ids.end());
    QList<CloudAccount> accounts;
    for (const QString &id : ids) {
        Result<CloudAccount> account = loadCloudAccount(settings, group, id);
        if (account)
            accounts.append(account.value());
    }
    return accounts;
}

void removeCloudAccount(QSettings &settings, const QString &group, const QString &id)
{
    if (!validId(id))
        return;
    settings.beginGroup(group);
    settings.remove(id);
    settings.endGroup();
}

} // namespace core::cloud
