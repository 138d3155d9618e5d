#include "core/kube/imagereference.h"
#include "tests/fuzz/fuzzinput.h"

// Image references on any text; an accepted one prints as a reference that parses to the same
// text (image replacement writes it into the pod spec), and a repository prefix keeps it valid.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    core::kube::validateRepositoryName(text);
    const core::Result<core::kube::ImageReference> parsed = core::kube::ImageReference::parse(text);
    if (!parsed)
        return 0;
    const QString printed = parsed->toString();
    const core::Result<core::kube::ImageReference> again =
        core::kube::ImageReference::parse(printed);
    FUZZ_CHECK(again.ok(), (text + u" -> " + printed).toUtf8());
    FUZZ_CHECK(again->toString() == printed, (text + u" -> " + printed).toUtf8());
    parsed->repositoryPrefix();
    parsed->withRepositoryPrefix(QStringLiteral("swr.cn-north-4.myhuaweicloud.com/burst"));
    return 0;
}
