#include "core/burst/prometheussetup.h"
#include "core/burst/scrapeannotations.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/manifestloader.h"

#include <QJsonArray>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace core::burst;

namespace {

QJsonObject child(const QJsonValue &v, const char *key)
{
    return v.toObject().value(QLatin1String(key)).toObject();
}

// A Deployment whose pod template carries `annotations` (YAML text of the map's entries, indented
// by 8) and a container declaring port 8080.
QString deploymentYaml(const QString &annotations)
{
    return QStringLiteral("# the shop's web tier\n"
                          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                          "spec:\n  template:\n    metadata:\n      labels:\n        app: web\n") +
           (annotations.isEmpty() ? QString()
                                  : QStringLiteral("      annotations:\n") + annotations) +
           QStringLiteral("    spec:\n      containers:\n        - name: c  # main\n"
                          "          image: nginx\n          ports:\n"
                          "            - containerPort: 8080\n");
}

core::kube::Workload workloadOf(const QString &yaml)
{
    const auto loaded = core::kube::loadManifests(yaml.toUtf8(), QStringLiteral("w.yaml"));
    core::Diagnostics ignored;
    return *core::kube::workloadFromObject(loaded.objects.first().object, &ignored);
}

QStringList codes(const core::Diagnostics &diagnostics)
{
    QStringList list;
    for (const core::Diagnostic &d : diagnostics)
        list << d.code;
    return list;
}

} // namespace

class tst_PrometheusSetup : public QObject
{
    Q_OBJECT

private slots:
    void objectsForANamespace()
    {
        PrometheusSetup setup;
        setup.nameSpace = QStringLiteral("monitoring");
        setup.monitoredNamespaces = {QStringLiteral("shop"), QStringLiteral("blog")};
        setup.kubeconfigSecret = QStringLiteral("cci-kubeconfig");
        const auto objects = prometheusObjects(setup);
        QVERIFY(objects);
        QCOMPARE(objects->size(), 3);
        const QJsonObject secret = objects->at(0);
        QCOMPARE(secret.value(u"kind").toString(), QStringLiteral("Secret"));
        QCOMPARE(child(secret, "metadata").value(u"name").toString(),
                 QStringLiteral("cci-kubeconfig"));
        QCOMPARE(child(secret, "stringData").value(u"kubeconfig").toString(),
                 placeholderKubeconfig());
        for (const QJsonObject &o : objects.value())
            QCOMPARE(child(o, "metadata").value(u"namespace").toString(),
                     QStringLiteral("monitoring"));
        // No ConfigMap carries a kubeconfig.
        QCOMPARE(objects->at(1).value(u"kind").toString(), QStringLiteral("ConfigMap"));
        QVERIFY(!child(objects->at(1), "data").contains(u"kubeconfig"));

        const QJsonObject podSpec =
            child(child(child(objects->at(2), "spec"), "template"), "spec");
        bool secretVolume = false;
        for (const QJsonValue &v : podSpec.value(u"volumes").toArray()) {
            if (v.toObject().contains(u"configMap"))
                QCOMPARE(child(v, "configMap").value(u"name").toString(),
                         QStringLiteral("prometheus-config"));
            if (v.toObject().contains(u"secret")) {
                secretVolume = true;
                QCOMPARE(child(v, "secret").value(u"secretName").toString(),
                         QStringLiteral("cci-kubeconfig"));
                QCOMPARE(child(v, "secret").value(u"defaultMode").toInt(), 0400);
            }
        }
        QVERIFY(secretVolume);
        QStringList mounts;
        for (const QJsonValue &m :
             podSpec.value(u"containers").toArray().at(0).toObject().value(u"volumeMounts").toArray())
            mounts << m.toObject().value(u"mountPath").toString();
        QCOMPARE(mounts, (QStringList{QStringLiteral("/etc/prometheus/"),
                                      QStringLiteral("/etc/kube/"), QStringLiteral("/prometheus/")}));
    }

