#include "core/sandbox/node/execsession.h"

#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/apiserver/apirequestinfo.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/node/execgpu.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httprequest.h"
#include "core/sandbox/transport/httpwebsocket.h"
#include "core/sandbox/transport/timerloop.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace core::sandbox {

namespace {

constexpr quint8 kStdin = 0, kStdout = 1, kStderr = 2, kError = 3, kResize = 4, kClose = 255;

QJsonObject findByName(const QJsonArray &list, const QString &name)
{
    for (const QJsonValue &v : list) {
        if (v.toObject().value(u"name").toString() == name)
            return v.toObject();
    }
    return {};
}

// The container the exec addresses, chosen and checked as pod/strategy.go streamLocation and
// the kubelet do.
ServerResult<QJsonObject> pickContainer(const QJsonObject &pod, QString name)
{
    const QString podName = kube::nameOf(pod);
    const QJsonObject spec = pod.value(u"spec").toObject();
    const QJsonArray containers = spec.value(u"containers").toArray();
    if (name.isEmpty()) {
        if (containers.size() != 1) {
            QStringList names;
            for (const QJsonValue &c : containers)
                names.append(c.toObject().value(u"name").toString());
            return ApiError::badRequest(
                Tr::tr("a container name must be specified for pod %1, choose one of: [%2]")
                    .arg(podName, names.join(u' ')));
        }
        name = containers.at(0).toObject().value(u"name").toString();
    }
    QJsonObject container = findByName(containers, name);
    if (container.isEmpty()) // kubectl debug's containers
        container = findByName(spec.value(u"ephemeralContainers").toArray(), name);
    if (container.isEmpty())
        return ApiError::badRequest(
            Tr::tr("container %1 is not valid for pod %2").arg(name, podName));
    if (spec.value(u"nodeName").toString().isEmpty())
        return ApiError::badRequest(Tr::tr("pod %1 does not have a host assigned").arg(podName));
    const QJsonObject status = pod.value(u"status").toObject();
    QJsonObject containerStatus = findByName(status.value(u"containerStatuses").toArray(), name);
    if (containerStatus.isEmpty())
        containerStatus = findByName(status.value(u"ephemeralContainerStatuses").toArray(), name);
    const QJsonObject state = containerStatus.value(u"state").toObject();
    const bool running = state.contains(u"running") ||
                         (state.isEmpty() && status.value(u"phase").toString() == u"Running");
    if (!running)
        return ApiError::badRequest(Tr::tr("container not found (\"%1\")").arg(name));
    return container;
}

// What an attach finds running in the container: its command and args, or for an image without
// them the entrypoint the common base images have (a shell for busybox, alpine and the
// distributions); empty where the image's entrypoint is unknown (nginx, redis, ...).
QStringList mainProcess(const QJsonObject &container)
{
    QStringList argv;
    for (const QJsonValue &v : container.value(u"command").toArray())
        argv.append(v.toString());
    for (const QJsonValue &v : container.value(u"args").toArray())
        argv.append(v.toString());
    if (!container.value(u"command").toArray().isEmpty() || !argv.isEmpty())
        return argv;
    const QString image = container.value(u"image").toString().section(u'/', -1);
    const QString repository = image.section(u':', 0, 0).section(u'@', 0, 0);
    static const QStringList shells = {QStringLiteral("busybox"), QStringLiteral("alpine")};
    static const QStringList distributions = {
        QStringLiteral("ubuntu"), QStringLiteral("debian"),     QStringLiteral("centos"),
        QStringLiteral("fedora"), QStringLiteral("rockylinux"), QStringLiteral("almalinux")};
    if (shells.contains(repository))
        return {QStringLiteral("sh")};
    if (distributions.contains(repository))
        return {QStringLiteral("bash")};
    return {};
}

bool flag(const HttpRequest &request, const QString &key, bool fallback)
{
    return request.query.contains(key) ? request.queryFlag(key) : fallback;
}

QByteArray toTty(QByteArray data)
{
    return data.replace("\r\n", "\n").replace("\n", "\r\n");
}

} // namespace

