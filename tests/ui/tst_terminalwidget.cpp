#include "ui/terminalwidget.h"

#include "tests/common/signalbytes.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using tests::joined;

using ui::TerminalCell;
using ui::TerminalWidget;

// The terminal widget fed recorded escape sequences (what bash, vim, ls --color and htop
// write): cells, colours, cursor, alternate screen, scrollback, wide characters, keys and
// selection. The 256-colour expectations are xterm's palette (16 + 36r + 6g + b, levels
// 0,95,135,175,215,255; 232–255 grey 8 + 10n), which libvterm follows.
class tst_TerminalWidget : public QObject
{
    Q_OBJECT

private:
private slots:
    void colours_data()
    {
        QTest::addColumn<QByteArray>("sequence");
        QTest::addColumn<bool>("background");
        QTest::addColumn<int>("index");
        QTest::addColumn<QColor>("colour");
        QTest::newRow("16: red") << QByteArray("\x1b[31mX") << false << 1 << QColor(205, 49, 49);
        QTest::newRow("16: bright green") << QByteArray("\x1b[92mX") << false << 10 << QColor();
        QTest::newRow("16: blue background") << QByteArray("\x1b[44mX") << true << 4 << QColor();
        QTest::newRow("256: orange") << QByteArray("\x1b[38;5;202mX") << false << 202
                                     << QColor(255, 95, 0);
        QTest::newRow("256: grey background")
            << QByteArray("\x1b[48;5;240mX") << true << 240 << QColor(88, 88, 88);
        QTest::newRow("256: cube blue") << QByteArray("\x1b[38;5;27mX") << false << 27
                                        << QColor(0, 95, 255);
        QTest::newRow("truecolour") << QByteArray("\x1b[38;2;10;20;30mX") << false << -1
                                    << QColor(10, 20, 30);
        QTest::newRow("truecolour background")
            << QByteArray("\x1b[48;2;200;100;50mX") << true << -1 << QColor(200, 100, 50);
    }

    void colours()
    {
        QFETCH(QByteArray, sequence);
        QFETCH(bool, background);
        QFETCH(int, index);
        QFETCH(QColor, colour);
        TerminalWidget terminal;
        terminal.feed(sequence + "\x1b[0mY");
        const TerminalCell cell = terminal.screen()->cell(0, 0);
        QCOMPARE(cell.text, QStringLiteral("X"));
        QCOMPARE(background ? cell.backgroundIndex : cell.foregroundIndex, index);
        QCOMPARE(background ? cell.defaultBackground : cell.defaultForeground, false);
        if (colour.isValid())
            QCOMPARE(background ? cell.background : cell.foreground, colour);
        // SGR 0 resets to the defaults.
        const TerminalCell after = terminal.screen()->cell(0, 1);
        QVERIFY(after.defaultForeground && after.defaultBackground);
        QCOMPARE(after.foreground, terminal.screen()->defaultForeground());
    }

    void attributes_data()
    {
        QTest::addColumn<QByteArray>("sequence");
        QTest::addColumn<bool>("bold");
        QTest::addColumn<bool>("underline");
        QTest::addColumn<bool>("reverse");
        QTest::newRow("bold") << QByteArray("\x1b[1mX") << true << false << false;
        QTest::newRow("underline") << QByteArray("\x1b[4mX") << false << true << false;
        QTest::newRow("reverse") << QByteArray("\x1b[7mX") << false << false << true;
        QTest::newRow("all, combined") << QByteArray("\x1b[1;4;7mX") << true << true << true;
    }

    void attributes()
    {
        QFETCH(QByteArray, sequence);
        QFETCH(bool, bold);
        QFETCH(bool, underline);
        QFETCH(bool, reverse);
        TerminalWidget terminal;
        terminal.feed(sequence);
        const TerminalCell cell = terminal.screen()->cell(0, 0);
        QCOMPARE(cell.bold, bold);
        QCOMPARE(cell.underline, underline);
        QCOMPARE(cell.reverse, reverse);
    }

