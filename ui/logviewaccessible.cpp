#include "ui/logviewaccessible.h"

#include "ui/logview.h"

#include <QScrollBar>

namespace ui {

namespace {

QAccessibleInterface *logViewFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String(LogView::staticMetaObject.className()) && object &&
        object->isWidgetType())
        return new LogViewAccessible(static_cast<LogView *>(object));
    return nullptr;
}

} // namespace

void installLogViewAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(logViewFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

LogViewAccessible::LogViewAccessible(LogView *view)
    : QAccessibleWidget(view, QAccessible::Terminal)
{
}

LogView *LogViewAccessible::view() const
{
    return static_cast<LogView *>(widget());
}

void *LogViewAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::TextInterface)
        return static_cast<QAccessibleTextInterface *>(this);
    return QAccessibleWidget::interface_cast(type);
}

QString LogViewAccessible::text(QAccessible::Text t) const
{
    if (t == QAccessible::Value)
        return visibleText();
    return QAccessibleWidget::text(t);
}

QString LogViewAccessible::visibleText() const
{
    return view()->visibleLines().join(u'\n');
}

int LogViewAccessible::offsetOfLine(int line) const
{
    const QStringList lines = view()->visibleLines();
    int offset = 0;
    for (int i = 0; i < line && i < lines.size(); ++i)
        offset += int(lines.at(i).size()) + 1;
    return offset;
}

int LogViewAccessible::lineOf(int offset, int *lineStart) const
{
    const QStringList lines = view()->visibleLines();
    int start = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const int end = start + int(lines.at(i).size());
        if (offset <= end || i == lines.size() - 1) {
            *lineStart = start;
            return i;
        }
        start = end + 1;
    }
    *lineStart = 0;
    return -1;
}

void LogViewAccessible::selection(int selectionIndex, int *startOffset, int *endOffset) const
{
    *startOffset = *endOffset = 0;
    if (selectionIndex != 0)
        return;
    const auto [first, last] = view()->selection();
    const int top = view()->topRow();
    const int bottom = view()->lastVisibleRow();
    if (first < 0 || last < top || first > bottom)
        return;
    const int firstLine = qMax(first, top) - top;
    const int lastLine = qMin(last, bottom) - top;
    *startOffset = offsetOfLine(firstLine);
    const QStringList lines = view()->visibleLines();
    *endOffset = offsetOfLine(lastLine) + int(lines.value(lastLine).size());
}

int LogViewAccessible::selectionCount() const
{
    int start = 0;
    int end = 0;
    selection(0, &start, &end);
    return end > start ? 1 : 0;
}

void LogViewAccessible::addSelection(int startOffset, int endOffset)
{
    setSelection(0, startOffset, endOffset);
}

void LogViewAccessible::removeSelection(int selectionIndex)
{
    if (selectionIndex == 0)
        view()->setSelection(-1, -1);
}

void LogViewAccessible::setSelection(int selectionIndex, int startOffset, int endOffset)
{
    if (selectionIndex != 0)
        return;
    int lineStart = 0;
    const int first = lineOf(startOffset, &lineStart);
    const int last = lineOf(qMax(startOffset, endOffset - 1), &lineStart);
    if (first >= 0)
        view()->setSelection(view()->topRow() + first, view()->topRow() + last);
}

int LogViewAccessible::cursorPosition() const
{
    const auto [first, last] = view()->selection();
    Q_UNUSED(last);
    const int top = view()->topRow();
    if (first < top || first > view()->lastVisibleRow())
        return 0;
    return offsetOfLine(first - top);
}

void LogViewAccessible::setCursorPosition(int position)
{
    int lineStart = 0;
    const int line = lineOf(position, &lineStart);
    if (line >= 0)
        view()->setSelection(view()->topRow() + line, view()->topRow() + line);
}

QString LogViewAccessible::text(int startOffset, int endOffset) const
{
    const QString all = visibleText();
    startOffset = qBound(0, startOffset, int(all.size()));
    endOffset = qBound(startOffset, endOffset, int(all.size()));
    return all.mid(startOffset, endOffset - startOffset);
}

int LogViewAccessible::characterCount() const
{
    return int(visibleText().size());
}

QRect LogViewAccessible::characterRect(int offset) const
{
    int lineStart = 0;
    const int line = lineOf(offset, &lineStart);
    if (line < 0)
        return {};
    const QRect rect = view()->lineRect(line);
    const int width = view()->charWidth();
    // Fixed pitch: the column is the offset in the line (wrapped rows: the first screen line).
    const QPoint topLeft(view()->textLeft() - view()->horizontalScrollBar()->value() +
                             (offset - lineStart) * width,
                         rect.top());
    const QRect local(topLeft, QSize(width, view()->fontMetrics().lineSpacing()));
    return QRect(view()->viewport()->mapToGlobal(local.topLeft()), local.size());
}

int LogViewAccessible::offsetAtPoint(const QPoint &point) const
{
    const QPoint local = view()->viewport()->mapFromGlobal(point);
    const QStringList lines = view()->visibleLines();
    for (int i = 0; i < lines.size(); ++i) {
        if (view()->lineRect(i).contains(QPoint(qMax(0, local.x()), local.y()))) {
            const int column = (local.x() - view()->textLeft() +
                                view()->horizontalScrollBar()->value()) /
                               view()->charWidth();
            return offsetOfLine(i) + qBound(0, column, int(lines.at(i).size()));
        }
    }
    return -1;
}

void LogViewAccessible::scrollToSubstring(int startIndex, int endIndex)
{
    Q_UNUSED(startIndex);
    Q_UNUSED(endIndex); // the text is what is visible: already in view
}

QString LogViewAccessible::attributes(int offset, int *startOffset, int *endOffset) const
{
    *startOffset = *endOffset = offset;
    return {};
}

} // namespace ui
