#include "models/livetablemodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using models::RowBatch;
using models::RowRun;

Q_DECLARE_METATYPE(QList<RowRun>)

namespace {

struct Item
{
    QString key;
    int value = 0;
};

class ItemModel : public models::LiveTableModel<Item>
{
public:
    ItemModel() : LiveTableModel({QT_TRANSLATE_NOOP("models", "Name"), "Value"}, nullptr) {}

protected:
    QString key(const Item &row) const override { return row.key; }
    QVariant cell(const Item &row, int column, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return column == 0 ? QVariant(row.key) : QVariant(row.value);
    }
};

QStringList shownKeys(const ItemModel &model)
{
    QStringList keys;
    for (const Item &item : model.rows())
        keys.append(item.key);
    return keys;
}

QList<int> ints(std::initializer_list<int> values)
{
    return QList<int>(values);
}

} // namespace

class tst_LiveTableModel : public QObject
{
    Q_OBJECT

private slots:
    void runs_data()
    {
        QTest::addColumn<QList<int>>("rows");
        QTest::addColumn<QList<RowRun>>("runs");
        QTest::newRow("none") << QList<int>{} << QList<RowRun>{};
        QTest::newRow("one") << ints({4}) << QList<RowRun>{{4, 4}};
        QTest::newRow("unsorted with gaps")
            << ints({9, 1, 2, 3, 7, 10}) << QList<RowRun>{{1, 3}, {7, 7}, {9, 10}};
        QTest::newRow("duplicates") << ints({2, 2, 3, 3}) << QList<RowRun>{{2, 3}};
    }
    void runs()
    {
        QFETCH(QList<int>, rows);
        QFETCH(QList<RowRun>, runs);
        QCOMPARE(models::rowRuns(rows), runs);
    }

    void batchesApplyInPlace()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.apply({{{u"a"_qs, 1}, {u"b"_qs, 2}, {u"c"_qs, 3}, {u"d"_qs, 4}}, {}});
        QCOMPARE(shownKeys(model), QStringList({u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs}));
        QCOMPARE(inserted.size(), 1);

        // b and c go (one run), d changes, a is upserted unchanged, e arrives twice: the later wins.
        model.apply({{{u"d"_qs, 40}, {u"a"_qs, 1}, {u"e"_qs, 5}, {u"e"_qs, 50}},
                     {u"b"_qs, u"c"_qs, u"missing"_qs}});
        QCOMPARE(shownKeys(model), QStringList({u"a"_qs, u"d"_qs, u"e"_qs}));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 2);
        QCOMPARE(changed.size(), 1); // d only: a shows the same
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        // Only the Value column changed: a proxy sorted by Name need not move the row.
        QCOMPARE(changed.at(0).at(0).toModelIndex().column(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), 1);
        QCOMPARE(model.data(model.index(1, 1)).toInt(), 40);
        QCOMPARE(model.data(model.index(2, 1)).toInt(), 50);
        QCOMPARE(model.rowOf(u"e"_qs), 2);
        QCOMPARE(model.rowOf(u"b"_qs), -1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 0);
    }

    // A run of changed rows gets one dataChanged over the union of the columns its rows changed
    // in; rows apart get their own.
    void changedColumnsOnly()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply({{{u"a"_qs, 1}, {u"b"_qs, 2}, {u"c"_qs, 3}}, {}});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.apply({{{u"c"_qs, 30}, {u"a"_qs, 10}}, {}});
        QCOMPARE(changed.size(), 2);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex from = signal.at(0).toModelIndex();
            const QModelIndex to = signal.at(1).toModelIndex();
            QCOMPARE(from.row(), to.row());
            QCOMPARE(from.column(), 1);
            QCOMPARE(to.column(), 1);
        }
        changed.clear();
        // Twice in one batch: the later state, one signal.
        model.apply({{{u"b"_qs, 20}, {u"b"_qs, 21}}, {}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.data(model.index(1, 1)).toInt(), 21);
    }

    // Random batches against a plain map: the model always holds exactly the live keys with their
    // latest values, its key index stays right, and it is never reset.
    void randomBatchesMatchReference()
    {
        ItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QRandomGenerator random(20261206);
        QHash<QString, int> reference;
        for (int round = 0; round < 200; ++round) {
            RowBatch<Item> batch;
            const int n = int(random.bounded(40));
            for (int i = 0; i < n; ++i) {
                const QString k = QString::number(random.bounded(300));
                if (random.bounded(3) == 0) {
                    batch.removed.append(k);
                    reference.remove(k);
                }
            }
            for (int i = 0; i < n; ++i) {
                const QString k = QString::number(random.bounded(300));
                const int v = int(random.bounded(5));
                batch.upserted.append({k, v});
            }
            for (const Item &item : std::as_const(batch.upserted))
                reference.insert(item.key, item.value);
            model.apply(batch);
            QCOMPARE(model.rowCount(), reference.size());
            for (int row = 0; row < model.rowCount(); ++row) {
                const Item &item = model.rowAt(row);
                QCOMPARE(model.rowOf(item.key), row);
                QCOMPARE(item.value, reference.value(item.key, -1));
            }
        }
        QCOMPARE(resets.size(), 0);
    }

    // RowPositions against a plain list of keys: appends at the end, removals anywhere, through
    // many renumberings (one each time as many slots are dead as there are rows, plus 1024).
    void positionsMatchAList_data()
    {
        QTest::addColumn<int>("keys");
        QTest::addColumn<int>("operations");
        QTest::addColumn<int>("removeOneIn"); // share of operations that remove
        QTest::newRow("small, mostly removals") << 20 << 5000 << 2;
        QTest::newRow("grows then churns") << 3000 << 20000 << 3;
        QTest::newRow("churn at a steady size") << 500 << 30000 << 2;
        QTest::newRow("appends only") << 5000 << 5000 << 0;
    }
    void positionsMatchAList()
    {
        QFETCH(int, keys);
        QFETCH(int, operations);
        QFETCH(int, removeOneIn);
        models::RowPositions positions;
        QStringList reference;
        QRandomGenerator random(quint32(keys * 31 + operations));
        int next = 0;
        for (int op = 0; op < operations; ++op) {
            const bool remove = removeOneIn > 0 && !reference.isEmpty() &&
                                (reference.size() >= keys || random.bounded(removeOneIn) == 0);
            if (remove) {
                const int at = int(random.bounded(int(reference.size())));
                QVERIFY(positions.remove(reference.takeAt(at)));
            } else {
                const QString key = u"k"_qs + QString::number(next++);
                positions.append(key);
                reference.append(key);
            }
            QCOMPARE(positions.size(), reference.size());
            if (op % 97 == 0 || op == operations - 1) {
                for (int row = 0; row < reference.size(); ++row)
                    QCOMPARE(positions.find(reference.at(row)), row);
                QCOMPARE(positions.find(u"missing"_qs), -1);
            }
        }
        QVERIFY(!positions.remove(u"missing"_qs));
        positions.clear();
        QCOMPARE(positions.size(), 0);
        QCOMPARE(positions.find(u"k0"_qs), -1);
        positions.append(u"again"_qs);
        QCOMPARE(positions.find(u"again"_qs), 0);
    }
};

QTEST_GUILESS_MAIN(tst_LiveTableModel)
#include "tst_livetablemodel.moc"
