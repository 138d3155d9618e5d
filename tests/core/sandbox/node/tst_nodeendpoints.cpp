#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "core/sandbox/node/podlogs.h"
#include "core/sandbox/store/objectstore.h"
#include "tests/core/sandbox/apiserver/routertesthelpers.h"
#include "tests/core/sandbox/transport/fakehttpstreams.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace routertest;

// What the router hands on to the node endpoints: metrics.k8s.io discovery and answers, pod logs
// plain and followed, with streams opened on in-memory fakes.
class tst_NodeEndpoints : public QObject
{
    Q_OBJECT

private:
    const ResourceType &m_pods = podsType();

private slots:
    void metricsDiscovery()
    {
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        QStringList groups;
        for (const QJsonValue &g : body(router.handle(get("/apis"))).value(u"groups").toArray())
            groups.append(g.toObject().value(u"name").toString());
        QVERIFY(groups.contains(QStringLiteral("metrics.k8s.io")));
        const QJsonObject list = body(router.handle(get("/apis/metrics.k8s.io/v1beta1")));
        QStringList resources;
        for (const QJsonValue &r : list.value(u"resources").toArray())
            resources.append(r.toObject().value(u"name").toString() + u'/' +
                             r.toObject().value(u"kind").toString());
        QCOMPARE(resources, (QStringList{QStringLiteral("pods/PodMetrics"),
                                         QStringLiteral("nodes/NodeMetrics")}));
        const HttpReply nodes = router.handle(get("/apis/metrics.k8s.io/v1beta1/nodes"));
        QCOMPARE(nodes.response().status, 200);
        QCOMPARE(body(nodes).value(u"items").toArray().size(), 4);
    }

    void logs()
    {
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        store.create(
            m_pods, QStringLiteral("default"),
            runningPod(QStringLiteral("p1"), {{PodLogs::rateAnnotation(), QStringLiteral("2")}}));
        ApiRouter router(store, QStringLiteral("127.0.0.1"), withNodeEndpoints());
        const HttpReply plain =
            router.handle(get("/api/v1/namespaces/default/pods/p1/log?tailLines=3"));
        QCOMPARE(plain.response().status, 200);
        QCOMPARE(plain.response().body.count('\n'), 3);
        const HttpReply missing = router.handle(get("/api/v1/namespaces/default/pods/nope/log"));
        QCOMPARE(missing.response().status, 404);
        QCOMPARE(body(missing).value(u"message").toString(),
                 QStringLiteral("pods \"nope\" not found"));

        // follow: the backlog, then new lines as time passes, then the end when the pod goes.
        const HttpReply follow =
            router.handle(get("/api/v1/namespaces/default/pods/p1/log?follow=true&tailLines=1"));
        QCOMPARE(follow.kind(), HttpReply::Kind::Stream);
        const auto stream = openStream(follow);
        QTRY_VERIFY(stream->data().count('\n') >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(stream->data().count('\n') >= 3, 3000);
        QVERIFY(stream->isOpen());
        store.remove(m_pods, QStringLiteral("default"), QStringLiteral("p1"));
        QTRY_VERIFY(stream->endedCleanly());
    }
};

QTEST_GUILESS_MAIN(tst_NodeEndpoints)
#include "tst_nodeendpoints.moc"
