#include "ui/logview.h"

#include "ui/logviewaccessible.h"

#include <QAbstractItemModel>
#include <QAccessible>
#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>
#include <QTimer>

namespace ui {

namespace {

constexpr int kTimestampChars = 31; // "2026-12-07T10:37:45.123456789Z" and a space
constexpr int kMaxSourceChars = 40;
constexpr int kWideLine = 1 << 20; // the line width of an unwrapped row, in pixels

} // namespace

LogView::LogView(QWidget *parent) : QAbstractScrollArea(parent)
{
    installLogViewAccessibility();
    setAccessibleName(tr("Logs"));
    setFocusPolicy(Qt::StrongFocus);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(true);
    viewport()->setBackgroundRole(QPalette::Base);
    verticalScrollBar()->setSingleStep(1);
    horizontalScrollBar()->setSingleStep(charWidth());
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_follow && !m_adjusting)
            scrollToBottom();
    });
}

LogView::~LogView() = default;

void LogView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_model = model;
    if (model) {
        m_connections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, &LogView::onRowsInserted),
            connect(model, &QAbstractItemModel::rowsRemoved, this, &LogView::onRowsRemoved),
            connect(model, &QAbstractItemModel::modelReset, this, &LogView::onReset),
            connect(model, &QAbstractItemModel::layoutChanged, this, &LogView::onReset),
            connect(model, &QAbstractItemModel::dataChanged, viewport(),
                    qOverload<>(&QWidget::update)),
            connect(model, &QObject::destroyed, this, &LogView::onReset),
        };
    }
    onReset();
}

void LogView::setMatchProvider(MatchProvider provider)
{
    m_matches = std::move(provider);
    viewport()->update();
}

void LogView::setCurrentMatchRow(int row)
{
    m_currentMatch = row;
    if (row >= 0 && (row < topRow() || row >= lastVisibleRow()))
        scrollToRow(row);
    viewport()->update();
}

void LogView::setTimestampsShown(bool shown)
{
    m_timestamps = shown;
    updateScrollBars();
    viewport()->update();
    notifyAccessibility();
}

void LogView::setSourceShown(bool shown)
{
    m_source = shown;
    updateScrollBars();
    viewport()->update();
    notifyAccessibility();
}

