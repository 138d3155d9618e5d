#include "models/profiletablemodel.h"

#include "models/tr.h"

namespace models {

ProfileTableModel::ProfileTableModel(QObject *parent)
    : KeyedTableModel(
          {QT_TRANSLATE_NOOP("models", "Namespace"), QT_TRANSLATE_NOOP("models", "Name"),
           QT_TRANSLATE_NOOP("models", "Strategy"), QT_TRANSLATE_NOOP("models", "Selector"),
           QT_TRANSLATE_NOOP("models", "Local"), QT_TRANSLATE_NOOP("models", "CCI"),
           QT_TRANSLATE_NOOP("models", "Workloads"), QT_TRANSLATE_NOOP("models", "Errors")},
          parent)
{
    Q_ASSERT(columnCount() == ColumnCount);
}

QString ProfileTableModel::key(const core::burst::ProfileEntry &p) const
{
    return QString::number(p.file) + u'\n' + p.profile.nameSpace + u'/' + p.profile.name;
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

QVariant ProfileTableModel::cell(const core::burst::ProfileEntry &p, int column, int role) const
{
    if (role == Qt::ToolTipRole && column == Captures)
        return p.captures.join(u'\n');
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
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

} // namespace models
