#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ui {

// A small YAML highlighter for the details pane: mapping keys, quoted strings, numbers (and
// booleans, null) and comments, in colours chosen for the current palette (light or dark). Line
// by line: block scalars are not told apart from plain lines.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);

    // What the highlighter marks, by kind (for tests and for colour choices).
    enum class Token { Key, String, Number, Comment };
    QTextCharFormat format(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace ui
