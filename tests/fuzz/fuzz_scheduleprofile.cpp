#include "core/burst/scheduleprofile.h"
#include "core/kube/manifestloader.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>

// ScheduleProfile objects read from a manifest (any bytes through the loader), validated, and
// written back: a profile read without type errors reads back from its JSON unchanged.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const core::kube::LoadResult loaded =
        core::kube::loadManifests(fuzz::bytes(data, size), QStringLiteral("fuzz.yaml"));
    QList<core::burst::ScheduleProfile> profiles;
    for (const core::kube::ManifestObject &object : loaded.objects) {
        core::burst::isScheduleProfile(object.object);
        const core::burst::ScheduleProfile profile =
            core::burst::scheduleProfileFromJson(object.object);
        core::burst::validateScheduleProfile(profile);
        profiles.append(profile);
        if (!profile.parseDiagnostics.isEmpty())
            continue;
        const QJsonObject written = core::burst::scheduleProfileToJson(profile);
        const core::burst::ScheduleProfile reread = core::burst::scheduleProfileFromJson(written);
        FUZZ_CHECK(reread == profile, QJsonDocument(object.object).toJson());
    }
    core::burst::associateProfile(profiles, QStringLiteral("default"),
                                  {{QStringLiteral("app"), QStringLiteral("web")}});
    return 0;
}
