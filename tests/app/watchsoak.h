#pragma once

#include "core/kube/apiclient.h"
#include "core/kube/informer.h"
#include "core/kube/kubeconfig.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"
#include "core/kube/resourcetypes.h"
#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <functional>
#include <memory>

#include <sys/resource.h>

// The watch soak (issue 12): the console's pod informer (core::kube::Informer with the pod
// pane's options: pods trimmed for lists, stored as compact JSON, no index) in this process,
// against a burst-sandbox process over HTTP whose preloaded pods churn with every fault on. Every
// change the informer reports is recorded per uid; once the churn has written its events and
// stopped, the server is listed plainly and the run must show
//   1. the informer's cache equal to the server, uid by uid and resourceVersion by
//      resourceVersion (and what it reported ending at the same state);
//   2. no (uid, resourceVersion) reported twice;
//   3. resourceVersions strictly increasing per object (compared as the sandbox's integers;
//      the client itself never compares them);
//   4. every deletion reported: each uid reported and not on the server was reported deleted,
//      exactly once, and nothing reported about it after.
// tests/app/tst_watchsoak.cpp runs it at 2k pods, bench/watch-soak.sh at any size.
struct WatchSoakOptions
{
    int pods = 2000;
    qint64 events = 20000;   // the churn's events in all (--churn-events)
    double churnRate = 2000; // events per second
    double rate429 = 0.01;   // --fault-429-rate
    double rate500 = 0.01;   // --fault-500-rate
    int latencyMs = 5;       // --fault-latency-ms
    int dropEvery = 300;     // --fault-drop-watch-every
    int goneEvery = 10;      // --fault-gone-every
    int stallEvery = 5;      // --fault-stall-every N:M
    int stallMs = 2000;
    int seed = 0;                 // --fault-seed (0: the sandbox picks one)
    int watchTimeoutSeconds = 20; // the reflector's minWatchTimeout: streams also end cleanly
    // The reflector's watchDeadlineMargin: a stall longer than the watch's timeout and this is
    // cut by the client and resumed; a shorter one only delays the events.
    int watchDeadlineMarginSeconds = 30;
    int startSeconds = 120;   // for the sandbox's preload
    int catchUpSeconds = 300; // after the churn stopped, for the client to match the server
    bool progress = false;    // a line on stderr every 30 s while the churn runs
    // After the churn, keep the (now quiet) watch running until the client has met the faults
    // that depend on how many streams it opened, not on the churn: a 410 on resume (it relists)
    // and, when a stall outlasts the stream's timeout and the client's margin, its own deadline
    // cutting the stream. Bounded by catchUpSeconds. A short CI run can otherwise end before
    // the Nth resume (stop 23's CI run: 4 watches, 410 every 4th resume, none answered).
    bool waitForEveryFault = false;

    QStringList sandboxArgs() const
    {
        QStringList args{QStringLiteral("--no-examples"),
                         QStringLiteral("--pods"),
                         QString::number(pods),
                         QStringLiteral("--churn"),
                         QString::number(churnRate),
                         QStringLiteral("--churn-events"),
                         QString::number(events),
                         QStringLiteral("--fault-429-rate"),
                         QString::number(rate429),
                         QStringLiteral("--fault-500-rate"),
                         QString::number(rate500),
                         QStringLiteral("--fault-latency-ms"),
                         QString::number(latencyMs),
                         QStringLiteral("--fault-drop-watch-every"),
                         QString::number(dropEvery),
                         QStringLiteral("--fault-gone-every"),
                         QString::number(goneEvery),
                         QStringLiteral("--fault-stall-every"),
                         QStringLiteral("%1:%2").arg(stallEvery).arg(stallMs)};
        if (seed > 0)
            args << QStringLiteral("--fault-seed") << QString::number(seed);
        return args;
    }
};

class WatchSoak
{
public:
    explicit WatchSoak(WatchSoakOptions options) : m_options(std::move(options)) {}

