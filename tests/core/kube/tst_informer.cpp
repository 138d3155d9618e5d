#include "apiresultwait.h"
#include "sandboxfixture.h"

#include "core/kube/apiclient.h"
#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace core::kube;
using namespace std::chrono_literals;

// Informer (Reflector + ObjectCache) against an in-process sandbox: with every fault the sandbox
// can inject, the cache must end equal to the server's list, as client-go's informers do.
class tst_Informer : public QObject
{
    Q_OBJECT

private:
    const core::sandbox::ResourceType podType{QString(), QStringLiteral("v1"),
                                              QStringLiteral("pods"), QStringLiteral("Pod")};

    static QJsonObject pod(const QString &ns, const QString &name, const QString &node,
                           const QString &app, const QString &ownerUid = {})
    {
        QJsonObject metadata{{QStringLiteral("name"), name},
                             {QStringLiteral("namespace"), ns},
                             {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), app}}}};
        if (!ownerUid.isEmpty())
            metadata.insert(
                QStringLiteral("ownerReferences"),
                QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                       {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                       {QStringLiteral("name"), QStringLiteral("rs")},
                                       {QStringLiteral("uid"), ownerUid}}});
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"), metadata},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("nodeName"), node},
                 {QStringLiteral("containers"),
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                         {QStringLiteral("image"), QStringLiteral("nginx")}}}}}}};
    }

    // uid -> resourceVersion of every pod the server holds.
    QHash<QString, QString> serverPods(SandboxFixture &sandbox) const
    {
        QHash<QString, QString> result;
        const auto list = sandbox.store().list(podType, {});
        for (const QJsonObject &o : list.value().items)
            result.insert(core::kube::uidOf(o), core::kube::resourceVersionOf(o));
        return result;
    }

    static QHash<QString, QString> cachedPods(const Informer &informer)
    {
        QHash<QString, QString> result;
        for (const QJsonObject &o : informer.cache().objects())
            result.insert(core::kube::uidOf(o), core::kube::resourceVersionOf(o));
        return result;
    }

    static InformerOptions options(ApiClient &client)
    {
        InformerOptions o;
        o.reflector.resource = apitest::mapping(client, QStringLiteral("pods"));
        o.reflector.pageSize = 50;
        o.reflector.initialBackoff = 20ms;
        o.reflector.maxBackoff = 500ms;
        return o;
    }

