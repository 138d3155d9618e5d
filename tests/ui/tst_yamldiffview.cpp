#include "ui/yamldiffview.h"

#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>

namespace {

QString podYaml(const QString &memory)
{
    return QStringLiteral("apiVersion: v1\n"
                          "kind: Pod\n"
                          "metadata:\n"
                          "  name: web-0\n"
                          "  namespace: shop\n"
                          "  labels:\n"
                          "    app: web\n"
                          "spec:\n"
                          "  containers:\n"
                          "  - name: web\n"
                          "    image: nginx:1.25\n"
                          "    resources:\n"
                          "      requests:\n"
                          "        cpu: 500m\n"
                          "        memory: %1\n"
                          "      limits:\n"
                          "        cpu: 500m\n"
                          "        memory: %1\n"
                          "  restartPolicy: Always\n")
        .arg(memory);
}

QString numberedLines(int count, const QString &prefix)
{
    QStringList lines;
    for (int i = 0; i < count; ++i)
        lines.append(QStringLiteral("%1%2").arg(prefix).arg(i));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_YamlDiffView : public QObject
{
    Q_OBJECT

private slots:
    void changedLines_data();
    void changedLines();
    void realisticPod();
    void editorsAreReadOnlyAndMonospace();
    void changedLinesAreHighlighted();
    void revealRightLine();
    void scrollingOneSideScrollsTheOther();
    void screenshot();
};

void tst_YamlDiffView::changedLines_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<QList<int>>("changedLeft");
    QTest::addColumn<QList<int>>("changedRight");

    QTest::newRow("identical") << QStringLiteral("a\nb\nc") << QStringLiteral("a\nb\nc")
                               << QList<int>{} << QList<int>{};
    QTest::newRow("both empty") << QString() << QString() << QList<int>{} << QList<int>{};
    QTest::newRow("changed middle")
        << QStringLiteral("a\nb\nc") << QStringLiteral("a\nB\nc") << QList<int>{1} << QList<int>{1};
    QTest::newRow("inserted") << QStringLiteral("a\nb\nc") << QStringLiteral("a\nb\nx\ny\nc")
                              << QList<int>{} << QList<int>{2, 3};
    QTest::newRow("inserted at top")
        << QStringLiteral("a\nb") << QStringLiteral("x\na\nb") << QList<int>{} << QList<int>{0};
    QTest::newRow("deleted") << QStringLiteral("a\nb\nc\nd") << QStringLiteral("a\nd")
                             << QList<int>{1, 2} << QList<int>{};
    QTest::newRow("deleted at end")
        << QStringLiteral("a\nb\nc") << QStringLiteral("a\nb") << QList<int>{2} << QList<int>{};
    QTest::newRow("all replaced") << QStringLiteral("a\nb") << QStringLiteral("x\ny\nz")
                                  << QList<int>{0, 1} << QList<int>{0, 1, 2};
    QTest::newRow("from empty") << QString() << QStringLiteral("a") << QList<int>{0}
                                << QList<int>{0};
}

void tst_YamlDiffView::changedLines()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(QList<int>, changedLeft);
    QFETCH(QList<int>, changedRight);
    ui::YamlDiffView view;
    view.setTexts(left, right);
    QCOMPARE(view.changedLeftLines(), changedLeft);
    QCOMPARE(view.changedRightLines(), changedRight);
    QCOMPARE(view.leftEditor()->toPlainText(), left);
    QCOMPARE(view.rightEditor()->toPlainText(), right);
}

void tst_YamlDiffView::realisticPod()
{
    ui::YamlDiffView view;
    view.setTexts(podYaml(QStringLiteral("512Mi")), podYaml(QStringLiteral("1Gi")));
    // The two "memory:" lines (requests and limits), 0-based 14 and 17, on both sides.
    const QList<int> expected{14, 17};
    QCOMPARE(view.changedLeftLines(), expected);
    QCOMPARE(view.changedRightLines(), expected);
    QCOMPARE(view.rightEditor()->document()->findBlockByNumber(14).text(),
             QStringLiteral("        memory: 1Gi"));
    // A second call replaces the first diff entirely.
    view.setTexts(podYaml(QStringLiteral("1Gi")), podYaml(QStringLiteral("1Gi")));
    QVERIFY(view.changedLeftLines().isEmpty());
    QVERIFY(view.changedRightLines().isEmpty());
    QVERIFY(view.rightEditor()->extraSelections().isEmpty());
}

void tst_YamlDiffView::editorsAreReadOnlyAndMonospace()
{
    ui::YamlDiffView view;
    for (QPlainTextEdit *editor : {view.leftEditor(), view.rightEditor()}) {
        QVERIFY(editor);
        QVERIFY(editor->isReadOnly());
        QVERIFY(QFontInfo(editor->font()).fixedPitch());
    }
}

