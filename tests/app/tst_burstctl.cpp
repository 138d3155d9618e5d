#include "core/burst/whatifscenario.h"
#include "core/kube/manifestloader.h"
#include "core/kube/workload.h"
#include "tests/app/burstctlprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

// burstctl as a process, on the shipped examples: JSON shape, values from the guide, exit codes.
class tst_burstctl : public QObject
{
    Q_OBJECT

private:
    using Run = BurstctlRun;

    static QString example(const QString &name) { return shippedExample(name); }

    static Run run(const QStringList &args, const QByteArray &stdinData = {},
                   const QString &home = {})
    {
        if (home.isEmpty())
            return runBurstctl(args, {}, stdinData);
        // No kubeconfig but the one the arguments name.
        return runBurstctl(args, {{QStringLiteral("HOME"), home}}, stdinData,
                           {QStringLiteral("KUBECONFIG")});
    }

    // `args` after --server on a port nothing listens on (bound, then released), with no
    // kubeconfig. The server option comes before the command word, as kubectl allows (after
    // exec's "--" it would be the command's).
    static Run runWithoutServer(const QStringList &args)
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost))
            return {};
        const quint16 port = server.serverPort();
        server.close();
        QTemporaryDir home;
        return run(QStringList{QStringLiteral("--server"),
                               QStringLiteral("http://127.0.0.1:%1").arg(port)} +
                       args,
                   {}, home.path());
    }

    static QJsonArray jsonArray(const QByteArray &out)
    {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &e);
        if (e.error != QJsonParseError::NoError)
            qWarning("bad JSON: %s", qPrintable(e.errorString()));
        return doc.array();
    }

private slots:
    void guideDeploymentIsNormalized();
    void imageScenarioTwo();
    void rejectedExitsOne();
    void parseErrorExitsTwoWithPosition();
    void standardInput();
    void namespaceAndNetworkElements();
    void yamlOutput();
    void allNamespacesRefusedForOnePod_data();
    void allNamespacesRefusedForOnePod();
    void connectionErrorKeepsHintOnItsLine_data();
    void connectionErrorKeepsHintOnItsLine();
    void simulateLocalMaxNumAndScaleDown();
    void simulateCciMaxNumLeavesPending();
    void simulateFollowsWhatIf_data();
    void simulateFollowsWhatIf();
    void corpusNeverCrashes();
    void fixHelpers_data();
    void fixHelpers();
};

void tst_burstctl::guideDeploymentIsNormalized()
{
    const Run r = run({QStringLiteral("preview"), QStringLiteral("-f"),
                       example(QStringLiteral("01-burst-label-auto.yaml"))});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray a = jsonArray(r.out);
    QCOMPARE(a.size(), 1);
    const QJsonObject o = a.first().toObject();
    QCOMPARE(o.value(u"kind").toString(), QStringLiteral("Deployment"));
    QCOMPARE(o.value(u"name").toString(), QStringLiteral("test"));
    QCOMPARE(o.value(u"strategy").toObject().value(u"value").toString(), QStringLiteral("auto"));
    QVERIFY(o.value(u"admissible").toBool());
    QVERIFY(o.value(u"normalized").toBool());
    QCOMPARE(o.value(u"podResources").toObject().value(u"cpu").toString(), QStringLiteral("250m"));
    QCOMPARE(o.value(u"podResources").toObject().value(u"memory").toString(),
             QStringLiteral("1Gi"));
    const QJsonObject c = o.value(u"containers").toArray().first().toObject();
    QCOMPARE(c.value(u"memory").toString(), QStringLiteral("1Gi"));
    QVERIFY(c.value(u"changed").toBool());
    QCOMPARE(o.value(u"cciPod").toObject().value(u"kind").toString(), QStringLiteral("Pod"));
}

