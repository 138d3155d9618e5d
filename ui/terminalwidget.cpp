#include "ui/terminalwidget.h"

#include <QAccessible>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTimer>

#include <algorithm>

namespace ui {

namespace {

constexpr int kBlinkMs = 530; // xterm's cursor blink
constexpr int kAccessibleDelayMs = 200; // screen readers hear a burst of output once

int modifiersOf(Qt::KeyboardModifiers m)
{
    int out = VTERM_MOD_NONE;
    if (m & Qt::ShiftModifier)
        out |= VTERM_MOD_SHIFT;
    if (m & Qt::AltModifier)
        out |= VTERM_MOD_ALT;
    if (m & Qt::ControlModifier)
        out |= VTERM_MOD_CTRL;
    return out;
}

// A Qt key that has a VTermKey; VTERM_KEY_NONE otherwise.
VTermKey vtermKey(int key)
{
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return VTERM_KEY_ENTER;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return VTERM_KEY_TAB;
    case Qt::Key_Backspace:
        return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape:
        return VTERM_KEY_ESCAPE;
    case Qt::Key_Up:
        return VTERM_KEY_UP;
    case Qt::Key_Down:
        return VTERM_KEY_DOWN;
    case Qt::Key_Left:
        return VTERM_KEY_LEFT;
    case Qt::Key_Right:
        return VTERM_KEY_RIGHT;
    case Qt::Key_Insert:
        return VTERM_KEY_INS;
    case Qt::Key_Delete:
        return VTERM_KEY_DEL;
    case Qt::Key_Home:
        return VTERM_KEY_HOME;
    case Qt::Key_End:
        return VTERM_KEY_END;
    case Qt::Key_PageUp:
        return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown:
        return VTERM_KEY_PAGEDOWN;
    default:
        break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return VTermKey(VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1));
    return VTERM_KEY_NONE;
}

// Keys the window keeps for itself while a terminal has focus (the pane's tab shortcuts).
bool isWindowShortcut(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers m = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (m == (Qt::ControlModifier | Qt::ShiftModifier))
        return key == Qt::Key_W || key == Qt::Key_T;
    if (m == Qt::ControlModifier)
        return key == Qt::Key_PageUp || key == Qt::Key_PageDown;
    return false;
}

bool isCopy(const QKeyEvent *e)
{
    return e->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier) && e->key() == Qt::Key_C;
}

bool isPaste(const QKeyEvent *e)
{
    return (e->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier) && e->key() == Qt::Key_V) ||
           (e->modifiers() == Qt::ShiftModifier && e->key() == Qt::Key_Insert);
}

} // namespace

TerminalWidget::TerminalWidget(QWidget *parent)
    : QWidget(parent), m_screen(new TerminalScreen(24, 80, this)), m_blink(new QTimer(this)),
      m_accessibleTimer(new QTimer(this))
{
    installTerminalAccessibility();
    setAccessibleName(tr("Terminal"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_InputMethodEnabled);
    setCursor(Qt::IBeamCursor);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::TypeWriter);
    font.setKerning(false);
    setFont(font);
    updateCellSize();

    connect(m_screen, &TerminalScreen::output, this, &TerminalWidget::input);
    connect(m_screen, &TerminalScreen::damaged, this, &TerminalWidget::onDamage);
    connect(m_screen, &TerminalScreen::titleChanged, this, &TerminalWidget::titleChanged);
    connect(m_screen, &TerminalScreen::cursorChanged, this, [this] {
        // The old and the new cursor cell.
        update(pixelRect(QRect(m_lastCursor.x() - 1, m_lastCursor.y(), 3, 1)));
        m_lastCursor = m_screen->cursor();
        update(pixelRect(QRect(m_lastCursor.x() - 1, m_lastCursor.y(), 3, 1)));
        m_blinkOn = true;
        if (m_screen->cursorBlinks() && hasFocus())
            m_blink->start();
        else
            m_blink->stop();
    });
    connect(m_screen, &TerminalScreen::altScreenChanged, this, [this] {
        m_scrollOffset = 0;
        update();
    });
    connect(m_screen, &TerminalScreen::scrollbackChanged, this, [this] {
        // A view scrolled back stays on its lines while output goes on below.
        const qint64 moved = m_screen->linesScrolledOff() - m_scrolledOff;
        m_scrolledOff = m_screen->linesScrolledOff();
        if (m_scrollOffset > 0)
            m_scrollOffset = int(std::clamp<qint64>(m_scrollOffset + moved, 0,
                                                    m_screen->scrollbackSize()));
    });
    m_accessibleTimer->setSingleShot(true);
    m_accessibleTimer->setInterval(kAccessibleDelayMs);
    connect(m_accessibleTimer, &QTimer::timeout, this, &TerminalWidget::announceText);
    m_blink->setInterval(kBlinkMs);
    connect(m_blink, &QTimer::timeout, this, [this] {
        m_blinkOn = !m_blinkOn;
        const QPoint c = m_screen->cursor();
        update(pixelRect(QRect(c.x() - 1, c.y(), 3, 1)));
    });
}

