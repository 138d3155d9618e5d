#include "ui/logpane.h"

#include "core/common/savefile.h"
#include "core/kube/apiclient.h"
#include "core/kube/podwait.h"
#include "ui/clearbutton.h"
#include "ui/logsearchbar.h"
#include "ui/logview.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kFilterDelayMs = 250;
constexpr int kStatusDelayMs = 100; // many sources change state at once: one line update
constexpr int kSourcesListed = 3;   // more sources: counts per state

QStringList namesOf(const QJsonArray &containers)
{
    QStringList names;
    for (const QJsonValue &container : containers)
        names.append(container.toObject().value(QLatin1String("name")).toString());
    return names;
}

QToolButton *toolButton(QWidget *parent, const QString &text, const QString &name,
                        const QString &tip, bool checkable)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setAccessibleName(name);
    button->setToolTip(tip);
    button->setCheckable(checkable);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QString stateName(models::LogViewModel::SourceState state)
{
    using S = models::LogViewModel::SourceState;
    switch (state) {
    case S::Connecting:
        return LogPane::tr("connecting");
    case S::Streaming:
        return LogPane::tr("streaming");
    case S::Reconnecting:
        return LogPane::tr("reconnecting");
    case S::Ended:
        return LogPane::tr("ended");
    case S::Failed:
        return LogPane::tr("failed");
    case S::Waiting:
        return LogPane::tr("waiting for the pod to start");
    }
    return {};
}

} // namespace

LogTarget logTargetFromPod(const QJsonObject &pod)
{
    const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    return {metadata.value(QLatin1String("namespace")).toString(),
            metadata.value(QLatin1String("name")).toString(),
            namesOf(spec.value(QLatin1String("initContainers")).toArray()),
            namesOf(spec.value(QLatin1String("containers")).toArray())};
}

