#include "core/burst/workloadtemplate.h"
#include "core/kube/manifestloader.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace core::burst;

namespace {

// A small template: one Secret, one ConfigMap, one Deployment; `parameters` is the YAML list of
// the schema's parameters.
QByteArray smallTemplate(const QByteArray &parameters)
{
    return QByteArrayLiteral("apiVersion: templates.burst-console.io/v1alpha1\n"
                             "kind: WorkloadTemplate\n"
                             "metadata:\n  name: small\n"
                             "parameters:\n") +
           parameters +
           QByteArrayLiteral("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n"
                             "stringData: {}\ndata: {}\n"
                             "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: conf\n"
                             "data:\n  mode: prod\n"
                             "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                             "spec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n"
                             "        app: web\n    spec:\n      containers:\n"
                             "        - name: c\n          image: nginx\n          env:\n"
                             "            - name: A\n              value: x\n");
}

const QByteArray kImageParameter =
    "  - name: image\n    type: string\n    default: nginx\n    targets:\n"
    "      - object: Deployment/web\n        path: spec.template.spec.containers[0].image\n";
const QByteArray kSecretParameter =
    "  - name: password\n    type: secret\n    required: true\n    targets:\n"
    "      - object: Secret/creds\n        path: stringData.password\n"
    "      - object: Secret/creds\n        path: data.encoded\n";

WorkloadTemplate parsed(const QByteArray &parameters)
{
    const auto t = parseWorkloadTemplate(smallTemplate(parameters), QStringLiteral("small.yaml"));
    if (!t)
        qWarning("%s", qPrintable(t.error().message));
    return t ? t.value() : WorkloadTemplate{};
}

QJsonObject objectOf(const QList<QJsonObject> &objects, const QString &kind)
{
    for (const QJsonObject &o : objects) {
        if (o.value(u"kind").toString() == kind)
            return o;
    }
    return {};
}

QJsonObject firstContainer(const QJsonObject &deployment)
{
    const QJsonObject podSpec = deployment.value(u"spec")
                                    .toObject()
                                    .value(u"template")
                                    .toObject()
                                    .value(u"spec")
                                    .toObject();
    return podSpec.value(u"containers").toArray().at(0).toObject();
}

QString sourceFile(const QString &relative)
{
    return qEnvironmentVariable("BURST_SOURCE_DIR") + u'/' + relative;
}

} // namespace