void tst_burstctl::imageScenarioTwo()
{
    const Run r = run({QStringLiteral("preview"), QStringLiteral("-f"),
                       example(QStringLiteral("07-image-replacement-three-rules.yaml"))});
    QCOMPARE(r.exitCode, 0);
    QStringList images;
    for (const QJsonValue &c : jsonArray(r.out).first().toObject().value(u"containers").toArray())
        images.append(c.toObject().value(u"image").toString());
    QCOMPARE(images,
             (QStringList{QStringLiteral("swr.cn-north-4.myhuaweicloud.com/org1/ubuntu:latest"),
                          QStringLiteral("swr.cn-north-4.myhuaweicloud.com/org1/nginx:latest"),
                          QStringLiteral("swr.cn-north-4.myhuaweicloud.com/org2/redis:latest")}));
}

void tst_burstctl::rejectedExitsOne()
{
    const Run r = run({QStringLiteral("preview"), QStringLiteral("-f"),
                       example(QStringLiteral("08-rejected-too-large.yaml"))});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = jsonArray(r.out).first().toObject();
    QVERIFY(!o.value(u"admissible").toBool());
    QStringList codes;
    for (const QJsonValue &d : o.value(u"diagnostics").toArray())
        codes.append(d.toObject().value(u"code").toString());
    QVERIFY(codes.contains(u"resources.cpu.range"));
}

void tst_burstctl::parseErrorExitsTwoWithPosition()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n");
    f.close();
    const Run r = run({QStringLiteral("preview"), QStringLiteral("-f"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(path + QStringLiteral(":4:")), qPrintable(r.err));
}

void tst_burstctl::standardInput()
{
    QFile f(example(QStringLiteral("06-image-replacement-one-rule.yaml")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Run r =
        run({QStringLiteral("preview"), QStringLiteral("-f"), QStringLiteral("-")}, f.readAll());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = jsonArray(r.out).first().toObject();
    QCOMPARE(o.value(u"name").toString(), QStringLiteral("test-vk"));
    QVERIFY(!o.value(u"normalized").toBool()); // 2 x 500m/1024Mi = 1 / 2Gi, valid as is
}

// guide 2.4 and chapter 4: a Namespace and a Network get their own elements; the Namespace's
// flavour refuses the GPU pod of its namespace; their errors make the exit status 1.
void tst_burstctl::namespaceAndNetworkElements()
{
    const QByteArray yaml =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: cpu-only\n  annotations:\n"
        "    namespace.kubernetes.io/flavor: general-computing\n---\n"
        "apiVersion: networking.cci.io/v1beta1\nkind: Network\nmetadata: {name: net, namespace: "
        "cpu-only}\nspec: {cidr: 192.168.0.0/25, networkType: underlay_neutron}\n---\n"
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: train\n  namespace: cpu-only\n"
        "  labels: {virtual-kubelet.io/burst-to-cci: enforce}\nspec:\n  containers:\n"
        "  - name: c\n    image: tensorflow/tensorflow:1.15.0-gpu\n    resources:\n"
        "      limits: {cpu: '4', memory: 32Gi, nvidia.com/gpu: '1'}\n";
    const Run r = run({QStringLiteral("preview"), QStringLiteral("-f"), QStringLiteral("-")}, yaml);
    QCOMPARE(r.exitCode, 1);
    const QJsonArray elements = jsonArray(r.out);
    QCOMPARE(elements.size(), 3);
    const QJsonObject ns = elements.at(0).toObject();
    QCOMPARE(ns.value(u"kind").toString(), QStringLiteral("Namespace"));
    QVERIFY(ns.value(u"namespace").isNull());
    QVERIFY(ns.value(u"diagnostics").toArray().isEmpty());
    const QJsonObject net = elements.at(1).toObject();
    QCOMPARE(net.value(u"apiVersion").toString(), QStringLiteral("networking.cci.io/v1beta1"));
    QVERIFY(!net.value(u"admissible").toBool());
    QStringList codes;
    for (const QJsonValue &d : net.value(u"diagnostics").toArray())
        codes.append(d.toObject().value(u"code").toString());
    QVERIFY2(codes.contains(QStringLiteral("network.cidr")), qPrintable(codes.join(u',')));
    QVERIFY(codes.contains(QStringLiteral("network.attachedVPC")));
    const QJsonObject pod = elements.at(2).toObject();
    QCOMPARE(pod.value(u"gpus").toInt(), 1);
    QVERIFY(!pod.value(u"admissible").toBool());
    bool flavour = false;
    for (const QJsonValue &d : pod.value(u"diagnostics").toArray())
        flavour = flavour || d.toObject().value(u"code").toString() == u"gpu.namespaceFlavor";
    QVERIFY(flavour);
}

void tst_burstctl::yamlOutput()
{
    const Run r =
        run({QStringLiteral("preview"), QStringLiteral("-o"), QStringLiteral("yaml"),
             QStringLiteral("-f"), example(QStringLiteral("02-profile-local-maxnum.yaml"))});
    QCOMPARE(r.exitCode, 0);
    const YAML::Node doc = YAML::Load(r.out.toStdString());
    QVERIFY(doc.IsSequence());
    QCOMPARE(doc[0]["strategy"]["profile"].as<std::string>(), std::string("test-cci-profile"));
    QCOMPARE(doc[0]["strategy"]["source"].as<std::string>(), std::string("profile"));
}

void tst_burstctl::allNamespacesRefusedForOnePod_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error"); // the one line on stderr
    const QString onePod =
        QStringLiteral("burstctl %1: -A (--all-namespaces) does not apply: %1 works on one pod in "
                       "one namespace, and kubectl %1 has no -A either. Give the pod's namespace "
                       "with -n NAMESPACE.\n");
    QTest::newRow("logs -A") << QStringList{QStringLiteral("logs"), QStringLiteral("web"),
                                            QStringLiteral("-A")}
                             << onePod.arg(u"logs");
    QTest::newRow("logs --all-namespaces")
        << QStringList{QStringLiteral("logs"), QStringLiteral("--all-namespaces"),
                       QStringLiteral("web"), QStringLiteral("-f")}
        << onePod.arg(u"logs");
    QTest::newRow("exec -A") << QStringList{QStringLiteral("exec"), QStringLiteral("-A"),
                                            QStringLiteral("web"), QStringLiteral("--"),
                                            QStringLiteral("env")}
                             << onePod.arg(u"exec");
    QTest::newRow("get NAME -A")
        << QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("web"),
                       QStringLiteral("-A")}
        << QStringLiteral("burstctl get: a resource cannot be retrieved by name across all "
                          "namespaces. Give its namespace with -n NAMESPACE.\n");
}

void tst_burstctl::allNamespacesRefusedForOnePod()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    // No server listens: the refusal comes before any connection.
    const Run r = runWithoutServer(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err, error);
}

