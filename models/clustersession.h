#pragma once

#include "core/kube/apistatuserror.h"
#include "core/kube/connection.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QString>

namespace core::kube {
class ApiClient;
class Informer;
class RestMapper;
struct ChangeSet;
} // namespace core::kube

namespace models {

class PodTableModel;

// What a connection is doing. Every state but Synced means the panes may show old data.
enum class ConnectionState {
    Disconnected,
    Connecting,   // discovery: is the server there, does it accept us
    Syncing,      // the first lists are streaming in
    Synced,       // lists done, watches running
    Reconnecting, // a watch or list failed; the informers retry by themselves
    Unauthorized, // 401: the credential is wrong or expired and could not be refreshed
    Forbidden,    // 403 on the cluster-wide lists
    Unreachable,  // no answer at all (refused, DNS, TLS, timeout)
};

struct ConnectionStatus
{
    ConnectionState state = ConnectionState::Disconnected;
    QDateTime since; // when this state began (UTC)
    QString detail;  // the error that caused the state, or what the server is
    qsizetype pods = 0;

    bool live() const { return state == ConnectionState::Synced; }
};

// One line for the status bar: "sandbox: synced, 1,204 pods", "sandbox: reconnecting since
// 14:02:11 (connection refused)". Translated.
QString describeStatus(const QString &context, const ConnectionStatus &status);

// One live cluster: an ApiClient for a resolved kubeconfig context (or CCI endpoint), discovery,
// and informers for pods and nodes that keep a PodTableModel current. States follow the
// informers: a failed list or watch makes the session Reconnecting (or Unauthorized / Forbidden
// / Unreachable by the error) from that moment, and the next batch that arrives makes it Synced
// again; the model keeps its rows meanwhile (a relist is diffed, never a blank table).
class ClusterSession : public QObject
{
    Q_OBJECT
public:
    explicit ClusterSession(core::kube::Connection connection, QObject *parent = nullptr);
    ~ClusterSession() override;

    QString contextName() const { return m_contextName; }
    const ConnectionStatus &status() const { return m_status; }
    PodTableModel *pods() const { return m_podModel; }
    core::kube::ApiClient *client() const { return m_client; }

    void start();
    void stop();

signals:
    void statusChanged(const models::ConnectionStatus &status);

private:
    void startInformers(const core::kube::RestMapper &mapper);
    void onFailure(core::kube::Informer *informer, const core::kube::ApiStatusError &error);
    void onWatching(core::kube::Informer *informer);
    void onPods(const core::kube::ChangeSet &changes);
    void onNodes(const core::kube::ChangeSet &changes);
    void onSynced();
    void setState(ConnectionState state, const QString &detail = {});
    bool live() const; // both informers listed, and neither has failed since it last worked

    QString m_contextName;
    core::kube::ApiClient *m_client;
    core::kube::Informer *m_podInformer = nullptr;
    core::kube::Informer *m_nodeInformer = nullptr;
    PodTableModel *m_podModel;
    ConnectionStatus m_status;
    int m_informersSynced = 0;
    QSet<core::kube::Informer *> m_failing; // informers whose last list or watch failed
};

} // namespace models

Q_DECLARE_METATYPE(models::ConnectionStatus)