    void cursorMoves_data()
    {
        QTest::addColumn<QByteArray>("sequence");
        QTest::addColumn<QPoint>("cursor");
        QTest::addColumn<QPoint>("written"); // where "x" landed, (-1,-1): nothing written
        QTest::newRow("CUP row 5 col 10") << QByteArray("\x1b[5;10Hx") << QPoint(10, 4)
                                          << QPoint(9, 4);
        QTest::newRow("home after text") << QByteArray("abc\x1b[H") << QPoint(0, 0)
                                         << QPoint(-1, -1);
        QTest::newRow("back 2") << QByteArray("abcd\x1b[2Dx") << QPoint(3, 0) << QPoint(2, 0);
        QTest::newRow("down 3, forward 4")
            << QByteArray("\x1b[3B\x1b[4Cx") << QPoint(5, 3) << QPoint(4, 3);
        QTest::newRow("CR LF") << QByteArray("abc\r\nx") << QPoint(1, 1) << QPoint(0, 1);
        QTest::newRow("save and restore")
            << QByteArray("ab\x1b" "7\x1b[10;10Hzz\x1b" "8x") << QPoint(3, 0) << QPoint(2, 0);
    }

    void cursorMoves()
    {
        QFETCH(QByteArray, sequence);
        QFETCH(QPoint, cursor);
        QFETCH(QPoint, written);
        TerminalWidget terminal;
        terminal.feed(sequence);
        QCOMPARE(terminal.screen()->cursor(), cursor);
        if (written.x() >= 0)
            QCOMPARE(terminal.screen()->cell(written.y(), written.x()).text, QStringLiteral("x"));
    }

    void alternateScreen()
    {
        TerminalWidget terminal;
        QSignalSpy alt(terminal.screen(), &ui::TerminalScreen::altScreenChanged);
        terminal.feed("main screen\r\n$ ");
        terminal.feed("\x1b[?1049h\x1b[H\x1b[2J"); // vim and less enter it so
        QVERIFY(terminal.screen()->altScreen());
        QCOMPARE(terminal.screen()->rowText(0), QString());
        terminal.feed("full-screen program");
        QCOMPARE(terminal.screen()->rowText(0), QStringLiteral("full-screen program"));
        terminal.feed("\x1b[?1049l");
        QVERIFY(!terminal.screen()->altScreen());
        QCOMPARE(terminal.screen()->rowText(0), QStringLiteral("main screen"));
        QCOMPARE(terminal.screen()->cursor(), QPoint(2, 1)); // restored
        QCOMPARE(alt.size(), 2);
    }

    void resizeFollowsTheWidget()
    {
        TerminalWidget terminal;
        QSignalSpy size(&terminal, &TerminalWidget::sizeChanged);
        const QSize cell = terminal.cellSize();
        terminal.resize(100 * cell.width() + cell.width() / 2, 30 * cell.height());
        terminal.show();
        QVERIFY(QTest::qWaitForWindowExposed(&terminal));
        QTRY_VERIFY(!size.isEmpty());
        QCOMPARE(size.constLast().at(0).toInt(), 100);
        QCOMPARE(size.constLast().at(1).toInt(), 30);
        QCOMPARE(terminal.columns(), 100);
        QCOMPARE(terminal.rows(), 30);

        // Content stays; rows that leave the top go to the scrollback and come back when the
        // terminal grows again (libvterm 0.1.4 does not rewrap lines on a width change).
        for (int i = 1; i <= 30; ++i)
            terminal.feed(QByteArray("row ") + QByteArray::number(i) + (i < 30 ? "\r\n" : ""));
        QCOMPARE(terminal.screen()->rowText(29), QStringLiteral("row 30"));
        terminal.resize(60 * cell.width(), 10 * cell.height());
        QTRY_COMPARE(size.constLast().at(1).toInt(), 10);
        QCOMPARE(size.constLast().at(0).toInt(), 60);
        QCOMPARE(terminal.screen()->rowText(9), QStringLiteral("row 30"));
        QCOMPARE(terminal.screen()->rowText(-1), QStringLiteral("row 20"));
        terminal.resize(60 * cell.width(), 20 * cell.height());
        QTRY_COMPARE(terminal.rows(), 20);
        QCOMPARE(terminal.screen()->rowText(0), QStringLiteral("row 11"));
        QCOMPARE(terminal.screen()->rowText(19), QStringLiteral("row 30"));
    }

