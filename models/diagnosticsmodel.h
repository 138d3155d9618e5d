#pragma once

#include "core/common/diagnostic.h"

#include <QAbstractTableModel>

namespace models {

// The diagnostics of one workload: severity, code, message (hint in the tooltip), field path.
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Severity, Code, Message, Path, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, SeverityRole };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    void setDiagnostics(core::Diagnostics diagnostics);
    const core::Diagnostics &diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString severityText(core::Severity severity); // translated

private:
    core::Diagnostics m_diagnostics;
};

} // namespace models
