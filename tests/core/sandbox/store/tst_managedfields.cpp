#include "core/sandbox/store/fieldset.h"
#include "core/sandbox/store/jsonpatch.h"
#include "core/sandbox/store/managedfields.h"

#include "patchtesthelpers.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>

using namespace core;
using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace patchtest;

// The ownership rules of server-side apply as pure functions: which fields a configuration
// claims (list keys), the merge with pruning and conflicts of applyConfiguration(), and the
// Update entries of recordUpdate(). The real kubectl drives the same code in tst_sandboxkubectl.
class tst_ManagedFields : public QObject
{
    Q_OBJECT

private slots:
    void appliedFields_data();
    void appliedFields();
    void fieldsV1RoundTrip();
    void operations_data();
    void operations();
    void clientSideApplyMovesToKubectl();
    void managedFieldsInConfigAreRefused();
};

namespace {

QStringList pathStrings(const FieldSet &set)
{
    QStringList out;
    for (const FieldPath &path : set)
        out.append(fieldPathString(path));
    out.sort();
    return out;
}

// "manager/Operation: .path .path", one per entry, in the order the object lists them.
QStringList ownersOf(const QJsonObject &object)
{
    QStringList out;
    for (const ManagedFieldsEntry &e : managedFieldsOf(object))
        out.append(e.manager + u'/' + e.operation + u": " + pathStrings(e.fields).join(u' '));
    return out;
}

FieldManagerRequest requestFor(const QString &kind, const QString &manager)
{
    FieldManagerRequest r;
    r.manager = manager;
    r.kind = kind;
    r.apiVersion = kind == u"ConfigMap" ? u"v1"_s : u"apps/v1"_s;
    r.now = QDateTime::fromString(u"2026-12-01T10:00:00Z"_s, Qt::ISODate);
    r.hasStatus = kind != u"ConfigMap";
    return r;
}

} // namespace

void tst_ManagedFields::appliedFields_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonValue>("config");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("map members are leaves, the map is not owned")
        << u"ConfigMap"_s << json("{'data':{'a':'1','b':'2'}}")
        << QStringList{u".data.a"_s, u".data.b"_s};
    QTest::newRow("an empty map is a leaf")
        << u"ConfigMap"_s << json("{'data':{}}") << QStringList{u".data"_s};
    QTest::newRow("containers are keyed by name, the item owned with its fields")
        << u"Deployment"_s
        << json("{'spec':{'template':{'spec':{'containers':[{'name':'web','image':'x'}]}}}}")
        << QStringList{u".spec.template.spec.containers[name=\"web\"]"_s,
                       u".spec.template.spec.containers[name=\"web\"].image"_s,
                       u".spec.template.spec.containers[name=\"web\"].name"_s};
    QTest::newRow("container ports by containerPort (the schema's merge key)")
        << u"Pod"_s << json("{'spec':{'containers':[{'name':'c','ports':[{'containerPort':80}]}]}}")
        << QStringList{u".spec.containers[name=\"c\"]"_s, u".spec.containers[name=\"c\"].name"_s,
                       u".spec.containers[name=\"c\"].ports[containerPort=80]"_s,
                       u".spec.containers[name=\"c\"].ports[containerPort=80].containerPort"_s};
    QTest::newRow("a list of scalars is atomic")
        << u"ConfigMap"_s << json("{'metadata':{'finalizers':['a','b']}}")
        << QStringList{u".metadata.finalizers"_s};
    QTest::newRow("a list of maps without names is atomic")
        << u"Pod"_s << json("{'spec':{'tolerations':[{'key':'k'}]}}")
        << QStringList{u".spec.tolerations"_s};
    QTest::newRow("an unknown kind's list of named maps is keyed by name")
        << u"Widget"_s << json("{'spec':{'items':[{'name':'a','v':1}]}}")
        << QStringList{u".spec.items[name=\"a\"]"_s, u".spec.items[name=\"a\"].name"_s,
                       u".spec.items[name=\"a\"].v"_s};
    QTest::newRow("duplicate names make the list atomic")
        << u"Widget"_s << json("{'spec':{'items':[{'name':'a'},{'name':'a'}]}}")
        << QStringList{u".spec.items"_s};
}

