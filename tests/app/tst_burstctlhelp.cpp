#include "tests/app/burstctlprocess.h"

#include <QTest>

// burstctl's arguments and help as a process: bad arguments exit 2 with one line, every
// command's help lists its flags and names the rules it decided (tst_burstctl has the commands'
// results).
class tst_burstctlhelp : public QObject
{
    Q_OBJECT

private:
    using Run = BurstctlRun;

    static QString example(const QString &name) { return shippedExample(name); }

    static Run run(const QStringList &args) { return runBurstctl(args, {}, {}); }

private slots:
    void badArguments_data();
    void badArguments();
    void helpNamesDecidedRules();
    void helpListsFlags_data();
    void helpListsFlags();
    void unknownFlagIsOneLine_data();
    void unknownFlagIsOneLine();
};

void tst_burstctlhelp::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList();
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("preview without -f") << QStringList{QStringLiteral("preview")};
    QTest::newRow("unknown format")
        << QStringList{QStringLiteral("preview"), QStringLiteral("-o"), QStringLiteral("xml"),
                       QStringLiteral("-f"), QStringLiteral("-")};
    QTest::newRow("missing file") << QStringList{QStringLiteral("preview"), QStringLiteral("-f"),
                                                 QStringLiteral("/nonexistent.yaml")};
    QTest::newRow("bad node spec")
        << QStringList{QStringLiteral("simulate"), QStringLiteral("-f"),
                       example(QStringLiteral("01-burst-label-auto.yaml")),
                       QStringLiteral("--node"), QStringLiteral("cpu=lots")};
    QTest::newRow("bad replicas") << QStringList{
        QStringLiteral("simulate"), QStringLiteral("-f"),
        example(QStringLiteral("01-burst-label-auto.yaml")), QStringLiteral("--replicas"),
        QStringLiteral("3,-1")};
}

void tst_burstctlhelp::badArguments()
{
    QFETCH(QStringList, args);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty() || !r.out.isEmpty());
}

