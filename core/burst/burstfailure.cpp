#include "core/burst/burstfailure.h"

#include "core/burst/cciconventions.h"

namespace core::burst {

namespace {

bool mentionsQuota(const QString &message)
{
    return message.contains(u"exceeded quota", Qt::CaseInsensitive) ||
           message.contains(u"quota exceeded", Qt::CaseInsensitive) ||
           message.contains(u"insufficient quota", Qt::CaseInsensitive) ||
           message.contains(u"exceeds quota", Qt::CaseInsensitive);
}

} // namespace

FailureCause classifyFailureEvent(const QString &reason, const QString &message)
{
    if (reason == u"ProviderCreateFailed")
        return mentionsQuota(message) ? FailureCause::Quota : FailureCause::Refused;
    if (reason == u"VirtualKubeletLocked")
        return FailureCause::NodeLocked;
    // The scheduler names the lock taint when it is on the node, the lock when it plans with it.
    if (reason == u"FailedScheduling" &&
        (message.contains(u"taint {" + kLockTaintKey + u':') ||
         message.contains(u"locked after a failed CCI admission")))
        return FailureCause::WaitingForLock;
    if (reason == u"ErrImagePull" || reason == u"ImagePullBackOff" ||
        reason == u"InvalidImageName" || reason == u"ErrImageNeverPull" ||
        (reason == u"Failed" && message.contains(u"Failed to pull image")) ||
        (reason == u"BackOff" && message.contains(u"Back-off pulling image")))
        return FailureCause::ImagePull;
    if ((reason == u"FailedCreate" || reason == u"ProviderCreateBackOff" ||
         reason == u"FailedScheduling") &&
        mentionsQuota(message))
        return FailureCause::Quota;
    return FailureCause::None;
}

QString failureCauseCode(FailureCause cause)
{
    switch (cause) {
    case FailureCause::None:
        break;
    case FailureCause::Refused:
        return QStringLiteral("burst.cause.refused");
    case FailureCause::NodeLocked:
    case FailureCause::WaitingForLock:
        return QStringLiteral("burst.cause.lock");
    case FailureCause::Quota:
        return QStringLiteral("burst.cause.quota");
    case FailureCause::ImagePull:
        return QStringLiteral("burst.cause.imagePull");
    }
    return {};
}

Diagnostic refusalRule(const PreviewResult &preview)
{
    for (const Diagnostic &d : preview.diagnostics) {
        if (d.severity == Severity::Error)
            return d;
    }
    return {};
}

} // namespace core::burst
