#pragma once

#include <QByteArray>

#include <cstddef>
#include <functional>

namespace core::sandbox {

// The open body of a chunked response (watch=1, logs?follow=true). Every member is thread-safe:
// keep the shared_ptr anywhere and write from any thread. Each write is sent as one HTTP/1.1 chunk
// as soon as the server thread gets to it, so a watch event reaches the client at once.
// An interface so the API layer can test its watch fan-out against a fake.
//
// Flow control: the server queues whatever is written until the socket takes it. A writer that
// can wait (a watch, whose events stay in the store's Watch meanwhile) writes while queuedBytes()
// is below its high-water mark and resumes from the drain callback; the connection's
// streamBufferLimit (HttpServerOptions) aborts only streams whose writer does not.
class HttpStream
{
public:
    virtual ~HttpStream() = default;

    // Queues one chunk. False, and nothing sent, once the stream has ended, was aborted or the
    // client went away. Empty chunks are skipped (an empty chunk would end the body).
    virtual bool write(const QByteArray &chunk) = 0;
    // Sends the last chunk after everything written before; the connection then closes.
    virtual void end() = 0;
    // Fault hook: closes the socket without the last chunk, as a dropped watch looks to clients.
    virtual void abort() = 0;
    virtual bool isOpen() const = 0;
    // Called once, on the server thread, when the stream closes for any reason: end(), abort(),
    // client gone, server stopped. Set it in the "opened" callback; set later on a stream that has
    // already closed, it runs at once on the caller's thread. Released after it ran, so capturing
    // the stream's own shared_ptr does not leak.
    virtual void setOnClosed(std::function<void()> onClosed) = 0;
    // Bytes written and not yet handed to the socket (the chunk framing not counted).
    virtual std::size_t queuedBytes() const = 0;
    // Called on the server thread each time the socket's progress brings queuedBytes() from
    // above `lowWater` to `lowWater` or below. It must not block; it may write. Replaces the
    // previous callback; released when the stream closes.
    virtual void setOnDrained(std::size_t lowWater, std::function<void()> onDrained) = 0;
};

} // namespace core::sandbox
