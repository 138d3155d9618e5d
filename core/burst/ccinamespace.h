#pragma once

#include "core/common/diagnostic.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace core::burst {

// The type of a CCI namespace (guide 2.4, chapter 4): what its pods may ask for.
enum class NamespaceFlavor { Unknown, GeneralComputing, GpuAccelerated };

// "general-computing" / "gpu-accelerated" -> the flavour; anything else Unknown.
NamespaceFlavor parseNamespaceFlavor(const QString &value);
QString namespaceFlavorName(NamespaceFlavor flavor); // "" for Unknown

// A v1 Namespace object.
bool isNamespaceObject(const QJsonObject &object);
// The flavour a Namespace object's namespace.kubernetes.io/flavor annotation names.
NamespaceFlavor namespaceFlavorOf(const QJsonObject &nameSpace);

// The Namespace's CCI lint. Codes: namespace.flavor.missing (warning: CCI needs the type at
// creation; decided: a warning, since the same object is also valid on CCE), namespace.flavor
// (error: not one of the two flavours, or not a string). Paths relative to the object.
Diagnostics checkCciNamespace(const QJsonObject &nameSpace);

// The known flavours of the Namespaces among `objects`, by namespace name (Unknown ones left out).
QHash<QString, NamespaceFlavor> namespaceFlavors(const QList<QJsonObject> &objects);

} // namespace core::burst
