#include "tests/ui/accessibilityaudit.h"
#include "tests/ui/burstsandbox.h"

#include "models/clustersession.h"
#include "models/contextsafety.h"
#include "models/eventtablemodel.h"
#include "models/objectref.h"
#include "models/podtablemodel.h"
#include "tests/models/examplefiles.h"
#include "ui/clearbutton.h"
#include "ui/clusterdock.h"
#include "ui/connectiondialog.h"
#include "ui/detailspane.h"
#include "ui/eventspane.h"
#include "ui/helpdialogs.h"
#include "ui/livepolicydialog.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/nodespane.h"
#include "ui/podactions.h"
#include "ui/podspane.h"
#include "ui/previewpane.h"
#include "ui/terminalpane.h"
#include "ui/workloadspane.h"
#include "ui/writeguard.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

// The whole console read the way assistive technology reads it (Qt's accessibility tree, which
// AT-SPI walks): the main window with a live cluster's every pane, the workbench with the
// examples, the log and terminal docks, and every dialog the console opens. Every control, view,
// custom view and pane has a name, and every item view's cells read what its model shows, under
// its column titles. One failure lists every offender with its path.
class tst_A11yAudit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Audits the modal dialog `open` shows (a QMessageBox, a QDialog's exec()), then closes it.
    static void auditModal(a11yaudit::Audit &audit, const std::function<void()> &open)
    {
        bool seen = false;
        QTimer poll; // looks for the dialog from inside its event loop
        poll.setInterval(10);
        QObject::connect(&poll, &QTimer::timeout, &poll, [&audit, &seen, &poll] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            poll.stop();
            seen = true;
            audit.walkEveryPage(modal);
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            else
                modal->close();
        });
        poll.start();
        open();
        QVERIFY2(seen, "no modal dialog came up");
    }

    // Prints every problem (a test message is cut at 1000 characters), then fails once.
    static void verifyNone(const QString &what, const a11yaudit::Audit &audit)
    {
        for (const QString &problem : audit.problems())
            qWarning("%s: %s", qPrintable(what), qPrintable(problem));
        QVERIFY2(audit.problems().isEmpty(),
                 qPrintable(what + QStringLiteral(": %1 problem(s) in %2 interfaces and %3 "
                                                  "cells, listed above")
                                       .arg(audit.problems().size())
                                       .arg(audit.interfacesSeen())
                                       .arg(audit.cellsChecked())));
    }

    // The window connected to `cluster` with the examples loaded, a pod's details, logs and
    // shell open, and every dialog the console opens audited; problems in `audit`.
    void auditConsole(BurstSandbox &cluster, a11yaudit::Audit &audit)
    {
        models::ClusterSession session(cluster.connection());
        ui::MainWindow window;
        window.resize(1400, 900);
        QSignalSpy loaded(&window, &ui::MainWindow::loaded);
        window.open({examplefiles::copyExamples(m_dir)});
        window.addClusterSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        ui::ClusterDock *dock = window.clusterDock(&session);
        QVERIFY(dock);
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dock->podsPane()->view()->model()->rowCount() > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dock->nodesPane()->view()->model()->rowCount() > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dock->eventsPane()->view()->model()->rowCount() > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dock->workloadsPane()->view()->model()->rowCount() > 0, 20000);

        // A pod selected (its details and metrics beside the tables), its logs and its shell.
        QVERIFY(dock->podsPane()->view()->model()->rowCount() > 0);
        dock->podsPane()->view()->setCurrentIndex(dock->podsPane()->view()->model()->index(0, 0));
        const models::ObjectRef pod = dock->podsPane()->currentObject();
        QVERIFY(pod.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(dock->detailsPane()->summaryView()->topLevelItemCount() > 0,
                                 10000);
        QVERIFY(ui::openLogPane(&window, &session, ui::logTargetsFor(&session, pod)));
        QVERIFY(ui::openTerminal(window.centralWidget(), &session, pod.nameSpace, pod.name));
        cluster.simulator.stop(); // the cluster holds still while it is read

        // The names are the catalogue's (this one is new with the audit).
        QCOMPARE(window.previewPane()->accessibleName(), ui::PreviewPane::tr("Preview"));
        audit.walkEveryPage(&window);

        // The dialogs: connections, a workload's live burst policy, help, a write confirmation.
        ui::ConnectionDialog *connections = window.showConnections();
        QVERIFY(QTest::qWaitForWindowExposed(connections));
        audit.walkEveryPage(connections);
        QPushButton *addAccount = nullptr;
        for (QPushButton *button : connections->findChildren<QPushButton *>())
            if (button->text() == ui::ConnectionDialog::tr("Add CCI &Account…"))
                addAccount = button;
        QVERIFY(addAccount);
        auditModal(audit, [addAccount] { addAccount->click(); });
        connections->close();
        auto *workloads = dock->workloadsPane();
        models::ObjectRef deployment;
        for (int row = 0; row < workloads->view()->model()->rowCount() && !deployment.isValid();
             ++row) {
            const auto object = workloads->view()
                                    ->model()
                                    ->index(row, 0)
                                    .data(models::ObjectRefRole)
                                    .value<models::ObjectRef>();
            if (object.resource.startsWith(u"deployments"))
                deployment = object;
        }
        QVERIFY(deployment.isValid());
        ui::LivePolicyDialog *policy = workloads->editPolicy(deployment);
        QVERIFY(policy);
        QVERIFY(QTest::qWaitForWindowExposed(policy));
        audit.walkEveryPage(policy);
        policy->close();
        QVERIFY(workloads->selectObject(deployment));
        auditModal(audit, [workloads] { workloads->scaleAction()->trigger(); }); // cancelled
        auditModal(audit, [&window] { ui::HelpDialogs::decidedRules(&window); });
        auditModal(audit, [&window] { ui::HelpDialogs::about(&window); });
        // A write's confirmation, and a production context's (the context's name typed).
        const ui::WriteRequest write{
            QStringLiteral("sandbox"), QStringLiteral("Delete"), {pod}, QStringLiteral("{}"), true};
        auditModal(audit, [&window, write] { ui::confirmWrite(&window, write); });
        models::setContextSafety(QStringLiteral("sandbox"), models::ContextSafety::Production);
        auditModal(audit, [&window, write] { ui::confirmWrite(&window, write); });
        session.stop();
    }

