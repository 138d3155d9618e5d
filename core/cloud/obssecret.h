#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The Secret through which CCI's OBS volumes reach OBS (the CCI guide, chapter 5): data.ak and
// data.sk, base64, in the namespace whose pods mount the bucket. The guide names it "longaksk" and
// does not give its type; Opaque is used. An access key held here should belong to an IAM
// sub-user in a group that has only OBS permissions, never to the account itself.
namespace core::cloud {

struct ObsAccessKey
{
    QString accessKeyId;
    QString secretAccessKey;
};

inline constexpr auto kDefaultObsSecretName = "longaksk";

// Both parts present, printable ASCII without spaces ("obs.accessKey" otherwise; the message
// never contains the key).
Result<void> validateObsAccessKey(const ObsAccessKey &key);

// The Secret (errors "obs.namespace" / "obs.name" for names Kubernetes refuses, and those of
// validateObsAccessKey()).
Result<QJsonObject> obsSecret(const QString &nameSpace, const QString &name,
                              const ObsAccessKey &key);

// Whether `secret` carries `accessKeyId` as its access key: data.ak (the guide's field) or
// data["access.key"] (CCE's OBS secrets). Compared in constant time over the decoded bytes; no
// copy of either outlives the call.
bool holdsAccessKey(const QJsonObject &secret, const QString &accessKeyId);

// Whether two access key ids are the same, compared in constant time.
bool sameAccessKey(const QString &a, const QString &b);

// The names of the secrets in `secrets` (items of a SecretList) that hold `accessKeyId`.
QStringList secretsHoldingKey(const QList<QJsonObject> &secrets, const QString &accessKeyId);

} // namespace core::cloud
