#include "models/clustersession.h"

#include "core/burst/cciconventions.h"
#include "core/kube/apiclient.h"
#include "core/kube/informer.h"
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
}

ClusterSession::~ClusterSession()
{
    stop();
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
    for (core::kube::Informer *informer : {m_podInformer, m_nodeInformer}) {
        if (informer) {
            informer->stop();
            informer->deleteLater();
        }
    }
    m_podInformer = m_nodeInformer = nullptr;
    m_informersSynced = 0;
    m_failing.clear();
    if (m_status.state != ConnectionState::Disconnected)
        setState(ConnectionState::Disconnected);
}

void ClusterSession::startInformers(const core::kube::RestMapper &mapper)
{
    const auto pods = mapper.resolve(QStringLiteral("pods"));
    const auto nodes = mapper.resolve(QStringLiteral("nodes"));
    if (!pods || !nodes) {
        setState(ConnectionState::Forbidden, (!pods ? pods.error() : nodes.error()).message);
        return;
    }
    setState(ConnectionState::Syncing);
    const auto informer = [this](const core::kube::ResourceMapping &resource) {
        core::kube::InformerOptions options;
        options.reflector.resource = resource;
        auto *created = new core::kube::Informer(m_client, options, this);
        connect(created, &core::kube::Informer::warning, this,
                [this, created](const core::kube::ApiStatusError &e) { onFailure(created, e); });
        connect(created, &core::kube::Informer::watching, this,
                [this, created] { onWatching(created); });
        connect(created, &core::kube::Informer::synced, this, &ClusterSession::onSynced);
        return created;
    };
    m_nodeInformer = informer(nodes.value());
    connect(m_nodeInformer, &core::kube::Informer::changes, this, &ClusterSession::onNodes);
    m_podInformer = informer(pods.value());
    connect(m_podInformer, &core::kube::Informer::changes, this, &ClusterSession::onPods);
    m_nodeInformer->start();
    m_podInformer->start();
}

void ClusterSession::onFailure(core::kube::Informer *informer,
                               const core::kube::ApiStatusError &error)
{
    if (m_status.state == ConnectionState::Disconnected)
        return;
    m_failing.insert(informer);
    const ConnectionState state = stateFor(error);
    // A transport failure while watching is a reconnect in progress, not a lost cluster.
    setState(state == ConnectionState::Unreachable && m_informersSynced == 2
                 ? ConnectionState::Reconnecting
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

void ClusterSession::onPods(const core::kube::ChangeSet &changes)
{
    m_podModel->applyChanges(changes);
    m_failing.remove(m_podInformer); // it delivered, so it is listing or watching again
    m_status.pods = m_podModel->rowCount();
    if (live() && m_status.state != ConnectionState::Synced)
        setState(ConnectionState::Synced);
    else
        emit statusChanged(m_status);
}

void ClusterSession::onNodes(const core::kube::ChangeSet &changes)
{
    Q_UNUSED(changes);
    // By label and taint, never by name: a cluster may have several virtual nodes.
    const QStringList names = core::burst::virtualNodeNames(m_nodeInformer->cache().objects());
    m_podModel->setVirtualNodes(QSet<QString>(names.cbegin(), names.cend()));
    m_failing.remove(m_nodeInformer);
    if (live())
        setState(ConnectionState::Synced);
}

void ClusterSession::onSynced()
{
    m_failing.remove(qobject_cast<core::kube::Informer *>(sender())); // its list succeeded
    ++m_informersSynced;
    if (live())
        setState(ConnectionState::Synced);
}

bool ClusterSession::live() const
{
    return m_informersSynced == 2 && m_failing.isEmpty();
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
