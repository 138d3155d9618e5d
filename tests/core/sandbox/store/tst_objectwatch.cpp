#include "core/sandbox/store/objectstore.h"

#include "core/kube/selectorparser.h"

#include "objectstoretesthelpers.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace core;
using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace objectstoretest;

// Expected statuses, messages and semantics follow the Kubernetes API server
// (k8s.io/apimachinery/pkg/api/errors, apiserver registry/generic and storage/etcd3, the watch
// cache's selector handling) as kubectl sees them.
class tst_ObjectWatch : public QObject
{
    Q_OBJECT

private slots:
    void watchFromResourceVersion();
    void watchInitialState_data();
    void watchInitialState();
    void watchExpired();
    void watchSelectors_data();
    void watchSelectors();
    void replayBytes_data();
    void replayBytes();
    void watchBookmark();
    void watchNotifierFromOtherThread();
    void watchQueueLimit();
    void concurrentWriters();
    void updateByChange();
};

void tst_ObjectWatch::watchFromResourceVersion()
{
    ObjectStore store;
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"a"_s)).ok());
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"b"_s)).ok());
    QVERIFY(store.create(kConfigMaps, u"ns"_s, json("{'metadata':{'name':'cfg'}}")).ok());
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"c"_s)).ok());
    const auto watch = store.watch(kPods, {QString(), {}, {}, u"1"_s, false});
    QVERIFY(watch.ok());
    QCOMPARE(describe((*watch)->takeEvents()), u"ADDED b@2 ADDED c@4"_s);
    QCOMPARE((*watch)->resourceVersion(), u"4"_s);

    QVERIFY(store
                .patch(kPods, u"ns"_s, u"a"_s, PatchType::MergePatch,
                       R"({"status":{"phase":"Running"}})")
                .ok());
    QVERIFY(store.remove(kPods, u"ns"_s, u"b"_s).ok());
    QCOMPARE(describe((*watch)->takeEvents()), u"MODIFIED a@5 DELETED b@6"_s);

    const auto current = store.watch(kPods, {QString(), {}, {}, u"6"_s, false});
    QVERIFY(current.ok());
    QCOMPARE(describe((*current)->takeEvents()), QString());
    (*watch)->stop();
    QVERIFY((*watch)->isStopped());
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"d"_s)).ok());
    QCOMPARE(describe((*watch)->takeEvents()), QString());
    QCOMPARE(describe((*current)->takeEvents()), u"ADDED d@7"_s);
}

void tst_ObjectWatch::watchInitialState_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("0") << u"0"_s;
    QTest::newRow("empty") << QString();
}

void tst_ObjectWatch::watchInitialState()
{
    QFETCH(QString, version);
    ObjectStore store;
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"b"_s)).ok());
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"a"_s)).ok());
    QVERIFY(store.create(kPods, u"other"_s, pod(u"c"_s)).ok());
    QVERIFY(store.update(kPods, u"ns"_s, u"b"_s, pod(u"b"_s, u"x=y"_s)).ok());
    const auto watch = store.watch(kPods, {u"ns"_s, {}, {}, version, false});
    QVERIFY(watch.ok());
    QCOMPARE(describe((*watch)->takeEvents()), u"ADDED a@2 ADDED b@4"_s);
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"e"_s)).ok());
    QCOMPARE(describe((*watch)->takeEvents()), u"ADDED e@5"_s);
}

void tst_ObjectWatch::watchExpired()
{
    ObjectStore store(StoreOptions{3, 0});
    for (int i = 1; i <= 6; ++i)
        QVERIFY(store.create(kPods, u"ns"_s, pod(u"p%1"_s.arg(i))).ok());
    const auto tooOld = store.watch(kPods, {QString(), {}, {}, u"1"_s, false});
    QVERIFY(!tooOld.ok());
    const QJsonObject status = tooOld.error().toStatus();
    QCOMPARE(status.value(u"code").toInt(), 410);
    QCOMPARE(status.value(u"reason").toString(), u"Expired"_s);
    QCOMPARE(status.value(u"message").toString(), u"too old resource version: 1 (3)"_s);

    const auto oldest = store.watch(kPods, {QString(), {}, {}, u"3"_s, false});
    QVERIFY(oldest.ok());
    QCOMPARE(describe((*oldest)->takeEvents()), u"ADDED p4@4 ADDED p5@5 ADDED p6@6"_s);

    const auto invalid = store.watch(kPods, {QString(), {}, {}, u"abc"_s, false});
    QCOMPARE(invalid.error().code, 400);

    store.compact();
    QCOMPARE(store.watch(kPods, {QString(), {}, {}, u"5"_s, false}).error().code, 410);
    QVERIFY(store.watch(kPods, {QString(), {}, {}, u"6"_s, false}).ok());
}