class tst_WorkloadTemplate : public QObject
{
    Q_OBJECT

private slots:
    void refusesBadSchema_data()
    {
        QTest::addColumn<QByteArray>("parameters");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown type")
            << QByteArray("  - name: a\n    type: float\n    targets:\n"
                          "      - object: ConfigMap/conf\n        path: data.mode\n")
            << QStringLiteral("template.parameterType") << QStringLiteral("float");
        QTest::newRow("secret with a default")
            << QByteArray("  - name: pw\n    type: secret\n    default: hunter2\n    targets:\n"
                          "      - object: Secret/creds\n        path: stringData.pw\n")
            << QStringLiteral("template.secretDefault") << QStringLiteral("pw");
        QTest::newRow("secret into a ConfigMap")
            << QByteArray("  - name: pw\n    type: secret\n    targets:\n"
                          "      - object: ConfigMap/conf\n        path: data.pw\n")
            << QStringLiteral("template.secretTarget") << QStringLiteral("ConfigMap/conf");
        QTest::newRow("secret into a container's env")
            << QByteArray("  - name: pw\n    type: secret\n    targets:\n"
                          "      - object: Deployment/web\n"
                          "        path: spec.template.spec.containers[0].env[0].value\n")
            << QStringLiteral("template.secretTarget") << QStringLiteral("Deployment/web");
        QTest::newRow("secret into a Secret's labels")
            << QByteArray("  - name: pw\n    type: secret\n    targets:\n"
                          "      - object: Secret/creds\n        path: [metadata, pw]\n")
            << QStringLiteral("template.secretTarget") << QStringLiteral("metadata");
        QTest::newRow("secret one level too deep")
            << QByteArray("  - name: pw\n    type: secret\n    targets:\n"
                          "      - object: Secret/creds\n        path: stringData.pw.x\n")
            << QStringLiteral("template.target") << QStringLiteral("pw");
        QTest::newRow("no such object")
            << QByteArray("  - name: a\n    targets:\n"
                          "      - object: Deployment/api\n        path: spec.replicas\n")
            << QStringLiteral("template.target") << QStringLiteral("Deployment/api");
        QTest::newRow("parent path missing")
            << QByteArray("  - name: a\n    targets:\n"
                          "      - object: Deployment/web\n        path: spec.strategy.type\n")
            << QStringLiteral("template.target") << QStringLiteral("spec.strategy");
        QTest::newRow("list index past the end")
            << QByteArray("  - name: a\n    targets:\n      - object: Deployment/web\n"
                          "        path: spec.template.spec.containers[3]\n")
            << QStringLiteral("template.target") << QStringLiteral("containers");
        QTest::newRow("bad path")
            << QByteArray("  - name: a\n    targets:\n"
                          "      - object: Deployment/web\n        path: spec..replicas\n")
            << QStringLiteral("template.path") << QStringLiteral("spec..replicas");
        QTest::newRow("no targets") << QByteArray("  - name: a\n")
                                    << QStringLiteral("template.target") << QStringLiteral("a");
        QTest::newRow("bad name")
            << QByteArray("  - name: my-param\n    targets:\n"
                          "      - object: ConfigMap/conf\n        path: data.mode\n")
            << QStringLiteral("template.parameterName") << QStringLiteral("my-param");
        QTest::newRow("name read as a boolean")
            << QByteArray("  - name: n\n    targets:\n"
                          "      - object: ConfigMap/conf\n        path: data.mode\n")
            << QStringLiteral("template.parameterName") << QStringLiteral("boolean");
        QTest::newRow("declared twice")
            << kImageParameter + kImageParameter << QStringLiteral("template.parameterName")
            << QStringLiteral("image");
        QTest::newRow("default of the wrong type")
            << QByteArray("  - name: count\n    type: int\n    default: many\n    targets:\n"
                          "      - object: Deployment/web\n        path: spec.replicas\n")
            << QStringLiteral("template.default") << QStringLiteral("many");
    }
    void refusesBadSchema()
    {
        QFETCH(QByteArray, parameters);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const auto t = parseWorkloadTemplate(smallTemplate(parameters), QStringLiteral("small.yaml"));
        QVERIFY(!t);
        QCOMPARE(t.error().code, code);
        QVERIFY2(t.error().message.contains(mentions), qPrintable(t.error().message));
        QVERIFY(t.error().message.startsWith(QStringLiteral("small.yaml: ")));
    }

    void refusesFileWithoutSchema()
    {
        const auto t = parseWorkloadTemplate("apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                             "  name: a\n",
                                             QStringLiteral("x.yaml"));
        QVERIFY(!t);
        QCOMPARE(t.error().code, QStringLiteral("template.schema"));
    }

