#include "ui/previewpane.h"

#include "core/kube/jsonyaml.h"
#include "core/kube/manifestloader.h"
#include "core/kube/quantity.h"
#include "models/diagnosticsmodel.h"
#include "ui/yamldiffview.h"

#include <QApplication>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {

// Severity icons from the widget style: the model stays free of widgets.
class SeverityIconProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DecorationRole || index.column() != models::DiagnosticsModel::Severity)
            return QIdentityProxyModel::data(index, role);
        const auto severity = core::Severity(
            QIdentityProxyModel::data(index, models::DiagnosticsModel::SeverityRole).toInt());
        const QStyle::StandardPixmap pixmap =
            severity == core::Severity::Error     ? QStyle::SP_MessageBoxCritical
            : severity == core::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                  : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(pixmap);
    }
};

} // namespace

int cciPodLine(const core::burst::PreviewResult &preview, const QString &cciYaml,
               const QString &objectPath)
{
    const QStringList specPrefixes = {QStringLiteral("spec.template.spec"),
                                      QStringLiteral("spec.jobTemplate.spec.template.spec"),
                                      QStringLiteral("template.spec")};
    QString podPath;
    if (preview.kind == u"Pod")
        podPath = objectPath;
    for (const QString &prefix : specPrefixes) {
        if (preview.kind != u"Pod" && objectPath.startsWith(prefix))
            podPath = QStringLiteral("spec") + objectPath.mid(prefix.size());
    }
    if (podPath.isEmpty())
        return -1;
    const core::kube::LoadResult loaded =
        core::kube::loadManifests(cciYaml.toUtf8(), QStringLiteral("cci-pod.yaml"));
    if (loaded.objects.isEmpty())
        return -1;
    const core::kube::SourcePos pos = loaded.objects.first().positionOf(podPath);
    return pos.isValid() ? pos.line - 1 : -1;
}

PreviewPane::PreviewPane(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Preview"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_diff = new YamlDiffView(split);
    m_diff->setTitles(tr("Pod as written"), tr("Pod on CCI"));
    m_diff->setAccessibleName(tr("Pod as written and on CCI"));
    m_diagnostics = new QTableView(split);
    m_diagnostics->setObjectName(QStringLiteral("diagnostics"));
    m_diagnostics->setAccessibleName(tr("Diagnostics"));
    m_model = new models::DiagnosticsModel(this);
    auto *icons = new SeverityIconProxy(this);
    icons->setSourceModel(m_model);
    m_diagnostics->setModel(icons);
    m_diagnostics->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_diagnostics->setSelectionMode(QAbstractItemView::SingleSelection);
    m_diagnostics->verticalHeader()->hide();
    m_diagnostics->horizontalHeader()->setStretchLastSection(true);
    m_diagnostics->setWordWrap(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    connect(m_diagnostics, &QTableView::activated, this,
            [this](const QModelIndex &index) { activate(index.row()); });
    connect(m_diagnostics, &QTableView::clicked, this,
            [this](const QModelIndex &index) { activate(index.row()); });
    setPreview(nullptr);
}

void PreviewPane::setPreview(const core::burst::PreviewResult *preview)
{
    if (!preview) {
        m_preview = {};
        m_cciYaml.clear();
        m_diff->setTexts(QString(), QString());
        m_model->setDiagnostics({});
        m_summary->setText(tr("Select a workload to see the pod CCI runs."));
        return;
    }
    m_preview = *preview;
    m_cciYaml = QString::fromUtf8(core::kube::jsonToYaml(preview->cciPod));
    m_diff->setTexts(QString::fromUtf8(core::kube::jsonToYaml(preview->originalPod)), m_cciYaml);
    m_model->setDiagnostics(preview->diagnostics);
    m_diagnostics->resizeColumnsToContents();
    m_summary->setText(tr("<b>%1/%2</b> %3 — pod on CCI: <b>%4 cpu / %5</b> — %6")
                           .arg(preview->nameSpace, preview->name, preview->kind,
                                core::kube::formatCpuMilli(preview->podAfter.cpuMilli),
                                core::kube::formatMemoryBytes(preview->podAfter.memoryBytes),
                                preview->admissible
                                    ? tr("admissible")
                                    : tr("<span style='color:#d03030'>rejected</span>")));
}

void PreviewPane::activate(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const core::Diagnostic d = m_model->diagnostics().at(row);
    const int line = cciPodLine(m_preview, m_cciYaml, d.path);
    if (line >= 0)
        m_diff->revealRightLine(line);
    emit diagnosticActivated(d);
}

void PreviewPane::selectDiagnostic(int step)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int current = m_diagnostics->currentIndex().isValid()
                            ? m_diagnostics->currentIndex().row()
                            : (step > 0 ? -1 : rows);
    const int next = ((current + step) % rows + rows) % rows;
    m_diagnostics->setCurrentIndex(m_diagnostics->model()->index(next, 0));
    activate(next);
}

} // namespace ui
