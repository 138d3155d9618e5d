#include "core/kube/selectorparser.h"

#include "core/common/tr.h"

#include <algorithm>

namespace core::kube {

namespace {

// The lexer and parser follow k8s.io/apimachinery/pkg/labels/selector.go token by token, so that
// the same strings are accepted and rejected.
enum class Token {
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
};

struct ScannedItem
{
    Token token = Token::EndOfString;
    QString literal;
};

bool isWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

bool isSpecialSymbol(QChar c)
{
    return c == u'=' || c == u'!' || c == u'(' || c == u')' || c == u',' || c == u'>' || c == u'<';
}

std::optional<Token> keywordOrSymbol(QStringView text)
{
    static const QList<std::pair<QString, Token>> table = {
        {QStringLiteral(")"), Token::ClosedPar},    {QStringLiteral(","), Token::Comma},
        {QStringLiteral("!"), Token::DoesNotExist}, {QStringLiteral("=="), Token::DoubleEquals},
        {QStringLiteral("="), Token::Equals},       {QStringLiteral(">"), Token::GreaterThan},
        {QStringLiteral("in"), Token::In},          {QStringLiteral("<"), Token::LessThan},
        {QStringLiteral("!="), Token::NotEquals},   {QStringLiteral("notin"), Token::NotIn},
        {QStringLiteral("("), Token::OpenPar},
    };
    for (const auto &[literal, token] : table) {
        if (literal == text)
            return token;
    }
    return std::nullopt;
}

class Lexer
{
public:
    explicit Lexer(const QString &text) : m_text(text) {}

    QList<ScannedItem> scanAll()
    {
        QList<ScannedItem> items;
        for (;;) {
            items << next();
            if (items.constLast().token == Token::EndOfString)
                return items;
        }
    }

private:
    ScannedItem next()
    {
        while (m_pos < m_text.size() && isWhitespace(m_text.at(m_pos)))
            ++m_pos;
        if (m_pos >= m_text.size())
            return {Token::EndOfString, QString()};
        return isSpecialSymbol(m_text.at(m_pos)) ? scanSpecialSymbol() : scanIdentifierOrKeyword();
    }

    ScannedItem scanIdentifierOrKeyword()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && !isSpecialSymbol(m_text.at(m_pos)) &&
               !isWhitespace(m_text.at(m_pos)))
            ++m_pos;
        const QString literal = m_text.mid(start, m_pos - start);
        return {keywordOrSymbol(literal).value_or(Token::Identifier), literal};
    }

    // The longest run of special symbols that is a known operator ("!=" over "!").
    ScannedItem scanSpecialSymbol()
    {
        const qsizetype start = m_pos;
        ScannedItem last;
        bool found = false;
        while (m_pos < m_text.size() && isSpecialSymbol(m_text.at(m_pos))) {
            const QStringView buffer = QStringView(m_text).mid(start, m_pos - start + 1);
            if (const auto token = keywordOrSymbol(buffer)) {
                last = {*token, buffer.toString()};
                found = true;
            } else if (found) {
                break;
            }
            ++m_pos;
        }
        m_pos = start + last.literal.size();
        return last;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
};

enum class Context { KeyAndOperator, Values };

struct ParseError
{
    QString code;
    QString message;
};

class LabelParser
{
public:
    explicit LabelParser(const QString &text) : m_items(Lexer(text).scanAll()) {}

    std::optional<ParseError> parse(QList<LabelSelector::Requirement> *out)
    {
        for (;;) {
            const auto [token, literal] = lookahead(Context::Values);
            if (token == Token::EndOfString)
                return std::nullopt;
            if (token != Token::Identifier && token != Token::DoesNotExist)
                return syntax(literal, Tr::tr("!, an identifier or the end of the selector"));
            if (auto error = parseRequirement(out))
                return error;
            const auto [after, afterLiteral] = consume(Context::Values);
            if (after == Token::EndOfString)
                return std::nullopt;
            if (after != Token::Comma)
                return syntax(afterLiteral, Tr::tr("',' or the end of the selector"));
            const Token next = lookahead(Context::Values).token;
            if (next != Token::Identifier && next != Token::DoesNotExist)
                return syntax(lookahead(Context::Values).literal,
                              Tr::tr("an identifier after ','"));
        }
    }

private:
    enum class Op { Exists, DoesNotExist, In, NotIn, Equals, NotEquals, Unsupported };

    ScannedItem lookahead(Context context) const
    {
        ScannedItem item = m_items.at(m_position);
        if (context == Context::Values && (item.token == Token::In || item.token == Token::NotIn))
            item.token = Token::Identifier;
        return item;
    }

    ScannedItem consume(Context context)
    {
        const ScannedItem item = lookahead(context);
        if (m_position + 1 < m_items.size())
            ++m_position;
        return item;
    }

    static ParseError syntax(const QString &found, const QString &expected)
    {
        const QString shown =
            found.isEmpty() ? Tr::tr("the end of the selector") : QStringLiteral("'%1'").arg(found);
        return {QStringLiteral("selector.syntax"),
                Tr::tr("Found %1, expected %2.").arg(shown, expected)};
    }