void tst_ObjectWatch::watchSelectors_data()
{
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QString>("expected");

    // Steps: create x with app=db (2)... see watchSelectors().
    QTest::newRow("no selector") << QString() << QString()
                                 << u"ADDED x@1 MODIFIED x@2 MODIFIED x@3 MODIFIED x@4 "
                                    "MODIFIED x@5 DELETED x@6"_s;
    QTest::newRow("label becomes true, then false")
        << u"app=web"_s << QString() << u"ADDED x@2 MODIFIED x@3 DELETED x@4"_s;
    QTest::newRow("notin") << u"app notin (web)"_s << QString()
                           << u"ADDED x@1 DELETED x@2 ADDED x@4 MODIFIED x@5 DELETED x@6"_s;
    QTest::newRow("field") << QString() << u"status.phase=Running"_s
                           << u"ADDED x@3 MODIFIED x@4 DELETED x@5"_s;
    QTest::newRow("both") << u"app=web"_s << u"status.phase=Running"_s
                          << u"ADDED x@3 DELETED x@4"_s;
}

// x: created app=db (1), relabelled app=web (2), Running (3), relabelled app=db (4),
// Succeeded (5), deleted (6). A DELETED for a selector change carries the new resourceVersion.
void tst_ObjectWatch::watchSelectors()
{
    QFETCH(QString, labels);
    QFETCH(QString, fields);
    QFETCH(QString, expected);
    ObjectStore store;
    WatchOptions options;
    options.labelSelector = *kube::parseLabelSelector(labels);
    options.fieldSelector = *kube::parseFieldSelector(fields);
    const auto watch = store.watch(kPods, options);
    QVERIFY(watch.ok());
    const PatchType merge = PatchType::MergePatch;
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"x"_s, u"app=db"_s)).ok());
    QVERIFY(store.patch(kPods, u"ns"_s, u"x"_s, merge, R"({"metadata":{"labels":{"app":"web"}}})")
                .ok());
    QVERIFY(store.patch(kPods, u"ns"_s, u"x"_s, merge, R"({"status":{"phase":"Running"}})").ok());
    QVERIFY(
        store.patch(kPods, u"ns"_s, u"x"_s, merge, R"({"metadata":{"labels":{"app":"db"}}})").ok());
    QVERIFY(store.patch(kPods, u"ns"_s, u"x"_s, merge, R"({"status":{"phase":"Succeeded"}})").ok());
    QVERIFY(store.remove(kPods, u"ns"_s, u"x"_s).ok());
    QCOMPARE(describe((*watch)->takeEvents()), expected);
}

void tst_ObjectWatch::replayBytes_data()
{
    QTest::addColumn<QString>("nameSpace");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<bool>("unparsed"); // events carry bytes only

    QTest::newRow("all objects: bytes only") << QString() << QString() << QString() << true;
    QTest::newRow("namespace: parsed") << u"ns"_s << QString() << QString() << false;
    QTest::newRow("labels: parsed") << QString() << u"app=web"_s << QString() << false;
    QTest::newRow("fields: parsed") << QString() << QString() << u"status.phase=Running"_s
                                    << false;
}