    void configDiscoversAndRelabels()
    {
        PrometheusSetup setup;
        setup.nameSpace = QStringLiteral("shop");
        const QByteArray text = prometheusConfig(setup);
        const QJsonObject config =
            core::kube::yamlToJson(YAML::Load(text.toStdString())).toObject();
        const QJsonArray jobs = config.value(u"scrape_configs").toArray();
        QCOMPARE(jobs.size(), 2);
        const QJsonObject pods = jobs.at(0).toObject();
        const QJsonObject sd = pods.value(u"kubernetes_sd_configs").toArray().at(0).toObject();
        QCOMPARE(sd.value(u"role").toString(), QStringLiteral("pod"));
        QCOMPARE(sd.value(u"kubeconfig_file").toString(), QStringLiteral("/etc/kube/kubeconfig"));
        QCOMPARE(child(sd, "namespaces").value(u"names").toArray(),
                 QJsonArray{QStringLiteral("shop")});
        QVERIFY(!sd.contains(u"relabel_configs"));
        const QJsonArray rules = pods.value(u"relabel_configs").toArray();
        // keep: the exact string "true", read back as a string (not a YAML boolean).
        QCOMPARE(rules.at(0).toObject().value(u"action").toString(), QStringLiteral("keep"));
        QCOMPARE(rules.at(0).toObject().value(u"regex"), QJsonValue(QStringLiteral("true")));
        QCOMPARE(rules.at(1).toObject().value(u"target_label").toString(),
                 QStringLiteral("__metrics_path__"));
        QCOMPARE(rules.at(2).toObject().value(u"source_labels").toArray().at(1).toString(),
                 QStringLiteral("__meta_kubernetes_pod_annotation_prometheus_io_port"));
        QCOMPARE(rules.at(2).toObject().value(u"replacement").toString(), QStringLiteral("$1:$2"));
        for (const QJsonValue &rule : rules)
            QVERIFY(rule.toObject().contains(u"action"));
        QCOMPARE(jobs.at(1).toObject().value(u"job_name").toString(), QStringLiteral("cci-monitor"));
    }

    void embedsGivenKubeconfigAndRefusesBadNames_data()
    {
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<QString>("secretName");
        QTest::addColumn<QString>("code"); // empty: accepted
        QTest::newRow("fine") << QStringLiteral("shop") << QStringLiteral("kc") << QString();
        QTest::newRow("namespace upper case") << QStringLiteral("Shop") << QStringLiteral("kc")
                                              << QStringLiteral("prometheus.namespace");
        QTest::newRow("namespace empty") << QString() << QStringLiteral("kc")
                                         << QStringLiteral("prometheus.namespace");
        QTest::newRow("secret name") << QStringLiteral("shop") << QStringLiteral("Kube_Config")
                                     << QStringLiteral("prometheus.secretName");
    }
    void embedsGivenKubeconfigAndRefusesBadNames()
    {
        QFETCH(QString, nameSpace);
        QFETCH(QString, secretName);
        QFETCH(QString, code);
        PrometheusSetup setup;
        setup.nameSpace = nameSpace;
        setup.kubeconfigSecret = secretName;
        setup.kubeconfig = QStringLiteral("apiVersion: v1\nkind: Config\n");
        const auto objects = prometheusObjects(setup);
        QCOMPARE(bool(objects), code.isEmpty());
        if (objects)
            QCOMPARE(child(objects->at(0), "stringData").value(u"kubeconfig").toString(),
                     setup.kubeconfig);
        else
            QCOMPARE(objects.error().code, code);
    }

