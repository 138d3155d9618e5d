#include "ui/yamldiffview.h"

#include <QPlainTextEdit>

namespace ui {

YamlDiffView::YamlDiffView(QWidget *parent) : QWidget(parent) {}
void YamlDiffView::setTexts(const QString &, const QString &) {}
void YamlDiffView::setTitles(const QString &, const QString &) {}
QList<int> YamlDiffView::changedLeftLines() const { return {}; }
QList<int> YamlDiffView::changedRightLines() const { return {}; }
void YamlDiffView::revealRightLine(int) {}
QPlainTextEdit *YamlDiffView::leftEditor() const { return nullptr; }
QPlainTextEdit *YamlDiffView::rightEditor() const { return nullptr; }

} // namespace ui
