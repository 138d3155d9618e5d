#include "core/sandbox/node/podlogs.h"
#include "core/sandbox/transport/httprequest.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace core::sandbox;

// Log resolution and rendering against pods built here. Messages are kube-apiserver's
// (pkg/registry/core/pod/strategy.go) and kubelet's (validateContainerLogStatus) wording; line
// windows follow the API's definitions of tailLines/sinceSeconds/sinceTime/limitBytes with the
// simulation's rule that line i is written at start + i / rate.
class tst_PodLogs : public QObject
{
    Q_OBJECT

private:
    static QDateTime t0() { return QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC); }
    static QString iso(const QDateTime &t) { return t.toString(Qt::ISODate); }

    static QJsonObject container(const QString &name, const QString &image)
    {
        return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("image"), image}};
    }

    static QJsonObject runningStatus(const QString &name, const QDateTime &started,
                                     int restarts = 0)
    {
        QJsonObject s{{QStringLiteral("name"), name},
                      {QStringLiteral("restartCount"), restarts},
                      {QStringLiteral("state"),
                       QJsonObject{{QStringLiteral("running"),
                                    QJsonObject{{QStringLiteral("startedAt"), iso(started)}}}}}};
        if (restarts > 0)
            s.insert(
                QStringLiteral("lastState"),
                QJsonObject{{QStringLiteral("terminated"),
                             QJsonObject{{QStringLiteral("startedAt"), iso(started.addSecs(-100))},
                                         {QStringLiteral("finishedAt"), iso(started.addSecs(-50))},
                                         {QStringLiteral("exitCode"), 1}}}});
        return s;
    }

    // Pod "web": one container "app" (or app + sidecar), 2 lines per second, started at t0.
    static QJsonObject pod(bool twoContainers = false, int restarts = 0,
                           const QString &image = QStringLiteral("busybox:1.36"),
                           const QString &uid = QStringLiteral("uid-1"))
    {
        QJsonArray containers{container(QStringLiteral("app"), image)};
        QJsonArray statuses{runningStatus(QStringLiteral("app"), t0(), restarts)};
        if (twoContainers) {
            containers.append(container(QStringLiteral("sidecar"), QStringLiteral("nginx:1.25")));
            statuses.append(runningStatus(QStringLiteral("sidecar"), t0()));
        }
        return QJsonObject{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                         {QStringLiteral("uid"), uid},
                         {QStringLiteral("annotations"),
                          QJsonObject{{PodLogs::rateAnnotation(), QStringLiteral("2")}}}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), containers}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                         {QStringLiteral("containerStatuses"), statuses}}}};
    }

    static PodLogOptions options(const QByteArray &query)
    {
        HttpRequest r;
        r.method = "GET";
        r.setTarget("/api/v1/namespaces/default/pods/web/log?" + query);
        const auto o = PodLogOptions::fromRequest(r);
        return o ? *o : PodLogOptions{};
    }

    static QList<QByteArray> lines(const QByteArray &text)
    {
        QList<QByteArray> out = text.split('\n');
        if (!out.isEmpty() && out.constLast().isEmpty())
            out.removeLast();
        return out;
    }

