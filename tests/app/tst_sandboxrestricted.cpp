#include "sandboxprocess.h"

#include <QObject>
#include <QTest>

// The real kubectl as the sandbox's restricted user (context sandbox-restricted, over TLS: kubectl
// sends a bearer token over HTTPS only): `auth can-i` answers from the SelfSubjectAccessReview
// API, and what its rules do not allow is kube-apiserver's 403.
class tst_SandboxRestricted : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;

    SandboxProcess::Run restricted(QStringList args) const
    {
        return m_sandbox.kubectl(QStringList{QStringLiteral("--context"),
                                             QStringLiteral("sandbox-restricted")} +
                                 args);
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        QVERIFY(m_sandbox.start({QStringLiteral("--tls"), QStringLiteral("--restricted-namespaces"),
                                 QStringLiteral("payments,kube-system")}));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void canI_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("yes");
        const auto row = [](const char *name, const QString &args, bool yes) {
            QTest::newRow(name) << args.split(u' ') << yes;
        };
        row("list pods in payments", QStringLiteral("list pods -n payments"), true);
        row("watch pods in kube-system", QStringLiteral("watch pods -n kube-system"), true);
        row("list pods everywhere", QStringLiteral("list pods -A"), false);
        row("list pods in default", QStringLiteral("list pods -n default"), false);
        row("patch deployments in payments", QStringLiteral("patch deployments -n payments"),
            true);
        row("delete pods in payments", QStringLiteral("delete pods -n payments"), false);
        row("list nodes", QStringLiteral("list nodes"), false);
    }

    void canI()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, yes);
        const SandboxProcess::Run run =
            restricted(QStringList{QStringLiteral("auth"), QStringLiteral("can-i")} + args);
        QCOMPARE(run.out.trimmed(), yes ? u"yes"_qs : u"no"_qs);
        QCOMPARE(run.exitCode, yes ? 0 : 1);
        // The admin may do all of it.
        const SandboxProcess::Run admin = m_sandbox.kubectl(
            QStringList{QStringLiteral("auth"), QStringLiteral("can-i")} + args);
        QCOMPARE(admin.out.trimmed(), u"yes"_qs);
    }

    void forbiddenAndAllowedGets()
    {
        const SandboxProcess::Run all =
            restricted({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
        QCOMPARE(all.exitCode, 1);
        QCOMPARE(all.err.trimmed(),
                 u"Error from server (Forbidden): pods is forbidden: User \"sandbox-restricted\" "
                 u"cannot list resource \"pods\" in API group \"\" at the cluster scope");
        const SandboxProcess::Run nodes = restricted({QStringLiteral("get"), QStringLiteral("nodes")});
        QCOMPARE(nodes.exitCode, 1);
        QVERIFY2(nodes.err.contains(u"nodes is forbidden: User \"sandbox-restricted\" cannot list "
                                    u"resource \"nodes\" in API group \"\" at the cluster scope"),
                 qPrintable(nodes.err));
        // The context's namespace is the first allowed one.
        const SandboxProcess::Run own = restricted(
            {QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-o"),
             QStringLiteral("name")});
        QCOMPARE(own.exitCode, 0);
        QVERIFY2(own.out.contains(u"deployment.apps/nginx"), qPrintable(own.out + own.err));
        const SandboxProcess::Run scaled = restricted(
            {QStringLiteral("scale"), QStringLiteral("deployment/nginx"),
             QStringLiteral("--replicas=2")});
        QVERIFY2(scaled.exitCode == 0, qPrintable(scaled.err));
        const SandboxProcess::Run elsewhere = restricted(
            {QStringLiteral("patch"), QStringLiteral("deployment/nginx"), QStringLiteral("-n"),
             QStringLiteral("default"), QStringLiteral("-p"),
             QStringLiteral(R"({"spec":{"replicas":2}})")});
        QCOMPARE(elsewhere.exitCode, 1);
        QVERIFY2(elsewhere.err.contains(u"(Forbidden)"), qPrintable(elsewhere.out + elsewhere.err));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxRestricted)
#include "tst_sandboxrestricted.moc"
