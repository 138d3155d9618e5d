#pragma once

#include "core/common/diagnostic.h"
#include "models/keyedtablemodel.h"

namespace models {

// The diagnostics of one workload: severity, code, message (hint in the tooltip), field path. Rows
// are keyed by code and path.
class DiagnosticsModel : public KeyedTableModel<core::Diagnostic>
{
    Q_OBJECT

public:
    enum Column { Severity, Code, Message, Path, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, SeverityRole };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    // Errors first, then warnings, then info; the order within a severity is the engine's.
    void setDiagnostics(core::Diagnostics diagnostics);
    const core::Diagnostics &diagnostics() const { return rows(); }

    static QString severityText(core::Severity severity); // translated

protected:
    QString key(const core::Diagnostic &d) const override;
    QVariant cell(const core::Diagnostic &d, int column, int role) const override;
    bool same(const core::Diagnostic &a, const core::Diagnostic &b) const override
    {
        return a == b;
    }
};

} // namespace models
