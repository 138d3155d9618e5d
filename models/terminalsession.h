#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace core::kube {
class ApiClient;
class ExecClient;
} // namespace core::kube

namespace models {

// One interactive shell in a container: an exec with stdin and a TTY (kubectl exec -it). The
// shell is tried as the best consoles do: bash first, and sh when the container has no bash —
// recognised by runc's answer (exit code 126 or 127, or "executable file not found" /
// "no such file or directory" in the message or the output) before the user typed anything.
// Output of the failed bash attempt is held back (the OCI message is no part of the session).
// Writes and the size given before the exec opens are sent once it does.
class TerminalSession : public QObject
{
    Q_OBJECT
public:
    // Waiting: the pod or its container is not there or not running yet
    // (core::kube::meansPodNotStartedYet) and no shell has opened: the session retries until
    // one does; waitReason() says what the server answered.
    enum class State { Idle, Starting, Running, Finished, Failed, Waiting };
    Q_ENUM(State)

    TerminalSession(core::kube::ApiClient *client, QString nameSpace, QString pod,
                    QString container, QObject *parent = nullptr);
    ~TerminalSession() override;

    // The shells tried in order (default bash, sh); a command given here is run as is.
    void setShells(const QStringList &shells) { m_shells = shells; }
    void start();
    // Ends the exec (no signal follows).
    void stop();

    void write(const QByteArray &bytes);
    void resize(int columns, int rows);

    State state() const { return m_state; }
    QString nameSpace() const { return m_nameSpace; }
    QString pod() const { return m_pod; }
    QString container() const { return m_container; }
    // The shell that runs (after a fallback, "sh"); empty before it opened.
    QString shell() const { return m_shells.value(m_attempt); }
    int exitCode() const { return m_exitCode; }
    QString waitReason() const { return m_waitReason; }
    // "namespace/pod (container)" for titles.
    QString title() const;

    // A pod's containers for a picker: its containers, its init containers, and the one kubectl
    // picks without -c (the kubectl.kubernetes.io/default-container annotation, else the
    // first); `error` when the pod could not be read. `done` runs while `context` lives.
    struct Containers
    {
        QStringList containers;
        QStringList initContainers;
        QString defaultContainer;
        QString error;
    };
    static void listContainers(core::kube::ApiClient *client, const QString &nameSpace,
                               const QString &pod, QObject *context,
                               std::function<void(const Containers &)> done);

    // Whether an exec that ended this way means "this program is not in the image".
    static bool isMissingProgram(int exitCode, const QString &message, const QByteArray &output);

signals:
    void started(const QString &shell);
    void output(const QByteArray &bytes);
    void finished(int exitCode, const QString &message);
    void failed(const QString &error);
    void stateChanged(models::TerminalSession::State state);

private:
    void startAttempt();
    void abortExec();
    void onOpened();
    void onOutput(const QByteArray &data);
    void onFinished(int exitCode, const QString &message);
    void onFailed(const core::Error &error);
    bool tryNextShell(int exitCode, const QString &message);
    void setState(State state);
    void sendSize();

    core::kube::ApiClient *m_client;
    QString m_nameSpace;
    QString m_pod;
    QString m_container;
    QStringList m_shells{QStringLiteral("bash"), QStringLiteral("sh")};
    int m_attempt = 0;
    QPointer<core::kube::ExecClient> m_exec;
    State m_state = State::Idle;
    QByteArray m_pendingInput;   // written before the exec opened
    QByteArray m_heldOutput;     // the current attempt's output while it may be a runc message
    bool m_confirmed = false;    // the current shell is known to run (output or input went by)
    bool m_opened = false;       // an exec has opened: a later refusal is no pod that is starting
    int m_waits = 0;             // retries while the pod is not started yet
    QString m_waitReason;
    bool m_typed = false;        // the user wrote to this attempt
    int m_columns = 0;
    int m_rows = 0;
    int m_exitCode = -1;
};

} // namespace models
