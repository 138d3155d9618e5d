#include "core/sandbox/store/objectmeta.h"

#include "core/common/tr.h"
#include "core/kube/labelselector.h"
#include "core/sandbox/store/objectstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

namespace core::sandbox {

using kube::metadataOf;

namespace {

const QString kMetadata = QStringLiteral("metadata");

QJsonObject withApiVersionAndKind(QJsonObject object, const ResourceType &type)
{
    if (object.value(u"apiVersion").toString().isEmpty())
        object.insert(QStringLiteral("apiVersion"), type.apiVersion());
    if (object.value(u"kind").toString().isEmpty() && !type.kind.isEmpty())
        object.insert(QStringLiteral("kind"), type.kind);
    return object;
}

std::optional<ApiError> checkName(const ResourceType &type, const QString &name,
                                  const QString &shownName)
{
    const QString reason = kube::validateDns1123Subdomain(name);
    if (reason.isEmpty())
        return std::nullopt;
    return ApiError::invalid(type, shownName, QStringLiteral("metadata.name"),
                             QStringLiteral("FieldValueInvalid"),
                             Tr::tr("Invalid value: \"%1\": %2").arg(shownName, reason));
}

} // namespace

QJsonObject withMetadata(QJsonObject object, const QString &key, const QJsonValue &value)
{
    QJsonObject metadata = metadataOf(object);
    if (value.isUndefined())
        metadata.remove(key);
    else
        metadata.insert(key, value);
    object.insert(kMetadata, metadata);
    return object;
}

QString randomNameSuffix()
{
    static const QString alphabet = QStringLiteral("bcdfghjklmnpqrstvwxz2456789");
    QString suffix;
    for (int i = 0; i < 5; ++i)
        suffix += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    return suffix;
}

ServerResult<QJsonObject> prepareCreate(const ResourceType &type, const QString &namespaceName,
                                        const QJsonObject &object)
{
    if (object.contains(kMetadata) && !object.value(kMetadata).isObject())
        return ApiError::badRequest(Tr::tr("metadata must be an object"));
    const QString bodyNamespace = metadataString(object, u"namespace");
    if (!namespaceName.isEmpty() && !bodyNamespace.isEmpty() && bodyNamespace != namespaceName) {
        return ApiError::badRequest(Tr::tr("the namespace of the provided object does not match "
                                           "the namespace sent on the request"));
    }
    const QString name = metadataString(object, u"name");
    const QString generateName = metadataString(object, u"generateName");
    if (name.isEmpty() && generateName.isEmpty()) {
        return ApiError::invalid(type, QString(), QStringLiteral("metadata.name"),
                                 QStringLiteral("FieldValueRequired"),
                                 Tr::tr("Required value: name or generateName is required"));
    }
    if (const auto error = checkName(type, name.isEmpty() ? generateName + u'x' : name,
                                     name.isEmpty() ? generateName : name))
        return *error;
    if (!metadataString(object, u"resourceVersion").isEmpty()) {
        return ApiError::internalError(
            Tr::tr("resourceVersion should not be set on objects to be created"));
    }
    QJsonObject prepared = withApiVersionAndKind(object, type);
    // Only a delete marks an object as deleting (rest.BeforeCreate clears both).
    prepared = withMetadata(prepared, QStringLiteral("deletionTimestamp"), QJsonValue::Undefined);
    prepared = withMetadata(prepared, QStringLiteral("deletionGracePeriodSeconds"),
                            QJsonValue::Undefined);
    return withMetadata(prepared, QStringLiteral("namespace"),
                        namespaceName.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                : QJsonValue(namespaceName));
}

QJsonObject withCreationFields(QJsonObject object, const QString &name,
                               const QString &resourceVersion)
{
    QJsonObject metadata = metadataOf(object);
    metadata.insert(QStringLiteral("name"), name);
    metadata.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert(QStringLiteral("creationTimestamp"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    metadata.insert(QStringLiteral("resourceVersion"), resourceVersion);
    if (object.contains(u"spec"))
        metadata.insert(QStringLiteral("generation"), 1);
    else
        metadata.remove(QStringLiteral("generation"));
    object.insert(kMetadata, metadata);
    return object;
}

std::optional<ApiError> checkIdentity(const QString &namespaceName, const QString &name,
                                      const QJsonObject &object)
{
    const QString bodyName = metadataString(object, u"name");
    if (!bodyName.isEmpty() && bodyName != name) {
        return ApiError::badRequest(
            Tr::tr("the name of the object (%1) does not match the name on the URL (%2)")
                .arg(bodyName, name));
    }
    const QString bodyNamespace = metadataString(object, u"namespace");
    if (!namespaceName.isEmpty() && !bodyNamespace.isEmpty() && bodyNamespace != namespaceName) {
        return ApiError::badRequest(Tr::tr("the namespace of the provided object does not match "
                                           "the namespace sent on the request"));
    }
    return std::nullopt;
}

std::optional<ApiError> checkPreconditions(const ResourceType &type, const QString &name,
                                           const QJsonObject &stored,
                                           const Preconditions &preconditions)
{
    const QString uid = metadataString(stored, u"uid");
    if (!preconditions.uid.isEmpty() && preconditions.uid != uid) {
        return ApiError::conflictOnKind(
            type, name,
            Tr::tr("the UID in the precondition (%1) does not match the UID in record (%2). The "
                   "object might have been deleted and then recreated")
                .arg(preconditions.uid, uid));
    }
    const QString version = metadataString(stored, u"resourceVersion");
    if (!preconditions.resourceVersion.isEmpty() && preconditions.resourceVersion != version) {
        return ApiError::conflictOnKind(
            type, name,
            Tr::tr("the ResourceVersion in the precondition (%1) does not match the "
                   "ResourceVersion in record (%2). The object might have been modified")
                .arg(preconditions.resourceVersion, version));
    }
    return std::nullopt;
}

QJsonObject withServerFields(const ResourceType &type, const QString &namespaceName,
                             const QString &name, const QJsonObject &stored, QJsonObject object)
{
    object = withApiVersionAndKind(object, type);
    const QJsonObject old = metadataOf(stored);
    QJsonObject metadata = metadataOf(object);
    metadata.insert(QStringLiteral("name"), name);
    if (namespaceName.isEmpty())
        metadata.remove(QStringLiteral("namespace"));
    else
        metadata.insert(QStringLiteral("namespace"), namespaceName);
    for (const char *key : {"uid", "creationTimestamp", "resourceVersion"})
        metadata.insert(QLatin1String(key), old.value(QLatin1String(key)));
    // Only a delete sets them, and no update takes them off (rest.BeforeUpdate).
    for (const char *key : {"deletionTimestamp", "deletionGracePeriodSeconds"}) {
        if (old.contains(QLatin1String(key)))
            metadata.insert(QLatin1String(key), old.value(QLatin1String(key)));
        else
            metadata.remove(QLatin1String(key));
    }
    if (old.contains(u"generation")) {
        const bool specChanged = object.value(u"spec") != stored.value(u"spec");
        metadata.insert(QStringLiteral("generation"),
                        old.value(u"generation").toInteger() + (specChanged ? 1 : 0));
    } else {
        metadata.remove(QStringLiteral("generation"));
    }
    object.insert(kMetadata, metadata);
    return object;
}

QString orphanFinalizer()
{
    return QStringLiteral("orphan");
}

QString foregroundFinalizer()
{
    return QStringLiteral("foregroundDeletion");
}

QStringList finalizersOf(const QJsonObject &object)
{
    QStringList finalizers;
    for (const QJsonValue &value : metadataOf(object).value(u"finalizers").toArray())
        finalizers.append(value.toString());
    return finalizers;
}

bool isBeingDeleted(const QJsonObject &object)
{
    return metadataOf(object).contains(u"deletionTimestamp");
}

QStringList finalizersOnDelete(const QJsonObject &stored, const DeleteOptions &options)
{
    const QStringList existing = finalizersOf(stored);
    const bool supported = options.defaultPolicy != GcPolicy::Unsupported;
    // shouldOrphanDependents and shouldDeleteDependents: the options first, then the
    // finalizers the object has, then the resource's default.
    bool orphan = false;
    bool foreground = false;
    switch (options.propagation) {
    case Propagation::Orphan:
        orphan = true;
        break;
    case Propagation::Foreground:
        foreground = true;
        break;
    case Propagation::Background:
        break;
    case Propagation::Unset: {
        const qsizetype orphanAt = existing.indexOf(orphanFinalizer());
        const qsizetype foregroundAt = existing.indexOf(foregroundFinalizer());
        if (orphanAt >= 0 || foregroundAt >= 0)
            orphan = orphanAt >= 0 && (foregroundAt < 0 || orphanAt < foregroundAt);
        else
            orphan = options.defaultPolicy == GcPolicy::OrphanDependents;
        foreground = foregroundAt >= 0;
        break;
    }
    }
    QStringList next;
    for (const QString &finalizer : existing) {
        if (finalizer != orphanFinalizer() && finalizer != foregroundFinalizer())
            next.append(finalizer);
    }
    if (supported && orphan)
        next.append(orphanFinalizer());
    if (supported && foreground)
        next.append(foregroundFinalizer());
    return QSet<QString>(next.cbegin(), next.cend()) ==
                   QSet<QString>(existing.cbegin(), existing.cend())
               ? existing
               : next;
}

QJsonObject markedAsDeleting(const QJsonObject &stored, const QStringList &finalizers,
                             const QDateTime &now)
{
    QJsonObject metadata = metadataOf(stored);
    if (finalizers != finalizersOf(stored))
        metadata.insert(QStringLiteral("finalizers"), QJsonArray::fromStringList(finalizers));
    if (!metadata.contains(u"deletionTimestamp")) {
        if (metadata.value(u"generation").toInteger() > 0)
            metadata.insert(QStringLiteral("generation"),
                            metadata.value(u"generation").toInteger() + 1);
        metadata.insert(QStringLiteral("deletionTimestamp"), now.toUTC().toString(Qt::ISODate));
    }
    metadata.insert(QStringLiteral("deletionGracePeriodSeconds"), 0);
    QJsonObject object = stored;
    object.insert(kMetadata, metadata);
    return object;
}

bool finalizedByUpdate(const QJsonObject &stored, const QJsonObject &updated)
{
    const QJsonObject old = metadataOf(stored);
    return finalizersOf(updated).isEmpty() && old.contains(u"deletionTimestamp") &&
           old.value(u"deletionGracePeriodSeconds").toInteger() == 0;
}

QString encodeContinueToken(const ContinueToken &token)
{
    const QJsonObject json{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                           {QStringLiteral("rv"), double(token.revision)},
                           {QStringLiteral("start"), token.start}};
    return QString::fromLatin1(
        QJsonDocument(json)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<ContinueToken> decodeContinueToken(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QJsonObject json = decoded ? QJsonDocument::fromJson(*decoded).object() : QJsonObject();
    if (json.value(u"v").toString() != u"meta.k8s.io/v1" || !json.value(u"rv").isDouble() ||
        !json.value(u"start").isString()) {
        return Error{QStringLiteral("list.continue"),
                     Tr::tr("continue key is not valid: the token was not issued by this server"),
                     Tr::tr("Start the list again without a continue token.")};
    }
    return ContinueToken{json.value(u"rv").toInteger(), json.value(u"start").toString()};
}

QString expiredContinueMessage()
{
    return Tr::tr("The provided continue parameter is too old to display a consistent list "
                  "result. You can start a new list without the continue parameter, or use the "
                  "continue token in this response to retrieve the remainder of the results. "
                  "Continuing with the provided token results in an inconsistent list - objects "
                  "that were created, modified, or deleted between the time the first chunk was "
                  "returned and now may show up in the list.");
}

} // namespace core::sandbox