LogPane::LogPane(core::kube::ApiClient *client, const QList<LogTarget> &targets,
                 const QString &container, QWidget *parent)
    : QWidget(parent),
      m_client(client),
      m_targets(targets),
      m_model(new models::LogViewModel(this)),
      m_view(new LogView(this)),
      m_follow(toolButton(this, tr("Follow"), tr("Follow"),
                          tr("Keep the newest lines in view (End resumes, scrolling up pauses)"),
                          true)),
      m_since(new QComboBox(this)),
      m_timestamps(toolButton(this, tr("Timestamps"), tr("Timestamps"),
                              tr("Show each line's time as the server wrote it"), true)),
      m_previous(toolButton(this, tr("Previous container"), tr("Previous container"),
                            tr("The log of the container's previous instance (before its last "
                               "restart)"),
                            true)),
      m_container(new QComboBox(this)),
      m_wrap(toolButton(this, tr("Wrap"), tr("Wrap lines"), tr("Wrap long lines"), true)),
      m_copy(toolButton(this, tr("Copy"), tr("Copy lines"), tr("Copy the selected lines (Ctrl+C)"),
                        false)),
      m_save(toolButton(this, tr("Save…"), tr("Save log"),
                        tr("Save the lines shown (the filter applies) to a file"), false)),
      m_search(new LogSearchBar(this)),
      m_filter(new QLineEdit(this)),
      m_filterDelay(new QTimer(this)),
      m_status(new QLabel(this)),
      m_statusDelay(new QTimer(this)),
      m_cancel(new QAction(tr("Stop counting or filtering"), this))
{
    setAccessibleName(tr("Logs of %1").arg(title()));
    m_view->setModel(m_model);
    m_view->setSourceShown(targets.size() > 1);
    m_view->setMatchProvider([this](int row) { return m_model->matchesInRow(row); });
    m_follow->setChecked(true);
    m_since->setAccessibleName(tr("Since"));
    m_since->setToolTip(tr("Only lines newer than this"));
    m_since->addItem(tr("Since: all"));
    for (const auto &[label, seconds] : {std::pair{tr("1m"), 60}, std::pair{tr("5m"), 300},
                                         std::pair{tr("15m"), 900}, std::pair{tr("1h"), 3600}})
        m_since->addItem(tr("Since %1").arg(label), seconds);
    m_container->setAccessibleName(tr("Container"));
    m_container->setToolTip(tr("The container whose log shows"));
    m_filter->setAccessibleName(tr("Filter lines"));
    m_filter->setPlaceholderText(tr("Filter: show only lines that match"));
    enableClearButton(m_filter);
    m_status->setAccessibleName(tr("Log status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *toolbar = new QHBoxLayout;
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_follow, m_since, m_timestamps, m_previous,
                                          m_container, m_wrap, m_copy, m_save})
        toolbar->addWidget(widget);
    toolbar->addStretch(1);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_search, 3);
    findRow->addWidget(m_filter, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(toolbar);
    layout->addLayout(findRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    // The pane's keys: Ctrl+F, F3, Shift+F3.
    const auto shortcut = [this](const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence::keyBindings(QKeySequence::Find), [this] {
        m_search->edit()->setFocus();
        m_search->edit()->selectAll();
    });
    // F3 everywhere, and the platform's own keys besides.
    QList<QKeySequence> next = QKeySequence::keyBindings(QKeySequence::FindNext);
    QList<QKeySequence> previous = QKeySequence::keyBindings(QKeySequence::FindPrevious);
    if (!next.contains(QKeySequence(Qt::Key_F3)))
        next.prepend(QKeySequence(Qt::Key_F3));
    if (!previous.contains(QKeySequence(Qt::SHIFT | Qt::Key_F3)))
        previous.prepend(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    shortcut(next, [this] { findNext(); });
    shortcut(previous, [this] { findPrevious(); });
    // Esc stops a count or filter rebuild; while none runs the key is not taken.
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancel->setEnabled(false);
    connect(m_cancel, &QAction::triggered, m_model, &models::LogViewModel::cancelWork);
    addAction(m_cancel);

    connect(m_view, &LogView::followChanged, this, &LogPane::updateFollow);
    connect(m_follow, &QToolButton::toggled, m_view, &LogView::setFollow);
    connect(m_timestamps, &QToolButton::toggled, m_view, &LogView::setTimestampsShown);
    connect(m_wrap, &QToolButton::toggled, m_view, &LogView::setWrap);
    connect(m_copy, &QToolButton::clicked, m_view, &LogView::copy);
    connect(m_save, &QToolButton::clicked, this, &LogPane::saveDialog);
    connect(m_view, &LogView::copyTruncated, this, [this](int copied, qint64 selected) {
        const QLocale locale;
        m_note = tr("Copied the first %1 of %2 selected lines; Save… writes them all.")
                     .arg(locale.toString(copied), locale.toString(selected));
        updateStatus();
    });
    connect(m_since, &QComboBox::currentIndexChanged, this, &LogPane::restart);
    connect(m_previous, &QToolButton::toggled, this, &LogPane::restart);
    connect(m_container, &QComboBox::currentIndexChanged, this, &LogPane::restart);
    connect(m_search, &LogSearchBar::optionsChanged, this, &LogPane::applySearch);
    connect(m_search, &LogSearchBar::optionsChanged, this, [this] {
        if (!m_filter->text().isEmpty())
            applyFilter(); // the toggles apply to both
    });
    connect(m_search, &LogSearchBar::nextRequested, this, &LogPane::findNext);
    connect(m_search, &LogSearchBar::previousRequested, this, &LogPane::findPrevious);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(kFilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &LogPane::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &LogPane::applyFilter);

    connect(m_model, &models::LogViewModel::matchFound, this, &LogPane::showFound);
    connect(m_model, &models::LogViewModel::searchChanged, this, [this](qint64 count) {
        m_matches = count;
        updateCount();
    });
    connect(m_model, &models::LogViewModel::searchProgress, this, [this](qint64, int percent) {
        m_countPercent = percent;
        updateCount();
    });
    connect(m_model, &models::LogViewModel::filterProgress, this, [this](int percent) {
        m_filterPercent = percent;
        updateStatus();
    });
    connect(m_model, &models::LogViewModel::busyChanged, this, [this](bool busy) {
        m_cancel->setEnabled(busy);
        if (!m_model->isFiltering())
            m_filterPercent = 0;
        updateCount();
        updateStatus();
    });
    connect(m_model, &models::LogViewModel::droppedChanged, this, &LogPane::updateStatus);
    connect(m_model, &models::LogViewModel::sourceStateChanged, this,
            [this](int source, models::LogViewModel::SourceState state, const QString &message) {
                m_states.insert(source, {state, message});
                m_statusDelay->start();
                // Opened before the pod existed: its containers can be read now (and a pod of
                // several containers refuses a log without one: the first is then chosen).
                using S = models::LogViewModel::SourceState;
                if ((state == S::Streaming || state == S::Failed) && m_targets.size() == 1 &&
                    m_targets.first().containers.isEmpty() && !m_readingContainers) {
                    m_note.clear();
                    readContainers();
                }
            });
    // Rows that come or go before the current match change its ordinal: it is no longer known.
    const auto forget = [this](const QModelIndex &, int first, int) {
        if (m_ordinal > 0 && first <= m_view->currentMatchRow())
            m_ordinal = 0;
        updateCount();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, forget);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, forget);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_ordinal = 0;
        // The view has no current match after a reset: a find the model runs again over the
        // filter's new rows (LogViewModel keeps it across the swap) answers from there.
        m_findFrom = -1;
        updateCount();
    });
    m_statusDelay->setSingleShot(true);
    m_statusDelay->setInterval(kStatusDelayMs);
    connect(m_statusDelay, &QTimer::timeout, this, &LogPane::updateStatus);

    m_options.follow = true;
    m_options.container = container;
    // With the container named, the log starts at once; the picker fills when the pod is read.
    const bool known = targets.isEmpty() || !targets.first().containers.isEmpty();
    if (known || !container.isEmpty()) {
        fillContainers(container);
        start();
    }
    if (!known)
        readContainers();
    updateStatus();
}

