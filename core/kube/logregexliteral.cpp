#include "core/kube/logregexliteral.h"

namespace core::kube {

namespace {

// Escapes of one atom that take no argument and match no fixed character (or none at all).
bool isPlainClassEscape(QChar c)
{
    return QStringLiteral("dDwWsShHvVbBAzZGKRX").contains(c);
}

// The character an escape stands for when it stands for one literally, else QChar().
QChar escapedLiteral(QChar c)
{
    if (c.unicode() >= 0x80 || c.isLetterOrNumber())
        return QChar(); // \n, \t ... are control characters: never in a line; \é: unsure
    return c; // \. \/ \- \\ ...
}

// Where the character class starting at `at` ('[') ends (after its ']'), or -1.
qsizetype skipClass(const QString &p, qsizetype at)
{
    qsizetype i = at + 1;
    if (i < p.size() && p.at(i) == u'^')
        ++i;
    if (i < p.size() && p.at(i) == u']')
        ++i; // a ']' first is literal
    while (i < p.size()) {
        const QChar c = p.at(i);
        if (c == u'\\') {
            i += 2;
        } else if (c == u'[' && i + 1 < p.size() && p.at(i + 1) == u':') {
            const qsizetype end = p.indexOf(QStringLiteral(":]"), i + 2);
            if (end < 0)
                return -1;
            i = end + 2;
        } else if (c == u']') {
            return i + 1;
        } else {
            ++i;
        }
    }
    return -1;
}

// Where the group starting at `at` ('(') ends (after its ')'), or -1 when it could change how
// the rest of the pattern reads (inline options, verbs, comments) or does not close.
qsizetype skipGroup(const QString &p, qsizetype at)
{
    if (at + 1 < p.size() && p.at(at + 1) == u'*')
        return -1; // (*VERB)
    if (at + 2 < p.size() && p.at(at + 1) == u'?') {
        const QChar k = p.at(at + 2);
        if (k == u'#' || k == u'-' || k == u'^' || (k.isLetter() && k != u'P'))
            return -1; // a comment, or options such as (?i) or (?i:...)
    }
    int depth = 0;
    qsizetype i = at;
    while (i < p.size()) {
        const QChar c = p.at(i);
        if (c == u'\\') {
            if (i + 1 < p.size() && p.at(i + 1) == u'Q')
                return -1;
            i += 2;
            continue;
        }
        if (c == u'[') {
            i = skipClass(p, i);
            if (i < 0)
                return -1;
            continue;
        }
        if (c == u'(') {
            if (i + 1 < p.size() && p.at(i + 1) == u'*')
                return -1;
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i + 1;
        }
        ++i;
    }
    return -1;
}

struct Quantifier
{
    qsizetype length = 0; // 0: none follows
    int min = 1;
};

// The quantifier at `at`, if any (with a lazy '?' or possessive '+' after it).
Quantifier quantifierAt(const QString &p, qsizetype at)
{
    Quantifier q;
    if (at >= p.size())
        return q;
    const QChar c = p.at(at);
    if (c == u'?' || c == u'*' || c == u'+') {
        q.length = 1;
        q.min = c == u'+' ? 1 : 0;
    } else if (c == u'{') {
        qsizetype i = at + 1;
        int min = 0;
        bool digits = false;
        while (i < p.size() && p.at(i).isDigit() && p.at(i).unicode() < 0x80) {
            min = std::min(min * 10 + (p.at(i).unicode() - u'0'), 100000);
            digits = true;
            ++i;
        }
        if (i < p.size() && p.at(i) == u',') {
            ++i;
            while (i < p.size() && p.at(i).isDigit() && p.at(i).unicode() < 0x80)
                ++i;
        }
        if (!digits || i >= p.size() || p.at(i) != u'}')
            return q; // not a quantifier: PCRE2 reads '{' literally; the caller stays unsure
        q.length = i + 1 - at;
        q.min = min;
    } else {
        return q;
    }
    if (at + q.length < p.size() && (p.at(at + q.length) == u'?' || p.at(at + q.length) == u'+'))
        ++q.length;
    return q;
}

} // namespace

std::optional<std::string> requiredRegexLiteral(const QString &p, bool caseSensitive)
{
    if (p.contains(QLatin1String("\\Q")))
        return std::nullopt; // quoting reads even inside a class: not worth parsing
    QString best;
    QString run;
    const auto endRun = [&] {
        if (run.toUtf8().size() > best.toUtf8().size())
            best = run;
        run.clear();
    };
    qsizetype i = 0;
    while (i < p.size()) {
        const QChar c = p.at(i);
        QChar literal;
        qsizetype next = i + 1;
        switch (c.unicode()) {
        case u'|':
            return std::nullopt; // top-level alternation: no one literal is required
        case u'(':
            next = skipGroup(p, i);
            if (next < 0)
                return std::nullopt;
            break;
        case u')':
            return std::nullopt; // unbalanced: the regex will not compile anyway
        case u'[':
            next = skipClass(p, i);
            if (next < 0)
                return std::nullopt;
            break;
        case u'\\': {
            if (i + 1 >= p.size())
                return std::nullopt;
            const QChar e = p.at(i + 1);
            next = i + 2;
            if (e.unicode() < 0x80 && e.isLetterOrNumber() && !isPlainClassEscape(e) &&
                QStringLiteral("nrtfae").indexOf(e) < 0)
                return std::nullopt; // \Q, \x.., \c., \p.., \g.., \k.., \N.., \1 ...
            literal = escapedLiteral(e);
            break;
        }
        case u'.':
        case u'^':
        case u'$':
        case u'{': // literal only when it opens no quantifier; stay unsure
        case u'}':
        case u'?': // a quantifier with no atom: the pattern is invalid
        case u'*':
        case u'+':
        case u'\n':
            break;
        default:
            literal = c;
            break;
        }
        if (!literal.isNull()) {
            const char16_t u = literal.unicode();
            const bool usable =
                !literal.isSurrogate() && u != 0xFFFD &&
                (caseSensitive || (u < 0x80 && u != u'k' && u != u'K' && u != u's' && u != u'S'));
            if (!usable)
                literal = QChar();
        }
        const Quantifier q = quantifierAt(p, next);
        if (literal.isNull()) {
            endRun();
        } else if (q.length == 0) {
            run += literal;
        } else if (q.min == 0) {
            endRun(); // optional: not part of what is required
        } else {
            run += literal; // once at least; what follows need not be next to it
            endRun();
        }
        i = next + q.length;
    }
    endRun();
    if (best.isEmpty())
        return std::nullopt;
    const QByteArray bytes = best.toUtf8();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

} // namespace core::kube
