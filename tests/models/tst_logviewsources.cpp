#include "models/logviewmodel.h"

#include "core/kube/apiclient.h"
#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "core/sandbox/node/podlogs.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpserver.h"
#include "tests/core/kube/recordingserver.h"
#include "tests/models/logviewtesting.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// The log viewer's sources over HTTP (models/logviewsources.cpp): a follow that resumes after the
// server goes away, a pod that is not there yet, a server that drops timestamps (a gap marker),
// and the kubelet's repeated lines on a resume. Split from tst_logviewmodel, which feeds lines by
// hand.

using models::LogViewModel;
using namespace Qt::StringLiterals;
using logviewtesting::searched;
using logviewtesting::shownTexts;

namespace {

// The sandbox's API server with the node endpoints (logs), in process, restartable on its port.
class LogSandbox
{
public:
    LogSandbox()
    {
        core::sandbox::seedDefaultScenario(m_store, u"sandbox"_s);
        m_router = std::make_unique<core::sandbox::ApiRouter>(m_store, u"127.0.0.1"_s,
                                                              core::sandbox::withNodeEndpoints());
        m_server = makeServer({});
        m_started = bool(m_server->start());
    }
    bool started() const { return m_started; }
    core::sandbox::ObjectStore &store() { return m_store; }
    void stop() { m_server->stop(); }
    bool restart()
    {
        core::sandbox::HttpServerOptions options;
        options.port = m_server->port();
        m_server->stop();
        m_server = makeServer(options);
        return bool(m_server->start());
    }
    core::kube::Connection connection() const
    {
        core::kube::Connection c;
        c.server = QUrl(m_server->url());
        c.token = u"test-token"_s;
        return c;
    }

private:
    std::unique_ptr<core::sandbox::HttpServer> makeServer(core::sandbox::HttpServerOptions options)
    {
        return std::make_unique<core::sandbox::HttpServer>(
            [this](const core::sandbox::HttpRequest &request) { return m_router->handle(request); },
            options);
    }
    core::sandbox::ObjectStore m_store;
    std::unique_ptr<core::sandbox::ApiRouter> m_router;
    std::unique_ptr<core::sandbox::HttpServer> m_server;
    bool m_started = false;
};

QJsonObject loggingPod(const QString &name, const QJsonObject &annotations)
{
    const QString started = QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODate);
    return QJsonObject{
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"annotations"_s, annotations}}},
        {u"spec"_s,
         QJsonObject{{u"nodeName"_s, u"idc-node-1"_s},
                     {u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"app"_s},
                                                              {u"image"_s, u"busybox"_s}}}}}},
        {u"status"_s,
         QJsonObject{{u"phase"_s, u"Running"_s},
                     {u"containerStatuses"_s,
                      QJsonArray{QJsonObject{
                          {u"name"_s, u"app"_s},
                          {u"restartCount"_s, 0},
                          {u"state"_s,
                           QJsonObject{{u"running"_s, QJsonObject{{u"startedAt"_s, started}}}}}}}}}}};
}

} // namespace

class tst_logviewsources : public QObject
{
    Q_OBJECT

private slots:
    void resumeWithoutDuplicates();
    void gapMarkerWhenNothingToResume();
    void resumeRepeatsLinesOfTheSameTime();
    void waitsForAPodThatIsStarting();
};

// Against the sandbox: a pod with 3,000 lines of history and 500 more a second; the API server
// goes away in the middle of the follow and comes back on the same port. The model resumes from
// the last line: every seq= number arrives exactly once and in order.
void tst_logviewsources::resumeWithoutDuplicates()
{
    LogSandbox sandbox;
    QVERIFY(sandbox.started());
    const QJsonObject annotations{{core::sandbox::PodLogs::rateAnnotation(), u"500"_s},
                                  {core::sandbox::PodLogs::historyAnnotation(), u"3000"_s},
                                  {core::sandbox::PodLogs::lineBytesAnnotation(), u"60-200"_s}};
    QVERIFY(sandbox.store().create(core::sandbox::podsType(), u"default"_s,
                                   loggingPod(u"chatty"_s, annotations)));
    core::kube::ApiClient api(sandbox.connection());
    LogViewModel model;
    model.setMaxLines(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy states(&model, &LogViewModel::sourceStateChanged);
    core::kube::PodLogOptions options;
    options.follow = true;
    QCOMPARE(model.addSource(&api, u"default"_s, u"chatty"_s, options), 0);
    QCOMPARE(model.sourceName(0), u"chatty"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 3200, 15000);
    QCOMPARE(model.sourceState(0), LogViewModel::SourceState::Streaming);
    sandbox.stop();
    QTRY_COMPARE_WITH_TIMEOUT(model.sourceState(0), LogViewModel::SourceState::Reconnecting, 5000);
    const int before = model.rowCount();
    QTest::qWait(300); // lines written meanwhile come with the resume
    QVERIFY(sandbox.restart());
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= before + 500, 15000);
    QCOMPARE(model.sourceState(0), LogViewModel::SourceState::Streaming);
    model.stopAll();
    const QRegularExpression seq(u"seq=(\\d+) "_s);
    qint64 expected = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.index(row).data().toString();
        const auto m = seq.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        const qint64 n = m.captured(1).toLongLong();
        if (expected >= 0)
            QCOMPARE(n, expected);
        expected = n + 1;
        const qsizetype length = text.toUtf8().size();
        QVERIFY2(length >= 60 && length <= 200, qPrintable(text));
        QCOMPARE(model.index(row).data(LogViewModel::FlagsRole).toInt() & LogViewModel::GapMarker, 0);
    }
    QVERIFY(model.index(0).data().toString().contains(u"seq=0 "_s));
}

