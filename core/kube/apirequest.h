#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>

namespace core::kube {

// One HTTP call to the API server, relative to Connection::server.
struct ApiRequest
{
    QByteArray verb = QByteArrayLiteral("GET");
    QString path; // "/api/v1/namespaces/default/pods"
    QList<QPair<QString, QString>> query;
    QByteArray body;
    QByteArray contentType; // defaults to application/json when there is a body
    QByteArray accept = QByteArrayLiteral("application/json");
    // REST: the whole call, 0 the client's default. Streams: how long the stream may last at
    // most (a watch the server forgets to end), 0 no limit.
    std::chrono::milliseconds timeout{0};
    int maxAttempts = 0; // 0: the client's RetryPolicy; 1: never sent again after a failure

    // GET and HEAD: safe to send again after a 5xx or a lost connection. Everything else may
    // have taken effect, so only a 429 (refused before processing) is retried.
    bool isIdempotent() const { return verb == "GET" || verb == "HEAD"; }
};

struct ApiResponse
{
    int httpStatus = 0;
    QByteArray body;
    QJsonObject json() const;
};

// Bounded retries with exponential backoff and jitter (client-go's rest.Request with its
// default backoff manager and Retry-After handling).
struct RetryPolicy
{
    int maxAttempts = 5;
    std::chrono::milliseconds initialBackoff{200};
    std::chrono::milliseconds maxBackoff{5000};
    std::chrono::milliseconds maxRetryAfter{30000}; // a longer Retry-After is capped
};

// What list() sends besides the path.
struct ListOptions
{
    QString nameSpace; // "" = all namespaces
    QString labelSelector;
    QString fieldSelector;
    int limit = 1000; // page size; 0 = one unpaged request
    QString resourceVersion;
    QByteArray accept = QByteArrayLiteral("application/json");
};

enum class PatchType { Merge, StrategicMerge, Json };
enum class PropagationPolicy { Default, Orphan, Background, Foreground };

QByteArray patchContentType(PatchType type);

} // namespace core::kube