    void scrollbackKeepsTenThousand()
    {
        TerminalWidget terminal;
        terminal.setGridSize(80, 24);
        QByteArray all;
        for (int i = 1; i <= 20000; ++i)
            all += "line " + QByteArray::number(i) + "\r\n";
        QElapsedTimer timer;
        timer.start();
        terminal.feed(all);
        qInfo("20,000 lines (%lld bytes) fed in %lld ms", qint64(all.size()), timer.elapsed());
        // The screen shows lines 19978..20000 and the empty line after; 19977 scrolled off.
        QCOMPARE(terminal.screen()->rowText(0), QStringLiteral("line 19978"));
        QCOMPARE(terminal.screen()->scrollbackSize(), 10000);
        QCOMPARE(terminal.screen()->rowText(-1), QStringLiteral("line 19977"));
        QCOMPARE(terminal.screen()->rowText(-10000), QStringLiteral("line 9978"));
        // Shift+PgUp pages back; typing returns to the live screen.
        QSignalSpy input(&terminal, &TerminalWidget::input);
        QTest::keyClick(&terminal, Qt::Key_PageUp, Qt::ShiftModifier);
        QCOMPARE(terminal.scrollOffset(), 23);
        QVERIFY(input.isEmpty());
        // Output meanwhile: the view stays on the same lines.
        terminal.feed("more 1\r\nmore 2\r\n");
        QCOMPARE(terminal.scrollOffset(), 25);
        QTest::keyClick(&terminal, Qt::Key_A);
        QCOMPARE(terminal.scrollOffset(), 0);
        QCOMPARE(joined(input), QByteArray("a"));
    }

    void wideCharacters()
    {
        TerminalWidget terminal;
        terminal.feed(QStringLiteral("中文ab").toUtf8());
        const ui::TerminalScreen *screen = terminal.screen();
        QCOMPARE(screen->cell(0, 0).text, QStringLiteral("中"));
        QCOMPARE(screen->cell(0, 0).width, 2);
        QCOMPARE(screen->cell(0, 1).width, 0); // the right half
        QCOMPARE(screen->cell(0, 2).text, QStringLiteral("文"));
        QCOMPARE(screen->cell(0, 2).width, 2);
        QCOMPARE(screen->cell(0, 4).text, QStringLiteral("a"));
        QCOMPARE(screen->cell(0, 4).width, 1);
        QCOMPARE(screen->cursor(), QPoint(6, 0));
        QCOMPARE(screen->rowText(0), QStringLiteral("中文ab"));
    }

