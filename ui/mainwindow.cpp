#include "ui/mainwindow.h"

#include "core/burst/placementsimulator.h"
#include "core/kube/jsonyaml.h"
#include "models/profiletablemodel.h"
#include "models/workloadsummarymodel.h"
#include "ui/helpdialogs.h"
#include "ui/hostpathform.h"
#include "ui/imagerulesform.h"
#include "ui/previewpane.h"
#include "ui/profileform.h"
#include "ui/resourcesform.h"
#include "ui/strategyform.h"
#include "ui/theme.h"
#include "ui/whatifchart.h"
#include "ui/workspaceeditor.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ui {

namespace {

QStringList splitPath(const QString &dotted)
{
    return dotted.isEmpty() ? QStringList() : dotted.split(u'.');
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_undo = new QUndoStack(this);
    m_editor = std::make_unique<WorkspaceEditor>(
        m_workspace, m_undo, this,
        [this](qsizetype file, const QString &text) { setFileText(file, text); },
        [this](const QString &path) { open({path}); });
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("mainSplit"));
    split->addWidget(buildLeft());
    split->addWidget(buildRight());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    setCentralWidget(split);
    buildMenus();
    m_status = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(180);
    m_progress->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    connect(&m_loader, &QFutureWatcher<QList<core::burst::WorkspaceFile>>::finished, this,
            &MainWindow::onLoaded);
    connect(m_undo, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    m_autosave = new QTimer(this);
    m_autosave->setInterval(15000);
    connect(m_autosave, &QTimer::timeout, this, [this] { m_editor->autosave(); });
    m_autosave->start();
    QSettings settings;
    resize(1400, 860);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    split->restoreState(settings.value(QStringLiteral("window/split")).toByteArray());
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Children outlive this class's part of the object; their signals (the undo stack's clean
    // state, the selection model) must not reach a MainWindow that is half destroyed.
    m_autosave->stop();
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
    m_workloads->selectionModel()->disconnect(this);
    m_loader.disconnect(this);
}

QWidget *MainWindow::buildLeft()
{
    m_left = new QTabWidget(this);
    auto *workloadsPage = new QWidget(m_left);
    auto *layout = new QVBoxLayout(workloadsPage);
    m_filterEdit = new QLineEdit(workloadsPage);
    m_filterEdit->setPlaceholderText(tr("Filter workloads (Ctrl+F): name, namespace, strategy…"));
    m_filterEdit->setClearButtonEnabled(true);
    layout->addWidget(m_filterEdit);
    m_workloadModel = new models::WorkloadSummaryModel(this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_workloadModel);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_workloads = new QTableView(workloadsPage);
    m_workloads->setObjectName(QStringLiteral("workloads"));
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
    m_profiles->setModel(m_profileModel);
    m_profiles->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_profiles->verticalHeader()->hide();
    m_profiles->horizontalHeader()->setStretchLastSection(true);
    m_left->addTab(m_profiles, tr("ScheduleProfiles"));
    // A profile picked in its table opens in the editor, whether or not it captures anything.
    connect(m_profiles, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.row() < m_workspace.profiles().size()) {
            showProfile(&m_workspace.profiles().at(index.row()));
            m_forms->setCurrentWidget(m_profileForm);
        }
    });
    m_problems = new QListWidget(m_left);
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
    connect(m_strategy, &StrategyForm::labelChangeRequested, this,
            [this](bool podTemplate, const QString &value) {
                const core::burst::WorkloadEntry *e = currentWorkload();
                if (!e)
                    return;
                const auto w = core::kube::workloadFromObject(
                    m_workspace.object(e->file, e->object).object, nullptr);
                QStringList path =
                    splitPath(podTemplate ? w->podPath(QStringLiteral("metadata.labels"))
                                          : QStringLiteral("metadata.labels"));
                path.append(core::burst::kBurstLabel);
                editCurrent(path, value.isEmpty() ? std::nullopt : std::optional<QJsonValue>(value),
                            value.isEmpty() ? tr("Remove burst label")
                                            : tr("Set burst strategy %1").arg(value));
            });
    connect(m_images, &ImageRulesForm::annotationChangeRequested, this, [this](const QString &v) {
        editPodAnnotation(core::burst::kImageAnnotation, v, tr("Edit image replacement rules"));
    });
    connect(m_hostPaths, &HostPathForm::annotationChangeRequested, this, [this](const QString &v) {
        editPodAnnotation(core::burst::kHostPathAnnotation, v,
                          tr("Edit hostPath replacement rules"));
    });
    connect(m_profileForm, &ProfileForm::editRequested, this,
            [this](const QList<FieldEdit> &edits, const QString &description) {
                if (m_profileTarget)
                    m_editor->editObject(m_profileTarget->first, m_profileTarget->second, edits,
                                         description);
            });
    connect(m_profileForm, &ProfileForm::createRequested, this,
            &MainWindow::createProfileForCurrent);
    connect(m_preview, &PreviewPane::diagnosticActivated, this, &MainWindow::onDiagnostic);
    return split;
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
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
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
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString currentLanguage =
        QSettings().value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
    for (const auto &[code, name] :
         {std::pair{QStringLiteral("system"), tr("System")},
          std::pair{QStringLiteral("en"), QStringLiteral("English")},
          std::pair{QStringLiteral("zh_CN"), QStringLiteral("简体中文")}}) {
        QAction *a = language->addAction(name, this, [this, code] { setLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == currentLanguage);
        languages->addAction(a);
    }
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString currentTheme =
        QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
    for (const auto &[code, name] : {std::pair{QStringLiteral("system"), tr("System")},
                                     std::pair{QStringLiteral("light"), tr("Light")},
                                     std::pair{QStringLiteral("dark"), tr("Dark")}}) {
        QAction *a = theme->addAction(name, this, [this, code] { setTheme(code); });
        a->setCheckable(true);
        a->setChecked(code == currentTheme);
        themes->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Decided Rules"), this, [this] { HelpDialogs::decidedRules(this); });
    help->addAction(tr("&About Burst Console"), this, [this] { HelpDialogs::about(this); });
}

void MainWindow::open(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (m_loader.isRunning()) {
        m_status->setText(tr("Still loading; try again when it is done."));
        return;
    }
    m_status->setText(tr("Loading %n path(s)…", nullptr, int(paths.size())));
    m_progress->show();
    m_loader.setFuture(QtConcurrent::run(&core::burst::Workspace::readFiles, paths));
}

void MainWindow::onLoaded()
{
    const QList<core::burst::WorkspaceFile> files = m_loader.result();
    m_progress->hide();
    m_workspace.addFiles(files);
    refresh();
    if (m_workloadModel->rowCount() > 0 && !m_selected)
        selectWorkload(0);
    m_status->setText(tr("Loaded %n file(s)", nullptr, int(files.size())));
    offerRecovery();
    emit loaded();
}

const core::burst::WorkloadEntry *MainWindow::currentWorkload() const
{
    const QModelIndex index = m_filter->mapToSource(m_workloads->currentIndex());
    if (!index.isValid() || index.row() >= m_workspace.workloads().size())
        return nullptr;
    return &m_workspace.workloads().at(index.row());
}

void MainWindow::selectWorkload(int row)
{
    const QModelIndex proxy = m_filter->mapFromSource(m_workloadModel->index(row, 0));
    m_workloads->setCurrentIndex(proxy);
}

void MainWindow::refresh()
{
    QList<models::WorkloadSummaryModel::Row> rows;
    for (const core::burst::WorkloadEntry &e : m_workspace.workloads())
        rows.append({m_workspace.files().at(e.file).path, e.preview});
    const auto keep = m_selected;
    m_workloadModel->setRows(std::move(rows));
    m_profileModel->setProfiles(m_workspace.profiles());
    m_problems->clear();
    for (const core::kube::ParseError &e : m_workspace.parseErrors())
        m_problems->addItem(e.toString());
    m_left->setTabText(2, tr("File problems (%1)").arg(m_problems->count()));
    m_workloads->resizeColumnsToContents();
    if (keep) {
        const auto &all = m_workspace.workloads();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).file == keep->first && all.at(i).object == keep->second) {
                selectWorkload(int(i));
                break;
            }
        }
    }
    m_selected = keep;
    showCurrent();
    updateTitle();
}

