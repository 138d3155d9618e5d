#pragma once

#include "core/burst/ccinamespace.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace core::kube {
struct ChangeSet;
} // namespace core::kube

namespace models {

class ClusterSession;

// The CCI flavours of a live cluster's Namespaces (annotation namespace.kubernetes.io/flavor),
// by namespace name, for the live previews: a GPU pod in a general-computing namespace is refused
// (gpu.namespaceFlavor), as the workbench decides it for the Namespaces of its files. One per
// session, fed by the session's namespaces informer (optional: a user who may not list
// namespaces gets no flavours, and the rule is not judged). Each batch changes only the
// namespaces it holds; changed() names the namespaces whose flavour changed.
class NamespaceFlavors : public QObject
{
    Q_OBJECT
public:
    explicit NamespaceFlavors(QObject *parent = nullptr);

    // The session's flavours, created on first use; call it before the session starts, so the
    // namespaces are watched.
    static NamespaceFlavors *of(ClusterSession *session);

    void apply(const core::kube::ChangeSet &changes);

    // Known flavours only (Unknown ones are left out), as core::burst::PreviewScope takes them.
    const QHash<QString, core::burst::NamespaceFlavor> &flavors() const { return m_flavors; }
    core::burst::NamespaceFlavor flavor(const QString &nameSpace) const
    {
        return m_flavors.value(nameSpace, core::burst::NamespaceFlavor::Unknown);
    }

signals:
    void changed(const QSet<QString> &namespaces);

private:
    QHash<QString, core::burst::NamespaceFlavor> m_flavors;
};

} // namespace models