void tst_burstctl::connectionErrorKeepsHintOnItsLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("get") << QStringList{QStringLiteral("get"), QStringLiteral("pods")};
    QTest::newRow("watch") << QStringList{QStringLiteral("watch"), QStringLiteral("pods")};
    QTest::newRow("logs") << QStringList{QStringLiteral("logs"), QStringLiteral("web")};
    // An empty -n is no -n (kubectl): the request goes out for "default", not refused as
    // /namespaces//pods/web/log.
    QTest::newRow("logs -n ''") << QStringList{QStringLiteral("logs"), QStringLiteral("web"),
                                               QStringLiteral("-n"), QString()};
    QTest::newRow("exec") << QStringList{QStringLiteral("exec"), QStringLiteral("web"),
                                         QStringLiteral("--"), QStringLiteral("true")};
}

void tst_burstctl::connectionErrorKeepsHintOnItsLine()
{
    QFETCH(QStringList, args);
    const Run r = runWithoutServer(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.endsWith(u'\n') && r.err.count(u'\n') == 1, qPrintable(r.err));
    QVERIFY2(r.err.startsWith(
                 QStringLiteral("burstctl %1: Cannot reach the API server: ").arg(args.first())),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(u" Check the server address, the network and the TLS settings"),
             qPrintable(r.err));
}

