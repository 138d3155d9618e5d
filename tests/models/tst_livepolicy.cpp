#include "tests/models/liveobjects.h"

#include "models/livepolicy.h"

#include <QJsonDocument>
#include <QTest>

using namespace liveobjects;
using models::FieldEdit;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// A live Deployment as the server stores it: uid and resourceVersion.
QJsonObject liveDeployment()
{
    QJsonObject object = workload(u"Deployment"_s, u"shop"_s, u"web"_s, {{u"app"_s, u"web"_s}},
                                  {{u"app"_s, u"web"_s}});
    QJsonObject meta = object.value(u"metadata").toObject();
    meta.insert(u"resourceVersion"_s, u"42"_s);
    object.insert(u"metadata"_s, meta);
    return object;
}

QList<FieldEdit> edits(std::initializer_list<std::pair<QString, QJsonValue>> list)
{
    QList<FieldEdit> result;
    for (const auto &[path, value] : list)
        result.append({path.split(u' '),
                       value.isUndefined() ? std::nullopt : std::optional<QJsonValue>(value)});
    return result;
}

} // namespace


// Burst policy on live objects, the pure part: the forms' edits applied to a live object, the
// merge patch that sends exactly them with the resourceVersion as precondition, the CCI preview of
// the result, and the scale and delete writes.
class tst_LivePolicy : public QObject
{
    Q_OBJECT

private slots:
    void applyFieldEdits_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<QList<FieldEdit>>("edits");
        QTest::addColumn<QJsonObject>("expected");
        const QJsonObject labelled = json(R"({"metadata":{"labels":{"a":"1"}}})");
        QTest::newRow("set a new key") << labelled << edits({{u"metadata labels b"_s, u"2"_s}})
                                       << json(R"({"metadata":{"labels":{"a":"1","b":"2"}}})");
        QTest::newRow("replace") << labelled << edits({{u"metadata labels a"_s, u"3"_s}})
                                 << json(R"({"metadata":{"labels":{"a":"3"}}})");
        QTest::newRow("create maps on the way")
            << QJsonObject() << edits({{u"spec template metadata labels x.io/y"_s, u"v"_s}})
            << json(R"({"spec":{"template":{"metadata":{"labels":{"x.io/y":"v"}}}}})");
        QTest::newRow("remove the last key removes the map")
            << labelled << edits({{u"metadata labels a"_s, QJsonValue(QJsonValue::Undefined)}})
            << QJsonObject();
        QTest::newRow("remove a missing key changes nothing")
            << labelled << edits({{u"metadata labels zz"_s, QJsonValue(QJsonValue::Undefined)}})
            << labelled;
        QTest::newRow("list item") << json(R"({"c":[{"n":"a"},{"n":"b"}]})")
                                   << edits({{u"c [1] n"_s, u"z"_s}})
                                   << json(R"({"c":[{"n":"a"},{"n":"z"}]})");
        QTest::newRow("index past the end is skipped")
            << json(R"({"c":[1]})") << edits({{u"c [4]"_s, 2}}) << json(R"({"c":[1]})");
        QTest::newRow("later edits win") << labelled
                                         << edits({{u"metadata labels a"_s, u"x"_s},
                                                   {u"metadata labels a"_s, u"y"_s}})
                                         << json(R"({"metadata":{"labels":{"a":"y"}}})");
    }

    void applyFieldEdits()
    {
        QFETCH(QJsonObject, object);
        QFETCH(QList<FieldEdit>, edits);
        QFETCH(QJsonObject, expected);
        QCOMPARE(models::applyFieldEdits(object, edits), expected);
    }

    void mergePatch_data()
    {
        QTest::addColumn<QJsonObject>("before");
        QTest::addColumn<QJsonObject>("after");
        QTest::addColumn<QJsonObject>("patch");
        QTest::newRow("equal") << json(R"({"a":{"b":1}})") << json(R"({"a":{"b":1}})")
                               << QJsonObject();
        QTest::newRow("nested change") << json(R"({"a":{"b":1,"c":2}})")
                                       << json(R"({"a":{"b":5,"c":2}})")
                                       << json(R"({"a":{"b":5}})");
        QTest::newRow("removed field is null") << json(R"({"a":{"b":1,"c":2}})")
                                               << json(R"({"a":{"c":2}})")
                                               << json(R"({"a":{"b":null}})");
        QTest::newRow("lists whole") << json(R"({"l":[1,2,3]})") << json(R"({"l":[1,3]})")
                                     << json(R"({"l":[1,3]})");
        QTest::newRow("new map") << json(R"({})") << json(R"({"m":{"k":"v"}})")
                                 << json(R"({"m":{"k":"v"}})");
    }

    void mergePatch()
    {
        QFETCH(QJsonObject, before);
        QFETCH(QJsonObject, after);
        QFETCH(QJsonObject, patch);
        QCOMPARE(models::mergePatch(before, after), patch);
    }

    // StrategyForm's, ImageRulesForm's and HostPathForm's requests as edits of the live object,
    // and the patch: only the changed fields, with the resourceVersion precondition.
    void policyPatch_data()
    {
        QTest::addColumn<int>("request"); // 0 workload label, 1 pod label, 2 image annotation
        QTest::addColumn<QString>("value");
        QTest::addColumn<QJsonObject>("patch");
        QTest::newRow("workload label enforce")
            << 0 << u"enforce"_s
            << json(R"({"metadata":{"resourceVersion":"42",
                        "labels":{"virtual-kubelet.io/burst-to-cci":"enforce"}}})");
        QTest::newRow("pod template label off")
            << 1 << u"off"_s
            << json(R"({"metadata":{"resourceVersion":"42"},"spec":{"template":{"metadata":
                        {"labels":{"virtual-kubelet.io/burst-to-cci":"off"}}}}})");
        const QString rules = u"[{\"repositoryPrefix\":\"\",\"replaceWith\":\"swr.io/x\"}]"_s;
        QJsonObject imagePatch = json(R"({"metadata":{"resourceVersion":"42"},"spec":{"template":
                                          {"metadata":{"annotations":{}}}}})");
        imagePatch = models::applyFieldEdits(
            imagePatch, {{{u"spec"_s, u"template"_s, u"metadata"_s, u"annotations"_s,
                           core::burst::kImageAnnotation},
                          QJsonValue(rules)}});
        QTest::newRow("image rules") << 2 << rules << imagePatch;
        QTest::newRow("removing an unset label: nothing to send") << 0 << QString()
                                                                  << QJsonObject();
    }

    void policyPatch()
    {
        QFETCH(int, request);
        QFETCH(QString, value);
        QFETCH(QJsonObject, patch);
        const QJsonObject live = liveDeployment();
        const auto w = core::kube::workloadFromObject(live, nullptr);
        QVERIFY(w);
        const FieldEdit edit = request == 2
                                   ? models::podAnnotationEdit(*w, core::burst::kImageAnnotation,
                                                               value)
                                   : models::burstLabelEdit(*w, request == 1, value);
        const models::PolicyPatch result = models::policyPatch(live, {edit});
        QCOMPARE(result.patch, patch);
        QCOMPARE(result.changed(), !patch.isEmpty());
        // The patch applied as a merge patch gives the patched object.
        QCOMPARE(models::mergePatch(live, result.patched).isEmpty(), patch.isEmpty());
    }

    void stageEdits()
    {
        const QList<FieldEdit> staged = models::stageEdits(
            edits({{u"a b"_s, 1}, {u"a c"_s, 2}}), edits({{u"a b"_s, 3}, {u"a d"_s, 4}}));
        QCOMPARE(staged.size(), 3);
        QCOMPARE(models::applyFieldEdits({}, staged), json(R"({"a":{"b":3,"c":2,"d":4}})"));
    }

    // The CCI preview of the patched object: the strategy the form set, and the namespace's
    // profiles in scope.
    void livePreview_data()
    {
        QTest::addColumn<QString>("podLabel");
        QTest::addColumn<QString>("profileNamespace");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<bool>("bursts");
        QTest::newRow("no label, no profile") << QString() << u"other"_s << u"none"_s << false;
        QTest::newRow("profile of the namespace") << QString() << u"shop"_s << u"localPrefer"_s
                                                  << true;
        QTest::newRow("label beats profile") << u"enforce"_s << u"shop"_s << u"enforce"_s << true;
        QTest::newRow("off") << u"off"_s << u"shop"_s << u"off"_s << false;
    }

    void livePreview()
    {
        QFETCH(QString, podLabel);
        QFETCH(QString, profileNamespace);
        QFETCH(QString, strategy);
        QFETCH(bool, bursts);
        const QJsonObject live = liveDeployment();
        const auto w = core::kube::workloadFromObject(live, nullptr);
        QVERIFY(w);
        const QJsonObject patched =
            models::policyPatch(live, {models::burstLabelEdit(*w, true, podLabel)}).patched;
        const auto preview = models::livePreview(
            patched, {profile(profileNamespace, u"p"_s, u"localPrefer"_s, {{u"app"_s, u"web"_s}})});
        QVERIFY(preview);
        QCOMPARE(core::burst::strategyName(preview->strategy.value), strategy);
        QCOMPARE(preview->bursts, bursts);
        QVERIFY(!preview->cciPod.isEmpty());
        QVERIFY(!models::livePreview(json(R"({"kind":"ConfigMap"})"), {}));
    }

    // The cluster's namespace flavours reach the preview: a GPU workload in a namespace known to
    // be general-computing is refused (gpu.namespaceFlavor); another namespace's flavour does not
    // count, and an unknown flavour is not judged.
    void livePreviewFlavor_data()
    {
        QTest::addColumn<QString>("flavorNamespace");
        QTest::addColumn<int>("flavor");
        QTest::addColumn<bool>("refused");
        using F = core::burst::NamespaceFlavor;
        QTest::newRow("general-computing") << u"shop"_s << int(F::GeneralComputing) << true;
        QTest::newRow("gpu-accelerated") << u"shop"_s << int(F::GpuAccelerated) << false;
        QTest::newRow("unknown") << QString() << int(F::Unknown) << false;
        QTest::newRow("another namespace") << u"other"_s << int(F::GeneralComputing) << false;
    }

    void livePreviewFlavor()
    {
        QFETCH(QString, flavorNamespace);
        QFETCH(int, flavor);
        QFETCH(bool, refused);
        const QJsonObject gpu = json(R"({"apiVersion":"apps/v1","kind":"Deployment",
          "metadata":{"name":"train","namespace":"shop","uid":"u1",
            "labels":{"virtual-kubelet.io/burst-to-cci":"enforce"}},
          "spec":{"selector":{"matchLabels":{"app":"t"}},"template":{
            "metadata":{"labels":{"app":"t"},"annotations":{"cri.cci.io/gpu-driver":"gpu-418.126"}},
            "spec":{"containers":[{"name":"c","image":"tensorflow/tensorflow:1.15.0-gpu",
              "resources":{"limits":{"cpu":"4","memory":"32Gi","nvidia.com/gpu":"1"}}}]}}}})");
        models::NamespaceFlavorMap flavors;
        if (!flavorNamespace.isEmpty())
            flavors.insert(flavorNamespace, core::burst::NamespaceFlavor(flavor));
        const auto preview = models::livePreview(gpu, {}, flavors);
        QVERIFY(preview);
        const auto codes = [](const core::burst::PreviewResult &r) {
            QStringList out;
            for (const core::Diagnostic &d : r.diagnostics)
                out.append(d.code);
            return out;
        };
        QCOMPARE(codes(*preview).contains(u"gpu.namespaceFlavor"_s), refused);
        QCOMPARE(preview->admissible, !refused);
        // A profile's preview of the namespace sees the same flavours.
        const auto scope = models::liveProfileScope({gpu}, {}, flavors);
        QCOMPARE(scope.workloads.size(), 1);
        QCOMPARE(codes(scope.workloads.first().preview).contains(u"gpu.namespaceFlavor"_s),
                 refused);
    }

    void liveProfileScope()
    {
        const QJsonObject top = workload(u"Deployment"_s, u"shop"_s, u"web"_s, {},
                                         {{u"app"_s, u"web"_s}});
        const QJsonObject child = workload(u"ReplicaSet"_s, u"shop"_s, u"web-1"_s, {},
                                           {{u"app"_s, u"web"_s}}, u"Deployment"_s, u"web"_s);
        const auto scope = models::liveProfileScope(
            {top, child}, {profile(u"shop"_s, u"p"_s, u"enforce"_s, {{u"app"_s, u"web"_s}})});
        QCOMPARE(scope.workloads.size(), 1); // the ReplicaSet follows its Deployment
        QCOMPARE(scope.workloads.first().preview.name, u"web"_s);
        QCOMPARE(scope.workloads.first().preview.profile->name, u"p"_s);
        QCOMPARE(scope.profiles.size(), 1);
    }

    void writes_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<bool>("scalable");
        QTest::newRow("deployment") << u"deployments.apps"_s << true;
        QTest::newRow("statefulset") << u"statefulsets.apps"_s << true;
        QTest::newRow("replicaset") << u"replicasets.apps"_s << true;
        QTest::newRow("daemonset") << u"daemonsets.apps"_s << false;
        QTest::newRow("job") << u"jobs.batch"_s << false;
        QTest::newRow("profile") << u"scheduleprofiles"_s << false;
    }

    void writes()
    {
        QFETCH(QString, resource);
        QFETCH(bool, scalable);
        const models::ObjectRef ref{resource, u"shop"_s, u"web"_s, u"uid-1"_s};
        QCOMPARE(models::isScalable(ref), scalable);

        const models::LiveWrite scale = models::patchWrite(ref, models::scalePatch(5), u"scale"_s);
        QCOMPARE(scale.patch, json(R"({"spec":{"replicas":5}})"));
        QVERIFY(scale.describe().startsWith(u"PATCH "_s + resource + u" shop/web/scale"_s));

        const models::LiveWrite removal = models::deleteWrite(ref, liveDeployment());
        QCOMPARE(removal.verb, models::LiveWrite::Verb::Delete);
        QCOMPARE(removal.uid, u"web"_s); // from the live object
        QVERIFY(removal.resourceVersion.isEmpty()); // a status update must not block it
        QVERIFY(removal.describe().contains(u"\"propagationPolicy\": \"Background\""_s));
        QVERIFY(removal.describe().contains(u"\"uid\": \"web\""_s));
        const models::LiveWrite unseen = models::deleteWrite(ref, {});
        QCOMPARE(unseen.uid, u"uid-1"_s);
        QVERIFY(unseen.resourceVersion.isEmpty());
    }
};

QTEST_MAIN(tst_LivePolicy)
#include "tst_livepolicy.moc"