void MainWindow::showCurrent()
{
    const core::burst::WorkloadEntry *e = currentWorkload();
    if (!e) {
        m_strategy->setWorkload(nullptr, {});
        m_images->setWorkload(nullptr, {});
        m_hostPaths->setPod(nullptr, {});
        showProfileOf(nullptr);
        m_resources->setPreview(nullptr);
        m_preview->setPreview(nullptr);
        return;
    }
    const core::kube::ManifestObject &object = m_workspace.object(e->file, e->object);
    const auto workload = core::kube::workloadFromObject(object.object, nullptr);
    m_strategy->setWorkload(&*workload, e->preview);
    m_images->setWorkload(&e->preview, workload->podMetadata()
                                           .value(u"annotations")
                                           .toObject()
                                           .value(core::burst::kImageAnnotation)
                                           .toString());
    const QJsonObject podSpec = workload->podSpec();
    m_hostPaths->setPod(&podSpec, workload->podMetadata()
                                      .value(u"annotations")
                                      .toObject()
                                      .value(core::burst::kHostPathAnnotation)
                                      .toString());
    showProfileOf(e);
    m_resources->setPreview(&e->preview);
    m_preview->setPreview(&e->preview);
    core::burst::SimulationInput scenario;
    scenario.strategy = e->preview.strategy.value;
    if (e->preview.profile) {
        scenario.local = e->preview.profile->local;
        scenario.cci = e->preview.profile->cci;
    }
    scenario.podRequest = core::burst::localRequests(workload->podSpec());
    scenario.cciAvailable = e->preview.admissible; // a pod CCI rejects stays Pending instead
    m_whatIf->setScenario(scenario, qMax(workload->replicas(), 1));
}

