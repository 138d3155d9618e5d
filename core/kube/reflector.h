#pragma once

#include "core/kube/apistatuserror.h"
#include "core/kube/restmapper.h"
#include "core/kube/watchstream.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace core::kube {

class ApiClient;
class ApiStream;

struct ReflectorOptions
{
    ResourceMapping resource;
    QString nameSpace; // "" = all namespaces
    QString labelSelector;
    QString fieldSelector;
    int pageSize = 1000;
    // Each watch asks the server to end it after a random time in [min, 2 * min), as
    // client-go's reflector does, so many watches do not expire together.
    std::chrono::seconds minWatchTimeout{300};
    // A watch the server has not ended this long after its timeoutSeconds (a stalled server, a
    // connection that died without a reset) is given up and resumed from the last
    // resourceVersion: the client's only defence against a stream that goes silent and stays
    // open, as the API sends no heartbeat it must send.
    std::chrono::seconds watchDeadlineMargin{30};
    std::chrono::milliseconds initialBackoff{800}; // client-go's reflector backoff
    std::chrono::milliseconds maxBackoff{30000};
    // Applied to every object as it arrives (list items, watch events), before anything holds
    // it: client-go's SetTransform. A list page's full objects are freed page by page.
    std::function<QJsonObject(const QJsonObject &)> transform;
    // Applied after the transform, where the object was decoded: its bytes travel with it
    // (WatchEvent::encoded, pageListed's `encoded`), so whoever stores objects as bytes does not
    // serialise them on the thread that shows them. Must be safe to call on any thread.
    std::function<QByteArray(const QJsonObject &)> encode;
};

// client-go's Reflector: lists (paged), then watches from the list's resourceVersion with
// bookmarks; a stream that ends, or drops after bringing events, is resumed at once from the last
// resourceVersion seen, one that failed without events after a backoff; 410 Gone, or an ERROR
// event with code 410, relists. Runs on its
// thread's event loop; nothing blocks.
class Reflector : public QObject
{
    Q_OBJECT
public:
    Reflector(ApiClient *client, ReflectorOptions options, QObject *parent = nullptr);
    ~Reflector() override;

    void start();
    void stop(); // aborts the stream; nothing is emitted afterwards

    bool isRunning() const { return m_running; }
    QString lastResourceVersion() const { return m_lastResourceVersion; }
    int listCount() const { return m_lists; }
    int watchCount() const { return m_watches; }

signals:
    // One page of a list (the first list or a relist) as it arrives, transformed. A list that
    // starts over (its continue token expired) begins again with `first`. Nothing holds the
    // pages: whoever needs the complete state keeps it.
    // `encoded`: ReflectorOptions::encode of each object, in order (or empty).
    void pageListed(const QList<QJsonObject> &objects, const QList<QByteArray> &encoded,
                    bool first);
    // The list is complete: the pages since the last `first` are the whole state at
    // `resourceVersion`.
    void listed(const QString &resourceVersion);
    // ADDED, MODIFIED or DELETED; bookmarks and errors are handled here.
    void watchEvent(const core::kube::WatchEvent &event);
    // A failure the reflector recovers from by itself (shown as a warning, if at all).
    void failed(const core::kube::ApiStatusError &error);
    // A watch stream is open: from here on every change is reported (after a failure, the
    // reflector has recovered).
    void watching();

private:
    void list();
    void watch();
    // Watch chunks are parsed and transformed on the decoder thread; the events come back here
    // in order.
    void readStream(const QByteArray &data);
    using Transform = std::function<QJsonObject(const QJsonObject &)>;
    using Encoder = std::function<QByteArray(const QJsonObject &)>;
    static QList<WatchEvent> decode(WatchStream &parser, const QByteArray &data,
                                    const Transform &transform, const Encoder &encode);
    // Runs `step` once the chunks received so far are handled, unless the stream changed.
    void afterDecoded(std::function<void()> step);
    void streamEnded();
    void streamFailed(const ApiStatusError &error);
    void dropStream();
    void retryLater(void (Reflector::*step)());
    bool handleEvent(const WatchEvent &event);

    ApiClient *m_client;
    ReflectorOptions m_options;
    bool m_running = false;
    quint64 m_generation = 0; // callbacks of an earlier start/stop are ignored
    QString m_lastResourceVersion;
    QPointer<ApiStream> m_stream;
    std::shared_ptr<WatchStream> m_parser; // the current stream's
    quint64 m_streamId = 0;                 // changes with every stream opened or dropped
    bool m_streamHadEvents = false;
    int m_failures = 0;
    int m_lists = 0;
    int m_watches = 0;
    QTimer *m_retryTimer;
};

} // namespace core::kube