QByteArray ExecSession::statusJson(const QStringList &command, int exitCode)
{
    QJsonObject status{{QStringLiteral("metadata"), QJsonObject{}}};
    if (exitCode == 0) {
        status.insert(QStringLiteral("status"), QStringLiteral("Success"));
    } else {
        status.insert(QStringLiteral("status"), QStringLiteral("Failure"));
        status.insert(QStringLiteral("message"),
                      QStringLiteral("command terminated with non-zero exit code: error executing "
                                     "command [%1], exit code %2")
                          .arg(command.join(u' '))
                          .arg(exitCode));
        status.insert(QStringLiteral("reason"), QStringLiteral("NonZeroExitCode"));
        status.insert(QStringLiteral("details"),
                      QJsonObject{{QStringLiteral("causes"),
                                   QJsonArray{QJsonObject{
                                       {QStringLiteral("reason"), QStringLiteral("ExitCode")},
                                       {QStringLiteral("message"), QString::number(exitCode)}}}}});
    }
    return QJsonDocument(status).toJson(QJsonDocument::Compact);
}

HttpReply ExecSession::reply(ObjectStore &store, const HttpRequest &request,
                             const ApiRequestInfo &info, std::shared_ptr<const SandboxClock> clock,
                             std::shared_ptr<TimerLoop> timers, const PodView &view)
{
    if (info.verb != u"get" && info.verb != u"create")
        return statusResponse(ApiError::methodNotAllowed(
            Tr::tr("the server does not allow this method on the requested resource")));
    const auto pod = store.get(podsType(), info.nameSpace, info.name);
    if (!pod)
        return statusResponse(pod.error());
    const auto container = pickContainer(*pod, request.queryValue(QStringLiteral("container")));
    if (!container)
        return statusResponse(container.error());
    Request r;
    r.attach = info.subresource == u"attach";
    r.command = r.attach ? mainProcess(*container) : request.query.value(QStringLiteral("command"));
    if (r.command.isEmpty() && !r.attach)
        return statusResponse(ApiError::badRequest(Tr::tr("you must specify at least 1 command")));
    r.stdinOpen = flag(request, QStringLiteral("stdin"), false);
    r.stdoutOpen = flag(request, QStringLiteral("stdout"), true);
    r.stderrOpen = flag(request, QStringLiteral("stderr"), true);
    r.tty = flag(request, QStringLiteral("tty"), false);
    // SPDY (the pre-1.30 transport, and kubectl's fallback) is not served: only WebSockets.
    const QByteArray protocol = request.pickWebSocketProtocol(
        {QByteArrayLiteral("v5.channel.k8s.io"), QByteArrayLiteral("v4.channel.k8s.io")});
    if (!request.isWebSocketUpgrade() || protocol.isEmpty())
        return statusResponse(ApiError::badRequest(Tr::tr("Upgrade request required")));

    ExecContext context;
    const QJsonObject meta = pod->value(u"metadata").toObject();
    context.podName = meta.value(u"name").toString();
    context.nameSpace = meta.value(u"namespace").toString();
    context.podIp = pod->value(u"status").toObject().value(u"podIP").toString();
    context.image = container->value(u"image").toString();
    context.now = clock->now();
    context.nvidiaSmi = nvidiaSmiFor(*pod);
    if (ExecShell::isInteractiveShell(r.command))
        context.shell = r.command.constFirst();
    const QJsonObject seen = view ? view(*pod) : *pod;
    for (const QJsonValue &e : container->value(u"env").toArray()) {
        const QJsonObject env = e.toObject();
        const QString fieldPath = env.value(u"valueFrom")
                                      .toObject()
                                      .value(u"fieldRef")
                                      .toObject()
                                      .value(u"fieldPath")
                                      .toString();
        context.env.append({env.value(u"name").toString(),
                            fieldPath.isEmpty()
                                ? env.value(u"value").toString()
                                : kube::podFieldValue(seen, fieldPath).value_or(QString())});
    }
    auto session = std::make_shared<ExecSession>(r, context, clock, timers);
    return HttpReply::webSocket(protocol, [session](std::shared_ptr<HttpWebSocket> socket) {
        session->start(std::move(socket));
    });
}

