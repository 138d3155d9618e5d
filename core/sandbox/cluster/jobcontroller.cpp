#include "core/sandbox/cluster/jobcontroller.h"

#include "core/common/tr.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/apiserver/sandboxclock.h"

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

int containerRestarts(const QJsonObject &pod)
{
    int total = 0;
    const QJsonArray statuses =
        pod.value(u"status").toObject().value(u"containerStatuses").toArray();
    for (const QJsonValue &status : statuses)
        total += status.toObject().value(u"restartCount").toInt();
    return total;
}

} // namespace

JobController::JobController(ObjectStore &store, const ObjectIndex &pods, const SandboxClock &clock,
                             EventRecorder &events)
    : m_store(store), m_pods(pods), m_clock(clock), m_events(events)
{
}

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
        const auto created = m_store.create(podsType(), namespaceOf(job),
                                            podFromTemplate(podTemplate, job, {}, nameOf(job)));
        if (!created) {
            m_events.record(job, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                            Tr::tr("Error creating: %1").arg(created.error().message),
                            m_clock.now());
            return false;
        }
        m_events.record(job, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                        Tr::tr("Created pod: %1").arg(nameOf(*created)), m_clock.now());
    }
    return true;
}

bool JobController::sync(const QJsonObject &job)
{
    if (isFinished(job))
        return true;
    const QDateTime now = m_clock.now();
    const int parallelism = specInt(job, u"parallelism", 1);
    const int completions = specInt(job, u"completions", 1);
    const int backoffLimit = specInt(job, u"backoffLimit", 6);
    QList<QJsonObject> active;
    int succeeded = 0, failed = 0, ready = 0;
    for (const QJsonObject &pod : m_pods.byOwner(uidOf(job))) {
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
    bool ok = true;
    if (failed > backoffLimit) {
        for (const QJsonObject &pod : std::as_const(active))
            (void)m_store.remove(podsType(), namespaceOf(pod), nameOf(pod), {uidOf(pod), {}});
        active.clear();
        ready = 0;
        const QString message = Tr::tr("Job has reached the specified backoff limit");
        conditions =
            withCondition(conditions, QStringLiteral("FailureTarget"), QStringLiteral("True"),
                          QStringLiteral("BackoffLimitExceeded"), message, now);
        conditions = withCondition(conditions, QStringLiteral("Failed"), QStringLiteral("True"),
                                   QStringLiteral("BackoffLimitExceeded"), message, now);
        m_events.record(job, QStringLiteral("Warning"), QStringLiteral("BackoffLimitExceeded"),
                        message, now);
    } else if (succeeded >= completions) {
        const QString message = Tr::tr("Reached expected number of succeeded pods");
        conditions =
            withCondition(conditions, QStringLiteral("SuccessCriteriaMet"), QStringLiteral("True"),
                          QStringLiteral("CompletionsReached"), message, now);
        conditions = withCondition(conditions, QStringLiteral("Complete"), QStringLiteral("True"),
                                   QStringLiteral("CompletionsReached"), message, now);
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
