#include "models/terminalsession.h"

#include "core/kube/apiclient.h"
#include "core/kube/execclient.h"
#include "core/kube/podwait.h"
#include "models/tr.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace models {

namespace {

// How container runtimes say the program is missing: runc through containerd or CRI-O ("OCI
// runtime exec failed: exec failed: unable to start container process: exec: \"bash\":
// executable file not found in $PATH: unknown"), older runc ("stat /bin/bash: no such file or
// directory"), and the same text inside an InternalError Status when there is no TTY.
const QLatin1String kRuntimePrefixes[] = {QLatin1String("OCI runtime"), QLatin1String("exec: "),
                                          QLatin1String("rpc error"),
                                          QLatin1String("error: Internal error")};

bool mayBeRuntimeMessage(const QByteArray &held)
{
    const QString text = QString::fromUtf8(held);
    for (const QLatin1String &prefix : kRuntimePrefixes) {
        if (text.startsWith(prefix) || QString(prefix).startsWith(text))
            return true;
    }
    return false;
}

} // namespace

TerminalSession::TerminalSession(core::kube::ApiClient *client, QString nameSpace, QString pod,
                                 QString container, QObject *parent)
    : QObject(parent), m_client(client), m_nameSpace(std::move(nameSpace)), m_pod(std::move(pod)),
      m_container(std::move(container))
{
}

TerminalSession::~TerminalSession()
{
    stop();
}

QString TerminalSession::title() const
{
    if (m_container.isEmpty())
        return m_nameSpace + u'/' + m_pod;
    return Tr::tr("%1/%2 (%3)").arg(m_nameSpace, m_pod, m_container);
}

void TerminalSession::listContainers(core::kube::ApiClient *client, const QString &nameSpace,
                                     const QString &pod, QObject *context,
                                     std::function<void(const Containers &)> done)
{
    core::kube::ApiRequest request;
    request.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(nameSpace, pod);
    client->send(request, context,
                 [done = std::move(done)](const core::kube::ApiResult<core::kube::ApiResponse> &r) {
                     Containers out;
                     if (!r) {
                         out.error = r.error().message;
                         done(out);
                         return;
                     }
                     const QJsonObject object = r.value().json();
                     const QJsonObject spec = object.value(u"spec").toObject();
                     for (const QJsonValue &c : spec.value(u"containers").toArray())
                         out.containers.append(c.toObject().value(u"name").toString());
                     for (const QJsonValue &c : spec.value(u"initContainers").toArray())
                         out.initContainers.append(c.toObject().value(u"name").toString());
                     const QString annotated = object.value(u"metadata")
                                                   .toObject()
                                                   .value(u"annotations")
                                                   .toObject()
                                                   .value(u"kubectl.kubernetes.io/default-container")
                                                   .toString();
                     out.defaultContainer = out.containers.contains(annotated)
                                                ? annotated
                                                : out.containers.value(0);
                     done(out);
                 });
}

bool TerminalSession::isMissingProgram(int exitCode, const QString &message,
                                       const QByteArray &output)
{
    if (exitCode == 126 || exitCode == 127)
        return true;
    const QString text = message + u'\n' + QString::fromUtf8(output);
    return text.contains(u"executable file not found") ||
           (text.contains(u"exec") && text.contains(u"no such file or directory"));
}

void TerminalSession::start()
{
    m_attempt = 0;
    startAttempt();
}

void TerminalSession::stop()
{
    abortExec();
    if (m_state == State::Waiting)
        m_state = State::Idle; // no retry follows
}

void TerminalSession::abortExec()
{
    if (m_exec) {
        m_exec->abort();
        m_exec->deleteLater();
        m_exec = nullptr;
    }
}

