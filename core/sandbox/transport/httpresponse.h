#pragma once

#include "core/sandbox/transport/httpheaders.h"

#include <QByteArray>

namespace core::sandbox {

// A complete response. The server adds Content-Length and Connection itself; a handler that sets
// them has them replaced.
struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;

    static HttpResponse json(int status, const QByteArray &json);     // application/json
    static HttpResponse text(int status, const QByteArray &utf8Text); // text/plain; charset=utf-8
};

} // namespace core::sandbox
