#pragma once

#include "core/burst/hostpathreplacement.h"
#include "ui/workbenchform.h"

#include <QJsonObject>

class QLabel;
class QTableWidget;

namespace ui {

// coordinator.cci.io/hostpath-replacement of one workload: a row per hostPath volume of the pod
// plus the "*" row for every volume no named rule covers; policy and its fields per row.
class HostPathForm : public WorkbenchForm
{
    Q_OBJECT

public:
    enum Column {
        Volume,
        HostPath,
        Policy,
        SizeLimit,
        Driver,
        FsType,
        VolumeType,
        VolumeSize,
        ColumnCount
    };

    explicit HostPathForm(QWidget *parent = nullptr);

    void showWorkload(const core::burst::Workspace &workspace,
                      const core::burst::WorkloadEntry *workload) override;

    // podSpec: the pod as written; annotationValue: the current annotation ("" when none).
    void setPod(const QJsonObject *podSpec, const QString &annotationValue);
    QTableWidget *table() const { return m_table; }
    QList<core::burst::HostPathRule> editedRules() const;
    void setPolicy(int row, const QString &policyType); // "" = no rule
    void setField(int row, Column column, const QString &value);
    void apply();

signals:
    void annotationChangeRequested(const QString &value); // "" removes the annotation

private:
    void addRow(const QString &volume, const QString &hostPath,
                const core::burst::HostPathRule *rule);
    void validate();

    QTableWidget *m_table = nullptr;
    QLabel *m_problems = nullptr;
    QJsonObject m_podSpec;
};

} // namespace ui