void LogView::setWrap(bool wrap)
{
    m_wrap = wrap;
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void LogView::setFollow(bool follow)
{
    const bool changed = follow != m_follow;
    m_follow = follow;
    if (follow)
        scrollToBottom();
    if (changed)
        emit followChanged(follow);
}

int LogView::rowCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

int LogView::topRow() const
{
    return qMin(verticalScrollBar()->value(), qMax(0, rowCount() - 1));
}

int LogView::lineHeight() const
{
    return qMax(1, fontMetrics().lineSpacing());
}

int LogView::charWidth() const
{
    return qMax(1, fontMetrics().horizontalAdvance(u'M'));
}

int LogView::rowsPerPage() const
{
    return qMax(1, viewport()->height() / lineHeight());
}

int LogView::textLeft() const
{
    int left = charWidth(); // the gutter (late-line mark)
    if (m_timestamps)
        left += kTimestampChars * charWidth();
    if (m_source)
        left += (qMin(m_sourceChars, kMaxSourceChars) + 1) * charWidth();
    return left;
}

int LogView::wrapWidth() const
{
    return qMax(10 * charWidth(), viewport()->width() - textLeft());
}

LogView::Line LogView::readLine(int row) const
{
    Line line;
    const QModelIndex index = m_model->index(row, 0);
    line.text = index.data(Qt::DisplayRole).toString();
    line.flags = index.data(FlagsRole).toInt();
    if (m_timestamps)
        line.timestamp = index.data(TimestampRole).toString();
    if (m_source) {
        line.source = index.data(SourceRole).toString();
        line.sourceIndex = index.data(SourceIndexRole).toInt();
    }
    return line;
}

void LogView::layoutText(QTextLayout &layout, const Line &line) const
{
    layout.setText(line.text);
    layout.setFont(font());
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(8 * charWidth());
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    int y = 0;
    const int width = m_wrap ? wrapWidth() : kWideLine;
    for (QTextLine textLine = layout.createLine(); textLine.isValid();
         textLine = layout.createLine()) {
        textLine.setLineWidth(width);
        textLine.setPosition(QPointF(0, y));
        y += lineHeight();
    }
    layout.endLayout();
}

int LogView::rowHeight(const Line &line) const
{
    if (!m_wrap || line.text.size() * charWidth() <= wrapWidth())
        return 1;
    QTextLayout layout;
    layoutText(layout, line);
    return qMax(1, layout.lineCount());
}

int LogView::lastVisibleRow() const
{
    const int rows = rowCount();
    if (rows == 0)
        return -1;
    const int top = topRow();
    const int screenLines = (viewport()->height() + lineHeight() - 1) / lineHeight();
    if (!m_wrap)
        return qMin(rows - 1, top + screenLines - 1);
    int lines = 0;
    int row = top;
    for (; row < rows; ++row) {
        lines += rowHeight(readLine(row));
        if (lines >= screenLines)
            break;
    }
    return qMin(row, rows - 1);
}

int LogView::rowAt(int y) const
{
    const int rows = rowCount();
    if (rows == 0)
        return -1;
    const int top = topRow();
    if (y < 0)
        return top;
    const int screenLine = y / lineHeight();
    if (!m_wrap)
        return qMin(rows - 1, top + screenLine);
    int lines = 0;
    for (int row = top; row < rows; ++row) {
        lines += rowHeight(readLine(row));
        if (screenLine < lines)
            return row;
    }
    return rows - 1;
}

QRect LogView::lineRect(int index) const
{
    const int top = topRow();
    int y = 0;
    for (int row = top; row < top + index && row < rowCount(); ++row)
        y += (m_wrap ? rowHeight(readLine(row)) : 1) * lineHeight();
    const int height = (m_wrap && top + index < rowCount() ? rowHeight(readLine(top + index)) : 1) *
                       lineHeight();
    return QRect(0, y, viewport()->width(), height);
}

void LogView::updateScrollBars()
{
    const bool adjusting = m_adjusting;
    m_adjusting = true;
    const int rows = rowCount();
    int maxTop = 0;
    if (!m_wrap) {
        maxTop = qMax(0, rows - rowsPerPage());
    } else if (rows > 0) {
        // The last rows that fill the screen, walking back one screenful at most.
        const int screenLines = rowsPerPage();
        int lines = 0;
        maxTop = rows;
        while (maxTop > 0) {
            const int height = rowHeight(readLine(maxTop - 1));
            if (lines + height > screenLines)
                break;
            lines += height;
            --maxTop;
        }
        maxTop = qMin(maxTop, rows - 1);
    }
    QScrollBar *vertical = verticalScrollBar();
    vertical->setRange(0, maxTop);
    vertical->setPageStep(rowsPerPage());
    QScrollBar *horizontal = horizontalScrollBar();
    if (m_wrap) {
        horizontal->setRange(0, 0);
    } else {
        horizontal->setRange(0, qMax(0, textLeft() + (m_maxChars + 1) * charWidth() -
                                            viewport()->width()));
        horizontal->setPageStep(viewport()->width());
    }
    m_adjusting = adjusting;
    if (m_follow)
        scrollToBottom();
}

void LogView::scrollToBottom()
{
    const bool adjusting = m_adjusting;
    m_adjusting = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_adjusting = adjusting;
}

void LogView::scrollToRow(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    if (row < topRow()) {
        verticalScrollBar()->setValue(row);
    } else if (row >= lastVisibleRow()) {
        // Put `row` on the last whole line of the screen.
        int top = row;
        if (!m_wrap) {
            top = row - rowsPerPage() + 1;
        } else {
            int lines = rowHeight(readLine(row));
            while (top > 0) {
                const int height = rowHeight(readLine(top - 1));
                if (lines + height > rowsPerPage())
                    break;
                lines += height;
                --top;
            }
        }
        verticalScrollBar()->setValue(qMax(0, top));
    }
}

void LogView::onScrolled(int value)
{
    notifyAccessibility();
    if (m_adjusting)
        return;
    const bool atBottom = value >= verticalScrollBar()->maximum();
    if (atBottom != m_follow) {
        m_follow = atBottom;
        emit followChanged(m_follow);
    }
}

void LogView::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    auto shift = [first, count](int &row) {
        if (row >= first)
            row += count;
    };
    shift(m_anchor);
    shift(m_cursor);
    shift(m_currentMatch);
    const int top = verticalScrollBar()->value();
    updateScrollBars();
    if (!m_follow && first <= top && top > 0) {
        // Rows came above the screen (late lines): the same lines stay in view.
        m_adjusting = true;
        verticalScrollBar()->setValue(top + count);
        m_adjusting = false;
    }
    viewport()->update();
    notifyAccessibility();
}

void LogView::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    auto shift = [first, last, count](int &row) {
        if (row > last)
            row -= count;
        else if (row >= first)
            row = first;
    };
    int top = verticalScrollBar()->value();
    shift(top);
    shift(m_anchor);
    shift(m_cursor);
    if (m_currentMatch >= first && m_currentMatch <= last)
        m_currentMatch = -1;
    else
        shift(m_currentMatch);
    if (m_anchor >= rowCount() || m_cursor >= rowCount())
        m_anchor = m_cursor = -1;
    m_adjusting = true;
    updateScrollBars();
    if (!m_follow)
        verticalScrollBar()->setValue(top);
    m_adjusting = false;
    viewport()->update();
    notifyAccessibility();
}

