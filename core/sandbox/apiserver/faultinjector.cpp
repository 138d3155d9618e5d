#include "core/sandbox/apiserver/faultinjector.h"

#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/apiserver/apirequestinfo.h"
#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/transport/httprequest.h"

namespace core::sandbox {

FaultInjector::FaultInjector(FaultOptions options)
    : m_options(options),
      m_random(options.seed ? QRandomGenerator(*options.seed)
                            : QRandomGenerator(QRandomGenerator::global()->generate()))
{
}

std::optional<HttpResponse> FaultInjector::intercept(const HttpRequest &request,
                                                     const ApiRequestInfo &info)
{
    if (!info.isResourceRequest || !m_options.any())
        return std::nullopt;
    if (m_options.latencyMs > 0)
        ++m_counts->delayed;
    const double roll = m_random.generateDouble();
    if (roll < m_options.rate429) {
        ApiError e;
        e.code = 429;
        e.reason = QStringLiteral("TooManyRequests");
        e.message = QStringLiteral("sandbox fault: too many requests, please try again later");
        HttpResponse r = statusResponse(e);
        r.headers.set("Retry-After", "1");
        ++m_counts->tooManyRequests;
        return r;
    }
    if (roll < m_options.rate429 + m_options.rate500) {
        ApiError e;
        e.code = 500;
        e.reason = QStringLiteral("InternalError");
        e.message = QStringLiteral("sandbox fault: internal error");
        ++m_counts->internalErrors;
        return statusResponse(e);
    }
    const QString rv = request.queryValue(QStringLiteral("resourceVersion"));
    if (info.verb == u"watch" && m_options.goneEvery > 0 && !rv.isEmpty() && rv != u"0" &&
        ++m_resumingWatches % m_options.goneEvery == 0) {
        ++m_counts->gone;
        return statusResponse(ApiError::expired(
            QStringLiteral("sandbox fault: too old resource version: %1").arg(rv)));
    }
    return std::nullopt;
}

std::chrono::milliseconds FaultInjector::nextWatchStall()
{
    if (m_options.stallEvery <= 0 || m_options.stallMs <= 0)
        return std::chrono::milliseconds(0);
    if (++m_openedWatches % m_options.stallEvery != 0)
        return std::chrono::milliseconds(0);
    ++m_counts->stalledStreams;
    return std::chrono::milliseconds(m_options.stallMs);
}

} // namespace core::sandbox
