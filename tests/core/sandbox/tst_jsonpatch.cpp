#include "core/sandbox/jsonpatch.h"
#include "core/sandbox/patchschema.h"
#include "core/sandbox/strategicpatch.h"

#include <QJsonDocument>
#include <QTest>

using namespace core;
using namespace core::sandbox;
using namespace Qt::StringLiterals;

// Expected values: RFC 7386 Appendix A, RFC 6902 Appendix A, and the strategic merge patch test
// data of k8s.io/apimachinery pkg/util/strategicpatch/patch_test.go (customStrategicMergePatch*,
// createStrategicMergePatchTestCaseData, strategicMergePatchRawTestCases; both the two-way patch
// applied to "original" and the three-way patch applied to "current"), written as JSON. Rows for
// Kubernetes kinds follow the struct tags of k8s.io/api and what `kubectl patch` does against a
// real API server (a new container goes first).
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
    void strategicMergeItem_data();
    void strategicMergeItem();
    void strategicKubernetes_data();
    void strategicKubernetes();
    void applyPatchByContentType_data();
    void applyPatchByContentType();

private:
    static QJsonValue json(const char *text);
    static QString show(const QJsonValue &value);
    static const PatchSchema &mergeItemSchema();
};

// Test JSON is written with single quotes to stay readable inside C++ strings.
QJsonValue tst_JsonPatch::json(const char *text)
{
    QByteArray bytes = "{\"v\":" + QByteArray(text).replace('\'', '"') + "}";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test data: %s (%s)", text, qPrintable(error.errorString()));
    return document.object().value(u"v");
}

QString tst_JsonPatch::show(const QJsonValue &value)
{
    return QString::fromUtf8(
               QJsonDocument(QJsonObject{{u"v"_s, value}}).toJson(QJsonDocument::Compact))
        .mid(5)
        .chopped(1);
}

// The MergeItem struct of patch_test.go with its patchStrategy / patchMergeKey tags.
const PatchSchema &tst_JsonPatch::mergeItemSchema()
{
    using S = PatchField::Strategy;
    static const PatchSchema schema = [] {
        PatchSchema s;
        s.addType(u"mergeItem"_s,
                  {{u"mergingList"_s, S::Merge, u"name"_s, u"mergeItem"_s},
                   {u"mergingIntList"_s, S::Merge, QString(), QString()},
                   {u"mergeItemPtr"_s, S::Merge, u"name"_s, u"mergeItem"_s},
                   {u"replacingItem"_s, S::Replace, QString(), QString()},
                   {u"retainKeysMap"_s, S::Default, QString(), u"retainKeysMergeItem"_s},
                   {u"retainKeysMergingList"_s, S::Merge, u"name"_s, u"mergeItem"_s}});
        s.addType(u"retainKeysMergeItem"_s,
                  {{u"mergingIntList"_s, S::Merge, QString(), QString()},
                   {u"mergingList"_s, S::Merge, u"name"_s, u"mergeItem"_s}});
        return s;
    }();
    return schema;
}

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

