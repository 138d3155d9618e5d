#include "core/sandbox/store/jsonpatch.h"

#include "patchtesthelpers.h"

#include <QJsonDocument>
#include <QTest>

using namespace core;
using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace patchtest;

// Expected values: RFC 7386 Appendix A and RFC 6902 Appendix A, written as JSON. The strategic
// row of applyPatchByType follows what `kubectl patch` does against a real API server (a
// new container goes first); strategic merge patch itself is tested in tst_strategicpatch.cpp.
class tst_JsonPatch : public QObject
{
    Q_OBJECT

private slots:
    void mergePatch_data();
    void mergePatch();
    void mergePatchOfObjectNeedsObject();
    void jsonPointer_data();
    void jsonPointer();
    void jsonPatch_data();
    void jsonPatch();
    void applyPatchByType_data();
    void applyPatchByType();
};

void tst_JsonPatch::mergePatch_data()
{
    QTest::addColumn<QJsonValue>("target");
    QTest::addColumn<QJsonValue>("patch");
    QTest::addColumn<QJsonValue>("expected");
    // RFC 7386 Appendix A, in order.
    const char *rows[][3] = {
        {"{'a':'b'}", "{'a':'c'}", "{'a':'c'}"},
        {"{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"},
        {"{'a':'b'}", "{'a':null}", "{}"},
        {"{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}"},
        {"{'a':['b']}", "{'a':'c'}", "{'a':'c'}"},
        {"{'a':'c'}", "{'a':['b']}", "{'a':['b']}"},
        {"{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"},
        {"{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"},
        {"['a','b']", "['c','d']", "['c','d']"},
        {"{'a':'b'}", "['c']", "['c']"},
        {"{'a':'foo'}", "null", "null"},
        {"{'a':'foo'}", "'bar'", "'bar'"},
        {"{'e':null}", "{'a':1}", "{'e':null,'a':1}"},
        {"[1,2]", "{'a':'b','c':null}", "{'a':'b'}"},
        {"{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}"},
        // RFC 7386 section 3.
        {"{'title':'Goodbye!','author':{'givenName':'John','familyName':'Doe'},"
         "'tags':['example','sample'],'content':'This will be unchanged'}",
         "{'title':'Hello!','phoneNumber':'+01-123-456-7890','author':{'familyName':null},"
         "'tags':['example']}",
         "{'title':'Hello!','author':{'givenName':'John'},'tags':['example'],"
         "'content':'This will be unchanged','phoneNumber':'+01-123-456-7890'}"},
    };
    int index = 0;
    for (const auto &row : rows) {
        QTest::addRow("A.%d %s", ++index, row[1]) << json(row[0]) << json(row[1]) << json(row[2]);
    }
}

void tst_JsonPatch::mergePatch()
{
    QFETCH(QJsonValue, target);
    QFETCH(QJsonValue, patch);
    QFETCH(QJsonValue, expected);
    QCOMPARE(show(mergePatchValue(target, patch)), show(expected));
}

void tst_JsonPatch::mergePatchOfObjectNeedsObject()
{
    const auto result = applyMergePatch(json("{'a':1}").toObject(), json("['c']"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, u"patch.malformed"_s);
    const auto ok = applyMergePatch(json("{'a':1}").toObject(), json("{'b':2}"));
    QVERIFY(ok.ok());
    QCOMPARE(show(*ok), show(json("{'a':1,'b':2}")));
}

void tst_JsonPatch::jsonPointer_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QStringList>("tokens"); // {"error"} when invalid
    QTest::newRow("root") << u""_s << QStringList();
    QTest::newRow("empty member") << u"/"_s << QStringList{QString()};
    QTest::newRow("two") << u"/a/0"_s << QStringList{u"a"_s, u"0"_s};
    QTest::newRow("~1") << u"/a~1b"_s << QStringList{u"a/b"_s};
    QTest::newRow("~0") << u"/m~0n"_s << QStringList{u"m~n"_s};
    QTest::newRow("~01 is ~1") << u"/~01"_s << QStringList{u"~1"_s};
    QTest::newRow("~10 is /0") << u"/~10"_s << QStringList{u"/0"_s};
    QTest::newRow("no slash") << u"a/b"_s << QStringList{u"error"_s};
    QTest::newRow("~2") << u"/a~2"_s << QStringList{u"error"_s};
    QTest::newRow("trailing ~") << u"/a~"_s << QStringList{u"error"_s};
}

