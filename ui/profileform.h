#pragma once

#include "core/burst/workspace.h"
#include "models/fieldedit.h"
#include "ui/workbenchform.h"

#include <QJsonValue>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ui {

// The ScheduleProfile associated with the selected workload: selector builder, strategy, local /
// cci maxNum and scaleDownPriority, SPEC validation as you type, and which workloads the edited
// profile captures and which profile wins for each.
class ProfileForm : public WorkbenchForm
{
    Q_OBJECT

public:
    explicit ProfileForm(QWidget *parent = nullptr);

    // The profile the workload is associated with, if any.
    void showWorkload(const core::burst::Workspace &workspace,
                      const core::burst::WorkloadEntry *workload) override;
    void showProfile(const core::burst::Workspace &workspace,
                     const core::burst::ProfileEntry *profile);
    // (file, object) of the profile shown, whose object editRequested() edits.
    std::optional<std::pair<qsizetype, qsizetype>> shownProfile() const { return m_shown; }

    // profile nullptr: no profile; `workloads`/`profiles` are the whole workspace.
    void setProfile(const core::burst::ProfileEntry *profile,
                    const QList<core::burst::WorkloadEntry> &workloads,
                    const QList<core::burst::ProfileEntry> &profiles);
    core::burst::ScheduleProfile editedProfile() const;
    // Edited vs loaded, as field edits of the profile object.
    QList<models::FieldEdit> changes() const;

    QComboBox *strategyCombo() const { return m_strategy; }
    QSpinBox *maxNumSpin(bool cci) const { return cci ? m_cciMax : m_localMax; }
    QCheckBox *maxNumCheck(bool cci) const { return cci ? m_cciMaxSet : m_localMaxSet; }
    QListWidget *capturesList() const { return m_captures; }
    void apply();

signals:
    void editRequested(const QList<models::FieldEdit> &edits, const QString &description);
    void createRequested();

private:
    QWidget *buildSelector();
    QWidget *buildLocation(bool cci);
    void refreshDerived();
    void setLocation(bool cci, const core::burst::LocationLimits &limits);
    core::burst::LocationLimits location(bool cci) const;

    std::optional<core::burst::ScheduleProfile> m_loaded;
    std::optional<std::pair<qsizetype, qsizetype>> m_shown;
    QList<core::burst::WorkloadEntry> m_workloads;
    QList<core::burst::ProfileEntry> m_profiles;
    QLabel *m_title = nullptr;
    QComboBox *m_strategy = nullptr;
    QTableWidget *m_matchLabels = nullptr;
    QTableWidget *m_expressions = nullptr;
    QCheckBox *m_localMaxSet = nullptr;
    QSpinBox *m_localMax = nullptr;
    QCheckBox *m_localPrioritySet = nullptr;
    QSpinBox *m_localPriority = nullptr;
    QCheckBox *m_cciMaxSet = nullptr;
    QSpinBox *m_cciMax = nullptr;
    QCheckBox *m_cciPrioritySet = nullptr;
    QSpinBox *m_cciPriority = nullptr;
    QLabel *m_problems = nullptr;
    QListWidget *m_captures = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_create = nullptr;
};

} // namespace ui
