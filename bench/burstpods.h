#pragma once

// What the burst benchmarks share (bench_bursthistory, bench_timelinepane): the pods they feed,
// the threads' CPU clocks, and a probe of the longest turn of the GUI thread's event loop.
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

#include <time.h>

namespace burstbench {

// CPU time of the calling thread, and of the whole process: on a shared machine wall time lies.
qint64 threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Pod i of a synthetic cluster: 50 per Deployment, 20 namespaces, limits 1 CPU / 2 GiB, running
// since `created` on the virtual node when `burst`, else on idc-1.
QJsonObject makePod(int i, bool burst, const QDateTime &created)
{
    const QString uid = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    const QString owner = QStringLiteral("app-%1-7d9f5c").arg(i / 50);
    const QString time = created.toString(Qt::ISODate);
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QString(owner + u'-' + QString::number(i))},
                     {QStringLiteral("namespace"), QStringLiteral("ns-%1").arg((i / 50) % 20)},
                     {QStringLiteral("uid"), uid},
                     {QStringLiteral("creationTimestamp"), time},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("pod-template-hash"), QStringLiteral("7d9f5c")}}},
                     {QStringLiteral("ownerReferences"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                             {QStringLiteral("name"), owner},
                                             {QStringLiteral("controller"), true}}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"),
                      burst ? QStringLiteral("virtual-kubelet") : QStringLiteral("idc-1")},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("app")},
                          {QStringLiteral("resources"),
                           QJsonObject{{QStringLiteral("limits"),
                                        QJsonObject{{QStringLiteral("cpu"), QStringLiteral("1")},
                                                    {QStringLiteral("memory"),
                                                     QStringLiteral("2Gi")}}}}}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                     {QStringLiteral("startTime"), time},
                     {QStringLiteral("conditions"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("PodScheduled")},
                                             {QStringLiteral("status"), QStringLiteral("True")},
                                             {QStringLiteral("lastTransitionTime"), time}}}},
                     {QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("app")},
                          {QStringLiteral("state"),
                           QJsonObject{{QStringLiteral("running"),
                                        QJsonObject{{QStringLiteral("startedAt"), time}}}}}}}}}}};
}

// The longest turn of the calling thread's event loop (this thread's CPU, and wall) while it
// runs: a 1 ms timer ticks, and each tick records the time since the last one.
class TurnProbe
{
public:
    TurnProbe()
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        longestCpuNs = longestWallNs = 0;
        m_wall.start();
        m_lastWall = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    // Counts the turn in progress too (the one that quit a loop).
    void stop()
    {
        tick();
        m_timer.stop();
    }
    qint64 longestCpuNs = 0;
    qint64 longestWallNs = 0;

private:
    void tick()
    {
        const qint64 w = m_wall.nsecsElapsed(), c = threadCpuNs();
        longestWallNs = std::max(longestWallNs, w - m_lastWall);
        longestCpuNs = std::max(longestCpuNs, c - m_lastCpu);
        m_lastWall = w;
        m_lastCpu = c;
    }
    QTimer m_timer;
    QElapsedTimer m_wall;
    qint64 m_lastWall = 0;
    qint64 m_lastCpu = 0;
};

} // namespace burstbench
