#include "core/burst/burststrategy.h"
#include "models/workloadsummarymodel.h"
#include "models/workspacecontroller.h"
#include "tests/core/common/filesizelimit.h"
#include "tests/models/examplefiles.h"
#include "ui/hostpathform.h"
#include "ui/imagerulesform.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"
#include "ui/profileform.h"
#include "ui/resourcesform.h"
#include "ui/strategyform.h"
#include "ui/whatifchart.h"
#include "ui/yamldiffview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cerrno>
#include <cstring>

// The workbench driven through its widgets: select a workload, change its strategy and image
// rules in the forms, see the preview change, undo, save without losing a comment.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString copyExamples() { return examplefiles::copyExamples(m_dir); }

    static void grabTo(QWidget *w, const QString &name)
    {
        QTest::qWait(30);
        const QString path = QStringLiteral(QT_TESTCASE_BUILDDIR "/") + name;
        QVERIFY(w->grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    // Loads the examples and selects the first workload (01-burst-label-auto.yaml, "test").
    static void load(ui::MainWindow &w, const QString &dir)
    {
        QSignalSpy loaded(&w, &ui::MainWindow::loaded);
        w.open({dir});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(w.workspace().workloads().size(), 9);
        w.selectWorkload(0);
        QVERIFY(w.currentWorkload());
        QCOMPARE(w.currentWorkload()->preview.name, QStringLiteral("test"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(ui::MainWindow::autosavePath());
    }

    // An autosave that fails (a file size limit refuses the write with EFBIG, as a full disk
    // with ENOSPC) says so on the status line, naming the file, why, and what to do.
    void autosaveFailureIsOnTheStatusLine()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        models::WorkspaceController *docs = w.documents();
        docs->replaceText(0, docs->workspace().files().first().text + u"# " +
                                 QString(64 * 1024, u'x') + u'\n',
                          QStringLiteral("large"));
        {
            tests::FileSizeLimit limit(4096);
            QVERIFY(limit.active());
            QVERIFY(!docs->autosave());
        }
        const auto *status = w.findChild<QLabel *>(QStringLiteral("workbenchStatus"));
        QVERIFY(status);
        QVERIFY(!status->accessibleName().isEmpty());
        const QString text = status->text();
        QVERIFY2(text.contains(QDir::toNativeSeparators(ui::MainWindow::autosavePath())) &&
                     text.contains(QString::fromLocal8Bit(std::strerror(EFBIG))) &&
                     text.contains(u"not changed"),
                 qPrintable(text));
        QVERIFY(!QFile::exists(ui::MainWindow::autosavePath()));
        docs->undoStack()->undo();
    }

    void changeStrategyUndoAndSaveKeepsComment()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        QComboBox *combo = w.strategyForm()->workloadCombo();
        QCOMPARE(combo->currentText(), QStringLiteral("auto"));
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down); // auto -> localPrefer, emits activated
        QCOMPARE(w.currentWorkload()->preview.strategy.value, core::burst::Strategy::LocalPrefer);
        QCOMPARE(w.undoStack()->count(), 1);
        w.undoStack()->undo();
        QCOMPARE(w.currentWorkload()->preview.strategy.value, core::burst::Strategy::Auto);
        w.undoStack()->redo();
        const QString path = m_dir.filePath(QStringLiteral("01-burst-label-auto.yaml"));
        QVERIFY(w.saveFile(w.currentWorkload()->file));
        const QString saved = examplefiles::readFile(path);
        QVERIFY2(saved.contains(u"localPrefer"), qPrintable(saved));
        QVERIFY(saved.contains(u"# CCI best-practice guide 1.1"));
        QVERIFY(saved.contains(u"# burst to CCI"));
        QVERIFY(!w.workspace().anyDirty());
        grabTo(&w, QStringLiteral("mainwindow-strategy.png"));
    }

    void imageRuleChangesPreview()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        w.formTabs()->setCurrentWidget(w.imageRulesForm());
        w.imageRulesForm()->addRule(QString(),
                                    QStringLiteral("swr.cn-north-4.myhuaweicloud.com/org"));
        w.imageRulesForm()->apply();
        const QJsonObject container = w.currentWorkload()
                                          ->preview.cciPod.value(u"spec")
                                          .toObject()
                                          .value(u"containers")
                                          .toArray()
                                          .first()
                                          .toObject();
        QCOMPARE(container.value(u"image").toString(),
                 QStringLiteral("swr.cn-north-4.myhuaweicloud.com/org/nginx:perl"));
        QVERIFY(!w.previewPane()->diffView()->changedRightLines().isEmpty());
        grabTo(&w, QStringLiteral("mainwindow-images.png"));
        w.undoStack()->undo();
        QVERIFY(!w.workspace().anyDirty());
    }

    void f8WalksDiagnosticsAndTabsRender()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        w.selectWorkload(8); // 08-rejected-too-large: errors
        QVERIFY(!w.currentWorkload()->preview.admissible);
        QTableView *diagnostics = w.previewPane()->diagnosticsView();
        QTest::keyClick(&w, Qt::Key_F8);
        QCOMPARE(diagnostics->currentIndex().row(), 0);
        QTest::keyClick(&w, Qt::Key_F8);
        QCOMPARE(diagnostics->currentIndex().row(), 1);
        QTest::keyClick(&w, Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(diagnostics->currentIndex().row(), 0);
        const QStringList names = {QStringLiteral("strategy"),  QStringLiteral("images"),
                                   QStringLiteral("hostpath"),  QStringLiteral("profile"),
                                   QStringLiteral("resources"), QStringLiteral("whatif")};
        for (int i = 0; i < w.formTabs()->count(); ++i) {
            w.formTabs()->setCurrentIndex(i);
            grabTo(&w, QStringLiteral("mainwindow-tab-%1.png").arg(names.value(i)));
        }
        QVERIFY(!w.whatIfChart()->steps().isEmpty());
    }

    void hostPathRuleChangesPreview()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        w.selectWorkload(3); // 04-hostpath-replacement: test-log, test-log1, test-log2
        w.formTabs()->setCurrentWidget(w.hostPathForm());
        QTableWidget *table = w.hostPathForm()->table();
        QCOMPARE(table->rowCount(), 4); // three volumes and "*"
        QCOMPARE(table->item(0, ui::HostPathForm::Volume)->text(), QStringLiteral("test-log"));
        w.hostPathForm()->setPolicy(0, QStringLiteral("remove"));
        w.hostPathForm()->apply();
        const QJsonArray volumes = w.currentWorkload()
                                       ->preview.cciPod.value(u"spec")
                                       .toObject()
                                       .value(u"volumes")
                                       .toArray();
        QCOMPARE(volumes.size(), 1); // only test-log1 (localDir) is left
        QCOMPARE(volumes.first().toObject().value(u"name").toString(), QStringLiteral("test-log1"));
        QVERIFY(w.currentWorkload()->preview.admissible);
        grabTo(&w, QStringLiteral("mainwindow-hostpath-edited.png"));
    }

    void profileEditorEditsMaxNum()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        w.selectWorkload(1); // 02-profile-local-maxnum: nginx, profile test-cci-profile
        ui::ProfileForm *form = w.profileForm();
        w.formTabs()->setCurrentWidget(form);
        QCOMPARE(form->strategyCombo()->currentText(), QStringLiteral("localPrefer"));
        QVERIFY(form->maxNumCheck(false)->isChecked());
        QCOMPARE(form->maxNumSpin(false)->value(), 20);
        QCOMPARE(form->capturesList()->count(), 1);
        form->maxNumSpin(false)->setValue(15);
        form->maxNumCheck(true)->setChecked(true); // both locations limited: invalid
        QVERIFY(!core::burst::validateScheduleProfile(form->editedProfile()).isEmpty());
        form->maxNumCheck(true)->setChecked(false);
        grabTo(&w, QStringLiteral("mainwindow-profile.png"));
        form->apply();
        const QString text = w.workspace().files().at(1).text;
        QVERIFY2(text.contains(u"maxNum: 15"), qPrintable(text));
        QVERIFY(text.contains(u"# local and cci cannot both set maxNum"));
        QCOMPARE(w.workspace().profiles().first().profile.local.maxNum, 15);
    }

    void profileFromTheProfilesTable()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        w.selectWorkload(0); // a workload without a profile
        QTableView *profiles = w.profileView();
        emit profiles->activated(profiles->model()->index(1, 0)); // payments/test-cci-profile
        QCOMPARE(w.formTabs()->currentWidget(), static_cast<QWidget *>(w.profileForm()));
        QVERIFY(w.profileForm()->maxNumCheck(true)->isChecked());
        w.profileForm()->maxNumSpin(true)->setValue(7);
        w.profileForm()->apply();
        QCOMPARE(w.workspace().profiles().at(1).profile.cci.maxNum, 7);
    }

    void createProfileForWorkload()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        QVERIFY(!w.currentWorkload()->preview.profile); // 01: no profile
        emit w.profileForm()->createRequested();
        QCOMPARE(w.workspace().profiles().size(), 3);
        QCOMPARE(w.currentWorkload()->preview.strategy.profile, QStringLiteral("test-profile"));
        w.undoStack()->undo();
        QCOMPARE(w.workspace().profiles().size(), 2);
    }

    // The workloads table is updated row by row: an edit changes its row, the selection and the
    // scroll position stay, and nothing is reset.
    void selectionAndScrollSurviveAnEdit()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        QTableView *view = w.workloadView();
        view->setMaximumHeight(4 * view->verticalHeader()->defaultSectionSize()); // it scrolls
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.selectWorkload(7);
        view->scrollToBottom();
        const int scroll = view->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        QSignalSpy reset(view->model(), &QAbstractItemModel::modelReset);
        QSignalSpy sourceReset(w.workloadModel(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(w.workloadModel(), &QAbstractItemModel::dataChanged);
        QSignalSpy selection(view->selectionModel(), &QItemSelectionModel::currentRowChanged);
        const QString name = w.currentWorkload()->preview.name;
        QComboBox *combo = w.strategyForm()->podCombo();
        combo->setCurrentIndex(combo->findData(QStringLiteral("off")));
        emit combo->activated(combo->currentIndex());
        QCOMPARE(w.undoStack()->count(), 1);
        QCOMPARE(w.currentWorkload()->preview.strategy.value, core::burst::Strategy::Off);
        QCOMPARE(w.currentWorkload()->preview.name, name);
        QCOMPARE(view->currentIndex().row(), 7);
        QVERIFY(view->selectionModel()->isRowSelected(7, {}));
        QCOMPARE(view->verticalScrollBar()->value(), scroll);
        QVERIFY(reset.isEmpty());
        QVERIFY(sourceReset.isEmpty());
        QVERIFY(selection.isEmpty());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 7);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 7);
        w.undoStack()->undo();
        QCOMPARE(view->currentIndex().row(), 7);
        QVERIFY(reset.isEmpty());
    }

    // A renamed workload is a new row to the model; the selection finds it again in its place.
    void selectionFollowsARenamedWorkload()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        w.selectWorkload(0); // 01-burst-label-auto.yaml: "test"
        const qsizetype file = w.currentWorkload()->file;
        QString text = w.workspace().files().at(file).text;
        text.replace(QStringLiteral("  name: test\n"), QStringLiteral("  name: renamed\n"));
        w.documents()->replaceText(file, text, QStringLiteral("rename"));
        QVERIFY(w.currentWorkload());
        QCOMPARE(w.currentWorkload()->preview.name, QStringLiteral("renamed"));
        QCOMPARE(w.workloadView()->currentIndex().row(), 0);
        w.undoStack()->undo();
        QCOMPARE(w.currentWorkload()->preview.name, QStringLiteral("test"));
    }

    // Activating a diagnostic brings the form that edits its field area to the front; findings
    // about the pod's shape leave the forms alone.
    void diagnosticBringsTheFormOfItsArea()
    {
        ui::MainWindow w;
        w.show();
        load(w, copyExamples());
        const QList<std::pair<int, QWidget *>> forms = {
            {int(core::FieldArea::Strategy), w.strategyForm()},
            {int(core::FieldArea::ImageReplacement), w.imageRulesForm()},
            {int(core::FieldArea::HostPath), w.hostPathForm()},
            {int(core::FieldArea::Profile), w.profileForm()},
            {int(core::FieldArea::Resources), w.resourcesForm()}};
        QSet<int> seen;
        for (int row = 0; row < int(w.workspace().workloads().size()); ++row) {
            w.selectWorkload(row);
            for (const core::Diagnostic &d : w.currentWorkload()->preview.diagnostics) {
                w.formTabs()->setCurrentWidget(w.whatIfChart());
                emit w.previewPane()->diagnosticActivated(d);
                QWidget *expected = w.whatIfChart();
                for (const auto &[area, form] : forms) {
                    if (area == int(d.area))
                        expected = form;
                }
                QVERIFY2(w.formTabs()->currentWidget() == expected, qPrintable(d.code));
                seen.insert(int(d.area));
            }
        }
        // The examples reach the resources and shape areas at least; every other area by hand.
        QVERIFY(seen.contains(int(core::FieldArea::Resources)));
        QVERIFY(seen.contains(int(core::FieldArea::Shape)));
        for (const auto &[area, form] : forms) {
            core::Diagnostic d =
                core::makeWarning(QStringLiteral("x"), QString(), QStringLiteral("message"));
            d.area = core::FieldArea(area);
            w.formTabs()->setCurrentWidget(w.whatIfChart());
            emit w.previewPane()->diagnosticActivated(d);
            QCOMPARE(w.formTabs()->currentWidget(), form);
        }
    }

    void brokenFileIsListedAndOthersLoad()
    {
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("bad.yaml")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("kind: Pod\nmetadata: {name: [x\n");
        bad.close();
        QFile::copy(qEnvironmentVariable("BURST_SOURCE_DIR") +
                        QStringLiteral("/resources/examples/01-burst-label-auto.yaml"),
                    dir.filePath(QStringLiteral("good.yaml")));
        ui::MainWindow w;
        QSignalSpy loaded(&w, &ui::MainWindow::loaded);
        w.open({dir.path()});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(w.workspace().workloads().size(), 1);
        QCOMPARE(w.workspace().parseErrors().size(), 1);
    }

    // guide 2.4's Network is no workload, but its findings are listed with the file problems.
    void networkFindingsAreFileProblems()
    {
        QTemporaryDir dir;
        QFile net(dir.filePath(QStringLiteral("network.yaml")));
        QVERIFY(net.open(QIODevice::WriteOnly));
        net.write("apiVersion: networking.cci.io/v1beta1\nkind: Network\nmetadata: {name: net}\n"
                  "spec: {cidr: 8.8.8.0/24, networkType: underlay_neutron}\n");
        net.close();
        ui::MainWindow w;
        QSignalSpy loaded(&w, &ui::MainWindow::loaded);
        w.open({dir.path()});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(w.workspace().workloads().size(), 0);
        QListWidget *problems = nullptr;
        for (QListWidget *list : w.findChildren<QListWidget *>()) {
            if (list->accessibleName() == u"File problems")
                problems = list;
        }
        QVERIFY(problems);
        QStringList lines;
        for (int i = 0; i < problems->count(); ++i)
            lines.append(problems->item(i)->text());
        QVERIFY2(lines.join(u'\n').contains(QStringLiteral("network.yaml:4:")),
                 qPrintable(lines.join(u'\n')));
        QVERIFY(lines.join(u'\n').contains(QStringLiteral("[network.cidr]")));
        QCOMPARE(lines.size(), w.workspace().lintProblems().size());
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
