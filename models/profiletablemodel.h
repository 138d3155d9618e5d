#pragma once

#include "core/burst/workspace.h"

#include <QAbstractTableModel>

namespace models {

// The ScheduleProfiles found in the open files, with what they capture.
class ProfileTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Namespace, Name, Strategy, Selector, Local, Cci, Captures, Errors, ColumnCount };

    explicit ProfileTableModel(QObject *parent = nullptr);

    void setProfiles(QList<core::burst::ProfileEntry> profiles);
    const core::burst::ProfileEntry &profile(int row) const { return m_profiles.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString selectorText(const core::kube::LabelSelector &selector);
    static QString locationText(const core::burst::LocationLimits &limits);

private:
    QList<core::burst::ProfileEntry> m_profiles;
};

} // namespace models