void tst_JsonPatch::jsonPointer()
{
    QFETCH(QString, pointer);
    QFETCH(QStringList, tokens);
    const auto result = parseJsonPointer(pointer);
    if (tokens == QStringList{u"error"_s}) {
        QVERIFY(!result.ok());
        return;
    }
    QVERIFY(result.ok());
    QCOMPARE(*result, tokens);
}

void tst_JsonPatch::jsonPatch_data()
{
    QTest::addColumn<QJsonValue>("document");
    QTest::addColumn<QJsonValue>("patch");
    QTest::addColumn<QString>("expected"); // JSON, or "error:<code>:<operation index>"

    const auto row = [](const char *name, const char *document, const char *patch,
                        const char *expected) {
        const QString wanted = QString::fromLatin1(expected).startsWith(u"error:"_s)
                                   ? QString::fromLatin1(expected)
                                   : show(json(expected));
        QTest::newRow(name) << json(document) << json(patch) << wanted;
    };
    // RFC 6902 Appendix A (A.13, duplicate members, cannot be represented in QJsonObject).
    row("A.1", "{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]",
        "{'baz':'qux','foo':'bar'}");
    row("A.2", "{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]",
        "{'foo':['bar','qux','baz']}");
    row("A.3", "{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}");
    row("A.4", "{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]",
        "{'foo':['bar','baz']}");
    row("A.5", "{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]",
        "{'baz':'boo','foo':'bar'}");
    row("A.6", "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
        "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]",
        "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}");
    row("A.7", "{'foo':['all','grass','cows','eat']}",
        "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", "{'foo':['all','cows','eat','grass']}");
    row("A.8", "{'baz':'qux','foo':['a',2,'c']}",
        "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]",
        "{'baz':'qux','foo':['a',2,'c']}");
    row("A.9", "{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]",
        "error:patch.testFailed:0");
    row("A.10", "{'foo':'bar'}", "[{'op':'add','path':'/child','value':{'grandchild':{}}}]",
        "{'foo':'bar','child':{'grandchild':{}}}");
    row("A.11", "{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux','xyz':123}]",
        "{'foo':'bar','baz':'qux'}");
    row("A.12", "{'foo':'bar'}", "[{'op':'add','path':'/baz/bat','value':'qux'}]",
        "error:patch.pathNotFound:0");
    row("A.14", "{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}");
    row("A.15", "{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':'10'}]",
        "error:patch.testFailed:0");
    row("A.16", "{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':['abc','def']}]",
        "{'foo':['bar',['abc','def']]}");
    // Section 4 rules and errors with the index of the failing operation.
    row("add replaces member", "{'a':1}", "[{'op':'add','path':'/a','value':2}]", "{'a':2}");
    row("add at end index", "{'a':[1]}", "[{'op':'add','path':'/a/1','value':2}]", "{'a':[1,2]}");
    row("add past end", "{'a':[1]}", "[{'op':'add','path':'/a/2','value':2}]",
        "error:patch.pathNotFound:0");
    row("leading zero index", "{'a':[1,2]}", "[{'op':'remove','path':'/a/01'}]",
        "error:patch.pathNotFound:0");
    row("remove with -", "{'a':[1]}", "[{'op':'remove','path':'/a/-'}]",
        "error:patch.pathNotFound:0");
    row("remove missing", "{'a':1}",
        "[{'op':'test','path':'/a','value':1},{'op':'remove','path':'/b'}]",
        "error:patch.pathNotFound:1");
    row("replace missing", "{'a':1}", "[{'op':'replace','path':'/b','value':1}]",
        "error:patch.pathNotFound:0");
    row("replace null value", "{'a':1}", "[{'op':'replace','path':'/a','value':null}]",
        "{'a':null}");
    row("replace root", "{'a':1}", "[{'op':'replace','path':'','value':{'b':2}}]", "{'b':2}");
    row("copy", "{'a':{'x':1}}", "[{'op':'copy','from':'/a','path':'/b'}]",
        "{'a':{'x':1},'b':{'x':1}}");
    row("copy missing from", "{'a':1}", "[{'op':'copy','from':'/z','path':'/b'}]",
        "error:patch.pathNotFound:0");
    row("move into own child", "{'a':{'b':{}}}", "[{'op':'move','from':'/a','path':'/a/b/c'}]",
        "error:patch.invalidOperation:0");
    row("move to itself", "{'a':1}", "[{'op':'move','from':'/a','path':'/a'}]", "{'a':1}");
    row("unknown op", "{'a':1}", "[{'op':'add','path':'/b','value':1},{'op':'merge','path':'/a'}]",
        "error:patch.invalidOperation:1");
    row("missing value", "{'a':1}", "[{'op':'add','path':'/b'}]", "error:patch.invalidOperation:0");
    row("missing path", "{'a':1}", "[{'op':'remove'}]", "error:patch.invalidOperation:0");
    row("bad pointer", "{'a':1}", "[{'op':'remove','path':'a'}]", "error:patch.invalidOperation:0");
    row("operation not object", "{'a':1}", "[1]", "error:patch.invalidOperation:0");
    row("test deep equal", "{'a':{'x':[1,{'y':null}]}}",
        "[{'op':'test','path':'/a','value':{'x':[1,{'y':null}]}}]", "{'a':{'x':[1,{'y':null}]}}");
    row("patch is not an array", "{'a':1}", "{'op':'remove','path':'/a'}",
        "error:patch.malformed:0");
}

