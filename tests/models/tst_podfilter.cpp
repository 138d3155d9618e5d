#include "models/podfilter.h"
#include "models/podtablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using models::RowFilter;
using Term = models::RowFilter::Term;

Q_DECLARE_METATYPE(QList<Term>)

namespace {

QJsonObject pod(const QString &ns, const QString &name, const QString &node,
                const QString &strategy, const QString &phase)
{
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("uid"), QString(ns + u'/' + name)},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), ns},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("virtual-kubelet.io/burst-to-cci"), strategy}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"), node},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")}}}}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), phase}}}};
}

} // namespace

class tst_PodFilter : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<Term>>("terms");
        QTest::newRow("empty") << QString() << QList<Term>{};
        QTest::newRow("words") << u" web  db "_qs
                               << QList<Term>{{{}, u"web"_qs, false}, {{}, u"db"_qs, false}};
        QTest::newRow("tokens, key case-insensitive")
            << u"NS:payments loc:cci"_qs
            << QList<Term>{{u"ns"_qs, u"payments"_qs, false}, {u"loc"_qs, u"cci"_qs, false}};
        QTest::newRow("negated") << u"-status:Running -web"_qs
                                 << QList<Term>{{u"status"_qs, u"Running"_qs, true},
                                                {{}, u"web"_qs, true}};
        QTest::newRow("unknown key stays a word")
            << u"image:nginx"_qs << QList<Term>{{{}, u"image:nginx"_qs, false}};
        QTest::newRow("token without value yet") << u"ns:"_qs << QList<Term>{};
        QTest::newRow("lone dash is a word") << u"-"_qs << QList<Term>{{{}, u"-"_qs, false}};
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QList<Term>, terms);
        QCOMPARE(models::parseRowFilter(text).terms, terms);
    }

    // The informer reports a pod created and deleted within one batch in both lists.
    void createdAndDeletedInOneBatchIsNotShown()
    {
        models::PodTableModel pods;
        core::kube::ChangeSet set;
        const QJsonObject a = pod(u"default"_qs, u"a"_qs, u"n"_qs, QString(), u"Running"_qs);
        const QJsonObject b = pod(u"default"_qs, u"b"_qs, u"n"_qs, QString(), u"Running"_qs);
        set.added = {a, b};
        set.deleted = {b};
        pods.applyChanges(set);
        QCOMPARE(pods.rowCount(), 1);
        QCOMPARE(pods.rowAt(0).name, u"a"_qs);
        QCOMPARE(pods.rowOf(u"default/b"_qs), -1);
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fixedLocation");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("all") << QString() << QString()
                             << QStringList{u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs};
        QTest::newRow("loc:cci") << u"loc:cci"_qs << QString()
                                 << QStringList{u"b"_qs, u"c"_qs};
        QTest::newRow("loc:local excludes unscheduled")
            << u"loc:local"_qs << QString() << QStringList{u"a"_qs};
        QTest::newRow("fixed location and a word")
            << u"pay"_qs << u"cci"_qs << QStringList{u"c"_qs};
        QTest::newRow("two namespaces are alternatives")
            << u"ns:default ns:payments"_qs << QString()
            << QStringList{u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs};
        QTest::newRow("different keys must all hold")
            << u"ns:payments strategy:enforce"_qs << QString() << QStringList{u"c"_qs};
        QTest::newRow("negated status") << u"-status:Running"_qs << QString()
                                        << QStringList{u"d"_qs};
        QTest::newRow("node") << u"node:virtual"_qs << QString()
                              << QStringList{u"b"_qs, u"c"_qs};
        QTest::newRow("nothing matches") << u"zzz"_qs << QString() << QStringList{};
    }
    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QString, fixedLocation);
        QFETCH(QStringList, names);
        models::PodTableModel pods;
        pods.setVirtualNodes({u"virtual-kubelet"_qs});
        core::kube::ChangeSet set;
        set.added = {pod(u"default"_qs, u"a"_qs, u"idc-1"_qs, u"auto"_qs, u"Running"_qs),
                     pod(u"default"_qs, u"b"_qs, u"virtual-kubelet"_qs, u"auto"_qs, u"Running"_qs),
                     pod(u"payments"_qs, u"c"_qs, u"virtual-kubelet"_qs, u"enforce"_qs,
                         u"Running"_qs),
                     pod(u"payments"_qs, u"d"_qs, QString(), u"off"_qs, u"Pending"_qs)};
        pods.applyChanges(set);
        models::PodFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&pods);
        proxy.sort(models::PodTableModel::Name);
        proxy.setFixedLocation(fixedLocation);
        proxy.setFilterText(text);
        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.append(proxy.data(proxy.index(row, models::PodTableModel::Name)).toString());
        QCOMPARE(shown, names);
    }
};

QTEST_MAIN(tst_PodFilter)
#include "tst_podfilter.moc"