    // Runs the soak; false when it could not run or an invariant failed (violations() says
    // which). report() has the figures either way.
    bool run()
    {
        QElapsedTimer wall;
        wall.start();
        // Its log is read for the churn's end and the fault counts: in English.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BURST_LANG"), QStringLiteral("en"));
        m_sandbox.process().setProcessEnvironment(env);
        if (!m_sandbox.start(m_options.sandboxArgs(), m_options.startSeconds * 1000))
            return fail(QStringLiteral("burst-sandbox did not start: %1")
                            .arg(QString::fromUtf8(m_sandbox.process().readAllStandardError())));
        core::kube::KubeconfigOverrides overrides;
        overrides.kubeconfigPath = m_sandbox.kubeconfig();
        const auto connection = core::kube::loadConnection(overrides);
        if (!connection)
            return fail(connection.error().message);
        core::kube::ApiClient client(connection.value());
        static_cast<core::kube::ResourceType &>(m_pods) =
            *core::kube::findKnownResourceType(QString(), QStringLiteral("pods"));
        core::kube::InformerOptions options;
        options.reflector.resource = m_pods;
        options.reflector.minWatchTimeout = std::chrono::seconds(m_options.watchTimeoutSeconds);
        options.reflector.watchDeadlineMargin =
            std::chrono::seconds(m_options.watchDeadlineMarginSeconds);
        // As the console's pod pane (models::ClusterSession), without the burst annotations it
        // keeps (they change nothing here).
        options.transform = [](const QJsonObject &pod) {
            return core::kube::trimPodForLists(pod, {});
        };
        options.indexes = {};
        options.storage = core::kube::ObjectCache::Storage::CompactJson;
        core::kube::Informer informer(&client, options);
        QObject::connect(&informer, &core::kube::Informer::changes, &informer,
                         [this](const core::kube::ChangeSet &changes) { record(changes); });
        QObject::connect(
            &informer, &core::kube::Informer::warning, &informer,
            [this](const core::kube::ApiStatusError &error) {
                ++m_warnings[error.timedOut          ? QStringLiteral("timeout")
                             : error.httpStatus == 0 ? QStringLiteral("transport")
                                                     : QString::number(error.httpStatus)];
            });
        QObject::connect(informer.reflector(), &core::kube::Reflector::watchEvent, &informer,
                         [this] { ++m_watchEvents; });
        informer.start();

        // The churn's end, then the client must reach the quiet server.
        QElapsedTimer phase;
        phase.start();
        while (!churnStopped()) {
            if (m_sandbox.process().state() != QProcess::Running)
                return fail(QStringLiteral("burst-sandbox exited: %1").arg(m_sandboxLog));
            if (phase.elapsed() > churnBudgetMs())
                return fail(QStringLiteral("the churn did not stop within %1 s")
                                .arg(churnBudgetMs() / 1000));
            QTest::qWait(100);
            if (m_options.progress && phase.elapsed() / 30000 > m_progressLines) {
                ++m_progressLines;
                qInfo("%llds: %lld watch events received, %lld changes reported over %lld uids, "
                      "client peak RSS %lld MiB",
                      qint64(wall.elapsed() / 1000), m_watchEvents,
                      m_added + m_modified + m_deleted, qint64(m_seen.size()), ownPeakKiB() / 1024);
            }
        }
        m_churnWallMs = wall.elapsed();
        phase.restart();
        if (m_options.waitForEveryFault) {
            while (!everyStreamFaultMet(informer) &&
                   phase.elapsed() < m_options.catchUpSeconds * qint64(1000))
                QTest::qWait(200);
            m_faultWaitMs = phase.elapsed();
            phase.restart();
        }
        QHash<QString, qint64> server;
        QString serverRv;
        for (;;) {
            if (!listServer(client, &server, &serverRv))
                return false;
            while (!reportedMatches(server) &&
                   phase.elapsed() < m_options.catchUpSeconds * qint64(1000))
                QTest::qWait(200);
            if (m_caughtUpMs < 0)
                m_caughtUpMs = phase.elapsed();
            QHash<QString, qint64> again;
            QString againRv;
            if (!listServer(client, &again, &againRv))
                return false;
            if (againRv == serverRv || phase.elapsed() >= m_options.catchUpSeconds * qint64(1000))
                break;
            server = again; // something still changed: once more
            serverRv = againRv;
        }
        m_catchUpMs = phase.elapsed();
        m_wallMs = wall.elapsed();
        check(informer.cache(), server);
        m_lists = informer.reflector()->listCount();
        m_watches = informer.reflector()->watchCount();
        informer.stop();
        m_sandboxPeakKiB =
            peakKiB(QStringLiteral("/proc/%1/status").arg(m_sandbox.process().processId()));
        m_clientPeakKiB = ownPeakKiB();
        m_sandbox.stop();
        m_sandboxLog += QString::fromUtf8(m_sandbox.process().readAllStandardError());
        m_serverPods = server.size();
        return m_violations.isEmpty();
    }

