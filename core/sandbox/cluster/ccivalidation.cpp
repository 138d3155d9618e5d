#include "core/sandbox/cluster/ccivalidation.h"

#include "core/burst/ccinamespace.h"
#include "core/burst/ccinetwork.h"
#include "core/common/tr.h"
#include "core/kube/objectmeta.h"

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

ApiValidator cciValidator()
{
    return [](const ResourceType &type, const QJsonObject &object) -> std::optional<ApiError> {
        Diagnostics diagnostics;
        if (type == namespacesType())
            diagnostics = burst::checkCciNamespace(object);
        else if (type == networksType())
            diagnostics = burst::checkCciNetwork(object);
        const QList<ApiError::FieldCause> causes = cciFieldCauses(diagnostics);
        if (causes.isEmpty())
            return std::nullopt;
        return ApiError::invalid(type.group, type.kind, kube::nameOf(object), causes);
    };
}

} // namespace core::sandbox
