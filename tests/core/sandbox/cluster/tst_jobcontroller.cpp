#include "core/sandbox/cluster/jobcontroller.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/objectindex.h"

#include "simtesthelpers.h"

#include <QTest>

using namespace core::sandbox;
using namespace simtest;

// Expected outcomes from the Job documentation: pods run `parallelism` at a time until
// `completions` succeeded (Complete, completionTime set), or the Job fails with reason
// BackoffLimitExceeded once more than `backoffLimit` pods failed; defaults 1 / 1 / 6.
class tst_JobController : public QObject
{
    Q_OBJECT

private slots:
    void outcomes_data()
    {
        QTest::addColumn<QJsonObject>("spec");
        QTest::addColumn<bool>("podsSucceed");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<int>("succeeded");
        QTest::addColumn<int>("failed");
        QTest::addColumn<int>("maxActive");
        const auto spec = [](int parallelism, int completions, int backoff) {
            QJsonObject s;
            if (parallelism)
                s.insert(QStringLiteral("parallelism"), parallelism);
            if (completions)
                s.insert(QStringLiteral("completions"), completions);
            if (backoff >= 0)
                s.insert(QStringLiteral("backoffLimit"), backoff);
            return s;
        };
        QTest::newRow("defaults, success") << spec(0, 0, -1) << true << "Complete" << 1 << 0 << 1;
        QTest::newRow("2 parallel of 4") << spec(2, 4, -1) << true << "Complete" << 4 << 0 << 2;
        QTest::newRow("5 parallel of 3") << spec(5, 3, -1) << true << "Complete" << 3 << 0 << 3;
        QTest::newRow("fails after backoff 2") << spec(1, 1, 2) << false << "Failed" << 0 << 3 << 1;
        QTest::newRow("backoff 0") << spec(1, 1, 0) << false << "Failed" << 0 << 1 << 1;
        QTest::newRow("default backoff 6") << spec(0, 0, -1) << false << "Failed" << 0 << 7 << 1;
    }

    void outcomes()
    {
        QFETCH(QJsonObject, spec);
        QFETCH(bool, podsSucceed);
        QFETCH(QString, condition);
        QFETCH(int, maxActive);
        ObjectStore store;
        SandboxClock clock;
        ObjectIndex pods(store, podsType());
        EventRecorder events(store, QStringLiteral("job-controller"));
        JobController controller(store, pods, clock, events);
        QJsonObject templ = podTemplate(QStringLiteral("batch"));
        QJsonObject podSpec = templ.value(u"spec").toObject();
        podSpec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Never"));
        templ.insert(QStringLiteral("spec"), podSpec);
        spec.insert(QStringLiteral("template"), templ);
        const QJsonObject job =
            *store.create(jobsType(), QStringLiteral("default"),
                          workload(QStringLiteral("batch/v1"), QStringLiteral("Job"),
                                   QStringLiteral("pi"), spec));
        int seenActive = 0;
        for (int round = 0; round < 30; ++round) {
            pods.sync();
            QVERIFY(controller.sync(reread(store, jobsType(), job)));
            pods.sync();
            int active = 0;
            for (const QJsonObject &pod : pods.objects())
                active += isPodTerminal(pod) ? 0 : 1;
            seenActive = std::max(seenActive, active);
            for (const QJsonObject &pod : pods.objects()) {
                if (!isPodTerminal(pod))
                    QVERIFY(setPodPhase(store, pod,
                                        podsSucceed ? QStringLiteral("Succeeded")
                                                    : QStringLiteral("Failed")));
            }
        }
        const QJsonObject done = reread(store, jobsType(), job);
        const QJsonObject status = done.value(u"status").toObject();
        QCOMPARE(conditionOf(done, condition).value(u"status").toString(), QStringLiteral("True"));
        QTEST(status.value(u"succeeded").toInt(), "succeeded");
        QTEST(status.value(u"failed").toInt(), "failed");
        QCOMPARE(seenActive, maxActive);
        QCOMPARE(status.value(u"active").toInt(), 0);
        QVERIFY(!status.value(u"startTime").toString().isEmpty());
        QCOMPARE(status.contains(u"completionTime"), condition == u"Complete");
        if (condition == u"Failed")
            QCOMPARE(conditionOf(done, condition).value(u"reason").toString(),
                     QStringLiteral("BackoffLimitExceeded"));
        for (const QJsonObject &pod : pods.objects()) {
            const QJsonObject labels =
                pod.value(u"metadata").toObject().value(u"labels").toObject();
            QCOMPARE(labels.value(u"batch.kubernetes.io/job-name").toString(),
                     QStringLiteral("pi"));
            QCOMPARE(labels.value(u"controller-uid").toString(), uidOf(job));
            QVERIFY(nameOf(pod).startsWith(u"pi-"));
        }
    }
};

QTEST_GUILESS_MAIN(tst_JobController)
#include "tst_jobcontroller.moc"
