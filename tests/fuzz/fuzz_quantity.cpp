#include "core/kube/quantity.h"
#include "tests/fuzz/fuzzinput.h"

// Quantity::parse on any text; a quantity it accepts prints as text that parses back to the same
// value (the console writes quantities it read back into manifests).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const core::Result<core::kube::Quantity> parsed = core::kube::Quantity::parse(text);
    if (!parsed)
        return 0;
    const QString printed = parsed->toString();
    const core::Result<core::kube::Quantity> again = core::kube::Quantity::parse(printed);
    FUZZ_CHECK(again.ok(), (text + u" -> " + printed).toUtf8());
    FUZZ_CHECK(*again == *parsed, (text + u" -> " + printed).toUtf8());
    return 0;
}
