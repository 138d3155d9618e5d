#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/node/execsession.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "core/sandbox/store/objectstore.h"
#include "tests/core/sandbox/transport/fakehttpstreams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;

// pods/exec through the router onto a fake WebSocket: subprotocol choice, the channel framing
// and the channel-3 Status (Success, or Failure/NonZeroExitCode with an ExitCode cause, as the
// kubelet's remotecommand server writes it and kubectl reads it), interactive stdin, v5 close.
class tst_ExecSession : public QObject
{
    Q_OBJECT

private:
    const ResourceType &m_pods = podsType();

    static HttpRequest upgrade(const QByteArray &query, const QByteArray &protocols,
                               const QByteArray &pod = "web")
    {
        HttpRequest r;
        r.method = "GET";
        r.setTarget("/api/v1/namespaces/default/pods/" + pod + "/exec?" + query);
        r.headers.set("Connection", "Upgrade");
        r.headers.set("Upgrade", "websocket");
        if (!protocols.isEmpty())
            r.headers.set("Sec-WebSocket-Protocol", protocols);
        return r;
    }

    static QJsonObject pod(const QString &name, const QString &phase, bool running)
    {
        QJsonObject status{{QStringLiteral("phase"), phase}};
        QJsonObject state;
        if (running)
            state.insert(
                QStringLiteral("running"),
                QJsonObject{{QStringLiteral("startedAt"), QStringLiteral("2026-11-25T10:00:00Z")}});
        else
            state.insert(
                QStringLiteral("waiting"),
                QJsonObject{{QStringLiteral("reason"), QStringLiteral("ContainerCreating")}});
        status.insert(QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                             {QStringLiteral("state"), state}}});
        const QJsonObject container{
            {QStringLiteral("name"), QStringLiteral("app")},
            {QStringLiteral("image"), QStringLiteral("nginx:1.25")},
            {QStringLiteral("env"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("MODE")},
                                    {QStringLiteral("value"), QStringLiteral("burst")}}}}};
        return QJsonObject{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("nodeName"), QStringLiteral("idc-node-1")},
                         {QStringLiteral("containers"), QJsonArray{container}}}},
            {QStringLiteral("status"), status}};
    }

    // `pod` with `key` of its first container set to `value`.
    static QJsonObject withContainerField(QJsonObject pod, const QString &key,
                                          const QJsonValue &value)
    {
        QJsonObject spec = pod.value(u"spec").toObject();
        QJsonArray containers = spec.value(u"containers").toArray();
        QJsonObject container = containers.at(0).toObject();
        container.insert(key, value);
        containers.replace(0, container);
        spec.insert(QStringLiteral("containers"), containers);
        pod.insert(QStringLiteral("spec"), spec);
        return pod;
    }

    void seed(ObjectStore &store)
    {
        store.create(m_pods, QStringLiteral("default"),
                     pod(QStringLiteral("web"), QStringLiteral("Running"), true));
        store.create(m_pods, QStringLiteral("default"),
                     pod(QStringLiteral("starting"), QStringLiteral("Pending"), false));
    }

