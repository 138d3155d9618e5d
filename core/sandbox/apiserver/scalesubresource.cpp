#include "core/sandbox/apiserver/scalesubresource.h"

#include "core/kube/objectmeta.h"
#include "core/sandbox/apiserver/apiresources.h"
#include "core/sandbox/apiserver/reststrategy.h"
#include "core/sandbox/apiserver/tablecells.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/objectwriter.h"

#include <QJsonArray>

#include <algorithm>
#include <utility>

namespace core::sandbox {

ScaleSubresource::ScaleSubresource(ObjectStore &store, const ApiResource &resource,
                                   QString namespaceName, QString name, WriteMode mode)
    : m_store(store), m_type(resource.type), m_namespace(std::move(namespaceName)),
      m_name(std::move(name)), m_mode(mode)
{
}

bool ScaleSubresource::serves(const ApiResource &resource)
{
    return resource.subresources.contains(u"scale");
}

ServerResult<QJsonObject> ScaleSubresource::get() const
{
    const auto parent = m_store.get(m_type, m_namespace, m_name);
    if (!parent)
        return parent.error();
    return toScale(*parent);
}

ServerResult<QJsonObject> ScaleSubresource::update(const QJsonObject &scale)
{
    ObjectWriter writer(m_store, m_type, m_namespace, m_name, m_mode);
    const auto written =
        writer.update(scale, [](const QJsonObject &parent, const QJsonObject &sent) {
            return withScale(parent, sent);
        });
    if (!written)
        return written.error();
    return toScale(*written);
}

ServerResult<QJsonObject> ScaleSubresource::patch(PatchType patchType, const QByteArray &body)
{
    // A Scale has no lists, so a strategic merge patch is a merge patch on it.
    const PatchType type =
        patchType == PatchType::StrategicMergePatch ? PatchType::MergePatch : patchType;
    ObjectWriter writer(m_store, m_type, m_namespace, m_name, m_mode);
    const auto written = writer.patch(
        type, body, QStringLiteral("Scale"), toScale,
        [](const QJsonObject &parent, const QJsonObject &sent) { return withScale(parent, sent); });
    if (!written)
        return written.error();
    return toScale(*written);
}

QJsonObject ScaleSubresource::toScale(const QJsonObject &parent)
{
    const QJsonObject meta = parent.value(u"metadata").toObject();
    QJsonObject scaleMeta;
    for (const QString &key :
         {QStringLiteral("name"), QStringLiteral("namespace"), QStringLiteral("uid"),
          QStringLiteral("resourceVersion"), QStringLiteral("creationTimestamp")}) {
        if (meta.contains(key))
            scaleMeta.insert(key, meta.value(key));
    }
    const QJsonObject spec = parent.value(u"spec").toObject();
    QJsonObject scaleSpec;
    // autoscaling/v1 ScaleSpec.replicas is omitempty.
    if (spec.value(u"replicas").toInt() != 0)
        scaleSpec.insert(QStringLiteral("replicas"), spec.value(u"replicas").toInt());
    const QJsonObject status{
        {QStringLiteral("replicas"), parent.value(u"status").toObject().value(u"replicas").toInt()},
        {QStringLiteral("selector"), labelSelectorString(spec.value(u"selector").toObject())}};
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Scale")},
                       {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
                       {QStringLiteral("metadata"), scaleMeta},
                       {QStringLiteral("spec"), scaleSpec},
                       {QStringLiteral("status"), status}};
}

ServerResult<QJsonObject> ScaleSubresource::withScale(const QJsonObject &parent,
                                                      const QJsonObject &scale)
{
    const QJsonObject scaleMeta = scale.value(u"metadata").toObject();
    const QJsonValue sentReplicas = scale.value(u"spec").toObject().value(u"replicas");
    // ValidateScale, on the Scale (its kind in the answer), before the parent is written.
    if (const auto cause = RestStrategy::checkReplicas(sentReplicas))
        return ApiError::invalid(QStringLiteral("autoscaling"), QStringLiteral("Scale"),
                                 kube::nameOf(parent), {*cause});
    const int replicas = sentReplicas.toInt();
    QJsonObject next = parent;
    QJsonObject spec = next.value(u"spec").toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    next.insert(QStringLiteral("spec"), spec);
    QJsonObject meta = next.value(u"metadata").toObject();
    meta.remove(QStringLiteral("resourceVersion"));
    for (const QString &key : {QStringLiteral("resourceVersion"), QStringLiteral("uid")}) {
        if (!scaleMeta.value(key).toString().isEmpty())
            meta.insert(key, scaleMeta.value(key));
    }
    next.insert(QStringLiteral("metadata"), meta);
    return next;
}

} // namespace core::sandbox