TerminalWidget::~TerminalWidget() = default;

void TerminalWidget::feed(const QByteArray &bytes)
{
    m_screen->write(bytes);
}

void TerminalWidget::updateCellSize()
{
    const QFontMetrics metrics(font());
    m_cell = QSize(std::max(1, metrics.horizontalAdvance(u'M')), std::max(1, metrics.height()));
    m_ascent = metrics.ascent();
    updateGeometry();
}

void TerminalWidget::setGridSize(int columns, int rows)
{
    if (columns == m_screen->columns() && rows == m_screen->rows())
        return;
    m_screen->resize(rows, columns);
    updateGeometry();
    update();
    emit sizeChanged(m_screen->columns(), m_screen->rows());
}

QSize TerminalWidget::sizeHint() const
{
    return QSize(m_screen->columns() * m_cell.width(), m_screen->rows() * m_cell.height());
}

QSize TerminalWidget::minimumSizeHint() const
{
    return QSize(20 * m_cell.width(), 5 * m_cell.height());
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int columns = std::max(1, width() / m_cell.width());
    const int rows = std::max(1, height() / m_cell.height());
    if (columns == m_screen->columns() && rows == m_screen->rows())
        return;
    m_screen->resize(rows, columns);
    update();
    emit sizeChanged(columns, rows);
}

void TerminalWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateCellSize();
        QResizeEvent resize(size(), size());
        resizeEvent(&resize);
        update();
    }
}

QRect TerminalWidget::pixelRect(const QRect &cells) const
{
    return QRect(cells.x() * m_cell.width(), (cells.y() + m_scrollOffset) * m_cell.height(),
                 cells.width() * m_cell.width(), cells.height() * m_cell.height());
}

QPoint TerminalWidget::cellAt(const QPoint &pixel) const
{
    const int column = std::clamp(pixel.x() / m_cell.width(), 0, m_screen->columns() - 1);
    const int viewRow = std::clamp(pixel.y() / m_cell.height(), 0, m_screen->rows() - 1);
    return QPoint(column, viewRow - m_scrollOffset);
}

void TerminalWidget::announceText()
{
    if (!QAccessible::isActive())
        return;
    const QString text = m_screen->screenText();
    if (text == m_announcedText)
        return;
    QAccessibleTextUpdateEvent update(this, 0, m_announcedText, text);
    QAccessible::updateAccessibility(&update);
    m_announcedText = text;
    const QPoint cursor = m_screen->cursor();
    int offset = 0;
    for (int r = 0; r < cursor.y(); ++r)
        offset += int(m_screen->rowText(r).size()) + 1;
    QAccessibleTextCursorEvent moved(
        this, offset + std::min(int(m_screen->rowText(cursor.y()).size()), cursor.x()));
    QAccessible::updateAccessibility(&moved);
}