void MainWindow::editPodAnnotation(const QString &key, const QString &value,
                                   const QString &description)
{
    const core::burst::WorkloadEntry *e = currentWorkload();
    if (!e)
        return;
    const auto w =
        core::kube::workloadFromObject(m_workspace.object(e->file, e->object).object, nullptr);
    QStringList path = splitPath(w->podPath(QStringLiteral("metadata.annotations")));
    path.append(key);
    editCurrent(path, value.isEmpty() ? std::nullopt : std::optional<QJsonValue>(value),
                description);
}

bool MainWindow::editCurrent(const QStringList &objectPath, const std::optional<QJsonValue> &value,
                             const QString &description)
{
    const core::burst::WorkloadEntry *e = currentWorkload();
    return e &&
           m_editor->editObject(e->file, e->object, {FieldEdit{objectPath, value}}, description);
}

void MainWindow::createProfileForCurrent()
{
    if (const core::burst::WorkloadEntry *e = currentWorkload())
        m_editor->createProfileFor(*e);
}

void MainWindow::showProfileOf(const core::burst::WorkloadEntry *e)
{
    const core::burst::ProfileEntry *entry = nullptr;
    if (e && e->preview.profile) {
        for (const core::burst::ProfileEntry &p : m_workspace.profiles()) {
            if (p.profile.name == e->preview.profile->name &&
                p.profile.nameSpace == e->preview.profile->nameSpace)
                entry = &p;
        }
    }
    showProfile(entry);
}