    void parsesValues_data()
    {
        QTest::addColumn<QByteArray>("parameter");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonValue>("expected"); // Undefined: refused
        const QByteArray target = "    targets:\n      - object: ConfigMap/conf\n"
                                  "        path: data.mode\n";
        const QByteArray intParam = "  - name: count\n    type: int\n    minimum: 1\n    maximum: 10\n";
        QTest::newRow("int") << intParam + target << QStringLiteral("7") << QJsonValue(7);
        QTest::newRow("int below") << intParam + target << QStringLiteral("0") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("int above") << intParam + target << QStringLiteral("11") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("int text") << intParam + target << QStringLiteral("seven") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("int float") << intParam + target << QStringLiteral("1.5") << QJsonValue(QJsonValue::Undefined);
        const QByteArray boolParam = "  - name: flag\n    type: bool\n";
        QTest::newRow("bool true") << boolParam + target << QStringLiteral("true") << QJsonValue(true);
        QTest::newRow("bool false") << boolParam + target << QStringLiteral("false")
                                    << QJsonValue(false);
        QTest::newRow("bool yes") << boolParam + target << QStringLiteral("yes") << QJsonValue(QJsonValue::Undefined);
        const QByteArray quantity = "  - name: q\n    type: quantity\n";
        QTest::newRow("quantity") << quantity + target << QStringLiteral("512Mi")
                                  << QJsonValue(QStringLiteral("512Mi"));
        QTest::newRow("quantity bad") << quantity + target << QStringLiteral("lots") << QJsonValue(QJsonValue::Undefined);
        const QByteArray allowed = "  - name: s\n    allowed: [prod, test]\n";
        QTest::newRow("allowed") << allowed + target << QStringLiteral("test")
                                 << QJsonValue(QStringLiteral("test"));
        QTest::newRow("not allowed") << allowed + target << QStringLiteral("dev") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("string keeps everything")
            << QByteArray("  - name: s\n") + target << QStringLiteral(" a: b\n- c ")
            << QJsonValue(QStringLiteral(" a: b\n- c "));
    }
    void parsesValues()
    {
        QFETCH(QByteArray, parameter);
        QFETCH(QString, text);
        QFETCH(QJsonValue, expected);
        const WorkloadTemplate t = parsed(parameter);
        QCOMPARE(t.parameters.size(), 1);
        const auto value = parseParameterValue(t.parameters.first(), text);
        if (expected.isUndefined()) {
            QVERIFY(!value);
            QCOMPARE(value.error().code, QStringLiteral("template.value"));
            QVERIFY(value.error().message.startsWith(t.parameters.first().name));
        } else {
            QVERIFY2(value, value ? "" : qPrintable(value.error().message));
            QCOMPARE(value.value(), expected);
        }
    }

