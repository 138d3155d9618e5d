#include "core/kube/apistatuserror.h"
#include "tests/fuzz/fuzzinput.h"

// A failed response's body read as a Kubernetes Status, whatever the server sent. The first two
// bytes are the HTTP status (100..599); the rest is the body.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    if (size < 2)
        return 0;
    const int status = 100 + (data[0] << 8 | data[1]) % 500;
    const core::kube::ApiStatusError error =
        core::kube::ApiStatusError::fromResponse(status, fuzz::bytes(data + 2, size - 2));
    error.toError();
    error.isGone();
    error.isConflict();
    return 0;
}