    void accessibleText()
    {
        TerminalWidget terminal;
        terminal.show();
        QVERIFY(QTest::qWaitForWindowExposed(&terminal));
        terminal.feed("hello\r\n\x1b[32mworld\x1b[0m  \r\n$ ");
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&terminal);
        QVERIFY(accessible);
        QCOMPARE(accessible->role(), QAccessible::Terminal);
        QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Terminal"));
        QAccessibleTextInterface *text = accessible->textInterface();
        QVERIFY(text);
        const QString screen = terminal.screen()->screenText();
        QVERIFY(screen.startsWith(u"hello\nworld\n$"));
        QCOMPARE(text->characterCount(), screen.size());
        QCOMPARE(text->text(0, text->characterCount()), screen);
        // The rows are trimmed: the cursor after "$ " is at the end of "$".
        QCOMPARE(text->cursorPosition(), int(QStringLiteral("hello\nworld\n$").size()));
    }

    void keys_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("Enter") << int(Qt::Key_Return) << 0 << QByteArray("\r");
        QTest::newRow("Backspace") << int(Qt::Key_Backspace) << 0 << QByteArray("\x7f");
        QTest::newRow("Tab") << int(Qt::Key_Tab) << 0 << QByteArray("\t");
        QTest::newRow("Up") << int(Qt::Key_Up) << 0 << QByteArray("\x1b[A");
        QTest::newRow("Left") << int(Qt::Key_Left) << 0 << QByteArray("\x1b[D");
        QTest::newRow("Home") << int(Qt::Key_Home) << 0 << QByteArray("\x1b[H");
        QTest::newRow("End") << int(Qt::Key_End) << 0 << QByteArray("\x1b[F");
        QTest::newRow("PgUp") << int(Qt::Key_PageUp) << 0 << QByteArray("\x1b[5~");
        QTest::newRow("Delete") << int(Qt::Key_Delete) << 0 << QByteArray("\x1b[3~");
        QTest::newRow("F1") << int(Qt::Key_F1) << 0 << QByteArray("\x1bOP");
        QTest::newRow("F5") << int(Qt::Key_F5) << 0 << QByteArray("\x1b[15~");
        QTest::newRow("Ctrl+C") << int(Qt::Key_C) << int(Qt::ControlModifier)
                                << QByteArray("\x03");
        QTest::newRow("Ctrl+D") << int(Qt::Key_D) << int(Qt::ControlModifier)
                                << QByteArray("\x04");
        QTest::newRow("Alt+b") << int(Qt::Key_B) << int(Qt::AltModifier) << QByteArray("\x1b" "b");
        QTest::newRow("Ctrl+Up") << int(Qt::Key_Up) << int(Qt::ControlModifier)
                                 << QByteArray("\x1b[1;5A");
        QTest::newRow("Escape") << int(Qt::Key_Escape) << 0 << QByteArray("\x1b");
    }

    void keys()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QByteArray, bytes);
        TerminalWidget terminal;
        QSignalSpy input(&terminal, &TerminalWidget::input);
        QTest::keyClick(&terminal, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QCOMPARE(joined(input), bytes);
    }

    void applicationCursorKeys()
    {
        // vim and less switch the arrows to SS3 (DECCKM).
        TerminalWidget terminal;
        QSignalSpy input(&terminal, &TerminalWidget::input);
        terminal.feed("\x1b[?1h");
        QTest::keyClick(&terminal, Qt::Key_Up);
        QCOMPARE(joined(input), QByteArray("\x1bOA"));
    }

    void selectionAndClipboard()
    {
        TerminalWidget terminal;
        terminal.show();
        QVERIFY(QTest::qWaitForWindowExposed(&terminal));
        terminal.feed("hello world\r\nsecond line");
        const QSize cell = terminal.cellSize();
        // Drag from "world" to the end of "second".
        const QPoint from(6 * cell.width() + 1, cell.height() / 2);
        const QPoint to(6 * cell.width() + 1, cell.height() + cell.height() / 2);
        QTest::mousePress(&terminal, Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, to, terminal.mapToGlobal(to), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&terminal, &move);
        QTest::mouseRelease(&terminal, Qt::LeftButton, {}, to);
        QCOMPARE(terminal.selectedText(), QStringLiteral("world\nsecond"));
        QTest::keyClick(&terminal, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("world\nsecond"));

        // Paste: line ends become CR; bracketed when the program asked for it.
        QSignalSpy input(&terminal, &TerminalWidget::input);
        QGuiApplication::clipboard()->setText(QStringLiteral("ls\npwd"));
        QTest::keyClick(&terminal, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(joined(input), QByteArray("ls\rpwd"));
        input.clear();
        terminal.feed("\x1b[?2004h");
        QTest::keyClick(&terminal, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(joined(input), QByteArray("\x1b[200~ls\rpwd\x1b[201~"));
    }

    void mouseReporting()
    {
        // htop and vim (mouse=a) ask for clicks: the press and release at cell (3, 1) go to the
        // program (X10 encoding: ESC [ M, button+32, column+33, row+33); with Shift held the
        // mouse selects instead.
        TerminalWidget terminal;
        terminal.show();
        QVERIFY(QTest::qWaitForWindowExposed(&terminal));
        terminal.feed("\x1b[?1000h");
        QSignalSpy input(&terminal, &TerminalWidget::input);
        const QSize cell = terminal.cellSize();
        const QPoint at(3 * cell.width() + 1, cell.height() + 1);
        QTest::mouseClick(&terminal, Qt::LeftButton, {}, at);
        QCOMPARE(joined(input), QByteArray("\x1b[M" " $\"" "\x1b[M" "#$\""));
        input.clear();
        terminal.feed("hello");
        QTest::mousePress(&terminal, Qt::LeftButton, Qt::ShiftModifier, QPoint(1, 1));
        QTest::mouseRelease(&terminal, Qt::LeftButton, Qt::ShiftModifier, QPoint(1, 1));
        QVERIFY(input.isEmpty());
    }

    void paintsCells()
    {
        // What is painted: the red background of a cell and the cursor block.
        TerminalWidget terminal;
        terminal.setGridSize(20, 4);
        terminal.resize(terminal.sizeHint());
        terminal.feed("\x1b[41m  \x1b[0m");
        const QImage image = terminal.grab().toImage();
        const QSize cell = terminal.cellSize();
        QCOMPARE(image.pixelColor(cell.width() / 2, cell.height() / 2), QColor(205, 49, 49)); // the palette's red
        QCOMPARE(image.pixelColor(10 * cell.width() + 2, 2 * cell.height() + 2),
                 terminal.screen()->defaultBackground());

        // A full repaint of a 120x40 screen of coloured text (ls --color), measured.
        terminal.setGridSize(120, 40);
        terminal.resize(terminal.sizeHint());
        QByteArray page = "\x1b[H\x1b[2J";
        for (int row = 0; row < 40; ++row) {
            for (int word = 0; word < 12; ++word)
                page += "\x1b[38;5;" + QByteArray::number(16 + (row * 12 + word) % 216) +
                        "mfile-" + QByteArray::number(word) + "\x1b[0m ";
            page += row < 39 ? "\r\n" : "";
        }
        terminal.feed(page);
        QElapsedTimer timer;
        timer.start();
        constexpr int kFrames = 20;
        for (int i = 0; i < kFrames; ++i)
            terminal.grab();
        qInfo("full repaint of 120x40 coloured cells: %.1f ms per frame (offscreen, %d frames)",
              double(timer.elapsed()) / kFrames, kFrames);
        QCOMPARE(terminal.screen()->cell(0, 0).foregroundIndex, 16);
    }

    // A picture of what the widget draws: the 16 colours, a 256-colour ramp, truecolour,
    // attributes, CJK and a selection, to screenshots/terminal-colours.png.
    void screenshot()
    {
        TerminalWidget terminal;
        terminal.setGridSize(72, 12);
        terminal.resize(terminal.sizeHint());
        terminal.show();
        QVERIFY(QTest::qWaitForWindowExposed(&terminal));
        QByteArray demo = "16: ";
        for (int i = 0; i < 16; ++i)
            demo += "\x1b[" + QByteArray::number(i < 8 ? 40 + i : 100 + i - 8) + "m  ";
        demo += "\x1b[0m\r\n256: ";
        for (int i = 16; i < 232; i += 4)
            demo += "\x1b[48;5;" + QByteArray::number(i) + "m ";
        demo += "\x1b[0m\r\ntruecolour: ";
        for (int i = 0; i < 48; ++i)
            demo += "\x1b[48;2;" + QByteArray::number(i * 5) + ";80;" +
                    QByteArray::number(255 - i * 5) + "m ";
        demo += "\x1b[0m\r\n\x1b[1mbold\x1b[0m \x1b[4munderline\x1b[0m \x1b[7mreverse\x1b[0m "
                "\x1b[3mitalic\x1b[0m \x1b[31mred\x1b[0m \x1b[38;5;208morange\x1b[0m "
                "\x1b[38;2;120;200;255msky\x1b[0m\r\n";
        demo += QStringLiteral("CJK: 中文字符宽度为二 | ok\r\n").toUtf8();
        demo += "root@web:/# ls --color\r\n\x1b[01;34mbin\x1b[0m  \x1b[01;34metc\x1b[0m  "
                "\x1b[01;32mrun.sh\x1b[0m  notes.txt\r\nroot@web:/# ";
        terminal.feed(demo);
        terminal.select(QPoint(0, 5), QPoint(11, 5));
        terminal.setFocus();
        const QString shots = QDir::currentPath() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        QVERIFY(terminal.grab().save(shots + QStringLiteral("/terminal-colours.png")));
        QCOMPARE(terminal.selectedText(), QStringLiteral("root@web:/#"));
    }
};

QTEST_MAIN(tst_TerminalWidget)
#include "tst_terminalwidget.moc"
