#include "models/connectionlist.h"

#include "core/cloud/iamtokenprovider.h"
#include "core/kube/kubeconfig.h"
#include "models/contextsafety.h"
#include "models/tr.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>

namespace models {

namespace {

const QString kExtraFiles = QStringLiteral("connections/kubeconfigFiles");
const QString kRegions = QStringLiteral("connections/cciRegions");

bool isLoopback(const QUrl &server)
{
    const QString host = server.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isCciHost(const QUrl &server, const QList<core::cloud::CciRegion> &regions)
{
    const QString host = server.host().toLower();
    if (host.isEmpty())
        return false;
    for (const core::cloud::CciRegion &region : regions) {
        if (region.cciEndpoint.host().toLower() == host &&
            region.cciEndpoint.port(443) == server.port(443))
            return true;
    }
    static const QRegularExpression publicShape(
        QStringLiteral("^cci\\.[a-z0-9]+(-[a-z0-9]+)*\\.myhuaweicloud\\.com$"));
    return publicShape.match(host).hasMatch();
}

} // namespace

QString kindBadge(ConnectionKind kind)
{
    switch (kind) {
    case ConnectionKind::Cluster:
        return {};
    case ConnectionKind::Sandbox:
        return Tr::tr("sandbox");
    case ConnectionKind::Cci:
        return Tr::tr("CCI");
    case ConnectionKind::Cce:
        return Tr::tr("CCE");
    }
    return {};
}

ConnectionKind kindOf(const QString &clusterName, const QUrl &server,
                      const QList<core::cloud::CciRegion> &regions)
{
    if (isCciHost(server, regions))
        return ConnectionKind::Cci;
    if (isLoopback(server) && clusterName == u"sandbox-cci")
        return ConnectionKind::Cci;
    if (isLoopback(server) && clusterName == u"sandbox")
        return ConnectionKind::Sandbox;
    return ConnectionKind::Cluster;
}

ConnectionKind connectedKind(ConnectionKind configured, bool hasVirtualNodes)
{
    return configured == ConnectionKind::Cluster && hasVirtualNodes ? ConnectionKind::Cce
                                                                    : configured;
}

QList<ConnectionEntry> contextEntries(const core::kube::Kubeconfig &config,
                                      const QString &kubeconfigPath,
                                      const QList<core::cloud::CciRegion> &regions)
{
    QList<ConnectionEntry> out;
    for (auto it = config.contexts.begin(); it != config.contexts.end(); ++it) {
        ConnectionEntry e;
        e.name = it.key();
        e.cluster = it->cluster;
        e.server = QUrl(config.clusters.value(it->cluster).server);
        e.user = it->user;
        e.nameSpace = it->nameSpace;
        e.sourceFile = it->sourceFile;
        e.kubeconfigPath = kubeconfigPath;
        e.kind = kindOf(e.cluster, e.server, regions);
        e.current = it.key() == config.currentContext;
        out.append(e);
    }
    return out;
}

ConnectionEntry accountEntry(const core::cloud::CloudAccount &account,
                             const QList<core::cloud::CciRegion> &regions)
{
    ConnectionEntry e;
    e.name = account.displayName.isEmpty() ? account.id : account.displayName;
    e.accountId = account.id;
    const auto region = core::cloud::findCciRegion(regions, account.region);
    e.cluster = account.region;
    e.server = region ? region->cciEndpoint : core::cloud::cciRegionFor(account.region).cciEndpoint;
    e.user = account.authKind == core::cloud::CloudAccount::AuthKind::Password
                 ? account.userName
                 : Tr::tr("access key");
    e.kind = ConnectionKind::Cci;
    return e;
}

ConnectionListing listConnections(const ConnectionSources &sources)
{
    ConnectionListing listing;
    const auto add = [&](const core::Result<core::kube::Kubeconfig> &config, const QString &path) {
        if (config)
            listing.entries += contextEntries(config.value(), path, sources.regions);
        else
            listing.errors.append(config.error().message);
    };
    add(core::kube::loadKubeconfig(sources.search), QString());
    for (const QString &file : sources.extraFiles)
        add(core::kube::readKubeconfigFile(file), file);
    for (const core::cloud::CloudAccount &account : sources.accounts)
        listing.entries.append(accountEntry(account, sources.regions));
    return listing;
}

core::Result<core::kube::Connection> resolveEntry(const ConnectionEntry &entry,
                                                  const core::kube::KubeconfigSearch &search)
{
    core::kube::KubeconfigSearch where = search;
    if (!entry.kubeconfigPath.isEmpty())
        where = core::kube::KubeconfigSearch{entry.kubeconfigPath, {}, {}};
    const auto config = core::kube::loadKubeconfig(where);
    if (!config)
        return config.error();
    core::kube::KubeconfigOverrides overrides;
    overrides.context = entry.name;
    return core::kube::resolveConnection(config.value(), overrides);
}

core::kube::Connection accountConnection(const core::cloud::CloudAccount &account,
                                         const core::cloud::CciRegion &region,
                                         const QString &passwordOrAccessKey,
                                         const QString &secretKey, const QByteArray &caPem)
{
    core::kube::Connection c;
    c.contextName = account.displayName.isEmpty() ? account.id : account.displayName;
    c.clusterName = region.id;
    c.userName = account.userName;
    c.server = region.cciEndpoint;
    c.certificateAuthorityPem = caPem;
    core::cloud::IamTokenOptions options;
    options.iamEndpoint = region.iamEndpoint;
    options.projectName = account.projectName.isEmpty() ? region.id : account.projectName;
    options.caCertificatesPem = caPem;
    if (account.authKind == core::cloud::CloudAccount::AuthKind::Password)
        options.identity = core::cloud::IamPasswordIdentity{account.userName, passwordOrAccessKey,
                                                            account.domainName};
    else
        options.identity = core::cloud::IamAccessKeyIdentity{passwordOrAccessKey, secretKey};
    c.credentialProvider = std::make_shared<core::cloud::IamTokenProvider>(options);
    return c;
}

QStringList extraKubeconfigFiles()
{
    return QSettings().value(kExtraFiles).toStringList();
}

void setExtraKubeconfigFiles(const QStringList &files)
{
    QSettings().setValue(kExtraFiles, files);
}

QString accountsGroup()
{
    return QStringLiteral("connections/accounts");
}

QList<core::cloud::CloudAccount> savedAccounts()
{
    QSettings settings;
    return core::cloud::loadCloudAccounts(settings, accountsGroup());
}

core::Result<void> saveAccount(const core::cloud::CloudAccount &account)
{
    QSettings settings;
    return core::cloud::saveCloudAccount(settings, accountsGroup(), account);
}

void removeAccount(const QString &id)
{
    QSettings settings;
    core::cloud::removeCloudAccount(settings, accountsGroup(), id);
}

QList<core::cloud::CciRegion> cciRegions()
{
    const QByteArray json = QSettings().value(kRegions).toByteArray();
    if (!json.isEmpty()) {
        if (auto parsed = core::cloud::parseCciRegions(json); parsed && !parsed->isEmpty())
            return parsed.value();
    }
    return core::cloud::defaultCciRegions();
}

ConnectionListModel::ConnectionListModel(QObject *parent) : QAbstractTableModel(parent)
{
    connect(ContextSafetyNotifier::instance(), &ContextSafetyNotifier::changed, this,
            [this](const QString &context) {
                for (int row = 0; row < m_entries.size(); ++row) {
                    if (m_entries.at(row).name == context)
                        emit dataChanged(index(row, Safety), index(row, Safety));
                }
            });
}

void ConnectionListModel::setListing(const ConnectionListing &listing)
{
    beginResetModel();
    m_entries = listing.entries;
    m_errors = listing.errors;
    endResetModel();
}

int ConnectionListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name == name)
            return row;
    }
    return -1;
}

