#include "core/burst/preview.h"
#include "ui/helpdialogs.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Help ▸ Decided Rules and `burstctl preview --help` show one list: core::burst::decidedRules().
// `burst-console --help` and Help ▸ About say what the console does today: HelpDialogs::summary().
class tst_HelpDialogs : public QObject
{
    Q_OBJECT

private:
    // The lines of `text` that start with `bullet`, without it.
    // stdout of `program args` in English, with an empty HOME.
    static QString output(const QString &program, const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BURST_LANG"), QStringLiteral("en"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const QTemporaryDir home;
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        p.setProcessEnvironment(env);
        p.start(program, args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode())
            return {};
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    static QStringList bullets(const QString &text, const QString &bullet)
    {
        QStringList items;
        for (const QString &line : text.split(u'\n')) {
            if (line.startsWith(bullet))
                items.append(line.mid(bullet.size()));
        }
        return items;
    }

private slots:
    void bothSurfacesShowTheDecidedRules_data();
    void bothSurfacesShowTheDecidedRules();
    void consoleHelpSaysWhatItDoes_data();
    void consoleHelpSaysWhatItDoes();
};

void tst_HelpDialogs::bothSurfacesShowTheDecidedRules_data()
{
    QTest::addColumn<QString>("surface");
    QTest::newRow("Help > Decided Rules") << QStringLiteral("dialog");
    QTest::newRow("burstctl preview --help") << QStringLiteral("preview");
}

void tst_HelpDialogs::bothSurfacesShowTheDecidedRules()
{
    QFETCH(QString, surface);
    const QStringList rules = core::burst::decidedRules();
    QCOMPARE(rules.size(), 17); // docs/burst-rules.md#decided-rules
    QStringList shown;
    if (surface == u"dialog") {
        shown = bullets(ui::HelpDialogs::decidedRulesText(), QStringLiteral("• "));
    } else {
        const QString help = output(QStringLiteral(BURSTCTL_PATH),
                                    {QStringLiteral("preview"), QStringLiteral("--help")});
        QVERIFY(!help.isEmpty());
        shown = bullets(help, QStringLiteral("  - "));
    }
    QCOMPARE(shown, rules);
}

void tst_HelpDialogs::consoleHelpSaysWhatItDoes_data()
{
    QTest::addColumn<QString>("argument");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("-h") << QStringLiteral("-h");
}

void tst_HelpDialogs::consoleHelpSaysWhatItDoes()
{
    QFETCH(QString, argument);
    const QString help = output(QStringLiteral(BURST_CONSOLE_PATH), {argument});
    QVERIFY(!help.isEmpty());
    QVERIFY2(help.contains(ui::HelpDialogs::summary()), qPrintable(help));
    // It connects to a cluster and lists burst pods; monitoring (logs, exec, metrics) is not
    // there yet, so the help does not promise it.
    QVERIFY2(!help.contains(u"monitor", Qt::CaseInsensitive), qPrintable(help));
    QVERIFY2(help.contains(u"--context") && help.contains(u"--kubeconfig"), qPrintable(help));
}

QTEST_MAIN(tst_HelpDialogs)
#include "tst_helpdialogs.moc"
