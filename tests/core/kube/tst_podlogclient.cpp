#include "core/kube/podlogclient.h"

#include "core/kube/apiclient.h"
#include "core/sandbox/transport/tlscontext.h"
#include "tests/core/kube/recordingserver.h"

#include <QSignalSpy>
#include <QTest>

// Expected values: the query is the one kubectl sends for the same flags (kubectl logs -v=8
// prints it: container, follow, previous, sinceSeconds, timestamps, tailLines, limitBytes);
// error messages are kube-apiserver's own (pkg/registry/core/pod: "container %s is not valid for
// pod %s"); lines are what the fake wrote, split only at '\n' as kubectl prints them.

using core::kube::ApiClient;
using core::kube::PodLogClient;
using core::kube::PodLogOptions;
using core::sandbox::HttpReply;
using core::sandbox::HttpRequest;

using Query = QMap<QString, QStringList>;

namespace {

const QString kLogPath = QStringLiteral("/api/v1/namespaces/shop/pods/web-0/log");

// The API server's answers: web-0 streams whatever the test writes, other pods do not exist and
// container "bad" is not in web-0.
HttpReply logHandler(const HttpRequest &request, RecordingServer &server)
{
    if (request.path != kLogPath)
        return RecordingServer::status(404, QStringLiteral("NotFound"),
                                       QStringLiteral("pods \"missing\" not found"));
    if (request.queryValue(QStringLiteral("container")) == u"bad")
        return RecordingServer::status(400, QStringLiteral("BadRequest"),
                                       QStringLiteral("container bad is not valid for pod web-0"));
    if (request.queryValue(QStringLiteral("container")) == u"crash")
        return core::sandbox::HttpResponse::text(500, "boom\n");
    return server.openStream();
}

core::kube::Connection connectionTo(const RecordingServer &server)
{
    core::kube::Connection connection;
    connection.server = server.url();
    return connection;
}

QStringList collected(const QSignalSpy &spy)
{
    QStringList lines;
    for (const QList<QVariant> &arguments : spy)
        lines += arguments.constFirst().toStringList();
    return lines;
}

Query queryOf(const HttpRequest &request)
{
    return request.query;
}

} // namespace

class tst_podlogclient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void query_data();
    void query();
    void linesAcrossChunks_data();
    void linesAcrossChunks();
    void ringKeepsLastLines();
    void bigBodyComesInSlices();
    void apiErrors_data();
    void apiErrors();
    void followDropAndResume();
    void closedMidBodyIsNoEnd();
    void tlsAndToken();
};

void tst_podlogclient::initTestCase()
{
    qRegisterMetaType<core::Error>();
}

void tst_podlogclient::query_data()
{
    QTest::addColumn<PodLogOptions>("options");
    QTest::addColumn<Query>("expected");
    const QStringList yes{QStringLiteral("true")};
    QTest::newRow("kubectl logs web-0") << PodLogOptions{} << Query{};
    PodLogOptions all;
    all.container = QStringLiteral("app");
    all.previous = true;
    all.sinceSeconds = 300;
    all.timestamps = true;
    all.tailLines = 10;
    all.limitBytes = 2048;
    QTest::newRow("-c app -p --since=5m --timestamps --tail=10 --limit-bytes=2048")
        << all
        << Query{{QStringLiteral("container"), {QStringLiteral("app")}},
                 {QStringLiteral("previous"), yes},
                 {QStringLiteral("sinceSeconds"), {QStringLiteral("300")}},
                 {QStringLiteral("timestamps"), yes},
                 {QStringLiteral("tailLines"), {QStringLiteral("10")}},
                 {QStringLiteral("limitBytes"), {QStringLiteral("2048")}}};
    PodLogOptions sinceTime;
    sinceTime.sinceTime = QStringLiteral("2026-11-25T10:00:00.123456789Z");
    QTest::newRow("--since-time keeps nanoseconds")
        << sinceTime
        << Query{{QStringLiteral("sinceTime"), {QStringLiteral("2026-11-25T10:00:00.123456789Z")}}};
    PodLogOptions offset;
    offset.sinceTime = QStringLiteral("2026-11-25T18:00:00+08:00");
    // Go's query parser reads a bare '+' as a space; it must arrive as %2B.
    QTest::newRow("--since-time with +08:00")
        << offset
        << Query{{QStringLiteral("sinceTime"), {QStringLiteral("2026-11-25T18:00:00+08:00")}}};
    PodLogOptions follow;
    follow.follow = true;
    // Follow asks for timestamps so a dropped stream can resume where it broke.
    QTest::newRow("-f") << follow
                        << Query{{QStringLiteral("follow"), yes},
                                 {QStringLiteral("timestamps"), yes}};
}