LogPane::~LogPane()
{
    m_model->stopAll();
}

void LogPane::setTitle(const QString &title)
{
    m_title = title;
    setAccessibleName(tr("Logs of %1").arg(this->title()));
}

QString LogPane::title() const
{
    if (!m_title.isEmpty())
        return m_title;
    if (m_targets.size() == 1)
        return m_targets.first().pod;
    return tr("%1 pods").arg(m_targets.size()); // a single pod is named
}

void LogPane::fillContainers(const QString &current)
{
    QStringList init;
    QStringList regular;
    for (const LogTarget &target : std::as_const(m_targets)) {
        for (const QString &name : target.initContainers)
            if (!init.contains(name))
                init.append(name);
        for (const QString &name : target.containers)
            if (!regular.contains(name))
                regular.append(name);
    }
    const QSignalBlocker blocker(m_container);
    m_container->clear();
    for (const QString &name : std::as_const(regular))
        m_container->addItem(name, name);
    for (const QString &name : std::as_const(init))
        m_container->addItem(tr("%1 (init)").arg(name), name);
    if (!current.isEmpty() && m_container->findData(current) < 0)
        m_container->addItem(current, current);
    const int index = current.isEmpty() ? 0 : m_container->findData(current);
    m_container->setCurrentIndex(index);
    m_options.container = m_container->currentData().toString();
    m_container->setEnabled(m_container->count() > 1);
}

