#pragma once

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QObject>
#include <QPoint>
#include <QRect>
#include <QString>

#include <vterm.h>

#include <vector>

namespace ui {

// One character cell as the terminal shows it: the text (a base character and its combining
// marks; empty for a blank and for the right half of a wide character), its width in cells
// (2 for CJK and other wide characters, 0 for a right half), colours resolved to RGB and the
// palette index each came from (-1 for a truecolour or default colour).
struct TerminalCell
{
    QString text;
    int width = 1;
    QColor foreground;
    QColor background;
    int foregroundIndex = -1;
    int backgroundIndex = -1;
    bool defaultForeground = true;
    bool defaultBackground = true;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool reverse = false;
    bool strike = false;

    bool sameStyle(const TerminalCell &o) const
    {
        return foreground == o.foreground && background == o.background && bold == o.bold &&
               italic == o.italic && underline == o.underline && reverse == o.reverse &&
               strike == o.strike;
    }
};

// libvterm's screen with a scrollback: bytes from the program in, cells, cursor and damage out,
// keys and text typed by the user turned into the bytes a terminal sends (output()). Rows are
// numbered from the top of the screen; negative rows are scrollback lines (-1 the newest).
// Lines scrolled off the top go into a ring of scrollbackLimit() lines (sb_pushline) and come
// back when the screen grows taller (sb_popline). The alternate screen keeps no scrollback, as
// xterm's does not.
class TerminalScreen : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultScrollback = 10000;

    TerminalScreen(int rows, int columns, QObject *parent = nullptr);
    ~TerminalScreen() override;

    void write(const QByteArray &bytes);
    void resize(int rows, int columns);
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }

    // A cell at `row` (negative: scrollback) and `column`; a blank default cell outside.
    TerminalCell cell(int row, int column) const;
    // A row's text with trailing blanks removed; wide characters once.
    QString rowText(int row) const;
    // The screen's rows joined by newlines (what assistive technology reads).
    QString screenText() const;

    int scrollbackSize() const { return int(m_scrollback.size()); }
    int scrollbackLimit() const { return m_scrollbackLimit; }
    // Lines that went into the scrollback minus those that came back, ever (a view scrolled
    // back follows its lines with it).
    qint64 linesScrolledOff() const { return m_scrolledOff; }
    void setScrollbackLimit(int lines);

    QPoint cursor() const { return m_cursor; } // x column, y row
    bool cursorVisible() const { return m_cursorVisible; }
    bool cursorBlinks() const { return m_cursorBlink; }
    bool altScreen() const { return m_altScreen; }
    QString title() const { return m_title; }

    QColor defaultForeground() const { return m_defaultFg; }
    QColor defaultBackground() const { return m_defaultBg; }
    void setDefaultColors(const QColor &foreground, const QColor &background);

    // What the user types: a key (VTermKey) or a character, with VTermModifier bits.
    void key(int vtermKey, int modifiers);
    void character(uint codePoint, int modifiers);
    // Whether the program asked for mouse events (htop, vim with mouse=a, less --mouse).
    bool wantsMouse() const { return m_mouseMode != VTERM_PROP_MOUSE_NONE; }
    // A mouse event at a screen cell: button 1-3 (4/5 the wheel), 0 for a move; sent only
    // as the program asked (clicks, drags or all moves).
    void mouse(int row, int column, int button, bool pressed, int modifiers);
    // Pasted text, bracketed when the program asked for it (ESC[?2004h).
    void paste(const QString &text);

signals:
    // Bytes for the program (keys, answers to queries).
    void output(const QByteArray &bytes);
    // Cells changed: x/y columns and rows of the screen.
    void damaged(const QRect &cells);
    void cursorChanged();
    void scrollbackChanged();
    void altScreenChanged(bool on);
    void titleChanged(const QString &title);
    void bell();

private:
    struct Line
    {
        std::vector<VTermScreenCell> cells;
    };
    static int onDamage(VTermRect rect, void *user);
    static int onMoveCursor(VTermPos pos, VTermPos oldpos, int visible, void *user);
    static int onSetTermProp(VTermProp prop, VTermValue *value, void *user);
    static int onBell(void *user);
    static int onPushLine(int cols, const VTermScreenCell *cells, void *user);
    static int onPopLine(int cols, VTermScreenCell *cells, void *user);
    static void onOutput(const char *bytes, size_t length, void *user);
    TerminalCell toCell(const VTermScreenCell &raw) const;
    void flushOutput();

    VTerm *m_vt;
    VTermScreen *m_screen;
    int m_rows;
    int m_columns;
    // The ring: m_scrollback[(m_head + i) % size] is the i-th oldest line.
    std::vector<Line> m_scrollback;
    size_t m_head = 0;
    int m_scrollbackLimit = kDefaultScrollback;
    QPoint m_cursor;
    bool m_cursorVisible = true;
    bool m_cursorBlink = false;
    bool m_altScreen = false;
    int m_mouseMode = VTERM_PROP_MOUSE_NONE;
    QString m_title;
    QColor m_defaultFg{0xd0, 0xd0, 0xd0};
    QColor m_defaultBg{0x1e, 0x1e, 0x1e};
    QByteArray m_pendingOutput;
    bool m_scrollbackDirty = false;
    qint64 m_scrolledOff = 0;

    const Line &sbLine(int indexFromOldest) const;
};

} // namespace ui
