#include "core/sandbox/transport/httpresponse.h"

namespace core::sandbox {

HttpResponse HttpResponse::json(int status, const QByteArray &json)
{
    return {status, {{"Content-Type", "application/json"}}, json};
}

HttpResponse HttpResponse::text(int status, const QByteArray &utf8Text)
{
    return {status, {{"Content-Type", "text/plain; charset=utf-8"}}, utf8Text};
}

} // namespace core::sandbox
