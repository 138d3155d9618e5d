#pragma once

#include "core/burst/workspace.h"
#include "models/keyedtablemodel.h"

namespace models {

// The ScheduleProfiles found in the open files, with what they capture. Rows are keyed by file,
// namespace and name.
class ProfileTableModel : public KeyedTableModel<core::burst::ProfileEntry>
{
    Q_OBJECT

public:
    enum Column { Namespace, Name, Strategy, Selector, Local, Cci, Captures, Errors, ColumnCount };

    explicit ProfileTableModel(QObject *parent = nullptr);

    void setProfiles(QList<core::burst::ProfileEntry> profiles) { setRows(std::move(profiles)); }
    const core::burst::ProfileEntry &profile(int row) const { return rows().at(row); }

    static QString selectorText(const core::kube::LabelSelector &selector);
    static QString locationText(const core::burst::LocationLimits &limits);

protected:
    QString key(const core::burst::ProfileEntry &profile) const override;
    QVariant cell(const core::burst::ProfileEntry &profile, int column, int role) const override;
};

} // namespace models