void tst_burstctlhelp::helpNamesDecidedRules()
{
    const Run top = run({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.out.contains("simulate"));
    const Run preview = run({QStringLiteral("preview"), QStringLiteral("--help")});
    QCOMPARE(preview.exitCode, 0);
    QVERIFY(preview.out.contains("Decided rules"));
    QVERIFY(preview.out.contains("pod-template label > workload label"));
    const Run simulate = run({QStringLiteral("simulate"), QStringLiteral("--help")});
    QVERIFY(simulate.out.contains("approximation"));
    QVERIFY(simulate.out.contains("scaleDownPriority"));
}

namespace {

QStringList connectionFlags()
{
    return {QStringLiteral("--kubeconfig"),
            QStringLiteral("--context"),
            QStringLiteral("-n, --namespace"),
            QStringLiteral("-A, --all-namespaces"),
            QStringLiteral("--server"),
            QStringLiteral("--token"),
            QStringLiteral("--insecure-skip-tls-verify"),
            QStringLiteral("--trust-exec")};
}

QStringList subcommands()
{
    return {QStringLiteral("preview"), QStringLiteral("simulate"), QStringLiteral("sign"),
            QStringLiteral("logs"),    QStringLiteral("exec"),     QStringLiteral("get"),
            QStringLiteral("watch"),   QStringLiteral("iam-token"), QStringLiteral("template"),
            QStringLiteral("prometheus"), QStringLiteral("obs-secret"), QStringLiteral("fix")};
}

} // namespace

void tst_burstctlhelp::helpListsFlags_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<bool>("connects");
    QTest::addColumn<bool>("allNamespaces"); // -A in the help: only commands that list
    QTest::newRow("preview") << QStringLiteral("preview")
                             << QStringList{QStringLiteral("-f, --filename"),
                                            QStringLiteral("-o, --output"),
                                            QStringLiteral("--no-network-interconnect"),
                                            QStringLiteral("--log-policies")}
                             << false << false;
    QTest::newRow("simulate") << QStringLiteral("simulate")
                              << QStringList{QStringLiteral("-f, --filename"),
                                             QStringLiteral("--workload"),
                                             QStringLiteral("--node"),
                                             QStringLiteral("--replicas"),
                                             QStringLiteral("--strategy"),
                                             QStringLiteral("--cci-locked"),
                                             QStringLiteral("-o, --output")}
                              << false << false;
    QTest::newRow("fix") << QStringLiteral("fix")
                         << QStringList{QStringLiteral("-f, --filename"),
                                        QStringLiteral("--workload"),
                                        QStringLiteral("--in-place")}
                         << false << false;
    QTest::newRow("sign") << QStringLiteral("sign")
                          << QStringList{QStringLiteral("--ak-env"),
                                         QStringLiteral("--sk-env"),
                                         QStringLiteral("-X <METHOD>"),
                                         QStringLiteral("-H <HEADER>"),
                                         QStringLiteral("--data-file"),
                                         QStringLiteral("--signed-headers"),
                                         QStringLiteral("--date")}
                          << false << false;
    QTest::newRow("logs") << QStringLiteral("logs")
                          << QStringList{QStringLiteral("-c, --container"),
                                         QStringLiteral("-f, --follow"),
                                         QStringLiteral("--tail"),
                                         QStringLiteral("--since"),
                                         QStringLiteral("--timestamps"),
                                         QStringLiteral("-p, --previous")}
                          << true << false;
    QTest::newRow("exec") << QStringLiteral("exec")
                          << QStringList{QStringLiteral("-c, --container"),
                                         QStringLiteral("-- COMMAND [ARGS...]")}
                          << true << false;
    QTest::newRow("get") << QStringLiteral("get")
                         << QStringList{QStringLiteral("-l, --selector"),
                                        QStringLiteral("--field-selector"),
                                        QStringLiteral("-o, --output"),
                                        QStringLiteral("--chunk-size")}
                         << true << true;
    QTest::newRow("watch") << QStringLiteral("watch")
                           << QStringList{QStringLiteral("-l, --selector"),
                                          QStringLiteral("--count")}
                           << true << true;
    QTest::newRow("iam-token")
        << QStringLiteral("iam-token")
        << QStringList{QStringLiteral("--iam-endpoint"), QStringLiteral("--project-name"),
                       QStringLiteral("--project-id"),   QStringLiteral("--ak-env"),
                       QStringLiteral("--sk-env"),       QStringLiteral("--user"),
                       QStringLiteral("--domain"),       QStringLiteral("--password-env"),
                       QStringLiteral("--cacert")}
        << false << false;
    // template and prometheus take -n/--namespace (and prometheus --kubeconfig-*) without
    // connecting: their flags are checked in tst_burstctltemplates.
    QTest::newRow("obs-secret") << QStringLiteral("obs-secret")
                                << QStringList{QStringLiteral("--name"),
                                               QStringLiteral("--from-account"),
                                               QStringLiteral("--output-file"),
                                               QStringLiteral("--apply"),
                                               QStringLiteral("--check-main-key"),
                                               QStringLiteral("--main-account")}
                                << true << false;
}

void tst_burstctlhelp::helpListsFlags()
{
    QFETCH(QString, command);
    QFETCH(QStringList, flags);
    QFETCH(bool, connects);
    QFETCH(bool, allNamespaces);
    // The top-level help lists the command, one line each.
    QVERIFY(QString::fromUtf8(run({QStringLiteral("--help")}).out)
                .contains(QRegularExpression(QStringLiteral("\n  %1 +[A-Z]").arg(command))));
    for (const QString &help : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const Run r = run({command, help});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QString text = QString::fromUtf8(r.out);
        for (const QString &flag : flags)
            QVERIFY2(text.contains(flag), qPrintable(flag + QStringLiteral(" in\n") + text));
        for (const QString &flag : connectionFlags())
            QVERIFY2(text.contains(flag) == (flag.startsWith(u"-A") ? allNamespaces : connects),
                     qPrintable(flag + QStringLiteral(" in\n") + text));
    }
}

void tst_burstctlhelp::unknownFlagIsOneLine_data()
{
    QTest::addColumn<QString>("command");
    for (const QString &command : subcommands())
        QTest::newRow(qPrintable(command)) << command;
}

void tst_burstctlhelp::unknownFlagIsOneLine()
{
    QFETCH(QString, command);
    const Run r = run({command, QStringLiteral("--no-such-flag")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err, QStringLiteral("burstctl %1: Unknown option 'no-such-flag'.\n").arg(command));
}

QTEST_GUILESS_MAIN(tst_burstctlhelp)
#include "tst_burstctlhelp.moc"