void tst_ManagedFields::appliedFields()
{
    QFETCH(QString, kind);
    QFETCH(QJsonValue, config);
    QFETCH(QStringList, expected);
    QCOMPARE(pathStrings(appliedFieldSet(config.toObject(), kind)), expected);
}

void tst_ManagedFields::fieldsV1RoundTrip()
{
    const FieldSet set = {
        {u"f:data"_s},
        {u"f:data"_s, u"f:a"_s},
        {u"f:spec"_s, u"f:containers"_s, u"k:{\"name\":\"web\"}"_s},
        {u"f:spec"_s, u"f:containers"_s, u"k:{\"name\":\"web\"}"_s, u"f:image"_s}};
    const QJsonObject v1 = toFieldsV1(set);
    // A member with children carries ".", one without is {}.
    QCOMPARE(show(v1), show(json("{'f:data':{'.':{},'f:a':{}},'f:spec':{'f:containers':{"
                                 "'k:{\\\"name\\\":\\\"web\\\"}':{'.':{},'f:image':{}}}}}")));
    QCOMPARE(fromFieldsV1(v1), set);
}

// Each operation is "apply <manager> <config>", "force <manager> <config>" (apply with force)
// or "update <manager> <merge patch>", run in order on a new object; `error` is what the last
// one answers when it fails, else `result` is the object without metadata and `owners` its
// managedFields.
void tst_ManagedFields::operations_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("ops");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QJsonValue>("result");
    QTest::addColumn<QStringList>("owners");
    const QString cm = u"ConfigMap"_s;
    QTest::newRow("apply creates and owns")
        << cm << QStringList{u"apply kubectl {'data':{'a':'1'}}"_s} << QString()
        << json("{'data':{'a':'1'}}") << QStringList{u"kubectl/Apply: .data.a"_s};
    QTest::newRow("re-apply changes a value")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1'}}"_s, u"apply kubectl {'data':{'a':'2'}}"_s}
        << QString() << json("{'data':{'a':'2'}}") << QStringList{u"kubectl/Apply: .data.a"_s};
    QTest::newRow("a field the applier leaves out is removed")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1','b':'2'}}"_s,
                       u"apply kubectl {'data':{'a':'1'}}"_s}
        << QString() << json("{'data':{'a':'1'}}") << QStringList{u"kubectl/Apply: .data.a"_s};
    QTest::newRow("the last field left out takes its map along")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1'},'binaryData':{'b':'eA=='}}"_s,
                       u"apply kubectl {'binaryData':{'b':'eA=='}}"_s}
        << QString() << json("{'binaryData':{'b':'eA=='}}")
        << QStringList{u"kubectl/Apply: .binaryData.b"_s};
    QTest::newRow("a field left out that another manager owns stays")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1','b':'2'}}"_s,
                       u"apply other {'data':{'b':'2'}}"_s, u"apply kubectl {'data':{'a':'1'}}"_s}
        << QString() << json("{'data':{'a':'1','b':'2'}}")
        << QStringList{u"kubectl/Apply: .data.a"_s, u"other/Apply: .data.b"_s};
    QTest::newRow("another applier changing a field conflicts")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1'}}"_s, u"apply other {'data':{'a':'2'}}"_s}
        << u"Apply failed with 1 conflict: conflict with \"kubectl\": .data.a"_s << QJsonValue()
        << QStringList();
    QTest::newRow("the same value is owned by both")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1'}}"_s, u"apply other {'data':{'a':'1'}}"_s}
        << QString() << json("{'data':{'a':'1'}}")
        << QStringList{u"kubectl/Apply: .data.a"_s, u"other/Apply: .data.a"_s};
    QTest::newRow("force moves the field to the applier")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1','b':'1'}}"_s,
                       u"force other {'data':{'a':'2'}}"_s}
        << QString() << json("{'data':{'a':'2','b':'1'}}")
        << QStringList{u"kubectl/Apply: .data.b"_s, u"other/Apply: .data.a"_s};
    QTest::newRow("an Update manager is named with its apiVersion")
        << cm
        << QStringList{u"update kubectl-edit {'data':{'a':'1'}}"_s,
                       u"apply kubectl {'data':{'a':'2'}}"_s}
        << u"Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1: .data.a"_s
        << QJsonValue() << QStringList();
    QTest::newRow("conflicts are listed per manager")
        << cm
        << QStringList{u"update edit {'data':{'a':'1','b':'1'}}"_s,
                       u"apply kubectl {'data':{'a':'2','b':'2'}}"_s}
        << u"Apply failed with 2 conflicts: conflicts with \"edit\" using v1:\n- .data.a\n- .data.b"_s
        << QJsonValue() << QStringList();
    QTest::newRow("an update owns what it creates, maps included")
        << cm << QStringList{u"update kubectl-create {'data':{'a':'1'}}"_s} << QString()
        << json("{'data':{'a':'1'}}") << QStringList{u"kubectl-create/Update: .data .data.a"_s};
    QTest::newRow("an update takes the field it changes")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1'}}"_s, u"update edit {'data':{'a':'2'}}"_s}
        << QString() << json("{'data':{'a':'2'}}") << QStringList{u"edit/Update: .data.a"_s};
    QTest::newRow("an update that removes a field frees it")
        << cm
        << QStringList{u"apply kubectl {'data':{'a':'1','b':'2'}}"_s,
                       u"update edit {'data':{'b':null}}"_s}
        << QString() << json("{'data':{'a':'1'}}") << QStringList{u"kubectl/Apply: .data.a"_s};
    QTest::newRow("containers merge by name")
        << u"Deployment"_s
        << QStringList{u"apply a {'spec':{'template':{'spec':{'containers':[{'name':'web','image':'x'}]}}}}"_s,
                       u"apply b {'spec':{'template':{'spec':{'containers':[{'name':'log','image':'y'}]}}}}"_s}
        << QString()
        << json("{'spec':{'template':{'spec':{'containers':[{'name':'web','image':'x'},"
                "{'name':'log','image':'y'}]}}}}")
        << QStringList{u"a/Apply: .spec.template.spec.containers[name=\"web\"] "
                       ".spec.template.spec.containers[name=\"web\"].image "
                       ".spec.template.spec.containers[name=\"web\"].name"_s,
                       u"b/Apply: .spec.template.spec.containers[name=\"log\"] "
                       ".spec.template.spec.containers[name=\"log\"].image "
                       ".spec.template.spec.containers[name=\"log\"].name"_s};
    QTest::newRow("a container left out goes")
        << u"Deployment"_s
        << QStringList{u"apply a {'spec':{'template':{'spec':{'containers':[{'name':'web'},{'name':'log'}]}}}}"_s,
                       u"apply a {'spec':{'template':{'spec':{'containers':[{'name':'web'}]}}}}"_s}
        << QString() << json("{'spec':{'template':{'spec':{'containers':[{'name':'web'}]}}}}")
        << QStringList{u"a/Apply: .spec.template.spec.containers[name=\"web\"] "
                       ".spec.template.spec.containers[name=\"web\"].name"_s};
    QTest::newRow("status is not applied to the main resource")
        << u"Deployment"_s
        << QStringList{u"apply a {'spec':{'replicas':1},'status':{'replicas':5}}"_s} << QString()
        << json("{'spec':{'replicas':1}}") << QStringList{u"a/Apply: .spec.replicas"_s};
}

