#include "core/sandbox/apiserver/k8sprotobuf.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonObject>

// The sandbox's reader of Kubernetes protobuf request bodies (what kubectl 1.33+ sends), from any
// bytes. A body that reads gives an object naming its apiVersion and kind; one that does not is
// a 400 or, for a kind the schema does not hold, a 415.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const auto object = core::sandbox::kubernetesProtobufToJson(fuzz::bytes(data, size));
    if (object) {
        FUZZ_CHECK(!object->value(u"kind").toString().isEmpty(), "an object without a kind");
    } else {
        FUZZ_CHECK(object.error().code == 400 || object.error().code == 415,
                   object.error().message.toUtf8());
    }
    return 0;
}
