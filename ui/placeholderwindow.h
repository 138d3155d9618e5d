#pragma once

#include <QFutureWatcher>
#include <QMainWindow>

#include "models/workloadsummarymodel.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTableView;

namespace ui {

// The first window: says what is coming and lists the burst preview of the manifests it was given
// (the shipped examples by default). Loading and previewing run off the GUI thread.
class PlaceholderWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Loaded
    {
        QList<models::WorkloadSummaryModel::Row> rows;
        QStringList errors;
    };

    explicit PlaceholderWindow(QWidget *parent = nullptr);

    void load(const QStringList &paths);
    models::WorkloadSummaryModel *model() const { return m_model; }

signals:
    void loaded();

private:
    void showLoaded();

    models::WorkloadSummaryModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_errors = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QFutureWatcher<Loaded> m_watcher;
};

// Loads `paths` and previews every workload: the work the window runs on a worker thread.
PlaceholderWindow::Loaded loadAndPreview(const QStringList &paths);

} // namespace ui
