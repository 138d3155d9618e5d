#include "core/burst/burststrategy.h"
#include "ui/hostpathform.h"
#include "ui/imagerulesform.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"
#include "ui/profileform.h"
#include "ui/strategyform.h"
#include "ui/whatifchart.h"
#include "ui/workspaceeditor.h"
#include "ui/yamldiffview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

// The workbench driven through its widgets: select a workload, change its strategy and image
// rules in the forms, see the preview change, undo, save without losing a comment.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString copyExamples()
    {
        const QDir source(qEnvironmentVariable("BURST_SOURCE_DIR") +
                          QStringLiteral("/resources/examples"));
        for (const QString &name : source.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
            QFile::remove(m_dir.filePath(name));
            QFile::copy(source.filePath(name), m_dir.filePath(name));
            QFile::setPermissions(m_dir.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
        }
        return m_dir.path();
    }

    static QString readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

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
        const QString saved = readFile(path);
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

    void autosaveKeepsUnsavedText()
    {
        core::burst::Workspace workspace;
        workspace.addFiles(core::burst::Workspace::readFiles({copyExamples()}));
        QUndoStack undo;
        ui::WorkspaceEditor editor(
            workspace, &undo, nullptr,
            [&workspace](qsizetype file, const QString &text) { workspace.setText(file, text); },
            [](const QString &) {});
        QFile::remove(ui::WorkspaceEditor::autosavePath());
        editor.autosave(); // nothing dirty: no file
        QVERIFY(!QFile::exists(ui::WorkspaceEditor::autosavePath()));
        editor.replaceText(0, workspace.files().at(0).text + QStringLiteral("# unsaved\n"),
                           QStringLiteral("edit"));
        editor.autosave();
        QFile f(ui::WorkspaceEditor::autosavePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto unsaved = core::burst::readSessionSnapshot(f.readAll());
        QCOMPARE(unsaved.size(), 1);
        QVERIFY(unsaved.first().text.endsWith(u"# unsaved\n"));
        f.close();
        QFile::remove(ui::WorkspaceEditor::autosavePath());
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
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