    // A value is one node wherever it lands: whatever its text, reading the output back gives
    // the same fields as without it, and the value itself at the target.
    void valuesCannotInjectStructure_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("newline and key") << QStringLiteral("x\n  evil: 1");
        QTest::newRow("template braces") << QStringLiteral("{{ .Values.evil }}");
        QTest::newRow("flow mapping") << QStringLiteral("{evil: 1}");
        QTest::newRow("document marker") << QStringLiteral("x\n---\nkind: Secret");
        QTest::newRow("list item") << QStringLiteral("- evil");
        QTest::newRow("anchor and alias") << QStringLiteral("&a x *a");
        QTest::newRow("quote and comment") << QStringLiteral("\" # evil: 1");
        QTest::newRow("yaml 1.1 bool") << QStringLiteral("yes");
    }
    void valuesCannotInjectStructure()
    {
        QFETCH(QString, value);
        const WorkloadTemplate t = parsed(kImageParameter + kSecretParameter);
        QCOMPARE(t.parameters.size(), 2);
        const auto rendered = renderTemplate(
            t, QStringLiteral("shop"),
            {{QStringLiteral("image"), value}, {QStringLiteral("password"), value}});
        QVERIFY(rendered);
        const QByteArray yaml = toMultiDocumentYaml(rendered.value());
        const core::kube::LoadResult back = core::kube::loadManifests(yaml, QStringLiteral("out"));
        QVERIFY(back.errors.isEmpty());
        QCOMPARE(back.objects.size(), 3);
        const QJsonObject deployment = back.objects.at(2).object;
        const QJsonObject container = firstContainer(deployment);
        QCOMPARE(container.value(u"image").toString(), value);
        QCOMPARE(container.keys(), (QStringList{QStringLiteral("env"), QStringLiteral("image"),
                                               QStringLiteral("name")}));
        const QJsonObject secret = back.objects.at(0).object;
        QCOMPARE(secret.value(u"stringData").toObject(),
                 (QJsonObject{{QStringLiteral("password"), value}}));
        QCOMPARE(secret.value(u"data").toObject().value(u"encoded").toString(),
                 QString::fromLatin1(value.toUtf8().toBase64()));
        QCOMPARE(secret.value(u"data").toObject().size(), 1);
        QCOMPARE(deployment.value(u"metadata").toObject().value(u"namespace").toString(),
                 QStringLiteral("shop"));
    }

    void renderErrors_data()
    {
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<QStringList>("assignments"); // KEY=VALUE
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing secret")
            << QStringLiteral("shop") << QStringList{} << QStringLiteral("template.missingParameter")
            << QStringLiteral("password");
        QTest::newRow("missing secret names its variable")
            << QStringLiteral("shop") << QStringList{} << QStringLiteral("template.missingParameter")
            << QStringLiteral("BURST_SECRET_PASSWORD");
        QTest::newRow("unknown parameter")
            << QStringLiteral("shop") << QStringList{QStringLiteral("password=x"),
                                                     QStringLiteral("tag=1")}
            << QStringLiteral("template.unknownParameter") << QStringLiteral("tag");
        QTest::newRow("empty secret")
            << QStringLiteral("shop") << QStringList{QStringLiteral("password=")}
            << QStringLiteral("template.value") << QStringLiteral("password");
        QTest::newRow("bad namespace")
            << QStringLiteral("Shop_1") << QStringList{QStringLiteral("password=x")}
            << QStringLiteral("template.namespace") << QStringLiteral("Shop_1");
    }
    void renderErrors()
    {
        QFETCH(QString, nameSpace);
        QFETCH(QStringList, assignments);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        QHash<QString, QString> values;
        for (const QString &a : assignments)
            values.insert(a.section(u'=', 0, 0), a.section(u'=', 1));
        const auto rendered = renderTemplate(parsed(kImageParameter + kSecretParameter), nameSpace,
                                             values);
        QVERIFY(!rendered);
        QCOMPARE(rendered.error().code, code);
        QVERIFY2(QString(rendered.error().message + rendered.error().hint).contains(mentions),
                 qPrintable(rendered.error().message));
    }

    void defaultsApplyAndUnsetOptionalKeepsTemplate()
    {
        const WorkloadTemplate t =
            parsed(kImageParameter +
                   "  - name: mode\n    targets:\n      - object: ConfigMap/conf\n"
                   "        path: data.mode\n");
        const auto rendered = renderTemplate(t, QStringLiteral("shop"), {});
        QVERIFY(rendered);
        QCOMPARE(objectOf(rendered.value(), QStringLiteral("ConfigMap"))
                     .value(u"data")
                     .toObject()
                     .value(u"mode"),
                 QJsonValue(QStringLiteral("prod")));
        for (const QJsonObject &o : rendered.value())
            QCOMPARE(o.value(u"metadata").toObject().value(u"namespace").toString(),
                     QStringLiteral("shop"));
    }

    void splitsFieldPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("steps"); // empty: refused
        QTest::newRow("keys") << QStringLiteral("spec.replicas")
                              << QStringList{QStringLiteral("spec"), QStringLiteral("replicas")};
        QTest::newRow("index") << QStringLiteral("containers[0].image")
                               << QStringList{QStringLiteral("containers"), QStringLiteral("[0]"),
                                              QStringLiteral("image")};
        QTest::newRow("two indexes") << QStringLiteral("a[1][2]")
                                     << QStringList{QStringLiteral("a"), QStringLiteral("[1]"),
                                                    QStringLiteral("[2]")};
        QTest::newRow("empty") << QString() << QStringList{};
        QTest::newRow("double dot") << QStringLiteral("a..b") << QStringList{};
        QTest::newRow("trailing dot") << QStringLiteral("a.") << QStringList{};
        QTest::newRow("leading dot") << QStringLiteral(".a") << QStringList{};
        QTest::newRow("bad index") << QStringLiteral("a[x]") << QStringList{};
    }
    void splitsFieldPaths()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, steps);
        const auto split = splitFieldPath(path);
        QCOMPARE(bool(split), !steps.isEmpty());
        if (split)
            QCOMPARE(split.value(), steps);
    }

    void secretEnvironmentNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("variable");
        QTest::newRow("camel") << QStringLiteral("mysqlRootPassword")
                               << QStringLiteral("BURST_SECRET_MYSQL_ROOT_PASSWORD");
        QTest::newRow("one word") << QStringLiteral("token") << QStringLiteral("BURST_SECRET_TOKEN");
        QTest::newRow("digits") << QStringLiteral("key2") << QStringLiteral("BURST_SECRET_KEY2");
    }
    void secretEnvironmentNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, variable);
        QCOMPARE(secretEnvironmentName(name), variable);
    }

    // The shipped template: the guide's objects, the password only in a Secret and read through
    // secretKeyRef, every secret parameter targeting a Secret.
    void builtinWordpress()
    {
        QFile file(sourceFile(QStringLiteral("resources/templates/wordpress.yaml")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto t = parseWorkloadTemplate(file.readAll(), file.fileName());
        QVERIFY2(t, t ? "" : qPrintable(t.error().message));
        QCOMPARE(t->name, QStringLiteral("wordpress"));
        QStringList kinds;
        for (const QJsonObject &o : t->objects)
            kinds << o.value(u"kind").toString() + u'/' +
                         o.value(u"metadata").toObject().value(u"name").toString();
        QCOMPARE(kinds, (QStringList{QStringLiteral("Secret/mysql-credentials"),
                                     QStringLiteral("Secret/imagepull-secret"),
                                     QStringLiteral("Deployment/mysql"),
                                     QStringLiteral("Service/mysql"),
                                     QStringLiteral("Deployment/wordpress"),
                                     QStringLiteral("Service/wordpress"),
                                     QStringLiteral("Ingress/wordpress")}));
        const QString password = QStringLiteral("s3cr3t-Pa55");
        const auto rendered = renderTemplate(
            t.value(), QStringLiteral("blog"),
            {{QStringLiteral("mysqlRootPassword"), password},
             {QStringLiteral("imagePullConfig"), QStringLiteral("{\"auths\":{}}")},
             {QStringLiteral("elbId"), QStringLiteral("2d48d034-6046-48db-8bb2-53c67e8148b5")},
             {QStringLiteral("wordpressReplicas"), QStringLiteral("3")}});
        QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
        for (const QJsonObject &o : rendered.value()) {
            const QByteArray yaml = core::kube::jsonToYaml(o);
            QCOMPARE(yaml.contains(password.toUtf8()), o.value(u"kind").toString() == u"Secret" &&
                                                           yaml.contains("mysql-credentials"));
        }
        const QJsonObject wordpress = rendered->at(4);
        QCOMPARE(wordpress.value(u"spec").toObject().value(u"replicas"), QJsonValue(3));
        const QJsonArray env = firstContainer(wordpress)
                                   .value(u"env")
                                   .toArray();
        bool viaSecret = false;
        for (const QJsonValue &e : env) {
            if (e.toObject().value(u"name").toString() == u"WORDPRESS_DB_PASSWORD")
                viaSecret = e.toObject()
                                .value(u"valueFrom")
                                .toObject()
                                .value(u"secretKeyRef")
                                .toObject()
                                .value(u"name")
                                .toString() == u"mysql-credentials";
        }
        QVERIFY(viaSecret);
        QCOMPARE(rendered->at(6)
                     .value(u"metadata")
                     .toObject()
                     .value(u"annotations")
                     .toObject()
                     .value(u"kubernetes.io/elb.id")
                     .toString(),
                 QStringLiteral("2d48d034-6046-48db-8bb2-53c67e8148b5"));
        for (const TemplateParameter &p : t->parameters) {
            if (!p.isSecret())
                continue;
            for (const TemplateTarget &target : p.targets)
                QCOMPARE(target.kind, QStringLiteral("Secret"));
        }
    }
};

QTEST_GUILESS_MAIN(tst_WorkloadTemplate)
#include "tst_workloadtemplate.moc"
