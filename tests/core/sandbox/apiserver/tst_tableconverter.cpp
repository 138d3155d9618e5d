#include "core/sandbox/apiserver/tableconverter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace core::sandbox;

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);

// Objects are written as JSON; "@N" strings are timestamps N seconds from kNow ("@-60": a
// minute ago), like the time.Now().Add(...) of printers_test.go.
QJsonObject object(const char *json)
{
    QString text = QString::fromUtf8(json);
    static const QRegularExpression relative(QStringLiteral("\"@(-?\\d+)\""));
    QRegularExpressionMatch m;
    while ((m = relative.match(text)).hasMatch()) {
        const QString at = kNow.addSecs(m.captured(1).toLongLong()).toString(Qt::ISODate);
        text.replace(m.capturedStart(), m.capturedLength(), QString(u'"' + at + u'"'));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (doc.isNull())
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QJsonArray cells(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

ResourceType typeOf(const QString &groupResource)
{
    const qsizetype dot = groupResource.indexOf(u'.');
    const QString resource = dot < 0 ? groupResource : groupResource.left(dot);
    const QString group = dot < 0 ? QString() : groupResource.mid(dot + 1);
    return ResourceType{group, QStringLiteral("v1"), resource, QString()};
}

// "Name,Ready,*Containers": the column names, "*" marking the priority 1 (-o wide) ones.
QString headerOf(const QJsonObject &table)
{
    QStringList names;
    for (const QJsonValue &c : table.value(u"columnDefinitions").toArray()) {
        const QJsonObject column = c.toObject();
        names.append(column.value(u"priority").toInt() > 0
                         ? QString(u'*' + column.value(u"name").toString())
                         : column.value(u"name").toString());
    }
    return names.join(u',');
}

const QString kDeployHeader =
    QStringLiteral("Name,Ready,Up-to-date,Available,Age,*Containers,*Images,*Selector");
const QString kReplicaSetHeader =
    QStringLiteral("Name,Desired,Current,Ready,Age,*Containers,*Images,*Selector");
const QString kJobHeader =
    QStringLiteral("Name,Status,Completions,Duration,Age,*Containers,*Images,*Selector");
const QString kServiceHeader =
    QStringLiteral("Name,Type,Cluster-IP,External-IP,Port(s),Age,*Selector");
const QString kEventHeader = QStringLiteral(
    "Last Seen,Type,Reason,Object,*Subobject,*Source,Message,*First Seen,*Count,*Name");

#define TWO_CONTAINERS                                                                             \
    "\"template\":{\"spec\":{\"containers\":[{\"name\":\"fake-container1\",\"image\":"             \
    "\"fake-image1\"},{\"name\":\"fake-container2\",\"image\":\"fake-image2\"}]}}"

} // namespace

// Expected rows are the printers_test.go rows of pkg/printers/internalversion (Kubernetes 1.30),
// apimachinery's duration_test.go, and the CRD tableconvertor rules for the ScheduleProfile.
class tst_TableConverter : public QObject
{
    Q_OBJECT

private slots:
    void rows_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QJsonArray>("expected");

        QTest::newRow("deployment test1")
            << QStringLiteral("deployments.apps")
            << object("{\"metadata\":{\"name\":\"test1\",\"creationTimestamp\":\"@1\"},"
                      "\"spec\":{\"replicas\":5," TWO_CONTAINERS
                      ",\"selector\":{\"matchLabels\":{\"foo\":\"bar\"}}},"
                      "\"status\":{\"replicas\":10,\"updatedReplicas\":2,"
                      "\"availableReplicas\":1,\"unavailableReplicas\":4}}")
            << kDeployHeader
            << cells("[\"test1\",\"0/5\",2,1,\"0s\",\"fake-container1,fake-container2\","
                     "\"fake-image1,fake-image2\",\"foo=bar\"]");
        QTest::newRow("deployment rolled out, set-based selector")
            << QStringLiteral("deployments.apps")
            << object("{\"metadata\":{\"name\":\"web\",\"creationTimestamp\":\"@-190\"},"
                      "\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"web\"},"
                      "\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"In\","
                      "\"values\":[\"b\",\"a\"]},{\"key\":\"canary\",\"operator\":"
                      "\"DoesNotExist\"}]}},\"status\":{\"readyReplicas\":3,"
                      "\"updatedReplicas\":3,\"availableReplicas\":3}}")
            << kDeployHeader
            << cells("[\"web\",\"3/3\",3,3,\"3m10s\",\"\",\"\",\"app=web,!canary,tier in (a,b)\"]");
        QTest::newRow("replicaset test1 wide")
            << QStringLiteral("replicasets.apps")
            << object("{\"metadata\":{\"name\":\"test1\",\"creationTimestamp\":\"@1\"},"
                      "\"spec\":{\"replicas\":5," TWO_CONTAINERS
                      ",\"selector\":{\"matchLabels\":{\"foo\":\"bar\"}}},"
                      "\"status\":{\"replicas\":5,\"readyReplicas\":2}}")
            << kReplicaSetHeader
            << cells("[\"test1\",5,5,2,\"0s\",\"fake-container1,fake-container2\","
                     "\"fake-image1,fake-image2\",\"foo=bar\"]");
        QTest::newRow("statefulset test1")
            << QStringLiteral("statefulsets.apps")
            << object("{\"metadata\":{\"name\":\"test1\",\"creationTimestamp\":\"@1\"},"
                      "\"spec\":{\"replicas\":5," TWO_CONTAINERS "},"
                      "\"status\":{\"replicas\":5,\"readyReplicas\":2}}")
            << QStringLiteral("Name,Ready,Age,*Containers,*Images")
            << cells("[\"test1\",\"2/5\",\"0s\",\"fake-container1,fake-container2\","
                     "\"fake-image1,fake-image2\"]");
        QTest::newRow("job1 running 1/2")
            << QStringLiteral("jobs.batch")
            << object("{\"metadata\":{\"name\":\"job1\",\"creationTimestamp\":\"@1\"},"
                      "\"spec\":{\"completions\":2,\"template\":{\"spec\":{\"containers\":["
                      "{\"name\":\"fake-job-container1\",\"image\":\"fake-job-image1\"},"
                      "{\"name\":\"fake-job-container2\",\"image\":\"fake-job-image2\"}]}},"
                      "\"selector\":{\"matchLabels\":{\"job-label\":\"job-label-value\"}}},"
                      "\"status\":{\"succeeded\":1}}")
            << kJobHeader
            << cells("[\"job1\",\"Running\",\"1/2\",\"\",\"0s\","
                     "\"fake-job-container1,fake-job-container2\","
                     "\"fake-job-image1,fake-job-image2\",\"job-label=job-label-value\"]");
        QTest::newRow("job3 finished in 30m, 10y old")
            << QStringLiteral("jobs.batch")
            << object("{\"metadata\":{\"name\":\"job3\",\"creationTimestamp\":\"@-315360000\"},"
                      "\"spec\":{},\"status\":{\"succeeded\":0,\"startTime\":\"@60\","
                      "\"completionTime\":\"@1860\"}}")
            << kJobHeader
            << cells("[\"job3\",\"Running\",\"0/1\",\"30m\",\"10y\",\"\",\"\",\"<none>\"]");
        QTest::newRow("job4 running for 20m")
            << QStringLiteral("jobs.batch")
            << object("{\"metadata\":{\"name\":\"job4\",\"creationTimestamp\":\"@-315360000\"},"
                      "\"spec\":{},\"status\":{\"startTime\":\"@-1200\"}}")
            << kJobHeader
            << cells("[\"job4\",\"Running\",\"0/1\",\"20m\",\"10y\",\"\",\"\",\"<none>\"]");
        const struct
        {
            const char *name;
            const char *json;
            const char *expected;
        } jobStates[] = {
            {"job5 Complete",
             "{\"metadata\":{\"name\":\"job5\",\"creationTimestamp\":\"@1\"},\"spec\":{},"
             "\"status\":{\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\"}]}}",
             "[\"job5\",\"Complete\",\"0/1\",\"\",\"0s\",\"\",\"\",\"<none>\"]"},
            {"job6 Failed",
             "{\"metadata\":{\"name\":\"job6\",\"creationTimestamp\":\"@1\"},\"spec\":{},"
             "\"status\":{\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\"}]}}",
             "[\"job6\",\"Failed\",\"0/1\",\"\",\"0s\",\"\",\"\",\"<none>\"]"},
            {"job7 Suspended",
             "{\"metadata\":{\"name\":\"job7\",\"creationTimestamp\":\"@1\"},\"spec\":{},"
             "\"status\":{\"conditions\":[{\"type\":\"Suspended\",\"status\":\"True\"}]}}",
             "[\"job7\",\"Suspended\",\"0/1\",\"\",\"0s\",\"\",\"\",\"<none>\"]"},
            {"job8 FailureTarget",
             "{\"metadata\":{\"name\":\"job8\",\"creationTimestamp\":\"@1\"},\"spec\":{},"
             "\"status\":{\"conditions\":[{\"type\":\"FailureTarget\",\"status\":\"True\"}]}}",
             "[\"job8\",\"FailureTarget\",\"0/1\",\"\",\"0s\",\"\",\"\",\"<none>\"]"},
            {"job9 Terminating",
             "{\"metadata\":{\"name\":\"job9\",\"creationTimestamp\":\"@1\","
             "\"deletionTimestamp\":\"@1\"},\"spec\":{}}",
             "[\"job9\",\"Terminating\",\"0/1\",\"\",\"0s\",\"\",\"\",\"<none>\"]"},
            {"parallelism 30, no completions",
             "{\"metadata\":{\"name\":\"p\",\"creationTimestamp\":\"@1\"},"
             "\"spec\":{\"parallelism\":30},\"status\":{}}",
             "[\"p\",\"Running\",\"0/1 of 30\",\"\",\"0s\",\"\",\"\",\"<none>\"]"},
        };
        for (const auto &j : jobStates) {
            QTest::newRow(j.name) << QStringLiteral("jobs.batch") << object(j.json) << kJobHeader
                                  << cells(j.expected);
        }
        const struct
        {
            const char *name;
            const char *json;
            const char *expected;
        } services[] = {
            {"service test1 ClusterIP",
             "{\"metadata\":{\"name\":\"test1\"},\"spec\":{\"type\":\"ClusterIP\",\"ports\":["
             "{\"protocol\":\"tcp\",\"port\":2233}],\"clusterIP\":\"10.9.8.7\","
             "\"selector\":{\"foo\":\"bar\"}}}",
             "[\"test1\",\"ClusterIP\",\"10.9.8.7\",\"<none>\",\"2233/tcp\",\"<unknown>\","
             "\"foo=bar\"]"},
            {"service test2 NodePort",
             "{\"metadata\":{\"name\":\"test2\"},\"spec\":{\"type\":\"NodePort\",\"ports\":["
             "{\"protocol\":\"tcp\",\"port\":8888,\"nodePort\":9999}],"
             "\"clusterIP\":\"10.9.8.7\"}}",
             "[\"test2\",\"NodePort\",\"10.9.8.7\",\"<none>\",\"8888:9999/tcp\",\"<unknown>\","
             "\"<none>\"]"},
            {"service test4 LoadBalancer, external IP only",
             "{\"metadata\":{\"name\":\"test4\"},\"spec\":{\"type\":\"LoadBalancer\",\"ports\":["
             "{\"protocol\":\"tcp\",\"port\":8888}],\"clusterIP\":\"10.9.8.7\","
             "\"externalIPs\":[\"80.11.12.10\"]}}",
             "[\"test4\",\"LoadBalancer\",\"10.9.8.7\",\"80.11.12.10\",\"8888/tcp\","
             "\"<unknown>\",\"<none>\"]"},
            {"service test6 LoadBalancer, ingress and external IPs",
             "{\"metadata\":{\"name\":\"test6\"},\"spec\":{\"type\":\"LoadBalancer\",\"ports\":["
             "{\"protocol\":\"tcp\",\"port\":8888}],\"clusterIP\":\"10.9.8.7\","
             "\"externalIPs\":[\"80.11.12.10\",\"80.11.12.11\"]},\"status\":{\"loadBalancer\":"
             "{\"ingress\":[{\"ip\":\"2.3.4.5\",\"hostname\":\"test.cluster.local\"},"
             "{\"ip\":\"3.4.5.6\",\"hostname\":\"test.cluster.com\"}]}}}",
             "[\"test6\",\"LoadBalancer\",\"10.9.8.7\",\"2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11\","
             "\"8888/tcp\",\"<unknown>\",\"<none>\"]"},
            {"service LoadBalancer pending",
             "{\"metadata\":{\"name\":\"lb\"},\"spec\":{\"type\":\"LoadBalancer\",\"ports\":["
             "{\"protocol\":\"TCP\",\"port\":80}],\"clusterIPs\":[\"10.0.0.9\"]}}",
             "[\"lb\",\"LoadBalancer\",\"10.0.0.9\",\"<pending>\",\"80/TCP\",\"<unknown>\","
             "\"<none>\"]"},
            {"service test7 ExternalName",
             "{\"metadata\":{\"name\":\"test7\"},\"spec\":{\"type\":\"ExternalName\","
             "\"externalName\":\"my.database.example.com\"}}",
             "[\"test7\",\"ExternalName\",\"<none>\",\"my.database.example.com\",\"<none>\","
             "\"<unknown>\",\"<none>\"]"},
        };
        for (const auto &s : services) {
            QTest::newRow(s.name) << QStringLiteral("services") << object(s.json) << kServiceHeader
                                  << cells(s.expected);
        }
        QTest::newRow("event about a pod")
            << QStringLiteral("events")
            << object("{\"metadata\":{\"name\":\"event1\"},\"source\":{\"component\":\"kubelet\"},"
                      "\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"Pod Name\","
                      "\"fieldPath\":\"spec.containers{foo}\"},\"reason\":\"Event Reason\","
                      "\"message\":\"Message Data\",\"firstTimestamp\":\"@-259200\","
                      "\"lastTimestamp\":\"@-172800\",\"count\":6,\"type\":\"Normal\"}")
            << kEventHeader
            << cells("[\"2d\",\"Normal\",\"Event Reason\",\"pod/Pod Name\","
                     "\"spec.containers{foo}\",\"kubelet\",\"Message Data\",\"3d\",6,"
                     "\"event1\"]");
        QTest::newRow("event wide, source host")
            << QStringLiteral("events")
            << object("{\"metadata\":{\"name\":\"event2\"},\"source\":{\"component\":\"kubelet\","
                      "\"host\":\"Node1\"},\"involvedObject\":{\"kind\":\"Deployment\","
                      "\"name\":\"Deployment Name\",\"fieldPath\":\"spec.containers{foo}\"},"
                      "\"reason\":\"Event Reason\",\"message\":\"Message Data\","
                      "\"firstTimestamp\":\"@-259200\",\"lastTimestamp\":\"@-172800\","
                      "\"count\":6,\"type\":\"Warning\"}")
            << kEventHeader
            << cells("[\"2d\",\"Warning\",\"Event Reason\",\"deployment/Deployment Name\","
                     "\"spec.containers{foo}\",\"kubelet, Node1\",\"Message Data\",\"3d\",6,"
                     "\"event2\"]");
        QTest::newRow("namespace Active")
            << QStringLiteral("namespaces")
            << object("{\"metadata\":{\"name\":\"namespace1\",\"creationTimestamp\":\"@1\"},"
                      "\"status\":{\"phase\":\"Active\"}}")
            << QStringLiteral("Name,Status,Age") << cells("[\"namespace1\",\"Active\",\"0s\"]");
        QTest::newRow("configmap data + binaryData")
            << QStringLiteral("configmaps")
            << object("{\"metadata\":{\"name\":\"cm\",\"creationTimestamp\":\"@-300\"},"
                      "\"data\":{\"a\":\"1\",\"b\":\"2\"},\"binaryData\":{\"c\":\"AA==\"}}")
            << QStringLiteral("Name,Data,Age") << cells("[\"cm\",3,\"5m\"]");
        QTest::newRow("secret tls")
            << QStringLiteral("secrets")
            << object(
                   "{\"metadata\":{\"name\":\"tls\",\"creationTimestamp\":\"@-6000\"},"
                   "\"type\":\"kubernetes.io/tls\",\"data\":{\"tls.crt\":\"\",\"tls.key\":\"\"}}")
            << QStringLiteral("Name,Type,Data,Age")
            << cells("[\"tls\",\"kubernetes.io/tls\",2,\"100m\"]");
        QTest::newRow("scheduleprofile, status not written yet")
            << QStringLiteral("scheduleprofiles.scheduling.cci.io")
            << object("{\"metadata\":{\"name\":\"test-cci-profile\",\"creationTimestamp\":"
                      "\"@-302\"},\"spec\":{\"strategy\":\"localPrefer\",\"location\":{"
                      "\"local\":{\"maxNum\":20},\"cci\":{}}}}")
            << QStringLiteral("Name,Strategy,Local-Max,CCI-Max,Used-Local,Used-CCI,Age")
            << cells("[\"test-cci-profile\",\"localPrefer\",20,null,null,null,\"5m2s\"]");
        QTest::newRow("scheduleprofile with usage")
            << QStringLiteral("scheduleprofiles.scheduling.cci.io")
            << object("{\"metadata\":{\"name\":\"p\",\"creationTimestamp\":\"@-10800\"},"
                      "\"spec\":{\"strategy\":\"enforce\",\"location\":{\"cci\":{\"maxNum\":5}}},"
                      "\"status\":{\"used\":{\"local\":0,\"cci\":5}}}")
            << QStringLiteral("Name,Strategy,Local-Max,CCI-Max,Used-Local,Used-CCI,Age")
            << cells("[\"p\",\"enforce\",null,5,0,5,\"3h\"]");
    }
    void rows()
    {
        QFETCH(QString, resource);
        QFETCH(QJsonObject, input);
        QFETCH(QString, header);
        QFETCH(QJsonArray, expected);
        const QJsonObject table =
            toTable(typeOf(resource), {input}, QStringLiteral("42"), QString(), kNow);
        QCOMPARE(table.value(u"kind").toString(), QStringLiteral("Table"));
        QCOMPARE(headerOf(table), header);
        const QJsonArray rows = table.value(u"rows").toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonArray got = rows.first().toObject().value(u"cells").toArray();
        QVERIFY2(got == expected, QJsonDocument(got).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(got.size(), table.value(u"columnDefinitions").toArray().size());
    }

    void humanDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        // apimachinery pkg/util/duration/duration_test.go TestHumanDuration, plus the skew rule.
        QTest::newRow("1s") << qint64(1) << QStringLiteral("1s");
        QTest::newRow("70s") << qint64(70) << QStringLiteral("70s");
        QTest::newRow("190s") << qint64(190) << QStringLiteral("3m10s");
        QTest::newRow("5m exactly") << qint64(300) << QStringLiteral("5m");
        QTest::newRow("70m") << qint64(70 * 60) << QStringLiteral("70m");
        QTest::newRow("3h exactly") << qint64(3 * 3600) << QStringLiteral("3h");
        QTest::newRow("3h10m") << qint64(3 * 3600 + 600) << QStringLiteral("3h10m");
        QTest::newRow("47h") << qint64(47 * 3600) << QStringLiteral("47h");
        QTest::newRow("49h") << qint64(49 * 3600) << QStringLiteral("2d1h");
        QTest::newRow("8d2h") << qint64((8 * 24 + 2) * 3600) << QStringLiteral("8d");
        QTest::newRow("367d") << qint64(367 * 24 * 3600) << QStringLiteral("367d");
        QTest::newRow("2y1d") << qint64((365 * 2 * 24 + 25) * 3600) << QStringLiteral("2y1d");
        QTest::newRow("8y") << qint64((365 * 8 * 24 + 2) * 3600) << QStringLiteral("8y");
        QTest::newRow("1s in the future is now") << qint64(-1) << QStringLiteral("0s");
        QTest::newRow("2s in the future") << qint64(-2) << QStringLiteral("<invalid>");
    }
    void humanDuration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(humanAge(seconds), expected);
    }

    void unknownResourceKeepsNameAndAge()
    {
        const QJsonObject table = toTable(typeOf(QStringLiteral("podmetrics.metrics.k8s.io")),
                                          {object("{\"metadata\":{\"name\":\"x\"}}")},
                                          QStringLiteral("1"), QStringLiteral("tok"), kNow);
        QCOMPARE(headerOf(table), QStringLiteral("Name,Age"));
        QCOMPARE(table.value(u"metadata").toObject().value(u"continue").toString(),
                 QStringLiteral("tok"));
        const QJsonObject row = table.value(u"rows").toArray().first().toObject();
        QCOMPARE(row.value(u"cells").toArray(), cells("[\"x\",\"<unknown>\"]"));
        QCOMPARE(row.value(u"object").toObject().value(u"kind").toString(),
                 QStringLiteral("PartialObjectMetadata"));
    }
};

QTEST_GUILESS_MAIN(tst_TableConverter)
#include "tst_tableconverter.moc"