void TerminalWidget::onDamage(const QRect &cells)
{
    if (QAccessible::isActive() && !m_accessibleTimer->isActive())
        m_accessibleTimer->start();
    if (m_scrollOffset > 0)
        update(); // the view shows scrollback: the live rows sit lower
    else
        update(pixelRect(cells.adjusted(-1, 0, 1, 0))); // wide characters spill into neighbours
}

void TerminalWidget::scrollBy(int lines)
{
    if (m_screen->altScreen())
        return;
    const int offset = std::clamp(m_scrollOffset + lines, 0, m_screen->scrollbackSize());
    if (offset == m_scrollOffset)
        return;
    m_scrollOffset = offset;
    update();
}

// Keyboard ----------------------------------------------------------------------------------

bool TerminalWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // A terminal takes every key (Ctrl+letters, Alt+letters, Escape) before the window's
        // shortcuts, except the pane's tab keys.
        auto *key = static_cast<QKeyEvent *>(event);
        if (!isWindowShortcut(key)) {
            event->accept();
            return true;
        }
        return QWidget::event(event);
    }
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
            keyPressEvent(key); // not focus navigation
            return true;
        }
    }
    return QWidget::event(event);
}

void TerminalWidget::returnToLiveScreen()
{
    if (m_scrollOffset > 0) {
        m_scrollOffset = 0;
        update();
    }
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (isCopy(event)) {
        copy();
        return;
    }
    if (isPaste(event)) {
        paste();
        return;
    }
    if (mods == Qt::ShiftModifier) {
        const int page = std::max(1, m_screen->rows() - 1);
        if (key == Qt::Key_PageUp) {
            scrollBy(page);
            return;
        }
        if (key == Qt::Key_PageDown) {
            scrollBy(-page);
            return;
        }
    }
    int vmods = modifiersOf(mods);
    const VTermKey special = vtermKey(key);
    if (special != VTERM_KEY_NONE) {
        if (key == Qt::Key_Backtab)
            vmods |= VTERM_MOD_SHIFT;
        returnToLiveScreen();
        m_screen->key(special, vmods);
        return;
    }
    if ((mods & Qt::ControlModifier) && key >= 0x20 && key < 0x7f) {
        // Ctrl+letter: the key, not the control character in text(), so libvterm encodes it.
        returnToLiveScreen();
        m_screen->character(uint(QChar::toLower(char32_t(key))), vmods & ~VTERM_MOD_SHIFT);
        return;
    }
    const QString text = event->text();
    if (text.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    returnToLiveScreen();
    // Shift is already in the character.
    for (const char32_t c : text.toUcs4())
        m_screen->character(uint(c), vmods & ~VTERM_MOD_SHIFT);
}

void TerminalWidget::inputMethodEvent(QInputMethodEvent *event)
{
    const QString text = event->commitString();
    if (!text.isEmpty()) {
        returnToLiveScreen();
        for (const char32_t c : text.toUcs4())
            m_screen->character(uint(c), VTERM_MOD_NONE);
    }
    event->accept();
}

QVariant TerminalWidget::inputMethodQuery(Qt::InputMethodQuery query) const
{
    if (query == Qt::ImCursorRectangle)
        return pixelRect(QRect(m_screen->cursor(), QSize(1, 1)));
    if (query == Qt::ImFont)
        return font();
    return QWidget::inputMethodQuery(query);
}

void TerminalWidget::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    m_blinkOn = true;
    if (m_screen->cursorBlinks())
        m_blink->start();
    update(pixelRect(QRect(m_screen->cursor(), QSize(1, 1))));
}

void TerminalWidget::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    m_blink->stop();
    m_blinkOn = true;
    update(pixelRect(QRect(m_screen->cursor(), QSize(1, 1))));
}

// Painting ----------------------------------------------------------------------------------