private slots:
    void window_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("secondsAfterStart");
        QTest::addColumn<int>("expectedLines");
        // 2 lines/s from t0: at t0+10s lines 0..20 exist (times 0, 0.5, ..., 10 s).
        QTest::newRow("all") << QByteArray() << 10 << 21;
        QTest::newRow("tail 3") << QByteArray("tailLines=3") << 10 << 3;
        QTest::newRow("tail 0") << QByteArray("tailLines=0") << 10 << 0;
        QTest::newRow("tail beyond") << QByteArray("tailLines=500") << 10 << 21;
        QTest::newRow("since 5 s") << QByteArray("sinceSeconds=5") << 10 << 11;
        QTest::newRow("since 5 s, tail 4") << QByteArray("sinceSeconds=5&tailLines=4") << 10 << 4;
        QTest::newRow("sinceTime") << QByteArray("sinceTime=2026-11-25T10:00:09Z") << 10 << 3;
        QTest::newRow("sinceTime before start")
            << QByteArray("sinceTime=2026-11-25T09:00:00Z") << 10 << 21;
        QTest::newRow("previous instance")
            << QByteArray("previous=true&container=app") << 10 << 101;
        QTest::newRow("just started") << QByteArray() << 0 << 1;
    }

    void window()
    {
        QFETCH(QByteArray, query);
        QFETCH(int, secondsAfterStart);
        QFETCH(int, expectedLines);
        const PodLogOptions o = options(query);
        const auto source = PodLogs::resolve(pod(false, 1), o);
        QVERIFY2(source, qPrintable(source ? QString() : source.error().message));
        const QByteArray text = PodLogs::render(*source, o, t0().addSecs(secondsAfterStart));
        QCOMPARE(lines(text).size(), expectedLines);
        QVERIFY(text.isEmpty() || text.endsWith('\n'));
    }

    void tailIsTheEndOfTheFullLog()
    {
        const auto source = PodLogs::resolve(pod(), {});
        QVERIFY(source);
        const QDateTime now = t0().addSecs(30);
        const QList<QByteArray> all = lines(PodLogs::render(*source, {}, now));
        const QList<QByteArray> tail = lines(PodLogs::render(*source, options("tailLines=5"), now));
        QCOMPARE(tail, all.mid(all.size() - 5));
    }

    void timestamps()
    {
        const PodLogOptions o = options("timestamps=true&tailLines=2");
        const auto source = PodLogs::resolve(pod(), o);
        QVERIFY(source);
        const QList<QByteArray> got = lines(PodLogs::render(*source, o, t0().addSecs(10)));
        QCOMPARE(got.size(), 2);
        // kubelet's fixed-width RFC3339Nano, then one space, then the line.
        static const QRegularExpression stamp(
            QStringLiteral("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z) \\S"));
        const auto first = stamp.match(QString::fromUtf8(got.at(0)));
        QVERIFY(first.hasMatch());
        QVERIFY(first.captured(1).startsWith(u"2026-11-25T10:00:09.500"));
        QVERIFY(stamp.match(QString::fromUtf8(got.at(1)))
                    .captured(1)
                    .startsWith(u"2026-11-25T10:00:10.000"));
    }

    void limitBytes()
    {
        const PodLogOptions o = options("limitBytes=10");
        const auto source = PodLogs::resolve(pod(), o);
        QVERIFY(source);
        const QByteArray text = PodLogs::render(*source, o, t0().addSecs(10));
        QCOMPARE(text.size(), 10);
        QCOMPARE(text, PodLogs::render(*source, {}, t0().addSecs(10)).left(10));
    }

    void content()
    {
        const auto nginx = PodLogs::resolve(pod(true), options("container=sidecar"));
        QVERIFY(nginx);
        const QByteArray access = lines(PodLogs::render(*nginx, {}, t0().addSecs(3))).at(0);
        static const QRegularExpression combined(QStringLiteral(
            "^\\d+\\.\\d+\\.\\d+\\.\\d+ - - \\[25/Nov/2026:10:00:00 \\+0000\\] \"[A-Z]+ \\S+ "
            "HTTP/1\\.1\" \\d{3} \\d+ \"-\" \"[^\"]+\"$"));
        QVERIFY2(combined.match(QString::fromUtf8(access)).hasMatch(), access.constData());

        const auto app = PodLogs::resolve(pod(), {});
        const auto other = PodLogs::resolve(
            pod(false, 0, QStringLiteral("busybox:1.36"), QStringLiteral("uid-2")), {});
        QVERIFY(app && other);
        const QDateTime now = t0().addSecs(20);
        QCOMPARE(PodLogs::render(*app, {}, now), PodLogs::render(*app, {}, now)); // deterministic
        QVERIFY(PodLogs::render(*app, {}, now) != PodLogs::render(*other, {}, now));
        QVERIFY(!lines(PodLogs::render(*app, {}, now)).at(0).contains("HTTP/1.1"));
    }

    void errors_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("message");
        QTest::newRow("two containers, none named")
            << pod(true) << QByteArray()
            << "a container name must be specified for pod web, choose one of: [app sidecar]";
        QTest::newRow("unknown container") << pod(true) << QByteArray("container=nope")
                                           << "container nope is not valid for pod web";
        QTest::newRow("no previous instance")
            << pod() << QByteArray("previous=true")
            << "previous terminated container \"app\" in pod \"web\" not found";
        QJsonObject creating = pod();
        QJsonObject status = creating.value(u"status").toObject();
        status.insert(QStringLiteral("phase"), QStringLiteral("Pending"));
        status.insert(QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("app")},
                          {QStringLiteral("state"),
                           QJsonObject{{QStringLiteral("waiting"),
                                        QJsonObject{{QStringLiteral("reason"),
                                                     QStringLiteral("ContainerCreating")}}}}}}});
        creating.insert(QStringLiteral("status"), status);
        QTest::newRow("waiting")
            << creating << QByteArray()
            << "container \"app\" in pod \"web\" is waiting to start: ContainerCreating";
        QJsonObject pending = pod();
        pending.insert(QStringLiteral("status"),
                       QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")}});
        QTest::newRow("no status yet")
            << pending << QByteArray()
            << "container \"app\" in pod \"web\" is waiting to start: ContainerCreating";
    }

    void errors()
    {
        QFETCH(QJsonObject, pod);
        QFETCH(QByteArray, query);
        QFETCH(QString, message);
        const auto source = PodLogs::resolve(pod, options(query));
        QVERIFY(!source);
        QCOMPARE(source.error().code, 400);
        QCOMPARE(source.error().reason, QStringLiteral("BadRequest"));
        QCOMPARE(source.error().message, message);
    }

    void badOptions_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("negative tail") << QByteArray("tailLines=-1");
        QTest::newRow("zero limitBytes") << QByteArray("limitBytes=0");
        QTest::newRow("both since forms")
            << QByteArray("sinceSeconds=5&sinceTime=2026-11-25T10:00:00Z");
        QTest::newRow("bad sinceTime") << QByteArray("sinceTime=yesterday");
    }

    void badOptions()
    {
        QFETCH(QByteArray, query);
        HttpRequest r;
        r.method = "GET";
        r.setTarget("/api/v1/namespaces/default/pods/web/log?" + query);
        const auto o = PodLogOptions::fromRequest(r);
        QVERIFY(!o);
        QCOMPARE(o.error().code, 400);
    }
};

QTEST_GUILESS_MAIN(tst_PodLogs)
#include "tst_podlogs.moc"