private slots:
    void initTestCase() { qRegisterMetaType<ChangeSet>(); }

    void everyFaultConverges()
    {
        core::sandbox::FaultOptions faults;
        faults.rate429 = 0.04;
        faults.rate500 = 0.08;
        faults.latencyMs = 5;
        faults.dropWatchEvery = 9;
        faults.goneEvery = 3;
        faults.seed = 7;
        SandboxFixture sandbox(faults);
        QVERIFY(sandbox.started());
        core::sandbox::preloadPods(sandbox.store(), 200);
        ApiClient client(sandbox.connection());
        Informer informer(&client, options(client));
        QList<ChangeSet> sets;
        connect(&informer, &Informer::changes, this,
                [&](const ChangeSet &set) { sets.append(set); });
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.hasSynced(), 15000);

        // The writer: creates, relabels and deletes pods while the watch is being cut.
        QSet<QString> deletedUids;
        int step = 0;
        QTimer writer;
        connect(&writer, &QTimer::timeout, this, [&] {
            const QString name = QStringLiteral("w-%1").arg(step);
            (void)sandbox.store().create(podType, QStringLiteral("default"),
                                         pod(QStringLiteral("default"), name,
                                             QStringLiteral("idc-node-1"), QStringLiteral("w")));
            if (step % 3 == 1)
                (void)sandbox.store().patch(podType, QStringLiteral("default"),
                                            QStringLiteral("w-%1").arg(step - 1),
                                            core::sandbox::PatchType::MergePatch,
                                            "{\"metadata\":{\"labels\":{\"app\":\"x\"}}}");
            if (step % 3 == 2) {
                const auto removed = sandbox.store().remove(podType, QStringLiteral("default"),
                                                            QStringLiteral("w-%1").arg(step - 2));
                if (removed)
                    deletedUids.insert(core::kube::uidOf(removed.value()));
            }
            if (++step == 150)
                writer.stop();
        });
        writer.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(!writer.isActive(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(cachedPods(informer), serverPods(sandbox), 20000);
        QTest::qWait(100);                               // the last batch
        QVERIFY(informer.reflector()->watchCount() > 1); // streams were cut and resumed
        QVERIFY(informer.reflector()->listCount() > 1);  // 410 Gone relisted

        QSet<QPair<QString, QString>> reported;
        QSet<QString> reportedAdded;
        QSet<QString> reportedDeleted;
        for (const ChangeSet &set : std::as_const(sets)) {
            for (const QJsonObject &o : set.added + set.modified) {
                const auto key = qMakePair(core::kube::uidOf(o), core::kube::resourceVersionOf(o));
                QVERIFY2(!reported.contains(key), qPrintable(key.first + u' ' + key.second));
                reported.insert(key);
            }
            for (const QJsonObject &o : set.added)
                reportedAdded.insert(core::kube::uidOf(o));
            for (const QJsonObject &o : set.deleted) {
                QVERIFY(!reportedDeleted.contains(core::kube::uidOf(o)));
                reportedDeleted.insert(core::kube::uidOf(o));
            }
        }
        // Every object the observer was told about and that is gone was reported deleted, and
        // nothing else was; a pod created and deleted entirely within a gap is never seen (as
        // with client-go).
        QSet<QString> gone = reportedAdded;
        for (const QString &uid : cachedPods(informer).keys())
            gone.remove(uid);
        QCOMPARE(reportedDeleted, gone);
        QVERIFY(deletedUids.contains(reportedDeleted));
        QVERIFY(!reportedDeleted.isEmpty());
        informer.stop();
    }

    // A busy cluster under the drop fault: a stream that brought events and broke is resumed at
    // once, as client-go's reflector resumes it, so the informer keeps up with a backlog. (It
    // used to wait a backoff after every drop and fell behind for good.)
    void backlogUnderDropsKeepsUp()
    {
        core::sandbox::FaultOptions faults;
        faults.dropWatchEvery = 40;
        SandboxFixture sandbox(faults);
        QVERIFY(sandbox.started());
        core::sandbox::preloadPods(sandbox.store(), 2000);
        ApiClient client(sandbox.connection());
        InformerOptions o = options(client);
        o.reflector.pageSize = 500;
        o.reflector.initialBackoff = 2s; // a backoff per drop would take a minute below
        o.reflector.maxBackoff = 2s;
        Informer informer(&client, o);
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.hasSynced(), 15000);
        for (int i = 0; i < 1200; ++i) // 30 streams' worth at once
            QVERIFY(sandbox.store().create(podType, QStringLiteral("default"),
                                           pod(QStringLiteral("default"),
                                               QStringLiteral("b-%1").arg(i),
                                               QStringLiteral("idc-node-1"), QStringLiteral("b"))));
        QTRY_COMPARE_WITH_TIMEOUT(cachedPods(informer), serverPods(sandbox), 10000);
        // 1200 events at most 40 per stream need at least 30 streams. The cache can be complete
        // before the client has seen the last stream's cut (the 40th event arrives before the
        // reset), so the resume of that cut is awaited, and well inside the 2 s backoff: a
        // stream that brought events is resumed at once.
        QVERIFY(informer.reflector()->watchCount() >= 30);
        QTRY_VERIFY_WITH_TIMEOUT(informer.reflector()->watchCount() > 30, 1000);
        QCOMPARE(informer.reflector()->listCount(), 1); // caught up without relisting
        informer.stop();
    }

    // Several namespaces into one cache (a reflector per namespace, as client-go's
    // multi-namespace cache): the cache holds exactly the server's pods of those namespaces
    // through cut streams and 410 relists, and the relist of one namespace never sweeps the
    // objects of another out of the cache.
    void namespacesIntoOneCache()
    {
        core::sandbox::FaultOptions faults;
        faults.dropWatchEvery = 7;
        faults.goneEvery = 2;
        faults.seed = 3;
        SandboxFixture sandbox(faults);
        QVERIFY(sandbox.started());
        const QStringList watched = {QStringLiteral("payments"), QStringLiteral("kube-system")};
        const QStringList all = watched + QStringList{QStringLiteral("default")};
        for (int i = 0; i < 30; ++i)
            QVERIFY(sandbox.store().create(podType, all.at(i % 3),
                                           pod(all.at(i % 3), QStringLiteral("p-%1").arg(i),
                                               QStringLiteral("idc-node-1"), QStringLiteral("p"))));
        const auto inWatched = [&] {
            QHash<QString, QString> result;
            const auto list = sandbox.store().list(podType, {});
            for (const QJsonObject &o : list.value().items) {
                if (watched.contains(core::kube::namespaceOf(o)))
                    result.insert(core::kube::uidOf(o), core::kube::resourceVersionOf(o));
            }
            return result;
        };
        ApiClient client(sandbox.connection());
        InformerOptions o = options(client);
        o.namespaces = watched;
        Informer informer(&client, o);
        QCOMPARE(informer.namespaces(), watched);
        QList<ChangeSet> sets;
        connect(&informer, &Informer::changes, this,
                [&](const ChangeSet &set) { sets.append(set); });
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.hasSynced(), 15000);
        QCOMPARE(cachedPods(informer), inWatched());
        QCOMPARE(informer.cache().size(), 20);

        for (int i = 0; i < 90; ++i) {
            const QString ns = all.at(i % 3);
            QVERIFY(sandbox.store().create(podType, ns,
                                           pod(ns, QStringLiteral("n-%1").arg(i),
                                               QStringLiteral("idc-node-1"), QStringLiteral("n"))));
            if (i % 4 == 3)
                QVERIFY(sandbox.store().remove(podType, all.at((i - 3) % 3),
                                               QStringLiteral("n-%1").arg(i - 3)));
            QTest::qWait(5);
        }
        QTRY_COMPARE_WITH_TIMEOUT(cachedPods(informer), inWatched(), 20000);
        const QHash<QString, QString> onServer = inWatched();
        for (const ChangeSet &set : std::as_const(sets)) {
            for (const QJsonObject &o : set.added + set.modified + set.deleted)
                QVERIFY(watched.contains(core::kube::namespaceOf(o)));
            for (const QJsonObject &o : set.deleted) // never one that is still there
                QVERIFY2(!onServer.contains(core::kube::uidOf(o)),
                         qPrintable(core::kube::nameOf(o)));
        }
        informer.stop();
    }

    void batchesQuickEvents()
    {
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        Informer informer(&client, options(client));
        QSignalSpy spy(&informer, &Informer::changes);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        spy.clear();
        for (int i = 0; i < 200; ++i)
            (void)sandbox.store().create(podType, QStringLiteral("payments"),
                                         pod(QStringLiteral("payments"),
                                             QStringLiteral("b-%1").arg(i),
                                             QStringLiteral("idc-node-2"), QStringLiteral("b")));
        QTRY_COMPARE(informer.cache().size(), 200);
        QTest::qWait(120);
        qsizetype added = 0;
        for (const auto &args : std::as_const(spy))
            added += args.at(0).value<ChangeSet>().added.size();
        QCOMPARE(added, 200);
        QVERIFY2(spy.size() <= 10, qPrintable(QString::number(spy.size())));
    }

    // A burst after the first sync reaches the observers in slices of at most maxBatch objects,
    // each created pod once, in the order the server created them.
    void slicesABurst()
    {
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        InformerOptions o = options(client);
        o.maxBatch = 30;
        Informer informer(&client, o);
        QSignalSpy spy(&informer, &Informer::changes);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        spy.clear();
        for (int i = 0; i < 200; ++i)
            (void)sandbox.store().create(podType, QStringLiteral("payments"),
                                         pod(QStringLiteral("payments"),
                                             QStringLiteral("s-%1").arg(i, 3, 10, QLatin1Char('0')),
                                             QStringLiteral("idc-node-2"), QStringLiteral("s")));
        QTRY_COMPARE(informer.cache().size(), 200);
        QTest::qWait(150);
        QStringList names;
        for (const auto &args : std::as_const(spy)) {
            const ChangeSet set = args.at(0).value<ChangeSet>();
            QVERIFY2(set.size() <= 30, qPrintable(QString::number(set.size())));
            for (const QJsonObject &added : set.added)
                names.append(core::kube::nameOf(added));
        }
        QCOMPARE(names.size(), 200);
        QStringList sorted = names;
        sorted.sort();
        QCOMPARE(names, sorted);
    }

    void indexes_data()
    {
        QTest::addColumn<ObjectCache::Storage>("storage");
        QTest::newRow("objects") << ObjectCache::Storage::Objects;
        QTest::newRow("compact json") << ObjectCache::Storage::CompactJson;
    }

    // Both storages answer every read alike; a compact cache decodes what it hands out.
    void indexes()
    {
        QFETCH(ObjectCache::Storage, storage);
        SandboxFixture sandbox;
        const auto create = [&](const QString &ns, const QString &name, const QString &node,
                                const QString &app, const QString &owner) {
            (void)sandbox.store().create(podType, ns, pod(ns, name, node, app, owner));
        };
        create(QStringLiteral("default"), QStringLiteral("a"), QStringLiteral("n1"),
               QStringLiteral("web"), QStringLiteral("owner-1"));
        create(QStringLiteral("default"), QStringLiteral("b"), QStringLiteral("n2"),
               QStringLiteral("web"), QStringLiteral("owner-1"));
        create(QStringLiteral("payments"), QStringLiteral("c"), QStringLiteral("n1"),
               QStringLiteral("db"), QString());
        ApiClient client(sandbox.connection());
        InformerOptions o = options(client);
        o.storage = storage;
        Informer informer(&client, o);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        QCOMPARE(informer.cache().storage(), storage);
        const auto names = [](const QList<QJsonObject> &objects) {
            QStringList result;
            for (const QJsonObject &o : objects)
                result.append(o.value(u"metadata").toObject().value(u"name").toString());
            result.sort();
            return result;
        };
        const ObjectCache &cache = informer.cache();
        QCOMPARE(names(cache.byIndex(ObjectCache::Index::Namespace, QStringLiteral("default"))),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(names(cache.byIndex(ObjectCache::Index::Node, QStringLiteral("n1"))),
                 (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(names(cache.byIndex(ObjectCache::Index::Owner, QStringLiteral("owner-1"))),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(names(cache.byIndex(ObjectCache::Index::Label, QStringLiteral("app=db"))),
                 (QStringList{QStringLiteral("c")}));
        // A relabel moves the object between label index entries.
        (void)sandbox.store().patch(podType, QStringLiteral("payments"), QStringLiteral("c"),
                                    core::sandbox::PatchType::MergePatch,
                                    "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}");
        QTRY_COMPARE(names(cache.byIndex(ObjectCache::Index::Label, QStringLiteral("app=web"))),
                     (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(cache.byIndex(ObjectCache::Index::Label, QStringLiteral("app=db")).isEmpty());
        // The object read back is the one the watch brought.
        QJsonObject c;
        for (const QJsonObject &o : cache.byIndex(ObjectCache::Index::Label, QStringLiteral("app=web")))
            if (core::kube::nameOf(o) == u"c")
                c = o;
        QVERIFY(!c.isEmpty());
        QCOMPARE(cache.object(core::kube::uidOf(c)), c);
        QCOMPARE(cache.objects().size(), 3);
        // Deleting through the watch empties every index it was in.
        (void)sandbox.store().remove(podType, QStringLiteral("payments"), QStringLiteral("c"));
        QTRY_COMPARE(cache.size(), 2);
        QCOMPARE(names(cache.byIndex(ObjectCache::Index::Namespace, QStringLiteral("payments"))),
                 QStringList());
        QCOMPARE(names(cache.byIndex(ObjectCache::Index::Node, QStringLiteral("n1"))),
                 QStringList{QStringLiteral("a")});
    }

    // A cache keeps only the indexes asked for, and a transform shapes what it holds.
    void chosenIndexesAndTransform()
    {
        SandboxFixture sandbox;
        (void)sandbox.store().create(podType, QStringLiteral("default"),
                                     pod(QStringLiteral("default"), QStringLiteral("a"),
                                         QStringLiteral("n1"), QStringLiteral("web"),
                                         QStringLiteral("owner-1")));
        ApiClient client(sandbox.connection());
        InformerOptions o = options(client);
        o.indexes = {ObjectCache::Index::Node};
        o.transform = [](const QJsonObject &object) {
            QJsonObject kept{{QStringLiteral("metadata"), object.value(u"metadata")}};
            kept.insert(QStringLiteral("spec"),
                        QJsonObject{{QStringLiteral("nodeName"),
                                     object.value(u"spec").toObject().value(u"nodeName")}});
            return kept;
        };
        Informer informer(&client, o);
        QSignalSpy spy(&informer, &Informer::changes);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        const ObjectCache &cache = informer.cache();
        QCOMPARE(cache.byIndex(ObjectCache::Index::Node, QStringLiteral("n1")).size(), 1);
        QVERIFY(cache.byIndex(ObjectCache::Index::Namespace, QStringLiteral("default")).isEmpty());
        QVERIFY(cache.indexKeys(ObjectCache::Index::Label).isEmpty());
        const QJsonObject held = cache.objects().value(0);
        QCOMPARE(held.keys(), (QStringList{QStringLiteral("metadata"), QStringLiteral("spec")}));
        QVERIFY(!held.value(u"metadata").toObject().contains(u"managedFields"));
        // Watch events are transformed too.
        (void)sandbox.store().create(podType, QStringLiteral("default"),
                                     pod(QStringLiteral("default"), QStringLiteral("b"),
                                         QStringLiteral("n1"), QStringLiteral("web"), QString()));
        QTRY_COMPARE(cache.size(), 2);
        for (const QJsonObject &object : cache.objects())
            QVERIFY(!object.contains(u"status"));
        QVERIFY(!spy.isEmpty());
        for (const auto &args : std::as_const(spy))
            for (const QJsonObject &object : args.at(0).value<ChangeSet>().added)
                QVERIFY(!object.contains(u"status"));
    }

    // The first list reaches observers page by page, before synced().
    void firstListArrivesPageByPage()
    {
        SandboxFixture sandbox;
        core::sandbox::preloadPods(sandbox.store(), 120);
        ApiClient client(sandbox.connection());
        Informer informer(&client, options(client)); // pages of 50
        QSignalSpy spy(&informer, &Informer::changes);
        QList<int> sizesBeforeSync;
        connect(&informer, &Informer::changes, this, [&](const ChangeSet &changes) {
            if (!informer.hasSynced())
                sizesBeforeSync.append(int(changes.added.size()));
        });
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        QCOMPARE(sizesBeforeSync, (QList<int>{50, 50, 20}));
        QCOMPARE(informer.cache().size(), 120);
    }

    // A console watches a dozen resources at once. HTTP/1.1 gives one QNetworkAccessManager six
    // connections per host: twelve watches on it would leave six never opened and every list
    // queued behind them.
    void manyWatchesDoNotStarveRequests()
    {
        SandboxFixture sandbox;
        core::sandbox::preloadPods(sandbox.store(), 10);
        ApiClient client(sandbox.connection());
        QList<Informer *> informers;
        for (int i = 0; i < 12; ++i) {
            informers.append(new Informer(&client, options(client), this));
            informers.last()->start();
        }
        for (Informer *informer : std::as_const(informers))
            QTRY_VERIFY_WITH_TIMEOUT(informer->hasSynced(), 5000);
        // Every watch is open: a change reaches all twelve.
        (void)sandbox.store().create(podType, QStringLiteral("default"),
                                     pod(QStringLiteral("default"), QStringLiteral("late"),
                                         QStringLiteral("n1"), QStringLiteral("web"), QString()));
        for (Informer *informer : std::as_const(informers))
            QTRY_COMPARE_WITH_TIMEOUT(informer->cache().size(), 11, 5000);
        // And a plain request still goes through at once.
        apitest::Slot<QJsonObject> listed;
        client.list(apitest::mapping(client, QStringLiteral("pods")), {}, this,
                    apitest::into(listed));
        QVERIFY(apitest::waitFor(listed, 3000));
        QVERIFY2(*listed, qPrintable(apitest::message(*listed)));
        qDeleteAll(informers);
    }

    void relistReportsDeletionsFromGap()
    {
        SandboxFixture sandbox;
        core::sandbox::preloadPods(sandbox.store(), 30);
        ApiClient client(sandbox.connection());
        Informer informer(&client, options(client));
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        QTRY_COMPARE(informer.cache().size(), 30);
        informer.stop();
        QSignalSpy spy(&informer, &Informer::changes);
        const auto before = sandbox.store().list(podType, {}).value().items;
        const QJsonObject victim = before.at(0).value(u"metadata").toObject();
        (void)sandbox.store().remove(podType, victim.value(u"namespace").toString(),
                                     victim.value(u"name").toString());
        sandbox.store().compact();
        informer.start();
        QTRY_COMPARE(informer.cache().size(), 29);
        QTRY_VERIFY(!spy.isEmpty());
        const ChangeSet set = spy.first().at(0).value<ChangeSet>();
        QCOMPARE(set.deleted.size(), 1);
        QCOMPARE(core::kube::uidOf(set.deleted.first()), core::kube::uidOf(before.at(0)));
        QVERIFY(set.added.isEmpty());
        QVERIFY(set.modified.isEmpty());
    }

    void errorEvent410Relists()
    {
        SandboxFixture sandbox;
        core::sandbox::preloadPods(sandbox.store(), 40);
        sandbox.goneEventOnNextWatches(2);
        ApiClient client(sandbox.connection());
        Informer informer(&client, options(client));
        QSignalSpy spy(&informer, &Informer::changes);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        QTRY_VERIFY(informer.reflector()->listCount() >= 3); // first list + one per ERROR 410
        QTRY_COMPARE(cachedPods(informer), serverPods(sandbox));
        (void)sandbox.store().remove(podType, QStringLiteral("default"),
                                     sandbox.store()
                                         .list(podType, {})
                                         .value()
                                         .items.first()
                                         .value(u"metadata")
                                         .toObject()
                                         .value(u"name")
                                         .toString());
        QTRY_COMPARE(cachedPods(informer), serverPods(sandbox));
        QTest::qWait(100);
        // The first change set holds the 40 pods; the relists found nothing new to report.
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(0).at(0).value<ChangeSet>().added.size(), 40);
        QCOMPARE(spy.at(1).at(0).value<ChangeSet>().deleted.size(), 1);
    }

    void stripsBulkyFields()
    {
        const QJsonObject object{
            {QStringLiteral("metadata"),
             QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("a")},
                 {QStringLiteral("managedFields"), QJsonArray{QJsonObject{}}},
                 {QStringLiteral("annotations"),
                  QJsonObject{{QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"),
                               QStringLiteral("{}")},
                              {QStringLiteral("keep"), QStringLiteral("1")}}}}}};
        const QJsonObject metadata =
            Informer::stripBulkyFields(object).value(u"metadata").toObject();
        QVERIFY(!metadata.contains(u"managedFields"));
        QCOMPARE(metadata.value(u"annotations").toObject().keys(),
                 QStringList{QStringLiteral("keep")});
    }
};

QTEST_GUILESS_MAIN(tst_Informer)
#include "tst_informer.moc"
