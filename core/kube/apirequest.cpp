#include "core/kube/apirequest.h"

#include <QJsonDocument>

namespace core::kube {

QJsonObject ApiResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray patchContentType(PatchType type)
{
    switch (type) {
    case PatchType::Merge:
        return QByteArrayLiteral("application/merge-patch+json");
    case PatchType::StrategicMerge:
        return QByteArrayLiteral("application/strategic-merge-patch+json");
    case PatchType::Json:
        return QByteArrayLiteral("application/json-patch+json");
    }
    return {};
}

} // namespace core::kube
