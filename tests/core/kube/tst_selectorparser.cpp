#include "core/kube/selectorparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::kube;
using namespace Qt::StringLiterals;

// Rows come from Kubernetes: k8s.io/apimachinery pkg/labels/selector_test.go (TestSelectorParse,
// TestSetSelectorParser, TestSelectorMatches, TestRequirementSelectorMatching) and
// pkg/fields/selector_test.go (TestSelectorParse, TestSplitTerms, TestEscapeValue,
// TestSelectorMatches). Where Kubernetes keeps `x=a` as Equals, LabelSelector holds In [a]; the
// expected requirements below are written in that form.
class tst_SelectorParser : public QObject
{
    Q_OBJECT

private slots:
    void labelParse_data();
    void labelParse();
    void labelDeterministic();
    void labelMatches_data();
    void labelMatches();
    void labelErrorMessage();
    void fieldParse_data();
    void fieldParse();
    void fieldMatchesSet_data();
    void fieldMatchesSet();
    void fieldMatchesObject_data();
    void fieldMatchesObject();
    void fieldRequiredValue();
    void fieldEscape_data();
    void fieldEscape();

private:
    static QString describe(const LabelSelector &selector);
    static QMap<QString, QString> set(const QString &text);
};

// "key Op \"v1\",\"v2\"; key2 Exists": compact and unambiguous for empty values.
QString tst_SelectorParser::describe(const LabelSelector &selector)
{
    QStringList parts;
    for (const auto &r : selector.requirements()) {
        QString part = r.key + u' ' + LabelSelector::operatorName(r.op);
        QStringList quoted;
        for (const QString &value : r.values)
            quoted << u'"' + value + u'"';
        if (!quoted.isEmpty())
            part += u' ' + quoted.join(u',');
        parts << part;
    }
    return parts.join(u"; "_s);
}

