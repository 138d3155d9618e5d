#include "core/kube/reflector.h"

#include "core/kube/apiclient.h"
#include "core/kube/apistream.h"
#include "core/kube/decoderthread.h"
#include "core/kube/objectmeta.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace core::kube {

Reflector::Reflector(ApiClient *client, ReflectorOptions options, QObject *parent)
    : QObject(parent), m_client(client), m_options(std::move(options)),
      m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
}

Reflector::~Reflector()
{
    stop();
}

void Reflector::start()
{
    if (m_running)
        return;
    m_running = true;
    ++m_generation;
    m_failures = 0;
    list();
}

void Reflector::stop()
{
    m_running = false;
    ++m_generation;
    m_retryTimer->stop();
    dropStream();
}

void Reflector::dropStream()
{
    ++m_streamId;
    if (ApiStream *stream = std::exchange(m_stream, nullptr))
        stream->discard();
}

void Reflector::retryLater(void (Reflector::*step)())
{
    // Exponential with jitter, as client-go's wait.Backoff for the reflector.
    const auto base =
        std::min(m_options.maxBackoff, m_options.initialBackoff * (1 << std::min(m_failures, 16)));
    ++m_failures;
    const qint64 delay =
        base.count() / 2 + QRandomGenerator::global()->bounded(qint64(base.count() / 2 + 1));
    m_retryTimer->disconnect();
    connect(m_retryTimer, &QTimer::timeout, this, step);
    m_retryTimer->start(int(delay));
}

void Reflector::list()
{
    dropStream();
    ListOptions options;
    options.nameSpace = m_options.nameSpace;
    options.labelSelector = m_options.labelSelector;
    options.fieldSelector = m_options.fieldSelector;
    options.limit = m_options.pageSize;
    const quint64 generation = m_generation;
    m_client->listItems(
        m_options.resource, options, this,
        [this, generation](const ApiResult<QJsonObject> &result) {
            if (generation != m_generation)
                return;
            if (!result) {
                emit failed(result.error());
                retryLater(&Reflector::list);
                return;
            }
            ++m_lists;
            m_failures = 0;
            m_lastResourceVersion = resourceVersionOf(result.value());
            emit listed(m_lastResourceVersion);
            if (m_running && generation == m_generation)
                watch();
        },
        m_options.transform,
        [this, generation](const QList<QJsonObject> &objects, const QList<QByteArray> &encoded,
                           int index) {
            if (generation != m_generation)
                return false;
            emit pageListed(objects, encoded, index == 0);
            return generation == m_generation;
        },
        m_options.encode);
}

void Reflector::watch()
{
    dropStream();
    m_parser = std::make_shared<WatchStream>();
    m_streamHadEvents = false;
    const qint64 minTimeout = m_options.minWatchTimeout.count();
    const qint64 timeout = minTimeout + QRandomGenerator::global()->bounded(minTimeout + 1);
    ApiRequest request;
    request.path = m_options.resource.path(m_options.nameSpace);
    request.query = {{QStringLiteral("watch"), QStringLiteral("true")},
                     {QStringLiteral("allowWatchBookmarks"), QStringLiteral("true")},
                     {QStringLiteral("resourceVersion"), m_lastResourceVersion},
                     {QStringLiteral("timeoutSeconds"), QString::number(timeout)}};
    if (!m_options.labelSelector.isEmpty())
        request.query.append({QStringLiteral("labelSelector"), m_options.labelSelector});
    if (!m_options.fieldSelector.isEmpty())
        request.query.append({QStringLiteral("fieldSelector"), m_options.fieldSelector});
    // A stream the server forgets to end must not hang the informer.
    request.timeout = std::chrono::seconds(timeout) + m_options.watchDeadlineMargin;
    ++m_watches;
    m_stream = m_client->openStream(request, this);
    connect(m_stream, &ApiStream::opened, this, &Reflector::watching);
    connect(m_stream, &ApiStream::received, this, &Reflector::readStream);
    // The end of a stream is handled after the events it brought, which may still be decoding.
    connect(m_stream, &ApiStream::ended, this, [this] { afterDecoded([this] { streamEnded(); }); });
    connect(m_stream, &ApiStream::failed, this, [this](const ApiStatusError &error) {
        afterDecoded([this, error] { streamFailed(error); });
    });
}

