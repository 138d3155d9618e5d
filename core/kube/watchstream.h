#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace core::kube {

// The type of a watch event, shared by the client (WatchEvent) and the sandbox's store
// (sandbox::StoreEvent), with the names and the frame of the wire format.
enum class WatchEventType { Added, Modified, Deleted, Bookmark, Error };
QString watchEventTypeName(WatchEventType type); // "ADDED", "MODIFIED", "DELETED", ...
std::optional<WatchEventType> parseWatchEventType(QStringView name);
// One frame of a watch response: {"type": "ADDED", "object": {...}}.
QJsonObject watchEventFrame(WatchEventType type, const QJsonObject &object);

struct WatchEvent
{
    using Type = WatchEventType;

    Type type = Type::Added;
    QJsonObject object; // the object, or the metav1.Status of an ERROR event
    // What the reflector's encoder made of the object on the decoder thread (ReflectorOptions::
    // encode), else empty.
    QByteArray encoded = {};

    QString typeName() const; // "ADDED", "MODIFIED", ...
    QString resourceVersion() const;
};

// The body of a watch response, parsed as it arrives: one JSON event per line
// ({"type":"ADDED","object":{...}}), split across network chunks anywhere. Malformed lines are
// counted and skipped rather than ending the stream.
class WatchStream
{
public:
    // Parses whatever whole lines `data` completes; keeps the rest for the next call.
    QList<WatchEvent> feed(const QByteArray &data);

    qsizetype pendingBytes() const { return m_buffer.size() - m_offset; }
    int malformedLines() const { return m_malformed; }

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    int m_malformed = 0;
};

} // namespace core::kube
