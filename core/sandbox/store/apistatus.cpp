#include "core/sandbox/store/apistatus.h"

#include "core/common/tr.h"

#include <QJsonArray>
#include <QStringList>

namespace core::sandbox {

namespace {

// StatusDetails as k8s.io/apimachinery/pkg/api/errors fills them: the resource name in "kind".
QJsonObject resourceDetails(const ResourceType &type, const QString &name)
{
    QJsonObject details{{QStringLiteral("name"), name}, {QStringLiteral("kind"), type.resource}};
    if (!type.group.isEmpty())
        details.insert(QStringLiteral("group"), type.group);
    return details;
}

} // namespace

QJsonObject ApiError::toStatus() const
{
    QJsonObject metadata;
    if (!continueToken.isEmpty())
        metadata.insert(QStringLiteral("continue"), continueToken);
    QJsonObject status{{QStringLiteral("kind"), QStringLiteral("Status")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("metadata"), metadata},
                       {QStringLiteral("status"), QStringLiteral("Failure")},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("code"), code}};
    if (!details.isEmpty())
        status.insert(QStringLiteral("details"), details);
    return status;
}

ApiError ApiError::notFound(const ResourceType &type, const QString &name)
{
    return {404, QStringLiteral("NotFound"),
            Tr::tr("%1 \"%2\" not found").arg(type.qualifiedResource(), name),
            resourceDetails(type, name), QString()};
}

ApiError ApiError::alreadyExists(const ResourceType &type, const QString &name)
{
    return {409, QStringLiteral("AlreadyExists"),
            Tr::tr("%1 \"%2\" already exists").arg(type.qualifiedResource(), name),
            resourceDetails(type, name), QString()};
}

ApiError ApiError::conflict(const ResourceType &type, const QString &name, const QString &detail)
{
    return {409, QStringLiteral("Conflict"),
            Tr::tr("Operation cannot be fulfilled on %1 \"%2\": %3")
                .arg(type.qualifiedResource(), name, detail),
            resourceDetails(type, name), QString()};
}

ApiError ApiError::conflictOnKind(const ResourceType &type, const QString &name,
                                  const QString &detail)
{
    ApiError error = conflict(type, name, detail);
    const QString kind = type.group.isEmpty() ? type.kind : type.kind + u'.' + type.group;
    error.message = Tr::tr("Operation cannot be fulfilled on %1 \"%2\": %3").arg(kind, name, detail);
    error.details.insert(QStringLiteral("kind"), type.kind);
    return error;
}

ApiError ApiError::invalid(const QString &group, const QString &kind, const QString &name,
                           const QList<FieldCause> &causes)
{
    QJsonArray causeList;
    QStringList errors;
    for (const FieldCause &cause : causes) {
        causeList.append(QJsonObject{{QStringLiteral("reason"), cause.reason},
                                     {QStringLiteral("message"), cause.detail},
                                     {QStringLiteral("field"), cause.field}});
        errors.append(cause.field + u": " + cause.detail);
    }
    QJsonObject details{{QStringLiteral("kind"), kind}, {QStringLiteral("causes"), causeList}};
    if (!name.isEmpty())
        details.insert(QStringLiteral("name"), name);
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    // utilerrors.Aggregate: one error as it is, more in brackets.
    const QString joined = errors.size() == 1
                               ? errors.constFirst()
                               : u'[' + errors.join(QStringLiteral(", ")) + u']';
    const QString qualifiedKind = group.isEmpty() ? kind : kind + u'.' + group;
    return {422, QStringLiteral("Invalid"),
            Tr::tr("%1 \"%2\" is invalid: %3").arg(qualifiedKind, name, joined), details,
            QString()};
}

ApiError ApiError::invalid(const ResourceType &type, const QString &name, const QString &field,
                           const QString &causeReason, const QString &detail)
{
    return invalid(type.group, type.kind, name, {{field, causeReason, detail}});
}

ApiError ApiError::badRequest(const QString &message)
{
    return {400, QStringLiteral("BadRequest"), message, QJsonObject(), QString()};
}

ApiError ApiError::methodNotAllowed(const QString &message)
{
    return {405, QStringLiteral("MethodNotAllowed"), message, QJsonObject(), QString()};
}

ApiError ApiError::expired(const QString &message, const QString &continueToken)
{
    return {410, QStringLiteral("Expired"), message, QJsonObject(), continueToken};
}

ApiError ApiError::unsupportedMediaType(const QString &message)
{
    return {415, QStringLiteral("UnsupportedMediaType"), message, QJsonObject(), QString()};
}

ApiError ApiError::internalError(const QString &message)
{
    return {500, QStringLiteral("InternalError"), message, QJsonObject(), QString()};
}

ApiError ApiError::fromPatchError(const ResourceType &type, const QString &name, const Error &error)
{
    if (error.code == u"patch.unsupported")
        return unsupportedMediaType(error.message);
    if (error.code == u"patch.malformed" || error.code == u"patch.strategic")
        return badRequest(error.message);
    ApiError status{422, QStringLiteral("Invalid"), error.message, resourceDetails(type, name),
                    QString()};
    return status;
}

} // namespace core::sandbox
