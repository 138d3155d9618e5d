#include "core/burst/preview.h"
#include "ui/helpdialogs.h"

#include <QProcess>
#include <QTest>

// Help ▸ Decided Rules and `burstctl preview --help` show one list: core::burst::decidedRules().
class tst_HelpDialogs : public QObject
{
    Q_OBJECT

private:
    // The lines of `text` that start with `bullet`, without it.
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
    QCOMPARE(rules.size(), 10); // docs/burst-rules.md#decided-rules
    QStringList shown;
    if (surface == u"dialog") {
        shown = bullets(ui::HelpDialogs::decidedRulesText(), QStringLiteral("• "));
    } else {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BURST_LANG"), QStringLiteral("en"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BURSTCTL_PATH), {QStringLiteral("preview"), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        shown = bullets(QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("  - "));
    }
    QCOMPARE(shown, rules);
}

QTEST_MAIN(tst_HelpDialogs)
#include "tst_helpdialogs.moc"
