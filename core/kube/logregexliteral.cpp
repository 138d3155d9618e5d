#include "core/kube/logregexliteral.h"

#include <QStringList>

#include <algorithm>
#include <limits>

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

// The quantifier at `at`, if any (with a lazy '?' or possessive '+' after it). A '{' that opens
// no quantifier PCRE2 10.42 reads ("{,3}", "{ 2 }") answers min 0 and length 0: newer PCRE2 reads
// those as quantifiers, so the atom before it is not counted as required.
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
        if (!digits || i >= p.size() || p.at(i) != u'}') {
            q.min = 0; // '{' read literally, or a quantifier to a newer PCRE2: unsure
            return q;
        }
        q.length = i + 1 - at;
        q.min = min;
    } else {
        return q;
    }
    if (at + q.length < p.size() && (p.at(at + q.length) == u'?' || p.at(at + q.length) == u'+'))
        ++q.length;
    return q;
}

// Where a run of digits, commas and spaces in braces starting at `at` ('{') ends, or -1.
qsizetype braces(const QString &p, qsizetype at)
{
    qsizetype i = at + 1;
    while (i < p.size() && p.at(i).unicode() < 0x80 &&
           (p.at(i).isDigit() || p.at(i) == u',' || p.at(i) == u' '))
        ++i;
    return i < p.size() && p.at(i) == u'}' ? i + 1 : -1;
}

// Where the contents of a group at `at` ('(') start when its contents must match as written
// (capturing, (?:, (?>, named), else -1: lookarounds, conditionals, branch resets and the rest
// are skipped whole (or refused, by skipGroup).
qsizetype groupContents(const QString &p, qsizetype at)
{
    const qsizetype n = p.size();
    if (at + 1 >= n)
        return -1;
    if (p.at(at + 1) != u'?')
        return p.at(at + 1) == u'*' ? -1 : at + 1;
    if (at + 2 >= n)
        return -1;
    const QChar k = p.at(at + 2);
    if (k == u':' || k == u'>')
        return at + 3;
    qsizetype name = -1; // where the group's name starts
    QChar close;
    if (k == u'<' || k == u'\'') {
        name = at + 3;
        close = k == u'<' ? u'>' : u'\'';
    } else if (k == u'P' && at + 3 < n && p.at(at + 3) == u'<') {
        name = at + 4;
        close = u'>';
    }
    if (name < 0 || name >= n || !(p.at(name).isLetter() || p.at(name) == u'_'))
        return -1; // (?<= and (?<! are lookbehinds
    qsizetype i = name;
    while (i < n && p.at(i).unicode() < 0x80 && (p.at(i).isLetterOrNumber() || p.at(i) == u'_'))
        ++i;
    return i < n && p.at(i) == close ? i + 1 : -1;
}

// Literals, one of which every match holds (UTF-16 while parsing); empty: none known.
using AnyOf = QStringList;

qsizetype shortestBytes(const AnyOf &set)
{
    qsizetype shortest = std::numeric_limits<qsizetype>::max();
    for (const QString &s : set)
        shortest = std::min(shortest, s.toUtf8().size());
    return shortest;
}

// Whether `a` rules out more lines than `b`: its shortest literal is longer (a longer literal is
// rarer), then it has fewer literals.
bool moreSelective(const AnyOf &a, const AnyOf &b)
{
    if (a.isEmpty())
        return false;
    if (b.isEmpty())
        return true;
    const qsizetype sa = shortestBytes(a);
    const qsizetype sb = shortestBytes(b);
    return sa != sb ? sa > sb : a.size() < b.size();
}

// Reads a pattern into the literals its matches require. Any construct that could make the answer
// wrong sets `refused`: then there is no prefilter at all.
class Reader
{
public:
    Reader(const QString &pattern, bool caseSensitive) : p(pattern), cs(caseSensitive) {}

    AnyOf whole()
    {
        qsizetype i = 0;
        const AnyOf set = alternation(&i);
        if (refused || i != p.size())
            return {}; // an unbalanced ')': the regex will not compile anyway
        return set;
    }

private:
    // Branches separated by '|' from *i to a ')' or the end: each must hold a literal.
    AnyOf alternation(qsizetype *i)
    {
        AnyOf all;
        bool everyBranch = true;
        while (true) {
            const AnyOf branch = sequence(i);
            if (refused)
                return {};
            everyBranch = everyBranch && !branch.isEmpty();
            if (everyBranch) {
                for (const QString &s : branch)
                    addSubsuming(&all, s);
            }
            if (*i >= p.size() || p.at(*i) != u'|')
                break;
            ++*i;
        }
        if (!everyBranch || all.size() > kMaxRegexLiterals)
            return {};
        return all;
    }

