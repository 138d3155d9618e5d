#include "ui/placeholderwindow.h"

#include "core/burst/preview.h"
#include "core/kube/manifestloader.h"
#include "ui/tr.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ui {

PlaceholderWindow::Loaded loadAndPreview(const QStringList &paths)
{
    const core::kube::LoadResult loaded = core::kube::loadManifestPaths(paths);
    PlaceholderWindow::Loaded out;
    for (const core::kube::ParseError &e : loaded.errors)
        out.errors.append(e.toString());
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &o : loaded.objects)
        objects.append(o.object);
    const QList<core::burst::PreviewResult> previews = core::burst::previewObjects(objects, {});
    qsizetype next = 0;
    for (const core::kube::ManifestObject &o : loaded.objects) {
        if (next < previews.size() && core::kube::isPodBearingKind(o.kind()))
            out.rows.append({o.file, previews.at(next++)});
    }
    return out;
}

PlaceholderWindow::PlaceholderWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(Tr::tr("Burst Console"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *banner = new QLabel(
        Tr::tr("<h2>Burst Console</h2><p>The policy workbench is coming: editing burst "
               "strategies, ScheduleProfiles, hostPath and image-replacement rules with a live "
               "preview, then the sandbox cluster and live monitoring of burst pods.</p><p>Below: "
               "what CCI would run for each workload, from the same preview engine as "
               "<tt>burstctl preview</tt>.</p>"),
        central);
    banner->setWordWrap(true);
    layout->addWidget(banner);
    m_model = new models::WorkloadSummaryModel(this);
    m_table = new QTableView(central);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    m_errors = new QPlainTextEdit(central);
    m_errors->setReadOnly(true);
    m_errors->setPlaceholderText(Tr::tr("Files that could not be read are listed here."));
    m_errors->setMaximumHeight(90);
    layout->addWidget(m_errors);
    setCentralWidget(central);
    m_status = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    connect(&m_watcher, &QFutureWatcher<Loaded>::finished, this, &PlaceholderWindow::showLoaded);
    resize(1100, 520);
}

void PlaceholderWindow::load(const QStringList &paths)
{
    m_status->setText(Tr::tr("Loading %n path(s)…", nullptr, int(paths.size())));
    m_progress->show();
    m_watcher.setFuture(QtConcurrent::run(loadAndPreview, paths));
}

void PlaceholderWindow::showLoaded()
{
    Loaded result = m_watcher.result();
    m_progress->hide();
    m_errors->setPlainText(result.errors.join(u'\n'));
    m_errors->setVisible(!result.errors.isEmpty());
    m_status->setText(Tr::tr("%n workload(s)", nullptr, int(result.rows.size())) +
                      (result.errors.isEmpty()
                           ? QString()
                           : Tr::tr(", %n file error(s)", nullptr, int(result.errors.size()))));
    m_model->setRows(std::move(result.rows));
    m_table->resizeColumnsToContents();
    emit loaded();
}

} // namespace ui
