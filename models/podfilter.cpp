#include "models/podfilter.h"

#include "models/podtablemodel.h"

namespace models {

const QStringList &rowFilterKeys()
{
    static const QStringList keys{QStringLiteral("ns"), QStringLiteral("status"),
                                  QStringLiteral("node"), QStringLiteral("loc"),
                                  QStringLiteral("strategy")};
    return keys;
}

RowFilter parseRowFilter(const QString &text)
{
    return parseRowFilter(text, rowFilterKeys());
}

PodFilterProxy::PodFilterProxy(QObject *parent) : RowFilterProxy(parent)
{
    setSortRole(PodTableModel::SortRole);
    setTokenColumn(QStringLiteral("ns"), PodTableModel::Namespace);
    setTokenColumn(QStringLiteral("status"), PodTableModel::Status);
    setTokenColumn(QStringLiteral("node"), PodTableModel::Node);
    setTokenMatcher(QStringLiteral("loc"), [this](int sourceRow, const QString &value) {
        return matchesLocation(sourceRow, value);
    });
    setTokenColumn(QStringLiteral("strategy"), PodTableModel::Strategy);
    setNamespaceColumn(PodTableModel::Namespace);
}

void PodFilterProxy::setFixedLocation(const QString &location)
{
    setFixedTerm(QStringLiteral("loc"), location);
}

bool PodFilterProxy::matchesLocation(int sourceRow, const QString &value) const
{
    const auto *pods = qobject_cast<const PodTableModel *>(sourceModel());
    if (!pods)
        return true;
    const PodRow &row = pods->rowAt(sourceRow);
    const bool cci = pods->onVirtualNode(row);
    if (value.compare(u"cci", Qt::CaseInsensitive) == 0)
        return cci;
    if (value.compare(u"local", Qt::CaseInsensitive) == 0)
        return !cci && !row.node.isEmpty();
    return false;
}

} // namespace models
