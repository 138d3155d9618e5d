#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpwebsocket.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <thread>

using namespace core::sandbox;

// The WebSocket side of the sandbox transport when the server gives up on a session: abort()
// while messages are still queued or being written must drop the connection cleanly (a write
// in flight once read a message freed under it).
class tst_HttpWebSocket : public QObject
{
    Q_OBJECT

private slots:
    void abortWithQueuedMessages_data()
    {
        QTest::addColumn<int>("messages");
        QTest::addColumn<int>("messageBytes");
        QTest::addColumn<bool>("fromAnotherThread");
        QTest::newRow("one small, same thread") << 1 << 16 << false;
        QTest::newRow("many large, same thread") << 64 << 256 * 1024 << false;
        QTest::newRow("many large, another thread") << 64 << 256 * 1024 << true;
    }
    void abortWithQueuedMessages()
    {
        QFETCH(int, messages);
        QFETCH(int, messageBytes);
        QFETCH(bool, fromAnotherThread);
        HttpServer server([=](const HttpRequest &) -> HttpReply {
            return HttpReply::webSocket(
                QByteArrayLiteral("v5.channel.k8s.io"),
                [=](std::shared_ptr<HttpWebSocket> socket) {
                    const QByteArray payload(messageBytes, 'x');
                    for (int i = 0; i < messages; ++i)
                        socket->sendChannel(1, payload);
                    if (fromAnotherThread)
                        std::thread([socket] { socket->abort(); }).detach();
                    else
                        socket->abort();
                    QVERIFY(!socket->sendChannel(1, payload) || socket->isOpen());
                });
        });
        const auto port = server.start();
        QVERIFY(port.ok());
        QWebSocket client;
        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/exec").arg(*port)));
        request.setRawHeader("Sec-WebSocket-Protocol", "v5.channel.k8s.io");
        client.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(disconnected.count() == 1, 10000);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_HttpWebSocket)
#include "tst_httpwebsocket.moc"
