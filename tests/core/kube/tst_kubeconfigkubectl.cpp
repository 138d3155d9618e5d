#include "core/kube/kubeconfig.h"
#include "core/kube/kubeconfigloader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace core::kube;
using namespace Qt::StringLiterals;
using core::Result;

// What only a run of the real kubectl shows: which path it resolved a relative exec command or
// token file to, and which line it blames in a malformed file.
class tst_KubeconfigKubectl : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void execCommandResolvesLikeKubectl();
    void tokenFileResolvesLikeKubectl();
    void malformedYamlPosition_data();
    void malformedYamlPosition();

private:
    void writeFiles(const QString &spec);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_KubeconfigKubectl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

// "=== path" lines start a file; the lines after it are its content; $D is the directory.
void tst_KubeconfigKubectl::writeFiles(const QString &spec)
{
    const QString expanded = QString(spec).replace(u"$D"_s, m_dir->path());
    for (const QString &part : expanded.split(u"=== "_s, Qt::SkipEmptyParts)) {
        const qsizetype eol = part.indexOf(u'\n');
        const QString path = m_dir->filePath(part.left(eol).trimmed());
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(part.mid(eol + 1).toUtf8());
    }
}

// kubectl runs the plugin it resolved; the plugin records the path it was started as.
void tst_KubeconfigKubectl::execCommandResolvesLikeKubectl()
{
    const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    writeFiles(u"=== cfg/config\ncurrent-context: x\n"
               u"clusters: [{name: c, cluster: {server: \"https://127.0.0.1:1\"}}]\n"
               u"contexts: [{name: x, context: {cluster: c, user: u}}]\n"
               u"users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, "
               u"interactiveMode: Never, command: ./tools/../bin/plug}}}]\n"
               u"=== cfg/bin/plug\n#!/bin/sh\necho \"$0\" > \"$D/invoked\"\n"
               u"echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
               u"\"ExecCredential\",\"status\":{\"token\":\"t\"}}'\n"_s);
    QFile::setPermissions(m_dir->filePath(u"cfg/bin/plug"_s),
                          QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    QProcess p;
    p.setWorkingDirectory(QDir::rootPath());
    p.start(kubectl, {u"--kubeconfig"_s, m_dir->filePath(u"cfg/config"_s), u"get"_s, u"--raw"_s,
                      u"/version"_s, u"--request-timeout=5s"_s});
    QVERIFY(p.waitForFinished(30000));
    QFile invoked(m_dir->filePath(u"invoked"_s));
    QVERIFY2(invoked.open(QIODevice::ReadOnly), p.readAllStandardError().constData());
    const QString kubectlPath = QString::fromUtf8(invoked.readAll()).trimmed();

    KubeconfigOverrides o;
    o.kubeconfigPath = m_dir->filePath(u"cfg/config"_s);
    const Result<Connection> c = loadConnection(o);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QVERIFY(c->exec.has_value());
    QCOMPARE(c->exec->command, kubectlPath);
}

// kubectl names the token file it failed to open.
void tst_KubeconfigKubectl::tokenFileResolvesLikeKubectl()
{
    const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    writeFiles(u"=== cfg/sub/config\ncurrent-context: x\n"
               u"clusters: [{name: c, cluster: {server: \"https://127.0.0.1:1\"}}]\n"
               u"contexts: [{name: x, context: {cluster: c, user: u}}]\n"
               u"users: [{name: u, user: {tokenFile: ../secrets/./token}}]\n"_s);
    QProcess p;
    p.start(kubectl, {u"--kubeconfig"_s, m_dir->filePath(u"cfg/sub/config"_s), u"get"_s, u"--raw"_s,
                      u"/version"_s, u"--request-timeout=5s"_s});
    QVERIFY(p.waitForFinished(30000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QRegularExpressionMatch m = QRegularExpression(u"open (\\S+):"_s).match(err);
    QVERIFY2(m.hasMatch(), qPrintable(err));

    KubeconfigOverrides o;
    o.kubeconfigPath = m_dir->filePath(u"cfg/sub/config"_s);
    const Result<Connection> c = loadConnection(o);
    QVERIFY(!c.ok());
    QVERIFY2(c.error().message.contains(u"open "_s + m.captured(1) + u':'),
             qPrintable(c.error().message + u" vs kubectl: "_s + err));
}

void tst_KubeconfigKubectl::malformedYamlPosition_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("unclosed flow sequence") << u"clusters:\n- name: x\n  cluster: [\n"_s;
    QTest::newRow("mapping value in a plain scalar") << u"users:\n- name: a: b\n"_s;
    QTest::newRow("tab indentation") << u"contexts:\n\t- name: x\n"_s;
}

// kubectl names the line ("yaml: line N: ..."); we must point at the same line, with a column.
// Rows are errors both parsers place alike: go-yaml reports some errors (an unclosed flow
// mapping, bad indentation) at the line where the construct started, yaml-cpp where it noticed.
void tst_KubeconfigKubectl::malformedYamlPosition()
{
    const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    QFETCH(QString, text);
    writeFiles(u"=== bad.yaml\n"_s + text);
    const QString path = m_dir->filePath(u"bad.yaml"_s);
    QProcess p;
    p.start(kubectl, {u"config"_s, u"view"_s, u"--kubeconfig"_s, path});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(p.exitCode() != 0);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QRegularExpressionMatch line = QRegularExpression(u"line (\\d+)"_s).match(err);
    QVERIFY2(line.hasMatch(), qPrintable(err));
    const auto actual = loadKubeconfig(KubeconfigSearch{path, QString(), QString()});
    QVERIFY(!actual.ok());
    QCOMPARE(actual.error().code, u"kubeconfig.parse"_s);
    const QString where = path + u':' + line.captured(1) + u':';
    QVERIFY2(actual.error().message.contains(where),
             qPrintable(actual.error().message + u" vs kubectl: "_s + err));
}

QTEST_GUILESS_MAIN(tst_KubeconfigKubectl)
#include "tst_kubeconfigkubectl.moc"
