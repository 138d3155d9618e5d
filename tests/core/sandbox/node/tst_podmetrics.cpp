#include "core/sandbox/apiserver/apirequestinfo.h"
#include "core/sandbox/node/podmetrics.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace core::sandbox;

// metrics.k8s.io objects as metrics-server serves them (cpu in nanocores "…n", memory in "…Ki",
// PodMetricsList/NodeMetricsList), computed from pods created here.
class tst_PodMetrics : public QObject
{
    Q_OBJECT

private:
    const ResourceType &m_pods = podsType();
    const ResourceType m_nodes{QString(), QStringLiteral("v1"), QStringLiteral("nodes"),
                               QStringLiteral("Node")};

    static QDateTime now() { return QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC); }

    static QJsonObject pod(const QString &name, const QString &node, const QString &phase,
                           const QString &cpu = QStringLiteral("200m"),
                           const QString &memory = QStringLiteral("256Mi"))
    {
        const QJsonObject container{
            {QStringLiteral("name"), QStringLiteral("app")},
            {QStringLiteral("image"), QStringLiteral("nginx")},
            {QStringLiteral("resources"),
             QJsonObject{
                 {QStringLiteral("requests"),
                  QJsonObject{{QStringLiteral("cpu"), cpu}, {QStringLiteral("memory"), memory}}}}}};
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("namespace"), QStringLiteral("default")},
                         {QStringLiteral("uid"), QString(name + QStringLiteral("-uid"))}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("nodeName"), node},
                         {QStringLiteral("containers"), QJsonArray{container}}}},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), phase}}}};
    }

    static qint64 nanoCores(const QJsonObject &usage)
    {
        const QString cpu = usage.value(u"cpu").toString();
        return cpu.endsWith(u'n') ? cpu.chopped(1).toLongLong() : -1;
    }
    static qint64 kibibytes(const QJsonObject &usage)
    {
        const QString memory = usage.value(u"memory").toString();
        return memory.endsWith(u"Ki") ? memory.chopped(2).toLongLong() : -1;
    }

    void seed(ObjectStore &store)
    {
        store.create(m_nodes, QString(),
                     QJsonObject{{QStringLiteral("metadata"),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("n1")}}}});
        store.create(m_pods, QStringLiteral("default"),
                     pod(QStringLiteral("a"), QStringLiteral("n1"), QStringLiteral("Running")));
        store.create(m_pods, QStringLiteral("default"),
                     pod(QStringLiteral("b"), QStringLiteral("n1"), QStringLiteral("Running"),
                         QStringLiteral("1"), QStringLiteral("1Gi")));
        store.create(m_pods, QStringLiteral("default"),
                     pod(QStringLiteral("c"), QStringLiteral("n1"), QStringLiteral("Pending")));
    }

    static ApiRequestInfo info(const QString &path) { return parseApiRequest(path, "GET", false); }

