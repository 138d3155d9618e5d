#pragma once

#include "core/common/result.h"
#include "core/sandbox/cluster/preloadedpods.h" // preloadPods(), which the scenario offers

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace core::sandbox {

class ObjectStore;
class TlsContext;

// The default scenario (cluster id "sandbox" unless given): namespaces default, kube-system,
// payments and the CCI namespace cce-burst-<clusterId>; three IDC nodes with finite capacity and
// the virtual-kubelet node (large capacity, its taint, lock state in an annotation).
void seedDefaultScenario(ObjectStore &store, const QString &clusterId);

// CCI 2.0's virtual nodes (vendor docs) beside the guide's one: the global bursting-node and one
// AZ-level node bursting-node-<zone> per zone, labelled with the zone (both zone labels). A zone
// of `faultyZones` gets its node as CCI marks a faulty AZ's: unschedulable, with a condition.
// burst-sandbox --cci-zones / --cci-faulty-zone.
void seedZoneVirtualNodes(ObjectStore &store, const QString &clusterId, const QStringList &zones,
                          const QStringList &faultyZones = {});

// The guide's examples (resources/examples, embedded in the library) created as `kubectl apply
// -f resources/examples` would: a later document with the same name replaces an earlier one.
// Returns how many objects were written.
int seedExampleWorkloads(ObjectStore &store);

// Creates (or replaces) every object of a multi-document YAML/JSON manifest file. A document
// that does not parse, a kind the sandbox does not serve, or an object the store rejects is an
// Error whose message starts with "FILE:LINE:COL: ". Returns how many objects were written.
Result<int> applyManifestFile(ObjectStore &store, const QString &path);

// The name of the one virtual node the sandbox simulates (the guide's,
// burst::kGuideVirtualNodeName) and the CCI namespace of a cluster (burst::cciNamespaceFor()). Code
// reading nodes recognises virtual nodes by label and taint (burst::isVirtualNode()), not by this
// name.
QString virtualKubeletNodeName();
QString cciNamespace(const QString &clusterId);

// A kubeconfig for the sandbox: context "sandbox" (bearer token), and with TLS also
// "sandbox-cert" (the admin client certificate); the CA is embedded.
QByteArray sandboxKubeconfig(const QString &serverUrl, const QString &token, const TlsContext *tls);

// The CCI side's own store: the namespace cce-burst-<clusterId> where burst pods land, of CCI
// type `flavor` (CciAdmissionOptions::namespaceFlavor; "" for no flavour annotation).
void seedCciScenario(ObjectStore &cciStore, const QString &clusterId,
                     const QString &flavor = QStringLiteral("general-computing"));

// `kubeconfig` (as sandboxKubeconfig wrote it) plus a context "sandbox-cci" whose cluster is the
// CCI endpoint and whose user holds no valid credential (only cciPlaceholderToken(), which the
// endpoint refuses), so an IAM token must be given with --token.
QString cciPlaceholderToken();
QByteArray withCciContext(const QByteArray &kubeconfig, const QString &cciUrl,
                          const QString &clusterId, const TlsContext *tls);

// `kubeconfig` plus the restricted user: a user "sandbox-restricted" with `token` and a context
// "sandbox-restricted" on the cluster "sandbox" in `nameSpace` (its first allowed namespace).
// kubectl sends the token over TLS only: on a plain-HTTP sandbox the context is the admin.
QByteArray withRestrictedContext(const QByteArray &kubeconfig, const QString &token,
                                 const QString &nameSpace);

} // namespace core::sandbox
