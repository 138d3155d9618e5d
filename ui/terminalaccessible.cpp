#include "ui/terminalwidget.h"

#include <QAccessibleWidget>

namespace ui {

namespace {

// What assistive technology reads of a TerminalWidget: role Terminal, name "Terminal", and the
// screen's text (rows joined by newlines, trailing blanks dropped) through the text interface,
// with the cursor as the caret — as VTE and Konsole expose theirs.
class TerminalAccessible : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit TerminalAccessible(TerminalWidget *widget)
        : QAccessibleWidget(widget, QAccessible::Terminal)
    {
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TextInterface)
            return static_cast<QAccessibleTextInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Value)
            return screenText();
        return QAccessibleWidget::text(t);
    }

    // QAccessibleTextInterface
    void selection(int selectionIndex, int *startOffset, int *endOffset) const override
    {
        Q_UNUSED(selectionIndex);
        *startOffset = *endOffset = 0;
    }
    int selectionCount() const override { return 0; }
    void addSelection(int, int) override {}
    void removeSelection(int) override {}
    void setSelection(int, int, int) override {}
    int cursorPosition() const override
    {
        // The offset of the cursor cell in screenText().
        const TerminalScreen *screen = terminal()->screen();
        const QPoint cursor = screen->cursor();
        int offset = 0;
        for (int r = 0; r < cursor.y(); ++r)
            offset += int(screen->rowText(r).size()) + 1;
        return offset + std::min(int(screen->rowText(cursor.y()).size()), cursor.x());
    }
    void setCursorPosition(int) override {}
    QString text(int startOffset, int endOffset) const override
    {
        return screenText().mid(startOffset, std::max(0, endOffset - startOffset));
    }
    int characterCount() const override { return int(screenText().size()); }
    QRect characterRect(int offset) const override
    {
        const QString all = screenText();
        offset = std::clamp(offset, 0, int(all.size()));
        const int row = int(all.left(offset).count(u'\n'));
        const int column = offset - (int(all.lastIndexOf(u'\n', offset - 1)) + 1);
        const QSize cell = terminal()->cellSize();
        const QPoint topLeft = terminal()->mapToGlobal(
            QPoint(column * cell.width(), (row + terminal()->scrollOffset()) * cell.height()));
        return QRect(topLeft, cell);
    }
    int offsetAtPoint(const QPoint &point) const override
    {
        const QPoint local = terminal()->mapFromGlobal(point);
        const QSize cell = terminal()->cellSize();
        const int row = local.y() / cell.height();
        const int column = local.x() / cell.width();
        const TerminalScreen *screen = terminal()->screen();
        if (row < 0 || row >= screen->rows() || column < 0)
            return -1;
        int offset = 0;
        for (int r = 0; r < row; ++r)
            offset += int(screen->rowText(r).size()) + 1;
        return offset + std::min(int(screen->rowText(row).size()), column);
    }
    void scrollToSubstring(int, int) override {}
    QString attributes(int offset, int *startOffset, int *endOffset) const override
    {
        *startOffset = *endOffset = offset;
        return {};
    }

private:
    TerminalWidget *terminal() const { return static_cast<TerminalWidget *>(widget()); }
    QString screenText() const { return terminal()->screen()->screenText(); }
};

QAccessibleInterface *terminalFactory(const QString &className, QObject *object)
{
    if (className == u"ui::TerminalWidget" && object && object->isWidgetType())
        return new TerminalAccessible(static_cast<TerminalWidget *>(object));
    return nullptr;
}

} // namespace

void installTerminalAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(&terminalFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace ui