void tst_JsonPatch::strategicMergeItem_data()
{
    QTest::addColumn<QJsonValue>("original");
    QTest::addColumn<QJsonValue>("patch");
    QTest::addColumn<QString>("expected"); // JSON, or "error"

    const auto row = [](const char *name, const char *original, const char *patch,
                        const char *expected) {
        const QString wanted = qstrcmp(expected, "error") == 0 ? u"error"_s : show(json(expected));
        QTest::newRow(name) << json(original) << json(patch) << wanted;
    };
    // customStrategicMergePatchTestCaseData
    row("unique scalars", "{'mergingIntList':[1,2]}", "{'mergingIntList':[2,3]}",
        "{'mergingIntList':[1,2,3]}");
    row("delete map from nested map", "{'simpleMap':{'key1':1,'key2':1}}",
        "{'simpleMap':{'$patch':'delete'}}", "{'simpleMap':{}}");
    row("delete all items from merging list", "{'mergingList':[{'name':1},{'name':2}]}",
        "{'mergingList':[{'$patch':'replace'}]}", "{'mergingList':[]}");
    row("merge empty merging lists", "{'mergingList':[]}", "{'mergingList':[]}",
        "{'mergingList':[]}");
    row("delete all keys from map", "{'name':1,'value':1}", "{'$patch':'replace'}", "{}");
    row("add key and delete all keys", "{'name':1,'value':1}", "{'other':'a','$patch':'replace'}",
        "{'other':'a'}");
    row("delete all duplicate entries",
        "{'mergingList':[{'name':1},{'name':1},{'name':2,'value':'a'},{'name':3},{'name':3}]}",
        "{'mergingList':[{'name':1,'$patch':'delete'},{'name':3,'$patch':'delete'}]}",
        "{'mergingList':[{'name':2,'value':'a'}]}");
    row("retainKeys map adds field without directive", "{'retainKeysMap':{'name':'foo'}}",
        "{'retainKeysMap':{'value':'bar'}}", "{'retainKeysMap':{'name':'foo','value':'bar'}}");
    row("retainKeys list deletes field without directive",
        "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo','value':'a'}]}",
        "{'retainKeysMergingList':[{'name':'foo','value':null}]}",
        "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo'}]}");
    row("preserve patch order", "{'mergingList':[{'name':1},{'name':2,'value':'b'},{'name':3}]}",
        "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'},{'name':2,'other':'x'}]}",
        "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'},"
        "{'name':2,'value':'b','other':'x'}]}");
    row("preserve patch order 2", "{'mergingList':[{'name':1},{'name':2,'value':'b'},{'name':3}]}",
        "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'}]}",
        "{'mergingList':[{'name':2,'value':'b'},{'name':3,'value':'c'},{'name':1,'value':'a'}]}");
    row("preserve int order", "{'mergingIntList':[1,2,3]}", "{'mergingIntList':[3,1,2]}",
        "{'mergingIntList':[3,1,2]}");
    row("preserve int order 2", "{'mergingIntList':[1,2,3]}", "{'mergingIntList':[3,1]}",
        "{'mergingIntList':[2,3,1]}");
    // customStrategicMergePatchRawTestCases
    row("order names a missing item", "{'mergingList':[{'name':1},{'name':3}]}",
        "{'$setElementOrder/mergingList':[{'name':3},{'name':2},{'name':1}],"
        "'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}",
        "{'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}");
    row("int order names a missing item", "{'mergingIntList':[1,3]}",
        "{'$setElementOrder/mergingIntList':[3,2,1]}", "{'mergingIntList':[3,1]}");
    row("order mismatch", "{'mergingList':[{'name':1},{'name':3},{'name':2}]}",
        "{'$setElementOrder/mergingList':[{'name':1},{'name':2},{'name':3}],"
        "'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}",
        "error");
    row("int order mismatch", "{'mergingIntList':[1,3,2]}",
        "{'$setElementOrder/mergingIntList':[1,2,3],'mergingIntList':[3,1]}", "error");
    row("missing merge key", "{'mergingList':[{'name':1,'value':'a'}]}",
        "{'mergingList':[{'value':'b'}]}", "error");
    // createStrategicMergePatchTestCaseData (three-way patch on "current")
    row("nil original", "{'name':1,'other':'a'}", "{'value':1}",
        "{'name':1,'value':1,'other':'a'}");
    row("add and delete field", "{'name':1,'other':'a'}", "{'name':null,'value':1}",
        "{'value':1,'other':'a'}");
    row("delete field from nested map", "{'simpleMap':{'key1':1,'key2':1,'other':'a'}}",
        "{'simpleMap':{'key2':null}}", "{'simpleMap':{'key1':1,'other':'a'}}");
    row("replace list of scalars", "{'nonMergingIntList':[1,4]}", "{'nonMergingIntList':[2,3]}",
        "{'nonMergingIntList':[2,3]}");
    row("delete all maps from merging list",
        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'other':'b'}]}",
        "{'mergingList':[{'name':1,'$patch':'delete'},{'name':2,'$patch':'delete'}]}",
        "{'mergingList':[]}");
    row("delete all maps from empty list", "{'mergingList':[]}",
        "{'mergingList':[{'name':1,'$patch':'delete'},{'name':2,'$patch':'delete'}]}",
        "{'mergingList':[]}");
    row("null values overwrite", "{'name':'a','other':'a'}", "{'name':1,'value':1,'other':null}",
        "{'name':1,'value':1}");
    // strategicMergePatchRawTestCases (three-way)
    row("delete items in lists of scalars", "{'mergingIntList':[1,2,3,4]}",
        "{'$setElementOrder/mergingIntList':[1,2],'$deleteFromPrimitiveList/mergingIntList':[3]}",
        "{'mergingIntList':[1,2,4]}");
    row("delete duplicate scalars", "{'mergingIntList':[1,2,3,3,4]}",
        "{'$setElementOrder/mergingIntList':[1,2],'$deleteFromPrimitiveList/mergingIntList':[3]}",
        "{'mergingIntList':[1,2,4]}");
    row("add and delete scalars", "{'mergingIntList':[1,2,3,4]}",
        "{'$setElementOrder/mergingIntList':[1,2,4],'$deleteFromPrimitiveList/mergingIntList':[3],"
        "'mergingIntList':[4]}",
        "{'mergingIntList':[1,2,4]}");
    row("merge lists of maps",
        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
        "{'$setElementOrder/mergingList':[{'name':4},{'name':1},{'name':2},{'name':3}],"
        "'mergingList':[{'name':4,'value':4},{'name':3,'value':3}]}",
        "{'mergingList':[{'name':4,'value':4},{'name':1,'other':'a'},"
        "{'name':2,'value':2,'other':'b'},{'name':3,'value':3}]}");
    row("merge lists of maps with conflict",
        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':3,'other':'b'}]}",
        "{'$setElementOrder/mergingList':[{'name':1},{'name':2},{'name':3}],"
        "'mergingList':[{'name':2,'value':2},{'name':3,'value':3}]}",
        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'},"
        "{'name':3,'value':3}]}");
    row("add field in merging list with conflict",
        "{'mergingList':[{'name':1,'other':'a'},{'name':3,'value':2,'other':'b'}]}",
        "{'$setElementOrder/mergingList':[{'name':1},{'name':2}],"
        "'mergingList':[{'name':1,'value':1},{'name':2,'value':2}]}",
        "{'mergingList':[{'name':1,'value':1,'other':'a'},{'name':2,'value':2},"
        "{'name':3,'value':2,'other':'b'}]}");
    row("delete map from merging list", "{'mergingList':[{'name':1},{'name':2,'other':'b'}]}",
        "{'$setElementOrder/mergingList':[{'name':2}],"
        "'mergingList':[{'name':1,'$patch':'delete'}]}",
        "{'mergingList':[{'name':2,'other':'b'}]}");
    row("delete missing map with conflict", "{'mergingList':[{'name':3,'other':'a'}]}",
        "{'$setElementOrder/mergingList':[{'name':2}],"
        "'mergingList':[{'name':2},{'name':1,'$patch':'delete'}]}",
        "{'mergingList':[{'name':2},{'name':3,'other':'a'}]}");
    row("add and delete map",
        "{'mergingList':[{'name':1},{'name':2,'other':'b'},{'name':4,'other':'c'}]}",
        "{'$setElementOrder/mergingList':[{'name':2},{'name':3}],"
        "'mergingList':[{'name':3},{'name':1,'$patch':'delete'}]}",
        "{'mergingList':[{'name':2,'other':'b'},{'name':4,'other':'c'},{'name':3}]}");
    row("add and delete map with conflict",
        "{'mergingList':[{'name':1,'other':'a'},{'name':4,'other':'c'}]}",
        "{'$setElementOrder/mergingList':[{'name':2},{'name':3}],"
        "'mergingList':[{'name':2},{'name':3},{'name':1,'$patch':'delete'}]}",
        "{'mergingList':[{'name':4,'other':'c'},{'name':2},{'name':3}]}");
    row("delete field in merging list",
        "{'mergingList':[{'name':1,'value':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
        "{'$setElementOrder/mergingList':[{'name':1},{'name':2}],"
        "'mergingList':[{'name':1,'value':null}]}",
        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}");
    row("replace non-merging list nested in merging list",
        "{'mergingList':[{'name':1,'other':'a','nonMergingList':[{'name':1},{'name':2,'value':2}]},"
        "{'name':2,'other':'b'}]}",
        "{'$setElementOrder/mergingList':[{'name':1},{'name':2}],"
        "'mergingList':[{'name':1,'nonMergingList':[{'name':1,'value':1}]}]}",
        "{'mergingList':[{'name':1,'other':'a','nonMergingList':[{'name':1,'value':1}]},"
        "{'name':2,'other':'b'}]}");
    row("merging list nested in merging list",
        "{'mergingList':[{'name':1,'other':'a','mergingList':[{'name':1},{'name':2,'value':2}]},"
        "{'name':2,'other':'b'}]}",
        "{'$setElementOrder/mergingList':[{'name':1},{'name':2}],"
        "'mergingList':[{'$setElementOrder/mergingList':[{'name':1},{'name':2}],'name':1,"
        "'mergingList':[{'name':1,'value':1}]}]}",
        "{'mergingList':[{'name':1,'other':'a','mergingList':[{'name':1,'value':1},"
        "{'name':2,'value':2}]},{'name':2,'other':'b'}]}");
    row("int order with server-only items 2", "{'mergingIntList':[1,2,9,3,4]}",
        "{'$setElementOrder/mergingIntList':[2,1,4,3]}", "{'mergingIntList':[2,1,9,4,3]}");
    row("int order with server-only items 3", "{'mergingIntList':[1,2,7,9,8,3,4]}",
        "{'$setElementOrder/mergingIntList':[2,1,4,3]}", "{'mergingIntList':[2,1,7,9,8,4,3]}");
    row("map order with server-only items",
        "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2},{'name':7},{'name':9},"
        "{'name':8},{'name':3,'value':3},{'name':4,'value':4}]}",
        "{'$setElementOrder/mergingList':[{'name':2},{'name':1},{'name':4},{'name':3}]}",
        "{'mergingList':[{'name':2,'value':2},{'name':1,'other':'a'},{'name':7},{'name':9},"
        "{'name':8},{'name':4,'value':4},{'name':3,'value':3}]}");
    row("order with duplicates",
        "{'mergingList':[{'name':1},{'name':2,'value':'dup1'},{'name':3},"
        "{'name':2,'value':'dup2'},{'name':4}]}",
        "{'$setElementOrder/mergingList':[{'name':2},{'name':1},{'name':4},{'name':3},"
        "{'name':2}]}",
        "{'mergingList':[{'name':2,'value':'dup1'},{'name':2,'value':'dup2'},{'name':1},"
        "{'name':4},{'name':3}]}");
    row("retainKeys clears defaulted field", "{'retainKeysMap':{'value':'foo'}}",
        "{'retainKeysMap':{'$retainKeys':['other'],'other':'bar'}}",
        "{'retainKeysMap':{'other':'bar'}}");
    row("retainKeys deletes and clears",
        "{'retainKeysMap':{'name':'foo','value':'bar','other':'a'}}",
        "{'retainKeysMap':{'$retainKeys':['name'],'value':null}}",
        "{'retainKeysMap':{'name':'foo'}}");
    row("retainKeys nested map",
        "{'retainKeysMap':{'name':'foo','value':'bar','simpleMap':{'key1':'a','key3':'c'}}}",
        "{'retainKeysMap':{'$retainKeys':['name','simpleMap','value'],"
        "'simpleMap':{'key2':'b'}}}",
        "{'retainKeysMap':{'name':'foo','value':'bar',"
        "'simpleMap':{'key1':'a','key2':'b','key3':'c'}}}");
    row("retainKeys must list patched keys", "{'retainKeysMap':{'name':'foo'}}",
        "{'retainKeysMap':{'$retainKeys':['name'],'value':'x'}}", "error");
    row("replace strategy", "{'replacingItem':{'a':1,'b':2}}", "{'replacingItem':{'c':3}}",
        "{'replacingItem':{'c':3}}");
    row("merge directive in list", "{'mergingList':[{'name':1}]}",
        "{'mergingList':[{'$patch':'merge'}]}", "error");
    row("merge directive in map", "{'simpleMap':{'a':'b'}}",
        "{'simpleMap':{'$patch':'merge','c':'d'}}", "error");
    row("list of lists", "{'mergingIntList':[[1]]}", "{'mergingIntList':[[2]]}", "error");
}