void tst_YamlDiffView::changedLinesAreHighlighted()
{
    ui::YamlDiffView view;
    view.setTexts(QStringLiteral("a\nb\nc"), QStringLiteral("a\nB\nc\nd"));
    const QList<QTextEdit::ExtraSelection> left = view.leftEditor()->extraSelections();
    const QList<QTextEdit::ExtraSelection> right = view.rightEditor()->extraSelections();
    QCOMPARE(left.size(), 1);
    QCOMPARE(right.size(), 2);
    QCOMPARE(left.at(0).cursor.blockNumber(), 1);
    QCOMPARE(right.at(0).cursor.blockNumber(), 1);
    QCOMPARE(right.at(1).cursor.blockNumber(), 3);
    QVERIFY(right.at(0).format.property(QTextFormat::FullWidthSelection).toBool());
    // Translucent, so the tint works over a light and a dark base alike.
    QVERIFY(left.at(0).format.background().color().alpha() < 255);
    QVERIFY(left.at(0).format.background().color() != right.at(0).format.background().color());
}

void tst_YamlDiffView::revealRightLine()
{
    ui::YamlDiffView view;
    view.resize(600, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTexts(numberedLines(200, QStringLiteral("left ")),
                  numberedLines(200, QStringLiteral("left "))
                      .replace(QStringLiteral("left 150"), QStringLiteral("right 150")));
    QCOMPARE(view.changedRightLines(), QList<int>{150});
    QCOMPARE(view.rightEditor()->textCursor().blockNumber(), 0);
    view.revealRightLine(150);
    QCOMPARE(view.rightEditor()->textCursor().blockNumber(), 150);
    QCOMPARE(view.rightEditor()->textCursor().selectedText(), QStringLiteral("right 150"));
    const int rightTop = view.rightEditor()->verticalScrollBar()->value();
    QVERIFY2(rightTop > 100 && rightTop <= 150, QByteArray::number(rightTop));
    // Same line count on both sides, aligned one to one: the left follows exactly.
    QCOMPARE(view.leftEditor()->verticalScrollBar()->value(), rightTop);
    view.revealRightLine(1000); // out of range: ignored
    QCOMPARE(view.rightEditor()->textCursor().blockNumber(), 150);
}

void tst_YamlDiffView::scrollingOneSideScrollsTheOther()
{
    ui::YamlDiffView view;
    view.resize(600, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Ten extra lines at the top of the right side: right line n + 10 lines up with left line n.
    view.setTexts(numberedLines(100, QStringLiteral("line ")),
                  numberedLines(10, QStringLiteral("new ")) + QLatin1Char('\n') +
                      numberedLines(100, QStringLiteral("line ")));
    view.leftEditor()->verticalScrollBar()->setValue(40);
    QCOMPARE(view.rightEditor()->verticalScrollBar()->value(), 50);
    view.rightEditor()->verticalScrollBar()->setValue(30);
    QCOMPARE(view.leftEditor()->verticalScrollBar()->value(), 20);
    view.rightEditor()->verticalScrollBar()->setValue(5); // an added line: left waits at line 0
    QCOMPARE(view.leftEditor()->verticalScrollBar()->value(), 0);
    // Keyboard navigation scrolls without the scrollbar's valueChanged; the left follows anyway.
    view.rightEditor()->setFocus();
    QTest::keyClick(view.rightEditor(), Qt::Key_End, Qt::ControlModifier);
    const int rightTop = view.rightEditor()->verticalScrollBar()->value();
    QVERIFY(rightTop > 30);
    QCOMPARE(view.leftEditor()->verticalScrollBar()->value(), rightTop - 10);
}

void tst_YamlDiffView::screenshot()
{
    ui::YamlDiffView view;
    view.resize(820, 440);
    view.setTitles(QStringLiteral("web-0 (as written)"), QStringLiteral("web-0 (on CCI)"));
    QString right = podYaml(QStringLiteral("1Gi"));
    right.replace(QStringLiteral("  restartPolicy: Always\n"),
                  QStringLiteral("  restartPolicy: Always\n  schedulerName: cci\n"));
    view.setTexts(podYaml(QStringLiteral("512Mi")), right);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/yamldiffview.png");
    QVERIFY(view.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));

    QPalette dark = view.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    view.setPalette(dark);
    const QString darkShot = QStringLiteral(QT_TESTCASE_BUILDDIR "/yamldiffview_dark.png");
    QVERIFY(view.grab().save(darkShot));
    qInfo("screenshot: %s", qPrintable(darkShot));
}

QTEST_MAIN(tst_YamlDiffView)
#include "tst_yamldiffview.moc"