void MainWindow::showProfile(const core::burst::ProfileEntry *entry)
{
    m_profileTarget = entry ? std::optional(std::pair(entry->file, entry->object)) : std::nullopt;
    m_profileForm->setProfile(entry, m_workspace.workloads(), m_workspace.profiles());
}

void MainWindow::setFileText(qsizetype file, const QString &text)
{
    m_workspace.setText(file, text);
    refresh();
}

bool MainWindow::saveFile(qsizetype file)
{
    const core::burst::WorkspaceFile &f = m_workspace.files().at(file);
    QSaveFile out(f.path);
    if (!out.open(QIODevice::WriteOnly) || out.write(f.text.toUtf8()) < 0 || !out.commit()) {
        QMessageBox::critical(this, tr("Save failed"),
                              tr("Could not save %1: %2").arg(f.path, out.errorString()));
        return false;
    }
    m_workspace.markSaved(file);
    if (!m_workspace.anyDirty()) {
        m_undo->setClean();
        QFile::remove(autosavePath());
    }
    m_status->setText(tr("Saved %1").arg(f.path));
    updateTitle();
    return true;
}

bool MainWindow::saveAll()
{
    for (qsizetype i = 0; i < m_workspace.files().size(); ++i) {
        if (m_workspace.files().at(i).dirty() && !saveFile(i))
            return false;
    }
    return true;
}

void MainWindow::updateTitle()
{
    int dirty = 0;
    for (const core::burst::WorkspaceFile &f : m_workspace.files())
        dirty += f.dirty() ? 1 : 0;
    setWindowTitle(dirty > 0 ? tr("Burst Console — %n unsaved file(s)", nullptr, dirty)
                             : tr("Burst Console"));
    setWindowModified(dirty > 0);
}

void MainWindow::onDiagnostic(const core::Diagnostic &d)
{
    if (d.code.startsWith(u"strategy.") || d.code.startsWith(u"labels."))
        m_forms->setCurrentWidget(m_strategy);
    else if (d.code.startsWith(u"annotation.image"))
        m_forms->setCurrentWidget(m_images);
    else if (d.code.startsWith(u"annotation.hostPath") || d.code == u"volume.hostPath")
        m_forms->setCurrentWidget(m_hostPaths);
    else if (d.code.startsWith(u"profile."))
        m_forms->setCurrentWidget(m_profileForm);
    else if (d.code.startsWith(u"resources."))
        m_forms->setCurrentWidget(m_resources);
    m_status->setText(d.hint.isEmpty() ? d.message : d.message + u" — " + d.hint);
}

QString MainWindow::autosavePath()
{
    return WorkspaceEditor::autosavePath();
}

void MainWindow::offerRecovery()
{
    if (m_recoveryOffered)
        return;
    m_recoveryOffered = true;
    QFile f(autosavePath());
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QList<core::burst::UnsavedText> unsaved = core::burst::readSessionSnapshot(f.readAll());
    f.close();
    if (unsaved.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved changes"),
        tr("Burst Console did not close cleanly. Recover the unsaved changes of %n file(s)?",
           nullptr, int(unsaved.size())),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        for (const core::burst::UnsavedText &u : unsaved) {
            qsizetype index = m_workspace.indexOf(u.path);
            if (index < 0) {
                m_workspace.addFiles(core::burst::Workspace::readFiles({u.path}));
                index = m_workspace.indexOf(u.path);
            }
            if (index >= 0)
                m_editor->replaceText(index, u.text, tr("Recover %1").arg(u.path));
        }
    }
    QFile::remove(autosavePath());
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_workspace.anyDirty()) {
        const auto answer = QMessageBox::warning(
            this, tr("Unsaved changes"), tr("Some files have unsaved changes. Save them?"),
            QMessageBox::SaveAll | QMessageBox::Discard | QMessageBox::Cancel,
            QMessageBox::SaveAll);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::SaveAll && !saveAll())) {
            event->ignore();
            return;
        }
    }
    QFile::remove(autosavePath());
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