    // Adds `s` unless a literal of the set is inside it (then every line with s has that one);
    // drops those it is inside of. Case-insensitive literals are ASCII: compared folded.
    void addSubsuming(AnyOf *set, const QString &s) const
    {
        const Qt::CaseSensitivity c = cs ? Qt::CaseSensitive : Qt::CaseInsensitive;
        for (const QString &t : std::as_const(*set)) {
            if (s.contains(t, c))
                return;
        }
        set->removeIf([&](const QString &t) { return t.contains(s, c); });
        set->append(s);
    }

    // One branch, from *i to a '|', a ')' or the end: its most selective required piece.
    AnyOf sequence(qsizetype *at)
    {
        AnyOf best;
        QString run;
        const auto consider = [&best](const AnyOf &set) {
            if (moreSelective(set, best))
                best = set;
        };
        const auto endRun = [&] {
            if (!run.isEmpty())
                consider({run});
            run.clear();
        };
        qsizetype i = *at;
        while (i < p.size() && p.at(i) != u'|' && p.at(i) != u')') {
            const QChar c = p.at(i);
            QChar literal;
            qsizetype next = i + 1;
            AnyOf group;
            bool groupRequired = false;
            switch (c.unicode()) {
            case u'(': {
                const qsizetype contents = groupContents(p, i);
                if (contents >= 0) {
                    next = contents;
                    group = alternation(&next);
                    if (refused)
                        return {};
                    if (next >= p.size()) { // no ')'
                        refused = true;
                        return {};
                    }
                    ++next;
                    groupRequired = true;
                } else {
                    next = skipGroup(p, i);
                    if (next < 0) {
                        refused = true;
                        return {};
                    }
                }
                break;
            }
            case u'[':
                next = skipClass(p, i);
                if (next < 0) {
                    refused = true;
                    return {};
                }
                break;
            case u'\\': {
                if (i + 1 >= p.size()) {
                    refused = true;
                    return {};
                }
                const QChar e = p.at(i + 1);
                next = i + 2;
                if (e.unicode() < 0x80 && e.isLetterOrNumber() && !isPlainClassEscape(e) &&
                    QStringLiteral("nrtfae").indexOf(e) < 0) {
                    refused = true; // \Q, \x.., \c., \p.., \g.., \k.., \N.., \1 ...
                    return {};
                }
                literal = escapedLiteral(e);
                break;
            }
            case u'{':
                // Literal only when it opens no quantifier; "{,3}" and "{ 2 }" are quantifiers
                // to newer PCRE2 (and the atom before was not counted): skip them whole.
                next = std::max(next, braces(p, i));
                break;
            case u'.':
            case u'^':
            case u'$':
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
                    (cs || (u < 0x80 && u != u'k' && u != u'K' && u != u's' && u != u'S'));
                if (!usable)
                    literal = QChar();
            }
            const Quantifier q = quantifierAt(p, next);
            if (groupRequired) {
                endRun();
                if (q.min > 0)
                    consider(group); // a group repeated at least once: one of its literals
            } else if (literal.isNull() || q.min == 0) {
                endRun(); // nothing literal, or optional: not part of what is required
            } else if (q.length == 0) {
                run += literal;
            } else {
                run += literal; // once at least; what follows need not be next to it
                endRun();
            }
            i = next + q.length;
        }
        endRun();
        *at = i;
        return best;
    }

    const QString &p;
    const bool cs;
    bool refused = false;
};

} // namespace

std::vector<std::string> requiredRegexLiterals(const QString &p, bool caseSensitive)
{
    if (p.contains(QLatin1String("\\Q")))
        return {}; // quoting reads even inside a class: not worth parsing
    std::vector<std::string> out;
    for (const QString &s : Reader(p, caseSensitive).whole()) {
        const QByteArray bytes = s.toUtf8();
        out.emplace_back(bytes.constData(), std::size_t(bytes.size()));
    }
    return out;
}

} // namespace core::kube