// A resuming watch whose consumer needs only bytes (WatchOptions::bytesSuffice) gets the same
// events, with the same bytes, as one that parses the history; only a watch matching every
// object skips the parse.
void tst_ObjectWatch::replayBytes()
{
    QFETCH(QString, nameSpace);
    QFETCH(QString, labels);
    QFETCH(QString, fields);
    QFETCH(bool, unparsed);
    ObjectStore store;
    const PatchType merge = PatchType::MergePatch;
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"first"_s)).ok()); // 1: before the resume
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"x"_s, u"app=db"_s)).ok());
    QVERIFY(store.create(kPods, u"other"_s, pod(u"y"_s, u"app=web"_s)).ok());
    QVERIFY(store.create(kConfigMaps, u"ns"_s, json("{'metadata':{'name':'cfg'}}")).ok());
    QVERIFY(store.patch(kPods, u"ns"_s, u"x"_s, merge, R"({"metadata":{"labels":{"app":"web"}}})")
                .ok());
    QVERIFY(store.patch(kPods, u"ns"_s, u"x"_s, merge, R"({"status":{"phase":"Running"}})").ok());
    QVERIFY(
        store.patch(kPods, u"ns"_s, u"x"_s, merge, R"({"metadata":{"labels":{"app":"db"}}})").ok());
    QVERIFY(store.remove(kPods, u"ns"_s, u"x"_s).ok());
    QVERIFY(store.remove(kPods, u"other"_s, u"y"_s).ok());

    WatchOptions options;
    options.namespaceName = nameSpace;
    options.labelSelector = *kube::parseLabelSelector(labels);
    options.fieldSelector = *kube::parseFieldSelector(fields);
    options.resourceVersion = u"1"_s;
    const auto parsedWatch = store.watch(kPods, options);
    options.bytesSuffice = true;
    const auto bytesWatch = store.watch(kPods, options);
    QVERIFY(parsedWatch.ok() && bytesWatch.ok());
    const QList<StoreEvent> parsed = (*parsedWatch)->takeEvents();
    const QList<StoreEvent> bytes = (*bytesWatch)->takeEvents();
    QVERIFY(!parsed.isEmpty());
    QCOMPARE(bytes.size(), parsed.size());
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        QCOMPARE(bytes.at(i).type, parsed.at(i).type);
        const QByteArray expected =
            parsed.at(i).json.isEmpty()
                ? QJsonDocument(parsed.at(i).object).toJson(QJsonDocument::Compact)
                : parsed.at(i).json;
        const QByteArray got = bytes.at(i).json.isEmpty()
                                   ? QJsonDocument(bytes.at(i).object).toJson(QJsonDocument::Compact)
                                   : bytes.at(i).json;
        QCOMPARE(got, expected);
        QCOMPARE(bytes.at(i).object.isEmpty(), unparsed);
    }
    // Live changes after the resume are offered parsed either way.
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"z"_s, u"app=web"_s)).ok());
    QCOMPARE(describe((*bytesWatch)->takeEvents()), describe((*parsedWatch)->takeEvents()));
}

void tst_ObjectWatch::watchBookmark()
{
    ObjectStore store;
    const auto plain = store.watch(kPods, {});
    const auto bookmarks = store.watch(kPods, {QString(), {}, {}, QString(), true});
    QVERIFY(plain.ok() && bookmarks.ok());
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"a"_s)).ok());
    QVERIFY(store.create(kConfigMaps, u"ns"_s, json("{'metadata':{'name':'c'}}")).ok());
    (*plain)->requestBookmark();
    (*bookmarks)->requestBookmark();
    QCOMPARE(describe((*plain)->takeEvents()), u"ADDED a@1"_s);
    const QList<StoreEvent> events = (*bookmarks)->takeEvents();
    QCOMPARE(describe(events), u"ADDED a@1 BOOKMARK @2"_s);
    const QJsonObject bookmark = events.last().toJson();
    QCOMPARE(bookmark.value(u"type").toString(), u"BOOKMARK"_s);
    QCOMPARE(valueAt(bookmark, u"object.kind"_s).toString(), u"Pod"_s);
    QCOMPARE(valueAt(bookmark, u"object.apiVersion"_s).toString(), u"v1"_s);
}

void tst_ObjectWatch::watchNotifierFromOtherThread()
{
    ObjectStore store;
    const auto watch = store.watch(kPods, {});
    QVERIFY(watch.ok());
    QSemaphore notified;
    std::atomic<bool> onWriterThread = false;
    std::atomic<bool> created = false;
    QThread *writer =
        QThread::create([&] { created = store.create(kPods, u"ns"_s, pod(u"a"_s)).ok(); });
    (*watch)->setNotifier([&] {
        onWriterThread = QThread::currentThread() == writer;
        notified.release();
    });
    writer->start();
    QVERIFY(notified.tryAcquire(1, 5000));
    QVERIFY(onWriterThread);
    QVERIFY((*watch)->waitForEvents(5000));
    QCOMPARE(describe((*watch)->takeEvents()), u"ADDED a@1"_s);
    QVERIFY(writer->wait(5000));
    delete writer;
    QVERIFY(created);
    QVERIFY(!(*watch)->waitForEvents(10)); // nothing more: times out
    (*watch)->stop();
    QVERIFY((*watch)->waitForEvents(10)); // a stopped watch does not block
    // The notifier refers to this function's locals: the store stops its watches again when it
    // is destroyed, after they are gone (clang's ASan saw the read of `writer`).
    (*watch)->setNotifier({});
}

