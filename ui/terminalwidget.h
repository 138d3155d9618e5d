#pragma once

#include "ui/terminalscreen.h"

#include <QPoint>
#include <QRect>
#include <QWidget>

class QTimer;

namespace ui {

// A terminal emulator on libvterm (TerminalScreen): a fixed-pitch grid of cells painted with
// their 16/256/truecolour colours and bold, italic, underline, reverse and strike; a block cursor
// (blinking when the program asks); the alternate screen; 10,000 lines of scrollback (mouse
// wheel, Shift+PgUp/PgDn); mouse selection copied with Ctrl+Shift+C (and into the X selection),
// pasted with Ctrl+Shift+V or the middle button; keys turned into a terminal's bytes by libvterm
// (arrows, Home/End, PgUp/PgDn, F1–F12, Ctrl and Alt). Its size in cells follows the widget and
// the font (sizeChanged), so the exec's resize channel can tell the program. Wide (CJK)
// characters take two cells. A program that asks for the mouse (htop, vim) gets clicks, drags
// and the wheel unless Shift is held. Only damaged cells are repainted. Assistive technology reads the
// screen's text through a QAccessibleTextInterface (accessible name "Terminal").
class TerminalWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    TerminalScreen *screen() const { return m_screen; }
    // Program output to show.
    void feed(const QByteArray &bytes);
    int columns() const { return m_screen->columns(); }
    int rows() const { return m_screen->rows(); }
    QSize cellSize() const { return m_cell; }
    // Sets the grid to `columns` x `rows` cells (the widget's size hint follows).
    void setGridSize(int columns, int rows);

    // How many lines the view is scrolled back (0: the live screen).
    int scrollOffset() const { return m_scrollOffset; }
    void scrollBy(int lines);

    // The selection in (column, row) cells, rows as TerminalScreen numbers them; empty text when
    // nothing is selected.
    void select(QPoint from, QPoint to);
    void clearSelection();
    QString selectedText() const;
    void copy();
    void paste();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // Bytes the user typed (and the terminal's answers) for the program.
    void input(const QByteArray &bytes);
    // The grid's size in cells changed.
    void sizeChanged(int columns, int rows);
    void titleChanged(const QString &title);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateCellSize();
    void onDamage(const QRect &cells);
    QPoint cellAt(const QPoint &pixel) const; // (column, screen row)
    QRect pixelRect(const QRect &cells) const;  // cells of the view (rows from its top)
    bool isSelected(int column, int row) const;
    bool reportMouse(QMouseEvent *event, bool pressed);
    void paintRow(class QPainter &painter, int viewRow, int row, int firstColumn, int lastColumn);
    void announceText(); // tells assistive technology the screen's text changed
    void returnToLiveScreen(); // typing shows the live screen again

    TerminalScreen *m_screen;
    QSize m_cell{8, 16};
    int m_ascent = 12;
    int m_scrollOffset = 0;
    qint64 m_scrolledOff = 0; // the screen's linesScrolledOff() when last seen
    QPoint m_selectionStart{-1, 0};
    QPoint m_selectionEnd{-1, 0};
    bool m_selecting = false;
    QTimer *m_blink;
    QTimer *m_accessibleTimer;
    QString m_announcedText;
    bool m_blinkOn = true;
    QPoint m_lastCursor;
};

// Registers the accessibility factory for TerminalWidget (once; the constructor calls it).
void installTerminalAccessibility();

} // namespace ui
