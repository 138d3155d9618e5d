// The watch soak (issue 12) at any size: the console's pod informer in this process against a
// burst-sandbox child process whose preloaded pods churn with every fault on; checks the four
// invariants of tests/app/watchsoak.h and prints wall time, events/s, peak memory of both and
// the faults that hit. Run through bench/watch-soak.sh; tests/app/tst_watchsoak.cpp is the CI
// case at 2k pods.
#include "tests/app/watchsoak.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    WatchSoakOptions o;
    QCommandLineParser parser;
    parser.addHelpOption();
    const auto option = [&parser](const char *name, const QString &value) {
        parser.addOption(
            {QString::fromLatin1(name), QString::fromLatin1(name), QStringLiteral("V"), value});
    };
    option("pods", QString::number(o.pods));
    option("events", QString::number(o.events));
    option("churn", QString::number(o.churnRate));
    option("fault-429-rate", QString::number(o.rate429));
    option("fault-500-rate", QString::number(o.rate500));
    option("fault-latency-ms", QString::number(o.latencyMs));
    option("fault-drop-watch-every", QString::number(o.dropEvery));
    option("fault-gone-every", QString::number(o.goneEvery));
    option("fault-stall-every", QStringLiteral("%1:%2").arg(o.stallEvery).arg(o.stallMs));
    option("watch-timeout", QString::number(o.watchTimeoutSeconds));
    option("watch-deadline-margin", QString::number(o.watchDeadlineMarginSeconds));
    option("catch-up-timeout", QString::number(o.catchUpSeconds));
    parser.process(app);
    const auto value = [&parser](const char *name) {
        return parser.value(QString::fromLatin1(name));
    };
    o.pods = value("pods").toInt();
    o.events = value("events").toLongLong();
    o.churnRate = value("churn").toDouble();
    o.rate429 = value("fault-429-rate").toDouble();
    o.rate500 = value("fault-500-rate").toDouble();
    o.latencyMs = value("fault-latency-ms").toInt();
    o.dropEvery = value("fault-drop-watch-every").toInt();
    o.goneEvery = value("fault-gone-every").toInt();
    o.stallEvery = value("fault-stall-every").section(u':', 0, 0).toInt();
    o.stallMs = value("fault-stall-every").section(u':', 1, 1).toInt();
    o.watchTimeoutSeconds = value("watch-timeout").toInt();
    o.watchDeadlineMarginSeconds = value("watch-deadline-margin").toInt();
    o.catchUpSeconds = value("catch-up-timeout").toInt();
    o.progress = true;
    o.startSeconds = 60 + o.pods / 1000; // the preload: about 0.2 ms per pod, more when busy
    WatchSoak soak(o);
    const bool ok = soak.run();
    QTextStream(stdout) << soak.report();
    return ok ? 0 : 1;
}
