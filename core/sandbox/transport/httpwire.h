#pragma once

#include "core/sandbox/transport/httpheaders.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace core::sandbox {

// Internal. HTTP/1.1 response framing (RFC 9112), written by hand because the server streams
// bytes through one write queue rather than through Beast's serializer.

// A status outside 100..999 is a handler bug; the client gets 500 rather than a broken line.
int httpValidStatus(int status);
// RFC 9110 6.4.1: 1xx, 204 and 304 never carry a body or a Content-Length.
bool httpStatusForbidsBody(int status);
// Status line and header block. Without contentLength the body is chunked. Handler fields that
// would break framing (CR/LF, Content-Length, Transfer-Encoding, Connection) are dropped.
std::string httpResponseHead(int status, const HttpHeaders &headers,
                             std::optional<std::size_t> contentLength, bool keepAlive);
std::string httpChunk(const QByteArray &data); // one non-empty chunk: size, CRLF, data, CRLF
// The body of the API server's answer to a request body past its limit: a Kubernetes Status with
// reason RequestEntityTooLarge and "limit is N" (k8s.io/apiserver limitedReadBody). The only
// Status the transport writes: it refuses the body before any handler sees it.
QByteArray httpTooLargeStatus(std::uint64_t limit);
inline constexpr std::string_view kHttpLastChunk = "0\r\n\r\n";
inline constexpr std::string_view kHttpContinue = "HTTP/1.1 100 Continue\r\n\r\n";

} // namespace core::sandbox
