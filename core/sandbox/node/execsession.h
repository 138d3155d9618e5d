#pragma once

#include "core/sandbox/apiserver/apidelegate.h"
#include "core/sandbox/node/execshell.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>

#include <memory>
#include <mutex>

namespace core::sandbox {

class HttpWebSocket;

// What a container's Downward API reads of its pod: the stored pod, or what the view makes of it
// (the CCE router's: a burst pod's fields as seen inside its CCI pod).
using PodView = std::function<QJsonObject(const QJsonObject &pod)>;

// GET/POST .../pods/NAME/exec upgraded to a WebSocket with v5.channel.k8s.io (preferred) or
// v4.channel.k8s.io, driving an ExecShell. Non-interactive: runs the command, sends stdout (1)
// and stderr (2), then the metav1.Status on channel 3 and closes. With stdin and a shell it
// reads lines from channel 0, prompts when a tty was asked for, takes resize (4) and v5's close
// signal (255, stdin at EOF). With a tty it is the line discipline too: echo, backspace, Ctrl+C
// (drops the line), Ctrl+U, Ctrl+D on an empty line (exits), escape sequences of keys ignored.
// `bash` in an image without it (ExecShell::imageHasBash) fails as runc does: the OCI message
// and exit code 126. `sleep` waits on the timer thread, scaled by SandboxClock speed. The
// container's env is its spec's: `value`, or a Downward API fieldRef resolved from the pod
// (core::kube::podFieldValue) as the optional PodView shows it.
// GET/POST .../pods/NAME/attach is the same session on the container's main process (its
// command and args, or the shell of a busybox, alpine or distribution image): a shell is
// interactive as with exec (`kubectl run -it --rm debug --image=busybox -- sh`), a command the
// shell knows runs once (`kubectl run -i ... -- echo hi`), anything else (a server) stays
// attached and silent until the client leaves.
class ExecSession : public std::enable_shared_from_this<ExecSession>
{
public:
    struct Request
    {
        QStringList command;
        bool stdinOpen = false;
        bool stdoutOpen = true;
        bool stderrOpen = true;
        bool tty = false;
        bool attach = false; // pods/NAME/attach: `command` is the container's main process
    };

    static HttpReply reply(ObjectStore &store, const HttpRequest &request,
                           const ApiRequestInfo &info, std::shared_ptr<const SandboxClock> clock,
                           std::shared_ptr<TimerLoop> timers, const PodView &view = {});
    // The channel-3 Status of a finished command, as the kubelet's remotecommand server
    // writes it (v4 and later).
    static QByteArray statusJson(const QStringList &command, int exitCode);

    ExecSession(Request request, ExecContext context, std::shared_ptr<const SandboxClock> clock,
                std::weak_ptr<TimerLoop> timers);

private:
    void start(std::shared_ptr<HttpWebSocket> socket);
    void onMessage(const QByteArray &message);
    void onStdin(const QByteArray &data);
    void runQueued();
    void send(const ExecResult &result);
    void finish(int exitCode);
    void afterSleep(qint64 sandboxMs, std::function<void()> then);

    Request m_request;
    ExecShell m_shell;
    std::shared_ptr<const SandboxClock> m_clock;
    std::weak_ptr<TimerLoop> m_timers;
    std::recursive_mutex m_mutex;
    std::shared_ptr<HttpWebSocket> m_socket;
    QByteArray m_line;
    int m_escape = 0; // in a key's escape sequence: 1 after ESC, 2 after ESC [ or ESC O
    bool m_lastWasCr = false;
    QStringList m_queued;
    bool m_sleeping = false;
    bool m_stdinClosed = false;
    bool m_finished = false;
    bool m_quiet = false; // attached to a main process the shell cannot run: nothing to say
};

} // namespace core::sandbox