void tst_JsonPatch::strategicMergeItem()
{
    QFETCH(QJsonValue, original);
    QFETCH(QJsonValue, patch);
    QFETCH(QString, expected);
    const auto result = applyStrategicMergePatch(original.toObject(), patch.toObject(),
                                                 mergeItemSchema(), u"mergeItem"_s);
    if (expected == u"error") {
        QVERIFY2(!result.ok(), qPrintable(result.ok() ? show(*result) : QString()));
        QCOMPARE(result.error().code, u"patch.strategic"_s);
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(show(*result), expected);
}

void tst_JsonPatch::strategicKubernetes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonValue>("original");
    QTest::addColumn<QJsonValue>("patch");
    QTest::addColumn<QString>("expected"); // JSON, or "error:<code>"

    const auto row = [](const char *name, const char *kind, const char *original, const char *patch,
                        const char *expected) {
        const QString wanted = qstrncmp(expected, "error:", 6) == 0 ? QString::fromLatin1(expected)
                                                                    : show(json(expected));
        QTest::newRow(name) << QString::fromLatin1(kind) << json(original) << json(patch) << wanted;
    };
    row("new container goes first", "Pod", "{'spec':{'containers':[{'name':'a','image':'x'}]}}",
        "{'spec':{'containers':[{'name':'b','image':'y'}]}}",
        "{'spec':{'containers':[{'name':'b','image':'y'},{'name':'a','image':'x'}]}}");
    row("container image by name", "Pod",
        "{'spec':{'containers':[{'name':'a','image':'x','args':['1']},{'name':'b','image':'y'}]}}",
        "{'spec':{'containers':[{'name':'a','image':'z'}]}}",
        "{'spec':{'containers':[{'name':'a','image':'z','args':['1']},{'name':'b','image':'y'}]}}");
    row("env by name", "Pod",
        "{'spec':{'containers':[{'name':'a','env':[{'name':'A','value':'1'},"
        "{'name':'B','value':'2'}]}]}}",
        "{'spec':{'containers':[{'name':'a','env':[{'name':'B','value':'3'}]}]}}",
        "{'spec':{'containers':[{'name':'a','env':[{'name':'A','value':'1'},"
        "{'name':'B','value':'3'}]}]}}");
    row("ports by containerPort", "Pod",
        "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80,'name':'http'}]}]}}",
        "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':443,'name':'https'}]}]}}",
        "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':443,'name':'https'},"
        "{'containerPort':80,'name':'http'}]}]}}");
    row("delete volumeMount by mountPath", "Pod",
        "{'spec':{'containers':[{'name':'a','volumeMounts':[{'mountPath':'/a','name':'v1'},"
        "{'mountPath':'/b','name':'v2'}]}]}}",
        "{'spec':{'containers':[{'name':'a','volumeMounts':[{'mountPath':'/a',"
        "'$patch':'delete'}]}]}}",
        "{'spec':{'containers':[{'name':'a','volumeMounts':[{'mountPath':'/b','name':'v2'}]}]}}");
    row("init container deleted", "Pod",
        "{'spec':{'initContainers':[{'name':'i','image':'x'}],'containers':[{'name':'a'}]}}",
        "{'spec':{'initContainers':[{'name':'i','$patch':'delete'}]}}",
        "{'spec':{'initContainers':[],'containers':[{'name':'a'}]}}");
    row("tolerations replaced", "Pod", "{'spec':{'tolerations':[{'key':'a'},{'key':'b'}]}}",
        "{'spec':{'tolerations':[{'key':'c'}]}}", "{'spec':{'tolerations':[{'key':'c'}]}}");
    row("volumes by name", "Pod",
        "{'spec':{'volumes':[{'name':'v','emptyDir':{}},{'name':'w','emptyDir':{}}]}}",
        "{'spec':{'volumes':[{'name':'v','$retainKeys':['name','hostPath'],"
        "'hostPath':{'path':'/x'}}]}}",
        "{'spec':{'volumes':[{'name':'v','hostPath':{'path':'/x'}},{'name':'w','emptyDir':{}}]}}");
    row("imagePullSecrets by name", "Pod", "{'spec':{'imagePullSecrets':[{'name':'a'}]}}",
        "{'spec':{'imagePullSecrets':[{'name':'b'}]}}",
        "{'spec':{'imagePullSecrets':[{'name':'b'},{'name':'a'}]}}");
    row("ownerReferences by uid", "Pod",
        "{'metadata':{'ownerReferences':[{'uid':'1','name':'rs-a'},{'uid':'2','name':'rs-b'}]}}",
        "{'metadata':{'ownerReferences':[{'uid':'1','controller':true}]}}",
        "{'metadata':{'ownerReferences':[{'uid':'1','name':'rs-a','controller':true},"
        "{'uid':'2','name':'rs-b'}]}}");
    row("conditions by type", "Pod",
        "{'status':{'conditions':[{'type':'Ready','status':'False'},"
        "{'type':'PodScheduled','status':'True'}]}}",
        "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
        "{'status':{'conditions':[{'type':'Ready','status':'True'},"
        "{'type':'PodScheduled','status':'True'}]}}");
    row("finalizers merge as a set", "Pod", "{'metadata':{'finalizers':['a','b']}}",
        "{'metadata':{'finalizers':['b','c']}}", "{'metadata':{'finalizers':['a','b','c']}}");
    row("delete from finalizers", "Pod", "{'metadata':{'finalizers':['a','b','c']}}",
        "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}",
        "{'metadata':{'finalizers':['a','c']}}");
    row("labels add and delete", "Pod", "{'metadata':{'labels':{'app':'web','tier':'x'}}}",
        "{'metadata':{'labels':{'tier':null,'burst':'cci'}}}",
        "{'metadata':{'labels':{'app':'web','burst':'cci'}}}");
    row("nulls in an inserted map are dropped", "Pod", "{'metadata':{}}",
        "{'metadata':{'labels':{'a':null,'b':'c'}}}", "{'metadata':{'labels':{'b':'c'}}}");
    row("set container order", "Pod", "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
        "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}]}}",
        "{'spec':{'containers':[{'name':'b'},{'name':'a'}]}}");
    row("deployment template containers", "Deployment",
        "{'spec':{'replicas':1,'template':{'spec':{'containers':[{'name':'a','image':'x'}]}}}}",
        "{'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'a','image':'y'}]}}}}",
        "{'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'a','image':'y'}]}}}}");
    row("deployment strategy retainKeys", "Deployment",
        "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
        "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
        "{'spec':{'strategy':{'type':'Recreate'}}}");
    row("replace selector map", "Deployment", "{'spec':{'selector':{'matchLabels':{'a':'b'}}}}",
        "{'spec':{'selector':{'$patch':'replace','matchLabels':{'c':'d'}}}}",
        "{'spec':{'selector':{'matchLabels':{'c':'d'}}}}");
    row("statefulset conditions", "StatefulSet",
        "{'status':{'conditions':[{'type':'A','status':'True'}]}}",
        "{'status':{'conditions':[{'type':'B','status':'True'}]}}",
        "{'status':{'conditions':[{'type':'B','status':'True'},{'type':'A','status':'True'}]}}");
    row("job template env", "Job",
        "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'}]}]"
        "}}}}",
        "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'2'}]}]"
        "}}}}",
        "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'2'}]}]"
        "}}}}");
    row("service ports by port", "Service",
        "{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443,'targetPort':8443}]}}",
        "{'spec':{'ports':[{'port':80,'targetPort':9090}]}}",
        "{'spec':{'ports':[{'port':80,'targetPort':9090},{'port':443,'targetPort':8443}]}}");
    row("node taints replaced, addresses by type", "Node",
        "{'spec':{'taints':[{'key':'a','effect':'NoSchedule'}]},"
        "'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.1'},"
        "{'type':'Hostname','address':'n1'}]}}",
        "{'spec':{'taints':[{'key':'b','effect':'NoSchedule'}]},"
        "'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'}]}}",
        "{'spec':{'taints':[{'key':'b','effect':'NoSchedule'}]},"
        "'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'},"
        "{'type':'Hostname','address':'n1'}]}}");
    row("configmap data", "ConfigMap", "{'data':{'a':'1','b':'2'}}", "{'data':{'a':null,'c':'3'}}",
        "{'data':{'b':'2','c':'3'}}");
    row("cronjob job template", "CronJob",
        "{'spec':{'jobTemplate':{'spec':{'template':{'spec':{'containers':[{'name':'a'}]}}}}}}",
        "{'spec':{'jobTemplate':{'spec':{'template':{'spec':{'containers':[{'name':'b'}]}}}}}}",
        "{'spec':{'jobTemplate':{'spec':{'template':{'spec':{'containers':[{'name':'b'},"
        "{'name':'a'}]}}}}}}");
    row("missing merge key", "Pod", "{'spec':{'containers':[{'name':'a'}]}}",
        "{'spec':{'containers':[{'image':'x'}]}}", "error:patch.strategic");
    row("unknown kind", "Widget", "{'spec':{}}", "{'spec':{'a':1}}", "error:patch.unsupported");
}

