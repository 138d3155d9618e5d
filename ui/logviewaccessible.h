#pragma once

#include <QAccessibleWidget>

namespace ui {

class LogView;

// What assistive technology reads of a LogView, as it reads a terminal: the Terminal role and a
// text interface over the visible lines (one '\n' between lines), with the selected lines as the
// selection. Offsets count in that text; it changes as the view scrolls or rows come.
class LogViewAccessible : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit LogViewAccessible(LogView *view);

    void *interface_cast(QAccessible::InterfaceType type) override;
    QString text(QAccessible::Text t) const override;

    // QAccessibleTextInterface
    void selection(int selectionIndex, int *startOffset, int *endOffset) const override;
    int selectionCount() const override;
    void addSelection(int startOffset, int endOffset) override;
    void removeSelection(int selectionIndex) override;
    void setSelection(int selectionIndex, int startOffset, int endOffset) override;
    int cursorPosition() const override;
    void setCursorPosition(int position) override;
    QString text(int startOffset, int endOffset) const override;
    int characterCount() const override;
    QRect characterRect(int offset) const override;
    int offsetAtPoint(const QPoint &point) const override;
    void scrollToSubstring(int startIndex, int endIndex) override;
    QString attributes(int offset, int *startOffset, int *endOffset) const override;

private:
    LogView *view() const;
    QString visibleText() const;
    // The visible line holding `offset` and where that line starts.
    int lineOf(int offset, int *lineStart) const;
    int offsetOfLine(int line) const;
};

// Registers the factory (once) that gives every LogView its LogViewAccessible.
void installLogViewAccessibility();

} // namespace ui
