#include "core/kube/logregexliteral.h"
#include "core/kube/logstore.h"

#include <QTest>

// The regex prefilter: which literals a pattern requires, one of them in every match (none where
// that could be wrong), and that searching with them finds exactly what the regex alone finds.

using core::kube::LogMatcher;
using core::kube::requiredRegexLiterals;
using namespace Qt::StringLiterals;

namespace {

// Lines that stress the prefilter: case, Unicode folding (KELVIN SIGN, LONG S), word edges,
// non-ASCII text, invalid UTF-8, and lines that hold the literal without a match.
QByteArrayList corpus()
{
    QByteArrayList lines = {
        "GET /api/orders 404 took=12ms",
        "get /API/orders 404 took=ms",
        "POST /api/users 200 took=7ms retry=1",
        "timeout after 30s; TIMEOUT again; Timeout",
        "db=ok dbx=no _db xdb db",
        "\xe2\x84\xaa" "elvin sign: \xe2\x84\xaa kiss KISS ki\xc5\xbf\xc5\xbf", // K kiss kiſſ
        "\xe7\x94\xa8\xe6\x88\xb7 error \xe7\x99\xbb\xe5\xbd\x95 err",      // 用户 error 登录
        "invalid \xff\xfe bytes took=3ms",
        "a.b a+b a{2}b aab ab abab (x) [y] x|y",
        "seq=99990 seq=99999 seq=999990",
        "",
        "took= 5ms took=55ms took=5 ms",
        "colour color colouur",
        "caf\xc3\xa9 CAF\xc3\x89 cafe caf\xc3\xa9s",
    };
    // And many ordinary lines, so blocks are long and most lines lack the literal.
    const char *const words[] = {"GET", "/api/orders", "took=12ms", "db", "retry", "ok", "warn"};
    for (int i = 0; i < 400; ++i) {
        QByteArray line = "seq=" + QByteArray::number(i);
        for (int w = 0; w < 6; ++w)
            line += ' ' + QByteArray(words[(i * 7 + w * 3) % 7]);
        lines.append(line);
    }
    return lines;
}

} // namespace