    const QStringList &violations() const { return m_violations; }
    // The client's warnings by HTTP status, "transport" or "timeout" (its stream deadline).
    const QMap<QString, int> &warnings() const { return m_warnings; }
    // How often each fault hit, from the sandbox's closing line, in FaultCounts' order: 429,
    // 500, 410, delayed, cut, stalled.
    QList<qint64> faultsInjected() const
    {
        static const QRegularExpression number(QStringLiteral("(\\d+)"));
        QList<qint64> counts;
        const QString line = m_sandboxLog.section(QStringLiteral("faults injected: "), 1)
                                 .section(u'\n', 0, 0)
                                 .remove(QStringLiteral("429"))
                                 .remove(QStringLiteral("500"))
                                 .remove(QStringLiteral("410"));
        for (const QRegularExpressionMatch &m : number.globalMatch(line))
            counts.append(m.captured(1).toLongLong());
        return counts;
    }

    QString report() const
    {
        const auto line = [](const QString &name, const QString &value) {
            return QStringLiteral("%1 %2\n").arg(name + u':', -34).arg(value);
        };
        const QString faults =
            m_sandboxLog.section(QStringLiteral("faults injected: "), 1).section(u'\n', 0, 0);
        QStringList warnings;
        for (auto it = m_warnings.cbegin(); it != m_warnings.cend(); ++it)
            warnings.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
        const double churnSeconds = m_churnMs / 1000.0;
        QString out;
        out += line(QStringLiteral("pods preloaded"), QString::number(m_options.pods));
        out += line(QStringLiteral("churn"),
                    QStringLiteral("%1 events asked at %2/s; the sandbox wrote %3 in %4 s (%5/s)")
                        .arg(m_options.events)
                        .arg(m_options.churnRate)
                        .arg(m_churnEvents)
                        .arg(churnSeconds, 0, 'f', 1)
                        .arg(churnSeconds > 0 ? m_churnEvents / churnSeconds : 0, 0, 'f', 0));
        out += line(QStringLiteral("fault rates"),
                    QStringLiteral("429 %1, 500 %2, latency %3 ms, cut every %4 events, 410 "
                                   "every %5th resume, stall every %6th stream for %7 ms; watch "
                                   "timeout %8 s, client deadline +%9 s")
                        .arg(m_options.rate429)
                        .arg(m_options.rate500)
                        .arg(m_options.latencyMs)
                        .arg(m_options.dropEvery)
                        .arg(m_options.goneEvery)
                        .arg(m_options.stallEvery)
                        .arg(m_options.stallMs)
                        .arg(m_options.watchTimeoutSeconds)
                        .arg(m_options.watchDeadlineMarginSeconds));
        out += line(QStringLiteral("faults injected (sandbox)"), faults);
        out +=
            line(QStringLiteral("client warnings by status"), warnings.join(QStringLiteral(", ")));
        out += line(QStringLiteral("client lists / watches opened"),
                    QStringLiteral("%1 / %2").arg(m_lists).arg(m_watches));
        out += line(QStringLiteral("watch events received"), QString::number(m_watchEvents));
        out += line(QStringLiteral("changes reported"),
                    QStringLiteral("%1 (added %2, modified %3, deleted %4) over %5 uids")
                        .arg(m_added + m_modified + m_deleted)
                        .arg(m_added)
                        .arg(m_modified)
                        .arg(m_deleted)
                        .arg(m_seen.size()));
        out += line(QStringLiteral("server pods at the end"), QString::number(m_serverPods));
        out += line(QStringLiteral("wall time"),
                    QStringLiteral("%1 s (churn stopped at %2 s; the informer matched the "
                                   "server's list %3 ms later, the list included; checked "
                                   "until %4 ms)")
                        .arg(m_wallMs / 1000.0, 0, 'f', 1)
                        .arg(m_churnWallMs / 1000.0, 0, 'f', 1)
                        .arg(m_caughtUpMs)
                        .arg(m_catchUpMs));
        if (m_faultWaitMs >= 0)
            out += line(QStringLiteral("quiet watch until every fault"),
                        QStringLiteral("%1 ms after the churn stopped (before the matching)")
                            .arg(m_faultWaitMs));
        out += line(QStringLiteral("peak RSS client / sandbox"), QStringLiteral("%1 MiB / %2 MiB")
                                                                     .arg(m_clientPeakKiB / 1024)
                                                                     .arg(m_sandboxPeakKiB / 1024));
        out += line(QStringLiteral("invariants"),
                    m_violations.isEmpty() ? QStringLiteral("all held")
                                           : QStringLiteral("%1 violations").arg(m_violationCount));
        for (const QString &v : m_violations)
            out += QStringLiteral("  %1\n").arg(v);
        return out;
    }

private:
    struct Seen
    {
        qint64 rv = -1;
        bool deleted = false;
    };

