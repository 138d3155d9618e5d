#pragma once

#include "core/kube/accessreview.h"
#include "core/kube/apistatuserror.h"
#include "core/kube/connection.h"
#include "core/kube/restmapper.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace core::kube {
class ApiClient;
class Informer;
class RestMapper;
class ObjectCache;
struct ChangeSet;
struct InformerOptions;
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
    Forbidden,    // 403 on every watched resource, in every namespace the user may use
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

// What the session can watch of one resource. A user who may not list it across the cluster
// may still have namespaces where it can (RBAC Roles): then it is watched there only.
struct ResourceState
{
    enum class Access {
        Pending,       // not started, or looking for the namespaces the user may use
        AllNamespaces, // one watch across the cluster (or a cluster-scoped resource)
        Namespaces,    // one watch per namespace in `namespaces`
        Forbidden,     // nowhere; `message` is the server's 403 message
    };
    Access access = Access::Pending;
    QStringList namespaces;
    QString message;

    bool operator==(const ResourceState &) const = default;
};

// "watching all namespaces", "watching 2 namespaces: a, b", "Forbidden: <server message>";
// translated.
QString describeResourceState(const ResourceState &state);

// One line for the status bar: "sandbox: synced, 1,204 pods", "sandbox: reconnecting since
// 14:02:11 (connection refused)". Translated.
QString describeStatus(const QString &context, const ConnectionStatus &status);

// What a connection gives up of TLS, for the warning badge beside its state (a browser's
// broken padlock): a plain http:// server (nothing encrypted), or insecure-skip-tls-verify (the
// server's certificate is not checked). Nothing when TLS is on and verified. Translated.
struct TlsWarning
{
    QString badge;   // "TLS off", "certificate not verified"
    QString tooltip; // what it means and where it comes from
};
std::optional<TlsWarning> tlsWarning(const core::kube::Connection &connection);

// One live cluster: an ApiClient for a resolved kubeconfig context (or CCI endpoint), discovery,
// and one informer per watched resource. Pods and nodes are always watched and keep a
// PodTableModel current; a pane that needs another resource registers it with watch() before
// start(). States follow the informers: a failed list or watch makes the session Reconnecting
// (or Unauthorized / Forbidden / Unreachable by the error) from that moment, and the next batch
// that arrives makes it Synced again; models keep their rows meanwhile (a relist is diffed,
// never a blank table).
//
// Users with limited rights: a cluster-wide list that answers 403 is not the end. For a
// namespaced resource the session gathers the namespaces the user may use (the context's
// namespace, the QSettings list `contexts/<context>/namespaces`, and every namespace when it may
// list namespaces), asks a SelfSubjectAccessReview for list and watch in each, and watches the
// allowed ones into one cache (InformerOptions::namespaces). A resource with no such namespace,
// or a cluster-scoped one, is Forbidden for its panes (resourceState()) and no longer counts for
// the session's state; the session is Forbidden only when every watched resource is.
class ClusterSession : public QObject
{
    Q_OBJECT
public:
    // Receives every batch of one resource, after the informer's cache holds it.
    using Sink = std::function<void(const core::kube::ChangeSet &changes,
                                    const core::kube::ObjectCache &cache)>;
    // Adjusts a resource's informer options (a transform, its indexes) before it starts.
    using Tune = std::function<void(core::kube::InformerOptions &options)>;

    explicit ClusterSession(core::kube::Connection connection, QObject *parent = nullptr);
    ~ClusterSession() override;

    QString contextName() const { return m_contextName; }
    const ConnectionStatus &status() const { return m_status; }
    PodTableModel *pods() const { return m_podModel; }
    core::kube::ApiClient *client() const { return m_client; }

