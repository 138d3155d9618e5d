#include "core/kube/watchstream.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace core::kube {

namespace {

bool parseType(QStringView name, WatchEvent::Type &type)
{
    static const struct
    {
        const char16_t *name;
        WatchEvent::Type type;
    } types[] = {{u"ADDED", WatchEvent::Type::Added},
                 {u"MODIFIED", WatchEvent::Type::Modified},
                 {u"DELETED", WatchEvent::Type::Deleted},
                 {u"BOOKMARK", WatchEvent::Type::Bookmark},
                 {u"ERROR", WatchEvent::Type::Error}};
    for (const auto &t : types) {
        if (name == QStringView(t.name)) {
            type = t.type;
            return true;
        }
    }
    return false;
}

} // namespace

QString WatchEvent::typeName() const
{
    switch (type) {
    case Type::Added:
        return QStringLiteral("ADDED");
    case Type::Modified:
        return QStringLiteral("MODIFIED");
    case Type::Deleted:
        return QStringLiteral("DELETED");
    case Type::Bookmark:
        return QStringLiteral("BOOKMARK");
    case Type::Error:
        return QStringLiteral("ERROR");
    }
    return {};
}

QString WatchEvent::resourceVersion() const
{
    return object.value(u"metadata").toObject().value(u"resourceVersion").toString();
}

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
            WatchEvent parsed;
            if (error.error == QJsonParseError::NoError &&
                parseType(event.value(u"type").toString(), parsed.type)) {
                parsed.object = event.value(u"object").toObject();
                events.append(parsed);
            } else {
                ++m_malformed;
            }
        }
        end = m_buffer.indexOf('\n', m_offset);
    }
    m_buffer.remove(0, m_offset);
    m_offset = 0;
    return events;
}

} // namespace core::kube
