#include "core/burst/preview.h"
#include "core/burst/previewjson.h"
#include "core/kube/manifestloader.h"
#include "tests/fuzz/fuzzinput.h"

// `burstctl preview -f FILE` in process: a whole manifest from any bytes, loaded, then every
// pod-bearing object previewed with the ScheduleProfiles and Services of the same file in scope.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const core::kube::LoadResult loaded =
        core::kube::loadManifests(fuzz::bytes(data, size), QStringLiteral("fuzz.yaml"));
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &object : loaded.objects)
        objects.append(object.object);
    core::burst::PreviewScope scope;
    scope.networkInterconnect = size % 2 == 0;
    scope.logPolicies = int(size % 3);
    const QList<core::burst::PreviewResult> results = core::burst::previewObjects(objects, scope);
    for (const core::burst::PreviewResult &result : results)
        core::burst::previewToJson(result);
    return 0;
}
