#pragma once

#include <QAbstractItemModel>
#include <QAbstractScrollArea>
#include <QList>
#include <QPair>
#include <QPointer>

#include <functional>

class QTextLayout;

namespace ui {

// A log, painted: one line per model row (models::LogViewModel, or any one-column model with its
// roles), in a fixed-pitch font. Only the rows on screen are read, so ten million rows scroll as
// fast as ten: the vertical scroll bar counts rows, not pixels. Columns: the timestamp (optional),
// the source with a colour per source (when the view merges several), the text. Long lines are
// cut (horizontal scroll) or wrapped (setWrap), wrapping only the rows on screen. Gap and
// dropped-lines markers are drawn as banners, late lines get a mark in the margin. Search
// matches of each row come from a provider (the model's matchesInRow), the current match's row
// stands out.
//
// Follow: while the view is at the bottom, new rows keep it there; scrolling up pauses, End (or
// scrolling back to the bottom) resumes; followChanged says so.
//
// Selection is of whole lines (click, shift-click, drag, shift+arrows, Ctrl+A); Ctrl+C copies
// them as text with the shown columns. Assistive technology reads the visible lines through a
// text interface, as it reads a terminal (ui/logviewaccessible.cpp).
class LogView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // The roles and flags of models::LogViewModel (models/logviewmodel.h; ui/ reads any model
    // with them, so the view is tested without the store).
    enum Role { TimestampRole = Qt::UserRole + 1, SourceRole, SourceIndexRole, FlagsRole };
    enum LineFlag { LateLine = 1, GapMarker = 2, DroppedMarker = 4 };
    using MatchProvider = std::function<QList<QPair<int, int>>(int row)>;

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const { return m_model; }
    // The (start, length) matches in a row's text, highlighted; empty provider: none.
    void setMatchProvider(MatchProvider provider);
    // The row of the current match (-1: none): highlighted and scrolled into view (pauses
    // follow unless it is on screen at the bottom).
    void setCurrentMatchRow(int row);
    int currentMatchRow() const { return m_currentMatch; }

    bool timestampsShown() const { return m_timestamps; }
    void setTimestampsShown(bool shown);
    bool sourceShown() const { return m_source; }
    void setSourceShown(bool shown);
    bool wrap() const { return m_wrap; }
    void setWrap(bool wrap);
    bool follow() const { return m_follow; }
    void setFollow(bool follow);

    int topRow() const;
    // The rows on screen, whole or cut by the bottom edge (last < first when none).
    int firstVisibleRow() const { return topRow(); }
    int lastVisibleRow() const;
    void scrollToRow(int row);

    // The selected lines (first, last), (-1, -1) when none.
    QPair<int, int> selection() const;
    void setSelection(int first, int last);
    void selectAll();
    // The text of rows first..last as copied: the shown columns, one line each.
    QString linesText(int first, int last) const;
    // Copies the selection (at most maxCopyLines(); more is cut and copyTruncated says so).
    void copy();
    static constexpr int maxCopyLines() { return 200000; }
    // The visible lines' text, as copied (what assistive technology reads).
    QStringList visibleLines() const;
    // Where visible line `index` is painted, in viewport coordinates (for accessibility).
    QRect lineRect(int index) const;
    int charWidth() const;
    int textLeft() const; // where the text column starts, in viewport coordinates

    // The colour of source `index` (stable, readable on light and dark backgrounds).
    static QColor sourceColor(int index);

signals:
    void followChanged(bool follow);
    void selectionChanged();
    void copyTruncated(int copied, qint64 selected);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    struct Line // one row as read for painting or copying
    {
        QString text;
        QString timestamp;
        QString source;
        int sourceIndex = 0;
        int flags = 0;
        bool marker() const { return flags & (GapMarker | DroppedMarker); }
    };
    Line readLine(int row) const;
    int rowCount() const;
    int lineHeight() const;
    int rowsPerPage() const;
    int wrapWidth() const;
    int rowHeight(const Line &line) const; // in screen lines
    void layoutText(QTextLayout &layout, const Line &line) const;
    int rowAt(int y) const;
    void updateScrollBars();
    void updateFont();
    void scrollToBottom();
    void moveCursor(int row, bool extend);
    void onScrolled(int value);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onReset();
    void notifyAccessibility();

    QPointer<QAbstractItemModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    MatchProvider m_matches;
    int m_currentMatch = -1;
    bool m_timestamps = false;
    bool m_source = false;
    bool m_wrap = false;
    bool m_follow = true;
    bool m_adjusting = false; // the view moves itself: no follow change
    int m_anchor = -1;        // selection: the row clicked first
    int m_cursor = -1;        // and the row it extends to
    bool m_dragging = false;
    int m_maxChars = 0;     // the widest line seen, for the horizontal range
    int m_sourceChars = 0;  // the widest source name seen
};

} // namespace ui