void TerminalWidget::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QRect area = event->rect();
    painter.fillRect(area, m_screen->defaultBackground());
    const int firstView = std::max(0, area.top() / m_cell.height());
    const int lastView = std::min(m_screen->rows() - 1, area.bottom() / m_cell.height());
    const int firstColumn = std::max(0, area.left() / m_cell.width() - 1);
    const int lastColumn = std::min(m_screen->columns() - 1, area.right() / m_cell.width() + 1);
    for (int view = firstView; view <= lastView; ++view)
        paintRow(painter, view, view - m_scrollOffset, firstColumn, lastColumn);

    // The cursor: a block (filled with focus, an outline without).
    const QPoint cursor = m_screen->cursor();
    if (m_screen->cursorVisible() && cursor.y() + m_scrollOffset < m_screen->rows() &&
        (m_blinkOn || !m_screen->cursorBlinks() || !hasFocus())) {
        const TerminalCell cell = m_screen->cell(cursor.y(), cursor.x());
        QRect box = pixelRect(QRect(cursor, QSize(std::max(1, cell.width), 1)));
        if (!box.intersects(area))
            return;
        const QColor fg = cell.reverse ? cell.background : cell.foreground;
        const QColor bg = cell.reverse ? cell.foreground : cell.background;
        if (hasFocus()) {
            painter.fillRect(box, fg);
            if (!cell.text.isEmpty()) {
                painter.setPen(bg);
                QFont f = font();
                f.setBold(cell.bold);
                painter.setFont(f);
                painter.drawText(QPoint(box.x(), box.y() + m_ascent), cell.text);
            }
        } else {
            painter.setPen(fg);
            painter.drawRect(box.adjusted(0, 0, -1, -1));
        }
    }
}

void TerminalWidget::paintRow(QPainter &painter, int viewRow, int row, int firstColumn,
                              int lastColumn)
{
    const int y = viewRow * m_cell.height();
    // A wide character whose right half is the first column starts one earlier.
    if (firstColumn > 0 && m_screen->cell(row, firstColumn).width == 0)
        --firstColumn;
    QString run;
    int runStart = 0;
    TerminalCell runStyle;
    QColor runPen;
    auto flush = [&] {
        if (run.isEmpty())
            return;
        QFont f = font();
        f.setBold(runStyle.bold);
        f.setItalic(runStyle.italic);
        f.setUnderline(runStyle.underline);
        f.setStrikeOut(runStyle.strike);
        painter.setFont(f);
        painter.setPen(runPen);
        painter.drawText(QPoint(runStart * m_cell.width(), y + m_ascent), run);
        run.clear();
    };
    for (int c = firstColumn; c <= lastColumn; ++c) {
        TerminalCell cell = m_screen->cell(row, c);
        if (cell.width == 0)
            continue;
        QColor fg = cell.foreground;
        QColor bg = cell.background;
        if (cell.reverse)
            std::swap(fg, bg);
        if (isSelected(c, row)) {
            fg = palette().color(QPalette::HighlightedText);
            bg = palette().color(QPalette::Highlight);
        }
        const int w = std::min(cell.width, m_screen->columns() - c);
        if (bg != m_screen->defaultBackground())
            painter.fillRect(QRect(c * m_cell.width(), y, w * m_cell.width(), m_cell.height()),
                             bg);
        const bool plain = cell.width == 1 && cell.text.size() == 1 && cell.text.at(0).unicode() < 0x7f;
        if (cell.text.isEmpty() || cell.text == u" ") {
            flush();
            if (cell.underline || cell.strike) { // a styled blank still shows its line
                cell.text = QStringLiteral(" ");
            } else {
                continue;
            }
        }
        if (!plain || run.isEmpty() || !cell.sameStyle(runStyle) || fg != runPen) {
            flush();
            runStart = c;
            runStyle = cell;
            runPen = fg;
        }
        run += cell.text;
        if (!plain)
            flush(); // wide and non-ASCII glyphs are placed on their own cell
    }
    flush();
}

} // namespace ui
