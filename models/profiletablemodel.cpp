#include "models/profiletablemodel.h"

#include "models/tr.h"

namespace models {

ProfileTableModel::ProfileTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProfileTableModel::setProfiles(QList<core::burst::ProfileEntry> profiles)
{
    beginResetModel();
    m_profiles = std::move(profiles);
    endResetModel();
}

int ProfileTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

int ProfileTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProfileTableModel::selectorText(const core::kube::LabelSelector &selector)
{
    QStringList parts;
    for (auto it = selector.matchLabels().begin(); it != selector.matchLabels().end(); ++it)
        parts.append(it.key() + u'=' + it.value());
    for (const auto &r : selector.requirements()) {
        QString part = r.key + u' ' + core::kube::LabelSelector::operatorName(r.op);
        if (!r.values.isEmpty())
            part += QStringLiteral(" (") + r.values.join(QStringLiteral(", ")) + u')';
        parts.append(part);
    }
    return parts.join(QStringLiteral(", "));
}

QString ProfileTableModel::locationText(const core::burst::LocationLimits &limits)
{
    QStringList parts;
    if (limits.maxNum)
        parts.append(Tr::tr("max %1").arg(*limits.maxNum));
    if (limits.scaleDownPriority)
        parts.append(Tr::tr("scale-down priority %1").arg(*limits.scaleDownPriority));
    return parts.join(QStringLiteral(", "));
}

QVariant ProfileTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::burst::ProfileEntry &p = m_profiles.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Captures)
        return p.captures.join(u'\n');
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Namespace:
        return p.profile.nameSpace;
    case Name:
        return p.profile.name;
    case Strategy:
        return p.profile.strategyText;
    case Selector:
        return selectorText(p.profile.selector);
    case Local:
        return locationText(p.profile.local);
    case Cci:
        return locationText(p.profile.cci);
    case Captures:
        return int(p.captures.size());
    case Errors:
        return core::countSeverity(p.diagnostics, core::Severity::Error);
    default:
        return {};
    }
}

QVariant ProfileTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Namespace:
        return Tr::tr("Namespace");
    case Name:
        return Tr::tr("Name");
    case Strategy:
        return Tr::tr("Strategy");
    case Selector:
        return Tr::tr("Selector");
    case Local:
        return Tr::tr("Local");
    case Cci:
        return Tr::tr("CCI");
    case Captures:
        return Tr::tr("Workloads");
    case Errors:
        return Tr::tr("Errors");
    default:
        return {};
    }
}

} // namespace models