void tst_podlogclient::query()
{
    QFETCH(PodLogOptions, options);
    QFETCH(Query, expected);
    RecordingServer server(logHandler);
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    PodLogClient client(&api);
    QSignalSpy finished(&client, &PodLogClient::finished);
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    const auto stream = server.takeStream();
    QVERIFY(stream);
    stream->end();
    QVERIFY(finished.wait(5000));
    QCOMPARE(server.requests().size(), size_t(1));
    const HttpRequest request = server.requests().front();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, kLogPath);
    QCOMPARE(queryOf(request), expected);
}

void tst_podlogclient::linesAcrossChunks_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("whole lines") << QList<QByteArray>{"a\nb\n"}
                                 << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("split inside lines")
        << QList<QByteArray>{"hel", "lo\nwor", "ld\n"}
        << QStringList{QStringLiteral("hello"), QStringLiteral("world")};
    QTest::newRow("newline in its own chunk")
        << QList<QByteArray>{"a", "\n", "\n"} << QStringList{QStringLiteral("a"), QString()};
    QTest::newRow("UTF-8 split inside a character")
        << QList<QByteArray>{QByteArray("\xe6\x97"), QByteArray("\xa5\xe6\x9c\xac\n")}
        << QStringList{QStringLiteral("日本")};
    QTest::newRow("last line without newline")
        << QList<QByteArray>{"a\nb"} << QStringList{QStringLiteral("a"), QStringLiteral("b")};
}

void tst_podlogclient::linesAcrossChunks()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QStringList, lines);
    RecordingServer server(logHandler);
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    PodLogClient client(&api);
    QSignalSpy received(&client, &PodLogClient::linesReceived);
    QSignalSpy finished(&client, &PodLogClient::finished);
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), {});
    const auto stream = server.takeStream();
    QVERIFY(stream);
    qsizetype emittedBefore = 0;
    for (const QByteArray &chunk : chunks) {
        QVERIFY(stream->write(chunk));
        // Only complete lines come out: a line waits until its newline arrived.
        const qsizetype complete = collected(received).size() + chunk.count('\n');
        QTRY_COMPARE(collected(received).size(), complete);
        QVERIFY(collected(received).size() >= emittedBefore);
        emittedBefore = collected(received).size();
    }
    stream->end();
    QVERIFY(finished.wait(5000));
    QCOMPARE(collected(received), lines);
    QCOMPARE(client.lines(), lines);
}

void tst_podlogclient::ringKeepsLastLines()
{
    RecordingServer server(logHandler);
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    PodLogClient client(&api);
    client.setMaxLines(3);
    QSignalSpy received(&client, &PodLogClient::linesReceived);
    QSignalSpy finished(&client, &PodLogClient::finished);
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), {});
    const auto stream = server.takeStream();
    QVERIFY(stream);
    QVERIFY(stream->write("1\n2\n"));
    QVERIFY(stream->write("3\n4\n5\n"));
    stream->end();
    QVERIFY(finished.wait(5000));
    QCOMPARE(collected(received).size(), 5);
    QCOMPARE(client.lines(),
             (QStringList{QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}));
    client.setMaxLines(1);
    QCOMPARE(client.lines(), QStringList{QStringLiteral("5")});
}

// However much the reply has buffered (Qt's read buffer limit does not always hold), the stream
// hands on at most 1 MiB an event-loop turn, so the GUI thread's work on one piece stays short;
// nothing is lost or reordered.
void tst_podlogclient::bigBodyComesInSlices()
{
    RecordingServer server(logHandler);
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    PodLogClient client(&api);
    client.setRawLines(true);
    QSignalSpy received(&client, &PodLogClient::rawLinesReceived);
    QSignalSpy finished(&client, &PodLogClient::finished);
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), {});
    const auto stream = server.takeStream();
    QVERIFY(stream);
    QByteArray body;
    for (int i = 0; body.size() < 12 * 1024 * 1024; ++i)
        body += "line " + QByteArray::number(i) + ' ' + QByteArray(100 + i % 50, 'x') + '\n';
    QVERIFY(stream->write(body));
    stream->end();
    QVERIFY(finished.wait(20000));
    QByteArray got;
    for (const QList<QVariant> &arguments : std::as_const(received)) {
        const QByteArray block = arguments.constFirst().toByteArray();
        QVERIFY2(block.size() <= 1024 * 1024 + 200, qPrintable(QString::number(block.size())));
        got += block;
    }
    QVERIFY(received.size() >= 12);
    QCOMPARE(got.size(), body.size());
    QVERIFY(got == body);
}

