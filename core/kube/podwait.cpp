#include "core/kube/podwait.h"

#include <QLatin1StringView>

namespace core::kube {

bool meansPodNotStartedYet(const core::Error &error)
{
    if (error.code == u"kube.NotFound")
        return true;
    if (error.code != u"kube.BadRequest")
        return false;
    // kubelet/apiserver: `container "c" in pod "p" is waiting to start: ContainerCreating`
    // (or PodInitializing), `pod p does not have a host assigned`, and for exec on a container
    // that is not running, `container not found ("c")`.
    static const QLatin1StringView kPatterns[] = {
        QLatin1StringView("is waiting to start"),
        QLatin1StringView("does not have a host assigned"),
        QLatin1StringView("container not found ("),
        QLatin1StringView("ContainerCreating"),
        QLatin1StringView("PodInitializing"),
    };
    for (const QLatin1StringView pattern : kPatterns) {
        if (error.message.contains(pattern, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace core::kube
