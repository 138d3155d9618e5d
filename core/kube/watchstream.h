#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::kube {

struct WatchEvent
{
    enum class Type { Added, Modified, Deleted, Bookmark, Error };

    Type type = Type::Added;
    QJsonObject object; // the object, or the metav1.Status of an ERROR event

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
