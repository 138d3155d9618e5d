#include "core/burst/ccinamespace.h"

#include "core/burst/cciconventions.h"
#include "core/common/tr.h"
#include "core/kube/objectmeta.h"

namespace core::burst {

namespace {

QString flavorPath()
{
    return QStringLiteral("metadata.annotations[\"") + kNamespaceFlavorAnnotation +
           QStringLiteral("\"]");
}

} // namespace

NamespaceFlavor parseNamespaceFlavor(const QString &value)
{
    if (value == kFlavorGeneralComputing)
        return NamespaceFlavor::GeneralComputing;
    if (value == kFlavorGpuAccelerated)
        return NamespaceFlavor::GpuAccelerated;
    return NamespaceFlavor::Unknown;
}

QString namespaceFlavorName(NamespaceFlavor flavor)
{
    switch (flavor) {
    case NamespaceFlavor::GeneralComputing:
        return kFlavorGeneralComputing;
    case NamespaceFlavor::GpuAccelerated:
        return kFlavorGpuAccelerated;
    case NamespaceFlavor::Unknown:
        break;
    }
    return {};
}

bool isNamespaceObject(const QJsonObject &object)
{
    return object.value(u"kind").toString() == u"Namespace" &&
           object.value(u"apiVersion").toString() == u"v1";
}

NamespaceFlavor namespaceFlavorOf(const QJsonObject &nameSpace)
{
    return parseNamespaceFlavor(
        kube::annotationsOf(nameSpace).value(kNamespaceFlavorAnnotation).toString());
}

Diagnostics checkCciNamespace(const QJsonObject &nameSpace)
{
    Diagnostics out;
    const QJsonValue value = kube::annotationsOf(nameSpace).value(kNamespaceFlavorAnnotation);
    const QString known = kFlavorGeneralComputing + QStringLiteral(", ") + kFlavorGpuAccelerated;
    if (value.isUndefined() || value.isNull()) {
        out.append(makeWarning(
            QStringLiteral("namespace.flavor.missing"), flavorPath(),
            Tr::tr("Namespace \"%1\" has no %2 annotation; CCI needs the namespace's type when "
                   "it is created")
                .arg(kube::nameOf(nameSpace), kNamespaceFlavorAnnotation),
            Tr::tr("Set %1 to one of: %2.").arg(kNamespaceFlavorAnnotation, known)));
    } else if (parseNamespaceFlavor(value.toString()) == NamespaceFlavor::Unknown) {
        out.append(makeError(
            QStringLiteral("namespace.flavor"), flavorPath(),
            Tr::tr("namespace flavour \"%1\" is not one CCI offers")
                .arg(value.isString() ? value.toString() : value.toVariant().toString()),
            Tr::tr("Set %1 to one of: %2.").arg(kNamespaceFlavorAnnotation, known)));
    }
    return out;
}

QHash<QString, NamespaceFlavor> namespaceFlavors(const QList<QJsonObject> &objects)
{
    QHash<QString, NamespaceFlavor> out;
    for (const QJsonObject &o : objects) {
        if (!isNamespaceObject(o))
            continue;
        const NamespaceFlavor flavor = namespaceFlavorOf(o);
        if (flavor != NamespaceFlavor::Unknown)
            out.insert(kube::nameOf(o), flavor);
    }
    return out;
}

} // namespace core::burst
