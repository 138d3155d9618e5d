#pragma once

#include "core/burst/workspace.h"
#include "core/common/diagnostic.h"

#include <QScopedValueRollback>
#include <QWidget>

namespace ui {

// A form of the workbench: it shows and edits one area of the burst policy of the selected
// workload, and a diagnostic of that area brings it to the front. While it fills its own widgets
// from the workspace, their change signals are not the operator's edits.
class WorkbenchForm : public QWidget
{
    Q_OBJECT

public:
    core::FieldArea area() const { return m_area; }
    // Shows `workload` (nullptr: none) of `workspace`.
    virtual void showWorkload(const core::burst::Workspace &workspace,
                              const core::burst::WorkloadEntry *workload) = 0;

protected:
    WorkbenchForm(core::FieldArea area, QWidget *parent) : QWidget(parent), m_area(area) {}

    // An annotation of the workload's pod template ("" when unset).
    static QString podAnnotation(const core::kube::Workload &workload, const QString &key)
    {
        return workload.podMetadata().value(u"annotations").toObject().value(key).toString();
    }

    bool filling() const { return m_filling; }
    // The form is filling until the returned guard goes out of scope.
    [[nodiscard]] QScopedValueRollback<bool> startFilling()
    {
        return QScopedValueRollback<bool>(m_filling, true);
    }

private:
    core::FieldArea m_area;
    bool m_filling = false;
};

} // namespace ui
