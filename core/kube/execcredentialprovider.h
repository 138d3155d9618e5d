#pragma once

#include "core/kube/connection.h"
#include "core/kube/execcredential.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>
#include <optional>

class QProcess;
class QTimer;

namespace core::kube {

class ExecTrustStore;
class LoginShellPath;

// Credentials from a kubeconfig exec plugin (client.authentication.k8s.io v1 / v1beta1), as
// client-go's exec authenticator gets them: the plugin runs with KUBERNETES_EXEC_INFO in its
// environment, prints an ExecCredential, and its token or client certificate is cached until
// status.expirationTimestamp (or until invalidate() when it has none). Concurrent fetches share
// one run. Differences from kubectl: the plugin never gets a terminal (spec.interactive is
// false, interactiveMode Always is refused), it runs only once the user trusted its command
// line (ExecTrustStore), and the command is also looked up on the login shell's PATH.
// Lives on one thread; fetch() may be called from any thread.
class ExecCredentialProvider : public CredentialProvider
{
    Q_OBJECT
public:
    struct Options
    {
        QString kubeconfigPath; // with userName: the trust store key
        QString userName;       // the kubeconfig users[] entry, also named in messages
        int timeoutMs = 30000;
        // The plugin's base environment (the ExecConfig env and PATH are laid over it).
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Null: only the current PATH is searched.
        std::shared_ptr<LoginShellPath> loginShellPath;
    };

    ExecCredentialProvider(ExecConfig config, ExecClusterInfo cluster,
                           std::shared_ptr<ExecTrustStore> trustStore, Options options,
                           QObject *parent = nullptr);
    ~ExecCredentialProvider() override;

    void fetch(QObject *context, Done done) override;
    void invalidate() override;

    // What the user is asked to trust, and recording that they did.
    QString commandLine() const;
    void trust();

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Done done;
    };

    bool hasFreshCredential() const;
    void startRun();
    void launch(const QStringList &loginShellDirectories);
    QString findProgram(const QStringList &searchPath) const;
    QProcessEnvironment pluginEnvironment(const QStringList &searchPath) const;
    void onFinished(int exitCode, bool crashed);
    void finishRun(const Result<Credential> &result);
    Error notFoundError() const;
    Error untrustedError() const;
    QString stderrTail() const;

    ExecConfig m_config;
    ExecClusterInfo m_cluster;
    std::shared_ptr<ExecTrustStore> m_trustStore;
    Options m_options;

    std::optional<Credential> m_cached;
    QList<Waiter> m_waiters;
    bool m_running = false;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_stderr;
    bool m_timedOut = false;
};

// When the connection's user has an exec block, gives the connection an ExecCredentialProvider
// (trust keyed by the kubeconfig file defining the user and the user's name) and returns it;
// otherwise returns null and leaves the connection as it is. `parent` owns nothing: the
// connection's shared_ptr owns the provider.
std::shared_ptr<ExecCredentialProvider>
attachExecCredentialProvider(Connection &connection, std::shared_ptr<ExecTrustStore> trustStore,
                             std::shared_ptr<LoginShellPath> loginShellPath = {});

} // namespace core::kube
