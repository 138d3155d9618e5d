// The log viewer's store and model, measured headless (issue #11, "Log viewer"):
//   bench_logstore [LINES [MODEL]]    memory of LINES (10 million by default) lines of 60-200
//                                     bytes against the bytes `kubectl logs --timestamps` prints,
//                                     ingestion rate, search over 1 million lines (literal, case,
//                                     whole word, regex), and the model's ingestion with the
//                                     longest time the event loop was held; over MODEL lines
//                                     (2 million by default) F3, setSearch's count and
//                                     setFilter's rebuild, blocking against the model's worker.
//   bench_logstore --ingest KUBECONFIG NAMESPACE POD
//                                     reads the pod's whole log (no follow) into a LogViewModel
//                                     through PodLogClient's raw path; bench/log-ingest.sh runs
//                                     it beside `kubectl logs --timestamps` on the same pod.
// Everything printed is measured in this run.
#include "core/kube/apiclient.h"
#include "core/kube/kubeconfig.h"
#include "core/kube/logstore.h"
#include "models/logviewmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <QTextStream>
#include <QTimer>

#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <functional>
#include <random>

using core::kube::LogMatcher;
using core::kube::LogStore;

namespace {

// CPU time of the calling thread: on a machine shared with other work, wall time lies.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

const char *const kWords[] = {"GET",     "POST",   "/api/orders", "200",     "404",
                              "timeout", "user=7", "took=12ms",   "request", "cache",
                              "db",      "retry",  "ok",          "warn",    "svc-a"};

// Lines as the kubelet writes them with --timestamps: RFC3339Nano, a space, 60-200 bytes of
// text. Deterministic: line i is the same in every run.
class LineMaker
{
public:
    QByteArray &make(qint64 i)
    {
        m_line.resize(0);
        const qint64 ns = qint64(1795600800) * 1000000000 + i * 1000003;
        m_line += core::kube::formatLogTimestamp(ns);
        m_line += ' ';
        const int length = 60 + int(m_rng() % 141);
        const int start = m_line.size();
        m_line += "seq=" + QByteArray::number(i);
        while (m_line.size() - start < length) {
            m_line += ' ';
            m_line += kWords[m_rng() % (sizeof kWords / sizeof *kWords)];
        }
        m_line.truncate(start + length);
        return m_line;
    }

private:
    std::mt19937_64 m_rng{42};
    QByteArray m_line;
};

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// ", prefilter "a" | "b"" or ", no prefilter".
QString prefilterText(const LogMatcher &matcher)
{
    QStringList quoted;
    for (const std::string &literal : matcher.prefilterLiterals())
        quoted << QStringLiteral("\"%1\"").arg(QString::fromStdString(literal));
    return quoted.isEmpty() ? QStringLiteral(", no prefilter")
                            : QStringLiteral(", prefilter ") + quoted.join(QStringLiteral(" | "));
}

void storeBench(QTextStream &out, qint64 lines)
{
    LineMaker maker;
    maker.make(0); // its buffer is allocated before the baseline
    const qint64 before = heapInUse();
    qint64 raw = 0;
    qint64 appendNs = 0;
    {
        LogStore store;
        QElapsedTimer t;
        for (qint64 i = 0; i < lines; ++i) {
            const QByteArray &line = maker.make(i);
            raw += line.size() + 1; // kubectl prints a newline after each
            t.start();
            store.append(std::string_view(line.constData(), size_t(line.size())));
            appendNs += t.nsecsElapsed();
        }
        const qint64 held = heapInUse() - before;
        out << "store: " << lines << " lines of 60-200 bytes\n"
            << "  raw bytes (kubectl logs --timestamps): " << raw << " (" << raw / 1048576
            << " MiB)\n"
            << "  heap used by the store (mallinfo2):    " << held << " (" << held / 1048576
            << " MiB), store's own count " << qint64(store.bytesHeld()) / 1048576 << " MiB\n"
            << "  ratio heap/raw: " << QString::number(double(held) / double(raw), 'f', 3) << '\n'
            << "  append: " << QString::number(double(lines) / (double(appendNs) / 1e9), 'f', 0)
            << " lines/s, " << QString::number(double(raw) / 1048576 / (double(appendNs) / 1e9), 'f', 1)
            << " MiB/s (parse + copy, line generation not counted)\n";
        out.flush();
    }

    // Search over 1 million lines.
    LogStore store;
    LineMaker again;
    const qint64 searchLines = std::min<qint64>(lines, 1000000);
    for (qint64 i = 0; i < searchLines; ++i) {
        const QByteArray &line = again.make(i);
        store.append(std::string_view(line.constData(), size_t(line.size())));
    }
    struct Case
    {
        const char *label;
        QString pattern;
        bool regex, caseSensitive, wholeWord;
    };
    const Case cases[] = {
        {"literal, case-sensitive", QStringLiteral("timeout"), false, true, false},
        {"literal, rare", QStringLiteral("seq=99999"), false, true, false},
        {"literal, case-insensitive", QStringLiteral("TIMEOUT"), false, false, false},
        {"literal, whole word", QStringLiteral("db"), false, true, true},
        {"regex took=\\d+ms", QStringLiteral("took=\\d+ms"), true, true, false},
        {"regex (timeout|retry)", QStringLiteral("(timeout|retry)"), true, true, false},
        {"regex error|fatal|panic", QStringLiteral("error|fatal|panic"), true, true, false},
        {"regex seq=(12345|99990)\\b", QStringLiteral("seq=(12345|99990)\\b"), true, true, false},
        {"regex (?:GET|POST) /api/\\S+ 404", QStringLiteral("(?:GET|POST) /api/\\S+ 404"), true,
         true, false},
        {"regex GET /api/\\S+ 404", QStringLiteral("GET /api/\\S+ 404"), true, true, false},
        {"regex seq=9999\\d\\b", QStringLiteral("seq=9999\\d\\b"), true, true, false},
        {"regex TIMEOUT, case-insens.", QStringLiteral("TIME[O]UT"), true, false, false},
        {"regex db, whole word", QStringLiteral("d[b]"), true, true, true},
    };
    out << "search over " << searchLines
        << " lines (full match count, best of 5 (regex 2), wall and this thread's CPU; a regex with"
           " a prefilter is timed without it too):\n";
    struct Timing
    {
        qint64 wall = std::numeric_limits<qint64>::max();
        qint64 cpu = std::numeric_limits<qint64>::max();
        qsizetype count = 0;
    };
    const auto timeSearch = [&store](const LogMatcher &matcher, int runs) {
        Timing best;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer t;
            t.start();
            const qint64 cpu = threadCpuNs();
            best.count = store.countMatches(matcher);
            best.cpu = std::min(best.cpu, threadCpuNs() - cpu);
            best.wall = std::min(best.wall, t.nsecsElapsed());
        }
        return best;
    };
    const auto ms = [](qint64 ns) { return QString::number(double(ns) / 1e6, 'f', 1); };
    for (const Case &c : cases) {
        const LogMatcher matcher(c.pattern, c.regex, c.caseSensitive, c.wholeWord);
        const Timing with = timeSearch(matcher, c.regex ? 2 : 5);
        out << "  " << QString::fromLatin1(c.label).leftJustified(34) << " "
            << ms(with.wall).rightJustified(8) << " ms  cpu " << ms(with.cpu).rightJustified(8)
            << " ms  " << with.count << " matches" << (c.regex ? prefilterText(matcher) : QString());
        if (!matcher.prefilterLiterals().empty()) {
            LogMatcher unfiltered = matcher;
            unfiltered.disablePrefilter();
            const Timing without = timeSearch(unfiltered, 2);
            out << "; without it cpu " << ms(without.cpu) << " ms";
            if (without.count != with.count)
                out << " and " << without.count << " matches: MISMATCH";
        }
        out << '\n';
        out.flush();
    }
}

