#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>
#include <QtTest>

using namespace core::sandbox;

namespace {

QJsonObject pod(const QString &name, const QString &node, const QString &ownerUid = QString())
{
    QJsonObject meta{{QStringLiteral("name"), name}};
    if (!ownerUid.isEmpty()) {
        meta.insert(QStringLiteral("ownerReferences"),
                    QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                           {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                           {QStringLiteral("name"), QStringLiteral("rs")},
                                           {QStringLiteral("uid"), ownerUid},
                                           {QStringLiteral("controller"), true}}});
    }
    QJsonObject spec{{QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                             {QStringLiteral("image"), QStringLiteral("nginx")}}}}};
    if (!node.isEmpty())
        spec.insert(QStringLiteral("nodeName"), node);
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("spec"), spec}};
}

QString podName(int i)
{
    return QStringLiteral("pod-%1").arg(i, 5, 10, QChar(u'0'));
}

} // namespace

class tst_ObjectIndex : public QObject
{
    Q_OBJECT

private slots:
    void firstSyncListsEveryObject_data();
    void firstSyncListsEveryObject();
    void changesAfterTheListArriveOnce();
    void ownerAndNodeIndexesFollowChanges();
    void relistsAfterAnOverflow();
};

// The first sync reads the store in pages of 500; counts around the page size must all arrive.
void tst_ObjectIndex::firstSyncListsEveryObject_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("one page") << 500;
    QTest::newRow("one more than a page") << 501;
    QTest::newRow("several pages") << 1234;
}

void tst_ObjectIndex::firstSyncListsEveryObject()
{
    QFETCH(int, count);
    ObjectStore store;
    for (int i = 0; i < count; ++i)
        QVERIFY(store.create(podsType(), QStringLiteral("default"), pod(podName(i), QString())));
    ObjectIndex index(store, podsType());
    const QList<ObjectIndex::Change> changes = index.sync();
    QCOMPARE(changes.size(), count);
    QSet<QString> names;
    for (const ObjectIndex::Change &change : changes) {
        QCOMPARE(change.type, StoreEvent::Type::Added);
        names.insert(nameOf(change.object));
    }
    QCOMPARE(names.size(), count);
    QCOMPARE(index.size(), count);
    if (count > 0) {
        const QString last = QString(u"default/" + podName(count - 1));
        QCOMPARE(nameOf(index.get(last)), podName(count - 1));
        QVERIFY(!metadataString(index.get(last), u"uid").isEmpty());
    }
    QVERIFY(index.sync().isEmpty());
}

void tst_ObjectIndex::changesAfterTheListArriveOnce()
{
    ObjectStore store;
    QVERIFY(store.create(podsType(), QStringLiteral("default"), pod(QStringLiteral("a"), {})));
    ObjectIndex index(store, podsType());
    QCOMPARE(index.sync().size(), 1);
    QVERIFY(store.create(podsType(), QStringLiteral("default"), pod(QStringLiteral("b"), {})));
    QVERIFY(store.remove(podsType(), QStringLiteral("default"), QStringLiteral("a")));
    const QList<ObjectIndex::Change> changes = index.sync();
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).type, StoreEvent::Type::Added);
    QCOMPARE(nameOf(changes.at(0).object), QStringLiteral("b"));
    QCOMPARE(changes.at(1).type, StoreEvent::Type::Deleted);
    QCOMPARE(nameOf(changes.at(1).object), QStringLiteral("a"));
    QVERIFY(!index.contains(QStringLiteral("default/a")));
    QVERIFY(index.contains(QStringLiteral("default/b")));
    QVERIFY(index.get(QStringLiteral("default/a")).isEmpty());
}

void tst_ObjectIndex::ownerAndNodeIndexesFollowChanges()
{
    ObjectStore store;
    const QString ns = QStringLiteral("default");
    QVERIFY(store.create(podsType(), ns, pod(QStringLiteral("a"), QStringLiteral("n1"), u"o1"_qs)));
    QVERIFY(store.create(podsType(), ns, pod(QStringLiteral("b"), QStringLiteral("n1"), u"o1"_qs)));
    QVERIFY(store.create(podsType(), ns, pod(QStringLiteral("c"), QStringLiteral("n2"))));
    ObjectIndex index(store, podsType());
    index.sync();
    QCOMPARE(index.byOwner(QStringLiteral("o1")).size(), 2);
    QCOMPARE(index.byNode(QStringLiteral("n1")).size(), 2);
    QCOMPARE(index.byNode(QStringLiteral("n2")).size(), 1);
    QCOMPARE(nameOf(index.byNode(QStringLiteral("n2")).constFirst()), QStringLiteral("c"));

    // Moving "b" to n2 and deleting "a" leaves n1 and o1 with nothing but "b"'s owner entry.
    auto b = store.get(podsType(), ns, QStringLiteral("b"));
    QVERIFY(b);
    QJsonObject moved = *b;
    QJsonObject spec = moved.value(u"spec").toObject();
    spec.insert(QStringLiteral("nodeName"), QStringLiteral("n2"));
    moved.insert(QStringLiteral("spec"), spec);
    QVERIFY(store.update(podsType(), ns, QStringLiteral("b"), moved));
    QVERIFY(store.remove(podsType(), ns, QStringLiteral("a")));
    index.sync();
    QVERIFY(index.byNode(QStringLiteral("n1")).isEmpty());
    QCOMPARE(index.byNode(QStringLiteral("n2")).size(), 2);
    QCOMPARE(index.byOwner(QStringLiteral("o1")).size(), 1);
    QCOMPARE(nameOf(index.byOwner(QStringLiteral("o1")).constFirst()), QStringLiteral("b"));
    QCOMPARE(index.objects().size(), 2);
}

// A watch stopped for its queue limit has dropped events: the index relists, and what was deleted
// meanwhile is gone.
void tst_ObjectIndex::relistsAfterAnOverflow()
{
    ObjectStore store(StoreOptions{100, 1});
    const QString ns = QStringLiteral("default");
    QVERIFY(store.create(podsType(), ns, pod(QStringLiteral("a"), {})));
    ObjectIndex index(store, podsType());
    QCOMPARE(index.sync().size(), 1);
    for (const QString &name : {u"b"_qs, u"c"_qs, u"d"_qs})
        QVERIFY(store.create(podsType(), ns, pod(name, {})));
    QVERIFY(store.remove(podsType(), ns, QStringLiteral("a")));
    index.sync(); // finds the watch stopped
    const QList<ObjectIndex::Change> changes = index.sync();
    QCOMPARE(changes.size(), 3);
    QCOMPARE(index.size(), 3);
    QVERIFY(!index.contains(QStringLiteral("default/a")));
    for (const QString &key : {u"default/b"_qs, u"default/c"_qs, u"default/d"_qs})
        QVERIFY(index.contains(key));
}

QTEST_GUILESS_MAIN(tst_ObjectIndex)
#include "tst_objectindex.moc"