void LogView::onReset()
{
    m_anchor = m_cursor = -1;
    m_currentMatch = -1;
    m_maxChars = 0;
    m_sourceChars = 0;
    updateScrollBars();
    viewport()->update();
    emit selectionChanged();
    notifyAccessibility();
}

QColor LogView::sourceColor(int index)
{
    // Mid-saturation hues readable on a white and on a dark base.
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                    QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                    QColor(0xff, 0x7f, 0x0e), QColor(0x17, 0xbe, 0xcf),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0x8c, 0x56, 0x4b)};
    return colors[qAbs(index) % std::size(colors)];
}

void LogView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    if (!m_model)
        return;
    const QPalette &pal = palette();
    const int rows = rowCount();
    const int lh = lineHeight();
    const int cw = charWidth();
    const int height = viewport()->height();
    const int width = viewport()->width();
    const int dx = -horizontalScrollBar()->value();
    const auto [selFirst, selLast] = selection();
    const int textX = textLeft();
    int widest = m_maxChars;
    int widestSource = m_sourceChars;
    int y = 0;
    for (int row = topRow(); row < rows && y < height; ++row) {
        const Line line = readLine(row);
        QTextLayout layout;
        QList<QTextLayout::FormatRange> formats;
        if (m_matches && !line.marker()) {
            const bool current = row == m_currentMatch;
            for (const auto &[start, length] : m_matches(row)) {
                QTextLayout::FormatRange range;
                range.start = start;
                range.length = length;
                range.format.setBackground(current ? QColor(0xff, 0x96, 0x32)
                                                   : QColor(0xff, 0xe0, 0x66));
                range.format.setForeground(Qt::black);
                formats.append(range);
            }
        }
        layoutText(layout, line);
        const int rowLines = qMax(1, layout.lineCount());
        const QRect rect(0, y, width, rowLines * lh);
        const bool selected = selFirst >= 0 && row >= selFirst && row <= selLast;
        QColor textColor = pal.color(QPalette::Text);
        if (selected) {
            painter.fillRect(rect, pal.color(QPalette::Highlight));
            textColor = pal.color(QPalette::HighlightedText);
        } else if (line.flags & GapMarker) {
            painter.fillRect(rect, QColor(0xff, 0xb3, 0x00, 90));
        } else if (line.flags & DroppedMarker) {
            painter.fillRect(rect, QColor(0x80, 0x80, 0x80, 70));
        } else if (row == m_currentMatch) {
            painter.fillRect(rect, QColor(0xff, 0x96, 0x32, 50));
        }
        if (line.flags & LateLine) // a mark in the gutter: this line came late
            painter.fillRect(QRect(dx + 1, y + 2, qMax(2, cw / 3), rowLines * lh - 4),
                             QColor(0x9c, 0x27, 0xb0));
        painter.setPen(textColor);
        if (line.marker()) {
            QFont italic = font();
            italic.setItalic(true);
            painter.setFont(italic);
            painter.drawText(QRect(dx + cw, y, kWideLine, lh), Qt::AlignVCenter | Qt::AlignLeft,
                             line.text);
            painter.setFont(font());
        } else {
            int x = dx + cw;
            if (m_timestamps) {
                painter.setPen(selected ? textColor : pal.color(QPalette::PlaceholderText));
                painter.drawText(QRect(x, y, kTimestampChars * cw, lh),
                                 Qt::AlignVCenter | Qt::AlignLeft, line.timestamp);
                x += kTimestampChars * cw;
            }
            if (m_source) {
                widestSource = qMax(widestSource, int(line.source.size()));
                painter.setPen(selected ? textColor : sourceColor(line.sourceIndex));
                // The column holds its widest name and a space: elide only past that.
                const int sourceWidth = (qMin(m_sourceChars, kMaxSourceChars) + 1) * cw;
                painter.drawText(QRect(x, y, sourceWidth, lh), Qt::AlignVCenter | Qt::AlignLeft,
                                 fontMetrics().elidedText(line.source, Qt::ElideMiddle,
                                                          qMax(cw, sourceWidth - cw / 2)));
            }
            painter.setPen(textColor);
            layout.draw(&painter, QPointF(dx + textX, y), formats);
            widest = qMax(widest, int(line.text.size()));
        }
        y += rowLines * lh;
    }
    if (widest != m_maxChars || widestSource != m_sourceChars) {
        m_maxChars = widest;
        m_sourceChars = qMin(widestSource, kMaxSourceChars);
        QTimer::singleShot(0, this, [this] {
            updateScrollBars();
            viewport()->update();
        });
    }
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LogView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void LogView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        horizontalScrollBar()->setSingleStep(charWidth());
        updateScrollBars();
    }
}

void LogView::notifyAccessibility()
{
    if (!QAccessible::isActive())
        return;
    QAccessibleEvent event(this, QAccessible::VisibleDataChanged);
    QAccessible::updateAccessibility(&event);
}

} // namespace ui
