#pragma once

#include "core/burst/workspace.h"
#include "ui/fieldedit.h"

#include <QJsonValue>
#include <QWidget>

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
class ProfileForm : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileForm(QWidget *parent = nullptr);

    // profile nullptr: no profile; `workloads`/`profiles` are the whole workspace.
    void setProfile(const core::burst::ProfileEntry *profile,
                    const QList<core::burst::WorkloadEntry> &workloads,
                    const QList<core::burst::ProfileEntry> &profiles);
    core::burst::ScheduleProfile editedProfile() const;
    QList<FieldEdit> changes() const; // edited vs loaded, as field edits of the profile object

    QComboBox *strategyCombo() const { return m_strategy; }
    QSpinBox *maxNumSpin(bool cci) const { return cci ? m_cciMax : m_localMax; }
    QCheckBox *maxNumCheck(bool cci) const { return cci ? m_cciMaxSet : m_localMaxSet; }
    QListWidget *capturesList() const { return m_captures; }
    void apply();

signals:
    void editRequested(const QList<ui::FieldEdit> &edits, const QString &description);
    void createRequested();

private:
    QWidget *buildSelector();
    QWidget *buildLocation(bool cci);
    void refreshDerived();
    void setLocation(bool cci, const core::burst::LocationLimits &limits);
    core::burst::LocationLimits location(bool cci) const;

    std::optional<core::burst::ScheduleProfile> m_loaded;
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
    bool m_updating = false;
};

} // namespace ui
