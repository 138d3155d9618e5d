#include "models/workspacecontroller.h"
#include "tests/core/common/filesizelimit.h"
#include "tests/models/examplefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <cerrno>
#include <cstring>

using models::WorkspaceController;

// The workbench's documents without a window: load, edit with undo, save, autosave and recovery.
class tst_WorkspaceController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString copyExamples() { return examplefiles::copyExamples(m_dir); }

    static void load(WorkspaceController &docs, const QStringList &paths)
    {
        QSignalSpy loaded(&docs, &WorkspaceController::loaded);
        QVERIFY(docs.open(paths));
        QVERIFY(loaded.wait(20000));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(WorkspaceController::autosavePath());
    }

    void loadsOnAWorkerThread()
    {
        WorkspaceController docs;
        QSignalSpy started(&docs, &WorkspaceController::loadStarted);
        QSignalSpy changed(&docs, &WorkspaceController::changed);
        QSignalSpy loaded(&docs, &WorkspaceController::loaded);
        const QString dir = copyExamples();
        QVERIFY(docs.open({dir}));
        QVERIFY(docs.isLoading());
        QVERIFY(!docs.open({dir})); // one load at a time, until it is reported
        QVERIFY(loaded.wait(20000));
        QVERIFY(!docs.isLoading());
        QCOMPARE(started.size(), 1);
        QCOMPARE(loaded.first().first().toInt(), 8);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(docs.workspace().workloads().size(), 9);
        QVERIFY(!docs.open({}));
    }

    void autosavesEvery15Seconds()
    {
        WorkspaceController docs;
        QVERIFY(docs.autosaveTimer()->isActive());
        QCOMPARE(docs.autosaveTimer()->interval(), 15000);
    }

    void autosaveKeepsUnsavedText()
    {
        WorkspaceController docs;
        load(docs, {copyExamples()});
        QFile::remove(WorkspaceController::autosavePath());
        docs.autosave(); // nothing dirty: no file
        QVERIFY(!QFile::exists(WorkspaceController::autosavePath()));
        docs.replaceText(0, docs.workspace().files().at(0).text + QStringLiteral("# unsaved\n"),
                         QStringLiteral("edit"));
        docs.autosave();
        QFile f(WorkspaceController::autosavePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto unsaved = core::burst::readSessionSnapshot(f.readAll());
        QCOMPARE(unsaved.size(), 1);
        QVERIFY(unsaved.first().text.endsWith(u"# unsaved\n"));
        f.close();
        QFile::remove(WorkspaceController::autosavePath());
    }

    void editUndoAndSave()
    {
        WorkspaceController docs;
        load(docs, {copyExamples()});
        QSignalSpy changed(&docs, &WorkspaceController::changed);
        QSignalSpy saved(&docs, &WorkspaceController::saved);
        const core::burst::WorkloadEntry entry = docs.workspace().workloads().first();
        QVERIFY(
            docs.setBurstLabel(entry, false, QStringLiteral("enforce"), QStringLiteral("enforce")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(docs.dirtyCount(), 1);
        QCOMPARE(docs.workspace().workloads().first().preview.strategy.value,
                 core::burst::Strategy::Enforce);
        docs.undoStack()->undo();
        QCOMPARE(docs.dirtyCount(), 0);
        docs.undoStack()->redo();
        docs.autosave();
        QVERIFY(QFile::exists(WorkspaceController::autosavePath()));
        QVERIFY(docs.saveAll());
        QCOMPARE(saved.size(), 1);
        QCOMPARE(docs.dirtyCount(), 0);
        QVERIFY(docs.undoStack()->isClean());
        QVERIFY(!QFile::exists(WorkspaceController::autosavePath())); // nothing left to recover
        const QString text = examplefiles::readFile(docs.workspace().files().first().path);
        QVERIFY(text.contains(u"enforce"));
        QVERIFY(text.contains(u"# CCI best-practice guide 1.1"));
    }

    void podAnnotationEditAndRemove()
    {
        WorkspaceController docs;
        load(docs, {copyExamples()});
        const core::burst::WorkloadEntry entry = docs.workspace().workloads().first();
        QVERIFY(docs.setPodAnnotation(entry, core::burst::kImageAnnotation,
                                      QStringLiteral("[{\"repositoryPrefix\":\"\",\"replaceWith\":"
                                                     "\"swr.cn-north-4.myhuaweicloud.com/org\"}]"),
                                      QStringLiteral("images")));
        QVERIFY(
            docs.workspace().files().at(entry.file).text.contains(core::burst::kImageAnnotation));
        QVERIFY(docs.setPodAnnotation(entry, core::burst::kImageAnnotation, QString(),
                                      QStringLiteral("no images")));
        QVERIFY(
            !docs.workspace().files().at(entry.file).text.contains(core::burst::kImageAnnotation));
        QCOMPARE(docs.undoStack()->count(), 2);
    }

    void saveFailureIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.yaml"));
        QFile::copy(qEnvironmentVariable("BURST_SOURCE_DIR") +
                        QStringLiteral("/resources/examples/01-burst-label-auto.yaml"),
                    path);
        WorkspaceController docs;
        load(docs, {path});
        QSignalSpy failed(&docs, &WorkspaceController::saveFailed);
        docs.replaceText(0, docs.workspace().files().first().text + u"# x\n", QStringLiteral("x"));
        QVERIFY(QDir(dir.path()).removeRecursively()); // the folder is gone: the save fails
        QVERIFY(!docs.save(0));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), path);
        QCOMPARE(docs.dirtyCount(), 1);
    }

    // A write that fails part way (the kernel's file size limit refuses it with EFBIG, as a full
    // disk with ENOSPC): the file and the last autosave keep their bytes, no temporary file is
    // left, the text stays unsaved, and the error names the file, the reason and a hint.
    void saveOnAFullDiskKeepsTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.yaml"));
        QVERIFY(QFile::copy(qEnvironmentVariable("BURST_SOURCE_DIR") +
                                QStringLiteral("/resources/examples/01-burst-label-auto.yaml"),
                            path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        file.close();
        WorkspaceController docs;
        load(docs, {path});
        QSignalSpy failed(&docs, &WorkspaceController::saveFailed);
        QSignalSpy autosaveFailed(&docs, &WorkspaceController::autosaveFailed);
        docs.replaceText(0, docs.workspace().files().first().text + u"# small\n",
                         QStringLiteral("x"));
        QVERIFY(docs.autosave());
        QFile autosaved(WorkspaceController::autosavePath());
        QVERIFY(autosaved.open(QIODevice::ReadOnly));
        const QByteArray lastAutosave = autosaved.readAll();
        autosaved.close();
        const QString large = u"# " + QString(64 * 1024, u'x') + u'\n';
        docs.replaceText(0, docs.workspace().files().first().text + large, QStringLiteral("y"));
        {
            tests::FileSizeLimit limit(rlim_t(original.size() + 1024));
            QVERIFY(limit.active());
            QVERIFY(!docs.save(0));
            QVERIFY(!docs.autosave());
        }
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), path);
        const auto error = failed.first().at(1).value<core::Error>();
        QVERIFY2(error.message.contains(QDir::toNativeSeparators(path)), qPrintable(error.message));
        QVERIFY2(error.message.contains(QString::fromLocal8Bit(std::strerror(EFBIG))),
                 qPrintable(error.message));
        QVERIFY(!error.hint.isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), original);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("w.yaml")});
        QCOMPARE(docs.dirtyCount(), 1);
        QCOMPARE(autosaveFailed.size(), 1);
        QVERIFY(autosaveFailed.first().at(0).value<core::Error>().message.contains(
            QDir::toNativeSeparators(WorkspaceController::autosavePath())));
        QVERIFY(autosaved.open(QIODevice::ReadOnly));
        QCOMPARE(autosaved.readAll(), lastAutosave);
        autosaved.close();
        QCOMPARE(QDir(QFileInfo(WorkspaceController::autosavePath()).path())
                     .entryList(QDir::Files | QDir::Hidden),
                 QStringList{QFileInfo(WorkspaceController::autosavePath()).fileName()});
        QFile::remove(WorkspaceController::autosavePath());
    }

    void refusedEditOffersACopy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("alias.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // The pod template shares the workload's labels through an alias: a label edited in
        // place would change both, so the text cannot take it.
        f.write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels: &labels\n"
                "    app: a\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n"
                "    metadata:\n      labels: *labels\n    spec:\n"
                "      containers: [{name: c, image: nginx}]\n");
        f.close();
        WorkspaceController docs;
        load(docs, {path});
        QSignalSpy refused(&docs, &WorkspaceController::editRefused);
        const core::burst::WorkloadEntry entry = docs.workspace().workloads().first();
        QVERIFY(!docs.setBurstLabel(entry, false, QStringLiteral("enforce"), QStringLiteral("x")));
        QCOMPARE(refused.size(), 1);
        const auto edit = refused.first().first().value<models::RefusedEdit>();
        QCOMPARE(edit.file, path);
        QCOMPARE(edit.error.code, QStringLiteral("yamledit.unsupported"));
        QCOMPARE(edit.suggestedPath, dir.filePath(QStringLiteral("d.yaml")));
        QCOMPARE(edit.edited.value(u"metadata")
                     .toObject()
                     .value(u"labels")
                     .toObject()
                     .value(core::burst::kBurstLabel)
                     .toString(),
                 QStringLiteral("enforce"));
        QCOMPARE(docs.undoStack()->count(), 0);
        QSignalSpy loaded(&docs, &WorkspaceController::loaded);
        QVERIFY(docs.saveEditedCopy(edit, edit.suggestedPath));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(docs.workspace().files().size(), 2);
        QCOMPARE(docs.workspace().workloads().at(1).preview.strategy.value,
                 core::burst::Strategy::Enforce);
    }

    void createProfileAndUndo()
    {
        WorkspaceController docs;
        load(docs, {copyExamples()});
        docs.createProfileFor(docs.workspace().workloads().first());
        QCOMPARE(docs.workspace().profiles().size(), 3);
        QCOMPARE(docs.undoStack()->undoText(),
                 QStringLiteral("Create ScheduleProfile test-profile"));
        docs.undoStack()->undo();
        QCOMPARE(docs.workspace().profiles().size(), 2);
    }

    void recoveryIsOfferedOnceAndApplied()
    {
        const QString dir = copyExamples();
        const QString first = QDir(dir).filePath(QStringLiteral("01-burst-label-auto.yaml"));
        QString text = examplefiles::readFile(first);
        text.replace(QStringLiteral("'auto'"), QStringLiteral("'enforce'"));
        QDir().mkpath(QFileInfo(WorkspaceController::autosavePath()).path());
        {
            core::burst::Workspace crashed;
            crashed.addFiles(core::burst::Workspace::readFiles({first}));
            crashed.setText(0, text);
            QFile out(WorkspaceController::autosavePath());
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(core::burst::sessionSnapshot(crashed));
        }
        WorkspaceController docs;
        load(docs, {dir});
        const QList<core::burst::UnsavedText> unsaved = docs.takeRecoveryOffer();
        QCOMPARE(unsaved.size(), 1);
        QCOMPARE(unsaved.first().path, first);
        QVERIFY(docs.takeRecoveryOffer().isEmpty()); // once a session
        docs.recover(unsaved);
        QVERIFY(!QFile::exists(WorkspaceController::autosavePath()));
        QCOMPARE(docs.dirtyCount(), 1);
        QCOMPARE(docs.workspace().workloads().first().preview.strategy.value,
                 core::burst::Strategy::Enforce);
        docs.undoStack()->undo(); // recovery is one undo step
        QCOMPARE(docs.dirtyCount(), 0);
    }

    void recoveryOfAFileNotOpen()
    {
        const QString dir = copyExamples();
        const QString first = QDir(dir).filePath(QStringLiteral("01-burst-label-auto.yaml"));
        WorkspaceController docs;
        docs.recover({{first, examplefiles::readFile(first) + u"# recovered\n"}});
        QCOMPARE(docs.workspace().files().size(), 1);
        QVERIFY(docs.workspace().files().first().text.endsWith(u"# recovered\n"));
        QCOMPARE(docs.dirtyCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceController)
#include "tst_workspacecontroller.moc"