void TerminalSession::startAttempt()
{
    abortExec();
    m_heldOutput.clear();
    m_confirmed = m_attempt + 1 >= m_shells.size(); // the last shell has nothing to fall back to
    m_typed = false;
    if (m_state != State::Waiting) // a retry keeps saying what it waits for
        setState(State::Starting);
    m_exec = new core::kube::ExecClient(m_client, this);
    connect(m_exec, &core::kube::ExecClient::opened, this, &TerminalSession::onOpened);
    connect(m_exec, &core::kube::ExecClient::stdoutReceived, this, &TerminalSession::onOutput);
    connect(m_exec, &core::kube::ExecClient::stderrReceived, this, &TerminalSession::onOutput);
    connect(m_exec, &core::kube::ExecClient::finished, this, &TerminalSession::onFinished);
    connect(m_exec, &core::kube::ExecClient::failed, this, &TerminalSession::onFailed);
    core::kube::ExecOptions options;
    options.container = m_container;
    options.command = {m_shells.value(m_attempt)};
    options.stdinEnabled = true;
    options.stdoutEnabled = true;
    options.stderrEnabled = false; // a TTY has one stream, as kubectl -it asks
    options.tty = true;
    m_exec->start(m_nameSpace, m_pod, options);
}

void TerminalSession::onOpened()
{
    m_opened = true;
    m_waitReason.clear();
    setState(State::Running);
    emit started(shell());
    sendSize();
    if (!m_pendingInput.isEmpty()) {
        m_typed = true;
        m_confirmed = true;
        m_exec->writeStdin(std::exchange(m_pendingInput, {}));
    }
}

void TerminalSession::write(const QByteArray &bytes)
{
    if (bytes.isEmpty() || m_state == State::Finished || m_state == State::Failed)
        return;
    if (!m_exec || !m_exec->isOpen()) {
        m_pendingInput += bytes;
        return;
    }
    m_typed = true;
    if (!m_confirmed) {
        // The user answers what the shell showed: it runs.
        m_confirmed = true;
        if (!m_heldOutput.isEmpty())
            emit output(std::exchange(m_heldOutput, {}));
    }
    m_exec->writeStdin(bytes);
}

void TerminalSession::resize(int columns, int rows)
{
    if (columns <= 0 || rows <= 0 || (columns == m_columns && rows == m_rows))
        return;
    m_columns = columns;
    m_rows = rows;
    sendSize();
}

void TerminalSession::sendSize()
{
    if (m_exec && m_exec->isOpen() && m_columns > 0 && m_rows > 0)
        m_exec->resize(quint16(m_columns), quint16(m_rows));
}

void TerminalSession::onOutput(const QByteArray &data)
{
    if (m_confirmed) {
        emit output(data);
        return;
    }
    m_heldOutput += data;
    if (!mayBeRuntimeMessage(m_heldOutput)) {
        m_confirmed = true;
        emit output(std::exchange(m_heldOutput, {}));
    }
}

bool TerminalSession::tryNextShell(int exitCode, const QString &message)
{
    if (m_typed || m_attempt + 1 >= m_shells.size() ||
        !isMissingProgram(exitCode, message, m_heldOutput))
        return false;
    ++m_attempt;
    // The next attempt starts once this client's signal has returned.
    QMetaObject::invokeMethod(this, &TerminalSession::startAttempt, Qt::QueuedConnection);
    return true;
}

void TerminalSession::onFinished(int exitCode, const QString &message)
{
    if (tryNextShell(exitCode, message))
        return;
    if (!m_heldOutput.isEmpty())
        emit output(std::exchange(m_heldOutput, {}));
    m_exitCode = exitCode;
    setState(State::Finished);
    emit finished(exitCode, message);
}

void TerminalSession::onFailed(const core::Error &error)
{
    if (!m_opened && core::kube::meansPodNotStartedYet(error)) {
        // Opened on a pod that is being created or whose container is starting: wait for it
        // (0.5 s, then up to every 5 s) with the same shell.
        m_waitReason = error.message;
        if (m_state == State::Waiting)
            emit stateChanged(m_state); // the reason may have changed
        else
            setState(State::Waiting);
        const int delay = core::kube::podStartRetryDelayMs(m_waits);
        ++m_waits;
        QTimer::singleShot(delay, this, [this] {
            if (m_state == State::Waiting)
                startAttempt();
        });
        return;
    }
    if (tryNextShell(-1, error.message))
        return;
    if (!m_heldOutput.isEmpty())
        emit output(std::exchange(m_heldOutput, {}));
    setState(State::Failed);
    emit failed(error.hint.isEmpty() ? error.message : error.message + u"\n" + error.hint);
}

void TerminalSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace models