// "k=v,k2=v2" -> {k: v, k2: v2}; test data only, so no escaping.
QMap<QString, QString> tst_SelectorParser::set(const QString &text)
{
    QMap<QString, QString> labels;
    for (const QString &pair : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        labels.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return labels;
}

void tst_SelectorParser::labelParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // describe() output, or "error:<code>"

    // TestSelectorParse, good strings.
    QTest::newRow("x=a,y=b,z=c") << u"x=a,y=b,z=c"_s << u"x In \"a\"; y In \"b\"; z In \"c\""_s;
    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("x!=a,y=b") << u"x!=a,y=b"_s << u"x NotIn \"a\"; y In \"b\""_s;
    QTest::newRow("x=") << u"x="_s << u"x In \"\""_s;
    QTest::newRow("x= ") << u"x= "_s << u"x In \"\""_s;
    QTest::newRow("x=,z= ") << u"x=,z= "_s << u"x In \"\"; z In \"\""_s;
    QTest::newRow("x= ,z= ") << u"x= ,z= "_s << u"x In \"\"; z In \"\""_s;
    QTest::newRow("!x") << u"!x"_s << u"x DoesNotExist"_s;
    // Valid in Kubernetes (Gt/Lt), not expressible as a LabelSelector.
    QTest::newRow("x>1") << u"x>1"_s << u"error:selector.unsupportedOperator"_s;
    QTest::newRow("x>1,z<5") << u"x>1,z<5"_s << u"error:selector.unsupportedOperator"_s;
    // TestSelectorParse, bad strings.
    // "a||y" is read as the value and fails validation before the second '=' is reached.
    QTest::newRow("x=a||y=b") << u"x=a||y=b"_s << u"error:selector.value"_s;
    QTest::newRow("x==a==b") << u"x==a==b"_s << u"error:selector.syntax"_s;
    QTest::newRow("!x=a") << u"!x=a"_s << u"error:selector.syntax"_s;
    // TestSetSelectorParser.
    QTest::newRow("\\rx") << u"\rx"_s << u"x Exists"_s;
    QTest::newRow("dns key") << u"this-is-a-dns.domain.com/key-with-dash"_s
                             << u"this-is-a-dns.domain.com/key-with-dash Exists"_s;
    QTest::newRow("dns key in") << u"this-is-another-dns.domain.com/key-with-dash in (so,what)"_s
                                << u"this-is-another-dns.domain.com/key-with-dash In "
                                   "\"so\",\"what\""_s;
    QTest::newRow("numeric prefix notin")
        << u"0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)"_s
        << u"0.1.2.domain/99 NotIn \"10.10.100.1\",\"tick.tack.clock\""_s;
    QTest::newRow("spaces and tab") << u"foo  in\t (abc)"_s << u"foo In \"abc\""_s;
    QTest::newRow("newline") << u"x notin\n (abc)"_s << u"x NotIn \"abc\""_s;
    QTest::newRow("tabs") << u"x  notin\t\t\t(abc,def)"_s << u"x NotIn \"abc\",\"def\""_s;
    QTest::newRow("in two") << u"x in (abc,def)"_s << u"x In \"abc\",\"def\""_s;
    QTest::newRow("trailing comma in set") << u"x in (abc,)"_s << u"x In \"\",\"abc\""_s;
    QTest::newRow("empty set") << u"x in ()"_s << u"x In \"\""_s;
    QTest::newRow("mixed sorted by key")
        << u"x notin (abc,,def),bar,z in (),w"_s
        << u"bar Exists; w Exists; x NotIn \"\",\"abc\",\"def\"; z In \"\""_s;
    QTest::newRow("x,y in (a)") << u"x,y in (a)"_s << u"x Exists; y In \"a\""_s;
    QTest::newRow("x=a") << u"x=a"_s << u"x In \"a\""_s;
    QTest::newRow("x=a,y!=b") << u"x=a,y!=b"_s << u"x In \"a\"; y NotIn \"b\""_s;
    QTest::newRow("x=a,y!=b,z in (h,i,j)")
        << u"x=a,y!=b,z in (h,i,j)"_s << u"x In \"a\"; y NotIn \"b\"; z In \"h\",\"i\",\"j\""_s;
    QTest::newRow("x,,y") << u"x,,y"_s << u"error:selector.syntax"_s;
    QTest::newRow(",x,y") << u",x,y"_s << u"error:selector.syntax"_s;
    QTest::newRow("x nott in (y)") << u"x nott in (y)"_s << u"error:selector.syntax"_s;
    QTest::newRow("x notin ( )") << u"x notin ( )"_s << u"x NotIn \"\""_s;
    QTest::newRow("x notin (, a)") << u"x notin (, a)"_s << u"x NotIn \"\",\"a\""_s;
    QTest::newRow("trailing comma") << u"a in (xyz),"_s << u"error:selector.syntax"_s;
    QTest::newRow("missing comma") << u"a in (xyz)b notin ()"_s << u"error:selector.syntax"_s;
    QTest::newRow("trailing space") << u"a "_s << u"a Exists"_s;
    QTest::newRow("keywords as values")
        << u"a in (x,y,notin, z,in)"_s << u"a In \"in\",\"notin\",\"x\",\"y\",\"z\""_s;
    QTest::newRow("no comma in set") << u"a in (xyz abc)"_s << u"error:selector.syntax"_s;
    QTest::newRow("open set") << u"a notin("_s << u"error:selector.syntax"_s;
    QTest::newRow("a (") << u"a ("_s << u"error:selector.syntax"_s;
    QTest::newRow("(") << u"("_s << u"error:selector.syntax"_s;
    // TestSelectorMatches: keywords are plain identifiers around '='.
    QTest::newRow("notin=in") << u"notin=in"_s << u"notin In \"in\""_s;
    // Duplicates collapse, as sets.String does.
    QTest::newRow("duplicate values") << u"x in (b,a,b)"_s << u"x In \"a\",\"b\""_s;
    QTest::newRow("double equals") << u"tier==cache"_s << u"tier In \"cache\""_s;
    // Key and value validation (validation.IsQualifiedName, IsValidLabelValue).
    QTest::newRow("prefixed key") << u"example.com/app=web"_s << u"example.com/app In \"web\""_s;
    QTest::newRow("bad key start") << u"-x=a"_s << u"error:selector.key"_s;
    QTest::newRow("two slashes") << u"a/b/c"_s << u"error:selector.key"_s;
    QTest::newRow("empty prefix") << u"/x"_s << u"error:selector.key"_s;
    QTest::newRow("key too long") << u"k"_s.repeated(64) + u"=a"_s << u"error:selector.key"_s;
    QTest::newRow("bad value") << u"x=-a"_s << u"error:selector.value"_s;
    QTest::newRow("value too long") << u"x="_s + u"v"_s.repeated(64) << u"error:selector.value"_s;
    QTest::newRow("bad value in set") << u"x in (a,b_)"_s << u"error:selector.value"_s;
    QTest::newRow("non-ascii value") << u"x=\u00e4"_s << u"error:selector.value"_s;
    QTest::newRow("space in value") << u"x=a b"_s << u"error:selector.syntax"_s;
    QTest::newRow("operator only") << u"=a"_s << u"error:selector.syntax"_s;
    QTest::newRow("bang alone") << u"!"_s << u"error:selector.syntax"_s;
    QTest::newRow("bang in") << u"!x in (a)"_s << u"error:selector.syntax"_s;
}

