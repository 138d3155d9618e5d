// ObjectCache on its own: its indexes follow every upsert, modification and removal, in both
// storages, whether or not a modification changes what an object is indexed under (a
// modification that keeps the index values skips the indexes), and whether a removal is given
// the object's last state or not.
#include "core/kube/objectcache.h"

#include <QJsonArray>
#include <QTest>

using core::kube::ObjectCache;

Q_DECLARE_METATYPE(ObjectCache::Storage)

namespace {

QJsonObject pod(const QString &uid, const QString &ns, const QString &node, const QString &app,
                int version, const QString &owner = u"rs-1"_qs)
{
    return {{u"metadata"_qs,
             QJsonObject{{u"uid"_qs, uid},
                         {u"name"_qs, uid},
                         {u"namespace"_qs, ns},
                         {u"resourceVersion"_qs, QString::number(version)},
                         {u"labels"_qs, QJsonObject{{u"app"_qs, app}}},
                         {u"ownerReferences"_qs,
                          QJsonArray{QJsonObject{{u"uid"_qs, owner}, {u"controller"_qs, true}}}}}},
            {u"spec"_qs, QJsonObject{{u"nodeName"_qs, node}}},
            {u"status"_qs, QJsonObject{{u"phase"_qs, u"Running"_qs}, {u"v"_qs, version}}}};
}

QStringList uidsOf(const QList<QJsonObject> &objects)
{
    QStringList uids;
    for (const QJsonObject &o : objects)
        uids.append(o.value(u"metadata").toObject().value(u"uid").toString());
    uids.sort();
    return uids;
}

} // namespace

class tst_ObjectCache : public QObject
{
    Q_OBJECT

private slots:
    void indexesFollowChanges_data()
    {
        QTest::addColumn<ObjectCache::Storage>("storage");
        QTest::addColumn<bool>("precomputedBytes");
        QTest::newRow("objects") << ObjectCache::Storage::Objects << false;
        QTest::newRow("compact json") << ObjectCache::Storage::CompactJson << false;
        QTest::newRow("compact json, bytes from the decoder")
            << ObjectCache::Storage::CompactJson << true;
    }
    void indexesFollowChanges()
    {
        QFETCH(ObjectCache::Storage, storage);
        QFETCH(bool, precomputedBytes);
        ObjectCache cache(ObjectCache::allIndexes(), storage);
        const auto upsert = [&](const QJsonObject &o) {
            return cache.upsert(o, precomputedBytes ? ObjectCache::encode(o) : QByteArray());
        };
        QCOMPARE(upsert(pod(u"a"_qs, u"ns1"_qs, u"n1"_qs, u"web"_qs, 1)), ObjectCache::Change::Added);
        QCOMPARE(upsert(pod(u"b"_qs, u"ns1"_qs, u"n2"_qs, u"web"_qs, 2)), ObjectCache::Change::Added);
        QCOMPARE(upsert(pod(u"c"_qs, u"ns2"_qs, u"n1"_qs, u"db"_qs, 3)), ObjectCache::Change::Added);
        // Same resourceVersion: nothing.
        QCOMPARE(upsert(pod(u"a"_qs, u"ns1"_qs, u"n1"_qs, u"web"_qs, 1)), ObjectCache::Change::None);
        // A status change keeps every index value; the object is the new one.
        QCOMPARE(upsert(pod(u"a"_qs, u"ns1"_qs, u"n1"_qs, u"web"_qs, 4)),
                 ObjectCache::Change::Modified);
        QCOMPARE(cache.object(u"a"_qs), pod(u"a"_qs, u"ns1"_qs, u"n1"_qs, u"web"_qs, 4));
        QCOMPARE(uidsOf(cache.byIndex(ObjectCache::Index::Label, u"app=web"_qs)),
                 (QStringList{u"a"_qs, u"b"_qs}));
        // A label, node and owner change move the object in those indexes.
        QCOMPARE(upsert(pod(u"b"_qs, u"ns1"_qs, u"n1"_qs, u"db"_qs, 5, u"rs-2"_qs)),
                 ObjectCache::Change::Modified);
        QCOMPARE(uidsOf(cache.byIndex(ObjectCache::Index::Label, u"app=web"_qs)),
                 QStringList{u"a"_qs});
        QCOMPARE(uidsOf(cache.byIndex(ObjectCache::Index::Label, u"app=db"_qs)),
                 (QStringList{u"b"_qs, u"c"_qs}));
        QCOMPARE(uidsOf(cache.byIndex(ObjectCache::Index::Node, u"n1"_qs)),
                 (QStringList{u"a"_qs, u"b"_qs, u"c"_qs}));
        QVERIFY(cache.byIndex(ObjectCache::Index::Node, u"n2"_qs).isEmpty());
        QVERIFY(!cache.indexKeys(ObjectCache::Index::Node).contains(u"n2"_qs));
        QCOMPARE(uidsOf(cache.byIndex(ObjectCache::Index::Owner, u"rs-2"_qs)), QStringList{u"b"_qs});
        // Erased with its last state as a watch brings it: same index values.
        QVERIFY(cache.erase(pod(u"a"_qs, u"ns1"_qs, u"n1"_qs, u"web"_qs, 6)));
        QVERIFY(!cache.contains(u"a"_qs));
        QVERIFY(cache.byIndex(ObjectCache::Index::Label, u"app=web"_qs).isEmpty());
        QVERIFY(!cache.indexKeys(ObjectCache::Index::Label).contains(u"app=web"_qs));
        // Erased with a state whose index values differ from the held one's: the held one's
        // values leave the indexes.
        QVERIFY(cache.erase(pod(u"b"_qs, u"ns9"_qs, u"n9"_qs, u"other"_qs, 7, u"rs-9"_qs)));
        QCOMPARE(uidsOf(cache.byIndex(ObjectCache::Index::Label, u"app=db"_qs)), QStringList{u"c"_qs});
        QCOMPARE(cache.indexKeys(ObjectCache::Index::Namespace), QStringList{u"ns2"_qs});
        QVERIFY(!cache.indexKeys(ObjectCache::Index::Owner).contains(u"rs-2"_qs));
        QVERIFY(!cache.erase(pod(u"b"_qs, u"ns1"_qs, u"n1"_qs, u"db"_qs, 8)));
        // removeUid hands back the held object.
        const auto held = cache.removeUid(u"c"_qs);
        QVERIFY(held);
        QCOMPARE(*held, pod(u"c"_qs, u"ns2"_qs, u"n1"_qs, u"db"_qs, 3));
        QCOMPARE(cache.size(), 0);
        for (const ObjectCache::Index index : ObjectCache::allIndexes())
            QVERIFY(cache.indexKeys(index).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ObjectCache)
#include "tst_objectcache.moc"