    bool fail(const QString &why)
    {
        violate(why);
        m_sandbox.stop();
        return false;
    }

    // The first 20 are kept word for word; all are counted.
    void violate(const QString &what)
    {
        if (++m_violationCount <= 20)
            m_violations.append(what);
    }

    qint64 churnBudgetMs() const
    {
        // The asked rate is only a ceiling: at 100k pods on a busy machine the sandbox wrote
        // under 100 events/s. Given up below 20 events/s.
        return qint64(m_options.startSeconds) * 1000 + m_options.events * 50 + 60000;
    }

    // "the churn wrote N pod events in M ms and stopped" in the sandbox's log.
    // The stream-count faults the client has met (waitForEveryFault): a relist after a 410
    // when --fault-gone-every is on, and a timeout warning when a stall outlasts the longest
    // stream (twice minWatchTimeout) plus the client's margin.
    bool everyStreamFaultMet(const core::kube::Informer &informer) const
    {
        const bool goneMet = m_options.goneEvery <= 0 || informer.reflector()->listCount() > 1;
        const bool stallCuts = m_options.stallEvery > 0 &&
                               m_options.stallMs > (2 * m_options.watchTimeoutSeconds +
                                                    m_options.watchDeadlineMarginSeconds) *
                                                       qint64(1000);
        const bool stallMet = !stallCuts || m_warnings.value(QStringLiteral("timeout")) > 0;
        return goneMet && stallMet;
    }

    bool churnStopped()
    {
        m_sandboxLog += QString::fromUtf8(m_sandbox.process().readAllStandardError());
        static const QRegularExpression done(
            QStringLiteral("the churn wrote (\\d+) pod events in (\\d+) ms and stopped"));
        const QRegularExpressionMatch m = done.match(m_sandboxLog);
        if (!m.hasMatch())
            return false;
        m_churnEvents = m.captured(1).toLongLong();
        m_churnMs = m.captured(2).toLongLong();
        return true;
    }

    void record(const core::kube::ChangeSet &changes)
    {
        const auto upsert = [this](const QJsonObject &o, bool added) {
            const QString uid = core::kube::uidOf(o);
            const qint64 rv = core::kube::resourceVersionOf(o).toLongLong();
            const auto it = m_seen.find(uid);
            if (it == m_seen.end()) {
                m_seen.insert(uid, Seen{rv, false});
                if (!added)
                    violate(QStringLiteral("%1 modified before it was added").arg(uid));
                return;
            }
            if (it->deleted)
                violate(QStringLiteral("%1 reported at %2 after its deletion").arg(uid).arg(rv));
            else if (added)
                violate(
                    QStringLiteral("%1 added twice (at %2 and %3)").arg(uid).arg(it->rv).arg(rv));
            if (rv == it->rv)
                violate(QStringLiteral("(%1, %2) reported twice").arg(uid).arg(rv));
            else if (rv < it->rv)
                violate(QStringLiteral("%1 went back from %2 to %3").arg(uid).arg(it->rv).arg(rv));
            it->rv = std::max(it->rv, rv);
        };
        for (const QJsonObject &o : changes.added) {
            ++m_added;
            upsert(o, true);
        }
        for (const QJsonObject &o : changes.modified) {
            ++m_modified;
            upsert(o, false);
        }
        for (const QJsonObject &o : changes.deleted) {
            ++m_deleted;
            const QString uid = core::kube::uidOf(o);
            const qint64 rv = core::kube::resourceVersionOf(o).toLongLong();
            const auto it = m_seen.find(uid);
            if (it == m_seen.end()) {
                violate(QStringLiteral("%1 deleted, never added").arg(uid));
                continue;
            }
            if (it->deleted)
                violate(QStringLiteral("%1 deleted twice").arg(uid));
            // The deletion carries the last state seen (a relist) or the deletion's own,
            // later resourceVersion (a watch).
            if (rv < it->rv)
                violate(QStringLiteral("%1 deleted at %2 after %3").arg(uid).arg(rv).arg(it->rv));
            it->deleted = true;
        }
    }

