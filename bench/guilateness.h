#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTimer>

#include <algorithm>

// How late the GUI thread is: the event loop runs for `seconds` with a precise 10 ms timer, and
// each tick records how many milliseconds past its due time it fired. Shared by the benchmarks
// that measure the GUI thread while it ingests (bench_guilatency, bench_logpane).
struct GuiLateness
{
    QList<qint64> ticks; // ms past each 10 ms tick, sorted once run() returns
    double elapsed = 0;  // seconds the loop ran

    void run(QCoreApplication &app, int seconds)
    {
        ticks.reserve(seconds * 100);
        QElapsedTimer tick;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(10);
        QObject::connect(&timer, &QTimer::timeout, &app,
                         [&] { ticks.append(std::max<qint64>(0, tick.restart() - 10)); });
        QTimer::singleShot(seconds * 1000, &app, [&] { app.quit(); });
        QElapsedTimer measured;
        measured.start();
        tick.start();
        timer.start();
        app.exec();
        elapsed = measured.elapsed() / 1000.0;
        std::sort(ticks.begin(), ticks.end());
    }
    qint64 percentile(double p) const
    {
        return ticks.isEmpty() ? 0 : ticks.at(qsizetype(p * double(ticks.size() - 1)));
    }
    // "GUI timer lateness over N ticks of 10 ms: p50 A ms, p99 B ms, max C ms"
    QString summary() const
    {
        return QStringLiteral("GUI timer lateness over %1 ticks of 10 ms: p50 %2 ms, p99 %3 ms, "
                              "max %4 ms")
            .arg(ticks.size())
            .arg(percentile(0.5))
            .arg(percentile(0.99))
            .arg(ticks.isEmpty() ? 0 : ticks.last());
    }
};
