#include "ui/terminalpane.h"

#include "core/kube/apiclient.h"
#include "models/clustersession.h"
#include "models/terminalsession.h"
#include "tests/models/execsandbox.h"
#include "ui/terminalwidget.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QMainWindow>
#include <QLabel>
#include <QTabWidget>
#include <QTest>

using ui::TerminalPane;
using ui::TerminalWidget;

// End to end: a terminal pane against the in-process sandbox's exec, typed through QTest as a
// user would. Screenshots go to screenshots/ under the test's working directory (the build
// folder's tests/).
class tst_TerminalPane : public QObject
{
    Q_OBJECT

private:
    static bool screenShows(TerminalWidget *terminal, const QString &text)
    {
        return terminal->screen()->screenText().contains(text);
    }

    static bool saveShot(QWidget &widget, const QString &name)
    {
        const QString shots = QDir::currentPath() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        QTest::qWait(200);
        return widget.grab().save(shots + u'/' + name);
    }

private slots:
    void initTestCase() { QVERIFY(m_sandbox.started()); }

    void typeIntoAShell()
    {
        core::kube::ApiClient client(m_sandbox.connection());
        TerminalPane pane(&client);
        pane.resize(900, 520);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        TerminalWidget *terminal = pane.openShell(QStringLiteral("shop"), QStringLiteral("two"));
        // The picker: containers, then init containers; the default is the first.
        QTRY_COMPARE(pane.containerPicker()->count(), 3);
        QCOMPARE(pane.containerPicker()->itemData(0).toString(), QStringLiteral("app"));
        QCOMPARE(pane.containerPicker()->itemData(1).toString(), QStringLiteral("sidecar"));
        QCOMPARE(pane.containerPicker()->itemData(2).toString(), QStringLiteral("setup"));
        QCOMPARE(pane.containerPicker()->currentData().toString(), QStringLiteral("app"));
        QTRY_VERIFY2(screenShows(terminal, QStringLiteral("root@two:/#")),
                     qPrintable(terminal->screen()->screenText() + pane.statusLine()->text()));
        QTRY_VERIFY(pane.statusLine()->text().contains(u"bash"));
        QVERIFY(terminal->hasFocus());

        QTest::keyClicks(terminal, QStringLiteral("echo hello"));
        QTest::keyClick(terminal, Qt::Key_Return);
        QTRY_VERIFY(screenShows(terminal, QStringLiteral("root@two:/# echo hello\nhello\n"
                                                         "root@two:/#")));
        // The size the widget computed reached the shell.
        QTest::keyClicks(terminal, QStringLiteral("stty size"));
        QTest::keyClick(terminal, Qt::Key_Return);
        const QString size =
            QStringLiteral("%1 %2").arg(terminal->rows()).arg(terminal->columns());
        QTRY_VERIFY2(screenShows(terminal, size), qPrintable(terminal->screen()->screenText()));
        QTest::keyClicks(terminal, QStringLiteral("ls /etc"));
        QTest::keyClick(terminal, Qt::Key_Return);
        QTRY_VERIFY(screenShows(terminal, QStringLiteral("resolv.conf")));
        QVERIFY(saveShot(pane, QStringLiteral("terminal-pane-bash.png")));

        // A second tab in the busybox sidecar: no bash there, so sh.
        pane.containerPicker()->setCurrentIndex(1);
        QTest::keyClick(terminal, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(pane.tabs()->count(), 2);
        auto *second = pane.terminal(1);
        QTRY_VERIFY(screenShows(second, QStringLiteral("/ #")));
        QVERIFY(!screenShows(second, QStringLiteral("OCI runtime")));
        QCOMPARE(pane.session(1)->shell(), QStringLiteral("sh"));
        QVERIFY(pane.tabs()->tabText(1).contains(u"sidecar"));
        QVERIFY(saveShot(pane, QStringLiteral("terminal-pane.png")));

        // exit 3: the code in the terminal, the tab and the status line.
        QTest::keyClicks(second, QStringLiteral("exit 3"));
        QTest::keyClick(second, Qt::Key_Return);
        QTRY_VERIFY(screenShows(second, QStringLiteral("[process exited with code 3]")));
        QVERIFY(pane.tabs()->tabText(1).contains(u"exited 3"));
        QTRY_VERIFY(pane.statusLine()->text().contains(u"exited with code 3"));
        QVERIFY(saveShot(pane, QStringLiteral("terminal-pane-exited.png")));

        // Ctrl+Shift+W closes the tab in front.
        QTest::keyClick(second, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(pane.tabs()->count(), 1);
        QCOMPARE(pane.terminal(0), terminal);
    }

    void accessibleNames()
    {
        core::kube::ApiClient client(m_sandbox.connection());
        TerminalPane pane(&client);
        pane.openShell(QStringLiteral("shop"), QStringLiteral("web"));
        const QList<QWidget *> widgets = pane.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            // Qt's own parts of a tab widget and combo box are named by Qt.
            if (w->metaObject()->className() == QByteArray("QTabBar") ||
                w->metaObject()->className() == QByteArray("QStackedWidget") ||
                pane.containerPicker()->isAncestorOf(w) || w->window() != &pane ||
                QByteArray(w->metaObject()->className()).startsWith("QComboBox") ||
                QByteArray(w->metaObject()->className()).startsWith("QTabBar"))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(),
                     qPrintable(QString::fromLatin1(w->metaObject()->className()) + u' ' +
                                w->objectName() + u' ' +
                                QString::fromLatin1(w->parentWidget()->metaObject()->className())));
        }
        QCOMPARE(pane.terminal(0)->accessibleName(), QStringLiteral("Terminal"));
    }

