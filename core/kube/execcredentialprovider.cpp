#include "core/kube/execcredentialprovider.h"

#include "core/common/tr.h"
#include "core/kube/exectruststore.h"
#include "core/kube/loginshellpath.h"
#include "core/kube/redact.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace core::kube {

namespace {

constexpr qsizetype kStderrKeep = 64 * 1024;
constexpr qsizetype kStderrTailChars = 2000;
constexpr int kStderrTailLines = 20;

void deliver(const QPointer<QObject> &context, const CredentialProvider::Done &done,
             const Result<Credential> &result)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context.data(), [done, result] { done(result); }, Qt::QueuedConnection);
}

QStringList mergedSearchPath(const QString &currentPath, const QStringList &loginShellDirs)
{
    QStringList merged = currentPath.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    for (const QString &dir : loginShellDirs) {
        if (!merged.contains(dir))
            merged.append(dir);
    }
    return merged;
}

} // namespace

ExecCredentialProvider::ExecCredentialProvider(ExecConfig config, ExecClusterInfo cluster,
                                               std::shared_ptr<ExecTrustStore> trustStore,
                                               Options options, QObject *parent)
    : CredentialProvider(parent), m_config(std::move(config)), m_cluster(std::move(cluster)),
      m_trustStore(std::move(trustStore)), m_options(std::move(options))
{
}

ExecCredentialProvider::~ExecCredentialProvider()
{
    if (m_process) {
        // The waiters' callbacks must not run from a half-destroyed provider.
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void ExecCredentialProvider::fetch(QObject *context, Done done)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(this, [this, guard = QPointer<QObject>(context), done] {
            if (guard)
                fetch(guard.data(), done);
        });
        return;
    }
    if (hasFreshCredential()) {
        deliver(context, done, *m_cached);
        return;
    }
    m_waiters.append({context, std::move(done)});
    if (!m_running)
        startRun();
}

void ExecCredentialProvider::invalidate()
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(this, [this] { invalidate(); });
        return;
    }
    // A run already under way brings a newer credential than the refused one, so its answer
    // is still cached when it arrives.
    m_cached.reset();
}

QString ExecCredentialProvider::commandLine() const
{
    return ExecTrustStore::commandLine(m_config);
}

void ExecCredentialProvider::trust()
{
    if (m_trustStore)
        m_trustStore->trust(m_options.kubeconfigPath, m_options.userName, m_config);
}

bool ExecCredentialProvider::hasFreshCredential() const
{
    if (!m_cached)
        return false;
    // client-go's credsExpired: usable up to and including the expiration instant.
    return !m_cached->expiry.isValid() || QDateTime::currentDateTimeUtc() <= m_cached->expiry;
}

void ExecCredentialProvider::startRun()
{
    m_running = true;
    // Every outcome is delivered later, from the event loop, never inside fetch().
    if (auto error = execcredential::validate(m_config, m_options.userName)) {
        QMetaObject::invokeMethod(
            this, [this, error = *error] { finishRun(error); }, Qt::QueuedConnection);
        return;
    }
    if (!m_trustStore ||
        !m_trustStore->isTrusted(m_options.kubeconfigPath, m_options.userName, m_config)) {
        QMetaObject::invokeMethod(
            this, [this] { finishRun(untrustedError()); }, Qt::QueuedConnection);
        return;
    }
    if (m_options.loginShellPath) {
        m_options.loginShellPath->resolve(this, [this](const QStringList &dirs) { launch(dirs); });
        return;
    }
    QMetaObject::invokeMethod(
        this, [this] { launch({}); }, Qt::QueuedConnection);
}

void ExecCredentialProvider::launch(const QStringList &loginShellDirectories)
{
    const QStringList searchPath = mergedSearchPath(
        m_options.environment.value(QStringLiteral("PATH")), loginShellDirectories);
    const QString program = findProgram(searchPath);
    if (program.isEmpty()) {
        finishRun(notFoundError());
        return;
    }
    m_stderr.clear();
    m_timedOut = false;
    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(m_config.args);
    m_process->setProcessEnvironment(pluginEnvironment(searchPath));
    // Non-interactive: a plugin that prompts reads end of file instead of hanging.
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > kStderrKeep)
            m_stderr.remove(0, m_stderr.size() - kStderrKeep);
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) {
                onFinished(exitCode, status == QProcess::CrashExit);
            });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        finishRun(Error{QStringLiteral("exec.start-failed"),
                        Tr::tr("exec: executable %1 could not be started: %2")
                            .arg(m_config.command, m_process->errorString()),
                        Tr::tr("Check that the file is an executable program.")});
    });
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        m_process->kill();
    });
    m_timer->start(m_options.timeoutMs);
    m_process->start();
}

