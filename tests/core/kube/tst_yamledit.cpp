#include "core/kube/yamledit.h"

#include "core/kube/manifestloader.h"
#include "core/kube/workload.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::kube;

namespace {

const QString kBurstLabel = QStringLiteral("virtual-kubelet.io/burst-to-cci");

// Paths in the tables are written with spaces between steps: keys contain dots and slashes.
QStringList P(const char *steps)
{
    return QString::fromUtf8(steps).split(u' ', Qt::SkipEmptyParts);
}

QJsonValue J(const char *json)
{
    return QJsonDocument::fromJson(QByteArray("[") + json + "]").array().at(0);
}

QJsonValue S(const char *text)
{
    return QJsonValue(QString::fromUtf8(text));
}

// "items[3]" -> ["items", "[3]"]
QStringList itemPrefix(const QString &itemPath)
{
    if (itemPath.isEmpty())
        return {};
    return {QStringLiteral("items"), itemPath.mid(itemPath.indexOf(u'['))};
}

QJsonObject withField(QJsonObject object, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    object.insert(key,
                  path.isEmpty() ? value : withField(object.value(key).toObject(), path, value));
    return object;
}

QStringList commentLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        if (line.trimmed().startsWith(u'#'))
            out.append(line);
    }
    return out;
}

// ctest sets BURST_SOURCE_DIR; a direct run falls back to the checkout.
QString sourceDir()
{
    const QString dir = qEnvironmentVariable("BURST_SOURCE_DIR");
    return dir.isEmpty() ? QDir(QStringLiteral(QT_TESTCASE_SOURCEDIR "/..")).absolutePath() : dir;
}

