#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// The live console's case at CI scale: `burstctl watch pods -n default` started within a second
// of `burst-sandbox --pods 2000 --fault-drop-watch-every 40`, while the sandbox is still busy
// starting up and a Deployment is scaled to 20 replicas. Every stream is cut after 40 events;
// the watch must still report every change, ending at each pod's current resourceVersion. (It
// used to report the list and a few dozen events, then fall behind for good: the sandbox's cut
// threw away the events queued before it, and the reflector waited a backoff after every cut.)
// bench/watch-drop.sh runs the same at 20k pods.
class tst_BurstctlWatchDrop : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QProcess m_watch;

    // name -> resourceVersion of the pods in "default", from the server.
    QHash<QString, qint64> serverPods()
    {
        const SandboxProcess::Run run =
            m_sandbox.kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                               QStringLiteral("default"), QStringLiteral("-o"),
                               QStringLiteral("json")});
        QHash<QString, qint64> pods;
        const QJsonArray items =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"items").toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject metadata = item.toObject().value(u"metadata").toObject();
            pods.insert(metadata.value(u"name").toString(),
                        metadata.value(u"resourceVersion").toString().toLongLong());
        }
        return pods;
    }

    // name -> the last resourceVersion the watch printed for a pod it holds (deleted: gone).
    QHash<QString, qint64> watchedPods(QByteArray *output) const
    {
        QFile file(m_sandbox.tempPath(QStringLiteral("watch.out")));
        *output = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        QHash<QString, qint64> pods;
        for (const QByteArray &line : output->split('\n')) {
            const QList<QByteArray> fields = line.split(' ');
            if (fields.size() != 3)
                continue;
            const QString name = QString::fromUtf8(fields.at(1)).section(u'/', 1);
            if (fields.at(0) == "DELETED")
                pods.remove(name);
            else
                pods.insert(name, fields.at(2).toLongLong());
        }
        return pods;
    }

    // Every pod the server holds was printed at its resourceVersion or a later one, and the
    // watch holds no pod the server deleted before that listing.
    static QString behind(const QHash<QString, qint64> &server,
                          const QHash<QString, qint64> &watched)
    {
        for (auto it = server.cbegin(); it != server.cend(); ++it) {
            if (watched.value(it.key(), -1) < it.value())
                return QStringLiteral("%1 at %2, printed %3")
                    .arg(it.key())
                    .arg(it.value())
                    .arg(watched.value(it.key(), -1));
        }
        qint64 newest = 0;
        for (const qint64 rv : server)
            newest = std::max(newest, rv);
        for (auto it = watched.cbegin(); it != watched.cend(); ++it) {
            if (!server.contains(it.key()) && it.value() < newest)
                return QStringLiteral("%1 deleted, still held").arg(it.key());
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
    }

    void cleanupTestCase()
    {
        if (m_watch.state() != QProcess::NotRunning) {
            m_watch.kill();
            m_watch.waitForFinished();
        }
        m_sandbox.stop();
    }

    void everyChangeArrivesThroughCutStreams()
    {
        QElapsedTimer clock;
        clock.start();
        QVERIFY(m_sandbox.start({QStringLiteral("--pods"), QStringLiteral("2000"),
                                  QStringLiteral("--fault-drop-watch-every"),
                                  QStringLiteral("40")}));
        // To a file: the test blocks on kubectl, and a full pipe would stall the watch.
        m_watch.setStandardOutputFile(m_sandbox.tempPath(QStringLiteral("watch.out")));
        m_watch.start(QStringLiteral(BURSTCTL_PATH),
                      {QStringLiteral("--kubeconfig"), m_sandbox.kubeconfig(),
                       QStringLiteral("watch"), QStringLiteral("pods"), QStringLiteral("-n"),
                       QStringLiteral("default")});
        QVERIFY(m_watch.waitForStarted());
        const SandboxProcess::Run created = m_sandbox.kubectl(
            {QStringLiteral("create"), QStringLiteral("deployment"), QStringLiteral("scaled"),
             QStringLiteral("--image=nginx"), QStringLiteral("--replicas=0"), QStringLiteral("-n"),
             QStringLiteral("default")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const SandboxProcess::Run scaled = m_sandbox.kubectl(
            {QStringLiteral("scale"), QStringLiteral("deployment"), QStringLiteral("scaled"),
             QStringLiteral("--replicas=20"), QStringLiteral("-n"), QStringLiteral("default")});
        QVERIFY2(scaled.exitCode == 0, qPrintable(scaled.err));

        // Once the 20 pods exist (the preloaded pods fill the nodes, so they stay Pending), the
        // server's state is taken; the watch must reach it (later changes only move it on).
        QHash<QString, qint64> server;
        int scaledPods = 0;
        for (int i = 0; i < 100 && scaledPods < 20; ++i) {
            QTest::qWait(100);
            server = serverPods();
            scaledPods = 0;
            for (auto it = server.cbegin(); it != server.cend(); ++it)
                scaledPods += it.key().startsWith(u"scaled-") ? 1 : 0;
        }
        QCOMPARE(scaledPods, 20);
        QByteArray output;
        QString lag = QStringLiteral("not checked");
        QTRY_VERIFY2_WITH_TIMEOUT((lag = behind(server, watchedPods(&output))).isEmpty(),
                                  qPrintable(lag), 10000);
        QCOMPARE(m_watch.state(), QProcess::Running);
        int scaledLines = 0;
        for (const QByteArray &line : output.split('\n'))
            scaledLines += line.contains(" default/scaled-") ? 1 : 0;
        QVERIFY2(scaledLines >= 20, qPrintable(QString::number(scaledLines)));
        qInfo("%lld lines, %d for the scaled pods, %lld ms from the sandbox's start",
              qint64(output.count('\n')), scaledLines, qint64(clock.elapsed()));
    }
};

QTEST_GUILESS_MAIN(tst_BurstctlWatchDrop)
#include "tst_burstctlwatchdrop.moc"
