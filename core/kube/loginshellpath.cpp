#include "core/kube/loginshellpath.h"

#include <QProcess>
#include <QTimer>

namespace core::kube {

namespace {

// Profiles may print banners; the markers pick PATH out of whatever else reaches stdout.
constexpr QByteArrayView kBegin = "__BURST_LOGIN_PATH_BEGIN__";
constexpr QByteArrayView kEnd = "__BURST_LOGIN_PATH_END__";

void deliver(const QPointer<QObject> &context, const LoginShellPath::Done &done,
             const QStringList &directories)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context.data(), [done, directories] { done(directories); }, Qt::QueuedConnection);
}

} // namespace

LoginShellPath::LoginShellPath(QProcessEnvironment environment, int timeoutMs, QObject *parent)
    : QObject(parent), m_environment(std::move(environment)), m_timeoutMs(timeoutMs)
{
}

LoginShellPath::~LoginShellPath()
{
    if (m_process) {
        // A shell stuck in its profile must not outlive us, nor block our destruction.
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void LoginShellPath::resolve(QObject *context, Done done)
{
    if (m_directories) {
        deliver(context, done, *m_directories);
        return;
    }
    m_waiters.append({context, std::move(done)});
    if (!m_process)
        start();
}

void LoginShellPath::start()
{
    const QString shell = m_environment.value(QStringLiteral("SHELL"));
#ifdef Q_OS_UNIX
    const bool canRun = !shell.isEmpty();
#else
    const bool canRun = false;
#endif
    if (!canRun) {
        QMetaObject::invokeMethod(
            this, [this] { finish({}); }, Qt::QueuedConnection);
        return;
    }
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(m_environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QProcess::nullDevice());
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_process->kill(); // finished() follows and reports the empty answer
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) {
                const bool ok = status == QProcess::NormalExit && exitCode == 0;
                finish(ok ? parse(m_process->readAllStandardOutput()) : QStringList());
            });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish({});
    });
    const QString script = QStringLiteral("printf '%1%s%2' \"$PATH\"")
                               .arg(QString::fromLatin1(kBegin), QString::fromLatin1(kEnd));
    m_timer->start(m_timeoutMs);
    m_process->start(shell, {QStringLiteral("-l"), QStringLiteral("-c"), script});
}

void LoginShellPath::finish(const QStringList &directories)
{
    if (m_directories)
        return;
    m_directories = directories;
    if (m_timer)
        m_timer->stop();
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters)
        deliver(waiter.context, waiter.done, directories);
}

QStringList LoginShellPath::parse(const QByteArray &output)
{
    const qsizetype begin = output.lastIndexOf(kBegin);
    const qsizetype end = output.lastIndexOf(kEnd);
    if (begin < 0 || end < begin)
        return {};
    const qsizetype from = begin + kBegin.size();
    const QString path = QString::fromLocal8Bit(output.mid(from, end - from));
    return path.split(u':', Qt::SkipEmptyParts);
}

} // namespace core::kube