class tst_logregexliteral : public QObject
{
    Q_OBJECT
private slots:
    void extraction_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<QStringList>("literals"); // any of them; empty: none
        const auto row = [](const char *name, const QString &pattern, bool cs,
                            const QString &literal) {
            QTest::newRow(name) << pattern << cs
                                << (literal.isEmpty() ? QStringList() : QStringList{literal});
        };
        const auto set = [](const char *name, const QString &pattern, bool cs,
                            const QStringList &literals) {
            QTest::newRow(name) << pattern << cs << literals;
        };
        row("plain", u"timeout"_s, true, u"timeout"_s);
        row("longest run", u"took=\\d+ms"_s, true, u"took="_s);
        row("runs around a class", u"GET /api/\\S+ 404"_s, true, u"GET /api/"_s);
        row("escaped punctuation is literal", u"a\\.b\\/cde"_s, true, u"a.b/cde"_s);
        row("optional char leaves the run", u"colou?rs"_s, true, u"colo"_s);
        row("star leaves the run", u"abcx*yz"_s, true, u"abc"_s);
        row("plus keeps one and ends the run", u"ab+cd"_s, true, u"ab"_s);
        row("{0,2} is optional", u"abcd{0,2}ef"_s, true, u"abc"_s);
        row("{2} keeps one", u"xyz{2}q"_s, true, u"xyz"_s);
        row("lazy quantifier", u"abc*?de"_s, true, u"ab"_s);
        row("group is skipped, run outside kept", u"(foo|bar)baz"_s, true, u"baz"_s);
        row("lookahead skipped", u"err(?=or)x"_s, true, u"err"_s);
        row("non-capturing group", u"(?:a|b)cde"_s, true, u"cde"_s);
        row("class with ] and escapes", u"[]\\]a]xyz"_s, true, u"xyz"_s);
        row("posix class", u"[[:digit:]]+units"_s, true, u"units"_s);
        row("anchors break", u"^start$"_s, true, u"start"_s);
        row("non-ASCII case-sensitive", u"用户 登录"_s, true, u"用户 登录"_s);
        row("word boundary breaks", u"\\bdb\\b"_s, true, u"db"_s);
        // Case-insensitive: ASCII only, and never k or s (KELVIN SIGN, LONG S fold to them).
        row("case-insensitive ASCII", u"TIMEOUT"_s, false, u"TIMEOUT"_s);
        row("case-insensitive drops k", u"kelvin"_s, false, u"elvin"_s);
        row("case-insensitive drops s", u"kiss"_s, false, u"i"_s);
        row("case-insensitive non-ASCII breaks", u"café bar"_s, false, u" bar"_s);
        // None: unsafe or nothing literal.
        // Alternation: any of the branches' literals, when every branch has one.
        set("top-level alternation", u"timeout|retry"_s, true, {u"timeout"_s, u"retry"_s});
        set("alternation in a group", u"(timeout|retry)"_s, true, {u"timeout"_s, u"retry"_s});
        set("alternation after a literal", u"abc(d)|e"_s, true, {u"abc"_s, u"e"_s});
        set("each branch's longest run", u"err\\d+or|w[a]rning"_s, true, {u"err"_s, u"rning"_s});
        set("three branches", u"error|warn|fatal"_s, true, {u"error"_s, u"warn"_s, u"fatal"_s});
        row("group's set less selective than the run", u"(?:GET|POST) /api"_s, true, u" /api"_s);
        set("group's set more selective than the run", u"id=(12345|99990)\\b"_s, true,
            {u"12345"_s, u"99990"_s});
        row("tie: one literal before a set", u"(abc|def)xyz"_s, true, u"xyz"_s);
        set("group repeated at least once", u"a(timeout|retry)+b"_s, true,
            {u"timeout"_s, u"retry"_s});
        set("group repeated {2,}", u"a(timeout|retry){2,}b"_s, true, {u"timeout"_s, u"retry"_s});
        set("atomic and named groups", u"(?>alpha|beta)|(?<n>gamma|delta)|(?P<m>omega)"_s, true,
            {u"alpha"_s, u"beta"_s, u"gamma"_s, u"delta"_s, u"omega"_s});
        set("nested groups", u"((timeout|retry)s|(fail|err)ed)"_s, true,
            {u"timeout"_s, u"retry"_s, u"fail"_s, u"err"_s});
        set("nested optional group leaves the rest", u"(a(bc|de)*|fg)"_s, true, {u"a"_s, u"fg"_s});
        set("a literal inside another is enough", u"error|err|xerrory"_s, true, {u"err"_s});
        set("duplicates", u"abc|abc"_s, true, {u"abc"_s});
        set("case-insensitive folded duplicates", u"ERROR|error|Err"_s, false, {u"Err"_s});
        set("case-insensitive drops k and s per branch", u"kiosk|task"_s, false,
            {u"io"_s, u"ta"_s});
        set("non-ASCII branches", u"用户|登录"_s, true, {u"用户"_s, u"登录"_s});
        set("escaped bar is a literal", u"x\\|y"_s, true, {u"x|y"_s});
        set("bar in a class is a literal", u"ab[|]cd"_s, true, {u"ab"_s});
        set("sixteen branches", u"a0|a1|a2|a3|a4|a5|a6|a7|a8|a9|b0|b1|b2|b3|b4|b5"_s, true,
            {u"a0"_s, u"a1"_s, u"a2"_s, u"a3"_s, u"a4"_s, u"a5"_s, u"a6"_s, u"a7"_s, u"a8"_s,
             u"a9"_s, u"b0"_s, u"b1"_s, u"b2"_s, u"b3"_s, u"b4"_s, u"b5"_s});
        // Alternation that gives nothing (or only what lies outside it).
        row("seventeen branches", u"a0|a1|a2|a3|a4|a5|a6|a7|a8|a9|b0|b1|b2|b3|b4|b5|b6"_s, true,
            QString());
        row("seventeen branches in a group", u"x(a0|a1|a2|a3|a4|a5|a6|a7|a8|a9|b0|b1|b2|b3|b4|b5|b6)"_s,
            true, u"x"_s);
        row("empty branch at the end", u"a|"_s, true, QString());
        row("empty branch at the start", u"|a"_s, true, QString());
        row("empty branch in a group", u"(abc|)"_s, true, QString());
        row("branch with nothing literal", u"abc|\\d+"_s, true, QString());
        row("optional branch", u"a|b*"_s, true, QString());
        row("optional group", u"(a|b)?"_s, true, QString());
        row("optional group, literal after", u"(a|b)?x"_s, true, u"x"_s);
        row("starred group", u"(timeout|retry)*"_s, true, QString());
        row("{0,3} group", u"(timeout|retry){0,3}"_s, true, QString());
        row("{,3} group (a quantifier to newer PCRE2)", u"(timeout|retry){,3}"_s, true, QString());
        row("lazy optional group", u"(timeout|retry)??"_s, true, QString());
        row("nested optional group", u"((ab|cd)?|ef)"_s, true, QString());
        row("nested starred group", u"((ab|cd)*ef|gh)*"_s, true, QString());
        row("lookahead alternation", u"(?=ab|cd)"_s, true, QString());
        row("negative lookahead alternation", u"(?!abc|def)x"_s, true, u"x"_s);
        row("lookbehind alternation", u"(?<=ab|cd)x"_s, true, u"x"_s);
        row("conditional", u"(?(1)abc|def)"_s, true, QString());
        row("branch reset", u"(?|abc|def)"_s, true, QString());
        row("option in a branch", u"abc|(?i)def"_s, true, QString());
        row("option in a nested group", u"(abc|d(?i)ef)"_s, true, QString());
        row("scoped option in a branch", u"abc|(?i:def)"_s, true, QString());
        row("verb in a group", u"(abc|(*ACCEPT)def)"_s, true, QString());
        row("comment in a branch", u"abc|d(?#x)ef"_s, true, QString());
        row("back reference in a branch", u"(abc)|\\1def"_s, true, QString());
        row("hex escape in a branch", u"abc|\\x41def"_s, true, QString());
        row("unclosed group", u"(abc|def"_s, true, QString());
        row("only k and s in a branch, case-insensitive", u"abc|ks"_s, false, QString());
        row("{,3} is unsure", u"abcd{,3}"_s, true, u"abc"_s);
        row("inline option", u"(?i)timeout"_s, true, QString());
        row("scoped option", u"(?i:time)out"_s, true, QString());
        row("verb", u"(*UTF)abc"_s, true, QString());
        row("comment", u"ab(?#c)d"_s, true, QString());
        row("quoting", u"\\Qa.b\\E"_s, true, QString());
        row("quoting inside a class", u"[\\Q]x\\E]abc"_s, true, QString());
        row("hex escape", u"\\x41BC"_s, true, QString());
        row("control escape", u"\\cAbc"_s, true, QString());
        row("property escape", u"\\p{L}abc"_s, true, QString());
        row("back reference", u"(a)\\1bc"_s, true, QString());
        row("named back reference", u"(?<n>a)\\k<n>bc"_s, true, QString());
        row("only classes", u"\\d+\\s*\\w"_s, true, QString());
        row("only optional", u"a?b*"_s, true, QString());
        row("unbalanced", u"abc)"_s, true, QString());
        row("unclosed class", u"abc[de"_s, true, QString());
        row("only k and s, case-insensitive", u"ks"_s, false, QString());
        row("empty", QString(), true, QString());
    }
    void extraction()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, caseSensitive);
        QFETCH(QStringList, literals);
        QStringList got;
        for (const std::string &literal : requiredRegexLiterals(pattern, caseSensitive))
            got.append(QString::fromStdString(literal));
        QCOMPARE(got, literals);
    }

    void sameResultsWithAndWithoutPrefilter_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<bool>("wholeWord");
        const QStringList patterns = {
            u"took=\\d+ms"_s,  u"GET /api/\\S+ 404"_s, u"took=\\d*ms"_s,  u"timeout"_s,
            u"TIMEOUT"_s,      u"kiss"_s,              u"KI\\w\\w"_s,     u"db"_s,
            u"用户 error"_s,   u"a\\.b"_s,             u"a{2}b"_s,        u"colou?r"_s,
            u"seq=9999\\d\\b"_s, u"(x) \\[y\\]"_s,     u"café"_s,         u"error|err"_s,
            u"\\berr\\b"_s,    u"\\bkelvin"_s,         u"x\\|y"_s,        u"ab+"_s,
            // Alternation: a set of literals.
            u"(timeout|retry)"_s, u"error|warn"_s, u"(?:GET|POST) /api"_s,
            u"(?:GET|POST) /API"_s, u"seq=(99990|12|399)\\b"_s, u"kiss|kelvin|ki\\w"_s,
            u"(KISS|elvin)"_s, u"用户|登录|err"_s, u"caf(é|e)"_s, u"(caf|CAF)É"_s,
            u"took=(\\d+|x)ms|retry=1"_s, u"(db|ok)+ (warn|retry)"_s, u"(a\\.b|a\\+b|x\\|y)"_s,
            u"(?<w>timeout|TIMEOUT)\\b"_s, u"(?>colou|colo)r"_s, u"\\xff|took"_s,
            u"(\\[y\\]|\\(x\\))"_s, u"(99990|3999?)\\b"_s,
        };
        for (const QString &p : patterns) {
            for (int options = 0; options < 4; ++options) {
                const bool cs = options & 1;
                const bool word = options & 2;
                QTest::addRow("%s cs=%d w=%d", qPrintable(p), int(cs), int(word))
                    << p << true << cs << word;
            }
        }
        // Case-insensitive non-ASCII literals go through the regex engine too.
        QTest::newRow("literal café, case-insensitive") << u"CAFÉ"_s << false << false << false;
    }
    void sameResultsWithAndWithoutPrefilter()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, regex);
        QFETCH(bool, caseSensitive);
        QFETCH(bool, wholeWord);
        const LogMatcher with(pattern, regex, caseSensitive, wholeWord);
        LogMatcher without = with;
        without.disablePrefilter();
        QVERIFY(with.isValid());
        QVERIFY(without.prefilterLiterals().empty());
        QByteArray block;
        qsizetype total = 0;
        for (const QByteArray &line : corpus()) {
            const std::string_view text(line.constData(), std::size_t(line.size()));
            QCOMPARE(with.count(text), without.count(text));
            QCOMPARE(with.matches(text), without.matches(text));
            QCOMPARE(with.matchesInText(text), without.matchesInText(text));
            total += without.count(text);
            block += line + '\n';
        }
        const std::string_view all(block.constData(), std::size_t(block.size()));
        QCOMPARE(with.countInBlock(all), total);
        QCOMPARE(without.countInBlock(all), total);
        QCOMPARE(with.countInBlock(all.substr(0, all.size() - 1)), total); // no final newline
        // Past 64 KiB the block scan stops prefiltering where the literals are on most lines.
        const qsizetype times = 1 + 256 * 1024 / block.size();
        const QByteArray big = block.repeated(times);
        QCOMPARE(with.countInBlock(std::string_view(big.constData(), std::size_t(big.size()))),
                 times * total);
    }

    // The prefilter engages where it should (else the comparison above proves little).
    void prefilterEngages()
    {
        using Literals = std::vector<std::string>;
        QCOMPARE(LogMatcher(u"took=\\d+ms"_s, true, true, false).prefilterLiterals(),
                 Literals{"took="});
        QCOMPARE(LogMatcher(u"\\bdb"_s, true, false, true).prefilterLiterals(), Literals{"db"});
        QCOMPARE(LogMatcher(u"CAFÉ"_s, false, false, false).prefilterLiterals(), Literals{"caf"});
        QCOMPARE(LogMatcher(u"a|b"_s, true, true, false).prefilterLiterals(),
                 (Literals{"a", "b"}));
        QCOMPARE(LogMatcher(u"(TimeOut|RETRY)"_s, true, false, false).prefilterLiterals(),
                 (Literals{"timeout", "retry"})); // lowered for ASCII folding
        QCOMPARE(LogMatcher(u"error|warn"_s, true, true, true).prefilterLiterals(),
                 (Literals{"error", "warn"})); // whole word wraps the whole alternation
        QVERIFY(LogMatcher(u"a|b*"_s, true, true, false).prefilterLiterals().empty());
        QVERIFY(LogMatcher(u"plain"_s, false, true, false).prefilterLiterals().empty());
    }
};

QTEST_GUILESS_MAIN(tst_logregexliteral)
#include "tst_logregexliteral.moc"