// How long the event loop was held while the model works: a 1 ms timer records the longest wall
// time between two ticks and the most GUI thread CPU between two ticks, from `start` (run on the
// loop, its own time counted) until a slot calls QCoreApplication::quit().
struct LoopStall
{
    qint64 wallNs = 0;
    qint64 cpuNs = 0;
    qint64 totalNs = 0;
    QString describe() const
    {
        return QStringLiteral("event loop held at most %1 ms (its most CPU between two ticks %2 ms)")
            .arg(ms(wallNs), ms(cpuNs));
    }
    static QString ms(qint64 ns) { return QString::number(double(ns) / 1e6, 'f', 1); }
};

QString ms(qint64 ns)
{
    return LoopStall::ms(ns);
}

LoopStall runMeasured(const std::function<void()> &start)
{
    LoopStall stall;
    QTimer probe;
    probe.setInterval(1);
    QElapsedTimer t;
    t.start();
    qint64 last = 0;
    qint64 lastCpu = threadCpuNs();
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = t.nsecsElapsed();
        const qint64 cpuNow = threadCpuNs();
        stall.wallNs = std::max(stall.wallNs, now - last);
        stall.cpuNs = std::max(stall.cpuNs, cpuNow - lastCpu);
        last = now;
        lastCpu = cpuNow;
    });
    probe.start();
    last = t.nsecsElapsed();
    lastCpu = threadCpuNs();
    start();
    QCoreApplication::exec();
    // The answer's own slot ran after the last tick.
    stall.wallNs = std::max(stall.wallNs, t.nsecsElapsed() - last);
    stall.cpuNs = std::max(stall.cpuNs, threadCpuNs() - lastCpu);
    stall.totalNs = t.nsecsElapsed();
    return stall;
}

