#include "core/kube/manifestloader.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace core::kube;

class tst_Manifestloader : public QObject
{
    Q_OBJECT

private slots:
    void documents_data();
    void documents();
    void brokenDocumentDoesNotBlockOthers();
    void errorPositions_data();
    void errorPositions();
    void listItemsKeepPositions();
    void positionOfFallsBackToAncestor();
    void missingFile();
    void corpusLoadsOrFailsWithPosition();
};

void tst_Manifestloader::documents_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("single") << QByteArray("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n")
                            << QStringList{QStringLiteral("a")};
    QTest::newRow("leading marker and two docs")
        << QByteArray("---\nkind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: {name: b}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("empty documents in between")
        << QByteArray("kind: Pod\nmetadata: {name: a}\n---\n---\n# only a comment\n---\nkind: Pod\n"
                      "metadata: {name: b}\n")
        << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("end markers") << QByteArray("kind: Pod\nmetadata: {name: a}\n...\n---\nkind: "
                                               "Pod\nmetadata: {name: b}\n...\n")
                                 << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("json object")
        << QByteArray(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"j"}})")
        << QStringList{QStringLiteral("j")};
    QTest::newRow("json List")
        << QByteArray(
               R"({"kind":"List","items":[{"kind":"Pod","metadata":{"name":"x"}},{"kind":"Service","metadata":{"name":"y"}}]})")
        << QStringList{QStringLiteral("x"), QStringLiteral("y")};
    QTest::newRow("typed List")
        << QByteArray("kind: PodList\nitems:\n- kind: Pod\n  metadata: {name: p1}\n")
        << QStringList{QStringLiteral("p1")};
    QTest::newRow("utf8 bom") << QByteArray("\xEF\xBB\xBFkind: Pod\nmetadata: {name: bom}\n")
                              << QStringList{QStringLiteral("bom")};
    QTest::newRow("marker with content")
        << QByteArray("--- {kind: Pod, metadata: {name: f}}\n") << QStringList{QStringLiteral("f")};
    QTest::newRow("block scalar holding dashes")
        << QByteArray("kind: ConfigMap\nmetadata: {name: cm}\ndata:\n  x: |\n    ---\n    y\n")
        << QStringList{QStringLiteral("cm")};
}

void tst_Manifestloader::documents()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, names);
    const LoadResult r = loadManifests(text, QStringLiteral("f.yaml"));
    QVERIFY2(r.errors.isEmpty(), r.errors.isEmpty() ? "" : qPrintable(r.errors.first().toString()));
    QStringList got;
    for (const ManifestObject &o : r.objects)
        got.append(o.name());
    QCOMPARE(got, names);
}

void tst_Manifestloader::brokenDocumentDoesNotBlockOthers()
{
    const QByteArray text =
        "kind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nmetadata:\n  name: [b\n"
        "---\nkind: Pod\nmetadata: {name: c}\n";
    const LoadResult r = loadManifests(text, QStringLiteral("mixed.yaml"));
    QCOMPARE(r.objects.size(), 2);
    QCOMPARE(r.objects.at(0).name(), QStringLiteral("a"));
    QCOMPARE(r.objects.at(1).name(), QStringLiteral("c"));
    QCOMPARE(r.objects.at(1).document, 2);
    QCOMPARE(r.objects.at(1).pos.line, 8);
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(r.errors.first().line >= 6 && r.errors.first().line <= 7);
    QVERIFY(r.errors.first().toString().startsWith(u"mixed.yaml:"));
}

void tst_Manifestloader::errorPositions_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("tab indentation")
        << QByteArray("kind: Pod\nmetadata:\n\tname: a\n") << 3 << 0 << QString();
    QTest::newRow("unclosed flow map")
        << QByteArray("kind: Pod\nmetadata: {name: a\n") << 2 << 0 << QString();
    QTest::newRow("scalar document")
        << QByteArray("just text\n") << 1 << 1 << QStringLiteral("not a mapping");
    QTest::newRow("no kind") << QByteArray("apiVersion: v1\nmetadata: {name: a}\n") << 1 << 1
                             << QStringLiteral("no \"kind\"");
    QTest::newRow("bad second doc line offset")
        << QByteArray("kind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nspec: [1, 2\n") << 5 << 12
        << QString();
    QTest::newRow("broken json") << QByteArray("{\"kind\": \"Pod\",\n \"metadata\": {\"name\": }\n")
                                 << 2 << 0 << QString();
}

