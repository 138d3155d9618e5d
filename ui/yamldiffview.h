#pragma once

#include <QWidget>

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
};

} // namespace ui
