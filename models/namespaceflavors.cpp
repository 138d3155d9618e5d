#include "models/namespaceflavors.h"

#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"

namespace models {

NamespaceFlavors::NamespaceFlavors(QObject *parent) : QObject(parent) {}

NamespaceFlavors *NamespaceFlavors::of(ClusterSession *session)
{
    if (auto *existing =
            session->findChild<NamespaceFlavors *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    auto *flavors = new NamespaceFlavors(session);
    session->watch(QStringLiteral("namespaces"),
                   [flavors](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &) {
                       flavors->apply(changes);
                   });
    return flavors;
}

void NamespaceFlavors::apply(const core::kube::ChangeSet &changes)
{
    QSet<QString> touched;
    const auto set = [&](const QString &name, core::burst::NamespaceFlavor flavor) {
        if (flavor == this->flavor(name))
            return;
        if (flavor == core::burst::NamespaceFlavor::Unknown)
            m_flavors.remove(name);
        else
            m_flavors.insert(name, flavor);
        touched.insert(name);
    };
    for (const QJsonObject &gone : changes.deleted)
        set(core::kube::nameOf(gone), core::burst::NamespaceFlavor::Unknown);
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified}) {
        for (const QJsonObject &object : *list)
            set(core::kube::nameOf(object), core::burst::namespaceFlavorOf(object));
    }
    if (!touched.isEmpty())
        emit changed(touched);
}

} // namespace models