void tst_ManagedFields::operations()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, ops);
    QFETCH(QString, error);
    QFETCH(QJsonValue, result);
    QFETCH(QStringList, owners);
    QJsonObject object;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const QString verb = ops.at(i).section(u' ', 0, 0);
        const QString manager = ops.at(i).section(u' ', 1, 1);
        const QJsonValue body = json(ops.at(i).section(u' ', 2).toUtf8().constData());
        const FieldManagerRequest request = requestFor(kind, manager);
        if (verb == u"update") {
            object = recordUpdate(object, mergePatchValue(object, body).toObject(), request);
            continue;
        }
        const auto applied = applyConfiguration(object, body.toObject(), request, verb == u"force");
        if (!applied) {
            QCOMPARE(i, ops.size() - 1);
            QCOMPARE(applied.error().message, error);
            QCOMPARE(applied.error().code, 409);
            QCOMPARE(applied.error().reason, u"Conflict"_s);
            const QJsonArray causes = applied.error().details.value(u"causes").toArray();
            QVERIFY(!causes.isEmpty());
            for (const QJsonValue &cause : causes) {
                // {reason, message: `conflict with "m"[ using v1]`, field: ".data.a"}
                const QJsonObject c = cause.toObject();
                QCOMPARE(c.value(u"reason").toString(), u"FieldManagerConflict"_s);
                QVERIFY(c.value(u"message").toString().startsWith(u"conflict with \""_s));
                QVERIFY(error.contains(c.value(u"field").toString()));
            }
            return;
        }
        object = *applied;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(ownersOf(object), owners);
    QJsonObject shown = object;
    shown.remove(u"metadata"_s);
    QCOMPARE(show(shown), show(result));
}