void tst_podlogclient::apiErrors_data()
{
    QTest::addColumn<QString>("pod");
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("400 container not valid")
        << QStringLiteral("web-0") << QStringLiteral("bad") << QStringLiteral("kube.BadRequest")
        << QStringLiteral("container bad is not valid for pod web-0");
    QTest::newRow("404 pod not found")
        << QStringLiteral("missing") << QString() << QStringLiteral("kube.NotFound")
        << QStringLiteral("pods \"missing\" not found");
    QTest::newRow("500 without Status") << QStringLiteral("web-0") << QStringLiteral("crash")
                                        << QStringLiteral("kube.InternalError") << QStringLiteral("boom");
}

void tst_podlogclient::apiErrors()
{
    QFETCH(QString, pod);
    QFETCH(QString, container);
    QFETCH(QString, code);
    QFETCH(QString, message);
    RecordingServer server(logHandler);
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    PodLogClient client(&api);
    QSignalSpy failed(&client, &PodLogClient::failed);
    QSignalSpy received(&client, &PodLogClient::linesReceived);
    PodLogOptions options;
    options.container = container;
    client.start(QStringLiteral("shop"), pod, options);
    QVERIFY(failed.wait(5000));
    const auto error = failed.constFirst().constFirst().value<core::Error>();
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QCOMPARE(received.size(), 0); // the Status body is no log line
    QVERIFY(!client.isActive());
}

void tst_podlogclient::followDropAndResume()
{
    RecordingServer server(logHandler);
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    PodLogClient client(&api);
    QSignalSpy received(&client, &PodLogClient::linesReceived);
    QSignalSpy dropped(&client, &PodLogClient::streamDropped);
    QSignalSpy finished(&client, &PodLogClient::finished);
    PodLogOptions options;
    options.follow = true;
    options.tailLines = 2;
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    auto stream = server.takeStream();
    QVERIFY(stream);
    // The kubelet writes RFC3339Nano with trailing zeros trimmed.
    QVERIFY(stream->write("2026-11-25T10:00:01.000000001Z one\n"
                          "2026-11-25T10:00:02Z two\n"
                          "2026-11-25T10:00:02Z two again\n"
                          "2026-11-25T10:00:03.5Z thr"));
    QTRY_COMPARE(collected(received).size(), 3);
    stream->abort();
    QVERIFY(dropped.wait(5000));
    QCOMPARE(finished.size(), 0);
    QCOMPARE(client.lastTimestamp(), QStringLiteral("2026-11-25T10:00:02Z"));

    QVERIFY(client.resume());
    QVERIFY(!client.resume()); // already running
    stream = server.takeStream();
    QVERIFY(stream);
    const HttpRequest resumed = server.requests().back();
    QCOMPARE(resumed.queryValue(QStringLiteral("sinceTime")),
             QStringLiteral("2026-11-25T10:00:02Z"));
    QCOMPARE(resumed.queryValue(QStringLiteral("timestamps")), QStringLiteral("true"));
    QCOMPARE(resumed.queryValue(QStringLiteral("follow")), QStringLiteral("true"));
    QVERIFY(!resumed.query.contains(QStringLiteral("tailLines")));
    // As the kubelet, the server repeats every line not before sinceTime.
    QVERIFY(stream->write("2026-11-25T10:00:02Z two\n2026-11-25T10:00:02Z two again\n"));
    QVERIFY(stream->write("2026-11-25T10:00:03.5Z three\n2026-11-25T10:00:04Z four\n"));
    stream->end();
    // The end of a follow is confirmed from the last line; the same line again is nothing new.
    stream = server.takeStream();
    QVERIFY(stream);
    QCOMPARE(server.requests().back().queryValue(QStringLiteral("sinceTime")),
             QStringLiteral("2026-11-25T10:00:04Z"));
    QVERIFY(stream->write("2026-11-25T10:00:04Z four\n"));
    stream->end();
    QVERIFY(finished.wait(5000));
    const QStringList expected{QStringLiteral("one"), QStringLiteral("two"),
                               QStringLiteral("two again"), QStringLiteral("three"),
                               QStringLiteral("four")};
    QCOMPARE(collected(received), expected);
    QCOMPARE(client.lines(), expected);
    QCOMPARE(dropped.size(), 1);
}