// Ends the event loop when the model's count or rebuild is over.
QMetaObject::Connection quitWhenIdle(models::LogViewModel &model)
{
    return QObject::connect(&model, &models::LogViewModel::busyChanged, [](bool busy) {
        if (!busy)
            QCoreApplication::quit();
    });
}

// setSearch's full count and setFilter's rebuild over every row of `model`: the blocking scan
// (what both did on the GUI thread before issue #11's change) against the worker, with the
// longest time the event loop was held while it works.
void searchAndFilterBench(QTextStream &out, models::LogViewModel &model)
{
    const models::LogMatchOptions cases[] = {
        {QStringLiteral("timeout"), false, true, false},
        {QStringLiteral("took=\\d+ms"), true, true, false},
    };
    for (const models::LogMatchOptions &options : cases) {
        model.setSearch(options);
        model.cancelWork(); // the matcher is set; the blocking scan is timed alone
        QElapsedTimer t;
        t.start();
        const qint64 cpu = threadCpuNs();
        const qint64 blocking = model.countMatchesBlocking();
        const qint64 blockingNs = t.nsecsElapsed();
        const qint64 blockingCpu = threadCpuNs() - cpu;
        const auto counted = QObject::connect(&model, &models::LogViewModel::searchChanged,
                                              [] { QCoreApplication::quit(); });
        const LoopStall stall = runMeasured([&] { model.setSearch(options); });
        QObject::disconnect(counted);
        out << "setSearch \"" << options.pattern << "\" over " << model.rowCount()
            << " rows: blocking count " << blocking << " in " << ms(blockingNs)
            << " ms (GUI thread CPU " << ms(blockingCpu) << " ms); on the worker "
            << model.matchCount() << " in " << ms(stall.totalNs) << " ms, " << stall.describe()
            << (model.matchCount() == blocking ? "" : " COUNTS DIFFER") << '\n';
        out.flush();
    }
    model.setSearch({});
    const int allRows = model.rowCount();
    for (const models::LogMatchOptions &options : cases) {
        QElapsedTimer t;
        t.start();
        const qint64 cpu = threadCpuNs();
        model.setFilterBlocking(options);
        const qint64 blockingNs = t.nsecsElapsed();
        const qint64 blockingCpu = threadCpuNs() - cpu;
        const int blockingRows = model.rowCount();
        model.setFilter({});
        const auto swapped = quitWhenIdle(model);
        const LoopStall stall = runMeasured([&] { model.setFilter(options); });
        QObject::disconnect(swapped);
        out << "setFilter \"" << options.pattern << "\" over " << allRows
            << " rows: blocking rebuild " << ms(blockingNs) << " ms (GUI thread CPU "
            << ms(blockingCpu) << " ms), " << blockingRows << " rows; on the worker "
            << model.rowCount() << " rows in " << ms(stall.totalNs) << " ms, " << stall.describe()
            << (model.rowCount() == blockingRows ? "" : " ROWS DIFFER") << '\n';
        out.flush();
        if (&options == &cases[0]) {
            model.setFilter({});
            continue; // the second filter is replaced by the first, then cleared
        }
        const auto replaced = quitWhenIdle(model);
        const LoopStall change = runMeasured([&] { model.setFilter(cases[0]); });
        QObject::disconnect(replaced);
        QElapsedTimer t2;
        t2.start();
        const int before = model.rowCount();
        model.setFilter({});
        out << "setFilter from \"" << options.pattern << "\" to \"" << cases[0].pattern
            << "\" (the previous rows freed at the swap): " << before << " rows in "
            << ms(change.totalNs) << " ms, " << change.describe()
            << "; then the filter cleared (a reset, no scan) in " << ms(t2.nsecsElapsed())
            << " ms\n";
        out.flush();
    }
}