ExecSession::ExecSession(Request request, ExecContext context,
                         std::shared_ptr<const SandboxClock> clock, std::weak_ptr<TimerLoop> timers)
    : m_request(std::move(request)), m_shell(std::move(context)), m_clock(std::move(clock)),
      m_timers(std::move(timers))
{
}

void ExecSession::start(std::shared_ptr<HttpWebSocket> socket)
{
    const std::lock_guard lock(m_mutex);
    m_socket = socket;
    // The socket's callbacks own the session; they are released when it closes.
    socket->setOnMessage([self = shared_from_this()](const QByteArray &message, bool binary) {
        if (binary)
            self->onMessage(message);
    });
    socket->setOnClosed([self = shared_from_this()](quint16, const QByteArray &) {
        const std::lock_guard lock(self->m_mutex);
        self->m_finished = true;
        self->m_socket.reset();
    });
    if (ExecShell::isBash(m_request.command) && !ExecShell::imageHasBash(m_shell.image())) {
        // What runc answers through containerd when the program is not in the image; kubectl
        // prints it and "command terminated with exit code 126".
        ExecResult missing;
        missing.err = QStringLiteral("OCI runtime exec failed: exec failed: unable to start "
                                     "container process: exec: \"%1\": executable file not "
                                     "found in $PATH: unknown\n")
                          .arg(m_request.command.constFirst())
                          .toUtf8();
        send(missing);
        finish(126);
        return;
    }
    if (m_request.stdinOpen && ExecShell::isInteractiveShell(m_request.command)) {
        if (m_request.tty)
            m_socket->sendChannel(kStdout, m_shell.prompt().toUtf8());
        return;
    }
    if (m_request.attach && m_request.command.isEmpty()) {
        m_quiet = true; // an image whose entrypoint is unknown: see below
        return;
    }
    const ExecResult result = ExecShell::isInteractiveShell(m_request.command)
                                  ? ExecResult{} // a shell whose stdin is at EOF exits at once
                                  : m_shell.runArgv(m_request.command);
    if (m_request.attach && result.exitCode == 127) {
        // A main process the shell does not know (a server): attached, it writes nothing here,
        // and the attach lasts until the client leaves.
        m_quiet = true;
        return;
    }
    send(result);
    afterSleep(result.sleepMs, [weak = weak_from_this(), code = result.exitCode] {
        if (const auto self = weak.lock())
            self->finish(code);
    });
}

void ExecSession::onMessage(const QByteArray &message)
{
    if (message.isEmpty())
        return;
    const quint8 channel = quint8(message.at(0));
    const QByteArray payload = message.mid(1);
    if (channel == kStdin) {
        if (!m_quiet)
            onStdin(payload);
    } else if (channel == kClose && payload.startsWith(char(kStdin))) {
        const std::lock_guard lock(m_mutex);
        m_stdinClosed = true;
        if (!m_quiet)
            runQueued();
    } else if (channel == kResize) {
        // {"Width":W,"Height":H}: `stty size` and `tput` answer with it.
        const QJsonObject size = QJsonDocument::fromJson(payload).object();
        const std::lock_guard lock(m_mutex);
        m_shell.setTerminalSize(size.value(u"Width").toInt(), size.value(u"Height").toInt());
    }
}