void tst_ManagedFields::clientSideApplyMovesToKubectl()
{
    // kubectl apply, then kubectl apply --server-side with another value: the manager
    // "kubectl" takes over what the last-applied-configuration annotation names, anyone else
    // conflicts.
    const QJsonObject lastApplied{{u"data"_s, QJsonObject{{u"a"_s, u"1"_s}}}};
    const QJsonObject created{
        {u"metadata"_s,
         QJsonObject{{u"annotations"_s,
                      QJsonObject{{u"kubectl.kubernetes.io/last-applied-configuration"_s,
                                   QString::fromUtf8(QJsonDocument(lastApplied).toJson())}}}}},
        {u"data"_s, QJsonObject{{u"a"_s, u"1"_s}}}};
    const QJsonObject live = recordUpdate(
        QJsonObject(), created, requestFor(u"ConfigMap"_s, u"kubectl-client-side-apply"_s));
    const QJsonObject config{{u"data"_s, QJsonObject{{u"a"_s, u"2"_s}}}};
    const auto other =
        applyConfiguration(live, config, requestFor(u"ConfigMap"_s, u"other"_s), false);
    QVERIFY(!other);
    QCOMPARE(other.error().message,
             u"Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using "
             "v1: .data.a"_s);
    const auto kubectl =
        applyConfiguration(live, config, requestFor(u"ConfigMap"_s, u"kubectl"_s), false);
    QVERIFY(kubectl);
    QCOMPARE(kubectl->value(u"data"_s).toObject().value(u"a"_s).toString(), u"2"_s);
}

void tst_ManagedFields::managedFieldsInConfigAreRefused()
{
    const QJsonObject config{
        {u"metadata"_s, QJsonObject{{u"managedFields"_s, QJsonArray{QJsonObject()}}}}};
    const auto applied =
        applyConfiguration(QJsonObject(), config, requestFor(u"ConfigMap"_s, u"a"_s), false);
    QVERIFY(!applied);
    QCOMPARE(applied.error().code, 400);
    QCOMPARE(applied.error().message, u"metadata.managedFields must be nil"_s);
}

QTEST_GUILESS_MAIN(tst_ManagedFields)
#include "tst_managedfields.moc"
