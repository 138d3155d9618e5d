#include "models/clustersession.h"

#include "core/burst/cciconventions.h"
#include "core/kube/apiclient.h"
#include "core/kube/informer.h"
#include "core/kube/podsummary.h"
#include "models/podtablemodel.h"
#include "models/tr.h"

#include <QLocale>
#include <QTimer>

namespace models {

namespace {

constexpr int kRediscoverMs = 5000;

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
    watch(
        QStringLiteral("nodes"),
        [this](const core::kube::ChangeSet &, const core::kube::ObjectCache &cache) {
            onNodes(cache);
        },
        true);
    watch(
        QStringLiteral("pods"),
        [this](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &) {
            m_podModel->applyChanges(changes);
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
                                                 core::burst::kBurstPodMemoryAnnotation};
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
    }
    m_failing.clear();
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
        core::kube::InformerOptions options;
        options.reflector.resource = resource.value();
        for (const Tune &tune : std::as_const(w.tunes))
            tune(options);
        auto *created = new core::kube::Informer(m_client, options, this);
        connect(created, &core::kube::Informer::warning, this,
                [this, created](const core::kube::ApiStatusError &e) { onFailure(created, e); });
        connect(created, &core::kube::Informer::watching, this,
                [this, created] { onWatching(created); });
        connect(created, &core::kube::Informer::synced, this, [this, name] { onSynced(name); });
        connect(created, &core::kube::Informer::changes, this,
                [this, name](const core::kube::ChangeSet &changes) { onChanges(name, changes); });
        w.informer = created;
        started.append(created);
    }
    setState(ConnectionState::Syncing);
    emit discovered();
    for (core::kube::Informer *informer : std::as_const(started))
        informer->start();
}

void ClusterSession::onFailure(core::kube::Informer *informer,
                               const core::kube::ApiStatusError &error)
{
    if (m_status.state == ConnectionState::Disconnected)
        return;
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
    }
    return true;
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

} // namespace models
