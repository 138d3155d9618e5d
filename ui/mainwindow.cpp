#include "ui/mainwindow.h"

#include "core/burst/whatifscenario.h"
#include "core/kube/apiclient.h"
#include "models/ccijoin.h"
#include "models/eventtablemodel.h"
#include "models/clustersession.h"
#include "models/connectionlist.h"
#include "models/podtablemodel.h"
#include "models/profiletablemodel.h"
#include "models/workloadsummarymodel.h"
#include "models/workspacecontroller.h"
#include "ui/clearbutton.h"
#include "ui/clusterdock.h"
#include "ui/eventspane.h"
#include "ui/connectiondialog.h"
#include "ui/helpdialogs.h"
#include "ui/hostpathform.h"
#include "ui/imagerulesform.h"
#include "ui/podspane.h"
#include "ui/previewpane.h"
#include "ui/profileform.h"
#include "ui/resourcesform.h"
#include "ui/strategyform.h"
#include "ui/theme.h"
#include "ui/whatifchart.h"
#include "ui/workbenchform.h"
#include "ui/workspaceprompts.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ui {

namespace {

// Exclusive choices (code, name) in `menu`, the one stored under `setting` checked ("system" when
// none is); `choose` gets the code picked.
void addChoices(QMenu *menu, const QString &setting,
                const QList<std::pair<QString, QString>> &choices, QObject *context,
                const std::function<void(const QString &)> &choose)
{
    auto *group = new QActionGroup(menu);
    const QString current = QSettings().value(setting, QStringLiteral("system")).toString();
    for (const auto &[code, name] : choices) {
        QAction *a = menu->addAction(name, context, [choose, code = code] { choose(code); });
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
    }
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_documents = new models::WorkspaceController(this);
    m_cciJoin = new models::CciJoin(this);
    m_prompts = new WorkspacePrompts(m_documents, this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("mainSplit"));
    split->addWidget(buildLeft());
    split->addWidget(buildRight());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    setCentralWidget(split);
    buildMenus();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("workbenchStatus"));
    m_status->setAccessibleName(tr("Workbench status"));
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(180);
    m_progress->hide();
    statusBar()->addWidget(m_status, 1);
    m_prompts->setStatusLine(m_status);
    statusBar()->addPermanentWidget(m_progress);
    connect(m_documents, &models::WorkspaceController::loadStarted, this, [this](int paths) {
        m_status->setText(tr("Loading %n path(s)…", nullptr, paths));
        m_progress->show();
    });
    connect(m_documents, &models::WorkspaceController::loaded, this, &MainWindow::onLoaded);
    connect(m_documents, &models::WorkspaceController::changed, this, &MainWindow::refresh);
    connect(m_documents, &models::WorkspaceController::saved, this, [this](const QString &path) {
        m_status->setText(tr("Saved %1").arg(path));
        updateTitle();
    });
    connect(undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    QSettings settings;
    resize(1400, 860);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    connect(models::ContextSafetyNotifier::instance(), &models::ContextSafetyNotifier::changed,
            this, [this](const QString &context) {
                if (models::ClusterSession *s = session(context))
                    markCluster(s);
            });
    split->restoreState(settings.value(QStringLiteral("window/split")).toByteArray());
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Children outlive this class's part of the object; their signals (the undo stack's clean
    // state, the selection model) must not reach a MainWindow that is half destroyed.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
    m_workloads->selectionModel()->disconnect(this);
}

const core::burst::Workspace &MainWindow::workspace() const
{
    return m_documents->workspace();
}

QUndoStack *MainWindow::undoStack() const
{
    return m_documents->undoStack();
}

QWidget *MainWindow::buildLeft()
{
    m_left = new QTabWidget(this);
    auto *workloadsPage = new QWidget(m_left);
    auto *layout = new QVBoxLayout(workloadsPage);
    m_filterEdit = new QLineEdit(workloadsPage);
    m_filterEdit->setAccessibleName(tr("Workload filter"));
    m_filterEdit->setPlaceholderText(tr("Filter workloads (Ctrl+F): name, namespace, strategy…"));
    enableClearButton(m_filterEdit);
    layout->addWidget(m_filterEdit);
    m_workloadModel = new models::WorkloadSummaryModel(this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_workloadModel);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_workloads = new QTableView(workloadsPage);
    m_workloads->setObjectName(QStringLiteral("workloads"));
    m_workloads->setAccessibleName(tr("Workloads in the manifests"));
    m_workloads->setModel(m_filter);
    m_workloads->setSortingEnabled(true);
    m_workloads->sortByColumn(-1, Qt::AscendingOrder); // file order until the operator sorts
    m_workloads->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_workloads->setSelectionMode(QAbstractItemView::SingleSelection);
    m_workloads->verticalHeader()->hide();
    m_workloads->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_workloads, 1);
    m_left->addTab(workloadsPage, tr("Workloads"));
    m_profileModel = new models::ProfileTableModel(this);
    m_profiles = new QTableView(m_left);
    m_profiles->setAccessibleName(tr("ScheduleProfiles in the manifests"));
    m_profiles->setModel(m_profileModel);
    m_profiles->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_profiles->verticalHeader()->hide();
    m_profiles->horizontalHeader()->setStretchLastSection(true);
    m_left->addTab(m_profiles, tr("ScheduleProfiles"));
    // A profile picked in its table opens in the editor, whether or not it captures anything.
    connect(m_profiles, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.row() < workspace().profiles().size()) {
            m_profileForm->showProfile(workspace(), &workspace().profiles().at(index.row()));
            m_forms->setCurrentWidget(m_profileForm);
        }
    });
    m_problems = new QListWidget(m_left);
    m_problems->setAccessibleName(tr("File problems"));
    m_left->addTab(m_problems, tr("File problems"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_workloads->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const core::burst::WorkloadEntry *e = currentWorkload();
        m_selected = e ? std::optional(std::pair(e->file, e->object)) : std::nullopt;
        showCurrent();
    });
    return m_left;
}