void tst_SelectorParser::labelParse()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto result = parseLabelSelector(text);
    if (expected.startsWith(u"error:"_s)) {
        QVERIFY2(!result.ok(), qPrintable(result.ok() ? describe(*result) : QString()));
        QCOMPARE(result.error().code, expected.mid(6));
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY(!result.error().hint.isEmpty());
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(describe(*result), expected);
    QVERIFY(result->validate().isEmpty()); // the result is a valid metav1.LabelSelector
}

// TestDeterministicParse
void tst_SelectorParser::labelDeterministic()
{
    const auto a = parseLabelSelector(u"x=a,a=x"_s);
    const auto b = parseLabelSelector(u"a=x,x=a"_s);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(*a, *b);
}

void tst_SelectorParser::labelMatches_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<bool>("matches");

    QTest::newRow("empty") << u""_s << u"x=y"_s << true;
    QTest::newRow("x=y") << u"x=y"_s << u"x=y"_s << true;
    QTest::newRow("x=y,z=w") << u"x=y,z=w"_s << u"x=y,z=w"_s << true;
    QTest::newRow("x!=y,z!=w") << u"x!=y,z!=w"_s << u"x=z,z=a"_s << true;
    QTest::newRow("notin=in") << u"notin=in"_s << u"notin=in"_s << true;
    QTest::newRow("x") << u"x"_s << u"x=z"_s << true;
    QTest::newRow("!x") << u"!x"_s << u"y=z"_s << true;
    QTest::newRow("x=z on empty") << u"x=z"_s << u""_s << false;
    QTest::newRow("x=y on x=z") << u"x=y"_s << u"x=z"_s << false;
    QTest::newRow("x=y,z=w on x=w") << u"x=y,z=w"_s << u"x=w,z=w"_s << false;
    QTest::newRow("x!=y,z!=w on z=w") << u"x!=y,z!=w"_s << u"x=z,z=w"_s << false;
    QTest::newRow("x on y") << u"x"_s << u"y=z"_s << false;
    QTest::newRow("!x on x") << u"!x"_s << u"x=z"_s << false;
    QTest::newRow("foo=bar") << u"foo=bar"_s << u"foo=bar,baz=blah"_s << true;
    QTest::newRow("baz=blah") << u"baz=blah"_s << u"foo=bar,baz=blah"_s << true;
    QTest::newRow("foo=bar,baz=blah") << u"foo=bar,baz=blah"_s << u"foo=bar,baz=blah"_s << true;
    QTest::newRow("foo=blah") << u"foo=blah"_s << u"foo=bar,baz=blah"_s << false;
    QTest::newRow("baz=bar") << u"baz=bar"_s << u"foo=bar,baz=blah"_s << false;
    QTest::newRow("foo=bar,foobar=bar,baz=blah")
        << u"foo=bar,foobar=bar,baz=blah"_s << u"foo=bar,baz=blah"_s << false;
    // TestRequirementSelectorMatching
    QTest::newRow("in + notin") << u"x in (foo),y notin (alpha)"_s << u"x=foo,y=baz"_s << true;
    QTest::newRow("in + in") << u"x in (foo),y in (alpha)"_s << u"x=foo,y=baz"_s << false;
    QTest::newRow("notin empty + exists") << u"x notin (),y"_s << u"y="_s << true;
    QTest::newRow("!x + exists") << u"!x,y"_s << u"y="_s << true;
    QTest::newRow("notin empty + !y") << u"x notin (),!y"_s << u"y="_s << false;
    QTest::newRow("in empty") << u"x in ()"_s << u"y=baz"_s << false;
    // != and notin match objects without the label.
    QTest::newRow("!= absent") << u"tier!=cache"_s << u"app=web"_s << true;
    QTest::newRow("notin absent") << u"env notin (prod)"_s << u""_s << true;
    QTest::newRow("in absent") << u"env in (prod)"_s << u""_s << false;
    QTest::newRow("= empty value") << u"x="_s << u"x="_s << true;
}

