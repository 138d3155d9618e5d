#include "models/keyedrows.h"

#include <QTest>

using models::RowStep;

Q_DECLARE_METATYPE(QList<RowStep>)

namespace {

QStringList keys(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

RowStep removed(int first, int last)
{
    return {RowStep::Remove, first, last};
}
RowStep inserted(int first, int last)
{
    return {RowStep::Insert, first, last};
}
RowStep changed(int first, int last)
{
    return {RowStep::Change, first, last};
}

// Applies the steps to `before` the way a model does and returns the rows it ends with.
QStringList applied(QStringList before, const QStringList &after, const QList<RowStep> &steps)
{
    for (const RowStep &s : steps) {
        if (s.kind == RowStep::Remove)
            before.remove(s.first, s.last - s.first + 1);
        else if (s.kind == RowStep::Insert)
            for (int i = s.first; i <= s.last; ++i)
                before.insert(i, after.at(i));
    }
    return before;
}

} // namespace

class tst_KeyedRows : public QObject
{
    Q_OBJECT

private slots:
    void steps_data();
    void steps();
};

void tst_KeyedRows::steps_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("changedKeys"); // kept rows whose data differs
    QTest::addColumn<QList<RowStep>>("expected");

    QTest::newRow("nothing changed")
        << keys("a b c") << keys("a b c") << QStringList() << QList<RowStep>{};
    QTest::newRow("one row changed")
        << keys("a b c") << keys("a b c") << keys("b") << QList<RowStep>{changed(1, 1)};
    QTest::newRow("adjacent changes make one range")
        << keys("a b c d") << keys("a b c d") << keys("b c") << QList<RowStep>{changed(1, 2)};
    QTest::newRow("from empty") << QStringList() << keys("a b") << QStringList()
                                << QList<RowStep>{inserted(0, 1)};
    QTest::newRow("to empty") << keys("a b") << QStringList() << QStringList()
                              << QList<RowStep>{removed(0, 1)};
    QTest::newRow("appended") << keys("a b") << keys("a b c d") << QStringList()
                              << QList<RowStep>{inserted(2, 3)};
    QTest::newRow("inserted in the middle")
        << keys("a d") << keys("a b c d") << QStringList() << QList<RowStep>{inserted(1, 2)};
    QTest::newRow("removals bottom-up") << keys("a b c d e") << keys("a c e") << QStringList()
                                        << QList<RowStep>{removed(3, 3), removed(1, 1)};
    QTest::newRow("renamed: removed and inserted")
        << keys("a b c") << keys("a x c") << QStringList()
        << QList<RowStep>{removed(1, 1), inserted(1, 1)};
    QTest::newRow("moved: the longest ordered run stays")
        << keys("a b c d") << keys("b c d a") << QStringList()
        << QList<RowStep>{removed(0, 0), inserted(3, 3)};
    QTest::newRow("change indices are the new rows'")
        << keys("a b c") << keys("x a b c") << keys("c")
        << QList<RowStep>{inserted(0, 0), changed(3, 3)};
    QTest::newRow("duplicate keys pair up in order")
        << keys("a a b") << keys("a b") << QStringList() << QList<RowStep>{removed(1, 1)};
}

void tst_KeyedRows::steps()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QStringList, changedKeys);
    QFETCH(QList<RowStep>, expected);
    const QList<RowStep> steps = models::keyedRowSteps(before, after, [&](int o, int n) {
        Q_ASSERT(before.at(o) == after.at(n));
        return !changedKeys.contains(after.at(n));
    });
    QCOMPARE(steps, expected);
    QCOMPARE(applied(before, after, steps), after);
}

QTEST_GUILESS_MAIN(tst_KeyedRows)
#include "tst_keyedrows.moc"
