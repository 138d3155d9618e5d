#pragma once

#include "core/sandbox/transport/httpresponse.h"

namespace core::sandbox {

// A response promised for later: the handler returns at once (the server thread stays free) and
// some other thread answers when its data is ready. Thread-safe. Dropping the last reference
// without send() answers 500, so a forgotten request never hangs a client.
class HttpResponder
{
public:
    virtual ~HttpResponder() = default;

    // Sends the response and closes the connection afterwards. False if already sent or the client
    // went away.
    virtual bool send(const HttpResponse &response) = 0;
    virtual bool isOpen() const = 0;
};

} // namespace core::sandbox
