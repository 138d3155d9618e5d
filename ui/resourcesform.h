#pragma once

#include "core/burst/preview.h"
#include "ui/workbenchform.h"

class QLabel;
class QTableWidget;

namespace ui {

// Per-container cpu/memory as written (limit, else request), as CCI sets them (request = limit),
// and which normalization step changed what.
class ResourcesForm : public WorkbenchForm
{
    Q_OBJECT

public:
    explicit ResourcesForm(QWidget *parent = nullptr);

    void showWorkload(const core::burst::Workspace &workspace,
                      const core::burst::WorkloadEntry *workload) override;

    void setPreview(const core::burst::PreviewResult *preview);
    QTableWidget *table() const { return m_table; }

private:
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace ui
