#pragma once

#include "core/burst/preview.h"
#include "core/kube/workload.h"
#include "ui/workbenchform.h"

class QComboBox;
class QLabel;

namespace ui {

// Burst strategy of one workload: the label on the workload and on its pod template, and what
// wins (pod-template label > workload label > ScheduleProfile > none).
class StrategyForm : public WorkbenchForm
{
    Q_OBJECT

public:
    explicit StrategyForm(QWidget *parent = nullptr);

    void showWorkload(const core::burst::Workspace &workspace,
                      const core::burst::WorkloadEntry *workload) override;

    // nullptr clears and disables the form.
    void setWorkload(const core::kube::Workload *workload,
                     const core::burst::PreviewResult &preview);

    QComboBox *workloadCombo() const { return m_workloadCombo; }
    QComboBox *podCombo() const { return m_podCombo; }

signals:
    // value "" removes the label.
    void labelChangeRequested(bool podTemplate, const QString &value);

private:
    void fill(QComboBox *combo, const core::kube::Labels &labels, bool enabled);
    void emitChange(bool podTemplate, QComboBox *combo);

    QComboBox *m_workloadCombo = nullptr;
    QComboBox *m_podCombo = nullptr;
    QLabel *m_effective = nullptr;
    QLabel *m_precedence = nullptr;
};

} // namespace ui
