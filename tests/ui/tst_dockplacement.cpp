#include "ui/dockplacement.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QTest>

// Docks added at the bottom stand side by side while their minimum widths fit the screen, and
// are tabbed beyond that, so the window never grows past the screen (logs and a terminal opened
// beside a cluster); a dock of the same kind is tabbed with its sibling.
class tst_DockPlacement : public QObject
{
    Q_OBJECT

private slots:
    void fitsTheScreen()
    {
        QMainWindow window;
        window.setCentralWidget(new QWidget);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const int available = window.screen()->availableGeometry().width();
        const int third = available / 3 + 10; // two fit, three do not
        const auto dockOf = [&](const QString &name) {
            auto *dock = new QDockWidget(name, &window);
            dock->setObjectName(name);
            auto *content = new QWidget;
            content->setMinimumWidth(third);
            dock->setWidget(content);
            return dock;
        };
        QDockWidget *cluster = dockOf(QStringLiteral("cluster"));
        ui::addBottomDock(&window, cluster);
        cluster->show(); // as the callers do: a dock added to a shown window starts hidden
        QDockWidget *logs = dockOf(QStringLiteral("logs"));
        ui::addBottomDock(&window, logs);
        logs->show();
        QVERIFY(window.tabifiedDockWidgets(logs).isEmpty()); // beside: it fits
        QDockWidget *terminal = dockOf(QStringLiteral("terminal"));
        ui::addBottomDock(&window, terminal);
        terminal->show();
        QCOMPARE(window.tabifiedDockWidgets(terminal).size(), 1); // tabbed: it would not fit
        QCOMPARE(window.dockWidgetArea(terminal), Qt::BottomDockWidgetArea);
        QDockWidget *moreLogs = dockOf(QStringLiteral("logs2"));
        ui::addBottomDock(&window, moreLogs, logs);
        moreLogs->show();
        QVERIFY(window.tabifiedDockWidgets(logs).contains(moreLogs));
        QTest::qWait(50);
        QVERIFY2(window.width() <= available,
                 qPrintable(QStringLiteral("%1 > %2").arg(window.width()).arg(available)));
    }
};

QTEST_MAIN(tst_DockPlacement)
#include "tst_dockplacement.moc"
