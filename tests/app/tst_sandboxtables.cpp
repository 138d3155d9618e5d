#include "sandboxprocess.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// The real kubectl prints the columns burst-sandbox's Table responses declare: the same headers
// and cell formats `kubectl get` shows against a real API server (printers.go, Kubernetes 1.30).
class tst_SandboxTables : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;

    Run kubectl(const QStringList &args) { return m_sandbox.kubectl(args); }

    QString writeFile(const QString &name, const QByteArray &text)
    {
        const QString path = m_sandbox.tempPath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        return path;
    }

    static QStringList words(const QString &line)
    {
        static const QRegularExpression space(QStringLiteral("\\s+"));
        return line.trimmed().split(space, Qt::SkipEmptyParts);
    }

    // The header lines of a multi-resource `kubectl get`: one table per resource type.
    static QList<QStringList> headers(const QString &out)
    {
        QList<QStringList> result;
        for (const QString &line : out.split(u'\n')) {
            if (line.startsWith(u"NAMESPACE ") || line.startsWith(u"NAME "))
                result.append(words(line));
        }
        return result;
    }

    // A deployment whose READY is "n/n" with n > 0, as {namespace, name}; empty until one is.
    QStringList readyDeployment()
    {
        static const QRegularExpression full(QStringLiteral("^([1-9]\\d*)/\\1$"));
        const Run get = kubectl({QStringLiteral("get"), QStringLiteral("deployments"),
                                 QStringLiteral("-A"), QStringLiteral("--no-headers")});
        for (const QString &line : get.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList row = words(line);
            if (full.match(row.value(2)).hasMatch())
                return row.mid(0, 2);
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        const QString scenario = writeFile(
            QStringLiteral("scenario.yaml"),
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: default\n"
            "spec:\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n    protocol: TCP\n"
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
            "  namespace: default\ndata:\n  a: \"1\"\n  b: \"2\"\n"
            "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: default\n"
            "type: Opaque\ndata:\n  t: dG9rZW4=\n"
            "---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n  namespace: default\n"
            "spec:\n  completions: 1\n  template:\n    metadata:\n      annotations:\n"
            "        sandbox.burst.io/run-seconds: \"2\"\n    spec:\n      restartPolicy: Never\n"
            "      containers:\n      - name: once\n        image: busybox:1.36\n"
            "---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n"
            "  namespace: default\nspec:\n  replicas: 1\n  serviceName: db\n  selector:\n"
            "    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n"
            "        app: db\n    spec:\n      containers:\n      - name: db\n"
            "        image: postgres:16\n");
        QVERIFY(m_sandbox.start({QStringLiteral("--clock-speed"), QStringLiteral("20"),
                                 QStringLiteral("--scenario"), scenario}));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void deploymentBecomesReady()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!readyDeployment().isEmpty(), 60000);
        const QStringList deployment = readyDeployment();
        const Run wide = kubectl({QStringLiteral("get"), QStringLiteral("deploy"),
                                  deployment.value(1), QStringLiteral("-n"), deployment.value(0),
                                  QStringLiteral("-o"), QStringLiteral("wide")});
        QCOMPARE(wide.exitCode, 0);
        const QStringList lines = wide.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(words(lines.first()),
                 QStringLiteral("NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR")
                     .split(u' '));
        const QStringList row = words(lines.at(1));
        QCOMPARE(row.size(), 8);
        QCOMPARE(row.at(2), row.at(1).section(u'/', 1)); // all up to date once rolled out
        QVERIFY2(row.at(7).contains(u'='), qPrintable(row.at(7)));
    }

    void servicesWide()
    {
        const Run wide =
            kubectl({QStringLiteral("get"), QStringLiteral("svc"), QStringLiteral("web"),
                     QStringLiteral("-o"), QStringLiteral("wide")});
        QVERIFY2(wide.exitCode == 0, qPrintable(wide.err));
        const QStringList lines = wide.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(
            words(lines.first()),
            QStringLiteral("NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR").split(u' '));
        const QStringList row = words(lines.at(1));
        QCOMPARE(row.value(0), QStringLiteral("web"));
        QCOMPARE(row.value(1), QStringLiteral("ClusterIP"));
        QCOMPARE(row.value(3), QStringLiteral("<none>"));
        QCOMPARE(row.value(4), QStringLiteral("80/TCP"));
        QCOMPARE(row.value(6), QStringLiteral("app=nginx"));
    }

    void jobCompletesAndStatefulSetReady()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            words(kubectl({QStringLiteral("get"), QStringLiteral("job"), QStringLiteral("once"),
                           QStringLiteral("--no-headers")})
                      .out)
                    .mid(1, 2) == QStringList({QStringLiteral("Complete"), QStringLiteral("1/1")}),
            60000);
        QTRY_COMPARE_WITH_TIMEOUT(
            words(kubectl({QStringLiteral("get"), QStringLiteral("sts"), QStringLiteral("db"),
                           QStringLiteral("--no-headers")})
                      .out)
                .value(1),
            QStringLiteral("1/1"), 60000);
    }

    void eventsNamePodObjects()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-A")})
                .out.contains(u"pod/"),
            30000);
    }

    // --sort-by asks the Table rows for whole objects (includeObject=Object) and sorts by a
    // field of them: the rows come back in that order, none dropped.
    void sortByFieldOfTheObject_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("column"); // the printed column in order; < 0: from the end
        // NODE is third from the end of -o wide (RESTARTS may hold spaces: "1 (5s ago)").
        QTest::newRow("pods by node") << QStringList{u"pods"_s, u"-A"_s, u"-o"_s, u"wide"_s,
                                                     u"--sort-by={.spec.nodeName}"_s}
                                      << -3;
        QTest::newRow("events by type")
            << QStringList{u"events"_s, u"-A"_s, u"--sort-by=.type"_s} << 2;
        QTest::newRow("events by reason")
            << QStringList{u"events"_s, u"-A"_s, u"--sort-by=.reason"_s} << 3;
    }

    void sortByFieldOfTheObject()
    {
        QFETCH(QStringList, args);
        QFETCH(int, column);
        const Run plain = kubectl(QStringList{u"get"_s} + args.mid(0, args.size() - 1) +
                                  QStringList{u"--no-headers"_s});
        const Run sorted = kubectl(QStringList{u"get"_s} + args + QStringList{u"--no-headers"_s});
        QVERIFY2(sorted.exitCode == 0, qPrintable(sorted.err));
        const QStringList lines = sorted.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() > 3, qPrintable(sorted.out + sorted.err));
        // Objects come and go while the controllers run; the counts stay close.
        QVERIFY2(qAbs(lines.size() - plain.out.count(u'\n')) < 10, qPrintable(sorted.out));
        QStringList keys;
        for (const QString &line : lines) {
            const QStringList row = words(line);
            keys.append(row.value(column < 0 ? row.size() + column : column));
        }
        QStringList inOrder = keys;
        std::stable_sort(inOrder.begin(), inOrder.end());
        QCOMPARE(keys, inOrder);
    }

    // Last: every type has objects by now, and kubectl prints no header for an empty list.
    void allResourceHeaders()
    {
        const Run get = kubectl({QStringLiteral("get"),
                                 QStringLiteral("deploy,rs,sts,jobs,svc,cm,secrets,ns,events,"
                                                "scheduleprofiles"),
                                 QStringLiteral("-A")});
        QVERIFY2(get.exitCode == 0, qPrintable(get.err));
        const QList<QStringList> got = headers(get.out);
        const QList<QStringList> expected{
            QStringLiteral("NAMESPACE NAME READY UP-TO-DATE AVAILABLE AGE").split(u' '),
            QStringLiteral("NAMESPACE NAME DESIRED CURRENT READY AGE").split(u' '),
            QStringLiteral("NAMESPACE NAME READY AGE").split(u' '),
            QStringLiteral("NAMESPACE NAME STATUS COMPLETIONS DURATION AGE").split(u' '),
            QStringLiteral("NAMESPACE NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE").split(u' '),
            QStringLiteral("NAMESPACE NAME DATA AGE").split(u' '),
            QStringLiteral("NAMESPACE NAME TYPE DATA AGE").split(u' '),
            // kubectl itself adds NAMESPACE to every table of an -A listing, cluster-scoped too.
            QStringLiteral("NAMESPACE NAME STATUS AGE").split(u' '),
            QStringLiteral("NAMESPACE LAST SEEN TYPE REASON OBJECT MESSAGE").split(u' '),
            QStringLiteral("NAMESPACE NAME STRATEGY LOCAL-MAX CCI-MAX USED-LOCAL USED-CCI AGE")
                .split(u' '),
        };
        QStringList gotText;
        for (const QStringList &h : got)
            gotText.append(h.join(u' '));
        QVERIFY2(got == expected, qPrintable(gotText.join(u'|')));
        QVERIFY(get.out.contains(u"80/TCP"));
        QVERIFY(get.out.contains(u"Opaque"));
        QVERIFY(get.out.contains(u"Active"));
        QVERIFY(get.out.contains(u"localPrefer"));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxTables)
#include "tst_sandboxtables.moc"
