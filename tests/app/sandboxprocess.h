#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// A burst-sandbox process for the integration tests, and the real kubectl pointed at it through
// the kubeconfig the sandbox writes. Each kubectl test file starts its own sandbox.
class SandboxProcess
{
public:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static QString kubectlPath() { return QStandardPaths::findExecutable(QStringLiteral("kubectl")); }

    // The versioned clients installed beside kubectl (kubectl.1.27 ... kubectl.1.33, which the
    // kubectl dispatcher picks from), oldest first; empty where kubectl is a single binary.
    static QStringList kubectlVersions()
    {
        const QString path = kubectlPath();
        if (path.isEmpty())
            return {};
        const QDir dir = QFileInfo(QFileInfo(path).canonicalFilePath()).dir();
        QStringList found;
        for (const QFileInfo &file :
             dir.entryInfoList({QStringLiteral("kubectl.1.*")}, QDir::Files | QDir::Executable)) {
            if (file.fileName().mid(10).toInt() > 0)
                found.append(file.absoluteFilePath());
        }
        std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) {
            return a.section(u'.', -1).toInt() < b.section(u'.', -1).toInt();
        });
        return found;
    }

    static QString examples()
    {
        return qEnvironmentVariable("BURST_SOURCE_DIR") + QStringLiteral("/resources/examples");
    }

    ~SandboxProcess() { stop(); }

    // Starts burst-sandbox on a free port and waits (up to waitMs) for its kubeconfig.
    bool start(const QStringList &extraArgs = {}, int waitMs = 20000)
    {
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        // BURST_SANDBOX names another build of it (scripts/tsan.sh: the ThreadSanitizer one).
        m_process.start(qEnvironmentVariable("BURST_SANDBOX", QStringLiteral(BURST_SANDBOX_PATH)),
                        QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                    QStringLiteral("--kubeconfig-out"), m_kubeconfig} +
                            extraArgs);
        if (!m_process.waitForStarted(10000))
            return false;
        for (int i = 0; i < waitMs / 50 && !QFile::exists(m_kubeconfig); ++i)
            QTest::qWait(50);
        QTest::qWait(100);
        return QFile::exists(m_kubeconfig);
    }

    // SIGTERM; returns the exit code (0 is a clean shutdown).
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
            return -1;
        }
        return m_process.exitCode();
    }

    QString kubeconfig() const { return m_kubeconfig; }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }
    QProcess &process() { return m_process; }

    Run kubectl(const QStringList &args, const QString &kubeconfig = {}, int timeoutMs = 60000,
                const QString &program = {}) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig.isEmpty() ? m_kubeconfig : kubeconfig);
        p.setProcessEnvironment(env);
        p.start(program.isEmpty() ? kubectlPath() : program, args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_kubeconfig;
};