void tst_SelectorParser::labelMatches()
{
    QFETCH(QString, selector);
    QFETCH(QString, labels);
    QFETCH(bool, matches);
    const auto parsed = parseLabelSelector(selector);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->matches(set(labels)), matches);
}

void tst_SelectorParser::labelErrorMessage()
{
    const auto result = parseLabelSelector(u"a in (xyz abc)"_s);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(u"'abc'"_s), qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(u"a in (xyz abc)"_s));
}

void tst_SelectorParser::fieldParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");

    // TestSelectorParse (fields): restringing gives the input back.
    QTest::newRow("x=a,y=b,z=c") << u"x=a,y=b,z=c"_s << true << u"x=a,y=b,z=c"_s;
    QTest::newRow("empty") << u""_s << true << u""_s;
    QTest::newRow("x!=a,y=b") << u"x!=a,y=b"_s << true << u"x!=a,y=b"_s;
    QTest::newRow("escaped equals") << u"x=a||y\\=b"_s << true << u"x=a||y\\=b"_s;
    QTest::newRow("two escaped equals") << u"x=a\\=\\=b"_s << true << u"x=a\\=\\=b"_s;
    QTest::newRow("x=a||y=b") << u"x=a||y=b"_s << false << u""_s;
    QTest::newRow("x==a==b") << u"x==a==b"_s << false << u""_s;
    QTest::newRow("x=a,b") << u"x=a,b"_s << false << u""_s;
    QTest::newRow("x in (a)") << u"x in (a)"_s << false << u""_s;
    QTest::newRow("x in (a,b,c)") << u"x in (a,b,c)"_s << false << u""_s;
    QTest::newRow("x") << u"x"_s << false << u""_s;
    // TestSplitTerms / TestSplitTerm.
    QTest::newRow("empty terms") << u",a=a,"_s << true << u"a=a"_s;
    QTest::newRow("escaped comma") << u"k=\\,,k2=v2"_s << true << u"k2=v2,k=\\,"_s;
    QTest::newRow("escaped backslash") << u"k=\\\\,k2=v2"_s << true << u"k2=v2,k=\\\\"_s;
    QTest::newRow("backslash and comma") << u"k=\\\\\\,,k2=v2"_s << true << u"k2=v2,k=\\\\\\,"_s;
    QTest::newRow("non-escape sequences") << u"k=\\a\\b\\"_s << false << u""_s;
    QTest::newRow("orphan backslash") << u"k=\\"_s << false << u""_s;
    QTest::newRow("multi-byte") << u"\ud568=\uc218,\ubaa9=\ub85d"_s << true
                                << u"\ubaa9=\ub85d,\ud568=\uc218"_s;
    QTest::newRow("double equals restrings")
        << u"metadata.name==web"_s << true << u"metadata.name=web"_s;
    QTest::newRow("pod fields")
        << u"metadata.name=x,metadata.namespace!=y,status.phase=Running,spec.nodeName=n"_s << true
        << u"metadata.name=x,metadata.namespace!=y,spec.nodeName=n,status.phase=Running"_s;
    QTest::newRow("empty value") << u"spec.nodeName="_s << true << u"spec.nodeName="_s;
    QTest::newRow("not-equals empty") << u"spec.nodeName!="_s << true << u"spec.nodeName!="_s;
    QTest::newRow("greater than") << u"x>1"_s << false << u""_s;
}

void tst_SelectorParser::fieldParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    const auto result = parseFieldSelector(text);
    QCOMPARE(result.ok(), valid);
    if (!valid) {
        QCOMPARE(result.error().code, u"selector.syntax"_s);
        return;
    }
    QCOMPARE(result->toString(), canonical);
    const auto again = parseFieldSelector(result->toString());
    QVERIFY(again.ok());
    QCOMPARE(again->toString(), canonical);
}