    // Every server pod reported at its resourceVersion, and nothing else held.
    bool reportedMatches(const QHash<QString, qint64> &server) const
    {
        qsizetype live = 0;
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
            if (it->deleted)
                continue;
            ++live;
            if (server.value(it.key(), -1) != it->rv)
                return false;
        }
        return live == server.size();
    }

    void check(const core::kube::ObjectCache &cache, const QHash<QString, qint64> &server)
    {
        for (auto it = server.cbegin(); it != server.cend(); ++it) {
            if (!cache.contains(it.key())) {
                violate(QStringLiteral("%1 on the server at %2, not in the cache")
                            .arg(it.key())
                            .arg(it.value()));
                continue;
            }
            const qint64 held = core::kube::resourceVersionOf(cache.object(it.key())).toLongLong();
            if (held != it.value())
                violate(QStringLiteral("%1 held at %2, the server has %3")
                            .arg(it.key())
                            .arg(held)
                            .arg(it.value()));
            const Seen seen = m_seen.value(it.key());
            if (seen.deleted || seen.rv != it.value())
                violate(QStringLiteral("%1 last reported at %2%3, the server has %4")
                            .arg(it.key())
                            .arg(seen.rv)
                            .arg(seen.deleted ? QStringLiteral(" and deleted") : QString())
                            .arg(it.value()));
        }
        if (cache.size() != server.size())
            violate(QStringLiteral("the cache holds %1 pods, the server %2")
                        .arg(cache.size())
                        .arg(server.size()));
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
            if (!it->deleted && !server.contains(it.key()))
                violate(QStringLiteral("%1 deleted on the server, its deletion never reported")
                            .arg(it.key()));
        }
    }

    // A plain paged list of every pod: uid -> resourceVersion, and the list's resourceVersion.
    bool listServer(core::kube::ApiClient &client, QHash<QString, qint64> *pods, QString *rv)
    {
        pods->clear();
        bool done = false;
        QString error;
        QObject context;
        client.list(
            m_pods, core::kube::ListOptions{}, &context,
            [&](const core::kube::ApiResult<QJsonObject> &result) {
                done = true;
                if (!result)
                    error = result.error().message;
                else
                    *rv = core::kube::resourceVersionOf(result.value());
            },
            [pods](const QJsonObject &page, int index) {
                if (index == 0)
                    pods->clear(); // a restarted list
                for (const QJsonValue &item : page.value(u"items").toArray()) {
                    const QJsonObject o = item.toObject();
                    pods->insert(core::kube::uidOf(o),
                                 core::kube::resourceVersionOf(o).toLongLong());
                }
                return true;
            });
        for (int i = 0; !done && i < 6000; ++i)
            QTest::qWait(50);
        if (!done || !error.isEmpty())
            return fail(QStringLiteral("listing the server failed: %1")
                            .arg(done ? error : QStringLiteral("timed out")));
        return true;
    }

    static qint64 peakKiB(const QString &statusFile)
    {
        QFile f(statusFile);
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &l : f.readAll().split('\n')) {
            if (l.startsWith("VmHWM:"))
                return l.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return 0;
    }

    static qint64 ownPeakKiB()
    {
        struct rusage usage = {};
        getrusage(RUSAGE_SELF, &usage);
        return usage.ru_maxrss;
    }

    WatchSoakOptions m_options;
    SandboxProcess m_sandbox;
    core::kube::ResourceMapping m_pods;
    QString m_sandboxLog;
    QHash<QString, Seen> m_seen;
    QMap<QString, int> m_warnings;
    QStringList m_violations;
    qint64 m_violationCount = 0;
    qint64 m_added = 0, m_modified = 0, m_deleted = 0, m_watchEvents = 0;
    qint64 m_churnEvents = 0, m_churnMs = 0, m_churnWallMs = 0, m_catchUpMs = 0, m_wallMs = 0;
    qint64 m_faultWaitMs = -1;
    qint64 m_clientPeakKiB = 0, m_sandboxPeakKiB = 0;
    qsizetype m_serverPods = 0;
    int m_lists = 0, m_watches = 0;
    qint64 m_progressLines = 0;
    qint64 m_caughtUpMs = -1;
};
