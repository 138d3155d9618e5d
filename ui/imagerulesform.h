#pragma once

#include "core/burst/imagereplacement.h"
#include "core/burst/preview.h"
#include "ui/workbenchform.h"

class QLabel;
class QTableWidget;

namespace ui {

// coordinator.cci.io/image-replacement of one workload: the rules (editable, validated as you
// type), and for every container the rule that matches and the image CCI pulls.
class ImageRulesForm : public WorkbenchForm
{
    Q_OBJECT

public:
    explicit ImageRulesForm(QWidget *parent = nullptr);

    void showWorkload(const core::burst::Workspace &workspace,
                      const core::burst::WorkloadEntry *workload) override;

    void setWorkload(const core::burst::PreviewResult *preview, const QString &annotationValue);
    QTableWidget *rulesTable() const { return m_rules; }
    QList<core::burst::ImageRule> editedRules() const;

    void addRule(const QString &prefix, const QString &replaceWith);
    void apply();

signals:
    // "" removes the annotation.
    void annotationChangeRequested(const QString &value);

private:
    void validate();
    void showMatches();

    QTableWidget *m_rules = nullptr;
    QTableWidget *m_matches = nullptr;
    QLabel *m_problems = nullptr;
    core::burst::PreviewResult m_preview;
};

} // namespace ui