QStringList manifestFiles()
{
    QStringList files;
    const QStringList dirs = {sourceDir() + QStringLiteral("/resources/examples"),
                              sourceDir() + QStringLiteral("/tests/data/kubernetes-examples")};
    for (const QString &dir : dirs) {
        QDirIterator it(
            dir, {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    files.sort();
    return files;
}

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class tst_Yamledit : public QObject
{
    Q_OBJECT

private slots:
    void setValue_data();
    void setValue();
    void removeValue_data();
    void removeValue();
    void errors_data();
    void errors();
    void removeRefusedWhenNotInPlace();
    void roundTrip_data();
    void roundTrip();
    void burstLabelOnRealFiles();
};

void tst_Yamledit::setValue_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<int>("document");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("after");

    // Scalars replaced in place.
    QTest::newRow("plain") << "a: 1\nb: x\nc: 2\n" << 0 << P("b") << S("w") << "a: 1\nb: w\nc: 2\n";
    // go-yaml v2 (kubectl) reads a plain y or n as a boolean.
    QTest::newRow("y quoted") << "a: 1\nb: x\n" << 0 << P("b") << S("y") << "a: 1\nb: 'y'\n";
    QTest::newRow("trailing comment kept")
        << "limits:\n  cpu: 500m   # half a core\n  memory: 1Gi\n"
        << 0 << P("limits cpu") << S("750m")
        << "limits:\n  cpu: 750m   # half a core\n  memory: 1Gi\n";
    QTest::newRow("number") << "limits:\n  cpu: 500m # c\n"
                            << 0 << P("limits cpu") << J("2") << "limits:\n  cpu: 2 # c\n";
    QTest::newRow("float") << "a: 1\n" << 0 << P("a") << J("0.5") << "a: 0.5\n";
    QTest::newRow("single quotes kept") << "a: 'x'\n" << 0 << P("a") << S("y") << "a: 'y'\n";
    QTest::newRow("double quotes kept") << "a: \"x\" # c\n"
                                        << 0 << P("a") << S("y") << "a: \"y\" # c\n";
    QTest::newRow("off quoted") << "a: x\n" << 0 << P("a") << S("off") << "a: 'off'\n";
    QTest::newRow("digits quoted") << "a: x\n" << 0 << P("a") << S("1") << "a: '1'\n";
    QTest::newRow("empty quoted") << "a: x\n" << 0 << P("a") << S("") << "a: ''\n";
    QTest::newRow("colon space quoted") << "a: x\n" << 0 << P("a") << S("b: c") << "a: 'b: c'\n";
    QTest::newRow("apostrophe plain") << "a: x\n" << 0 << P("a") << S("it's") << "a: it's\n";
    QTest::newRow("newline double-quoted")
        << "a: x\n"
        << 0 << P("a") << S("l1\nl2\t\"q\"") << "a: \"l1\\nl2\\t\\\"q\\\"\"\n";
    QTest::newRow("bool") << "a: x\n" << 0 << P("a") << J("true") << "a: true\n";
    QTest::newRow("null") << "a: x\n" << 0 << P("a") << J("null") << "a: null\n";
    QTest::newRow("tag dropped") << "a: !!str 1\n" << 0 << P("a") << S("2") << "a: '2'\n";
    QTest::newRow("multi-line plain") << "a: one\n  two\nb: 1\n"
                                      << 0 << P("a") << S("x") << "a: x\nb: 1\n";
    QTest::newRow("literal block") << "a: |\n  l1\n\n  l2\nb: 1\n"
                                   << 0 << P("a") << S("x") << "a: x\nb: 1\n";
    QTest::newRow("quoted key") << "'on': 1\n" << 0 << P("on") << J("2") << "'on': 2\n";
    QTest::newRow("duplicate key: the last, as loaded")
        << "a: 1\nb: 2\na: 3\n"
        << 0 << P("a") << J("4") << "a: 1\nb: 2\na: 4\n";
    QTest::newRow("no final newline") << "a: 1" << 0 << P("a") << J("2") << "a: 2";
    QTest::newRow("image replacement json")
        << "metadata:\n  annotations:\n    a: b\n"
        << 0 << P("metadata annotations coordinator.cci.io/image-replacement")
        << S(R"([{"repositoryPrefix":"a","replaceWith":"b"}])")
        << "metadata:\n  annotations:\n    a: b\n    coordinator.cci.io/image-replacement: "
           "'[{\"repositoryPrefix\":\"a\",\"replaceWith\":\"b\"}]'\n";
    QTest::newRow("json with apostrophe")
        << "a: '[]'\n"
        << 0 << P("a") << S(R"([{"name":"it's"}])") << "a: '[{\"name\":\"it''s\"}]'\n";

    // Collections replaced by scalars and the other way round.
    QTest::newRow("map to scalar") << "a:\n  b: 1\n  c: 2\nd: 3\n"
                                   << 0 << P("a") << S("x") << "a: x\nd: 3\n";
    QTest::newRow("map with comment to scalar") << "a: # c\n  b: 1\nd: 3\n"
                                                << 0 << P("a") << S("x") << "a: x # c\nd: 3\n";
    QTest::newRow("scalar to map")
        << "a: x # c\nd: 3\n"
        << 0 << P("a") << J(R"({"b":1,"c":"v"})") << "a: # c\n  b: 1\n  c: v\nd: 3\n";
    QTest::newRow("scalar to list")
        << "a: x\nd: 3\n"
        << 0 << P("a") << J(R"([1,"two"])") << "a:\n  - 1\n  - two\nd: 3\n";
    QTest::newRow("map to list of maps")
        << "a:\n  b: 1\n"
        << 0 << P("a") << J(R"([{"name":"m","image":"i"}])") << "a:\n  - image: i\n    name: m\n";
    QTest::newRow("map to map keeps its indentation")
        << "x:\n  y: 1\nspec:\n      a: 1\n"
        << 0 << P("spec") << J(R"({"b":{"c":2}})") << "x:\n  y: 1\nspec:\n      b:\n        c: 2\n";
    QTest::newRow("flow map to block map") << "a: {x: 1}\n"
                                           << 0 << P("a") << J(R"({"v":[]})") << "a:\n  v: []\n";
    QTest::newRow("empty map and list inline") << "a: x\nb: y\n"
                                               << 0 << P("b") << J("{}") << "a: x\nb: {}\n";

    // New entries in block maps.
    QTest::newRow("label added")
        << "metadata:\n  labels:\n    app: nginx\n  name: web\n"
        << 0 << P("metadata labels virtual-kubelet.io/burst-to-cci") << S("enforce")
        << "metadata:\n  labels:\n    app: nginx\n    virtual-kubelet.io/burst-to-cci: enforce\n"
           "  name: web\n";
    QTest::newRow("labels created, 2 spaces")
        << "metadata:\n  name: web\nspec:\n  replicas: 1\n"
        << 0 << P("metadata labels virtual-kubelet.io/burst-to-cci") << S("enforce")
        << "metadata:\n  name: web\n  labels:\n    virtual-kubelet.io/burst-to-cci: enforce\n"
           "spec:\n  replicas: 1\n";
    QTest::newRow("labels created, 4 spaces")
        << "metadata:\n    name: web\nspec:\n    replicas: 1\n"
        << 0 << P("metadata labels virtual-kubelet.io/burst-to-cci") << S("enforce")
        << "metadata:\n    name: web\n    labels:\n        virtual-kubelet.io/burst-to-cci: "
           "enforce\nspec:\n    replicas: 1\n";
    QTest::newRow("pod template label, comments kept")
        << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web # the name\nspec:\n"
           "  # pods\n  template:\n    metadata:\n      labels:\n        app: web   # selector\n\n"
           "    # the pod spec\n    spec:\n      containers:\n        - name: c\n"
        << 0 << P("spec template metadata labels virtual-kubelet.io/burst-to-cci") << S("off")
        << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web # the name\nspec:\n"
           "  # pods\n  template:\n    metadata:\n      labels:\n        app: web   # selector\n"
           "        virtual-kubelet.io/burst-to-cci: 'off'\n\n"
           "    # the pod spec\n    spec:\n      containers:\n        - name: c\n";
    QTest::newRow("after a deeper trailing comment")
        << "labels:\n  app: x\n    # more on app\nname: y\n"
        << 0 << P("labels k") << S("v")
        << "labels:\n  app: x\n    # more on app\n  k: v\nname: y\n";
    // A comment at the entries' column (or less) after the last entry goes with what follows.
    QTest::newRow("before a comment at the entries' column")
        << "labels:\n  app: x\n  # more below\nname: y\n"
        << 0 << P("labels k") << S("v") << "labels:\n  app: x\n  k: v\n  # more below\nname: y\n";
    QTest::newRow("before a comment of the next key")
        << "labels:\n  app: x\n# about name\nname: y\n"
        << 0 << P("labels k") << S("v") << "labels:\n  app: x\n  k: v\n# about name\nname: y\n";
    QTest::newRow("empty value") << "metadata:\n  labels:\n  name: x\n"
                                 << 0 << P("metadata labels k") << S("v")
                                 << "metadata:\n  labels:\n    k: v\n  name: x\n";
    QTest::newRow("tilde value") << "metadata:\n  labels: ~\n"
                                 << 0 << P("metadata labels k") << S("v")
                                 << "metadata:\n  labels:\n    k: v\n";
    QTest::newRow("empty value with comment")
        << "metadata:\n  labels: # none yet\n  name: x\n"
        << 0 << P("metadata labels k") << S("v")
        << "metadata:\n  labels: # none yet\n    k: v\n  name: x\n";
    QTest::newRow("empty flow map becomes block")
        << "metadata:\n  labels: {}\n  name: x\n"
        << 0 << P("metadata labels k") << S("v") << "metadata:\n  labels:\n    k: v\n  name: x\n";
    QTest::newRow("max surge created")
        << "spec:\n  replicas: 2\n  strategy:\n    type: RollingUpdate\n  template: {}\n"
        << 0 << P("spec strategy rollingUpdate maxSurge") << J("0")
        << "spec:\n  replicas: 2\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n"
           "      maxSurge: 0\n  template: {}\n";
    QTest::newRow("keys quoted") << "a: 1\n" << 0 << P("on") << S("x") << "a: 1\n'on': x\n";
    QTest::newRow("root key at end without newline")
        << "a: 1" << 0 << P("b") << J("2") << "a: 1\nb: 2";

    // Flow collections stay flow.
    QTest::newRow("flow map entry added")
        << "metadata:\n  labels: {app: x}\n"
        << 0 << P("metadata labels virtual-kubelet.io/burst-to-cci") << S("enforce")
        << "metadata:\n  labels: {app: x, virtual-kubelet.io/burst-to-cci: enforce}\n";
    QTest::newRow("flow scalar edited") << "resources: {limits: {cpu: 500m, memory: 1Gi}}\n"
                                        << 0 << P("resources limits cpu") << S("1")
                                        << "resources: {limits: {cpu: '1', memory: 1Gi}}\n";
    QTest::newRow("flow maps created")
        << "resources: {limits: {cpu: 500m, memory: 1Gi}}\n"
        << 0 << P("resources requests cpu") << S("250m")
        << "resources: {limits: {cpu: 500m, memory: 1Gi}, requests: {cpu: 250m}}\n";
    QTest::newRow("flow quoting") << "a: {b: c}\n"
                                  << 0 << P("a b") << S("x,y") << "a: {b: 'x,y'}\n";
    QTest::newRow("flow object value")
        << "a: {b: c}\n"
        << 0 << P("a b") << J(R"({"d":[1,"x y"]})") << "a: {b: {d: [1, x y]}}\n";
    QTest::newRow("flow empty value") << "a: {b: , c: 1}\n"
                                      << 0 << P("a b") << J("2") << "a: {b: 2 , c: 1}\n";
    QTest::newRow("flow seq item") << "args: [a, b]\n"
                                   << 0 << P("args [1]") << S("c") << "args: [a, c]\n";
    QTest::newRow("flow seq append") << "args: [a, b]\n"
                                     << 0 << P("args [2]") << S("--x=1") << "args: [a, b, --x=1]\n";
    QTest::newRow("flow map in flow seq")
        << "c: [{name: a}]\n"
        << 0 << P("c [0] image") << S("x") << "c: [{name: a, image: x}]\n";
    QTest::newRow("nested empty flow map") << "a: [{}]\n"
                                           << 0 << P("a [0] k") << S("v") << "a: [{k: v}]\n";

    // Sequences.
    QTest::newRow("container resources created")
        << "spec:\n  containers:\n    - name: a\n      image: nginx\n    - name: b\n"
        << 0 << P("spec containers [0] resources limits cpu") << S("500m")
        << "spec:\n  containers:\n    - name: a\n      image: nginx\n      resources:\n"
           "        limits:\n          cpu: 500m\n    - name: b\n";
    QTest::newRow("indentless sequence")
        << "spec:\n  containers:\n  - name: a\n    image: nginx\n  volumes: []\n"
        << 0 << P("spec containers [0] resources limits cpu") << S("500m")
        << "spec:\n  containers:\n  - name: a\n    image: nginx\n    resources:\n      limits:\n"
           "        cpu: 500m\n  volumes: []\n";
    QTest::newRow("existing container limit")
        << "spec:\n  containers:\n    - name: a\n      resources:\n        limits:\n"
           "          cpu: 250m\n          memory: 512Mi\n"
        << 0 << P("spec containers [0] resources limits cpu") << S("1500m")
        << "spec:\n  containers:\n    - name: a\n      resources:\n        limits:\n"
           "          cpu: 1500m\n          memory: 512Mi\n";
    QTest::newRow("item replaced") << "args:\n- a\n- b # second\n"
                                   << 0 << P("args [1]") << S("c") << "args:\n- a\n- c # second\n";
    QTest::newRow("item appended") << "args:\n  - a\nx: 1\n"
                                   << 0 << P("args [1]") << S("b") << "args:\n  - a\n  - b\nx: 1\n";
    QTest::newRow("map item appended")
        << "containers:\n  - name: a\n"
        << 0 << P("containers [1]") << J(R"({"name":"b","image":"x"})")
        << "containers:\n  - name: a\n  - image: x\n    name: b\n";
    QTest::newRow("item map replaced")
        << "c:\n  - name: a\n    image: x\n  - b\n"
        << 0 << P("c [0]") << J(R"({"o":1,"m":[2]})") << "c:\n  - m:\n      - 2\n    o: 1\n  - b\n";
    QTest::newRow("list created") << "spec:\n  x: 1\n"
                                  << 0 << P("spec containers [0] name") << S("a")
                                  << "spec:\n  x: 1\n  containers:\n    - name: a\n";
    QTest::newRow("root sequence") << "- name: a\n  image: b\n"
                                   << 0 << P("[0] name") << S("c") << "- name: c\n  image: b\n";
    QTest::newRow("empty item") << "args:\n-\n- b\n"
                                << 0 << P("args [0]") << S("a") << "args:\n- a\n- b\n";
    QTest::newRow("empty item to map") << "args:\n-\n- b\n"
                                       << 0 << P("args [0] k") << S("v") << "args:\n- k: v\n- b\n";
    QTest::newRow("alias replaced") << "a: &x 1\nb: *x\n"
                                    << 0 << P("b") << J("2") << "a: &x 1\nb: 2\n";
    QTest::newRow("empty flow list becomes block")
        << "args: []\n"
        << 0 << P("args [0]") << S("a") << "args:\n  - a\n";

    // Files.
    const char *profile = "# profile\nkind: ScheduleProfile\nspec:\n  objectLabels:\n"
                          "    matchLabels:\n      app: nginx\n  strategy: localPrefer\n"
                          "  location:\n    local:\n      maxNum: 20 # not both\n"
                          "      scaleDownPriority: 10\n    cci: {}\n---\nkind: Deployment\n";
    QTest::newRow("profile maxNum")
        << profile << 0 << P("spec location local maxNum") << J("30")
        << QString::fromUtf8(profile).replace(QStringLiteral("maxNum: 20"),
                                              QStringLiteral("maxNum: 30"));
    QTest::newRow("profile spec replaced")
        << profile << 0 << P("spec") << J(R"({"strategy":"auto","location":{"cci":{"maxNum":5}}})")
        << "# profile\nkind: ScheduleProfile\nspec:\n  location:\n    cci:\n      maxNum: 5\n"
           "  strategy: auto\n---\nkind: Deployment\n";
    const char *multi = "# first\nkind: ConfigMap\nmetadata:\n  name: a\n# trailing of 0\n"
                        "---\n# second\nkind: Pod\nmetadata:\n  name: a\n...\n---\nkind: Pod\n";
    QTest::newRow("document 1 only")
        << multi << 1 << P("metadata labels k") << S("v")
        << "# first\nkind: ConfigMap\nmetadata:\n  name: a\n# trailing of 0\n"
           "---\n# second\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    k: v\n...\n"
           "---\nkind: Pod\n";
    QTest::newRow("document 0 before its trailing comment")
        << multi << 0 << P("data") << J(R"({"x":"1"})")
        << "# first\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: '1'\n# trailing of 0\n"
           "---\n# second\nkind: Pod\nmetadata:\n  name: a\n...\n---\nkind: Pod\n";
    QTest::newRow("document after ...")
        << multi << 2 << P("kind") << S("Job")
        << "# first\nkind: ConfigMap\nmetadata:\n  name: a\n# trailing of 0\n"
           "---\n# second\nkind: Pod\nmetadata:\n  name: a\n...\n---\nkind: Job\n";
    QTest::newRow("crlf") << "metadata:\r\n  name: x\r\n"
                          << 0 << P("metadata labels k") << S("v")
                          << "metadata:\r\n  name: x\r\n  labels:\r\n    k: v\r\n";
    QTest::newRow("crlf replace") << "a: 1 # c\r\nb: 2\r\n"
                                  << 0 << P("a") << J("3") << "a: 3 # c\r\nb: 2\r\n";
    const char *list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n"
                       "  kind: Deployment\n  metadata:\n    name: a\n- kind: Deployment\n"
                       "  metadata:\n    labels:\n      app: b\n    name: b\n";
    QTest::newRow("list item 1") << list << 0 << P("items [1] metadata labels k") << S("v")
                                 << QString::fromUtf8(list).replace(
                                        QStringLiteral("app: b\n"),
                                        QStringLiteral("app: b\n      k: v\n"));
    QTest::newRow("list item 0") << list << 0 << P("items [0] metadata labels k") << S("v")
                                 << QString::fromUtf8(list).replace(
                                        QStringLiteral("name: a\n"),
                                        QStringLiteral("name: a\n    labels:\n      k: v\n"));
    QTest::newRow("bom kept") << QStringLiteral("\uFEFFa: 1\n") << 0 << P("b") << J("2")
                              << QStringLiteral("\uFEFFa: 1\nb: 2\n");
    QTest::newRow("utf-8 before the edit")
        << QStringLiteral("d: \u00e9\u20ac\na: 1\n") << 0 << P("a") << J("2")
        << QStringLiteral("d: \u00e9\u20ac\na: 2\n");
    QTest::newRow("json document")
        << "{\n  \"metadata\": {\n    \"name\": \"x\"\n  }\n}\n"
        << 0 << P("metadata labels app") << S("y")
        << "{\n  \"metadata\": {\n    \"name\": \"x\",\n    \"labels\": {\"app\": \"y\"}\n"
           "  }\n}\n";
}

void tst_Yamledit::setValue()
{
    QFETCH(QString, before);
    QFETCH(int, document);
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, after);
    const core::Result<QString> result = yamledit::setValue(before, document, path, value);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(*result, after);
}

void tst_Yamledit::removeValue_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<int>("document");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("after");

    QTest::newRow("middle") << "a: 1\nb: 2\nc: 3\n" << 0 << P("b") << "a: 1\nc: 3\n";
    QTest::newRow("first") << "a: 1\nb: 2\nc: 3\n" << 0 << P("a") << "b: 2\nc: 3\n";
    QTest::newRow("last") << "a: 1\nb: 2\nc: 3\n" << 0 << P("c") << "a: 1\nb: 2\n";
    QTest::newRow("last without newline") << "a: 1\nb: 2" << 0 << P("b") << "a: 1";
    QTest::newRow("with own comment")
        << "metadata:\n  labels:\n    app: x\n    # burst policy\n"
           "    virtual-kubelet.io/burst-to-cci: enforce # auto\n  name: y\n"
        << 0 << P("metadata labels virtual-kubelet.io/burst-to-cci")
        << "metadata:\n  labels:\n    app: x\n  name: y\n";
    QTest::newRow("document header kept")
        << "# header\n# more\na: 1\nb: 2\n---\n# header 1\na: 1\nb: 2\n"
        << 1 << P("a") << "# header\n# more\na: 1\nb: 2\n---\n# header 1\nb: 2\n";
    QTest::newRow("next key's comment kept") << "a: 1\nb: 2\n# about c\nc: 3\n"
                                             << 0 << P("b") << "a: 1\n# about c\nc: 3\n";
    QTest::newRow("only entry leaves {}")
        << "metadata:\n  labels:\n    k: v\n  name: y\n"
        << 0 << P("metadata labels k") << "metadata:\n  labels: {}\n  name: y\n";
    QTest::newRow("block value") << "spec:\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n"
                                    "  replicas: 1\n"
                                 << 0 << P("spec strategy") << "spec:\n  replicas: 1\n";
    QTest::newRow("item") << "args:\n  - a\n  - b\n  - c\n"
                          << 0 << P("args [1]") << "args:\n  - a\n  - c\n";
    QTest::newRow("last item leaves []") << "args:\n  - a\nx: 1\n"
                                         << 0 << P("args [0]") << "args: []\nx: 1\n";
    QTest::newRow("map item") << "c:\n  - name: a\n    image: x\n  - name: b\n"
                              << 0 << P("c [0]") << "c:\n  - name: b\n";
    QTest::newRow("key on the dash line") << "c:\n  - name: a\n    image: x\n"
                                          << 0 << P("c [0] name") << "c:\n  - image: x\n";
    QTest::newRow("flow middle") << "l: {a: 1, b: 2, c: 3}\n"
                                 << 0 << P("l b") << "l: {a: 1, c: 3}\n";
    QTest::newRow("flow first") << "l: {a: 1, b: 2, c: 3}\n"
                                << 0 << P("l a") << "l: {b: 2, c: 3}\n";
    QTest::newRow("flow last") << "l: {a: 1, b: 2, c: 3}\n" << 0 << P("l c") << "l: {a: 1, b: 2}\n";
    QTest::newRow("flow only") << "l: { a: 1 }\n" << 0 << P("l a") << "l: {}\n";
    QTest::newRow("flow seq") << "l: [a, 'b, c']\n" << 0 << P("l [0]") << "l: ['b, c']\n";
    QTest::newRow("absent") << "metadata:\n  name: x\n"
                            << 0 << P("metadata labels k") << "metadata:\n  name: x\n";
    QTest::newRow("absent below a scalar") << "metadata:\n  name: x\n"
                                           << 0 << P("metadata name x") << "metadata:\n  name: x\n";
    QTest::newRow("crlf") << "a: 1\r\nb: 2\r\nc: 3\r\n" << 0 << P("b") << "a: 1\r\nc: 3\r\n";
    QTest::newRow("document 1") << "a: 1\nb: 2\n---\na: 1\nb: 2\n"
                                << 1 << P("a") << "a: 1\nb: 2\n---\nb: 2\n";
    QTest::newRow("annotation")
        << "spec:\n  template:\n    metadata:\n      annotations:\n"
           "        coordinator.cci.io/hostpath-replacement: '[{\"name\": \"a\"}]'\n"
           "        x: y\n"
        << 0 << P("spec template metadata annotations coordinator.cci.io/hostpath-replacement")
        << "spec:\n  template:\n    metadata:\n      annotations:\n        x: y\n";
    QTest::newRow("json last") << "{\n  \"a\": 1,\n  \"b\": 2\n}\n"
                               << 0 << P("b") << "{\n  \"a\": 1\n}\n";
    QTest::newRow("json first") << "{\n  \"a\": 1,\n  \"b\": 2\n}\n"
                                << 0 << P("a") << "{\n  \"b\": 2\n}\n";
}

void tst_Yamledit::removeValue()
{
    QFETCH(QString, before);
    QFETCH(int, document);
    QFETCH(QStringList, path);
    QFETCH(QString, after);
    const core::Result<QString> result = yamledit::removeValue(before, document, path);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(*result, after);
}

void tst_Yamledit::errors_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<int>("document");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("code");

    QTest::newRow("through a scalar") << "metadata:\n  name: x\n"
                                      << 0 << P("metadata name x") << "yamledit.path";
    QTest::newRow("index out of range") << "a:\n  - 1\n" << 0 << P("a [5]") << "yamledit.path";
    QTest::newRow("index into a map") << "a:\n  b: 1\n" << 0 << P("a [0]") << "yamledit.path";
    QTest::newRow("key into a list") << "a:\n  - 1\n" << 0 << P("a b") << "yamledit.path";
    QTest::newRow("new list at [1]") << "a: {}\n" << 0 << P("a l [1] x") << "yamledit.path";
    QTest::newRow("scalar document") << "just text\n" << 0 << P("a") << "yamledit.path";
    QTest::newRow("no such document") << "a: 1\n" << 1 << P("a") << "yamledit.path";
    QTest::newRow("empty path") << "a: 1\n" << 0 << QStringList() << "yamledit.path";
    QTest::newRow("parse") << "a: 1\n---\na: [1, 2\nb: 3\n" << 1 << P("a") << "yamledit.parse";
    // The edit would land on the anchor and change `base` too: refused, not written.
    QTest::newRow("through an alias") << "base: &b\n  x: 1\nother: *b\n"
                                      << 0 << P("other x") << "yamledit.unsupported";
}

void tst_Yamledit::errors()
{
    QFETCH(QString, before);
    QFETCH(int, document);
    QFETCH(QStringList, path);
    QFETCH(QString, code);
    const core::Result<QString> result = yamledit::setValue(before, document, path, J("2"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
}

void tst_Yamledit::removeRefusedWhenNotInPlace()
{
    // Removing the last of two `a` keys would bring the first one back.
    const core::Result<QString> duplicate =
        yamledit::removeValue(QStringLiteral("a: 1\nb: 2\na: 3\n"), 0, P("a"));
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, QStringLiteral("yamledit.unsupported"));
    // The last key of a document cannot leave a `{}` behind a key.
    const core::Result<QString> last = yamledit::removeValue(QStringLiteral("a: 1\n"), 0, P("a"));
    QVERIFY(!last.ok());
    QCOMPARE(last.error().code, QStringLiteral("yamledit.unsupported"));
}

void tst_Yamledit::roundTrip_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value");

    const QString examples = sourceDir() + QStringLiteral("/resources/examples/");
    QTest::newRow("example 04 label")
        << readFile(examples + QStringLiteral("04-hostpath-replacement.yaml"))
        << P("spec template metadata labels virtual-kubelet.io/burst-to-cci") << S("enforce");
    QTest::newRow("example 04 annotation")
        << readFile(examples + QStringLiteral("04-hostpath-replacement.yaml"))
        << P("spec template metadata annotations coordinator.cci.io/image-replacement")
        << S(R"([{"repositoryPrefix":"a","replaceWith":"b"}])");
    QTest::newRow("example 02 limits")
        << readFile(examples + QStringLiteral("02-profile-local-maxnum.yaml"))
        << P("spec location local maxNum2") << J("3");
    QTest::newRow("nested map value") << "a:\n    b: 1\n# c\nd: 2\n"
                                      << P("a x") << J(R"({"y":{"z":[1,{"w":2}]}})");
    QTest::newRow("crlf") << "a:\r\n  b: 1\r\n" << P("a c") << S("x");
    QTest::newRow("indentless item") << "c:\n- name: a\n  image: b\nd: 1\n"
                                     << P("c [0] x") << J(R"({"y":1})");
    QTest::newRow("item appended") << "c:\n  - a\n  - b\n" << P("c [2]") << S("x");
    QTest::newRow("flow") << "c: {a: 1, b: [x]}\n" << P("c d") << J(R"({"e":[1]})");
    QTest::newRow("end of file") << "a:\n  b: 1" << P("a c") << S("x");
}

void tst_Yamledit::roundTrip()
{
    QFETCH(QString, before);
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QVERIFY(!before.isEmpty());
    const core::Result<QString> set = yamledit::setValue(before, 0, path, value);
    QVERIFY2(set.ok(), set.ok() ? "" : qPrintable(set.error().message));
    QVERIFY(*set != before);
    const core::Result<QString> removed = yamledit::removeValue(*set, 0, path);
    QVERIFY2(removed.ok(), removed.ok() ? "" : qPrintable(removed.error().message));
    QCOMPARE(*removed, before);
}

// Sets the burst label in `where` of object `i`: exactly that field of that object changes (as
// the loader reads the file), every comment line stays, JSON stays JSON, and removing the label
// again gives back the original (the text itself when the label map was there before).
static void checkBurstLabel(const QString &file, const QString &text, const LoadResult &before,
                            qsizetype i, const QStringList &where)
{
    const ManifestObject &object = before.objects.at(i);
    const QStringList path = (itemPrefix(object.itemPath) + where) << kBurstLabel;
    const QString context = file + u": " + path.join(u'.');
    const core::Result<QString> after =
        yamledit::setValue(text, object.document, path, S("enforce"));
    QVERIFY2(after.ok(),
             qPrintable(context + u": " + (after.ok() ? QString() : after.error().message)));
    const LoadResult reloaded = loadManifests(after->toUtf8(), file);
    QVERIFY2(reloaded.errors.isEmpty(), qPrintable(context));
    QCOMPARE(reloaded.objects.size(), before.objects.size());
    const QStringList field = QStringList(where) << kBurstLabel;
    for (qsizetype j = 0; j < before.objects.size(); ++j) {
        const QJsonObject expected =
            j == i ? withField(object.object, field, S("enforce")) : before.objects.at(j).object;
        QVERIFY2(reloaded.objects.at(j).object == expected, qPrintable(context));
    }
    const QStringList afterLines = after->split(u'\n');
    for (const QString &comment : commentLines(text))
        QVERIFY2(afterLines.contains(comment), qPrintable(context + u": " + comment));
    if (file.endsWith(u".json")) {
        QJsonParseError error;
        QJsonDocument::fromJson(after->toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(context));
    }

    QJsonObject labels = object.object;
    for (const QString &step : where)
        labels = labels.value(step).toObject();
    if (labels.contains(kBurstLabel))
        return;
    const core::Result<QString> removed = yamledit::removeValue(*after, object.document, path);
    QVERIFY2(removed.ok(), qPrintable(context));
    if (!labels.isEmpty()) {
        QCOMPARE(*removed, text);
        return;
    }
    const LoadResult emptied = loadManifests(removed->toUtf8(), file);
    QVERIFY2(emptied.errors.isEmpty(), qPrintable(context));
    QCOMPARE(emptied.objects.at(i).object, withField(object.object, where, QJsonObject()));
}

void tst_Yamledit::burstLabelOnRealFiles()
{
    int files = 0;
    int edits = 0;
    for (const QString &file : manifestFiles()) {
        const QString text = readFile(file);
        const LoadResult before = loadManifests(text.toUtf8(), file);
        if (!before.errors.isEmpty())
            continue;
        bool podBearing = false;
        for (qsizetype i = 0; i < before.objects.size(); ++i) {
            const std::optional<Workload> workload =
                workloadFromObject(before.objects.at(i).object, nullptr);
            if (!workload)
                continue;
            podBearing = true;
            const QStringList metadataLabels = {QStringLiteral("metadata"),
                                                QStringLiteral("labels")};
            QStringList podLabels = metadataLabels;
            if (!workload->isPod())
                podLabels = workload->templatePath.split(u'.') + metadataLabels;
            for (const QStringList &where : {metadataLabels, podLabels}) {
                checkBurstLabel(file, text, before, i, where);
                if (QTest::currentTestFailed())
                    return;
                ++edits;
            }
        }
        files += podBearing ? 1 : 0;
    }
    qInfo("burst label set in %d files, %d edits", files, edits);
    QVERIFY(files >= 20);
}

QTEST_GUILESS_MAIN(tst_Yamledit)
#include "tst_yamledit.moc"
