#include "core/kube/watchstream.h"

#include "core/common/tr.h"
#include "core/kube/objectmeta.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace core::kube {

namespace {

// The wire names, for parsing.
constexpr struct
{
    const char16_t *name;
    WatchEventType type;
} kTypes[] = {{u"ADDED", WatchEventType::Added},
              {u"MODIFIED", WatchEventType::Modified},
              {u"DELETED", WatchEventType::Deleted},
              {u"BOOKMARK", WatchEventType::Bookmark},
              {u"ERROR", WatchEventType::Error}};

} // namespace

QString watchEventTypeName(WatchEventType type)
{
    switch (type) { // literals: no allocation per event on the sandbox's hot path
    case WatchEventType::Added:
        return QStringLiteral("ADDED");
    case WatchEventType::Modified:
        return QStringLiteral("MODIFIED");
    case WatchEventType::Deleted:
        return QStringLiteral("DELETED");
    case WatchEventType::Bookmark:
        return QStringLiteral("BOOKMARK");
    case WatchEventType::Error:
        return QStringLiteral("ERROR");
    }
    return {};
}

std::optional<WatchEventType> parseWatchEventType(QStringView name)
{
    for (const auto &t : kTypes) {
        if (name == QStringView(t.name))
            return t.type;
    }
    return std::nullopt;
}

QJsonObject watchEventFrame(WatchEventType type, const QJsonObject &object)
{
    return {{QStringLiteral("type"), watchEventTypeName(type)}, {QStringLiteral("object"), object}};
}

QString WatchEvent::typeName() const
{
    return watchEventTypeName(type);
}

QString WatchEvent::resourceVersion() const
{
    return resourceVersionOf(object);
}

namespace {

// Our own (docs/limits.md): the longest watch event line kept while it is incomplete. The API
// server stores objects of 1.5 MiB at most (etcd's request limit); an event line many times that
// long is a server sending garbage or one endless line.
constexpr qsizetype kMaxWatchEventBytes = qsizetype(16) << 20;

} // namespace

QList<WatchEvent> WatchStream::feed(const QByteArray &data)
{
    QList<WatchEvent> events;
    // Only the new bytes are searched for line ends; the consumed prefix is dropped once per
    // call instead of once per event.
    const qsizetype searchFrom = m_buffer.size();
    m_buffer.append(data);
    qsizetype end = m_buffer.indexOf('\n', searchFrom);
    while (end >= 0) {
        const QByteArray line =
            QByteArray::fromRawData(m_buffer.constData() + m_offset, end - m_offset).trimmed();
        m_offset = end + 1;
        if (!line.isEmpty()) {
            QJsonParseError error;
            const QJsonObject event = QJsonDocument::fromJson(line, &error).object();
            const std::optional<WatchEventType> type =
                error.error == QJsonParseError::NoError
                    ? parseWatchEventType(event.value(u"type").toString())
                    : std::nullopt;
            if (type) {
                events.append(WatchEvent{*type, event.value(u"object").toObject()});
            } else {
                ++m_malformed;
            }
        }
        end = m_buffer.indexOf('\n', m_offset);
    }
    m_buffer.remove(0, m_offset);
    m_offset = 0;
    if (m_buffer.size() > kMaxWatchEventBytes) {
        // Dropped, and reported as the server's error event so the watch ends and is started
        // again (a reflector relists or resumes) instead of buffering without end.
        m_buffer.clear();
        ++m_malformed;
        events.append(WatchEvent{
            WatchEventType::Error,
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("status"), QStringLiteral("Failure")},
                        {QStringLiteral("reason"), QStringLiteral("InternalError")},
                        {QStringLiteral("code"), 500},
                        {QStringLiteral("message"),
                         Tr::tr("a watch event longer than %1 MiB (the client's limit); the watch "
                                "is started again")
                             .arg(kMaxWatchEventBytes >> 20)}}});
    }
    return events;
}

} // namespace core::kube
