#include "models/clustersession.h"

#include "core/burst/cciconventions.h"
#include "core/kube/apiclient.h"
#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"
#include "models/podtablemodel.h"
#include "models/tr.h"

#include <QJsonArray>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTimer>

namespace models {

namespace {

constexpr int kRediscoverMs = 5000;
constexpr qint64 kAnswerTtlMs = 10000; // how long a SelfSubjectAccessReview answer is reused

ConnectionState stateFor(const core::kube::ApiStatusError &error)
{
    if (error.httpStatus == 401)
        return ConnectionState::Unauthorized;
    if (error.httpStatus == 403)
        return ConnectionState::Forbidden;
    if (error.httpStatus == 0)
        return ConnectionState::Unreachable;
    return ConnectionState::Reconnecting;
}

} // namespace

QString describeResourceState(const ResourceState &state)
{
    switch (state.access) {
    case ResourceState::Access::Pending:
        return Tr::tr("waiting");
    case ResourceState::Access::AllNamespaces:
        return Tr::tr("watching all namespaces");
    case ResourceState::Access::Namespaces:
        return Tr::tr("watching %n namespace(s): %1", nullptr, int(state.namespaces.size()))
            .arg(state.namespaces.join(Tr::tr(", ")));
    case ResourceState::Access::Forbidden:
        return Tr::tr("Forbidden: %1").arg(state.message);
    }
    return QString();
}

std::optional<TlsWarning> tlsWarning(const core::kube::Connection &connection)
{
    const QString server = connection.server.toDisplayString(QUrl::RemoveUserInfo);
    if (connection.server.scheme() == u"http")
        return TlsWarning{Tr::tr("TLS off"),
                          Tr::tr("%1 is reached over plain HTTP: requests, credentials and "
                                 "answers travel unencrypted.")
                              .arg(server)};
    if (connection.insecureSkipTlsVerify)
        return TlsWarning{Tr::tr("certificate not verified"),
                          Tr::tr("The kubeconfig sets insecure-skip-tls-verify for %1: the "
                                 "server's certificate is not checked, so anyone between you and "
                                 "the server can read and change the traffic, credentials "
                                 "included.")
                              .arg(server)};
    return std::nullopt;
}

QString describeStatus(const QString &context, const ConnectionStatus &status)
{
    const QString since = status.since.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    const QString pods = QLocale().toString(status.pods);
    QString text;
    switch (status.state) {
    case ConnectionState::Disconnected:
        text = Tr::tr("%1: disconnected").arg(context);
        break;
    case ConnectionState::Connecting:
        text = Tr::tr("%1: connecting").arg(context);
        break;
    case ConnectionState::Syncing:
        text = Tr::tr("%1: syncing, %2 pods so far").arg(context, pods);
        break;
    case ConnectionState::Synced:
        text = Tr::tr("%1: synced, %2 pods").arg(context, pods);
        break;
    case ConnectionState::Reconnecting:
        text = Tr::tr("%1: reconnecting since %2, showing data from then").arg(context, since);
        break;
    case ConnectionState::Unauthorized:
        text = Tr::tr("%1: unauthorized since %2").arg(context, since);
        break;
    case ConnectionState::Forbidden:
        text = Tr::tr("%1: forbidden since %2").arg(context, since);
        break;
    case ConnectionState::Unreachable:
        text = Tr::tr("%1: unreachable since %2").arg(context, since);
        break;
    }
    if (!status.detail.isEmpty() && status.state != ConnectionState::Synced &&
        status.state != ConnectionState::Syncing)
        text += Tr::tr(" (%1)").arg(status.detail);
    return text;
}

ClusterSession::ClusterSession(core::kube::Connection connection, QObject *parent)
    : QObject(parent),
      m_contextName(connection.contextName.isEmpty() ? connection.server.host()
                                                     : connection.contextName),
      m_client(new core::kube::ApiClient(std::move(connection), this)),
      m_podModel(new PodTableModel(this))
{
    qRegisterMetaType<models::ConnectionStatus>();
    qRegisterMetaType<models::ResourceState>();
    watch(
        QStringLiteral("nodes"),
        [this](const core::kube::ChangeSet &, const core::kube::ObjectCache &cache) {
            onNodes(cache);
        },
        true);
    watch(
        QStringLiteral("pods"),
        [this](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &cache) {
            m_podModel->applyChanges(changes, &cache);
        },
        true, [](core::kube::InformerOptions &options) {
            // The panes read a few dozen fields of a pod; the cache keeps only those, as compact
            // JSON text (bench/bench_livesync.cpp measures the bytes per pod), and no index:
            // label filters run on the model's rows, and the counts per node, namespace and
            // owner are PodAggregates', kept as batches arrive (a lookup in the compact cache
            // would decode every pod it returns).
            options.transform = [](const QJsonObject &pod) {
                static const QStringList kept = {core::burst::kManagedByProfileAnnotation,
                                                 core::burst::kBurstPodCpuAnnotation,
                                                 core::burst::kBurstPodMemoryAnnotation,
                                                 core::burst::kSourceUidAnnotation};
                return core::kube::trimPodForLists(pod, kept);
            };
            options.indexes = {};
            options.storage = core::kube::ObjectCache::Storage::CompactJson;
        });
}

ClusterSession::~ClusterSession()
{
    stop();
}

void ClusterSession::watch(const QString &resource, Sink sink, bool required, Tune tune)
{
    if (!m_watched.contains(resource))
        m_order.append(resource);
    Watched &w = m_watched[resource];
    w.sinks.append(std::move(sink));
    w.required = w.required || required;
    if (tune)
        w.tunes.append(std::move(tune));
}

bool ClusterSession::servesResource(const QString &resource) const
{
    return informer(resource) != nullptr;
}

core::kube::Informer *ClusterSession::informer(const QString &resource) const
{
    const auto it = m_watched.constFind(resource);
    return it == m_watched.cend() ? nullptr : it->informer;
}

void ClusterSession::start()
{
    if (m_status.state != ConnectionState::Disconnected &&
        m_status.state != ConnectionState::Unreachable &&
        m_status.state != ConnectionState::Unauthorized)
        return;
    setState(ConnectionState::Connecting);
    m_client->discover(this, [this](const core::kube::ApiResult<core::kube::RestMapper> &mapper) {
        if (m_status.state != ConnectionState::Connecting)
            return; // stopped meanwhile
        if (!mapper) {
            setState(stateFor(mapper.error()), mapper.error().toError().message);
            QTimer::singleShot(kRediscoverMs, this, [this] {
                if (m_status.state == ConnectionState::Unreachable)
                    start();
            });
            return;
        }
        startInformers(mapper.value());
    });
}

void ClusterSession::stop()
{
    for (Watched &w : m_watched) {
        if (w.informer) {
            w.informer->stop();
            w.informer->deleteLater();
        }
        w.informer = nullptr;
        w.synced = false;
        w.mapping = {}; // the next discovery resolves it again
    }
    m_failing.clear();
    ++m_generation;
    m_candidates.reset();
    m_candidateWaiters.clear();
    m_answers.clear();
    for (auto it = m_watched.begin(); it != m_watched.end(); ++it)
        setResourceState(it.key(), {});
    if (m_status.state != ConnectionState::Disconnected)
        setState(ConnectionState::Disconnected);
}

void ClusterSession::startInformers(const core::kube::RestMapper &mapper)
{
    QList<core::kube::Informer *> started;
    for (const QString &name : std::as_const(m_order)) {
        Watched &w = m_watched[name];
        const auto resource = mapper.resolve(name);
        if (!resource) {
            if (!w.required)
                continue;
            for (core::kube::Informer *informer : std::as_const(started))
                informer->deleteLater();
            for (Watched &other : m_watched)
                other.informer = nullptr;
            setState(ConnectionState::Forbidden, resource.error().message);
            return;
        }
        w.mapping = resource.value();
        started.append(startInformer(name, {}));
    }
    setState(ConnectionState::Syncing);
    emit discovered();
    for (core::kube::Informer *informer : std::as_const(started))
        informer->start();
}

core::kube::Informer *ClusterSession::startInformer(const QString &name,
                                                    const QStringList &namespaces)
{
    Watched &w = m_watched[name];
    core::kube::InformerOptions options;
    options.reflector.resource = w.mapping;
    options.namespaces = namespaces;
    for (const Tune &tune : std::as_const(w.tunes))
        tune(options);
    auto *created = new core::kube::Informer(m_client, options, this);
    connect(created, &core::kube::Informer::warning, this,
            [this, name, created](const core::kube::ApiStatusError &e) {
                onFailure(name, created, e);
            });
    connect(created, &core::kube::Informer::watching, this,
            [this, created] { onWatching(created); });
    connect(created, &core::kube::Informer::synced, this, [this, name] { onSynced(name); });
    connect(created, &core::kube::Informer::changes, this,
            [this, name](const core::kube::ChangeSet &changes) { onChanges(name, changes); });
    w.informer = created;
    w.synced = false;
    setResourceState(name, {namespaces.isEmpty() ? ResourceState::Access::AllNamespaces
                                                 : ResourceState::Access::Namespaces,
                            namespaces, QString()});
    return created;
}

void ClusterSession::onFailure(const QString &name, core::kube::Informer *informer,
                               const core::kube::ApiStatusError &error)
{
    if (m_status.state == ConnectionState::Disconnected)
        return;
    if (error.httpStatus == 403 && informer->namespaces().isEmpty()) {
        narrow(name, error);
        return;
    }
    m_failing.insert(informer);
    const ConnectionState state = stateFor(error);
    // A transport failure while watching is a reconnect in progress, not a lost cluster.
    setState(state == ConnectionState::Unreachable && allSynced() ? ConnectionState::Reconnecting
                                                                  : state,
             error.toError().message);
}

void ClusterSession::onWatching(core::kube::Informer *informer)
{
    // A watch that opens again after a failure: nothing may have changed meanwhile, so no
    // batch would say the session is live again.
    m_failing.remove(informer);
    if (live())
        setState(ConnectionState::Synced);
}

void ClusterSession::onChanges(const QString &resource, const core::kube::ChangeSet &changes)
{
    const Watched &w = m_watched[resource];
    if (!w.informer)
        return;
    for (const Sink &sink : w.sinks)
        sink(changes, w.informer->cache());
    m_failing.remove(w.informer); // it delivered, so it is listing or watching again
    m_status.pods = m_podModel->rowCount();
    if (live() && m_status.state != ConnectionState::Synced)
        setState(ConnectionState::Synced);
    else
        emit statusChanged(m_status);
}

void ClusterSession::onNodes(const core::kube::ObjectCache &cache)
{
    // By label and taint, never by name: a cluster may have several virtual nodes.
    const QStringList names = core::burst::virtualNodeNames(cache.objects());
    m_podModel->setVirtualNodes(QSet<QString>(names.cbegin(), names.cend()));
}

void ClusterSession::onSynced(const QString &resource)
{
    Watched &w = m_watched[resource];
    m_failing.remove(w.informer); // its list succeeded
    w.synced = true;
    if (live())
        setState(ConnectionState::Synced);
}

bool ClusterSession::allSynced() const
{
    for (const Watched &w : m_watched) {
        if (w.informer && !w.synced)
            return false;
        if (!w.informer && w.state.access == ResourceState::Access::Pending &&
            !w.mapping.resource.isEmpty())
            return false; // looking for namespaces
    }
    return true;
}

bool ClusterSession::allForbidden() const
{
    bool any = false;
    for (const Watched &w : m_watched) {
        if (w.informer || w.state.access == ResourceState::Access::Pending)
            return false;
        any = any || w.state.access == ResourceState::Access::Forbidden;
    }
    return any;
}

bool ClusterSession::live() const
{
    return m_failing.isEmpty() && allSynced();
}

void ClusterSession::setState(ConnectionState state, const QString &detail)
{
    if (state == m_status.state && detail == m_status.detail)
        return;
    if (state != m_status.state)
        m_status.since = QDateTime::currentDateTimeUtc();
    m_status.state = state;
    m_status.detail = detail;
    m_status.pods = m_podModel->rowCount();
    emit statusChanged(m_status);
}

ResourceState ClusterSession::resourceState(const QString &resource) const
{
    return m_watched.value(resource).state;
}

QString ClusterSession::namespacesSettingsKey(const QString &context)
{
    return QStringLiteral("contexts/%1/namespaces").arg(context);
}

void ClusterSession::setResourceState(const QString &name, ResourceState state)
{
    Watched &w = m_watched[name];
    if (w.state == state)
        return;
    w.state = std::move(state);
    if (name == u"nodes") // without nodes, where a pod runs is read from the pod itself
        m_podModel->setVirtualNodesKnown(w.state.access != ResourceState::Access::Forbidden);
    emit resourceStateChanged(name, w.state);
}

void ClusterSession::narrow(const QString &name, const core::kube::ApiStatusError &error)
{
    Watched &w = m_watched[name];
    if (w.informer) {
        m_failing.remove(w.informer);
        w.informer->stop();
        w.informer->deleteLater();
        w.informer = nullptr;
    }
    w.synced = false;
    if (!w.mapping.namespaced) {
        forbid(name, error.message);
        return;
    }
    setResourceState(name, {});
    const quint64 generation = m_generation;
    const QString message = error.message;
    candidateNamespaces([this, name, generation, message](const QStringList &candidates) {
        if (generation == m_generation)
            watchAllowed(name, candidates, message);
    });
}

void ClusterSession::watchAllowed(const QString &name, const QStringList &candidates,
                                  const QString &message)
{
    // list and watch in each candidate; the answers come back in any order.
    struct Tally
    {
        QHash<QString, int> yes; // namespace -> allowed verbs so far
        int pending = 0;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = int(candidates.size()) * 2;
    const quint64 generation = m_generation;
    const auto finish = [this, name, candidates, message, tally, generation] {
        if (--tally->pending > 0 || generation != m_generation)
            return;
        QStringList allowed;
        for (const QString &ns : candidates) {
            if (tally->yes.value(ns) == 2)
                allowed.append(ns);
        }
        if (allowed.isEmpty()) {
            forbid(name, message);
            return;
        }
        startInformer(name, allowed)->start();
        setState(m_status.state == ConnectionState::Synced ? ConnectionState::Syncing
                                                           : m_status.state,
                 m_status.detail);
    };
    if (candidates.isEmpty()) {
        ++tally->pending;
        finish();
        return;
    }
    const Watched &w = m_watched[name];
    for (const QString &ns : candidates) {
        for (const QString &verb : {QStringLiteral("list"), QStringLiteral("watch")}) {
            review({verb, w.mapping.group, w.mapping.resource, ns, {}, {}},
                   [tally, ns, finish](const core::kube::ApiResult<core::kube::AccessAnswer> &a) {
                       // No answer (no authorization API): try, the watch will tell.
                       if (!a || a.value().allowed)
                           ++tally->yes[ns];
                       finish();
                   });
        }
    }
}

void ClusterSession::forbid(const QString &name, const QString &message)
{
    setResourceState(name, {ResourceState::Access::Forbidden, {}, message});
    if (allForbidden())
        setState(ConnectionState::Forbidden, message);
    else if (live())
        setState(ConnectionState::Synced);
}

void ClusterSession::candidateNamespaces(std::function<void(const QStringList &)> done)
{
    if (m_candidates) {
        done(*m_candidates);
        return;
    }
    m_candidateWaiters.append(std::move(done));
    if (m_candidateWaiters.size() > 1)
        return; // already asking
    QStringList names;
    const QString own = m_client->connection().defaultNamespace;
    names.append(own.isEmpty() ? QStringLiteral("default") : own);
    names += QSettings().value(namespacesSettingsKey(m_contextName)).toStringList();
    core::kube::ApiRequest request;
    request.path = QStringLiteral("/api/v1/namespaces");
    const quint64 generation = m_generation;
    m_client->send(
        request, this,
        [this, names, generation](const core::kube::ApiResult<core::kube::ApiResponse> &r) mutable {
            if (generation != m_generation)
                return;
            if (r) { // a user who may list namespaces may try them all
                for (const QJsonValue &item : r.value().json().value(u"items").toArray())
                    names.append(core::kube::nameOf(item.toObject()));
            }
            names.removeAll(QString());
            names.removeDuplicates();
            m_candidates = names;
            for (const auto &waiter : std::exchange(m_candidateWaiters, {}))
                waiter(names);
        });
}

void ClusterSession::review(const core::kube::AccessQuestion &q, Review done)
{
    const QString key =
        QStringList{q.verb, q.group, q.resource, q.nameSpace, q.subresource, q.name}.join(u'\x1f');
    const auto cached = m_answers.constFind(key);
    if (cached != m_answers.cend() &&
        cached->at.msecsTo(QDateTime::currentDateTimeUtc()) < kAnswerTtlMs) {
        done(cached->answer);
        return;
    }
    core::kube::reviewAccess(
        m_client, q, this,
        [this, key, done](const core::kube::ApiResult<core::kube::AccessAnswer> &a) {
            if (a)
                m_answers.insert(key, {a.value(), QDateTime::currentDateTimeUtc()});
            done(a);
        });
}

void ClusterSession::canI(const QString &verb, const QString &resource, const QString &nameSpace,
                          QObject *context,
                          std::function<void(bool allowed, const QString &reason)> done)
{
    QPointer<QObject> guard(context);
    m_client->resolve(
        resource, this,
        [this, verb, nameSpace, guard,
         done](const core::kube::ApiResult<core::kube::ResourceMapping> &m) {
            if (!guard)
                return;
            if (!m) {
                done(false, m.error().toError().message);
                return;
            }
            review({verb, m.value().group, m.value().resource, nameSpace, {}, {}},
                   [guard, done](const core::kube::ApiResult<core::kube::AccessAnswer> &a) {
                       if (!guard)
                           return;
                       if (!a)
                           done(false, a.error().toError().message);
                       else
                           done(a.value().allowed, a.value().reason);
                   });
        });
}

} // namespace models