void tst_SelectorParser::fieldMatchesSet_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches");
    // TestSelectorMatches (fields) against {foo: bar, baz: blah, complex: =value\,\}.
    QTest::newRow("empty") << u""_s << true;
    QTest::newRow("foo=bar") << u"foo=bar"_s << true;
    QTest::newRow("baz=blah") << u"baz=blah"_s << true;
    QTest::newRow("foo=bar,baz=blah") << u"foo=bar,baz=blah"_s << true;
    QTest::newRow("complex") << u"foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\"_s << true;
    QTest::newRow("foo=blah") << u"foo=blah"_s << false;
    QTest::newRow("baz=bar") << u"baz=bar"_s << false;
    QTest::newRow("foobar") << u"foo=bar,foobar=bar,baz=blah"_s << false;
    QTest::newRow("!= absent") << u"foobar!=x"_s << true;
    QTest::newRow("= absent empty") << u"foobar="_s << true;
    QTest::newRow("!= present") << u"foo!=bar"_s << false;
}

void tst_SelectorParser::fieldMatchesSet()
{
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    const QMap<QString, QString> fields = {
        {u"foo"_s, u"bar"_s}, {u"baz"_s, u"blah"_s}, {u"complex"_s, u"=value\\,\\"_s}};
    const auto parsed = parseFieldSelector(selector);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->matches(fields), matches);
}

void tst_SelectorParser::fieldMatchesObject_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches");

    QTest::newRow("name") << u"metadata.name=web-1"_s << true;
    QTest::newRow("name ==") << u"metadata.name==web-1"_s << true;
    QTest::newRow("other name") << u"metadata.name=web-2"_s << false;
    QTest::newRow("namespace !=") << u"metadata.namespace!=kube-system"_s << true;
    QTest::newRow("namespace != own") << u"metadata.namespace!=default"_s << false;
    QTest::newRow("phase") << u"status.phase=Running"_s << true;
    QTest::newRow("phase and node") << u"status.phase=Running,spec.nodeName=node-a"_s << true;
    QTest::newRow("other node") << u"status.phase=Running,spec.nodeName=node-b"_s << false;
    QTest::newRow("scheduled is not unscheduled") << u"spec.nodeName="_s << false;
    QTest::newRow("boolean") << u"spec.hostNetwork=true"_s << true;
    QTest::newRow("boolean false") << u"spec.hostNetwork!=false"_s << true;
    QTest::newRow("integer") << u"spec.priority=1000"_s << true;
    QTest::newRow("absent field") << u"spec.schedulerName="_s << true;
    QTest::newRow("absent field !=") << u"spec.schedulerName!=default-scheduler"_s << true;
    QTest::newRow("object is empty") << u"spec="_s << true;
}

void tst_SelectorParser::fieldMatchesObject()
{
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    const QJsonObject pod = QJsonDocument::fromJson(R"({
        "metadata": {"name": "web-1", "namespace": "default"},
        "spec": {"nodeName": "node-a", "hostNetwork": true, "priority": 1000},
        "status": {"phase": "Running"}})")
                                .object();
    const auto parsed = parseFieldSelector(selector);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->matches(pod), matches);
}

void tst_SelectorParser::fieldRequiredValue()
{
    const auto parsed = parseFieldSelector(u"metadata.name=web,status.phase!=Failed"_s);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->requiredValue(u"metadata.name"_s), std::optional(u"web"_s));
    QCOMPARE(parsed->requiredValue(u"status.phase"_s), std::nullopt);
    QCOMPARE(parsed->requiredValue(u"spec.nodeName"_s), std::nullopt);
}

void tst_SelectorParser::fieldEscape_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("escaped");
    // TestEscapeValue
    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("a") << u"a"_s << u"a"_s;
    QTest::newRow("=") << u"="_s << u"\\="_s;
    QTest::newRow(",") << u","_s << u"\\,"_s;
    QTest::newRow("\\") << u"\\"_s << u"\\\\"_s;
    QTest::newRow("mixed") << u"\\=\\,\\"_s << u"\\\\\\=\\\\\\,\\\\"_s;
}

void tst_SelectorParser::fieldEscape()
{
    QFETCH(QString, raw);
    QFETCH(QString, escaped);
    QCOMPARE(escapeFieldValue(raw), escaped);
    const auto parsed = parseFieldSelector(u"f="_s + escaped);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->requirements().value(0).value, raw);
}

QTEST_GUILESS_MAIN(tst_SelectorParser)
#include "tst_selectorparser.moc"
