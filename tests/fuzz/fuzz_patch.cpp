#include "core/sandbox/store/jsonpatch.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>
#include <QJsonObject>

// The sandbox's PATCH bodies (JSON patch, JSON merge patch, strategic merge patch with its
// directives) applied to an object, both from any bytes. Fields (cut at NUL): one byte for the
// patch type and the kind (the strategic merge schema), the object as JSON, the patch body.
// A patch that applies gives an object; one that fails names its error.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    static const QString kinds[] = {
        QStringLiteral("Pod"),        QStringLiteral("Deployment"), QStringLiteral("Service"),
        QStringLiteral("StatefulSet"), QStringLiteral("Job"),       QStringLiteral("ConfigMap"),
        QStringLiteral("Node"),       QStringLiteral("ScheduleProfile")};
    const QList<QByteArray> field = fuzz::fields(data, size, 3);
    const quint8 choice = field.at(0).isEmpty() ? 0 : quint8(field.at(0).at(0));
    static const core::sandbox::PatchType types[] = {core::sandbox::PatchType::JsonPatch,
                                                     core::sandbox::PatchType::MergePatch,
                                                     core::sandbox::PatchType::StrategicMergePatch};
    const core::sandbox::PatchType type = types[choice % 3];
    const QString &kind = kinds[(choice / 3) % 8];
    const QJsonObject document = QJsonDocument::fromJson(field.at(1)).object();
    const core::Result<QJsonObject> patched =
        core::sandbox::applyPatch(type, document, field.at(2), kind);
    if (!patched)
        FUZZ_CHECK(patched.error().code.startsWith(u"patch."), patched.error().code.toUtf8());
    core::sandbox::parseJsonPointer(QString::fromUtf8(field.at(2).left(256)));
    return 0;
}
