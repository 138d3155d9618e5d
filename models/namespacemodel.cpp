#include "models/namespacemodel.h"

#include "core/burst/cciconventions.h"
#include "core/kube/objectmeta.h"
#include "models/namespaceflavors.h"
#include "models/rowfilter.h"
#include "models/tr.h"

#include <QColor>

namespace models {

NamespaceModel::NamespaceModel(QObject *parent)
    : LiveTableModel({QT_TRANSLATE_NOOP("models", "Name"), QT_TRANSLATE_NOOP("models", "Status"),
                      QT_TRANSLATE_NOOP("models", "Pods"),
                      QT_TRANSLATE_NOOP("models", "Pods on CCI"),
                      QT_TRANSLATE_NOOP("models", "Age"),
                      QT_TRANSLATE_NOOP("models", "CCI flavour")},
                     parent)
{
    Q_ASSERT(columnCount() == ColumnCount);
}

void NamespaceModel::watch(ClusterSession *session)
{
    NamespaceFlavors::of(session); // the live previews' flavours, watched from the same start
    watchBatches(session, QStringLiteral("namespaces"), this, &NamespaceModel::applyNamespaces);
    watchPods(session, this);
}

void NamespaceModel::applyNamespaces(const core::kube::ChangeSet &changes)
{
    QSet<QString> touched;
    forEachChange(
        changes,
        [&](const QJsonObject &object) {
            touched.insert(core::kube::nameOf(object));
            m_namespaces.remove(core::kube::nameOf(object));
        },
        [&](const QJsonObject &object) {
            NamespaceRow row{core::kube::nameOf(object),
                             object.value(u"status").toObject().value(u"phase").toString(),
                             {},
                             creationOf(object),
                             core::kube::annotationOf(object, core::burst::kNamespaceFlavorAnnotation)};
            touched.insert(row.name);
            m_namespaces.insert(row.name, std::move(row));
        });
    recompute(touched);
}

void NamespaceModel::applyPods(const core::kube::ChangeSet &changes)
{
    QSet<QString> touched;
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified, &changes.deleted}) {
        for (const QJsonObject &pod : *list)
            touched.insert(core::kube::namespaceOf(pod));
    }
    recompute(touched);
}

void NamespaceModel::setVirtualNodes(const QSet<QString> &nodes)
{
    if (nodes == m_virtualNodes)
        return;
    m_virtualNodes = nodes;
    recompute(QSet<QString>(m_namespaces.keyBegin(), m_namespaces.keyEnd()));
}

void NamespaceModel::refreshAges()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

void NamespaceModel::recompute(const QSet<QString> &names)
{
    RowBatch<NamespaceRow> batch;
    for (const QString &name : names) {
        const auto it = m_namespaces.constFind(name);
        if (it == m_namespaces.cend()) {
            if (rowOf(name) >= 0)
                batch.removed.append(name);
            continue;
        }
        NamespaceRow row = *it;
        if (m_pods)
            row.pods = m_pods->inNamespace(name, m_virtualNodes);
        batch.upserted.append(std::move(row));
    }
    apply(std::move(batch));
}

QVariant NamespaceModel::display(const NamespaceRow &row, int column) const
{
    switch (column) {
    case Name:
        return row.name;
    case Status:
        return row.phase;
    case Pods:
        return row.pods.total;
    case PodsCci:
        return row.pods.cci;
    case Age:
        return ageText(row.created, m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc());
    case Flavor:
        // No annotation: CCI treats the namespace as unknown (a GPU pod's preview says so).
        return row.flavor.isEmpty() ? Tr::tr("not set") : row.flavor;
    default:
        return {};
    }
}

QVariant NamespaceModel::cell(const NamespaceRow &row, int column, int role) const
{
    if (role == Qt::DisplayRole)
        return display(row, column);
    if (role == RowFilterProxy::SortRole)
        return column == Age ? QVariant(ageSortKey(row.created)) : display(row, column);
    if (role == Qt::ToolTipRole && column == Pods)
        return Tr::tr("%1 local, %2 on CCI, %3 not yet bound")
            .arg(row.pods.local)
            .arg(row.pods.cci)
            .arg(row.pods.total - row.pods.local - row.pods.cci);
    if (role == Qt::ForegroundRole && column == Flavor && row.flavor.isEmpty())
        return QColor(Qt::gray);
    if (role == Qt::ToolTipRole && column == Flavor)
        return Tr::tr("The namespace's %1 annotation: general-computing or gpu-accelerated. A "
                      "GPU pod in a general-computing namespace is refused by CCI.")
            .arg(core::burst::kNamespaceFlavorAnnotation);
    return {};
}

} // namespace models