private slots:
    void initTestCase()
    {
        useCleanTestSettings();
        QVERIFY(m_dir.isValid());
        // As when a screen reader listens (the offscreen platform has no bridge to report
        // it active; the interfaces are the ones AT-SPI would be given).
        QAccessible::setActive(true);
    }

    void cleanup() { resetWriteGate(); }

    // The auditor itself: it names what is unnamed and a cell that shows only a picture, and
    // passes over what is hidden and what is named.
    void auditorFindsWhatIsMissing()
    {
        QWidget window;
        window.setWindowTitle(QStringLiteral("Fixture"));
        auto *layout = new QVBoxLayout(&window);
        auto *unnamed = new QLineEdit(&window);
        unnamed->setObjectName(QStringLiteral("unnamed"));
        auto *named = new QLineEdit(&window);
        named->setAccessibleName(QStringLiteral("Named"));
        // Qt's clear button is an icon without a name; enableClearButton() names it.
        auto *plainClear = new QLineEdit(QStringLiteral("text"), &window);
        plainClear->setObjectName(QStringLiteral("plainClear"));
        plainClear->setAccessibleName(QStringLiteral("Plain"));
        plainClear->setClearButtonEnabled(true);
        auto *namedClear = new QLineEdit(QStringLiteral("text"), &window);
        namedClear->setAccessibleName(QStringLiteral("Filter"));
        ui::enableClearButton(namedClear);
        auto *hidden = new QPushButton(&window);
        hidden->setObjectName(QStringLiteral("hidden"));
        hidden->hide();
        QStandardItemModel model(2, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("State")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("web")));
        auto *icon = new QStandardItem;
        icon->setData(QColor(Qt::red), Qt::DecorationRole);
        model.setItem(0, 1, icon);
        auto *table = new QTableView(&window);
        table->setObjectName(QStringLiteral("fixtureTable"));
        table->setAccessibleName(QStringLiteral("Fixture table"));
        table->setModel(&model);
        for (QWidget *w : std::initializer_list<QWidget *>{unnamed, named, plainClear, namedClear,
                                                           hidden, table})
            layout->addWidget(w);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        a11yaudit::Audit audit;
        audit.walk(&window);
        const QStringList problems = audit.problems();
        QCOMPARE(problems.size(), 3);
        QVERIFY2(problems.at(0).startsWith(u"EditableText QLineEdit#unnamed < QWidget") &&
                     problems.at(0).endsWith(u"no accessible name"),
                 qPrintable(problems.at(0)));
        QVERIFY2(problems.at(1).contains(u"< QLineEdit#plainClear[Plain]") &&
                     problems.at(1).endsWith(u"no accessible name"),
                 qPrintable(problems.at(1)));
        QVERIFY2(problems.at(2).contains(u"QTableView#fixtureTable") &&
                     problems.at(2).endsWith(u"column 1 shows a picture without text"),
                 qPrintable(problems.at(2)));
        QCOMPARE(audit.cellsChecked(), 4); // 2 rows x 2 columns, headers read right
    }

    void everyPaneAndDialogIsNamedAndReadable_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // In English and in Chinese (the catalogue installed the way the console installs it:
    // burst-console_<lang>.qm from :/i18n).
    void everyPaneAndDialogIsNamedAndReadable()
    {
        QFETCH(QString, language);
        QTranslator catalogue;
        if (!language.isEmpty()) {
            QVERIFY(catalogue.load(QLocale(language), QStringLiteral("burst-console"),
                                   QStringLiteral("_"), QStringLiteral(":/i18n")));
            QVERIFY(QCoreApplication::installTranslator(&catalogue));
            QVERIFY(ui::ClusterDock::tr("Live panes") != u"Live panes");
            QVERIFY(ui::PreviewPane::tr("Preview") != u"Preview");
        }
        QElapsedTimer timer;
        timer.start();
        BurstSandbox cluster;
        QVERIFY(cluster.sandbox.started());
        a11yaudit::Audit audit;
        auditConsole(cluster, audit);
        QCoreApplication::removeTranslator(&catalogue);
        if (QTest::currentTestFailed())
            return;
        qInfo("audited %d interfaces and %d cells in %lld ms", audit.interfacesSeen(),
              audit.cellsChecked(), timer.elapsed());
        verifyNone(QString::fromLatin1(QTest::currentDataTag()), audit);
    }
};

QTEST_MAIN(tst_A11yAudit)
#include "tst_a11yaudit.moc"
