#include "core/kube/loginshellpath.h"

#include "exectesthelpers.h"

#include <QElapsedTimer>
#include <QTest>

// The login shell's PATH as a real /bin/sh reports it through fake $SHELL scripts that set
// PATH the way a profile would and then run the command they are given.

using core::kube::LoginShellPath;

namespace {

QStringList resolveNow(LoginShellPath &path)
{
    std::optional<QStringList> result;
    QObject context;
    path.resolve(&context, [&result](const QStringList &dirs) { result = dirs; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
        return {QStringLiteral("<no answer>")};
    return *result;
}

} // namespace

class tst_LoginShellPath : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data()
    {
        QTest::addColumn<QString>("shellBody"); // empty = no SHELL
        QTest::addColumn<QStringList>("expected");

        const QString run = QStringLiteral("for last; do :; done\nexec /bin/sh -c \"$last\"");
        const QStringList dirs{QStringLiteral("/opt/cci/bin"), QStringLiteral("/usr/bin"),
                               QStringLiteral("/bin")};
        QTest::newRow("profile exports PATH")
            << QString(QStringLiteral("PATH=/opt/cci/bin:/usr/bin:/bin; export PATH\n") + run)
            << dirs;
        QTest::newRow("profile prints a banner")
            << QString(QStringLiteral("echo 'Welcome, PATH=/wrong'\n"
                                      "PATH=/opt/cci/bin:/usr/bin:/bin; export PATH\n") +
                       run)
            << dirs;
        QTest::newRow("empty entries skipped")
            << QString(QStringLiteral("PATH=/opt/cci/bin::/usr/bin:/bin:; export PATH\n") + run)
            << dirs;
        QTest::newRow("no SHELL") << "" << QStringList();
        QTest::newRow("shell fails") << "exit 2" << QStringList();
        QTest::newRow("shell hangs") << "exec sleep 30" << QStringList();
    }

    void resolve()
    {
        QFETCH(QString, shellBody);
        QFETCH(QStringList, expected);

        PluginTestDir dir;
        QProcessEnvironment environment = baseEnvironment();
        if (!shellBody.isEmpty())
            environment.insert(QStringLiteral("SHELL"),
                               dir.write(QStringLiteral("fake-shell"), shellBody));
        LoginShellPath path(environment, 2000);
        QElapsedTimer elapsed;
        elapsed.start();
        QCOMPARE(resolveNow(path), expected);
        QVERIFY(elapsed.elapsed() < 5000);
        QCOMPARE(path.cached(), std::optional<QStringList>(expected));
    }

    void shellRunsOnce()
    {
        PluginTestDir dir;
        QProcessEnvironment environment = baseEnvironment();
        environment.insert(
            QStringLiteral("SHELL"),
            dir.write(
                QStringLiteral("fake-shell"),
                QStringLiteral("sleep 0.2\nfor last; do :; done\nexec /bin/sh -c \"$last\"")));
        LoginShellPath path(environment, 5000);
        QObject context;
        int answers = 0;
        for (int i = 0; i < 2; ++i)
            path.resolve(&context, [&answers](const QStringList &) { ++answers; });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 2, 10000);
        QCOMPARE(resolveNow(path), QString(kSystemPath).split(u':'));
        QCOMPARE(dir.runs(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_LoginShellPath)
#include "tst_loginshellpath.moc"