void tst_Manifestloader::errorPositions()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const LoadResult r = loadManifests(text, QStringLiteral("bad.yaml"));
    QCOMPARE(r.errors.size(), 1);
    const ParseError &e = r.errors.first();
    QCOMPARE(e.line, line);
    if (column > 0)
        QCOMPARE(e.column, column);
    QVERIFY(e.column >= 1);
    QVERIFY(e.toString().startsWith(QStringLiteral("bad.yaml:%1:").arg(line)));
    if (!messagePart.isEmpty())
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
}

void tst_Manifestloader::listItemsKeepPositions()
{
    const QByteArray text = "apiVersion: v1\nkind: List\nitems:\n  - kind: Pod\n    metadata:\n"
                            "      name: p\n    spec:\n      containers: []\n";
    const LoadResult r = loadManifests(text, QStringLiteral("list.yaml"));
    QCOMPARE(r.objects.size(), 1);
    const ManifestObject &o = r.objects.first();
    QCOMPARE(o.itemPath, QStringLiteral("items[0]"));
    QCOMPARE(o.pos, (SourcePos{4, 5}));
    QCOMPARE(o.positionOf(QStringLiteral("metadata.name")), (SourcePos{6, 7}));
    QCOMPARE(o.positionOf(QStringLiteral("spec.containers")), (SourcePos{8, 7}));
}

void tst_Manifestloader::positionOfFallsBackToAncestor()
{
    const QByteArray text = "kind: Pod\nmetadata:\n  labels:\n    a.b/c: x\n";
    const LoadResult r = loadManifests(text, QStringLiteral("p.yaml"));
    const ManifestObject &o = r.objects.first();
    QCOMPARE(o.positionOf(QStringLiteral("metadata.labels[\"a.b/c\"]")), (SourcePos{3, 3}));
    QCOMPARE(o.positionOf(QStringLiteral("spec.template.spec")), (SourcePos{1, 1}));
}

void tst_Manifestloader::missingFile()
{
    const LoadResult r = loadManifestFile(QStringLiteral("/nonexistent/x.yaml"));
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(r.errors.first().toString().startsWith(u"/nonexistent/x.yaml: "));
}

void tst_Manifestloader::corpusLoadsOrFailsWithPosition()
{
    const QString dir = qEnvironmentVariable("BURST_TEST_DATA_DIR") + QStringLiteral("/kubernetes-examples");
    QDirIterator it(dir,
                    {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                    QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    int objects = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        const LoadResult r = loadManifestFile(path);
        objects += int(r.objects.size());
        for (const ParseError &e : r.errors) {
            QVERIFY2(e.line > 0 && e.column > 0, qPrintable(e.toString()));
            QVERIFY(e.toString().startsWith(path +
                                            QStringLiteral(":%1:%2: ").arg(e.line).arg(e.column)));
        }
        if (r.objects.isEmpty() && r.errors.isEmpty()) { // allowed only for comment-only files
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            for (const QByteArray &line : f.readAll().split('\n'))
                QVERIFY2(line.trimmed().isEmpty() || line.trimmed().startsWith('#'),
                         qPrintable(path));
        }
    }
    QVERIFY2(files > 0, "corpus not found: ctest sets BURST_TEST_DATA_DIR to tests/data");
    qInfo("corpus: %d files, %d objects", files, objects);
    QVERIFY(files >= 250);
    QVERIFY(objects >= files);
}

QTEST_GUILESS_MAIN(tst_Manifestloader)
#include "tst_manifestloader.moc"
