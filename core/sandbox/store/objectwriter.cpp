#include "core/sandbox/store/objectwriter.h"

#include "core/kube/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

namespace core::sandbox {

namespace {

constexpr int kAttempts = 5;

QJsonObject withResourceVersion(QJsonObject object, const QString &resourceVersion)
{
    QJsonObject meta = object.value(u"metadata").toObject();
    meta.insert(QStringLiteral("resourceVersion"), resourceVersion);
    object.insert(QStringLiteral("metadata"), meta);
    return object;
}

} // namespace

ObjectWriter::ObjectWriter(ObjectStore &store, ResourceType type, QString namespaceName,
                           QString name, WriteMode mode)
    : m_store(store), m_type(std::move(type)), m_namespace(std::move(namespaceName)),
      m_name(std::move(name)), m_mode(mode)
{
}

ServerResult<QJsonObject> ObjectWriter::update(const QJsonObject &sent, const Merge &merge)
{
    return write([&](const QJsonObject &stored) { return merge(stored, sent); });
}

ServerResult<QJsonObject> ObjectWriter::patch(PatchType patchType, const QByteArray &body,
                                              const QString &kind, const View &view,
                                              const Merge &merge)
{
    return write([&](const QJsonObject &stored) -> ServerResult<QJsonObject> {
        const auto patched = applyPatch(patchType, view(stored), body, kind);
        if (!patched)
            return ApiError::fromPatchError(m_type, m_name, patched.error());
        return merge(stored, *patched);
    });
}

ServerResult<QJsonObject>
ObjectWriter::write(const std::function<ServerResult<QJsonObject>(const QJsonObject &)> &next)
{
    ServerResult<QJsonObject> result = ApiError::internalError(QString());
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const auto stored = m_store.get(m_type, m_namespace, m_name);
        if (!stored)
            return stored.error();
        auto merged = next(*stored);
        if (!merged)
            return merged.error();
        const QString read = kube::resourceVersionOf(*stored);
        const QString sent = kube::resourceVersionOf(*merged);
        const bool clientPrecondition = !sent.isEmpty() && sent != read;
        result =
            m_store.update(m_type, m_namespace, m_name,
                           sent.isEmpty() ? withResourceVersion(*merged, read) : *merged, m_mode);
        if (result || result.error().code != 409 || clientPrecondition)
            return result;
    }
    return result;
}

} // namespace core::sandbox
