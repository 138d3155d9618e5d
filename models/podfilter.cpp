#include "models/podfilter.h"

#include "models/podtablemodel.h"

namespace models {

namespace {

int columnFor(const QString &key)
{
    if (key == u"ns")
        return PodTableModel::Namespace;
    if (key == u"status")
        return PodTableModel::Status;
    if (key == u"node")
        return PodTableModel::Node;
    if (key == u"strategy")
        return PodTableModel::Strategy;
    return -1;
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
    RowFilter filter;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        RowFilter::Term term;
        if (word.size() > 1 && word.startsWith(u'-')) {
            term.negated = true;
            word.remove(0, 1);
        }
        const qsizetype colon = word.indexOf(u':');
        if (colon > 0 && rowFilterKeys().contains(word.left(colon).toLower())) {
            term.key = word.left(colon).toLower();
            term.value = word.mid(colon + 1);
            if (term.value.isEmpty())
                continue; // "ns:" while typing: no constraint yet
        } else {
            term.value = word;
        }
        filter.terms.append(term);
    }
    return filter;
}

PodFilterProxy::PodFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(PodTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void PodFilterProxy::setFilterText(const QString &text)
{
    RowFilter filter = parseRowFilter(text);
    if (filter.terms == m_filter.terms)
        return;
    m_filter = std::move(filter);
    invalidateFilter();
}

void PodFilterProxy::setFixedLocation(const QString &location)
{
    if (location == m_fixedLocation)
        return;
    m_fixedLocation = location;
    invalidateFilter();
}

bool PodFilterProxy::matches(int sourceRow, const RowFilter::Term &term) const
{
    const auto *pods = qobject_cast<const PodTableModel *>(sourceModel());
    if (!pods)
        return true;
    const PodRow &row = pods->rowAt(sourceRow);
    if (term.key == u"loc") {
        const bool cci = pods->onVirtualNode(row);
        return term.value.compare(u"cci", Qt::CaseInsensitive) == 0 ? cci
               : term.value.compare(u"local", Qt::CaseInsensitive) == 0
                   ? !cci && !row.node.isEmpty()
                   : false;
    }
    const int column = columnFor(term.key);
    if (column >= 0)
        return pods->data(pods->index(sourceRow, column))
            .toString()
            .contains(term.value, Qt::CaseInsensitive);
    for (int c = 0; c < pods->columnCount(); ++c) {
        if (pods->data(pods->index(sourceRow, c)).toString().contains(term.value,
                                                                      Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool PodFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (!m_fixedLocation.isEmpty() && !matches(sourceRow, {QStringLiteral("loc"), m_fixedLocation}))
        return false;
    // Terms with the same key are alternatives (ns:a ns:b); different keys and free words must
    // all hold; a negated term must not hold.
    QHash<QString, bool> anyOf;
    for (const RowFilter::Term &term : m_filter.terms) {
        const bool hit = matches(sourceRow, term);
        if (term.negated) {
            if (hit)
                return false;
        } else if (term.key.isEmpty()) {
            if (!hit)
                return false;
        } else {
            anyOf[term.key] = anyOf.value(term.key) || hit;
        }
    }
    for (const bool hit : std::as_const(anyOf)) {
        if (!hit)
            return false;
    }
    return true;
}

} // namespace models
