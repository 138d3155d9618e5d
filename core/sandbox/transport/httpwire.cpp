#include "core/sandbox/transport/httpwire.h"

#include <boost/beast/http/status.hpp>

#include <array>
#include <charconv>

namespace core::sandbox {

namespace {

bool hasLineBreak(const QByteArray &text)
{
    return text.contains('\r') || text.contains('\n') || text.contains('\0');
}

bool isSafeField(const QByteArray &name, const QByteArray &value)
{
    return !name.isEmpty() && !name.contains(':') && !name.contains(' ') && !hasLineBreak(name) &&
           !hasLineBreak(value);
}

// Framing headers belong to the server: a handler's own would contradict the bytes sent.
bool isFramingField(const QByteArray &name)
{
    for (const char *framing : {"Content-Length", "Transfer-Encoding", "Connection"}) {
        if (name.compare(framing, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

int httpValidStatus(int status)
{
    return status >= 100 && status <= 999 ? status : 500;
}

bool httpStatusForbidsBody(int status)
{
    return status < 200 || status == 204 || status == 304;
}

std::string httpResponseHead(int status, const HttpHeaders &headers,
                             std::optional<std::size_t> contentLength, bool keepAlive)
{
    namespace http = boost::beast::http;
    status = httpValidStatus(status);
    std::string head = "HTTP/1.1 " + std::to_string(status) + ' ' +
                       std::string(http::obsolete_reason(http::int_to_status(unsigned(status)))) +
                       "\r\n";
    for (const auto &[name, value] : headers.fields()) {
        if (isSafeField(name, value) && !isFramingField(name))
            head += name.toStdString() + ": " + value.toStdString() + "\r\n";
    }
    if (!contentLength)
        head += "Transfer-Encoding: chunked\r\n";
    else if (!httpStatusForbidsBody(status))
        head += "Content-Length: " + std::to_string(*contentLength) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    return head;
}

std::string httpChunk(const QByteArray &data)
{
    std::array<char, 20> size{};
    const auto end = std::to_chars(size.data(), size.data() + size.size(), data.size(), 16).ptr;
    std::string frame(size.data(), end);
    frame.reserve(frame.size() + std::size_t(data.size()) + 4);
    frame += "\r\n";
    frame.append(data.constData(), std::size_t(data.size()));
    frame += "\r\n";
    return frame;
}

QByteArray httpTooLargeStatus(std::uint64_t limit)
{
    return QByteArrayLiteral(R"({"kind":"Status","apiVersion":"v1","metadata":{},)"
                             R"("status":"Failure","message":"Request entity too large: limit is )") +
           QByteArray::number(quint64(limit)) +
           QByteArrayLiteral(R"(","reason":"RequestEntityTooLarge","code":413})") + '\n';
}

} // namespace core::sandbox
