#pragma once

#include "core/cloud/cciregions.h"
#include "core/cloud/cloudaccount.h"
#include "core/common/result.h"
#include "core/kube/connection.h"
#include "core/kube/kubeconfigloader.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

namespace models {

// What a connection points at, for its badge: the local sandbox, a CCI endpoint, an IDC/CCE
// cluster (one with a virtual-kubelet node, known only once connected) or any other cluster.
enum class ConnectionKind { Cluster, Sandbox, Cci, Cce };

// The badge shown after the context's name: "sandbox", "CCI", "CCE"; "" for a plain cluster.
QString kindBadge(ConnectionKind kind);

// The badge rule for a kubeconfig context, from what the kubeconfig says:
// - CCI: the server is a CCI endpoint: its host is that of a region's cciEndpoint, or has the
//   public shape cci.<region>.myhuaweicloud.com; or the sandbox's CCI endpoint (cluster entry
//   "sandbox-cci" on a loopback address, as burst-sandbox --kubeconfig-out writes it);
// - Sandbox: the cluster entry burst-sandbox writes ("sandbox") on a loopback address;
// - Cluster otherwise (connected, it becomes Cce when a virtual-kubelet node exists).
ConnectionKind kindOf(const QString &clusterName, const QUrl &server,
                      const QList<core::cloud::CciRegion> &regions);
// A connected session's kind: a plain cluster with a virtual-kubelet node is IDC/CCE.
ConnectionKind connectedKind(ConnectionKind configured, bool hasVirtualNodes);

// One row of the connection list: a context of a kubeconfig, or a CCI account.
struct ConnectionEntry
{
    QString name; // context name, or the account's display name
    QString cluster;
    QUrl server;
    QString user;
    QString nameSpace;
    // The kubeconfig file the context comes from ("" for the merged default kubeconfig, see
    // kubeconfigPath), or "" for a CCI account.
    QString sourceFile;
    // What to load to resolve the context: "" = the default search (--kubeconfig, else
    // KUBECONFIG, else ~/.kube/config), else one file the user added.
    QString kubeconfigPath;
    QString accountId; // a CCI account: its id (core::cloud::CloudAccount)
    ConnectionKind kind = ConnectionKind::Cluster;
    bool current = false; // the kubeconfig's current-context

    bool isAccount() const { return !accountId.isEmpty(); }
};

// The contexts of `config` as entries (loaded through `kubeconfigPath`).
QList<ConnectionEntry> contextEntries(const core::kube::Kubeconfig &config,
                                      const QString &kubeconfigPath,
                                      const QList<core::cloud::CciRegion> &regions);
// A CCI account as an entry: its region's CCI endpoint, its user (or "AK/SK").
ConnectionEntry accountEntry(const core::cloud::CloudAccount &account,
                             const QList<core::cloud::CciRegion> &regions);

// Every connection the console offers: the contexts of the default kubeconfig (merged as
// kubectl merges them), those of each extra file the user added (each file on its own, as with
// --kubeconfig FILE), and the CCI accounts. A file that does not load is reported in errors()
// and leaves the others listed.
struct ConnectionSources
{
    core::kube::KubeconfigSearch search; // the default kubeconfig
    QStringList extraFiles;
    QList<core::cloud::CloudAccount> accounts;
    QList<core::cloud::CciRegion> regions;
};

struct ConnectionListing
{
    QList<ConnectionEntry> entries;
    QStringList errors; // one translated line per file that did not load
};

ConnectionListing listConnections(const ConnectionSources &sources);

// The kubeconfig context of `entry` resolved (files read), as loadConnection does with
// --kubeconfig/--context. Exec plugins are not attached: the caller asks for trust first.
core::Result<core::kube::Connection> resolveEntry(const ConnectionEntry &entry,
                                                  const core::kube::KubeconfigSearch &search);

// A CCI account's connection once its secrets are read: an IAM token (password or AK/SK
// identity) from the region's IAM endpoint, scoped to the account's project (the region by
// default). `caPem` is trusted besides the system CAs (the sandbox's CA).
core::kube::Connection accountConnection(const core::cloud::CloudAccount &account,
                                         const core::cloud::CciRegion &region,
                                         const QString &passwordOrAccessKey,
                                         const QString &secretKey,
                                         const QByteArray &caPem = {});

// The settings behind the list: the extra kubeconfig files ("connections/kubeconfigFiles"),
// the CCI accounts ("connections/accounts", secrets only as references) and the CCI regions
// ("connections/cciRegions", JSON as parseCciRegions reads it; the shipped list when unset).
QStringList extraKubeconfigFiles();
void setExtraKubeconfigFiles(const QStringList &files);
QList<core::cloud::CloudAccount> savedAccounts();
core::Result<void> saveAccount(const core::cloud::CloudAccount &account);
void removeAccount(const QString &id);
QList<core::cloud::CciRegion> cciRegions();
QString accountsGroup();

// The connection list as a table: Context, Cluster / server, User, Namespace, Kind, Safety,
// Connected. Safety follows ContextSafetyNotifier; Connected follows setConnected().
class ConnectionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Cluster, User, Namespace, Kind, Safety, Connected, ColumnCount };

    explicit ConnectionListModel(QObject *parent = nullptr);

    void setListing(const ConnectionListing &listing);
    const QList<ConnectionEntry> &entries() const { return m_entries; }
    const QStringList &errors() const { return m_errors; }
    // The row of the entry named `name` (first match), -1 when none.
    int rowOf(const QString &name) const;
    // The names of the connected sessions; and their kind once known (CCE).
    void setConnected(const QSet<QString> &names);
    bool isConnected(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ConnectionEntry> m_entries;
    QStringList m_errors;
    QSet<QString> m_connected;
};

} // namespace models