void tst_JsonPatch::jsonPatch()
{
    QFETCH(QJsonValue, document);
    QFETCH(QJsonValue, patch);
    QFETCH(QString, expected);
    const auto result = applyJsonPatch(document.toObject(), patch);
    if (expected.startsWith(u"error:"_s)) {
        const QStringList parts = expected.split(u':');
        QVERIFY2(!result.ok(), qPrintable(result.ok() ? show(*result) : QString()));
        QCOMPARE(result.error().code, parts.at(1));
        if (parts.at(1) != u"patch.malformed") {
            QVERIFY2(result.error().message.contains(u"operation "_s + parts.at(2)),
                     qPrintable(result.error().message));
        }
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(show(*result), expected);
}

void tst_JsonPatch::applyPatchByType_data()
{
    QTest::addColumn<int>("patchType"); // a PatchType
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // JSON, or "error:<code>"

    QTest::newRow("json patch")
        << int(PatchType::JsonPatch)
        << QByteArray(R"([{"op":"replace","path":"/spec/replicas","value":2}])")
        << show(json("{'kind':'Deployment','spec':{'replicas':2,"
                     "'template':{'spec':{'containers':[{'name':'a'}]}}}}"));
    QTest::newRow("merge patch replaces lists")
        << int(PatchType::MergePatch)
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"b"}]}}}})")
        << show(json("{'kind':'Deployment','spec':{'replicas':1,"
                     "'template':{'spec':{'containers':[{'name':'b'}]}}}}"));
    QTest::newRow("strategic merges lists")
        << int(PatchType::StrategicMergePatch)
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"b"}]}}}})")
        << show(json("{'kind':'Deployment','spec':{'replicas':1,"
                     "'template':{'spec':{'containers':[{'name':'b'},{'name':'a'}]}}}}"));
    QTest::newRow("not json") << int(PatchType::MergePatch) << QByteArray("{nope")
                              << u"error:patch.malformed"_s;
    QTest::newRow("strategic array")
        << int(PatchType::StrategicMergePatch) << QByteArray("[]") << u"error:patch.malformed"_s;
}

void tst_JsonPatch::applyPatchByType()
{
    QFETCH(int, patchType);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const QJsonObject deployment = json("{'kind':'Deployment','spec':{'replicas':1,"
                                        "'template':{'spec':{'containers':[{'name':'a'}]}}}}")
                                       .toObject();
    const auto result = applyPatch(PatchType(patchType), deployment, body, u"Deployment"_s);
    if (expected.startsWith(u"error:"_s)) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, expected.mid(6));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(show(*result), expected);
}

QTEST_GUILESS_MAIN(tst_JsonPatch)
#include "tst_jsonpatch.moc"