void tst_ObjectWatch::watchQueueLimit()
{
    auto store = std::make_unique<ObjectStore>(StoreOptions{100, 2});
    const auto slow = store->watch(kPods, {});
    QVERIFY(slow.ok());
    for (int i = 0; i < 3; ++i)
        QVERIFY(store->create(kPods, u"ns"_s, pod(u"p%1"_s.arg(i))).ok());
    QVERIFY((*slow)->isStopped());
    QVERIFY((*slow)->takeEvents().isEmpty());
    const auto fresh = store->watch(kPods, {QString(), {}, {}, u"3"_s, false});
    QVERIFY(fresh.ok());
    QVERIFY(!(*fresh)->isStopped());
    store.reset(); // the store going away ends its watches
    QVERIFY((*fresh)->isStopped());
}

void tst_ObjectWatch::concurrentWriters()
{
    ObjectStore store;
    const auto watch = store.watch(kPods, {});
    QVERIFY(watch.ok());
    constexpr int perThread = 300;
    const auto work = [&store](const QString &prefix) {
        for (int i = 0; i < perThread; ++i) {
            const QString name = prefix + QString::number(i);
            if (!store.create(kPods, u"ns"_s, pod(name)).ok())
                return;
            store.patch(kPods, u"ns"_s, name, PatchType::MergePatch,
                        R"({"status":{"phase":"Running"}})");
            store.list(kPods, ListOptions{u"ns"_s, {}, {}, 50, QString()});
        }
    };
    // std::thread, not QThread: its join is one ThreadSanitizer sees (scripts/tsan.sh).
    std::thread first(work, u"a"_s);
    std::thread second(work, u"b"_s);
    QList<StoreEvent> events;
    while (events.size() < 4 * perThread && (*watch)->waitForEvents(5000))
        events << (*watch)->takeEvents();
    first.join();
    second.join();
    QCOMPARE(events.size(), 4 * perThread);
    qint64 last = 0;
    for (const StoreEvent &event : std::as_const(events)) {
        const qint64 revision = rv(event.object).toLongLong();
        QVERIFY(revision > last);
        last = revision;
    }
    QCOMPARE(last, 4 * perThread);
    QCOMPARE(store.count(kPods), 2 * perThread);
    QCOMPARE(store.resourceVersion(), QString::number(4 * perThread));
}

// update(type, ns, name, change): one read-modify-write, one MODIFIED event with the changed
// object, nothing written when nothing changed, 404 for a missing object, the name kept.
void tst_ObjectWatch::updateByChange()
{
    ObjectStore store;
    QVERIFY(store.create(kPods, u"ns"_s, pod(u"p"_s)).ok());
    auto watch = store.watch(kPods, WatchOptions{{}, {}, {}, store.resourceVersion()});
    QVERIFY(watch.ok());
    const auto running = [](const QJsonObject &stored) {
        return setPath(stored, {u"status"_s, u"phase"_s}, u"Running"_s);
    };
    const auto updated = store.update(kPods, u"ns"_s, u"p"_s, running);
    QVERIFY(updated.ok());
    QCOMPARE(valueAt(*updated, u"status.phase"_s).toString(), u"Running"_s);
    QCOMPARE(rv(*updated), u"2"_s);
    QCOMPARE(*store.get(kPods, u"ns"_s, u"p"_s), *updated);
    QVERIFY(store.update(kPods, u"ns"_s, u"p"_s, running).ok()); // no change: no write
    QCOMPARE(store.resourceVersion(), u"2"_s);
    const QList<StoreEvent> events = (*watch)->takeEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().type, StoreEvent::Type::Modified);
    QCOMPARE(events.first().object, *updated);

    QCOMPARE(store.update(kPods, u"ns"_s, u"missing"_s, running).error().code, 404);
    const auto renamed = store.update(kPods, u"ns"_s, u"p"_s, [](const QJsonObject &stored) {
        return setPath(stored, {u"metadata"_s, u"name"_s}, u"q"_s);
    });
    QVERIFY(!renamed.ok());
    QCOMPARE(store.resourceVersion(), u"2"_s);
}

QTEST_GUILESS_MAIN(tst_ObjectWatch)
#include "tst_objectwatch.moc"
