#include "ui/yamlhighlighter.h"

#include "ui/theme.h"

#include <QRegularExpression>

namespace ui {

namespace {

// "  - key:" / "key:" at the start of a line (a key may be quoted).
const QRegularExpression &keyPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(\s*(?:-\s+)*)("[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(?=\s|$))"));
    return re;
}

const QRegularExpression &stringPattern()
{
    static const QRegularExpression re(QStringLiteral(R"("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"));
    return re;
}

// A whole plain scalar that is a number, a boolean or null (after ": " or "- ").
const QRegularExpression &numberPattern()
{
    static const QRegularExpression re(QStringLiteral(
        R"((?:^|:\s+|-\s+)([-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|\.inf)|)"
        R"(true|false|null|~)\s*(?=#|$))"));
    return re;
}

// A comment starts at "#" at the line's start or after a space, outside quotes.
int commentStart(const QString &text)
{
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'#' && (i == 0 || text.at(i - 1).isSpace())) {
            return int(i);
        }
    }
    return -1;
}

QTextCharFormat coloured(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    const bool dark = isDark();
    m_key = coloured(dark ? QColor(0x7c, 0xb7, 0xf5) : QColor(0x1a, 0x4f, 0x9c), true);
    m_string = coloured(dark ? QColor(0x9c, 0xd6, 0x8a) : QColor(0x2e, 0x7d, 0x32));
    m_number = coloured(dark ? QColor(0xe8, 0xb0, 0x6a) : QColor(0xa3, 0x4d, 0x00));
    m_comment = coloured(dark ? QColor(0x8a, 0x8d, 0x91) : QColor(0x6a, 0x6d, 0x71), false, true);
}

QTextCharFormat YamlHighlighter::format(Token token) const
{
    switch (token) {
    case Token::Key:
        return m_key;
    case Token::String:
        return m_string;
    case Token::Number:
        return m_number;
    case Token::Comment:
        return m_comment;
    }
    return {};
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    const int comment = commentStart(text);
    const QString code = comment < 0 ? text : text.left(comment);
    if (comment >= 0)
        setFormat(comment, int(text.size()) - comment, m_comment);
    int valueStart = 0;
    if (const QRegularExpressionMatch key = keyPattern().match(code); key.hasMatch()) {
        setFormat(int(key.capturedStart(2)), int(key.capturedLength(2)), m_key);
        valueStart = int(key.capturedEnd(0));
    }
    for (auto it = stringPattern().globalMatch(code, valueStart); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_string);
    }
    if (const QRegularExpressionMatch n = numberPattern().match(code, valueStart > 0
                                                                          ? valueStart - 1
                                                                          : 0);
        n.hasMatch())
        setFormat(int(n.capturedStart(1)), int(n.capturedLength(1)), m_number);
}

} // namespace ui
