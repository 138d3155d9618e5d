#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>

class QSettings;

namespace core::cloud {

// A Huawei Cloud account as the console remembers it. Only references to the secrets are kept
// (keys of the CredentialStore), so the settings file that holds accounts holds no secret.
struct CloudAccount
{
    enum class AuthKind { Password, AkSk };

    QString id; // stable key of the settings group and of the secret references
    QString displayName;
    QString region; // "cn-north-4"
    AuthKind authKind = AuthKind::AkSk;
    QString userName;           // IAM user (password auth)
    QString domainName;         // account (domain) name the IAM user belongs to
    QString projectName;        // usually the region name; empty = the region's default project
    QString passwordReference;  // password auth
    QString accessKeyReference; // AK/SK auth
    QString secretKeyReference;

    // The references a new account's secrets are stored under: "cloud/<id>/password" ...
    static QString referenceFor(const QString &id, const QString &secretName);
    // Fills the references from the id for the account's auth kind.
    void assignReferences();
    // The references this account points to, for removal from the store with the account.
    QList<QString> references() const;

    friend bool operator==(const CloudAccount &, const CloudAccount &) = default;
};

QString authKindName(CloudAccount::AuthKind kind); // "password" | "aksk"

// Writes the account under `group/<id>` (an existing entry is replaced); error
// cloudAccount.invalidId when the id is empty or holds a '/' or '\\'.
Result<void> saveCloudAccount(QSettings &settings, const QString &group,
                              const CloudAccount &account);
Result<CloudAccount> loadCloudAccount(QSettings &settings, const QString &group, const QString &id);
// Every account under `group`, sorted by id; entries that fail to load are skipped.
QList<CloudAccount> loadCloudAccounts(QSettings &settings, const QString &group);
void removeCloudAccount(QSettings &settings, const QString &group, const QString &id);

} // namespace core::cloud