void LogPane::readContainers()
{
    m_readingContainers = true;
    const LogTarget target = m_targets.first();
    m_client->resolve(
        QStringLiteral("pods"), this,
        [this, target](const core::kube::ApiResult<core::kube::ResourceMapping> &mapping) {
            if (!mapping) {
                m_readingContainers = false;
                m_note = mapping.error().message;
                if (!m_started)
                    start();
                return;
            }
            m_client->get(mapping.value(), target.nameSpace, target.pod, this,
                          [this](const core::kube::ApiResult<QJsonObject> &pod) {
                              m_readingContainers = false;
                              bool nowKnown = false;
                              if (pod) {
                                  const LogTarget read = logTargetFromPod(pod.value());
                                  nowKnown = m_targets.first().containers.isEmpty() &&
                                             !read.containers.isEmpty();
                                  m_targets.first().initContainers = read.initContainers;
                                  m_targets.first().containers = read.containers;
                              } else if (!core::kube::meansPodNotStartedYet(
                                             pod.error().toError())) {
                                  // (A pod that is not there yet: the source's Waiting state
                                  // says so already.)
                                  m_note = pod.error().message;
                              }
                              fillContainers(m_options.container);
                              if (!m_started)
                                  start();
                              else if (nowKnown && m_model->sourceState(0) ==
                                                       models::LogViewModel::SourceState::Failed)
                                  restart();
                          });
        });
}

void LogPane::start()
{
    m_started = true;
    for (const LogTarget &target : std::as_const(m_targets))
        m_model->addSource(m_client, target.nameSpace, target.pod, m_options);
    updateStatus();
}

void LogPane::restart()
{
    m_options.previous = m_previous->isChecked();
    m_options.follow = !m_options.previous; // a previous instance is over: nothing to follow
    m_options.container = m_container->currentData().toString();
    const QVariant since = m_since->currentData();
    m_options.sinceSeconds =
        since.isValid() ? std::optional<qint64>(since.toLongLong()) : std::nullopt;
    if (!m_started)
        return;
    m_states.clear();
    m_note.clear();
    m_model->restart(m_options);
    m_view->setFollow(true);
    updateStatus();
}

void LogPane::applySearch()
{
    const models::LogMatchOptions options = m_search->options();
    // The count arrives later (searchChanged); highlighting is immediate.
    m_matches = 0;
    m_countPercent = 0;
    m_model->setSearch(m_search->patternError(options.pattern).isEmpty() ? options
                                                                         : models::LogMatchOptions{});
    m_ordinal = 0;
    m_view->setCurrentMatchRow(-1);
    m_view->viewport()->update();
    updateCount();
}

void LogPane::applyFilter()
{
    m_filterDelay->stop();
    const models::LogMatchOptions options = m_search->options(m_filter->text());
    if (!m_search->patternError(options.pattern).isEmpty()) {
        m_note = tr("Filter: %1").arg(m_search->patternError(options.pattern));
        updateStatus();
        return;
    }
    if (m_model->filter().pattern == options.pattern &&
        m_model->filter().regex == options.regex &&
        m_model->filter().caseSensitive == options.caseSensitive &&
        m_model->filter().wholeWord == options.wholeWord)
        return;
    m_note.clear();
    m_filterPercent = 0;
    m_model->setFilter(options); // rebuilt on the model's worker: busyChanged, then a reset
    m_matches = m_model->matchCount();
    m_ordinal = 0;
    updateCount();
    updateStatus();
}

void LogPane::findNext()
{
    find(true);
}

void LogPane::findPrevious()
{
    find(false);
}

void LogPane::find(bool forward)
{
    m_search->applyPending();
    const bool none =
        m_model->countState() == models::LogViewModel::CountState::Exact && m_matches == 0;
    if (none || m_model->rowCount() == 0)
        return; // (while counting, the worker looks)
    const int current = m_view->currentMatchRow();
    // From no current match: the first match going forward, the last going back. The model
    // looks on a worker (F3 over millions of lines never holds the GUI) and answers showFound;
    // a second F3 before it answers replaces the first.
    m_findFrom = current;
    m_findForward = forward;
    m_model->findMatch(current >= 0 ? current : (forward ? -1 : m_model->rowCount()), forward);
}

void LogPane::showFound(int row)
{
    const int current = m_findFrom;
    const bool forward = m_findForward;
    if (row < 0 || current != m_view->currentMatchRow())
        return; // none, or the operator moved on meanwhile
    const qint64 inRow = m_model->matchesInRow(row).size();
    if (m_model->countState() != models::LogViewModel::CountState::Exact) {
        m_ordinal = 0; // "N of M" once M is known
    } else if (current < 0) {
        m_ordinal = forward ? 1 : m_matches - inRow + 1;
    } else if (m_ordinal > 0) {
        if (forward)
            m_ordinal = row > current ? m_ordinal + m_model->matchesInRow(current).size() : 1;
        else
            m_ordinal = row < current ? m_ordinal - inRow : m_matches - inRow + 1;
        if (m_ordinal < 1 || m_ordinal > m_matches)
            m_ordinal = 0;
    }
    m_view->setCurrentMatchRow(row);
    updateCount();
}

