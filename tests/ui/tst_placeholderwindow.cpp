#include "ui/placeholderwindow.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class tst_PlaceholderWindow : public QObject
{
    Q_OBJECT

private slots:
    void loadsExamplesOffTheGuiThread();
    void brokenFileIsListedNotFatal();
};

void tst_PlaceholderWindow::loadsExamplesOffTheGuiThread()
{
    ui::PlaceholderWindow window;
    window.show();
    QSignalSpy loaded(&window, &ui::PlaceholderWindow::loaded);
    window.load({qEnvironmentVariable("BURST_SOURCE_DIR") + QStringLiteral("/resources/examples")});
    QVERIFY(loaded.wait(20000));
    QCOMPARE(window.model()->rowCount(), 9);
    QTest::qWait(50); // let the layout settle after the error pane was hidden
    const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/placeholderwindow.png");
    QVERIFY(window.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));
}

void tst_PlaceholderWindow::brokenFileIsListedNotFatal()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("bad.yaml")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("kind: Pod\nmetadata: {name: [x\n");
    f.close();
    ui::PlaceholderWindow window;
    QSignalSpy loaded(&window, &ui::PlaceholderWindow::loaded);
    window.load({dir.path(), qEnvironmentVariable("BURST_SOURCE_DIR") +
                                 QStringLiteral("/resources/examples/01-burst-label-auto.yaml")});
    QVERIFY(loaded.wait(20000));
    QCOMPARE(window.model()->rowCount(), 1);
}

QTEST_MAIN(tst_PlaceholderWindow)
#include "tst_placeholderwindow.moc"
