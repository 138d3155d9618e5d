#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "core/sandbox/store/objectstore.h"
#include "tests/core/sandbox/apiserver/routertesthelpers.h"
#include "tests/core/sandbox/transport/fakehttpstreams.h"
#include "tests/fuzz/fuzzinput.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>

// The sandbox API server's request handling in process, as tst_apirouter drives it: a request
// with any method, target (path and query), headers and body, handled by the router (with the
// node endpoints: pods/log, pods/exec, metrics) over a store holding two namespaces, a
// Deployment, a Pod and a running Pod with logs (fresh for every input). Every request gets an
// HTTP status in 100..599.
//
// Streaming and WebSocket replies are opened too, on the in-memory fakes of the router tests:
// a watch or a log follow is kept open for at most kOpenMs of real time (the sandbox clock runs
// 100 times faster, so logs and exec sleeps move) while the store changes as the last field
// says; every line a watch wrote must be a JSON event with a type. An exec session gets the
// last field's messages (cut at 0x1E; the first byte of each is its channel), then the client
// closes it. Afterwards the client goes away and the router is destroyed with its timers.
//
// Fields (cut at NUL): method (one byte picks a usual one, more bytes are the method itself),
// target, headers ("Name: value" lines), body, client (the store change for a stream: its first
// byte; the messages for a WebSocket).
namespace {

constexpr int kOpenMs = 5;

void changeStore(core::sandbox::ObjectStore &store, char how)
{
    switch (quint8(how) % 4) {
    case 0:
        store.create(core::sandbox::podsType(), QStringLiteral("default"),
                     routertest::pod(QStringLiteral("q")));
        break;
    case 1:
        store.remove(core::sandbox::podsType(), QStringLiteral("default"), QStringLiteral("p"));
        break;
    case 2:
        store.remove(core::sandbox::podsType(), QStringLiteral("default"), QStringLiteral("run"));
        break;
    default:
        break;
    }
}

// Lets the router's timer thread work for at most kOpenMs, or until `done`.
template <typename Done> void runFor(Done &&done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < kOpenMs)
        QThread::usleep(200);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), fuzz::application(), true);
    Q_UNUSED(once);
    static const QByteArray methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
                                         "OPTIONS"};
    const QList<QByteArray> field = fuzz::fields(data, size, 5);
    core::sandbox::HttpRequest request;
    request.method = field.at(0).size() == 1 ? methods[quint8(field.at(0).at(0)) % 7] : field.at(0);
    request.setTarget(field.at(1));
    for (const QByteArray &line : field.at(2).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.add(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    request.body = field.at(3);
    request.remoteAddress = QStringLiteral("127.0.0.1");
    const QByteArray &client = field.at(4);

    core::sandbox::ObjectStore store;
    for (const QString &name : {QStringLiteral("default"), QStringLiteral("kube-system")}) {
        store.create(core::sandbox::namespacesType(), QString(),
                     QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                 {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                 {QStringLiteral("metadata"),
                                  QJsonObject{{QStringLiteral("name"), name}}}});
    }
    store.create(core::sandbox::deploymentsType(), QStringLiteral("default"),
                 routertest::deployment(QStringLiteral("web"), 2));
    store.create(core::sandbox::podsType(), QStringLiteral("default"),
                 routertest::pod(QStringLiteral("p")));
    store.create(core::sandbox::podsType(), QStringLiteral("default"),
                 routertest::runningPod(QStringLiteral("run")));
    core::sandbox::ApiRouterOptions options = core::sandbox::withNodeEndpoints();
    options.clock = std::make_shared<core::sandbox::SandboxClock>(100.0);
    core::sandbox::ApiRouter router(store, QStringLiteral("127.0.0.1"), options);
    const core::sandbox::HttpReply reply = router.handle(request);
    const int status = reply.response().status;
    FUZZ_CHECK(status >= 100 && status <= 599, request.target + " -> " + QByteArray::number(status));

    if (reply.kind() == core::sandbox::HttpReply::Kind::Stream) {
        const auto stream = openStream(reply);
        if (!client.isEmpty())
            changeStore(store, client.at(0));
        runFor([&] { return !stream->isOpen(); });
        stream->abort(); // the client goes away
        const QByteArray written = stream->data();
        if (reply.response().headers.value("Content-Type") == "application/json") {
            const QList<QByteArray> lines = written.split('\n');
            for (qsizetype i = 0; i + 1 < lines.size(); ++i) { // complete lines only
                const QJsonObject event = QJsonDocument::fromJson(lines.at(i)).object();
                FUZZ_CHECK(!event.value(u"type").toString().isEmpty() &&
                               event.value(u"object").isObject(),
                           request.target + "\n--- wrote\n" + written);
            }
        }
    } else if (reply.kind() == core::sandbox::HttpReply::Kind::WebSocket) {
        const auto socket = openWebSocket(reply);
        for (const QByteArray &message : client.split('\x1e')) {
            if (!message.isEmpty())
                socket->receive(quint8(message.at(0)), message.mid(1));
        }
        runFor([&] { return !socket->isOpen(); });
        socket->close(1000, {}); // the client closes
    }
    return 0;
}