    // The Shell action's way in: a dock per context in the main window, reused.
    void openTerminalDocksInTheWindow()
    {
        models::ClusterSession session(m_sandbox.connection());
        QMainWindow window;
        window.setCentralWidget(new QWidget(&window));
        TerminalPane *pane = ui::openTerminal(window.centralWidget(), &session,
                                              QStringLiteral("shop"), QStringLiteral("web"));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("terminalDock:sandbox"));
        QVERIFY(dock);
        QCOMPARE(dock->widget(), pane);
        QVERIFY(!dock->accessibleName().isEmpty());
        QCOMPARE(ui::openTerminal(&window, &session, QStringLiteral("shop"),
                                  QStringLiteral("two"), QStringLiteral("sidecar")),
                 pane);
        QCOMPARE(pane->tabs()->count(), 2);
        QTRY_VERIFY(pane->session(1));
        QTRY_COMPARE(pane->session(1)->shell(), QStringLiteral("sh"));
        QCOMPARE(pane->session(1)->container(), QStringLiteral("sidecar"));
    }

    // A pod that is not there yet waits (the status line says so), then opens its shell and
    // fills the container picker once it runs; a container the pod lacks fails in the terminal.
    void podNotThereYet()
    {
        core::kube::ApiClient client(m_sandbox.connection());
        TerminalPane pane(&client);
        pane.resize(700, 400);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        TerminalWidget *terminal = pane.openShell(QStringLiteral("shop"), QStringLiteral("ghost"));
        QTRY_VERIFY2(pane.statusLine()->text().contains(u"Waiting for shop/ghost"),
                     qPrintable(pane.statusLine()->text()));
        QVERIFY2(pane.statusLine()->text().contains(u"not found"),
                 qPrintable(pane.statusLine()->text()));
        m_sandbox.addPod(QStringLiteral("ghost"),
                         {{QStringLiteral("app"), QStringLiteral("nginx:1.25")}});
        QTRY_VERIFY2_WITH_TIMEOUT(screenShows(terminal, QStringLiteral("root@ghost:/#")),
                                  qPrintable(terminal->screen()->screenText() +
                                             pane.statusLine()->text()),
                                  10000);
        QTRY_COMPARE(pane.findChild<QComboBox *>()->currentData().toString(),
                     QStringLiteral("app"));

        TerminalWidget *refused =
            pane.openShell(QStringLiteral("shop"), QStringLiteral("two"), QStringLiteral("db"));
        QTRY_VERIFY2(screenShows(refused, QStringLiteral("[cannot start a shell:")),
                     qPrintable(refused->screen()->screenText() + pane.statusLine()->text()));
        QVERIFY(pane.tabs()->tabText(pane.tabs()->indexOf(refused)).contains(u"failed"));
    }

private:
    ExecSandbox m_sandbox;
};

QTEST_MAIN(tst_TerminalPane)
#include "tst_terminalpane.moc"