    std::optional<ParseError> parseRequirement(QList<LabelSelector::Requirement> *out)
    {
        Op op = Op::Exists;
        ScannedItem item = consume(Context::Values);
        if (item.token == Token::DoesNotExist) {
            op = Op::DoesNotExist;
            item = consume(Context::Values);
        }
        const QString key = item.literal;
        if (item.token != Token::Identifier)
            return syntax(key, Tr::tr("an identifier"));
        if (const QString reason = validateLabelKey(key); !reason.isEmpty()) {
            return ParseError{QStringLiteral("selector.key"),
                              Tr::tr("Invalid label key \"%1\": %2.").arg(key, reason)};
        }
        const Token next = lookahead(Context::Values).token;
        const bool unary =
            op == Op::DoesNotExist || next == Token::EndOfString || next == Token::Comma;
        QStringList values;
        if (!unary) {
            if (auto error = parseOperator(&op))
                return error;
            auto error =
                (op == Op::In || op == Op::NotIn) ? parseValues(&values) : parseExactValue(&values);
            if (error)
                return error;
        }
        return makeRequirement(key, op, values, out);
    }

    std::optional<ParseError> parseOperator(Op *op)
    {
        const auto [token, literal] = consume(Context::KeyAndOperator);
        switch (token) {
        case Token::In:
            *op = Op::In;
            return std::nullopt;
        case Token::NotIn:
            *op = Op::NotIn;
            return std::nullopt;
        case Token::Equals:
        case Token::DoubleEquals:
            *op = Op::Equals;
            return std::nullopt;
        case Token::NotEquals:
            *op = Op::NotEquals;
            return std::nullopt;
        case Token::GreaterThan:
        case Token::LessThan:
            *op = Op::Unsupported;
            return std::nullopt;
        default:
            return syntax(literal, Tr::tr("one of in, notin, =, ==, !="));
        }
    }

    // "(a,b)", "()" and "(a,)" (the empty string is a value), as parseValues in Kubernetes.
    std::optional<ParseError> parseValues(QStringList *values)
    {
        const auto open = consume(Context::Values);
        if (open.token != Token::OpenPar)
            return syntax(open.literal, Tr::tr("'('"));
        const auto first = lookahead(Context::Values);
        if (first.token == Token::ClosedPar) {
            consume(Context::Values);
            *values << QString();
            return std::nullopt;
        }
        if (first.token != Token::Identifier && first.token != Token::Comma)
            return syntax(first.literal, Tr::tr("',', ')' or an identifier"));
        if (auto error = parseIdentifierList(values))
            return error;
        const auto close = consume(Context::Values);
        if (close.token != Token::ClosedPar)
            return syntax(close.literal, Tr::tr("')'"));
        return std::nullopt;
    }

    std::optional<ParseError> parseIdentifierList(QStringList *values)
    {
        for (;;) {
            const auto [token, literal] = consume(Context::Values);
            if (token == Token::Identifier) {
                *values << literal;
                const auto next = lookahead(Context::Values);
                if (next.token == Token::ClosedPar)
                    return std::nullopt;
                if (next.token != Token::Comma)
                    return syntax(next.literal, Tr::tr("',' or ')'"));
            } else if (token == Token::Comma) {
                if (values->isEmpty())
                    *values << QString(); // "(,a)"
                const Token next = lookahead(Context::Values).token;
                if (next == Token::ClosedPar) {
                    *values << QString(); // "(a,)"
                    return std::nullopt;
                }
                if (next == Token::Comma) {
                    consume(Context::Values);
                    *values << QString(); // "(a,,b)"
                }
            } else {
                return syntax(literal, Tr::tr("',' or an identifier"));
            }
        }
    }

    std::optional<ParseError> parseExactValue(QStringList *values)
    {
        const Token next = lookahead(Context::Values).token;
        if (next == Token::EndOfString || next == Token::Comma) {
            *values << QString();
            return std::nullopt;
        }
        const auto [token, literal] = consume(Context::Values);
        if (token != Token::Identifier)
            return syntax(literal, Tr::tr("an identifier"));
        *values << literal;
        return std::nullopt;
    }

    static std::optional<ParseError> makeRequirement(const QString &key, Op op, QStringList values,
                                                     QList<LabelSelector::Requirement> *out)
    {
        using Operator = LabelSelector::Operator;
        if (op == Op::Unsupported) {
            return ParseError{QStringLiteral("selector.unsupportedOperator"),
                              Tr::tr("The numeric comparison on \"%1\" ('>' or '<') is not "
                                     "supported here; use in, notin, =, == or !=.")
                                  .arg(key)};
        }
        for (const QString &value : std::as_const(values)) {
            if (const QString reason = validateLabelValue(value); !reason.isEmpty()) {
                return ParseError{
                    QStringLiteral("selector.value"),
                    Tr::tr("Invalid value \"%1\" for label \"%2\": %3.").arg(value, key, reason)};
            }
        }
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        static const QMap<Op, Operator> operators = {
            {Op::Exists, Operator::Exists}, {Op::DoesNotExist, Operator::DoesNotExist},
            {Op::In, Operator::In},         {Op::NotIn, Operator::NotIn},
            {Op::Equals, Operator::In},     {Op::NotEquals, Operator::NotIn},
        };
        *out << LabelSelector::Requirement{key, operators.value(op), values};
        return std::nullopt;
    }

    QList<ScannedItem> m_items;
    qsizetype m_position = 0;
};

} // namespace

Result<LabelSelector> parseLabelSelector(const QString &text)
{
    QList<LabelSelector::Requirement> requirements;
    if (const auto error = LabelParser(text).parse(&requirements)) {
        return Error{error->code,
                     Tr::tr("Invalid label selector \"%1\": %2").arg(text, error->message),
                     Tr::tr("Write requirements such as app=web, tier!=cache, env in (dev,qa), "
                            "release notin (canary), gpu or !gpu, joined by ','.")};
    }
    std::stable_sort(requirements.begin(), requirements.end(),
                     [](const auto &a, const auto &b) { return a.key < b.key; });
    LabelSelector selector;
    selector.setRequirements(requirements);
    return selector;
}

} // namespace core::kube