    void checksScrapeAnnotations_data()
    {
        QTest::addColumn<QString>("annotations");
        QTest::addColumn<QStringList>("expected");
        const auto a = [](const char *scrape, const char *port, const char *path) {
            QString text;
            if (scrape)
                text += QStringLiteral("        prometheus.io/scrape: %1\n").arg(QLatin1String(scrape));
            if (port)
                text += QStringLiteral("        prometheus.io/port: %1\n").arg(QLatin1String(port));
            if (path)
                text += QStringLiteral("        prometheus.io/path: %1\n").arg(QLatin1String(path));
            return text;
        };
        QTest::newRow("none") << QString() << QStringList{};
        QTest::newRow("good") << a("'true'", "'8080'", "/metrics") << QStringList{};
        QTest::newRow("no port") << a("'true'", nullptr, nullptr)
                                 << QStringList{QStringLiteral("prometheus.noPort")};
        QTest::newRow("port zero") << a("'true'", "'0'", nullptr)
                                   << QStringList{QStringLiteral("prometheus.port")};
        QTest::newRow("port too big") << a("'true'", "'70000'", nullptr)
                                      << QStringList{QStringLiteral("prometheus.port")};
        QTest::newRow("port name") << a("'true'", "http", nullptr)
                                   << QStringList{QStringLiteral("prometheus.port")};
        QTest::newRow("port undeclared")
            << a("'true'", "'9100'", nullptr) << QStringList{QStringLiteral("prometheus.portUndeclared")};
        QTest::newRow("path relative") << a("'true'", "'8080'", "metrics")
                                       << QStringList{QStringLiteral("prometheus.path")};
        QTest::newRow("path with query") << a("'true'", "'8080'", "/metrics?x=1")
                                         << QStringList{QStringLiteral("prometheus.path")};
        QTest::newRow("scrape yes") << a("'yes'", "'8080'", nullptr)
                                    << QStringList{QStringLiteral("prometheus.scrape"),
                                                   QStringLiteral("prometheus.ignored")};
        QTest::newRow("scrape unquoted bool") << a("true", "'8080'", nullptr)
                                              << QStringList{QStringLiteral("prometheus.scrape"),
                                                             QStringLiteral("prometheus.ignored")};
        QTest::newRow("port without scrape") << a(nullptr, "'8080'", nullptr)
                                             << QStringList{QStringLiteral("prometheus.ignored")};
    }
    void checksScrapeAnnotations()
    {
        QFETCH(QString, annotations);
        QFETCH(QStringList, expected);
        const core::Diagnostics found = checkScrapeAnnotations(workloadOf(deploymentYaml(annotations)));
        QCOMPARE(codes(found), expected);
        for (const core::Diagnostic &d : found)
            QVERIFY2(d.path.startsWith(QStringLiteral("spec.template.metadata.annotations[\"")),
                     qPrintable(d.path));
    }

    void setsAnnotationsKeepingTheRest()
    {
        const QString source = deploymentYaml({});
        const core::kube::Workload w = workloadOf(source);
        const auto edited = setScrapeAnnotations(source, 0, {}, w,
                                                 ScrapeSettings{true, 8080, QStringLiteral("/m")});
        QVERIFY2(edited, edited ? "" : qPrintable(edited.error().message));
        QVERIFY(edited->startsWith(QStringLiteral("# the shop's web tier\n")));
        QVERIFY(edited->contains(QStringLiteral("- name: c  # main")));
        const core::kube::Workload after = workloadOf(edited.value());
        const QJsonObject annotations = after.podMetadata().value(u"annotations").toObject();
        QCOMPARE(annotations.value(u"prometheus.io/scrape"), QJsonValue(QStringLiteral("true")));
        QCOMPARE(annotations.value(u"prometheus.io/port"), QJsonValue(QStringLiteral("8080")));
        QCOMPARE(annotations.value(u"prometheus.io/path"), QJsonValue(QStringLiteral("/m")));
        QVERIFY(checkScrapeAnnotations(after).isEmpty());

        // Unset port and path remove their annotations.
        const auto cleared = setScrapeAnnotations(edited.value(), 0, {}, after, ScrapeSettings{});
        QVERIFY(cleared);
        const QJsonObject left =
            workloadOf(cleared.value()).podMetadata().value(u"annotations").toObject();
        QCOMPARE(left.keys(), QStringList{QStringLiteral("prometheus.io/scrape")});
    }

    void editRefusesBadSettings_data()
    {
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("code");
        QTest::newRow("negative port") << -1 << QString() << QStringLiteral("prometheus.port");
        QTest::newRow("port 65536") << 65536 << QString() << QStringLiteral("prometheus.port");
        QTest::newRow("relative path") << 8080 << QStringLiteral("metrics")
                                       << QStringLiteral("prometheus.path");
        QTest::newRow("path with space") << 8080 << QStringLiteral("/a b")
                                         << QStringLiteral("prometheus.path");
    }
    void editRefusesBadSettings()
    {
        QFETCH(int, port);
        QFETCH(QString, path);
        QFETCH(QString, code);
        const QString source = deploymentYaml({});
        const auto edited =
            setScrapeAnnotations(source, 0, {}, workloadOf(source), ScrapeSettings{true, port, path});
        QVERIFY(!edited);
        QCOMPARE(edited.error().code, code);
        QVERIFY(!edited.error().hint.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_PrometheusSetup)
#include "tst_prometheussetup.moc"
