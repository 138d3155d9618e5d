#include "core/kube/logregexliteral.h"
#include "core/kube/logstore.h"

#include <QTest>

// The regex prefilter: which literal a pattern requires (none where that could be wrong), and
// that searching with it finds exactly what the regex alone finds.

using core::kube::LogMatcher;
using core::kube::requiredRegexLiteral;
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
        QTest::addColumn<QString>("literal"); // empty: none
        const auto row = [](const char *name, const QString &pattern, bool cs,
                            const QString &literal) {
            QTest::newRow(name) << pattern << cs << literal;
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
        row("top-level alternation", u"timeout|retry"_s, true, QString());
        row("alternation after a literal", u"abc(d)|e"_s, true, QString());
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
        QFETCH(QString, literal);
        const auto got = requiredRegexLiteral(pattern, caseSensitive);
        if (literal.isEmpty()) {
            QVERIFY2(!got, got ? got->c_str() : "");
        } else {
            QVERIFY(got.has_value());
            QCOMPARE(QString::fromStdString(*got), literal);
        }
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
        QVERIFY(without.prefilterLiteral().empty());
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
    }

    // The prefilter engages where it should (else the comparison above proves little).
    void prefilterEngages()
    {
        QCOMPARE(LogMatcher(u"took=\\d+ms"_s, true, true, false).prefilterLiteral(), "took=");
        QCOMPARE(LogMatcher(u"\\bdb"_s, true, false, true).prefilterLiteral(), "db");
        QCOMPARE(LogMatcher(u"CAFÉ"_s, false, false, false).prefilterLiteral(), "caf");
        QVERIFY(LogMatcher(u"a|b"_s, true, true, false).prefilterLiteral().empty());
        QVERIFY(LogMatcher(u"plain"_s, false, true, false).prefilterLiteral().empty());
    }
};

QTEST_GUILESS_MAIN(tst_logregexliteral)
#include "tst_logregexliteral.moc"