private slots:
    void usageStaysNearRequests_data()
    {
        QTest::addColumn<QString>("cpu");
        QTest::addColumn<QString>("memory");
        QTest::addColumn<qint64>("cpuNanos");
        QTest::addColumn<qint64>("memoryBytes");
        QTest::newRow("200m/256Mi") << "200m"
                                    << "256Mi" << qint64(200000000) << (qint64(256) << 20);
        QTest::newRow("2/4Gi") << "2"
                               << "4Gi" << qint64(2000000000) << (qint64(4) << 30);
    }

    void usageStaysNearRequests()
    {
        QFETCH(QString, cpu);
        QFETCH(QString, memory);
        QFETCH(qint64, cpuNanos);
        QFETCH(qint64, memoryBytes);
        const QJsonObject p =
            pod(QStringLiteral("x"), QStringLiteral("n1"), QStringLiteral("Running"), cpu, memory);
        const QJsonObject c =
            p.value(u"spec").toObject().value(u"containers").toArray().at(0).toObject();
        QSet<qint64> seen;
        for (int minute = 0; minute < 30; ++minute) {
            const auto u = PodMetrics::containerUsage(p, c, now().addSecs(60 * minute));
            QVERIFY(u.cpuNanoCores > cpuNanos / 10 && u.cpuNanoCores < cpuNanos);
            QVERIFY(u.memoryBytes > memoryBytes / 10 && u.memoryBytes < memoryBytes);
            seen.insert(u.cpuNanoCores);
        }
        QVERIFY(seen.size() > 10); // it moves
        const auto again = PodMetrics::containerUsage(p, c, now());
        QCOMPARE(again.cpuNanoCores, PodMetrics::containerUsage(p, c, now()).cpuNanoCores);
    }

    void podMetricsShape()
    {
        const QJsonObject m = PodMetrics::podMetrics(
            pod(QStringLiteral("a"), QStringLiteral("n1"), QStringLiteral("Running")), now());
        QCOMPARE(m.value(u"kind").toString(), QStringLiteral("PodMetrics"));
        QCOMPARE(m.value(u"apiVersion").toString(), QStringLiteral("metrics.k8s.io/v1beta1"));
        QCOMPARE(m.value(u"metadata").toObject().value(u"namespace").toString(),
                 QStringLiteral("default"));
        const QJsonArray containers = m.value(u"containers").toArray();
        QCOMPARE(containers.size(), 1);
        const QJsonObject usage = containers.at(0).toObject().value(u"usage").toObject();
        static const QRegularExpression cpu(QStringLiteral("^\\d+n$"));
        static const QRegularExpression memory(QStringLiteral("^\\d+Ki$"));
        QVERIFY(cpu.match(usage.value(u"cpu").toString()).hasMatch());
        QVERIFY(memory.match(usage.value(u"memory").toString()).hasMatch());
        QVERIFY(!m.value(u"window").toString().isEmpty());
    }

    void nodeIsSumOfRunningPodsPlusOverhead()
    {
        ObjectStore store;
        seed(store);
        const auto node = PodMetrics::handle(
            store, info(QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes/n1")), {}, now());
        QVERIFY(node);
        qint64 cpu = PodMetrics::nodeOverhead(QStringLiteral("n1")).cpuNanoCores;
        qint64 memory = PodMetrics::nodeOverhead(QStringLiteral("n1")).memoryBytes;
        const auto pods = PodMetrics::handle(
            store, info(QStringLiteral("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods")), {},
            now());
        QVERIFY(pods);
        QCOMPARE(pods->value(u"kind").toString(), QStringLiteral("PodMetricsList"));
        const QJsonArray items = pods->value(u"items").toArray();
        QCOMPARE(items.size(), 2); // the Pending pod has no metrics
        for (const QJsonValue &item : items) {
            const QJsonObject usage = item.toObject()
                                          .value(u"containers")
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(u"usage")
                                          .toObject();
            cpu += nanoCores(usage);
            memory += kibibytes(usage) * 1024;
        }
        const QJsonObject usage = node->value(u"usage").toObject();
        QCOMPARE(nanoCores(usage), cpu);
        QVERIFY(qAbs(kibibytes(usage) * 1024 - memory) < 3 * 1024); // Ki rounding per item
        QVERIFY(cpu > PodMetrics::nodeOverhead(QStringLiteral("n1")).cpuNanoCores);
    }

    void requests_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("kind");
        QTest::newRow("all pods") << "/apis/metrics.k8s.io/v1beta1/pods" << 200 << "PodMetricsList";
        QTest::newRow("one pod") << "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/a" << 200
                                 << "PodMetrics";
        QTest::newRow("pending pod")
            << "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/c" << 404 << QString();
        QTest::newRow("missing pod")
            << "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/z" << 404 << QString();
        QTest::newRow("nodes") << "/apis/metrics.k8s.io/v1beta1/nodes" << 200 << "NodeMetricsList";
        QTest::newRow("missing node")
            << "/apis/metrics.k8s.io/v1beta1/nodes/zz" << 404 << QString();
    }

    void requests()
    {
        QFETCH(QString, path);
        QFETCH(int, code);
        QFETCH(QString, kind);
        ObjectStore store;
        seed(store);
        const auto answer = PodMetrics::handle(store, info(path), {}, now());
        if (code == 200) {
            QVERIFY(answer);
            QCOMPARE(answer->value(u"kind").toString(), kind);
        } else {
            QVERIFY(!answer);
            QCOMPARE(answer.error().code, code);
        }
    }
};

QTEST_GUILESS_MAIN(tst_PodMetrics)
#include "tst_podmetrics.moc"