// The model's ingestion on the event loop: lines queued as a client would deliver them, applied
// by the batch timer; a 1 ms timer records the longest time the loop was held.
void modelBench(QTextStream &out, qint64 lines)
{
    models::LogViewModel model;
    model.setMaxLines(0);
    const int a = model.addStaticSource(QStringLiteral("bench/app"));
    LineMaker maker;
    qint64 raw = 0;
    QElapsedTimer t;
    qint64 fed = 0;
    qint64 longest = 0;
    qint64 last = 0;
    qint64 feeding = 0; // the previous tick's own work, not the model's
    qint64 lastCpu = threadCpuNs();
    qint64 longestCpu = 0; // the model's CPU between two ticks, whatever the machine's load
    int over50 = 0;
    QTimer probe;
    probe.setInterval(1);
    t.start();
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = t.nsecsElapsed();
        const qint64 cpuNow = threadCpuNs();
        const qint64 held = now - last - feeding;
        longest = std::max(longest, held);
        longestCpu = std::max(longestCpu, cpuNow - lastCpu);
        over50 += held > 50000000 ? 1 : 0;
        // Feed as a fast stream would: up to 5,000 lines a millisecond tick.
        if (fed < lines) {
            QByteArrayList chunk;
            for (int k = 0; k < 5000 && fed < lines; ++k, ++fed) {
                chunk.append(maker.make(fed));
                raw += chunk.last().size() + 1;
            }
            model.appendLines(a, chunk);
        }
        if (model.rowCount() >= lines)
            QCoreApplication::quit();
        last = t.nsecsElapsed();
        feeding = last - now;
        lastCpu = threadCpuNs(); // the feeding's own CPU not counted
    });
    probe.start();
    last = t.nsecsElapsed();
    QCoreApplication::exec();
    out << "model: " << model.rowCount() << " lines through LogViewModel (batches every "
        << model.batchInterval() << " ms) in " << QString::number(seconds(t), 'f', 2) << " s: "
        << QString::number(double(lines) / seconds(t), 'f', 0) << " lines/s, "
        << QString::number(double(raw) / 1048576 / seconds(t), 'f', 1)
        << " MiB/s including making the lines; longest time the event loop was held (the feeding "
        << "tick's own work not counted) " << QString::number(double(longest) / 1e6, 'f', 1)
        << " ms, " << over50 << " times over 50 ms; the most CPU it spent between two ticks "
        << QString::number(double(longestCpu) / 1e6, 'f', 1) << " ms\n";

    // Find next (F3) for the one line near the end that matches, from the top: blocking, then
    // on the model's worker with a 1 ms timer recording how long the event loop was held.
    probe.stop();
    QObject::disconnect(&probe, nullptr, nullptr, nullptr);
    const QString needle = QStringLiteral("seq=%1 ").arg(lines - 2);
    model.setSearch({needle, false, true, false});
    model.cancelWork(); // the count is measured below
    QElapsedTimer f;
    f.start();
    const qint64 cpu = threadCpuNs();
    const int blockingRow = model.nextMatchRow(-1, true);
    const qint64 blockingNs = f.nsecsElapsed();
    const qint64 blockingCpu = threadCpuNs() - cpu;
    int workerRow = -2;
    const auto answered = QObject::connect(&model, &models::LogViewModel::matchFound, [&](int row) {
        workerRow = row;
        QCoreApplication::quit();
    });
    const LoopStall find = runMeasured([&] { model.findMatch(-1, true); });
    QObject::disconnect(answered);
    out << "find next over " << model.rowCount() << " rows (match near the end): blocking "
        << ms(blockingNs) << " ms (GUI thread CPU " << ms(blockingCpu) << " ms), row "
        << blockingRow << "; findMatch on the worker answered in " << ms(find.totalNs)
        << " ms, row " << workerRow << ", " << find.describe() << "\n";
    out.flush();
    searchAndFilterBench(out, model);
}

