#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>
#include <optional>

class QProcess;
class QTimer;

namespace core::kube {

// The PATH a login shell would have. A console started from a desktop launcher inherits the
// session's short PATH, while credential plugins (cci-iam-authenticator, aws, gke-gcloud-auth-
// plugin) are usually installed where only the user's shell profile adds them (~/bin,
// ~/.local/bin, /opt/homebrew/bin). Asks $SHELL once, asynchronously, with a timeout, and
// remembers the answer; failures (no SHELL, timeout, a broken profile) give an empty list.
// Shared by every exec credential provider of the app, so the shell starts once per run.
class LoginShellPath : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QStringList &directories)>;

    explicit LoginShellPath(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(),
        int timeoutMs = 5000, QObject *parent = nullptr);
    ~LoginShellPath() override;

    // `done` gets the login shell's PATH directories, on `context`'s thread, queued, and never
    // after `context` is destroyed. Call on this object's thread.
    void resolve(QObject *context, Done done);
    // The answer once known.
    std::optional<QStringList> cached() const { return m_directories; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Done done;
    };

    void start();
    void finish(const QStringList &directories);
    static QStringList parse(const QByteArray &output);

    QProcessEnvironment m_environment;
    int m_timeoutMs;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    std::optional<QStringList> m_directories;
    QList<Waiter> m_waiters;
};

} // namespace core::kube