bool Reflector::handleEvent(const WatchEvent &e)
{
    if (e.type == WatchEvent::Type::Error) {
        const ApiStatusError error = ApiStatusError::fromStatus(e.object);
        emit failed(error);
        dropStream();
        if (error.isGone())
            list();
        else
            retryLater(&Reflector::watch);
        return false;
    }
    m_streamHadEvents = true;
    const QString rv = e.resourceVersion();
    if (!rv.isEmpty())
        m_lastResourceVersion = rv;
    if (e.type == WatchEvent::Type::Bookmark)
        return true;
    emit watchEvent(e); // transformed where it was decoded
    return true;
}

QList<WatchEvent> Reflector::decode(WatchStream &parser, const QByteArray &data,
                                    const Transform &transform, const Encoder &encode)
{
    QList<WatchEvent> events = parser.feed(data);
    if (transform || encode) {
        for (WatchEvent &e : events) {
            if (e.type == WatchEvent::Type::Bookmark || e.type == WatchEvent::Type::Error)
                continue;
            if (transform)
                e.object = transform(e.object);
            if (encode && e.type != WatchEvent::Type::Deleted)
                e.encoded = encode(e.object);
        }
    }
    return events;
}

void Reflector::readStream(const QByteArray &data)
{
    const quint64 generation = m_generation;
    const quint64 stream = m_streamId;
    const auto handle = [this, generation, stream](const QList<WatchEvent> &events) {
        for (const WatchEvent &e : events) {
            if (generation != m_generation || m_streamId != stream || !handleEvent(e))
                return;
        }
    };
    if (!DecoderThread::available()) {
        handle(decode(*m_parser, data, m_options.transform, m_options.encode));
        return;
    }
    // The parser is the stream's own and only the decoder thread uses it from here on; chunks
    // are decoded in the order they came.
    const QPointer<const QObject> guard(this);
    DecoderThread::post([guard, handle, parser = m_parser, data,
                         transform = m_options.transform, encode = m_options.encode] {
        DecoderThread::answer(guard, [handle, events = decode(*parser, data, transform,
                                                              encode)]() mutable {
            handle(events);
            DecoderThread::dispose(std::exchange(events, {}));
        });
    });
}

void Reflector::afterDecoded(std::function<void()> step)
{
    const quint64 generation = m_generation;
    const quint64 stream = m_streamId;
    auto run = [this, generation, stream, step = std::move(step)] {
        if (generation == m_generation && m_streamId == stream)
            step();
    };
    if (!DecoderThread::available()) {
        run();
        return;
    }
    const QPointer<const QObject> guard(this);
    DecoderThread::post([guard, run = std::move(run)] { DecoderThread::answer(guard, run); });
}

void Reflector::streamEnded()
{
    dropStream();
    if (!m_running)
        return;
    m_failures = 0;
    // timeoutSeconds ended it, or a stream cut without its last chunk that Qt took for ended:
    // resume at once either way.
    watch();
}

void Reflector::streamFailed(const ApiStatusError &error)
{
    dropStream();
    if (!m_running)
        return;
    emit failed(error);
    if (error.isGone()) {
        list();
        return;
    }
    if (m_streamHadEvents) {
        // As client-go's reflector: a stream that broke after it brought events is resumed at
        // once from the last resourceVersion (progress was made); only one that brought
        // nothing backs off. Waiting after every drop would let a busy cluster outrun us.
        m_failures = 0;
        watch();
        return;
    }
    retryLater(&Reflector::watch);
}

} // namespace core::kube