void tst_JsonPatch::strategicKubernetes()
{
    QFETCH(QString, kind);
    QFETCH(QJsonValue, original);
    QFETCH(QJsonValue, patch);
    QFETCH(QString, expected);
    const auto result = applyStrategicMergePatch(original.toObject(), patch.toObject(),
                                                 PatchSchema::kubernetes(), kind);
    if (expected.startsWith(u"error:"_s)) {
        QVERIFY2(!result.ok(), qPrintable(result.ok() ? show(*result) : QString()));
        QCOMPARE(result.error().code, expected.mid(6));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(show(*result), expected);
}

void tst_JsonPatch::applyPatchByContentType_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // JSON, or "error:<code>"

    QTest::newRow("json patch")
        << u"application/json-patch+json"_s
        << QByteArray(R"([{"op":"replace","path":"/spec/replicas","value":2}])")
        << show(json("{'kind':'Deployment','spec':{'replicas':2,"
                     "'template':{'spec':{'containers':[{'name':'a'}]}}}}"));
    QTest::newRow("merge patch replaces lists")
        << u"application/merge-patch+json"_s
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"b"}]}}}})")
        << show(json("{'kind':'Deployment','spec':{'replicas':1,"
                     "'template':{'spec':{'containers':[{'name':'b'}]}}}}"));
    QTest::newRow("strategic merges lists")
        << u"application/strategic-merge-patch+json; charset=utf-8"_s
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"b"}]}}}})")
        << show(json("{'kind':'Deployment','spec':{'replicas':1,"
                     "'template':{'spec':{'containers':[{'name':'b'},{'name':'a'}]}}}}"));
    QTest::newRow("not json") << u"application/merge-patch+json"_s << QByteArray("{nope")
                              << u"error:patch.malformed"_s;
    QTest::newRow("strategic array") << u"application/strategic-merge-patch+json"_s
                                     << QByteArray("[]") << u"error:patch.malformed"_s;
}

void tst_JsonPatch::applyPatchByContentType()
{
    QFETCH(QString, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const QJsonObject deployment = json("{'kind':'Deployment','spec':{'replicas':1,"
                                        "'template':{'spec':{'containers':[{'name':'a'}]}}}}")
                                       .toObject();
    const auto type = patchTypeFromContentType(contentType);
    QVERIFY(type.has_value());
    QCOMPARE(patchTypeFromContentType(core::sandbox::contentType(*type)), type);
    const auto result = applyPatch(*type, deployment, body, u"Deployment"_s);
    if (expected.startsWith(u"error:"_s)) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, expected.mid(6));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(show(*result), expected);
    QCOMPARE(patchTypeFromContentType(u"application/apply-patch+yaml"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_JsonPatch)
#include "tst_jsonpatch.moc"
