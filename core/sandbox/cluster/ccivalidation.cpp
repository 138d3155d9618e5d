#include "core/sandbox/cluster/ccivalidation.h"

#include "core/burst/ccigpu.h"
#include "core/burst/ccinamespace.h"
#include "core/burst/ccinetwork.h"
#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

namespace core::sandbox {

QList<ApiError::FieldCause> cciFieldCauses(const Diagnostics &diagnostics)
{
    QList<ApiError::FieldCause> causes;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity != Severity::Error)
            continue;
        QString field = d.path;
        field.replace(QStringLiteral("[\""), QStringLiteral("["))
            .replace(QStringLiteral("\"]"), QStringLiteral("]"));
        causes.append({field, QStringLiteral("FieldValueInvalid"),
                       Tr::tr("Invalid value: %1 [%2]").arg(d.message, d.code)});
    }
    return causes;
}

namespace {

// A GPU pod against its namespace's flavour as `store` holds the Namespace (guide chapter 4).
Diagnostics checkGpuNamespace(const ObjectStore &store, const QJsonObject &pod)
{
    const burst::GpuRequest gpu = burst::readGpuRequest(pod.value(u"spec").toObject());
    if (gpu.count <= 0)
        return {};
    const auto ns = store.get(namespacesType(), QString(), kube::namespaceOf(pod));
    if (!ns || burst::namespaceFlavorOf(*ns) != burst::NamespaceFlavor::GeneralComputing)
        return {};
    Diagnostics out;
    for (Diagnostic d : burst::checkGpuPod(gpu, kube::annotationsOf(pod),
                                           burst::NamespaceFlavor::GeneralComputing,
                                           QStringLiteral("metadata.annotations"))) {
        if (d.code != u"gpu.namespaceFlavor")
            continue;
        d.path = QStringLiteral("spec.") + d.path;
        out.append(d);
    }
    return out;
}

} // namespace

ApiValidator cciValidator(const ObjectStore *store)
{
    return [store](const ResourceType &type, const QJsonObject &object) -> std::optional<ApiError> {
        Diagnostics diagnostics;
        if (type == namespacesType())
            diagnostics = burst::checkCciNamespace(object);
        else if (type == networksType())
            diagnostics = burst::checkCciNetwork(object);
        else if (type == podsType() && store)
            diagnostics = checkGpuNamespace(*store, object);
        const QList<ApiError::FieldCause> causes = cciFieldCauses(diagnostics);
        if (causes.isEmpty())
            return std::nullopt;
        return ApiError::invalid(type.group, type.kind, kube::nameOf(object), causes);
    };
}

} // namespace core::sandbox
