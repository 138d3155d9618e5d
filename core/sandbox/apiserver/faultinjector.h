#pragma once

#include "core/sandbox/transport/httpresponse.h"

#include <QRandomGenerator>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

namespace core::sandbox {

struct HttpRequest;
struct ApiRequestInfo;

// Faults the sandbox can inject so client tests prove they lose nothing (burst-sandbox
// --fault-*). They hit resource requests only; discovery and /version stay healthy so clients
// can always start.
struct FaultOptions
{
    double rate429 = 0;     // share of requests answered 429 with Retry-After: 1
    double rate500 = 0;     // share of requests answered 500
    int latencyMs = 0;      // every resource request waits this long
    int dropWatchEvery = 0; // a watch stream is cut (no last chunk) after this many events
    int goneEvery = 0;      // every Nth watch that resumes from a resourceVersion gets 410
    int stallEvery = 0;     // every Nth watch stream stops sending for stallMs, then resumes
    int stallMs = 0;
    std::optional<quint32> seed; // fixed seed for reproducible tests

    bool any() const
    {
        return rate429 > 0 || rate500 > 0 || latencyMs > 0 || dropWatchEvery > 0 || goneEvery > 0 ||
               (stallEvery > 0 && stallMs > 0);
    }
};

// What the faults did: burst-sandbox prints it when it stops, so a soak can say how often each
// fault hit. Counted on the server thread (answers) and on the threads that pump watch streams
// (cuts); read from any thread.
struct FaultCounts
{
    std::atomic<qint64> tooManyRequests{0}; // 429 answers
    std::atomic<qint64> internalErrors{0};  // 500 answers
    std::atomic<qint64> gone{0};            // 410 answers to a resuming watch
    std::atomic<qint64> delayed{0};         // resource requests delayed by latencyMs
    std::atomic<qint64> droppedStreams{0};  // watch streams cut after dropWatchEvery events
    std::atomic<qint64> stalledStreams{0};  // watch streams that went silent for stallMs
};

// Decides, per request, whether a fault replaces the answer. Used on the server thread only.
class FaultInjector
{
public:
    explicit FaultInjector(FaultOptions options = {});

    std::optional<HttpResponse> intercept(const HttpRequest &request, const ApiRequestInfo &info);
    std::chrono::milliseconds latency() const
    {
        return std::chrono::milliseconds(m_options.latencyMs);
    }
    int dropWatchEvery() const { return m_options.dropWatchEvery; }
    // Counts watch streams; how long the one being opened stalls after its first events (0: no
    // stall). A stalled watch looks like a silent network or an overloaded API server.
    std::chrono::milliseconds nextWatchStall();
    // Shared with the watch streams, which count their cuts in it.
    const std::shared_ptr<FaultCounts> &counts() const { return m_counts; }

private:
    FaultOptions m_options;
    std::shared_ptr<FaultCounts> m_counts = std::make_shared<FaultCounts>();
    QRandomGenerator m_random;
    int m_resumingWatches = 0;
    int m_openedWatches = 0;
};

} // namespace core::sandbox
