#include "core/kube/yamledit.h"

namespace core::kube::yamledit {

Result<QString> setValue(const QString &source, int, const QStringList &, const QJsonValue &)
{
    return source;
}

Result<QString> removeValue(const QString &source, int, const QStringList &)
{
    return source;
}

} // namespace core::kube::yamledit
