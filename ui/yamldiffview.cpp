#include "ui/yamldiffview.h"

#include "ui/theme.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

#include <dtl/dtl.hpp>

#include <vector>

namespace ui {

namespace {

// Translucent tints lay over whatever base colour the palette has, so the same values read on
// light and dark themes.
const QColor kDeletedColour(230, 60, 60, 80);
const QColor kAddedColour(40, 180, 70, 80);

} // namespace

YamlDiffView::YamlDiffView(QWidget *parent) : QWidget(parent)
{
    m_leftTitle = new QLabel(tr("As written"), this);
    m_rightTitle = new QLabel(tr("As CCI runs it"), this);
    m_left = makeEditor(this);
    m_left->setObjectName(QStringLiteral("leftEditor"));
    m_right = makeEditor(this);
    m_right->setObjectName(QStringLiteral("rightEditor"));
    m_leftTitle->setBuddy(m_left);
    m_rightTitle->setBuddy(m_right);
    auto *grid = new QGridLayout(this);
    grid->addWidget(m_leftTitle, 0, 0);
    grid->addWidget(m_rightTitle, 0, 1);
    grid->addWidget(m_left, 1, 0);
    grid->addWidget(m_right, 1, 1);
    grid->setRowStretch(1, 1);

    followScrolling(m_left, m_right, &LineDiff::leftToRight);
    followScrolling(m_right, m_left, &LineDiff::rightToLeft);
    connect(m_left->horizontalScrollBar(), &QScrollBar::valueChanged,
            m_right->horizontalScrollBar(), &QScrollBar::setValue);
    connect(m_right->horizontalScrollBar(), &QScrollBar::valueChanged,
            m_left->horizontalScrollBar(), &QScrollBar::setValue);
}

QPlainTextEdit *YamlDiffView::makeEditor(QWidget *parent)
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setReadOnly(true);
    // Without wrapping one block is one scroll step, so scrollbar values are line numbers.
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor->setFont(monospaceFont());
    editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return editor;
}

void YamlDiffView::setTexts(const QString &left, const QString &right)
{
    m_diff = diffLines(left.split(QLatin1Char('\n')), right.split(QLatin1Char('\n')));
    const QSignalBlocker blockLeft(m_left->verticalScrollBar());
    const QSignalBlocker blockRight(m_right->verticalScrollBar());
    m_left->setPlainText(left);
    m_right->setPlainText(right);
    highlight(m_left, m_diff.changedLeft, kDeletedColour);
    highlight(m_right, m_diff.changedRight, kAddedColour);
}

YamlDiffView::LineDiff YamlDiffView::diffLines(const QStringList &left, const QStringList &right)
{
    const std::vector<QString> a(left.cbegin(), left.cend());
    const std::vector<QString> b(right.cbegin(), right.cend());
    dtl::Diff<QString, std::vector<QString>> diff(a, b);
    diff.compose();
    LineDiff out;
    out.leftToRight.fill(0, left.size());
    out.rightToLeft.fill(0, right.size());
    int l = 0;
    int r = 0;
    for (const auto &[line, info] : diff.getSes().getSequence()) {
        Q_UNUSED(line);
        if (info.type == dtl::SES_DELETE) {
            out.changedLeft.append(l);
            out.leftToRight[l++] = r;
        } else if (info.type == dtl::SES_ADD) {
            out.changedRight.append(r);
            out.rightToLeft[r++] = l;
        } else {
            out.leftToRight[l] = r;
            out.rightToLeft[r] = l;
            ++l;
            ++r;
        }
    }
    return out;
}

void YamlDiffView::highlight(QPlainTextEdit *editor, const QList<int> &lines, const QColor &colour)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (int line : lines) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(editor->document()->findBlockByNumber(line));
        selection.format.setBackground(colour);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    editor->setExtraSelections(selections);
}

void YamlDiffView::followScrolling(QPlainTextEdit *from, QPlainTextEdit *to,
                                   QList<int> LineDiff::*map)
{
    const auto follow = [this, from, to, map] {
        syncScroll(to, m_diff.*map, from->verticalScrollBar()->value());
    };
    // Dragging the scrollbar or the wheel emit valueChanged; cursor moves (arrow keys, page keys,
    // centerCursor) scroll with the scrollbar's signals blocked and only emit updateRequest.
    connect(from->verticalScrollBar(), &QScrollBar::valueChanged, this, follow);
    connect(from, &QPlainTextEdit::updateRequest, this, [follow](const QRect &, int dy) {
        if (dy != 0)
            follow();
    });
}

void YamlDiffView::syncScroll(QPlainTextEdit *to, const QList<int> &map, int fromLine)
{
    if (m_syncing || map.isEmpty())
        return;
    m_syncing = true;
    to->verticalScrollBar()->setValue(map.at(qBound(0, fromLine, int(map.size()) - 1)));
    m_syncing = false;
}

void YamlDiffView::setTitles(const QString &left, const QString &right)
{
    m_leftTitle->setText(left);
    m_rightTitle->setText(right);
}

QList<int> YamlDiffView::changedLeftLines() const
{
    return m_diff.changedLeft;
}

QList<int> YamlDiffView::changedRightLines() const
{
    return m_diff.changedRight;
}

void YamlDiffView::revealRightLine(int line)
{
    const QTextBlock block = m_right->document()->findBlockByNumber(line);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    m_right->setTextCursor(cursor);
    m_right->centerCursor();
    // A hidden editor scrolls without any signal; bring the left side along explicitly.
    syncScroll(m_left, m_diff.rightToLeft, m_right->verticalScrollBar()->value());
}

QPlainTextEdit *YamlDiffView::leftEditor() const
{
    return m_left;
}

QPlainTextEdit *YamlDiffView::rightEditor() const
{
    return m_right;
}

} // namespace ui
