#include "core/kube/manifestloader.h"
#include "tests/fuzz/fuzzinput.h"

// Manifest loading (multi-document YAML, JSON, `kind: List`) on any bytes: it never crashes,
// hangs or exhausts memory (the limits of docs/limits.md), every error has a position inside the
// file, and every object is one a position lookup works on.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const QByteArray text = fuzz::bytes(data, size);
    const core::kube::LoadResult loaded =
        core::kube::loadManifests(text, QStringLiteral("fuzz.yaml"));
    const qsizetype lines = text.count('\n') + 2;
    for (const core::kube::ParseError &error : loaded.errors) {
        FUZZ_CHECK(error.line >= 0 && error.line <= lines, error.toString().toUtf8());
        FUZZ_CHECK(!error.message.isEmpty(), text);
    }
    for (const core::kube::ManifestObject &object : loaded.objects) {
        object.name();
        object.nameSpace();
        object.positionOf(QStringLiteral("spec.template.spec.containers[0].image"));
        FUZZ_CHECK(object.document >= 0, text);
    }
    return 0;
}