void tst_burstctl::simulateLocalMaxNumAndScaleDown()
{
    // 250m / 512Mi pods on one 2-core / 4Gi node: 8 fit locally (below local.maxNum 20), the
    // other 17 go to CCI. Scale to 0: local (priority 10) loses pods before CCI (priority 0).
    const Run r = run({QStringLiteral("simulate"), QStringLiteral("-f"),
                       example(QStringLiteral("02-profile-local-maxnum.yaml")),
                       QStringLiteral("--node"), QStringLiteral("cpu=2,memory=4Gi,name=idc-1"),
                       QStringLiteral("--replicas"), QStringLiteral("25,17,0")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(u"strategy").toObject().value(u"value").toString(),
             QStringLiteral("localPrefer"));
    const QJsonArray steps = o.value(u"steps").toArray();
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps.at(0).toObject().value(u"local").toInt(), 8);
    QCOMPARE(steps.at(0).toObject().value(u"cci").toInt(), 17);
    QCOMPARE(steps.at(1).toObject().value(u"local").toInt(), 0);
    QCOMPARE(steps.at(1).toObject().value(u"cci").toInt(), 17);
    QCOMPARE(steps.at(2).toObject().value(u"cci").toInt(), 0);
}

void tst_burstctl::simulateCciMaxNumLeavesPending()
{
    // One 1-core / 2Gi node holds 4 pods; cci.maxNum 20; 30 replicas -> 4 local, 20 CCI, 6 Pending.
    const Run r = run({QStringLiteral("simulate"), QStringLiteral("-f"),
                       example(QStringLiteral("03-profile-cci-maxnum.yaml")),
                       QStringLiteral("--node"), QStringLiteral("cpu=1,memory=2Gi"),
                       QStringLiteral("--replicas"), QStringLiteral("30")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject step =
        QJsonDocument::fromJson(r.out).object().value(u"steps").toArray().first().toObject();
    QCOMPARE(step.value(u"local").toInt(), 4);
    QCOMPARE(step.value(u"cci").toInt(), 20);
    QCOMPARE(step.value(u"pending").toInt(), 6);
}

void tst_burstctl::simulateFollowsWhatIf_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("admissible");
    QTest::newRow("auto label") << QStringLiteral("01-burst-label-auto.yaml") << true;
    QTest::newRow("local maxNum") << QStringLiteral("02-profile-local-maxnum.yaml") << true;
    QTest::newRow("cci maxNum") << QStringLiteral("03-profile-cci-maxnum.yaml") << true;
    // 33 cores: CCI rejects the pod, so nothing bursts; it stays Pending (no node fits either).
    QTest::newRow("rejected, too large") << QStringLiteral("08-rejected-too-large.yaml") << false;
}

void tst_burstctl::simulateFollowsWhatIf()
{
    QFETCH(QString, file);
    QFETCH(bool, admissible);
    const QString node = QStringLiteral("cpu=2,memory=4Gi,name=n1");
    const QList<int> replicas{5, 2, 0};
    const Run r = run({QStringLiteral("simulate"), QStringLiteral("-f"), example(file),
                       QStringLiteral("--node"), node, QStringLiteral("--replicas"),
                       QStringLiteral("5,2,0")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject out = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(out.value(u"admissible").toBool(!admissible), admissible);

    // The console's What-if on the same workload, nodes and steps.
    const core::kube::LoadResult loaded = core::kube::loadManifestFile(example(file));
    QList<QJsonObject> objects;
    const core::kube::ManifestObject *workload = nullptr;
    for (const core::kube::ManifestObject &o : loaded.objects) {
        const bool podBearing = core::kube::isPodBearingKind(o.kind());
        if (podBearing && !workload)
            workload = &o;
        if (!podBearing || workload == &o)
            objects.append(o.object);
    }
    QVERIFY(workload);
    const auto w = core::kube::workloadFromObject(workload->object, nullptr);
    QVERIFY(w);
    const core::burst::PreviewResult preview = core::burst::previewObjects(objects, {}).value(0);
    QCOMPARE(preview.admissible, admissible);
    core::burst::SimulationInput input = core::burst::whatIfScenario(*w, preview).input;
    QCOMPARE(input.cciAvailable, admissible);
    input.nodes = {core::burst::SimNode{QStringLiteral("n1"), 2000, 4 * core::burst::kGi}};
    input.replicaSteps = replicas;
    QJsonArray expected;
    for (const core::burst::SimStep &step : core::burst::simulatePlacement(input))
        expected.append(core::burst::simStepToJson(step));
    QCOMPARE(out.value(u"steps").toArray(), expected);
    if (!admissible) {
        for (const QJsonValue &step : expected)
            QCOMPARE(step.toObject().value(u"cci").toInt(), 0);
        QCOMPARE(expected.first().toObject().value(u"pending").toInt(), 5);
    }
}

void tst_burstctl::corpusNeverCrashes()
{
    const QString corpus =
        qEnvironmentVariable("BURST_TEST_DATA_DIR") + QStringLiteral("/kubernetes-examples");
    QVERIFY2(QFileInfo(corpus).isDir(), "corpus not found: ctest sets BURST_TEST_DATA_DIR");
    const Run r = run({QStringLiteral("preview"), QStringLiteral("-f"), corpus});
    QVERIFY2(r.exitCode >= 0 && r.exitCode <= 2, qPrintable(r.err));
    QVERIFY(jsonArray(r.out).size() > 100);
    for (const QString &line : r.err.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(line.contains(QRegularExpression(QStringLiteral("^[^:]+:\\d+:\\d+: "))),
                 qPrintable(line));
}

// burstctl fix: the helpers' edits land in the file byte-exactly (comments kept), and the result
// previews without the rule's warnings.
void tst_burstctl::fixHelpers_data()
{
    QTest::addColumn<QString>("helper");
    QTest::addColumn<QStringList>("inserted"); // lines the output must contain
    QTest::addColumn<QString>("goneCode");     // a preview code present before, absent after
    QTest::newRow("graceful-rollout")
        << QStringLiteral("graceful-rollout")
        << QStringList{QStringLiteral("readinessProbe:"), QStringLiteral("- sleep 20"),
                       QStringLiteral("minReadySeconds: 10")}
        << QStringLiteral("rollout.noReadinessProbe");
    QTest::newRow("downward-api")
        << QStringLiteral("downward-api")
        << QStringList{QStringLiteral("name: MY_POD_IP"),
                       QStringLiteral("fieldPath: metadata.annotations['topology.kubernetes.io/zone']")}
        << QString();
}

void tst_burstctl::fixHelpers()
{
    QFETCH(QString, helper);
    QFETCH(QStringList, inserted);
    QFETCH(QString, goneCode);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("web.yaml"));
    const QByteArray yaml = "# the shop's front end\n"
                            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                            "spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80}]}\n"
                            "---\n"
                            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                            "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n"
                            "    metadata:\n      labels: {app: web}  # selected by the LB\n"
                            "    spec:\n      containers:\n        - name: nginx\n"
                            "          image: nginx:1.25\n          ports: [{containerPort: 80}]\n";
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(yaml);
    f.close();
    const auto codes = [&] {
        QStringList out;
        const Run p = run({QStringLiteral("preview"), QStringLiteral("-f"), file});
        for (const QJsonValue &o : jsonArray(p.out)) {
            for (const QJsonValue &d : o.toObject().value(u"diagnostics").toArray())
                out << d.toObject().value(u"code").toString();
        }
        return out;
    };
    if (!goneCode.isEmpty())
        QVERIFY(codes().contains(goneCode));
    const Run printed = run({QStringLiteral("fix"), helper, QStringLiteral("-f"), file});
    QCOMPARE(printed.exitCode, 0);
    const QString text = QString::fromUtf8(printed.out);
    QVERIFY(text.startsWith(u"# the shop's front end\n"));
    QVERIFY(text.contains(u"labels: {app: web}  # selected by the LB"));
    for (const QString &line : inserted)
        QVERIFY2(text.contains(line), qPrintable(text));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), yaml); // printing leaves the file alone
    f.close();
    const Run written =
        run({QStringLiteral("fix"), helper, QStringLiteral("-f"), file, QStringLiteral("--in-place")});
    QCOMPARE(written.exitCode, 0);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), text);
    f.close();
    if (!goneCode.isEmpty())
        QVERIFY(!codes().contains(goneCode));
    else
        QVERIFY(codes().contains(QStringLiteral("downward.env")));
    QCOMPARE(run({QStringLiteral("fix"), QStringLiteral("nonsense"), QStringLiteral("-f"), file})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(tst_burstctl)
#include "tst_burstctl.moc"