    // Watches `resource` (what kubectl accepts: "events", "deployments.apps",
    // "scheduleprofiles") from the next start(). Optional resources the server does not serve
    // are skipped (servesResource() says so) and do not keep the session from Synced; a
    // required one that is missing makes the session Forbidden. Several sinks may watch one
    // resource: it gets one informer.
    void watch(const QString &resource, Sink sink, bool required = false, Tune tune = {});
    // After discovery: whether the server serves `resource` (false before discovery).
    bool servesResource(const QString &resource) const;
    // The informer of a watched resource, nullptr before discovery or when not served.
    core::kube::Informer *informer(const QString &resource) const;

    // What the session watches of `resource` (the name given to watch()).
    ResourceState resourceState(const QString &resource) const;
    // The QSettings key of the namespaces to try for `context` when cluster-wide lists are
    // forbidden (a QStringList).
    static QString namespacesSettingsKey(const QString &context);

    // May the user `verb` `resource` (what kubectl accepts) in `nameSpace` ("" = cluster scope)?
    // A SelfSubjectAccessReview, answered from a cache for a few seconds; `done` runs while
    // `context` lives. A server that cannot answer (no authorization API, unreachable) gives
    // false with the error as the reason.
    void canI(const QString &verb, const QString &resource, const QString &nameSpace,
              QObject *context, std::function<void(bool allowed, const QString &reason)> done);

    void start();
    void stop();

signals:
    void statusChanged(const models::ConnectionStatus &status);
    void resourceStateChanged(const QString &resource, const models::ResourceState &state);
    // Discovery is done and the informers are starting (servesResource() now answers).
    void discovered();

private:
    struct Watched
    {
        QList<Sink> sinks;
        bool required = false;
        QList<Tune> tunes;
        core::kube::Informer *informer = nullptr;
        bool synced = false;
        core::kube::ResourceMapping mapping;
        ResourceState state;
    };
    struct CachedAnswer
    {
        core::kube::AccessAnswer answer;
        QDateTime at;
    };
    using Review = std::function<void(const core::kube::ApiResult<core::kube::AccessAnswer> &)>;

    void startInformers(const core::kube::RestMapper &mapper);
    core::kube::Informer *startInformer(const QString &name, const QStringList &namespaces);
    void onFailure(const QString &name, core::kube::Informer *informer,
                   const core::kube::ApiStatusError &error);
    // A 403 on the cluster-wide informer of `name`: look for namespaces, or forbid it.
    void narrow(const QString &name, const core::kube::ApiStatusError &error);
    void watchAllowed(const QString &name, const QStringList &candidates, const QString &message);
    void forbid(const QString &name, const QString &message);
    void setResourceState(const QString &name, ResourceState state);
    // The namespaces to try, gathered once per start().
    void candidateNamespaces(std::function<void(const QStringList &)> done);
    void review(const core::kube::AccessQuestion &question, Review done);
    void onWatching(core::kube::Informer *informer);
    void onChanges(const QString &resource, const core::kube::ChangeSet &changes);
    void onSynced(const QString &resource);
    void onNodes(const core::kube::ObjectCache &cache);
    void setState(ConnectionState state, const QString &detail = {});
    bool allSynced() const;
    bool allForbidden() const;
    bool live() const; // every informer listed, and none has failed since it last worked

    QString m_contextName;
    core::kube::ApiClient *m_client;
    PodTableModel *m_podModel;
    ConnectionStatus m_status;
    QHash<QString, Watched> m_watched;      // by the name given to watch()
    QStringList m_order;                    // registration order, for a stable start
    QSet<core::kube::Informer *> m_failing; // informers whose last list or watch failed
    quint64 m_generation = 0;               // callbacks of an earlier start are ignored
    std::optional<QStringList> m_candidates;
    QList<std::function<void(const QStringList &)>> m_candidateWaiters;
    QHash<QString, CachedAnswer> m_answers; // SelfSubjectAccessReviews, by question
};

} // namespace models

Q_DECLARE_METATYPE(models::ConnectionStatus)
Q_DECLARE_METATYPE(models::ResourceState)
