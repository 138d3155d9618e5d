#include "tests/models/liveobjects.h"

#include "models/namespaceflavors.h"
#include "models/namespacemodel.h"
#include "models/rowfilter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::NamespaceModel;
using namespace liveobjects;

namespace {

QJsonObject ns(const QString &name, const QString &phase = u"Active"_s)
{
    return QJsonObject{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Namespace"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"uid"_s, QString(u"ns-"_s + name)}}},
        {u"status"_s, QJsonObject{{u"phase"_s, phase}}}};
}

QJsonObject flavoured(const QString &name, const QJsonValue &flavor)
{
    QJsonObject object = ns(name);
    QJsonObject meta = object.value(u"metadata").toObject();
    meta.insert(u"annotations"_s, QJsonObject{{u"namespace.kubernetes.io/flavor"_s, flavor}});
    object.insert(u"metadata"_s, meta);
    return object;
}

QString cellOf(const NamespaceModel &model, const QString &name, int column)
{
    const int row = model.rowOf(name);
    return row < 0 ? u"<missing>"_s : model.index(row, column).data().toString();
}

} // namespace

// The Namespaces pane's model: pods per namespace and on CCI from the pods cache, recounted for
// the namespaces a batch touches, never reset; and the namespace set that narrows other tables.
class tst_NamespaceModel : public QObject
{
    Q_OBJECT

private slots:
    void countsFollowPods()
    {
        NamespaceModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        PodCache pods;
        model.setPods(pods.pods());
        model.applyPods(pods.apply(added({pod(u"a"_s, u"p1"_s, u"vk"_s)})));
        model.applyNamespaces(added({ns(u"a"_s), ns(u"b"_s), ns(u"c"_s, u"Terminating"_s)}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cellOf(model, u"a"_s, NamespaceModel::Pods), u"1"_s);
        QCOMPARE(cellOf(model, u"a"_s, NamespaceModel::PodsCci), u"0"_s);
        QCOMPARE(cellOf(model, u"c"_s, NamespaceModel::Status), u"Terminating"_s);
        model.setVirtualNodes({u"vk"_s});
        QCOMPARE(cellOf(model, u"a"_s, NamespaceModel::PodsCci), u"1"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QList<QJsonObject> more;
        for (int i = 0; i < 50; ++i)
            more.append(pod(u"b"_s, u"q%1"_s.arg(i), i % 5 ? u"idc"_s : u"vk"_s));
        model.applyPods(pods.apply(added(more)));
        QCOMPARE(changed.size(), 1); // namespace b only
        QCOMPARE(cellOf(model, u"b"_s, NamespaceModel::Pods), u"50"_s);
        QCOMPARE(cellOf(model, u"b"_s, NamespaceModel::PodsCci), u"10"_s);
        model.applyPods(pods.apply(deleted(more.mid(0, 25))));
        QCOMPARE(cellOf(model, u"b"_s, NamespaceModel::Pods), u"25"_s);
        model.applyNamespaces(deleted({ns(u"c"_s)}));
        QCOMPARE(model.rowOf(u"c"_s), -1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(resets.size(), 0);
    }

    // The flavour annotation as the namespace carries it, in its own column.
    void flavorColumn()
    {
        NamespaceModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.applyNamespaces(added({flavoured(u"gpu"_s, u"gpu-accelerated"_s), ns(u"plain"_s)}));
        QCOMPARE(cellOf(model, u"gpu"_s, NamespaceModel::Flavor), u"gpu-accelerated"_s);
        QCOMPARE(cellOf(model, u"plain"_s, NamespaceModel::Flavor), u"not set"_s); // shown, and greyed
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        core::kube::ChangeSet modified;
        modified.modified = {flavoured(u"plain"_s, u"general-computing"_s)};
        model.applyNamespaces(modified);
        QCOMPARE(cellOf(model, u"plain"_s, NamespaceModel::Flavor), u"general-computing"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(resets.size(), 0);
        QVERIFY(!model.headerData(NamespaceModel::Flavor, Qt::Horizontal).toString().isEmpty());
    }

    // The live previews' flavours: known ones only, each batch changing only what it holds.
    void flavorsFollowNamespaces_data()
    {
        QTest::addColumn<QJsonValue>("first");
        QTest::addColumn<QJsonValue>("then");
        QTest::addColumn<int>("expected"); // the flavour after `then` (NamespaceFlavor)
        QTest::addColumn<int>("changes");  // changed() signals naming a, over both batches
        using F = core::burst::NamespaceFlavor;
        const QJsonValue unset(QJsonValue::Undefined);
        QTest::newRow("set, then changed") << QJsonValue(u"general-computing"_s)
                                           << QJsonValue(u"gpu-accelerated"_s)
                                           << int(F::GpuAccelerated) << 2;
        QTest::newRow("same flavour again") << QJsonValue(u"gpu-accelerated"_s)
                                            << QJsonValue(u"gpu-accelerated"_s)
                                            << int(F::GpuAccelerated) << 1;
        QTest::newRow("annotation removed") << QJsonValue(u"general-computing"_s) << unset
                                            << int(F::Unknown) << 2;
        QTest::newRow("unknown value is not judged") << unset << QJsonValue(u"GPU"_s)
                                                     << int(F::Unknown) << 0;
        QTest::newRow("not a string") << QJsonValue(u"general-computing"_s) << QJsonValue(3)
                                      << int(F::Unknown) << 2;
    }

    void flavorsFollowNamespaces()
    {
        QFETCH(QJsonValue, first);
        QFETCH(QJsonValue, then);
        QFETCH(int, expected);
        QFETCH(int, changes);
        models::NamespaceFlavors flavors;
        QSignalSpy changed(&flavors, &models::NamespaceFlavors::changed);
        const auto object = [](const QJsonValue &value) {
            return value.isUndefined() ? ns(u"a"_s) : flavoured(u"a"_s, value);
        };
        flavors.apply(added({object(first), flavoured(u"b"_s, u"gpu-accelerated"_s)}));
        core::kube::ChangeSet modified;
        modified.modified = {object(then)};
        flavors.apply(modified);
        QCOMPARE(int(flavors.flavor(u"a"_s)), expected);
        QCOMPARE(flavors.flavors().contains(u"a"_s), expected != 0);
        int naming = 0;
        for (const QList<QVariant> &signal : std::as_const(changed))
            naming += signal.first().value<QSet<QString>>().contains(u"a"_s) ? 1 : 0;
        QCOMPARE(naming, changes);
        flavors.apply(deleted({flavoured(u"b"_s, u"gpu-accelerated"_s)}));
        QCOMPARE(flavors.flavor(u"b"_s), core::burst::NamespaceFlavor::Unknown);
    }

    void namespaceSetNarrowsAProxy()
    {
        NamespaceModel model;
        model.applyNamespaces(added({ns(u"one"_s), ns(u"two"_s), ns(u"zzz"_s)}));
        models::RowFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setNamespaceColumn(NamespaceModel::Name);
        proxy.setNamespaces({u"one"_s, u"zzz"_s});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText(u"-zzz"_s);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setNamespaces({});
        QCOMPARE(proxy.rowCount(), 2);
    }
};

QTEST_MAIN(tst_NamespaceModel)
#include "tst_namespacemodel.moc"
