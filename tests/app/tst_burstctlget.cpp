#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// burstctl get / watch against a burst-sandbox process, compared with the real kubectl on the
// same server: same names, same columns.
class tst_BurstctlGet : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;

    Run burstctl(const QStringList &args, int timeoutMs = 30000)
    {
        QProcess p;
        p.start(QStringLiteral(BURSTCTL_PATH),
                QStringList{QStringLiteral("--kubeconfig"), m_sandbox.kubeconfig()} + args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }

    // Rows as cells, without the AGE column (the two runs may be a second apart).
    static QList<QStringList> cellsWithoutAge(const QString &table)
    {
        QList<QStringList> rows;
        qsizetype ageColumn = -1;
        for (const QString &line : table.trimmed().split(u'\n')) {
            QStringList cells = line.simplified().split(u' ');
            if (ageColumn < 0)
                ageColumn = cells.indexOf(QStringLiteral("AGE"));
            if (ageColumn >= 0 && ageColumn < cells.size())
                cells.removeAt(ageColumn);
            rows.append(cells);
        }
        return rows;
    }

    static QStringList itemNames(const QString &json)
    {
        QStringList names;
        for (const QJsonValue &item :
             QJsonDocument::fromJson(json.toUtf8()).object().value(u"items").toArray())
            names.append(item.toObject().value(u"metadata").toObject().value(u"name").toString());
        names.sort();
        return names;
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        // Preloaded pods only: they are Running from the start, so two listings a moment apart
        // (ours and kubectl's) see the same cells.
        QVERIFY(m_sandbox.start({QStringLiteral("--pods"), QStringLiteral("120"),
                                  QStringLiteral("--no-examples")}));
        const Run labelled = m_sandbox.kubectl({QStringLiteral("run"), QStringLiteral("labelled"),
                                                QStringLiteral("--image=nginx"),
                                                QStringLiteral("-l"), QStringLiteral("tier=edge")});
        QCOMPARE(labelled.exitCode, 0);
        // The sandbox's kubelet starts it within seconds; compare listings once it is Running.
        const Run ready = m_sandbox.kubectl(
            {QStringLiteral("wait"), QStringLiteral("--for=condition=Ready"),
             QStringLiteral("pod/labelled"), QStringLiteral("--timeout=60s")});
        QVERIFY2(ready.exitCode == 0, qPrintable(ready.err));
    }

    void cleanupTestCase() { m_sandbox.stop(); }

    void tables_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("pods -A") << QStringList{QStringLiteral("pods"), QStringLiteral("-A")};
        QTest::newRow("po -n payments")
            << QStringList{QStringLiteral("po"), QStringLiteral("-n"), QStringLiteral("payments")};
        QTest::newRow("pods -o wide -A")
            << QStringList{QStringLiteral("pods"), QStringLiteral("-A"), QStringLiteral("-o"),
                           QStringLiteral("wide")};
        QTest::newRow("nodes") << QStringList{QStringLiteral("nodes")};
        QTest::newRow("nodes -o wide")
            << QStringList{QStringLiteral("nodes"), QStringLiteral("-o"), QStringLiteral("wide")};
        QTest::newRow("one node") << QStringList{QStringLiteral("node"),
                                                 QStringLiteral("virtual-kubelet")};
        QTest::newRow("label selector") << QStringList{QStringLiteral("pods"), QStringLiteral("-l"),
                                                       QStringLiteral("tier=edge")};
        QTest::newRow("chunked") << QStringList{QStringLiteral("pods"), QStringLiteral("-A"),
                                                QStringLiteral("--chunk-size"),
                                                QStringLiteral("7")};
    }

    void tables()
    {
        QFETCH(QStringList, args);
        const Run ours = burstctl(QStringList{QStringLiteral("get")} + args);
        const Run theirs = m_sandbox.kubectl(QStringList{QStringLiteral("get")} + args);
        QCOMPARE(theirs.exitCode, 0);
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.err));
        QCOMPARE(ours.out.section(u'\n', 0, 0), theirs.out.section(u'\n', 0, 0)); // header
        QCOMPARE(cellsWithoutAge(ours.out), cellsWithoutAge(theirs.out));
        QVERIFY(ours.out.count(u'\n') >= 2);
    }

    void names_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("pods -A") << QStringList{QStringLiteral("pods"), QStringLiteral("-A")};
        QTest::newRow("deployments.apps -A")
            << QStringList{QStringLiteral("deployments.apps"), QStringLiteral("-A")};
        QTest::newRow("nodes") << QStringList{QStringLiteral("nodes")};
        QTest::newRow("-l") << QStringList{QStringLiteral("pods"), QStringLiteral("-l"),
                                           QStringLiteral("tier=edge")};
        QTest::newRow("scheduleprofiles")
            << QStringList{QStringLiteral("scheduleprofiles"), QStringLiteral("-A")};
    }

    void names()
    {
        QFETCH(QStringList, args);
        const QStringList output{QStringLiteral("-o"), QStringLiteral("name")};
        const Run ours = burstctl(QStringList{QStringLiteral("get")} + args + output);
        const Run theirs = m_sandbox.kubectl(QStringList{QStringLiteral("get")} + args + output);
        QCOMPARE(ours.exitCode, theirs.exitCode);
        QCOMPARE(ours.out, theirs.out);
    }

    void json()
    {
        const QStringList args{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                               QStringLiteral("-o"), QStringLiteral("json")};
        const Run ours = burstctl(args);
        const Run theirs = m_sandbox.kubectl(args);
        QCOMPARE(ours.exitCode, 0);
        const QJsonObject list = QJsonDocument::fromJson(ours.out.toUtf8()).object();
        const QJsonObject expected = QJsonDocument::fromJson(theirs.out.toUtf8()).object();
        QCOMPARE(list.value(u"kind"), expected.value(u"kind")); // "List"
        QCOMPARE(list.value(u"apiVersion"), expected.value(u"apiVersion"));
        QCOMPARE(itemNames(ours.out), itemNames(theirs.out));
        QVERIFY(itemNames(ours.out).size() >= 121);
        const QJsonObject first = list.value(u"items").toArray().first().toObject();
        const QJsonObject expectedFirst = expected.value(u"items").toArray().first().toObject();
        QCOMPARE(first.value(u"kind"), expectedFirst.value(u"kind"));
        QCOMPARE(first.value(u"apiVersion"), expectedFirst.value(u"apiVersion"));
    }

    void notFound()
    {
        const QStringList args{QStringLiteral("get"), QStringLiteral("pod"),
                               QStringLiteral("no-such-pod")};
        const Run ours = burstctl(args);
        const Run theirs = m_sandbox.kubectl(args);
        QCOMPARE(ours.exitCode, theirs.exitCode);
        QCOMPARE(ours.err.trimmed(), theirs.err.trimmed());
    }

    void watchCount()
    {
        const Run existing = m_sandbox.kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                                QStringLiteral("-n"), QStringLiteral("payments"),
                                                QStringLiteral("-o"), QStringLiteral("name")});
        const int count = int(existing.out.trimmed().split(u'\n').size());
        QProcess watch;
        watch.start(QStringLiteral(BURSTCTL_PATH),
                    {QStringLiteral("--kubeconfig"), m_sandbox.kubeconfig(),
                     QStringLiteral("watch"), QStringLiteral("pods"), QStringLiteral("-n"),
                     QStringLiteral("payments"), QStringLiteral("--count"),
                     QString::number(count + 2)});
        QVERIFY(watch.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromUtf8(watch.peek(1 << 20)).count(u'\n'),
                                  qsizetype(count), 10000);
        QCOMPARE(
            m_sandbox
                .kubectl({QStringLiteral("run"), QStringLiteral("watched"), QStringLiteral("-n"),
                          QStringLiteral("payments"), QStringLiteral("--image=nginx")})
                .exitCode,
            0);
        QCOMPARE(m_sandbox
                     .kubectl({QStringLiteral("delete"), QStringLiteral("pod"),
                               QStringLiteral("watched"), QStringLiteral("-n"),
                               QStringLiteral("payments"), QStringLiteral("--wait=false")})
                     .exitCode,
                 0);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
        const QStringList lines =
            QString::fromUtf8(watch.readAllStandardOutput()).trimmed().split(u'\n');
        QCOMPARE(lines.size(), count + 2);
        const QRegularExpression format(
            QStringLiteral("^(ADDED|MODIFIED|DELETED) payments/[a-z0-9.-]+ \\d+$"));
        for (const QString &line : lines)
            QVERIFY2(format.match(line).hasMatch(), qPrintable(line));
        QVERIFY(lines.at(count).startsWith(u"ADDED payments/watched ") ||
                lines.at(count).startsWith(u"MODIFIED payments/watched "));
        QVERIFY(lines.last().startsWith(u"DELETED payments/watched ") ||
                lines.last().startsWith(u"MODIFIED payments/watched "));
    }
};

QTEST_GUILESS_MAIN(tst_BurstctlGet)
#include "tst_burstctlget.moc"
