#pragma once

#include "core/burst/preview.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace models {
class DiagnosticsModel;
}

namespace ui {

class YamlDiffView;

// The pod as the workload creates it beside the pod CCI runs (changed lines highlighted), the
// pod's cpu/memory, and the diagnostics. Activating a diagnostic reveals its line and asks the
// window to show the form that edits that field.
class PreviewPane : public QWidget
{
    Q_OBJECT

public:
    explicit PreviewPane(QWidget *parent = nullptr);

    void setPreview(const core::burst::PreviewResult *preview);
    void selectDiagnostic(int step); // +1 next (F8), -1 previous (Shift+F8), wrapping
    QTableView *diagnosticsView() const { return m_diagnostics; }
    YamlDiffView *diffView() const { return m_diff; }
    models::DiagnosticsModel *diagnosticsModel() const { return m_model; }

signals:
    void diagnosticActivated(const core::Diagnostic &diagnostic);

private:
    void activate(int row);

    YamlDiffView *m_diff = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_diagnostics = nullptr;
    models::DiagnosticsModel *m_model = nullptr;
    core::burst::PreviewResult m_preview;
    QString m_cciYaml;
};

// The 0-based line of `objectPath` (a diagnostic path, relative to the workload object) in the
// YAML of the CCI pod, or -1.
int cciPodLine(const core::burst::PreviewResult &preview, const QString &cciYaml,
               const QString &objectPath);

} // namespace ui
