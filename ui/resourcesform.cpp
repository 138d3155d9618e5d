#include "ui/resourcesform.h"

#include "core/kube/quantity.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

ResourcesForm::ResourcesForm(QWidget *parent) : WorkbenchForm(core::FieldArea::Resources, parent)
{
    setAccessibleName(tr("Resources"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, 6, this);
    m_table->setAccessibleName(tr("Container resources"));
    m_table->setHorizontalHeaderLabels({tr("Container"), tr("cpu as written"),
                                        tr("memory as written"), tr("cpu on CCI"),
                                        tr("memory on CCI"), tr("Why")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);
    auto *rules = new QLabel(
        tr("CCI sets request = limit (the limit if given, else the request). A valid pod has "
           "0.25-32 cores in steps of 0.25 (or 48 or 64), 1Gi-512Gi in whole Gi, and 2-8Gi per "
           "core; up to 32 cores / 256Gi an invalid pod is normalized, the increase going to the "
           "first app container."),
        this);
    rules->setWordWrap(true);
    layout->addWidget(rules);
    setPreview(nullptr);
}

void ResourcesForm::showWorkload(const core::burst::Workspace &,
                                 const core::burst::WorkloadEntry *workload)
{
    setPreview(workload ? &workload->preview : nullptr);
}

void ResourcesForm::setPreview(const core::burst::PreviewResult *p)
{
    m_table->setRowCount(0);
    if (!p) {
        m_summary->setText(tr("Select a workload."));
        return;
    }
    const auto cpu = core::kube::formatCpuMilli;
    const auto mem = core::kube::formatMemoryBytes;
    QString summary =
        tr("<b>Pod:</b> %1 cpu / %2 memory as written; <b>%3 cpu / %4 memory on CCI</b>.")
            .arg(cpu(p->podBefore.cpuMilli), mem(p->podBefore.memoryBytes),
                 cpu(p->podAfter.cpuMilli), mem(p->podAfter.memoryBytes));
    summary += u' ' + (p->admissible ? (p->normalized ? tr("CCI normalizes it and admits it.")
                                                      : tr("Valid for CCI as written."))
                                     : tr("<span style='color:#d03030'>CCI rejects it.</span>"));
    m_summary->setText(summary);
    for (const core::burst::ContainerPreview &c : p->containers) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList values = {c.init ? tr("%1 (init)").arg(c.name) : c.name,
                                    c.cpuBefore.isEmpty() ? tr("—") : c.cpuBefore,
                                    c.memoryBefore.isEmpty() ? tr("—") : c.memoryBefore,
                                    c.cpu.isEmpty() ? tr("—") : c.cpu,
                                    c.memory.isEmpty() ? tr("—") : c.memory,
                                    c.reasons.join(u'\n')};
        for (int col = 0; col < values.size(); ++col) {
            auto *item = new QTableWidgetItem(values.at(col));
            if ((col == 3 && c.cpu != c.cpuBefore) || (col == 4 && c.memory != c.memoryBefore)) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(row, col, item);
        }
    }
    m_table->resizeRowsToContents();
}

} // namespace ui
