#include "core/sandbox/cluster/jobcontroller.h"

#include "core/common/tr.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

#include <algorithm>

namespace core::sandbox {

namespace {

int specInt(const QJsonObject &job, QStringView field, int fallback)
{
    const QJsonValue value = job.value(u"spec").toObject().value(field);
    return value.isDouble() ? value.toInt() : fallback;
}

bool isFinished(const QJsonObject &job)
{
    return conditionOf(job, QStringLiteral("Complete")).value(u"status").toString() == u"True" ||
           conditionOf(job, QStringLiteral("Failed")).value(u"status").toString() == u"True";
}

} // namespace

bool JobController::createPods(const QJsonObject &job, int count)
{
    QJsonObject podTemplate = job.value(u"spec").toObject().value(u"template").toObject();
    QJsonObject meta = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = meta.value(u"labels").toObject();
    labels.insert(QStringLiteral("batch.kubernetes.io/controller-uid"), uidOf(job));
    labels.insert(QStringLiteral("batch.kubernetes.io/job-name"), nameOf(job));
    labels.insert(QStringLiteral("controller-uid"), uidOf(job));
    labels.insert(QStringLiteral("job-name"), nameOf(job));
    meta.insert(QStringLiteral("labels"), labels);
    podTemplate.insert(QStringLiteral("metadata"), meta);
    for (int i = 0; i < count; ++i) {
        if (!createOwnedPod(job, podFromTemplate(podTemplate, job, {}, nameOf(job)), m_clock.now()))
            return false;
    }
    return true;
}

bool JobController::sync(const QJsonObject &job)
{
    // A Job being deleted starts no more pods.
    if (isFinished(job) || isBeingDeleted(job))
        return true;
    const QDateTime now = m_clock.now();
    const int parallelism = specInt(job, u"parallelism", 1);
    const int completions = specInt(job, u"completions", 1);
    const int backoffLimit = specInt(job, u"backoffLimit", 6);
    QList<QJsonObject> active;
    int succeeded = 0, failed = 0, ready = 0;
    for (const QJsonObject &pod : m_owned.byOwner(uidOf(job))) {
        const QString phase = podPhase(pod);
        succeeded += phase == u"Succeeded" ? 1 : 0;
        failed += phase == u"Failed" ? 1 : 0;
        failed += containerRestarts(pod);
        if (!isPodTerminal(pod)) {
            active << pod;
            ready += isPodReady(pod) ? 1 : 0;
        }
    }
    QJsonObject status = job.value(u"status").toObject();
    if (!status.contains(u"startTime"))
        status.insert(QStringLiteral("startTime"), timestamp(now));
    QJsonArray conditions = status.value(u"conditions").toArray();
    // A finished Job gets the interim condition, then the final one, both True.
    const auto finish = [&](const QStringList &types, const QString &reason,
                            const QString &message) {
        for (const QString &type : types)
            conditions =
                withCondition(conditions, type, QStringLiteral("True"), reason, message, now);
    };
    bool ok = true;
    if (failed > backoffLimit) {
        for (const QJsonObject &pod : std::as_const(active))
            (void)m_store.remove(podsType(), namespaceOf(pod), nameOf(pod), {uidOf(pod), {}});
        active.clear();
        ready = 0;
        const QString message = Tr::tr("Job has reached the specified backoff limit");
        finish({QStringLiteral("FailureTarget"), QStringLiteral("Failed")},
               QStringLiteral("BackoffLimitExceeded"), message);
        m_events.record(job, QStringLiteral("Warning"), QStringLiteral("BackoffLimitExceeded"),
                        message, now);
    } else if (succeeded >= completions) {
        finish({QStringLiteral("SuccessCriteriaMet"), QStringLiteral("Complete")},
               QStringLiteral("CompletionsReached"),
               Tr::tr("Reached expected number of succeeded pods"));
        status.insert(QStringLiteral("completionTime"), timestamp(now));
        m_events.record(job, QStringLiteral("Normal"), QStringLiteral("Completed"),
                        Tr::tr("Job completed"), now);
    } else {
        const int wanted = std::min(parallelism, completions - succeeded) - int(active.size());
        if (wanted > 0)
            ok = createPods(job, wanted);
    }
    status.insert(QStringLiteral("active"), int(active.size()));
    status.insert(QStringLiteral("ready"), ready);
    status.insert(QStringLiteral("succeeded"), succeeded);
    status.insert(QStringLiteral("failed"), failed);
    status.insert(QStringLiteral("terminating"), 0);
    status.insert(QStringLiteral("uncountedTerminatedPods"), QJsonObject());
    if (!conditions.isEmpty())
        status.insert(QStringLiteral("conditions"), conditions);
    return writeStatus(m_store, jobsType(), job, status) && ok;
}

} // namespace core::sandbox
