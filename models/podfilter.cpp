#include "models/podfilter.h"

#include "models/podtablemodel.h"

namespace models {

namespace {

const QHash<QString, int> &podColumns()
{
    static const QHash<QString, int> columns{{QStringLiteral("ns"), PodTableModel::Namespace},
                                             {QStringLiteral("status"), PodTableModel::Status},
                                             {QStringLiteral("node"), PodTableModel::Node},
                                             {QStringLiteral("strategy"), PodTableModel::Strategy}};
    return columns;
}

} // namespace

const QStringList &rowFilterKeys()
{
    static const QStringList keys{QStringLiteral("ns"), QStringLiteral("status"),
                                  QStringLiteral("node"), QStringLiteral("loc"),
                                  QStringLiteral("strategy")};
    return keys;
}

RowFilter parseRowFilter(const QString &text)
{
    return parseRowFilter(text, rowFilterKeys(), false);
}

PodFilterProxy::PodFilterProxy(QObject *parent) : RowFilterProxy(parent)
{
    setTokenColumns(podColumns(), {QStringLiteral("loc")});
    setNamespaceColumn(PodTableModel::Namespace);
}

void PodFilterProxy::setFixedLocation(const QString &location)
{
    if (location == m_fixedLocation)
        return;
    m_fixedLocation = location;
    invalidateFilter();
}

std::optional<bool> PodFilterProxy::matchesKey(int sourceRow, const RowFilter::Term &term) const
{
    const auto *pods = qobject_cast<const PodTableModel *>(sourceModel());
    if (!pods || term.key != u"loc")
        return std::nullopt;
    const PodRow &row = pods->rowAt(sourceRow);
    const bool cci = pods->onVirtualNode(row);
    return term.value.compare(u"cci", Qt::CaseInsensitive) == 0     ? cci
           : term.value.compare(u"local", Qt::CaseInsensitive) == 0 ? !cci && !row.node.isEmpty()
                                                                    : false;
}

bool PodFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_fixedLocation.isEmpty() && !matches(sourceRow, {QStringLiteral("loc"), m_fixedLocation}))
        return false;
    return RowFilterProxy::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace models
