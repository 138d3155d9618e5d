#include "ui/terminalwidget.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>

// TerminalWidget's selection, clipboard and mouse: cells selected from press to release (rows as
// TerminalScreen numbers them, so a selection in the scrollback works), a double click selects a
// word, the selection goes to the X selection, the middle button pastes it.

namespace ui {

namespace {

constexpr int kWheelLines = 3;

int mouseButton(Qt::MouseButton button)
{
    switch (button) {
    case Qt::LeftButton:
        return 1;
    case Qt::MiddleButton:
        return 2;
    case Qt::RightButton:
        return 3;
    default:
        return 0;
    }
}

int mouseModifiers(Qt::KeyboardModifiers m)
{
    return ((m & Qt::ShiftModifier) ? VTERM_MOD_SHIFT : 0) |
           ((m & Qt::AltModifier) ? VTERM_MOD_ALT : 0) |
           ((m & Qt::ControlModifier) ? VTERM_MOD_CTRL : 0);
}

} // namespace

// A program that asked for the mouse gets it, unless Shift is held (xterm's way to select
// anyway) or the view shows the scrollback.
bool TerminalWidget::reportMouse(QMouseEvent *event, bool pressed)
{
    if (!m_screen->wantsMouse() || m_scrollOffset > 0 ||
        (event->modifiers() & Qt::ShiftModifier))
        return false;
    const QPoint cell = cellAt(event->position().toPoint());
    const int button = event->type() == QEvent::MouseMove ? 0 : mouseButton(event->button());
    m_screen->mouse(cell.y(), cell.x(), button, pressed, mouseModifiers(event->modifiers()));
    return true;
}

void TerminalWidget::select(QPoint from, QPoint to)
{
    m_selectionStart = from;
    m_selectionEnd = to;
    update();
}

void TerminalWidget::clearSelection()
{
    if (m_selectionStart.x() < 0)
        return;
    m_selectionStart = m_selectionEnd = QPoint(-1, 0);
    update();
}

bool TerminalWidget::isSelected(int column, int row) const
{
    if (m_selectionStart.x() < 0 || m_selectionStart == m_selectionEnd)
        return false;
    QPoint a = m_selectionStart;
    QPoint b = m_selectionEnd;
    if (std::make_pair(b.y(), b.x()) < std::make_pair(a.y(), a.x()))
        std::swap(a, b);
    if (row < a.y() || row > b.y())
        return false;
    if (row == a.y() && column < a.x())
        return false;
    if (row == b.y() && column >= b.x())
        return false;
    return true;
}

QString TerminalWidget::selectedText() const
{
    if (m_selectionStart.x() < 0 || m_selectionStart == m_selectionEnd)
        return {};
    QPoint a = m_selectionStart;
    QPoint b = m_selectionEnd;
    if (std::make_pair(b.y(), b.x()) < std::make_pair(a.y(), a.x()))
        std::swap(a, b);
    QStringList lines;
    for (int row = a.y(); row <= b.y(); ++row) {
        QString line;
        const int from = row == a.y() ? a.x() : 0;
        const int to = row == b.y() ? b.x() : m_screen->columns();
        for (int c = from; c < to; ++c) {
            const TerminalCell cell = m_screen->cell(row, c);
            if (cell.width != 0)
                line += cell.text.isEmpty() ? QStringLiteral(" ") : cell.text;
        }
        while (line.endsWith(u' '))
            line.chop(1);
        lines.append(line);
    }
    return lines.join(u'\n');
}

void TerminalWidget::copy()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text, QClipboard::Clipboard);
}

void TerminalWidget::paste()
{
    const QString text = QGuiApplication::clipboard()->text(QClipboard::Clipboard);
    if (text.isEmpty())
        return;
    m_scrollOffset = 0;
    m_screen->paste(text);
}

void TerminalWidget::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (reportMouse(event, true))
        return;
    if (event->button() == Qt::LeftButton) {
        m_selecting = true;
        select(cellAt(event->position().toPoint()), cellAt(event->position().toPoint()));
    } else if (event->button() == Qt::MiddleButton) {
        const QString text = QGuiApplication::clipboard()->text(QClipboard::Selection);
        if (!text.isEmpty())
            m_screen->paste(text);
    }
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting && reportMouse(event, false))
        return;
    if (!m_selecting)
        return;
    QPoint end = cellAt(event->position().toPoint());
    // Past the right edge: the whole last cell.
    if (event->position().x() >= (m_screen->columns() - 1) * m_cell.width() + m_cell.width() / 2)
        end.setX(m_screen->columns());
    m_selectionEnd = end;
    update();
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_selecting && reportMouse(event, false))
        return;
    if (event->button() != Qt::LeftButton || !m_selecting)
        return;
    m_selecting = false;
    const QString text = selectedText();
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!text.isEmpty() && clipboard->supportsSelection())
        clipboard->setText(text, QClipboard::Selection);
}

void TerminalWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A word: the run of non-blank cells around the click.
    const QPoint at = cellAt(event->position().toPoint());
    auto blank = [this, &at](int c) {
        const QString t = m_screen->cell(at.y(), c).text;
        return t.isEmpty() || t == u" ";
    };
    if (blank(at.x()))
        return;
    int from = at.x();
    int to = at.x() + 1;
    while (from > 0 && !blank(from - 1))
        --from;
    while (to < m_screen->columns() && !blank(to))
        ++to;
    select(QPoint(from, at.y()), QPoint(to, at.y()));
    if (QGuiApplication::clipboard()->supportsSelection())
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
}

void TerminalWidget::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (m_screen->wantsMouse() && m_scrollOffset == 0 && steps != 0) {
        // The wheel as buttons 4 (up) and 5 (down), as xterm reports it.
        const QPoint cell = cellAt(event->position().toPoint());
        for (int i = 0; i < std::abs(steps); ++i)
            m_screen->mouse(cell.y(), cell.x(), steps > 0 ? 4 : 5, true,
                            mouseModifiers(event->modifiers()));
        event->accept();
        return;
    }
    if (steps != 0)
        scrollBy(steps * kWheelLines);
    event->accept();
}

} // namespace ui
