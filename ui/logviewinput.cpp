#include "ui/logview.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>

// LogView's selection of lines, copying, and the keys and mouse that drive them.

namespace ui {

QPair<int, int> LogView::selection() const
{
    if (m_anchor < 0 || m_cursor < 0)
        return {-1, -1};
    return {qMin(m_anchor, m_cursor), qMax(m_anchor, m_cursor)};
}

void LogView::setSelection(int first, int last)
{
    const int rows = rowCount();
    if (first < 0 || rows == 0) {
        m_anchor = m_cursor = -1;
    } else {
        m_anchor = qBound(0, first, rows - 1);
        m_cursor = qBound(0, last, rows - 1);
    }
    viewport()->update();
    emit selectionChanged();
}

void LogView::selectAll()
{
    setSelection(0, rowCount() - 1);
}

QString LogView::linesText(int first, int last) const
{
    QString text;
    if (!m_model)
        return text;
    for (int row = qMax(0, first); row <= last && row < rowCount(); ++row) {
        const Line line = readLine(row);
        if (!text.isEmpty() || row > first)
            text += u'\n';
        if (!line.marker()) {
            if (m_timestamps && !line.timestamp.isEmpty())
                text += line.timestamp + u' ';
            if (m_source && !line.source.isEmpty())
                text += line.source + u' ';
        }
        text += line.text;
    }
    return text;
}

void LogView::copy()
{
    const auto [first, last] = selection();
    if (first < 0)
        return;
    const qint64 selected = qint64(last) - first + 1;
    const int copied = int(qMin<qint64>(selected, maxCopyLines()));
    QGuiApplication::clipboard()->setText(linesText(first, first + copied - 1));
    if (copied < selected)
        emit copyTruncated(copied, selected);
}

QStringList LogView::visibleLines() const
{
    QStringList lines;
    const int last = lastVisibleRow();
    for (int row = topRow(); row <= last && row >= 0; ++row)
        lines.append(linesText(row, row));
    return lines;
}


void LogView::moveCursor(int row, bool extend)
{
    const int rows = rowCount();
    if (rows == 0)
        return;
    row = qBound(0, row, rows - 1);
    if (!extend || m_anchor < 0)
        m_anchor = row;
    m_cursor = row;
    scrollToRow(row);
    viewport()->update();
    emit selectionChanged();
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const int page = rowsPerPage();
    const bool cursorMode = m_cursor >= 0 || shift;
    const int from = m_cursor >= 0 ? m_cursor : (event->key() == Qt::Key_Up ||
                                                 event->key() == Qt::Key_PageUp
                                                     ? lastVisibleRow()
                                                     : topRow());
    QScrollBar *bar = verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_Up:
        cursorMode ? moveCursor(from - 1, shift) : bar->setValue(bar->value() - 1);
        return;
    case Qt::Key_Down:
        cursorMode ? moveCursor(from + 1, shift) : bar->setValue(bar->value() + 1);
        return;
    case Qt::Key_PageUp:
        cursorMode ? moveCursor(from - page, shift) : bar->setValue(bar->value() - page);
        return;
    case Qt::Key_PageDown:
        cursorMode ? moveCursor(from + page, shift) : bar->setValue(bar->value() + page);
        return;
    case Qt::Key_Home:
        if (cursorMode)
            moveCursor(0, shift);
        bar->setValue(0);
        return;
    case Qt::Key_End:
        if (cursorMode)
            moveCursor(rowCount() - 1, shift);
        setFollow(true);
        return;
    case Qt::Key_Escape:
        if (m_anchor >= 0) {
            setSelection(-1, -1);
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const int row = rowAt(event->position().toPoint().y());
    if (row < 0)
        return;
    m_dragging = true;
    moveCursor(row, event->modifiers() & Qt::ShiftModifier);
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const int y = event->position().toPoint().y();
    QScrollBar *bar = verticalScrollBar();
    if (y < 0)
        bar->setValue(bar->value() - 1);
    else if (y >= viewport()->height())
        bar->setValue(bar->value() + 1);
    const int row = rowAt(qBound(0, y, viewport()->height() - 1));
    if (row >= 0 && row != m_cursor) {
        m_cursor = row;
        viewport()->update();
        emit selectionChanged();
    }
}

void LogView::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragging = false;
    event->accept();
}

} // namespace ui