QString ExecCredentialProvider::findProgram(const QStringList &searchPath) const
{
    // Like exec.LookPath: a name with a separator is a path (the loader made it absolute).
    if (m_config.command.contains(u'/') || m_config.command.contains(QDir::separator())) {
        const QFileInfo file(m_config.command);
        return file.isFile() && file.isExecutable() ? file.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(m_config.command, searchPath);
}

QProcessEnvironment ExecCredentialProvider::pluginEnvironment(const QStringList &searchPath) const
{
    QProcessEnvironment environment = m_options.environment;
    environment.insert(QStringLiteral("PATH"), searchPath.join(QDir::listSeparator()));
    for (const auto &[name, value] : m_config.env)
        environment.insert(name, value);
    std::optional<ExecClusterInfo> cluster;
    if (m_config.provideClusterInfo)
        cluster = m_cluster;
    environment.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
                       QString::fromUtf8(execcredential::execInfo(m_config, cluster)));
    return environment;
}

void ExecCredentialProvider::onFinished(int exitCode, bool crashed)
{
    m_stderr += m_process->readAllStandardError();
    if (m_timedOut) {
        finishRun(Error{QStringLiteral("exec.timeout"),
                        Tr::tr("exec: executable %1 did not finish within %2 seconds")
                            .arg(m_config.command)
                            .arg(m_options.timeoutMs / 1000.0),
                        Tr::tr("The plugin may be waiting for input or for the network. Run the "
                               "command in a terminal to see what it does.")});
        return;
    }
    if (crashed || exitCode != 0) {
        const QString status = crashed ? Tr::tr("exec: executable %1 crashed").arg(m_config.command)
                                       : Tr::tr("exec: executable %1 failed with exit code %2")
                                             .arg(m_config.command)
                                             .arg(exitCode);
        const QString tail = stderrTail();
        finishRun(Error{QStringLiteral("exec.failed"),
                        tail.isEmpty() ? status : QString(status + u'\n' + tail),
                        Tr::tr("Run the command in a terminal to see its full output.")});
        return;
    }
    finishRun(execcredential::parseOutput(m_process->readAllStandardOutput(), m_config.apiVersion));
}

void ExecCredentialProvider::finishRun(const Result<Credential> &result)
{
    if (m_timer) {
        m_timer->stop();
        m_timer->deleteLater();
        m_timer = nullptr;
    }
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    m_running = false;
    if (result.ok())
        m_cached = result.value();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters)
        deliver(waiter.context, waiter.done, result);
}

Error ExecCredentialProvider::notFoundError() const
{
    const QString hint =
        m_config.installHint.isEmpty()
            ? Tr::tr("It looks like you are trying to use a client-go credential plugin that is "
                     "not installed. Install %1 into a directory on your PATH or your login "
                     "shell's PATH. See https://kubernetes.io/docs/reference/access-authn-authz/"
                     "authentication/#client-go-credential-plugins")
                  .arg(m_config.command)
            : m_config.installHint;
    return Error{QStringLiteral("exec.not-found"),
                 Tr::tr("exec: executable %1 not found").arg(m_config.command), hint};
}

Error ExecCredentialProvider::untrustedError() const
{
    return Error{QStringLiteral("exec.untrusted"),
                 Tr::tr("The kubeconfig user \"%1\" gets its credentials by running a command you "
                        "have not trusted yet: %2")
                     .arg(m_options.userName, commandLine()),
                 Tr::tr("Run this command only if you expect it in this kubeconfig; trust it once "
                        "to let the console run it.")};
}

QString ExecCredentialProvider::stderrTail() const
{
    QStringList lines = QString::fromLocal8Bit(m_stderr).trimmed().split(u'\n');
    if (lines.size() > kStderrTailLines)
        lines = lines.mid(lines.size() - kStderrTailLines);
    // A plugin that failed may have printed its token (a debug line, an ExecCredential on the
    // wrong stream): the error quotes its stderr, never the token.
    QString tail = redact::text(lines.join(u'\n'));
    if (tail.size() > kStderrTailChars)
        tail = tail.right(kStderrTailChars);
    return tail;
}

std::shared_ptr<ExecCredentialProvider>
attachExecCredentialProvider(Connection &connection, std::shared_ptr<ExecTrustStore> trustStore,
                             std::shared_ptr<LoginShellPath> loginShellPath)
{
    if (!connection.exec)
        return {};
    ExecCredentialProvider::Options options;
    options.kubeconfigPath = connection.userSourceFile;
    options.userName = connection.userName;
    options.loginShellPath = std::move(loginShellPath);
    auto provider = std::make_shared<ExecCredentialProvider>(
        *connection.exec, ExecClusterInfo::fromConnection(connection), std::move(trustStore),
        options);
    connection.credentialProvider = provider;
    return provider;
}

} // namespace core::kube