void ExecSession::onStdin(const QByteArray &data)
{
    const std::lock_guard lock(m_mutex);
    if (m_finished || !m_request.stdinOpen)
        return;
    const bool tty = m_request.tty;
    QByteArray echo; // what the line discipline writes back, sent once per message
    for (const char c : data) {
        if (tty && m_escape > 0) {
            // An escape sequence from a key (arrows, Home, F1…): the line editor ignores it.
            // ESC [ params final, ESC O final, ESC x.
            if (m_escape == 1)
                m_escape = (c == '[' || c == 'O') ? 2 : 0;
            else if (quint8(c) >= 0x40 && quint8(c) <= 0x7e)
                m_escape = 0;
            continue;
        }
        if (tty && c == '\n' && m_lastWasCr) {
            m_lastWasCr = false; // CR LF from a client is one Enter
            continue;
        }
        m_lastWasCr = c == '\r';
        if (c == '\r' || c == '\n') {
            if (tty)
                echo += "\r\n";
            m_queued.append(QString::fromUtf8(std::exchange(m_line, {})));
        } else if (tty && (c == 0x7f || c == 0x08)) {
            // Erase one character (all bytes of a UTF-8 sequence).
            if (!m_line.isEmpty()) {
                while (m_line.size() > 1 && (quint8(m_line.back()) & 0xc0) == 0x80)
                    m_line.chop(1);
                m_line.chop(1);
                echo += "\b \b";
            }
        } else if (tty && c == 0x03) {
            // Ctrl+C: the line is dropped, a fresh prompt follows.
            echo += "^C\r\n";
            m_line.clear();
            m_shell.interrupted();
            if (m_queued.isEmpty() && !m_sleeping)
                echo += m_shell.prompt().toUtf8();
        } else if (tty && c == 0x15) {
            // Ctrl+U: erase the line.
            for (qsizetype i = QString::fromUtf8(m_line).size(); i > 0; --i)
                echo += "\b \b";
            m_line.clear();
        } else if (tty && c == 0x04) {
            if (m_line.isEmpty()) {
                m_stdinClosed = true;
                if (m_queued.isEmpty())
                    echo += "exit\r\n"; // what bash prints on Ctrl+D
            }
        } else if (tty && c == 0x1b) {
            m_escape = 1;
        } else if (tty && quint8(c) < 0x20 && c != '\t') {
            // Other control characters are not part of a line.
        } else {
            m_line.append(c);
            if (tty)
                echo += c;
        }
    }
    if (!echo.isEmpty() && m_socket)
        m_socket->sendChannel(kStdout, echo);
    runQueued();
}

void ExecSession::runQueued()
{
    const std::lock_guard lock(m_mutex);
    while (!m_sleeping && !m_finished && !m_queued.isEmpty()) {
        const ExecResult result = m_shell.runLine(m_queued.takeFirst());
        send(result);
        if (result.exited) {
            afterSleep(result.sleepMs, [weak = weak_from_this(), code = result.exitCode] {
                if (const auto self = weak.lock())
                    self->finish(code);
            });
            return;
        }
        const auto prompt = [weak = weak_from_this()] {
            const auto self = weak.lock();
            if (!self)
                return;
            const std::lock_guard lock(self->m_mutex);
            self->m_sleeping = false;
            if (self->m_request.tty && self->m_socket)
                self->m_socket->sendChannel(kStdout, self->m_shell.prompt().toUtf8());
            self->runQueued();
        };
        m_sleeping = true;
        afterSleep(result.sleepMs, prompt);
        return;
    }
    if (!m_sleeping && m_queued.isEmpty() && m_stdinClosed)
        finish(m_shell.lastStatus());
}

void ExecSession::send(const ExecResult &result)
{
    const std::lock_guard lock(m_mutex);
    if (!m_socket)
        return;
    if (m_request.tty) {
        // A terminal has one output stream with CR LF line ends.
        if (m_request.stdoutOpen)
            m_socket->sendChannel(kStdout, toTty(result.out + result.err));
        return;
    }
    if (m_request.stdoutOpen && !result.out.isEmpty())
        m_socket->sendChannel(kStdout, result.out);
    if (m_request.stderrOpen && !result.err.isEmpty())
        m_socket->sendChannel(kStderr, result.err);
}

void ExecSession::finish(int exitCode)
{
    const std::lock_guard lock(m_mutex);
    if (m_finished || !m_socket)
        return;
    m_finished = true;
    m_socket->sendChannel(kError, statusJson(m_request.command, exitCode));
    m_socket->close(1000);
}

void ExecSession::afterSleep(qint64 sandboxMs, std::function<void()> then)
{
    const auto timers = m_timers.lock();
    if (sandboxMs <= 0 || !timers) {
        then();
        return;
    }
    const double speed = m_clock ? m_clock->speed() : 1.0;
    timers->after(std::chrono::milliseconds(qint64(double(sandboxMs) / speed)), std::move(then));
}

} // namespace core::sandbox