void ConnectionListModel::setConnected(const QSet<QString> &names)
{
    m_connected = names;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, Connected), index(int(m_entries.size()) - 1, Connected));
}

bool ConnectionListModel::isConnected(int row) const
{
    return row >= 0 && row < m_entries.size() && m_connected.contains(m_entries.at(row).name);
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const ConnectionEntry &e = m_entries.at(index.row());
    if (role == Qt::ToolTipRole) {
        if (e.isAccount())
            return Tr::tr("CCI account %1 (secrets in the credential store)").arg(e.accountId);
        return Tr::tr("Defined in %1").arg(e.sourceFile);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return e.current ? Tr::tr("%1 (current)").arg(e.name) : e.name;
    case Cluster:
        return e.cluster.isEmpty() ? e.server.toString()
                                   : Tr::tr("%1 (%2)").arg(e.cluster, e.server.toString());
    case User:
        return e.user;
    case Namespace:
        return e.nameSpace;
    case Kind:
        return e.kind == ConnectionKind::Cluster ? Tr::tr("cluster") : kindBadge(e.kind);
    case Safety:
        return safetyLabel(contextSafety(e.name));
    case Connected:
        return m_connected.contains(e.name) ? Tr::tr("connected") : QString();
    default:
        return {};
    }
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return Tr::tr("Context");
    case Cluster:
        return Tr::tr("Cluster / server");
    case User:
        return Tr::tr("User");
    case Namespace:
        return Tr::tr("Namespace");
    case Kind:
        return Tr::tr("Kind");
    case Safety:
        return Tr::tr("Safety");
    case Connected:
        return Tr::tr("Connected");
    default:
        return {};
    }
}

} // namespace models