private slots:
    void protocolChoice_data()
    {
        QTest::addColumn<QByteArray>("offered");
        QTest::addColumn<QByteArray>("chosen");
        QTest::newRow("kubectl 1.30+")
            << QByteArray("v5.channel.k8s.io, v4.channel.k8s.io, v3.channel.k8s.io, "
                          "v2.channel.k8s.io, channel.k8s.io")
            << QByteArray("v5.channel.k8s.io");
        QTest::newRow("v4 only") << QByteArray("v4.channel.k8s.io")
                                 << QByteArray("v4.channel.k8s.io");
        QTest::newRow("old only") << QByteArray("channel.k8s.io") << QByteArray();
    }

    void protocolChoice()
    {
        QFETCH(QByteArray, offered);
        QFETCH(QByteArray, chosen);
        ObjectStore store;
        seed(store);
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        const HttpReply reply = router.handle(upgrade("command=true&stdout=true", offered));
        if (chosen.isEmpty()) {
            QCOMPARE(reply.response().status, 400);
        } else {
            QCOMPARE(reply.kind(), HttpReply::Kind::WebSocket);
            QCOMPARE(reply.subprotocol(), chosen);
        }
    }

    void commands_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("stdoutData");
        QTest::addColumn<QByteArray>("stderrData");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("echo hello")
            << QByteArray("command=echo&command=hello&stdout=true&stderr=true")
            << QByteArray("hello\n") << QByteArray() << 0;
        QTest::newRow("sh -c exit 3")
            << QByteArray("command=sh&command=-c&command=exit%203&stdout=true&stderr=true")
            << QByteArray() << QByteArray() << 3;
        QTest::newRow("env from the container")
            << QByteArray("command=sh&command=-c&command=echo%20$MODE&stdout=true")
            << QByteArray("burst\n") << QByteArray() << 0;
        QTest::newRow("not found") << QByteArray("command=nope&stdout=true&stderr=true")
                                   << QByteArray() << QByteArray("sh: nope: not found\n") << 127;
        QTest::newRow("tty merges stderr")
            << QByteArray("command=nope&stdout=true&stderr=true&tty=true")
            << QByteArray("sh: nope: not found\r\n") << QByteArray() << 127;
    }

    void commands()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, stdoutData);
        QFETCH(QByteArray, stderrData);
        QFETCH(int, exitCode);
        ObjectStore store;
        seed(store);
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        const auto socket = openWebSocket(router.handle(upgrade(query, "v5.channel.k8s.io")));
        QTRY_COMPARE(socket->closeCode(), quint16(1000));
        QCOMPARE(socket->channel(1), stdoutData);
        QCOMPARE(socket->channel(2), stderrData);
        const QJsonObject status = QJsonDocument::fromJson(socket->channel(3)).object();
        if (exitCode == 0) {
            QCOMPARE(status.value(u"status").toString(), QStringLiteral("Success"));
        } else {
            QCOMPARE(status.value(u"status").toString(), QStringLiteral("Failure"));
            QCOMPARE(status.value(u"reason").toString(), QStringLiteral("NonZeroExitCode"));
            const QJsonObject cause =
                status.value(u"details").toObject().value(u"causes").toArray().at(0).toObject();
            QCOMPARE(cause.value(u"reason").toString(), QStringLiteral("ExitCode"));
            QCOMPARE(cause.value(u"message").toString(), QString::number(exitCode));
        }
    }

    // guide 4.2: a GPU pod's nvidia-smi, through the exec endpoint, shows its two GPUs.
    void nvidiaSmiInGpuPod()
    {
        ObjectStore store;
        store.create(m_pods, QStringLiteral("default"),
                     withContainerField(pod(QStringLiteral("gpu"), QStringLiteral("Running"), true),
                                        QStringLiteral("resources"),
                                        QJsonObject{{QStringLiteral("limits"),
                                                     QJsonObject{{QStringLiteral("nvidia.com/gpu"),
                                                                  QStringLiteral("2")}}}}));
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        const auto socket = openWebSocket(router.handle(
            upgrade("command=nvidia-smi&stdout=true&stderr=true", "v5.channel.k8s.io", "gpu")));
        QTRY_COMPARE(socket->closeCode(), quint16(1000));
        QCOMPARE(socket->channel(1).count("Tesla P100-PCIE-16GB"), 2);
        QVERIFY(socket->channel(1).contains("Driver Version: 418.126"));
        QVERIFY(socket->channel(2).isEmpty());
    }

    // The container's env through `env`: a Downward API fieldRef reads the pod (as the view
    // shows it, when the router has one: the CCE endpoint's shows a burst pod's CCI placement).
    void downwardApiEnv_data()
    {
        QTest::addColumn<QString>("fieldPath");
        QTest::addColumn<bool>("viewed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << QStringLiteral("metadata.name") << false
                              << QStringLiteral("fields");
        QTest::newRow("namespace") << QStringLiteral("metadata.namespace") << false
                                   << QStringLiteral("default");
        QTest::newRow("label") << QStringLiteral("metadata.labels['app']") << false
                               << QStringLiteral("web");
        QTest::newRow("absent label") << QStringLiteral("metadata.labels['nope']") << false
                                      << QString();
        QTest::newRow("pod ip") << QStringLiteral("status.podIP") << false
                                << QStringLiteral("10.0.0.7");
        QTest::newRow("node") << QStringLiteral("spec.nodeName") << false
                              << QStringLiteral("idc-node-1");
        QTest::newRow("zone, stored pod") << QStringLiteral(
            "metadata.annotations['topology.kubernetes.io/zone']") << false << QString();
        QTest::newRow("zone, viewed") << QStringLiteral(
            "metadata.annotations['topology.kubernetes.io/zone']") << true
                                      << QStringLiteral("cn-north-4b");
        QTest::newRow("unsupported path") << QStringLiteral("spec.containers") << false
                                          << QString();
    }

    void downwardApiEnv()
    {
        QFETCH(QString, fieldPath);
        QFETCH(bool, viewed);
        QFETCH(QString, expected);
        QJsonObject object = withContainerField(
            pod(QStringLiteral("fields"), QStringLiteral("Running"), true), QStringLiteral("env"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("FIELD")},
                                   {QStringLiteral("valueFrom"),
                                    QJsonObject{{QStringLiteral("fieldRef"),
                                                 QJsonObject{{QStringLiteral("fieldPath"),
                                                              fieldPath}}}}}}});
        QJsonObject meta = object.value(u"metadata").toObject();
        meta.insert(QStringLiteral("labels"),
                    QJsonObject{{QStringLiteral("app"), QStringLiteral("web")}});
        object.insert(QStringLiteral("metadata"), meta);
        QJsonObject status = object.value(u"status").toObject();
        status.insert(QStringLiteral("podIP"), QStringLiteral("10.0.0.7"));
        object.insert(QStringLiteral("status"), status);
        ObjectStore store;
        QVERIFY(store.create(m_pods, QStringLiteral("default"), object));
        const PodView view = [](const QJsonObject &p) {
            QJsonObject seen = p;
            QJsonObject m = seen.value(u"metadata").toObject();
            m.insert(QStringLiteral("annotations"),
                     QJsonObject{{QStringLiteral("topology.kubernetes.io/zone"),
                                  QStringLiteral("cn-north-4b")}});
            seen.insert(QStringLiteral("metadata"), m);
            return seen;
        };
        ApiRouter router(store, QStringLiteral("127.0.0.1"),
                         viewed ? withNodeEndpoints({}, view) : withNodeEndpoints());
        const auto socket = openWebSocket(router.handle(
            upgrade("command=env&stdout=true&stderr=true", "v5.channel.k8s.io", "fields")));
        QTRY_COMPARE(socket->closeCode(), quint16(1000));
        const QList<QByteArray> lines = socket->channel(1).split('\n');
        QVERIFY2(lines.contains("FIELD=" + expected.toUtf8()), socket->channel(1).constData());
    }

    void sleepDelaysTheStatus()
    {
        ObjectStore store;
        seed(store);
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        QElapsedTimer timer;
        timer.start();
        const auto socket = openWebSocket(
            router.handle(upgrade("command=sleep&command=0.3&stdout=true", "v4.channel.k8s.io")));
        QVERIFY(socket->isOpen());
        QTRY_COMPARE(socket->closeCode(), quint16(1000));
        QVERIFY(timer.elapsed() >= 250);
    }

    void interactiveShell_data()
    {
        QTest::addColumn<bool>("tty");
        QTest::newRow("stdin pipe (-i)") << false;
        QTest::newRow("terminal (-it)") << true;
    }

    void interactiveShell()
    {
        QFETCH(bool, tty);
        ObjectStore store;
        seed(store);
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        const QByteArray query =
            QByteArray("command=sh&stdin=true&stdout=true&stderr=true") + (tty ? "&tty=true" : "");
        const auto socket = openWebSocket(router.handle(upgrade(query, "v5.channel.k8s.io")));
        socket->receive(4, R"({"Width":80,"Height":24})");
        socket->receive(0, tty ? "echo one\r" : "echo one\n");
        socket->receive(0, tty ? "hostname\r" : "hostname\nfalse\n");
        QTRY_VERIFY(socket->channel(1).contains("web"));
        QVERIFY(socket->isOpen());
        if (tty) {
            // sh in a Debian image is dash: "# ".
            QVERIFY(socket->channel(1).startsWith("# echo one\r\none\r\n# "));
            socket->receive(0, "exit 7\r");
            QTRY_COMPARE(socket->closeCode(), quint16(1000));
            QCOMPARE(QJsonDocument::fromJson(socket->channel(3))
                         .object()
                         .value(u"details")
                         .toObject()
                         .value(u"causes")
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(u"message")
                         .toString(),
                     QStringLiteral("7"));
        } else {
            QCOMPARE(socket->channel(1), QByteArray("one\nweb\n"));
            socket->receive(255, QByteArray(1, '\0')); // v5: stdin reached EOF
            QTRY_COMPARE(socket->closeCode(), quint16(1000));
            // The shell exits with the status of its last command (false).
            QCOMPARE(
                QJsonDocument::fromJson(socket->channel(3)).object().value(u"reason").toString(),
                QStringLiteral("NonZeroExitCode"));
        }
    }

    // A terminal's line discipline, typed byte by byte as a terminal sends keys: the echo of
    // each key, and what the shell ran.
    void lineDiscipline_data()
    {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QByteArray>("shell");
        QTest::addColumn<QByteArray>("typed");
        QTest::addColumn<QByteArray>("screen");
        QTest::newRow("bash prompt")
            << QByteArray("nginx:1.25") << QByteArray("bash") << QByteArray("echo hi\r")
            << QByteArray("root@web:/# echo hi\r\nhi\r\nroot@web:/# ");
        QTest::newRow("busybox prompt") << QByteArray("busybox:1.36") << QByteArray("sh")
                                        << QByteArray("echo hi\r")
                                        << QByteArray("/ # echo hi\r\nhi\r\n/ # ");
        QTest::newRow("backspace")
            << QByteArray("nginx:1.25") << QByteArray("bash") << QByteArray("echo hx\x7fi\r")
            << QByteArray("root@web:/# echo hx\b \bi\r\nhi\r\nroot@web:/# ");
        QTest::newRow("ctrl+c drops the line")
            << QByteArray("nginx:1.25") << QByteArray("bash")
            << QByteArray("echo no\x03" "echo $?\r")
            << QByteArray("root@web:/# echo no^C\r\nroot@web:/# echo $?\r\n130\r\nroot@web:/# ");
        QTest::newRow("arrow keys ignored")
            << QByteArray("nginx:1.25") << QByteArray("bash")
            << QByteArray("echo \x1b[A\x1b[Dok\x1bOH\r\n")
            << QByteArray("root@web:/# echo ok\r\nok\r\nroot@web:/# ");
        QTest::newRow("stty size after a resize")
            << QByteArray("nginx:1.25") << QByteArray("bash") << QByteArray("stty size\r")
            << QByteArray("root@web:/# stty size\r\n40 100\r\nroot@web:/# ");
        QTest::newRow("bash missing in sh")
            << QByteArray("alpine:3.19") << QByteArray("sh") << QByteArray("bash\r")
            << QByteArray("/ # bash\r\nsh: bash: not found\r\n/ # ");
    }

    void lineDiscipline()
    {
        QFETCH(QByteArray, image);
        QFETCH(QByteArray, shell);
        QFETCH(QByteArray, typed);
        QFETCH(QByteArray, screen);
        ObjectStore store;
        QJsonObject web = pod(QStringLiteral("web"), QStringLiteral("Running"), true);
        store.create(m_pods, QStringLiteral("default"),
                     withContainerField(web, QStringLiteral("image"), QString::fromUtf8(image)));
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        const auto socket = openWebSocket(router.handle(upgrade(
            "command=" + shell + "&stdin=true&stdout=true&stderr=true&tty=true",
            "v5.channel.k8s.io")));
        socket->receive(4, R"({"Width":100,"Height":40})");
        for (const char c : typed)
            socket->receive(0, QByteArray(1, c));
        QTRY_COMPARE(socket->channel(1), screen);
        socket->receive(0, "\x04"); // Ctrl+D on an empty line ends the shell
        QTRY_COMPARE(socket->closeCode(), quint16(1000));
        QVERIFY(socket->channel(1).endsWith("exit\r\n"));
    }

    // bash where the image has none: runc's message and exit code 126, as a kubelet with
    // containerd answers, so a console can fall back to sh.
    void bashMissing_data()
    {
        QTest::addColumn<bool>("tty");
        QTest::newRow("-it") << true;
        QTest::newRow("-i") << false;
    }

    void bashMissing()
    {
        QFETCH(bool, tty);
        ObjectStore store;
        store.create(m_pods, QStringLiteral("default"),
                     withContainerField(pod(QStringLiteral("web"), QStringLiteral("Running"), true),
                                        QStringLiteral("image"),
                                        QStringLiteral("nginx:1.25-alpine")));
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        const auto socket = openWebSocket(router.handle(
            upgrade(QByteArray("command=bash&stdin=true&stdout=true&stderr=true") +
                        (tty ? "&tty=true" : ""),
                    "v5.channel.k8s.io")));
        QTRY_COMPARE(socket->closeCode(), quint16(1000));
        const QByteArray message = tty ? socket->channel(1) : socket->channel(2);
        QVERIFY2(message.contains("exec: \"bash\": executable file not found in $PATH"),
                 message.constData());
        const QJsonObject status = QJsonDocument::fromJson(socket->channel(3)).object();
        QCOMPARE(status.value(u"reason").toString(), QStringLiteral("NonZeroExitCode"));
        QVERIFY(status.value(u"message").toString().endsWith(u"exit code 126"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("pod");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("container not running") << QByteArray("starting") << QByteArray("command=ls")
                                               << 400 << "container not found (\"app\")";
        QTest::newRow("unknown container")
            << QByteArray("web") << QByteArray("command=ls&container=db") << 400
            << "container db is not valid for pod web";
        QTest::newRow("no command") << QByteArray("web") << QByteArray("stdout=true") << 400
                                    << "you must specify at least 1 command";
        QTest::newRow("missing pod")
            << QByteArray("ghost") << QByteArray("command=ls") << 404 << "pods \"ghost\" not found";
    }

    void refusals()
    {
        QFETCH(QByteArray, pod);
        QFETCH(QByteArray, query);
        QFETCH(int, status);
        QFETCH(QString, message);
        ObjectStore store;
        seed(store);
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        const HttpReply reply = router.handle(upgrade(query, "v5.channel.k8s.io", pod));
        QCOMPARE(reply.kind(), HttpReply::Kind::Response);
        QCOMPARE(reply.response().status, status);
        QCOMPARE(
            QJsonDocument::fromJson(reply.response().body).object().value(u"message").toString(),
            message);
    }
};

QTEST_GUILESS_MAIN(tst_ExecSession)
#include "tst_execsession.moc"