int ingest(QTextStream &out, const QStringList &args)
{
    core::kube::KubeconfigOverrides overrides;
    overrides.kubeconfigPath = args.at(2);
    const auto connection = core::kube::loadConnection(overrides);
    if (!connection) {
        out << connection.error().message << '\n';
        return 1;
    }
    core::kube::ApiClient api(connection.value());
    models::LogViewModel model;
    model.setMaxLines(0);
    QElapsedTimer t;
    qint64 longest = 0;
    qint64 last = 0;
    int over50 = 0;
    // The same gaps in this thread's CPU time: what the event loop's work cost, whatever the
    // machine's load (wall time also counts waiting for a core).
    qint64 lastCpu = threadCpuNs();
    qint64 longestCpu = 0;
    qint64 cpuOfLongest = 0;
    qint64 atLongest = 0;    // when the longest stall ended, from the start
    int rowsAtLongest = 0;   // and how many lines the model held then
    int cpuOver30 = 0;
    bool ended = false;
    QTimer probe;
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = t.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (now - last > longest) {
            longest = now - last;
            cpuOfLongest = cpu - lastCpu;
            atLongest = now;
            rowsAtLongest = model.rowCount();
        }
        longestCpu = std::max(longestCpu, cpu - lastCpu);
        cpuOver30 += cpu - lastCpu > 30000000 ? 1 : 0;
        over50 += now - last > 50000000 ? 1 : 0;
        last = now;
        lastCpu = cpu;
        if (ended && model.pendingBytes() == 0)
            QCoreApplication::quit();
    });
    qint64 pendingAtEnd = 0; // bytes received and not applied when the stream ended
    qint64 endedAt = 0;
    QObject::connect(&model, &models::LogViewModel::sourceStateChanged,
                     [&](int, models::LogViewModel::SourceState state, const QString &message) {
                         if (state == models::LogViewModel::SourceState::Ended ||
                             state == models::LogViewModel::SourceState::Failed) {
                             if (!message.isEmpty())
                                 out << "source: " << message << '\n';
                             // What waits is applied by the batches, a slice a turn (the
                             // probe quits once nothing waits): no flush() in one turn.
                             ended = true;
                             endedAt = t.nsecsElapsed();
                             pendingAtEnd = model.pendingBytes();
                             if (pendingAtEnd == 0)
                                 QCoreApplication::quit();
                         }
                     });
    const qint64 before = heapInUse();
    t.start();
    probe.start();
    model.addSource(&api, args.at(3), args.at(4), core::kube::PodLogOptions{});
    QCoreApplication::exec();
    const qint64 doneAt = t.nsecsElapsed();
    const double s = seconds(t);
    const qint64 held = heapInUse() - before;
    out << "burst-console ingestion (PodLogClient raw -> LogViewModel): " << model.rowCount()
        << " lines in " << QString::number(s, 'f', 2) << " s, "
        << QString::number(double(model.rowCount()) / s, 'f', 0) << " lines/s; heap "
        << held / 1048576 << " MiB; longest event-loop stall "
        << QString::number(double(longest) / 1e6, 'f', 1) << " ms (" << over50
        << " over 50 ms; its CPU " << QString::number(double(cpuOfLongest) / 1e6, 'f', 1)
        << " ms; it ended " << QString::number(double(atLongest) / 1e6, 'f', 0) << " ms after the start, "
        << rowsAtLongest << " lines in); most CPU between two ticks " << QString::number(double(longestCpu) / 1e6, 'f', 1)
        << " ms (" << cpuOver30 << " over 30 ms)" << (ended ? "" : " (not ended)")
        << "; when the stream ended " << QString::number(double(pendingAtEnd) / 1048576, 'f', 2)
        << " MiB waited, applied by the batches in a further "
        << QString::number(double(doneAt - endedAt) / 1e6, 'f', 1) << " ms\n";
    return ended ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == u"--ingest")
        return ingest(out, args);
    const qint64 lines = args.size() > 1 ? args.at(1).toLongLong() : 10000000;
    if (lines <= 0) {
        out << "usage: bench_logstore [LINES [MODEL_LINES]] | --ingest KUBECONFIG NAMESPACE POD\n";
        return 2;
    }
    storeBench(out, lines);
    // The model's lines: at most 2 million unless given (bench_logstore 1000000 10000000 for F3
    // over 10 million rows).
    const qint64 modelLines =
        args.size() > 2 ? args.at(2).toLongLong() : std::min<qint64>(lines, 2000000);
    modelBench(out, std::max<qint64>(1, modelLines));
    return 0;
}