// Qt's HTTP stack may report a chunked body cut by a closed connection as complete; the client
// must not take that for the end of the log or emit the half line.
void tst_podlogclient::closedMidBodyIsNoEnd()
{
    RecordingServer server(logHandler);
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    PodLogClient client(&api);
    QSignalSpy received(&client, &PodLogClient::linesReceived);
    QSignalSpy dropped(&client, &PodLogClient::streamDropped);
    QSignalSpy finished(&client, &PodLogClient::finished);
    PodLogOptions options;
    options.follow = true;
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    auto stream = server.takeStream();
    QVERIFY(stream);
    QVERIFY(stream->write("2026-11-25T10:00:01Z one\n2026-11-25T10:00:02Z tw"));
    QTRY_COMPARE(collected(received), QStringList{QStringLiteral("one")});
    stream->abort();
    // Either Qt reports the drop (the caller resumes) or the client resumes by itself.
    QTRY_VERIFY(dropped.size() == 1 || server.requests().size() == 2);
    if (dropped.size() == 1)
        QVERIFY(client.resume());
    stream = server.takeStream();
    QVERIFY(stream);
    QCOMPARE(server.requests().back().queryValue(QStringLiteral("sinceTime")),
             QStringLiteral("2026-11-25T10:00:01Z"));
    QVERIFY(stream->write("2026-11-25T10:00:01Z one\n2026-11-25T10:00:02Z two\n"));
    stream->end();
    stream = server.takeStream(); // confirming the end
    QVERIFY(stream);
    QVERIFY(stream->write("2026-11-25T10:00:02Z two\n"));
    stream->end();
    QVERIFY(finished.wait(5000));
    QCOMPARE(collected(received), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
    QCOMPARE(finished.size(), 1);
}

void tst_podlogclient::tlsAndToken()
{
    core::sandbox::TlsOptions tlsOptions;
    tlsOptions.extraNames = {QStringLiteral("api.burst.test")};
    const auto tls = core::sandbox::TlsContext::generate(tlsOptions);
    QVERIFY(tls.ok());
    core::sandbox::HttpServerOptions options;
    options.tls = tls.value();
    RecordingServer server(logHandler, options);
    QVERIFY(server.start());
    core::kube::Connection connection = connectionTo(server);
    QCOMPARE(connection.server.scheme(), QStringLiteral("https"));
    connection.certificateAuthorityPem = tls->caPem();
    connection.clientCertPem = tls->clientCertPem();
    connection.clientKeyPem = tls->clientKeyPem();
    connection.tlsServerName = QStringLiteral("api.burst.test");
    connection.token = QStringLiteral("s3cr3t-token");
    ApiClient api(connection);
    PodLogClient client(&api);
    QSignalSpy received(&client, &PodLogClient::linesReceived);
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), {});
    const auto stream = server.takeStream();
    QVERIFY(stream);
    QVERIFY(stream->write("over tls\n"));
    QTRY_COMPARE(collected(received), QStringList{QStringLiteral("over tls")});
    stream->end();
    const HttpRequest request = server.requests().front();
    QVERIFY(request.secure);
    QCOMPARE(request.client.commonName, QStringLiteral("sandbox-admin"));
    QCOMPARE(request.headers.value("Authorization"), QByteArray("Bearer s3cr3t-token"));

    // A server name the certificate does not carry fails verification.
    connection.tlsServerName = QStringLiteral("other.burst.test");
    ApiClient wrongNameApi(connection);
    PodLogClient wrongName(&wrongNameApi);
    QSignalSpy failed(&wrongName, &PodLogClient::failed);
    wrongName.start(QStringLiteral("shop"), QStringLiteral("web-0"), {});
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.constFirst().constFirst().value<core::Error>().code,
             QStringLiteral("kube.transport"));
    // ApiClient closes Qt's cached TLS connections when it goes; deferred deletes let OpenSSL
    // free their state before the process exits (LeakSanitizer otherwise sees it at times).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QTEST_GUILESS_MAIN(tst_podlogclient)
#include "tst_podlogclient.moc"
