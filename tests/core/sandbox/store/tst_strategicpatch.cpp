#include "core/sandbox/store/patchschema.h"
#include "core/sandbox/store/strategicpatch.h"

#include "patchtesthelpers.h"

#include <QJsonDocument>
#include <QTest>

using namespace core;
using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace patchtest;

// Expected values: the strategic merge patch test data of k8s.io/apimachinery
// pkg/util/strategicpatch/patch_test.go (customStrategicMergePatch*,
// createStrategicMergePatchTestCaseData, strategicMergePatchRawTestCases; both the two-way patch
// applied to "original" and the three-way patch applied to "current"), written as JSON. Rows for
// Kubernetes kinds follow the struct tags of k8s.io/api and what `kubectl patch` does against a
// real API server (a new container goes first).
class tst_StrategicPatch : public QObject
{
    Q_OBJECT

private slots:
    void strategicMergeItem_data();
    void strategicMergeItem();
    void strategicKubernetes_data();
    void strategicKubernetes();

private:
    static const PatchSchema &mergeItemSchema();
};

// The MergeItem struct of patch_test.go with its patchStrategy / patchMergeKey tags.
const PatchSchema &tst_StrategicPatch::mergeItemSchema()
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

void tst_StrategicPatch::strategicMergeItem_data()
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

void tst_StrategicPatch::strategicMergeItem()
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

void tst_StrategicPatch::strategicKubernetes_data()
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

void tst_StrategicPatch::strategicKubernetes()
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
QTEST_GUILESS_MAIN(tst_StrategicPatch)
#include "tst_strategicpatch.moc"