QWidget *MainWindow::buildRight()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    m_forms = new QTabWidget(split);
    m_strategy = new StrategyForm(m_forms);
    m_images = new ImageRulesForm(m_forms);
    m_hostPaths = new HostPathForm(m_forms);
    m_profileForm = new ProfileForm(m_forms);
    m_resources = new ResourcesForm(m_forms);
    m_whatIf = new WhatIfChart(m_forms);
    m_forms->addTab(m_strategy, tr("Burst strategy"));
    m_forms->addTab(m_images, tr("Image replacement"));
    m_forms->addTab(m_hostPaths, tr("hostPath replacement"));
    m_forms->addTab(m_profileForm, tr("ScheduleProfile"));
    m_forms->addTab(m_resources, tr("Resources"));
    m_forms->addTab(m_whatIf, tr("What-if"));
    m_preview = new PreviewPane(split);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    connectForms();
    connect(m_preview, &PreviewPane::diagnosticActivated, this, &MainWindow::onDiagnostic);
    return split;
}

void MainWindow::connectForms()
{
    connect(m_strategy, &StrategyForm::labelChangeRequested, this,
            [this](bool podTemplate, const QString &value) {
                if (const core::burst::WorkloadEntry *e = currentWorkload())
                    m_documents->setBurstLabel(*e, podTemplate, value,
                                               value.isEmpty()
                                                   ? tr("Remove burst label")
                                                   : tr("Set burst strategy %1").arg(value));
            });
    connect(m_images, &ImageRulesForm::annotationChangeRequested, this, [this](const QString &v) {
        if (const core::burst::WorkloadEntry *e = currentWorkload())
            m_documents->setPodAnnotation(*e, core::burst::kImageAnnotation, v,
                                          tr("Edit image replacement rules"));
    });
    connect(m_hostPaths, &HostPathForm::annotationChangeRequested, this, [this](const QString &v) {
        if (const core::burst::WorkloadEntry *e = currentWorkload())
            m_documents->setPodAnnotation(*e, core::burst::kHostPathAnnotation, v,
                                          tr("Edit hostPath replacement rules"));
    });
    connect(m_profileForm, &ProfileForm::editRequested, this,
            [this](const QList<models::FieldEdit> &edits, const QString &description) {
                if (const auto target = m_profileForm->shownProfile())
                    m_documents->editObject(target->first, target->second, edits, description);
            });
    connect(m_profileForm, &ProfileForm::createRequested, this, [this] {
        if (const core::burst::WorkloadEntry *e = currentWorkload())
            m_documents->createProfileFor(*e);
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Files…"), QKeySequence::Open, this, &MainWindow::openFilesDialog);
    file->addAction(tr("Open &Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    &MainWindow::openFolderDialog);
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] {
        if (const core::burst::WorkloadEntry *e = currentWorkload())
            saveFile(e->file);
    });
    file->addAction(tr("Save &All"), QKeySequence(tr("Ctrl+Alt+S")), this, &MainWindow::saveAll);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Filter Workloads"), QKeySequence::Find, this, [this] {
        m_left->setCurrentIndex(0);
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Next Diagnostic"), QKeySequence(Qt::Key_F8), this,
                    [this] { m_preview->selectDiagnostic(+1); });
    view->addAction(tr("&Previous Diagnostic"), QKeySequence(Qt::SHIFT | Qt::Key_F8), this,
                    [this] { m_preview->selectDiagnostic(-1); });
    view->addSeparator();
    addChoices(view->addMenu(tr("&Language")), QStringLiteral("ui/language"),
               {{QStringLiteral("system"), tr("System")},
                {QStringLiteral("en"), QStringLiteral("English")},
                {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}},
               this, [this](const QString &code) { setLanguage(code); });
    addChoices(view->addMenu(tr("&Theme")), QStringLiteral("ui/theme"),
               {{QStringLiteral("system"), tr("System")},
                {QStringLiteral("light"), tr("Light")},
                {QStringLiteral("dark"), tr("Dark")}},
               this, [this](const QString &code) { setTheme(code); });

    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addAction(tr("&Connections…"), QKeySequence(tr("Ctrl+K")), this,
                       &MainWindow::showConnections);
    QAction *disconnect = cluster->addAction(tr("&Disconnect Current"), this, [this] {
        if (ClusterDock *dock = currentClusterDock())
            disconnectSession(dock->session());
    });
    disconnect->setObjectName(QStringLiteral("disconnectCurrent"));
    connect(cluster, &QMenu::aboutToShow, disconnect,
            [this, disconnect] { disconnect->setEnabled(currentClusterDock() != nullptr); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Decided Rules"), this, [this] { HelpDialogs::decidedRules(this); });
    help->addAction(tr("&About Burst Console"), this, [this] { HelpDialogs::about(this); });
}

void MainWindow::open(const QStringList &paths)
{
    if (m_documents->isLoading())
        m_status->setText(tr("Still loading; try again when it is done."));
    else
        m_documents->open(paths);
}

bool MainWindow::saveFile(qsizetype file)
{
    return m_documents->save(file);
}

bool MainWindow::saveAll()
{
    return m_documents->saveAll();
}

QString MainWindow::autosavePath()
{
    return models::WorkspaceController::autosavePath();
}

void MainWindow::onLoaded(int files)
{
    m_progress->hide();
    if (m_workloadModel->rowCount() > 0 && !m_selected)
        selectWorkload(0);
    m_status->setText(tr("Loaded %n file(s)", nullptr, files));
    m_prompts->offerRecovery();
    emit loaded();
}

const core::burst::WorkloadEntry *MainWindow::currentWorkload() const
{
    const QModelIndex index = m_filter->mapToSource(m_workloads->currentIndex());
    if (!index.isValid() || index.row() >= workspace().workloads().size())
        return nullptr;
    return &workspace().workloads().at(index.row());
}

void MainWindow::selectWorkload(int row)
{
    const QModelIndex proxy = m_filter->mapFromSource(m_workloadModel->index(row, 0));
    m_workloads->setCurrentIndex(proxy);
}

void MainWindow::refresh()
{
    const core::burst::Workspace &ws = workspace();
    // The models update row by row; the selection follows its row. Only when that row went (its
    // workload renamed, or gone) is the selection looked for again: by key, then by place.
    const QModelIndex current = m_filter->mapToSource(m_workloads->currentIndex());
    const QString keptKey = current.isValid() ? m_workloadModel->keyAt(current.row()) : QString();
    const auto keptPlace = m_selected;
    m_workloadModel->setRows(models::WorkloadSummaryModel::rowsOf(ws));
    m_profileModel->setProfiles(ws.profiles());
    m_problems->clear();
    for (const core::kube::ParseError &e : ws.parseErrors() + ws.lintProblems())
        m_problems->addItem(e.toString());
    m_left->setTabText(2, tr("File problems (%1)").arg(m_problems->count()));
    m_workloads->resizeColumnsToContents();
    const QModelIndex now = m_filter->mapToSource(m_workloads->currentIndex());
    if (!keptKey.isEmpty() && (!now.isValid() || m_workloadModel->keyAt(now.row()) != keptKey)) {
        int row = -1;
        for (int i = 0; i < m_workloadModel->rowCount() && row < 0; ++i)
            row = m_workloadModel->keyAt(i) == keptKey ? i : -1;
        for (qsizetype i = 0; i < ws.workloads().size() && row < 0 && keptPlace; ++i) {
            const core::burst::WorkloadEntry &e = ws.workloads().at(i);
            row = std::pair(e.file, e.object) == *keptPlace ? int(i) : -1;
        }
        if (row >= 0)
            selectWorkload(row);
    }
    const core::burst::WorkloadEntry *e = currentWorkload();
    m_selected = e ? std::optional(std::pair(e->file, e->object)) : std::nullopt;
    showCurrent();
    updateTitle();
}

void MainWindow::showCurrent()
{
    const core::burst::WorkloadEntry *e = currentWorkload();
    for (int i = 0; i < m_forms->count(); ++i) {
        if (auto *form = qobject_cast<WorkbenchForm *>(m_forms->widget(i)))
            form->showWorkload(workspace(), e);
    }
    m_preview->setPreview(e ? &e->preview : nullptr);
    if (e) {
        const core::burst::WhatIfScenario scenario =
            core::burst::whatIfScenario(workspace().workload(*e), e->preview);
        m_whatIf->setScenario(scenario.input, scenario.defaultPeak);
    }
}

void MainWindow::updateTitle()
{
    const int dirty = m_documents->dirtyCount();
    setWindowTitle(dirty > 0 ? tr("Burst Console — %n unsaved file(s)", nullptr, dirty)
                             : tr("Burst Console"));
    setWindowModified(dirty > 0);
}

// The form that edits the diagnostic's field comes to the front; the pod's shape and what no form
// edits leave the forms as they are.
void MainWindow::onDiagnostic(const core::Diagnostic &d)
{
    for (int i = 0; i < m_forms->count(); ++i) {
        const auto *form = qobject_cast<const WorkbenchForm *>(m_forms->widget(i));
        if (form && form->area() == d.area)
            m_forms->setCurrentIndex(i);
    }
    m_status->setText(d.hint.isEmpty() ? d.message : d.message + u" — " + d.hint);
}

void MainWindow::openFilesDialog()
{
    open(QFileDialog::getOpenFileNames(
        this, tr("Open manifests"), QString(),
        tr("Kubernetes manifests (*.yaml *.yml *.json);;All files (*)")));
}

void MainWindow::openFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of manifests"));
    if (!dir.isEmpty())
        open({dir});
}

void MainWindow::setLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
    QMessageBox::information(this, tr("Language"),
                             tr("The language changes when Burst Console starts next time."));
}

void MainWindow::setTheme(const QString &theme)
{
    QSettings().setValue(QStringLiteral("ui/theme"), theme);
    applyTheme(*qApp, theme);
}

ConnectionDialog *MainWindow::connectionDialog() const
{
    return m_connectionDialog;
}

ConnectionDialog *MainWindow::showConnections()
{
    if (!m_connectionDialog)
        m_connectionDialog = new ConnectionDialog(this);
    m_connectionDialog->reload();
    m_connectionDialog->show();
    m_connectionDialog->raise();
    m_connectionDialog->activateWindow();
    return m_connectionDialog;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_prompts->confirmClose()) {
        event->ignore();
        return;
    }
    m_documents->discardAutosave();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto *split = findChild<QSplitter *>(QStringLiteral("mainSplit")))
        settings.setValue(QStringLiteral("window/split"), split->saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    open(paths);
    event->acceptProposedAction();
}

} // namespace ui
