#include "tests/core/kube/sandboxfixture.h"

#include "core/kube/exectruststore.h"
#include "models/clustersession.h"
#include "models/connectionlist.h"
#include "models/contextsafety.h"
#include "ui/clusterdock.h"
#include "ui/connectiondialog.h"
#include "ui/exectrust.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// Cluster > Connections… driven through its widgets against an in-process sandbox: the
// kubeconfig's contexts are listed, Test connection reports the server, a context marked
// production marks its dock, a second connection opens a second (tabified) dock, and exec
// plugins run only once trusted.
class tst_ConnectionDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Contexts "alpha" (cluster entry "sandbox": the sandbox badge) and "beta" (a plain
    // cluster, with the sandbox's virtual-kubelet node: CCE once connected) on one server.
    QString writeKubeconfig(const QUrl &server)
    {
        const QByteArray s = server.toString().toUtf8();
        const QByteArray text = "apiVersion: v1\nkind: Config\ncurrent-context: alpha\n"
                                "clusters:\n- name: sandbox\n  cluster:\n    server: " +
                                s + "\n- name: beta-cluster\n  cluster:\n    server: " + s +
                                "\nusers:\n- name: u\n  user:\n    token: test-token\n"
                                "contexts:\n- name: alpha\n  context:\n    cluster: sandbox\n"
                                "    user: u\n- name: beta\n  context:\n    cluster: "
                                "beta-cluster\n    user: u\n";
        const QString path = m_dir.filePath(QStringLiteral("kubeconfig"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QFile::remove(core::kube::defaultExecTrustFile());
    }

    void cleanupTestCase()
    {
        QSettings().clear();
        QFile::remove(core::kube::defaultExecTrustFile());
    }

    void listsTestsMarksAndConnects()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        ui::MainWindow window;
        window.setKubeconfigSearch({writeKubeconfig(sandbox.connection().server), {}, {}});
        window.show();
        ui::ConnectionDialog *dialog = window.showConnections();
        QVERIFY(dialog);
        QCOMPARE(window.connectionDialog(), dialog);
        models::ConnectionListModel *model = dialog->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->entries().at(0).name, u"alpha");
        QCOMPARE(model->index(0, models::ConnectionListModel::Kind).data().toString(),
                 u"sandbox");
        QCOMPARE(model->index(1, models::ConnectionListModel::Kind).data().toString(),
                 u"cluster");
        QCOMPARE(dialog->view()->currentIndex().row(), 0); // the current context

        // Test connection: asynchronous, its result in the dialog.
        QSignalSpy tested(dialog, &ui::ConnectionDialog::testFinished);
        dialog->testButton()->click();
        QVERIFY(tested.wait(20000));
        const QString result = dialog->resultLabel()->text();
        QVERIFY2(result.contains(u"Server: v1.30.0-burst-sandbox"), qPrintable(result));
        QVERIFY2(result.contains(u"Authentication: OK"), qPrintable(result));
        QVERIFY2(result.contains(u"Permissions: "), qPrintable(result));

        // Connect alpha: a dock titled with its badge.
        dialog->connectButton()->click();
        models::ClusterSession *alpha = window.session(QStringLiteral("alpha"));
        QVERIFY(alpha);
        ui::ClusterDock *alphaDock = window.clusterDock(alpha);
        QVERIFY(alphaDock);
        QCOMPARE(alphaDock->windowTitle(), u"Cluster: alpha [sandbox]");
        QVERIFY(!dialog->connectButton()->isEnabled());
        QVERIFY(dialog->disconnectButton()->isEnabled());
        QCOMPARE(model->index(0, models::ConnectionListModel::Connected).data().toString(),
                 u"connected");

        // Production through the dialog's selector marks the dock.
        QComboBox *safety = dialog->safetyBox();
        const int production = safety->findData(int(models::ContextSafety::Production));
        safety->setCurrentIndex(production);
        emit safety->activated(production);
        QCOMPARE(models::contextSafety(QStringLiteral("alpha")),
                 models::ContextSafety::Production);
        QCOMPARE(alphaDock->windowTitle(), u"Cluster: alpha [sandbox] — PRODUCTION");
        QCOMPARE(alphaDock->property("safety").toString(), u"production");
        QCOMPARE(model->index(0, models::ConnectionListModel::Safety).data().toString(),
                 u"Production");
        const int readOnly = safety->findData(int(models::ContextSafety::ReadOnly));
        safety->setCurrentIndex(readOnly);
        emit safety->activated(readOnly);
        QCOMPARE(alphaDock->windowTitle(), u"Cluster: alpha [sandbox] — read-only");

        // A second connection: a second dock, tabified with the first; a plain cluster with a
        // virtual-kubelet node shows as CCE once its nodes are in.
        QVERIFY(dialog->select(QStringLiteral("beta")));
        dialog->connectButton()->click();
        models::ClusterSession *beta = window.session(QStringLiteral("beta"));
        QVERIFY(beta);
        QCOMPARE(window.sessions().size(), 2);
        ui::ClusterDock *betaDock = window.clusterDock(beta);
        QVERIFY(betaDock && betaDock != alphaDock);
        QVERIFY(window.tabifiedDockWidgets(alphaDock).contains(betaDock));
        QCOMPARE(window.currentClusterDock(), betaDock);
        QTRY_COMPARE_WITH_TIMEOUT(betaDock->windowTitle(), u"Cluster: beta [CCE]"_qs, 20000);

        // Disconnect the one in front: its dock goes, the other stays.
        QSignalSpy sessions(&window, &ui::MainWindow::sessionsChanged);
        window.disconnectSession(window.currentClusterDock()->session());
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(window.sessions(), QList<models::ClusterSession *>{alpha});
        QVERIFY(!window.findChild<ui::ClusterDock *>(QStringLiteral("cluster-beta")));
        QVERIFY(dialog->select(QStringLiteral("beta")));
        QVERIFY(dialog->connectButton()->isEnabled());
        models::setContextSafety(QStringLiteral("alpha"), models::ContextSafety::Normal);
        QCOMPARE(alphaDock->windowTitle(), u"Cluster: alpha [sandbox]");
    }

    void addedFileIsListedAndRemembered()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        ui::MainWindow window;
        window.setKubeconfigSearch({m_dir.filePath(QStringLiteral("none")), {}, {}});
        ui::ConnectionDialog *dialog = window.showConnections();
        QCOMPARE(dialog->model()->rowCount(), 0);
        QCOMPARE(dialog->model()->errors().size(), 1); // an explicit file that is missing
        dialog->addKubeconfigFile(writeKubeconfig(sandbox.connection().server));
        QCOMPARE(dialog->model()->rowCount(), 2);
        QCOMPARE(models::extraKubeconfigFiles().size(), 1);
        models::setExtraKubeconfigFiles({});
    }

    // The exec trust prompt shows the exact command line; declined, nothing is attached;
    // trusted, it is remembered; a file named as trusted needs no question.
    void execPluginNeedsTrust()
    {
        core::kube::Connection c;
        c.contextName = QStringLiteral("eks");
        c.userName = QStringLiteral("aws-user");
        c.userSourceFile = m_dir.filePath(QStringLiteral("eks-config"));
        core::kube::ExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
        exec.command = QStringLiteral("aws");
        exec.args = {QStringLiteral("eks"), QStringLiteral("get-token")};
        exec.interactiveMode = QStringLiteral("Never");
        c.exec = exec;
        QStringList asked;
        bool answer = false;
        ui::setExecTrustAnswer([&](const QString &question) {
            asked << question;
            return answer;
        });
        core::kube::Connection declined = c;
        QVERIFY(!ui::approveExecPlugin(nullptr, declined));
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.at(0).contains(u"aws eks get-token"));
        QVERIFY(asked.at(0).contains(c.userSourceFile));
        QVERIFY(!declined.credentialProvider);

        answer = true;
        core::kube::Connection trusted = c;
        QVERIFY(ui::approveExecPlugin(nullptr, trusted));
        QCOMPARE(asked.size(), 2);
        QVERIFY(trusted.credentialProvider);
        core::kube::Connection again = c;
        QVERIFY(ui::approveExecPlugin(nullptr, again)); // remembered
        QCOMPARE(asked.size(), 2);

        QFile(c.userSourceFile).open(QIODevice::WriteOnly); // exists, for the canonical path
        core::kube::Connection changed = c;
        changed.exec->args.append(QStringLiteral("--cluster-name=x"));
        answer = false;
        QVERIFY(ui::approveExecPlugin(nullptr, changed, {c.userSourceFile}));
        QCOMPARE(asked.size(), 2); // named as trusted: no question
        QVERIFY(changed.credentialProvider);
        ui::setExecTrustAnswer({});
    }
};

QTEST_MAIN(tst_ConnectionDialog)
#include "tst_connectiondialog.moc"