// Opened on a pod that does not exist yet (run.sh --logs, a pod just scaled up): the source waits
// and says so, then streams once the pod runs. A container name the pod does not have fails.
void tst_logviewsources::waitsForAPodThatIsStarting()
{
    LogSandbox sandbox;
    QVERIFY(sandbox.started());
    core::kube::ApiClient api(sandbox.connection());
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy states(&model, &LogViewModel::sourceStateChanged);
    core::kube::PodLogOptions options;
    options.follow = true;
    QCOMPARE(model.addSource(&api, u"default"_s, u"late"_s, options), 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.sourceState(0), LogViewModel::SourceState::Waiting, 5000);
    QVERIFY(states.last().at(2).toString().contains(u"not found"_s));
    QCOMPARE(model.rowCount(), 0);
    QTest::qWait(1200); // retries meanwhile keep it waiting
    QCOMPARE(model.sourceState(0), LogViewModel::SourceState::Waiting);
    const QJsonObject annotations{{core::sandbox::PodLogs::historyAnnotation(), u"20"_s}};
    QVERIFY(sandbox.store().create(core::sandbox::podsType(), u"default"_s,
                                   loggingPod(u"late"_s, annotations)));
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 20, 15000);
    QCOMPARE(model.sourceState(0), LogViewModel::SourceState::Streaming);
    model.stopAll();
    QCOMPARE(model.sourceState(0), LogViewModel::SourceState::Ended);

    LogViewModel wrongContainer;
    options.container = u"sidecar"_s;
    QCOMPARE(wrongContainer.addSource(&api, u"default"_s, u"late"_s, options), 0);
    QTRY_COMPARE_WITH_TIMEOUT(wrongContainer.sourceState(0), LogViewModel::SourceState::Failed,
                              5000);
}

// A server that ignores timestamps=true: after a drop there is no line to resume from, so the
// model starts over and marks where lines may be missing.
void tst_logviewsources::gapMarkerWhenNothingToResume()
{
    RecordingServer server([](const core::sandbox::HttpRequest &, RecordingServer &s) {
        return s.openStream();
    });
    QVERIFY(server.start());
    core::kube::Connection connection;
    connection.server = server.url();
    core::kube::ApiClient api(connection);
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    core::kube::PodLogOptions options;
    options.follow = true;
    options.container = u"app"_s;
    model.addSource(&api, u"shop"_s, u"web-0"_s, options);
    QCOMPARE(model.sourceName(0), u"web-0/app"_s);
    auto stream = server.takeStream();
    QVERIFY(stream);
    QVERIFY(stream->write("plain one\n"));
    QTRY_COMPARE(model.rowCount(), 1);
    stream->abort();
    stream = server.takeStream();
    QVERIFY(stream);
    QVERIFY(stream->write("plain two\n"));
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data().toString(), u"plain one"_s);
    QCOMPARE(model.index(1).data(LogViewModel::FlagsRole).toInt(), int(LogViewModel::GapMarker));
    QVERIFY(model.index(1).data().toString().contains(u"could not be recovered"_s));
    QCOMPARE(model.index(1).data(LogViewModel::SourceIndexRole).toInt(), 0);
    QCOMPARE(model.index(2).data().toString(), u"plain two"_s);
    // A gap is no match and is not saved.
    QCOMPARE(searched(model, {u"recovered"_s, false, true, false}), qint64(0));
    QBuffer saved;
    QVERIFY(saved.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY(model.saveTo(&saved, false, &error));
    QCOMPARE(saved.data(), QByteArray("plain one\nplain two\n"));
}

// The kubelet repeats every line not before sinceTime; lines sharing the last timestamp, seen in
// one block, are skipped as many times as they were seen.
void tst_logviewsources::resumeRepeatsLinesOfTheSameTime()
{
    RecordingServer server([](const core::sandbox::HttpRequest &, RecordingServer &s) {
        return s.openStream();
    });
    QVERIFY(server.start());
    core::kube::Connection connection;
    connection.server = server.url();
    core::kube::ApiClient api(connection);
    LogViewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    core::kube::PodLogOptions options;
    options.follow = true;
    model.addSource(&api, u"shop"_s, u"web-0"_s, options);
    auto stream = server.takeStream();
    QVERIFY(stream);
    QVERIFY(stream->write("2026-11-25T10:00:01Z one\n2026-11-25T10:00:02Z two\n"
                          "2026-11-25T10:00:02Z two again\n2026-11-25T10:00:03Z thr"));
    QTRY_COMPARE(model.rowCount(), 3);
    stream->abort();
    stream = server.takeStream();
    QVERIFY(stream);
    QCOMPARE(server.requests().back().queryValue(u"sinceTime"_s), u"2026-11-25T10:00:02Z"_s);
    QVERIFY(stream->write("2026-11-25T10:00:02Z two\n2026-11-25T10:00:02Z two again\n"
                          "2026-11-25T10:00:03Z three\n"));
    QTRY_COMPARE(model.rowCount(), 4);
    QTest::qWait(100);
    QCOMPARE(shownTexts(model), (QStringList{u"one"_s, u"two"_s, u"two again"_s, u"three"_s}));
}

QTEST_MAIN(tst_logviewsources)
#include "tst_logviewsources.moc"
