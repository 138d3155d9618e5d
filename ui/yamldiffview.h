#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace ui {

// Two YAML texts side by side (the pod as written, the pod CCI runs), read-only, scrolling
// together; lines that differ (a line diff, dtl) are highlighted on both sides, in colours that
// work in light and dark palettes.
class YamlDiffView : public QWidget
{
    Q_OBJECT

public:
    explicit YamlDiffView(QWidget *parent = nullptr);

    void setTexts(const QString &left, const QString &right);
    void setTitles(const QString &left, const QString &right);
    QList<int> changedLeftLines() const;  // 0-based
    QList<int> changedRightLines() const; // 0-based
    // Scrolls both sides so `line` (0-based, of the right side) is visible and selects it.
    void revealRightLine(int line);

    QPlainTextEdit *leftEditor() const;
    QPlainTextEdit *rightEditor() const;

private:
    // The diff of one pair of texts: changed lines per side, and for every line of one side the
    // line of the other side it lines up with (for a deleted or added line, the next common one).
    struct LineDiff
    {
        QList<int> changedLeft;
        QList<int> changedRight;
        QList<int> leftToRight;
        QList<int> rightToLeft;
    };
    static LineDiff diffLines(const QStringList &left, const QStringList &right);
    static QPlainTextEdit *makeEditor(QWidget *parent);
    static void highlight(QPlainTextEdit *editor, const QList<int> &lines, const QColor &colour);
    void followScrolling(QPlainTextEdit *from, QPlainTextEdit *to, QList<int> LineDiff::*map);
    void syncScroll(QPlainTextEdit *to, const QList<int> &map, int fromLine);

    QLabel *m_leftTitle = nullptr;
    QLabel *m_rightTitle = nullptr;
    QPlainTextEdit *m_left = nullptr;
    QPlainTextEdit *m_right = nullptr;
    LineDiff m_diff;
    bool m_syncing = false; // the other side's scroll is being set by us: don't echo it back
};

} // namespace ui
