#include "models/logviewmodel.h"
#include "ui/logview.h"

#include <QAbstractListModel>
#include <QAccessible>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

// The view names the model's roles and flags without including it: they must stay the same.
static_assert(int(ui::LogView::TimestampRole) == int(models::LogViewModel::TimestampRole));
static_assert(int(ui::LogView::SourceRole) == int(models::LogViewModel::SourceRole));
static_assert(int(ui::LogView::SourceIndexRole) == int(models::LogViewModel::SourceIndexRole));
static_assert(int(ui::LogView::FlagsRole) == int(models::LogViewModel::FlagsRole));
static_assert(int(ui::LogView::LateLine) == int(models::LogViewModel::LateLine));
static_assert(int(ui::LogView::GapMarker) == int(models::LogViewModel::GapMarker));
static_assert(int(ui::LogView::DroppedMarker) == int(models::LogViewModel::DroppedMarker));

namespace {

// Ten million lines (or any number) that exist only when read, counting every read.
class CountingModel : public QAbstractListModel
{
public:
    explicit CountingModel(int rows) : m_rows(rows) {}

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_rows;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        ++reads;
        readRows.insert(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return index.row() == m_gapRow ? QStringLiteral("--- lines lost ---")
                                            : QStringLiteral("line %1 text").arg(index.row());
        case ui::LogView::TimestampRole:
            return QStringLiteral("2026-12-07T10:00:00.000000000Z");
        case ui::LogView::SourceRole:
            return index.row() % 2 ? QStringLiteral("web-1/app") : QStringLiteral("web-2/app");
        case ui::LogView::SourceIndexRole:
            return index.row() % 2;
        case ui::LogView::FlagsRole:
            return index.row() == m_gapRow ? int(ui::LogView::GapMarker) : 0;
        default:
            return {};
        }
    }
    void append(int count)
    {
        beginInsertRows({}, m_rows, m_rows + count - 1);
        m_rows += count;
        endInsertRows();
    }
    void dropFront(int count)
    {
        beginRemoveRows({}, 0, count - 1);
        m_rows -= count;
        endRemoveRows();
    }
    void setGapRow(int row) { m_gapRow = row; }

