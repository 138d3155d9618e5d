#pragma once

#include "core/common/result.h"
#include "core/kube/podlogoptions.h"
#include "models/logviewmodel.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace core::kube {
class ApiClient;
}

namespace ui {

class LogSearchBar;
class LogView;

// One pod whose log a LogPane shows, with its container names (empty: not known yet; the pane
// reads the pod).
struct LogTarget
{
    QString nameSpace;
    QString pod;
    QStringList initContainers;
    QStringList containers;
};

// The pod's namespace, name and spec.initContainers / spec.containers names.
LogTarget logTargetFromPod(const QJsonObject &pod);

// The log viewer: the followed log of one pod's container, or of several pods merged by time
// (a workload's; a source column tells them apart), in a LogView over a models::LogViewModel.
//
// Toolbar: Follow (on while the view is at the bottom), Since (1m, 5m, 15m, 1h, all),
// Timestamps, Previous (the container's previous instance), the container (init containers
// too), Wrap, Copy, Save… (streamed into a QSaveFile). Search (Ctrl+F) with regex, case and
// whole word, "3 of 120", F3 / Shift+F3; Filter shows only the matching lines. The model counts
// and filters on a worker: the count label says "Counting… N%", the status line "Filtering…
// N%", and Esc stops either. The status line says what each source's stream is doing and how
// many older lines the cap dropped.
class LogPane : public QWidget
{
    Q_OBJECT
public:
    // Streams the logs of `targets` through `client` (which outlives the pane), of `container`
    // ("" = the first regular container of the first pod).
    LogPane(core::kube::ApiClient *client, const QList<LogTarget> &targets,
            const QString &container = {}, QWidget *parent = nullptr);
    ~LogPane() override;

    // The pod's name, "3 pods", or what setTitle() said (a workload's name).
    QString title() const;
    void setTitle(const QString &title);
    models::LogViewModel *model() const { return m_model; }
    LogView *view() const { return m_view; }
    LogSearchBar *searchBar() const { return m_search; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *statusLine() const { return m_status; }
    QToolButton *followButton() const { return m_follow; }
    QComboBox *sinceBox() const { return m_since; }
    QToolButton *timestampsButton() const { return m_timestamps; }
    QToolButton *previousButton() const { return m_previous; }
    QComboBox *containerBox() const { return m_container; }
    QToolButton *wrapButton() const { return m_wrap; }
    QToolButton *copyButton() const { return m_copy; }
    QToolButton *saveButton() const { return m_save; }
    const core::kube::PodLogOptions &options() const { return m_options; }

    // Writes the lines shown (the filter applies) to `path`, with timestamps when they show.
    core::Result<void> saveTo(const QString &path) const; // the file is unchanged on failure
    bool save(const QString &path); // saveTo, then the status line says how it went (Save…)
    void findNext();
    void findPrevious();
    // The search's ordinal of the current match (1-based), 0 when none or not known.
    qint64 currentOrdinal() const { return m_ordinal; }
    // Esc: stops the model's count or filter rebuild (enabled only while one runs).
    QAction *cancelAction() const { return m_cancel; }

private:
    void start();
    void restart();
    void readContainers(); // the pod, when its containers are not known
    void fillContainers(const QString &current);
    void applySearch();
    void applyFilter();
    void find(bool forward);
    void showFound(int row); // the model's answer to find()
    void updateCount();
    void updateStatus();
    void updateFollow(bool follow);
    void saveDialog();

    core::kube::ApiClient *m_client;
    QList<LogTarget> m_targets;
    QString m_title;
    core::kube::PodLogOptions m_options;
    models::LogViewModel *m_model;
    LogView *m_view;
    QToolButton *m_follow;
    QComboBox *m_since;
    QToolButton *m_timestamps;
    QToolButton *m_previous;
    QComboBox *m_container;
    QToolButton *m_wrap;
    QToolButton *m_copy;
    QToolButton *m_save;
    LogSearchBar *m_search;
    QLineEdit *m_filter;
    QTimer *m_filterDelay;
    QLabel *m_status;
    QTimer *m_statusDelay;
    QAction *m_cancel;
    int m_countPercent = 0;  // of the count under way (the model's searchProgress)
    int m_filterPercent = 0; // of the filter's rebuild
    bool m_readingContainers = false; // a read of the pod's containers is under way
    bool m_started = false;
    qint64 m_matches = 0;
    qint64 m_ordinal = 0; // of the current match's row's first match; 0: unknown
    // The find on the model's worker: the current match row when it was asked, and which way.
    int m_findFrom = -1;
    bool m_findForward = true;
    QHash<int, QPair<models::LogViewModel::SourceState, QString>> m_states;
    QString m_note; // the last action's outcome (copy cut, save failed)
};

} // namespace ui