void LogPane::updateCount()
{
    using C = models::LogViewModel::CountState;
    switch (m_model->countState()) {
    case C::Counting:
        m_search->showCounting(m_model->matchCount(), m_countPercent);
        break;
    case C::Stopped:
        m_search->showStopped(m_model->matchCount());
        break;
    case C::Exact:
        m_search->showCount(m_ordinal, m_matches);
        break;
    }
}

void LogPane::updateFollow(bool follow)
{
    const QSignalBlocker blocker(m_follow);
    m_follow->setChecked(follow);
    m_follow->setText(follow ? tr("Follow") : tr("Paused"));
    updateStatus();
}

void LogPane::updateStatus()
{
    QStringList parts;
    const int sources = m_model->sourceCount();
    if (!m_started) {
        parts.append(tr("Reading the pod…"));
    } else if (sources <= kSourcesListed) {
        for (int source = 0; source < sources; ++source) {
            const auto state = m_states.value(
                source, {m_model->sourceState(source), QString()});
            QString text = tr("%1: %2").arg(m_model->sourceName(source), stateName(state.first));
            if (!state.second.isEmpty())
                text = tr("%1 (%2)").arg(text, state.second);
            parts.append(text);
        }
    } else {
        QMap<int, int> counts;
        QStringList problems;
        for (int source = 0; source < sources; ++source) {
            const auto state = m_states.value(
                source, {m_model->sourceState(source), QString()});
            ++counts[int(state.first)];
            if (!state.second.isEmpty() && problems.size() < 2)
                problems.append(tr("%1: %2").arg(m_model->sourceName(source), state.second));
        }
        QStringList states;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            states.append(tr("%1 %2").arg(it.value()).arg(
                stateName(models::LogViewModel::SourceState(it.key()))));
        parts.append(states.join(tr(", ")));
        parts += problems;
    }
    if (const qint64 dropped = m_model->droppedLines(); dropped > 0) {
        const QLocale locale;
        parts.append(tr("%1 older lines dropped (cap %2)")
                         .arg(locale.toString(dropped), locale.toString(m_model->maxLines())));
    }
    if (m_model->isFiltering())
        parts.append(tr("Filtering… %1% (Esc stops)").arg(m_filterPercent));
    else if (m_model->countState() == models::LogViewModel::CountState::Counting)
        parts.append(tr("Counting matches… (Esc stops)"));
    if (!m_view->follow())
        parts.append(tr("Paused: End or Follow resumes"));
    if (!m_note.isEmpty())
        parts.append(m_note);
    m_status->setText(parts.join(tr(" · ")));
    // Its accessible name says what it is; what it says now (a failed save too) is read here.
    m_status->setAccessibleDescription(m_status->text());
}

core::Result<void> LogPane::saveTo(const QString &path) const
{
    const bool timestamps = m_view->timestampsShown();
    return core::saveFile(path, [this, timestamps](QIODevice &file) {
        return m_model->saveTo(&file, timestamps, nullptr);
    });
}

void LogPane::saveDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save log"),
                                                      title() + QStringLiteral(".log"),
                                                      tr("Log files (*.log *.txt);;All files (*)"));
    if (!path.isEmpty())
        save(path);
}

bool LogPane::save(const QString &path)
{
    const core::Result<void> saved = saveTo(path);
    // The status line (and so its accessible text) says it; a failed save names the file, the
    // system's reason and what to do.
    m_note = saved ? tr("Saved %1").arg(path) : saved.error().message + u' ' + saved.error().hint;
    updateStatus();
    return saved.ok();
}

} // namespace ui