    mutable qint64 reads = 0;
    mutable QSet<int> readRows;

private:
    int m_rows;
    int m_gapRow = -1;
};

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QAccessible::setActive(true); }

    // Painting and scrolling ten million rows read only the rows on screen.
    void readsOnlyVisibleRows_data()
    {
        QTest::addColumn<bool>("wrap");
        QTest::addColumn<bool>("columns");
        QTest::newRow("plain") << false << false;
        QTest::newRow("timestamps and source") << false << true;
        QTest::newRow("wrapped") << true << true;
    }
    void readsOnlyVisibleRows()
    {
        QFETCH(bool, wrap);
        QFETCH(bool, columns);
        CountingModel model(10'000'000);
        ui::LogView view;
        view.resize(600, 400);
        view.setWrap(wrap);
        view.setTimestampsShown(columns);
        view.setSourceShown(columns);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.follow());
        QCOMPARE(view.verticalScrollBar()->maximum(),
                 10'000'000 - view.verticalScrollBar()->pageStep());
        for (int top : {0, 5'000'000, 9'999'000}) {
            view.verticalScrollBar()->setValue(top);
            model.reads = 0;
            model.readRows.clear();
            view.viewport()->repaint();
            const int onScreen = view.lastVisibleRow() - view.topRow() + 1;
            QVERIFY(onScreen > 5);
            QVERIFY2(model.readRows.size() <= onScreen + 1,
                     qPrintable(QString::number(model.readRows.size())));
            for (int row : std::as_const(model.readRows))
                QVERIFY(row >= top && row <= top + onScreen);
            QVERIFY(model.reads < 10 * (onScreen + 1));
        }
        // Scrolling to the end reads the last screenful only.
        model.readRows.clear();
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(&view, Qt::Key_End);
        view.viewport()->repaint();
        QVERIFY(timer.elapsed() < 500);
        QVERIFY(view.follow());
        QCOMPARE(view.lastVisibleRow(), 9'999'999);
        for (int row : std::as_const(model.readRows))
            QVERIFY(row >= 9'999'999 - 2 * view.verticalScrollBar()->pageStep());
    }

    // At the bottom new rows keep the view there; scrolling up pauses; End resumes.
    void followAndPause()
    {
        CountingModel model(1000);
        ui::LogView view;
        view.resize(500, 300);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy followSpy(&view, &ui::LogView::followChanged);
        QScrollBar *bar = view.verticalScrollBar();
        QVERIFY(view.follow());
        QCOMPARE(bar->value(), bar->maximum());
        model.append(50);
        QCOMPARE(view.lastVisibleRow(), 1049);
        QVERIFY(view.follow());

        // Scrolling up (the wheel, a key) pauses: rows come, the same lines stay in view.
        QTest::keyClick(&view, Qt::Key_PageUp);
        QVERIFY(!view.follow());
        QCOMPARE(followSpy.count(), 1);
        QCOMPARE(followSpy.last().at(0).toBool(), false);
        const int top = view.topRow();
        model.append(100);
        QCOMPARE(view.topRow(), top);
        QVERIFY(!view.follow());
        // The cap drops the oldest lines: the lines on screen stay on screen.
        model.dropFront(10);
        QCOMPARE(view.topRow(), top - 10);

        QTest::keyClick(&view, Qt::Key_End);
        QVERIFY(view.follow());
        QCOMPARE(followSpy.last().at(0).toBool(), true);
        QCOMPARE(view.lastVisibleRow(), model.rowCount() - 1);
        model.append(7);
        QCOMPARE(view.lastVisibleRow(), model.rowCount() - 1);
        // Scrolling back down to the bottom resumes as well.
        bar->setValue(bar->value() - 3);
        QVERIFY(!view.follow());
        bar->setValue(bar->maximum());
        QVERIFY(view.follow());
    }

    void copiesSelectedLines_data()
    {
        QTest::addColumn<bool>("columns");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text only") << false
                                   << QStringLiteral("line 3 text\nline 4 text\nline 5 text");
        QTest::newRow("timestamps and source")
            << true
            << QStringLiteral("2026-12-07T10:00:00.000000000Z web-1/app line 3 text\n"
                              "2026-12-07T10:00:00.000000000Z web-2/app line 4 text\n"
                              "2026-12-07T10:00:00.000000000Z web-1/app line 5 text");
    }
    void copiesSelectedLines()
    {
        QFETCH(bool, columns);
        QFETCH(QString, expected);
        CountingModel model(20);
        ui::LogView view;
        view.resize(900, 400);
        view.setModel(&model);
        view.setTimestampsShown(columns);
        view.setSourceShown(columns);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.topRow(), 0);
        // Click line 3, shift-click line 5.
        const int lineHeight = view.fontMetrics().lineSpacing();
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          QPoint(50, 3 * lineHeight + lineHeight / 2));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          QPoint(50, 5 * lineHeight + lineHeight / 2));
        QCOMPARE(view.selection(), qMakePair(3, 5));
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);

        // A drag selects from the press to the release.
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(50, lineHeight / 2));
        QMouseEvent move(QEvent::MouseMove, QPointF(50, 2 * lineHeight + lineHeight / 2),
                         view.viewport()->mapToGlobal(QPointF(50, 2 * lineHeight)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {},
                            QPoint(50, 2 * lineHeight + lineHeight / 2));
        QCOMPARE(view.selection(), qMakePair(0, 2));
        // Shift+Down extends, Ctrl+A selects all.
        QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view.selection(), qMakePair(0, 3));
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view.selection(), qMakePair(0, 19));
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text().count(u'\n'), 19);
    }

    // Assistive technology reads the visible lines as text, as it reads a terminal.
    void accessibleText()
    {
        CountingModel model(1000);
        model.setGapRow(997);
        ui::LogView view;
        view.resize(500, 10 * view.fontMetrics().lineSpacing() + 40);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(iface);
        QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Logs"));
        QCOMPARE(iface->role(), QAccessible::Terminal);
        QAccessibleTextInterface *text = iface->textInterface();
        QVERIFY(text);
        QStringList expected;
        for (int row = view.topRow(); row <= view.lastVisibleRow(); ++row)
            expected.append(row == 997 ? QStringLiteral("--- lines lost ---")
                                       : QStringLiteral("line %1 text").arg(row));
        QCOMPARE(view.lastVisibleRow(), 999);
        const QString all = expected.join(u'\n');
        QCOMPARE(text->characterCount(), all.size());
        QCOMPARE(text->text(0, text->characterCount()), all);
        // Line by line, as a screen reader walks it.
        int start = -1;
        int end = -1;
        const int offset = all.indexOf(QStringLiteral("line 998"));
        QCOMPARE(text->textAtOffset(offset + 3, QAccessible::LineBoundary, &start, &end)
                     .trimmed(),
                 QStringLiteral("line 998 text"));
        QCOMPARE(start, offset);
        // The selection is the selected lines.
        view.setSelection(998, 999);
        QCOMPARE(text->selectionCount(), 1);
        text->selection(0, &start, &end);
        QCOMPARE(text->text(start, end), QStringLiteral("line 998 text\nline 999 text"));
        // Scrolling changes what it reads.
        view.scrollToRow(0);
        QVERIFY(text->text(0, text->characterCount()).startsWith(QStringLiteral("line 0 text\n")));
    }

    // Wrapping takes the rows on screen only; following keeps the last row whole in view.
    void wrapsLongLines()
    {
        QStandardItemModel model;
        for (int row = 0; row < 200; ++row)
            model.appendRow(new QStandardItem(
                QStringLiteral("row %1 ").arg(row) +
                QStringLiteral("lorem ipsum dolor sit amet ").repeated(8)));
        ui::LogView view;
        view.resize(400, 300);
        view.setWrap(true);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.follow());
        QCOMPARE(view.lastVisibleRow(), 199);
        const int wrappedRows = view.lastVisibleRow() - view.topRow() + 1;
        QVERIFY(wrappedRows * 3 <= view.verticalScrollBar()->pageStep() + 3);
        QCOMPARE(view.visibleLines().last(), model.item(199)->text());
        QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
        // Unwrapped: one screen line a row, and a horizontal range for the long lines.
        view.setWrap(false);
        QCOMPARE(view.lastVisibleRow(), 199);
        QVERIFY(view.lastVisibleRow() - view.topRow() + 1 >= view.verticalScrollBar()->pageStep());
        QTRY_VERIFY(view.horizontalScrollBar()->maximum() > 0);
        // A new row while following: still the last row in view, wrapped or not.
        view.setWrap(true);
        model.appendRow(new QStandardItem(QStringLiteral("short last line")));
        QVERIFY(view.follow());
        QCOMPARE(view.lastVisibleRow(), 200);
        QCOMPARE(view.visibleLines().last(), QStringLiteral("short last line"));
    }

    // The provider's matches are painted, and the current match's row differently.
    void searchHighlight()
    {
        CountingModel model(100);
        ui::LogView view;
        view.resize(500, 300);
        view.setModel(&model);
        QSet<int> asked;
        view.setMatchProvider([&asked](int row) {
            asked.insert(row);
            return row % 10 == 0 ? QList<QPair<int, int>>{{0, 4}} : QList<QPair<int, int>>{};
        });
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.scrollToRow(0);
        asked.clear();
        view.viewport()->repaint();
        // Only visible rows are asked.
        for (int row : std::as_const(asked))
            QVERIFY(row <= view.lastVisibleRow());
        QVERIFY(asked.contains(0));
        QVERIFY(asked.contains(10));
        const QImage image = view.viewport()->grab().toImage();
        const int lineHeight = view.fontMetrics().lineSpacing();
        const int x = view.textLeft() + view.charWidth();
        const QColor matchColor(0xff, 0xe0, 0x66);
        QCOMPARE(image.pixelColor(x, 10 * lineHeight + 1), matchColor);  // row 10: a match
        QVERIFY(image.pixelColor(x, 11 * lineHeight + 1) != matchColor); // row 11: none
        // The current match moves the view to it and is painted in the current colour.
        view.setCurrentMatchRow(90);
        QVERIFY(view.topRow() <= 90 && view.lastVisibleRow() >= 90);
        QVERIFY(!view.follow() || view.lastVisibleRow() == 99);
        view.viewport()->repaint();
        const QImage after = view.viewport()->grab().toImage();
        const int y = (90 - view.topRow()) * lineHeight + 1;
        QCOMPARE(after.pixelColor(x, y), QColor(0xff, 0x96, 0x32));
        const QString shots = QDir::currentPath() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        QVERIFY(view.grab().save(shots + QStringLiteral("/log-view.png")));
    }
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
