#include "core/sandbox/cluster/scenario.h"

#include "core/burst/cciconventions.h"
#include "core/common/tr.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/manifestloader.h"
#include "core/kube/objectmeta.h"
#include "core/sandbox/apiserver/apidefaults.h"
#include "core/sandbox/apiserver/apiresources.h"
#include "core/sandbox/cluster/cciadmission.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/tlscontext.h"

#include <QDir>
#include <QJsonArray>
#include <QStringList>

#include <functional>

#include <yaml-cpp/yaml.h>

namespace core::sandbox {

namespace {

QJsonObject namespaceObject(const QString &name, const QJsonObject &labels = {})
{
    QJsonObject meta{{QStringLiteral("name"), name}};
    QJsonObject allLabels = labels;
    allLabels.insert(QStringLiteral("kubernetes.io/metadata.name"), name);
    meta.insert(QStringLiteral("labels"), allLabels);
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}}}};
}

QJsonObject nodeObject(const QString &name, const QString &cpu, const QString &memory,
                       const QString &pods, const QJsonObject &labels, const QJsonArray &taints,
                       const QJsonObject &annotations = {})
{
    const QJsonObject capacity{{QStringLiteral("cpu"), cpu},
                               {QStringLiteral("memory"), memory},
                               {QStringLiteral("pods"), pods}};
    QJsonObject meta{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}};
    if (!annotations.isEmpty())
        meta.insert(QStringLiteral("annotations"), annotations);
    QJsonObject spec;
    if (!taints.isEmpty())
        spec.insert(QStringLiteral("taints"), taints);
    const QJsonObject ready{{QStringLiteral("type"), QStringLiteral("Ready")},
                            {QStringLiteral("status"), QStringLiteral("True")},
                            {QStringLiteral("reason"), QStringLiteral("KubeletReady")}};
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Node")},
        {QStringLiteral("metadata"), meta},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("capacity"), capacity},
                     {QStringLiteral("allocatable"), capacity},
                     {QStringLiteral("conditions"), QJsonArray{ready}},
                     {QStringLiteral("nodeInfo"),
                      QJsonObject{{QStringLiteral("kubeletVersion"), QStringLiteral("v1.30.0")},
                                  {QStringLiteral("architecture"), QStringLiteral("amd64")},
                                  {QStringLiteral("operatingSystem"), QStringLiteral("linux")}}}}}};
}

// A virtual node with the label and taint by which burst::isVirtualNode() recognises one
// (assumed: virtual-kubelet's upstream conventions, see core/burst/cciconventions.h) plus
// `extraLabels`. kubernetes.io/role and the node-role label are virtual-kubelet's too (assumed).
// Sandbox inventions: the lock annotation (empty while unlocked) and burst.sandbox/cluster-id.
QJsonObject virtualNodeObject(const QString &name, const QString &clusterId,
                              const QJsonObject &extraLabels)
{
    const QJsonArray vkTaint{QJsonObject{{QStringLiteral("key"), burst::kProviderTaintKey},
                                         {QStringLiteral("value"), burst::kProviderTaintValue},
                                         {QStringLiteral("effect"), QStringLiteral("NoSchedule")}}};
    QJsonObject labels{{burst::kVirtualNodeTypeLabel, burst::kVirtualNodeTypeValue},
                       {QStringLiteral("kubernetes.io/role"), QStringLiteral("agent")},
                       {QStringLiteral("node-role.kubernetes.io/virtual-kubelet"), QString()}};
    for (auto it = extraLabels.begin(); it != extraLabels.end(); ++it)
        labels.insert(it.key(), it.value());
    return nodeObject(name, QStringLiteral("10000"), QStringLiteral("40000Gi"),
                      QStringLiteral("10000"), labels, vkTaint,
                      {{burst::kLockedUntilAnnotation, QString()},
                       {QStringLiteral("burst.sandbox/cluster-id"), clusterId}});
}

const ApiResource *resourceForKind(const QString &apiVersion, const QString &kind)
{
    for (const ApiResource &resource : servedResources()) {
        if (resource.type.apiVersion() == apiVersion && resource.type.kind == kind)
            return &resource;
    }
    return nullptr;
}

// Create, or replace what is there as `kubectl apply` would for an object it did not create.
ServerResult<QJsonObject> upsert(ObjectStore &store, const ApiResource &resource,
                                 const QJsonObject &object)
{
    QString ns;
    QJsonObject body = object;
    if (resource.type.namespaced) {
        ns = kube::namespaceOf(body);
        if (ns.isEmpty()) {
            ns = QStringLiteral("default");
            QJsonObject meta = body.value(u"metadata").toObject();
            meta.insert(QStringLiteral("namespace"), ns);
            body.insert(QStringLiteral("metadata"), meta);
        }
    }
    // Defaulted as the API server would have, so a client's first write does not change the
    // template (and start a rollout) just by adding the defaults.
    body = withApiDefaults(resource.type, body);
    auto created = store.create(resource.type, ns, body);
    if (created || created.error().reason != u"AlreadyExists")
        return created;
    const QString name = kube::nameOf(body);
    return store.update(resource.type, ns, name, body);
}

Result<int> applyLoaded(ObjectStore &store, const kube::LoadResult &loaded)
{
    if (!loaded.errors.isEmpty())
        return Error{QStringLiteral("scenario.parse"), loaded.errors.first().toString(), {}};
    int written = 0;
    for (const kube::ManifestObject &manifest : loaded.objects) {
        const QString where = QStringLiteral("%1:%2:%3: ")
                                  .arg(manifest.file)
                                  .arg(manifest.pos.line)
                                  .arg(manifest.pos.column);
        const ApiResource *resource = resourceForKind(manifest.apiVersion(), manifest.kind());
        if (!resource)
            return Error{QStringLiteral("scenario.kind"),
                         QString(where + Tr::tr("the sandbox does not serve %1 %2")
                                             .arg(manifest.apiVersion(), manifest.kind())),
                         {}};
        const auto result = upsert(store, *resource, manifest.object);
        if (!result)
            return Error{QStringLiteral("scenario.rejected"),
                         QString(where + result.error().message), {}};
        ++written;
    }
    return written;
}

} // namespace

QString virtualKubeletNodeName()
{
    return burst::kGuideVirtualNodeName;
}

QString cciPlaceholderToken()
{
    return QStringLiteral("an-iam-token-is-required");
}

QString cciNamespace(const QString &clusterId)
{
    return burst::cciNamespaceFor(clusterId);
}

void seedDefaultScenario(ObjectStore &store, const QString &clusterId)
{
    for (const QString &ns :
         {QStringLiteral("default"), QStringLiteral("kube-system"), QStringLiteral("payments")})
        store.create(namespacesType(), QString(), namespaceObject(ns));
    store.create(namespacesType(), QString(),
                 namespaceObject(cciNamespace(clusterId),
                                 {{burst::kManagedByLabel, burst::kManagedByValue}}));
    for (int i = 1; i <= 3; ++i) {
        const QString name = QStringLiteral("idc-node-%1").arg(i);
        store.create(nodesType(), QString(),
                     nodeObject(name, QStringLiteral("4"), QStringLiteral("8Gi"),
                                QStringLiteral("110"),
                                {{QStringLiteral("kubernetes.io/hostname"), name},
                                 {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")},
                                 {QStringLiteral("node-role.kubernetes.io/idc"), QString()}},
                                {}));
    }
    // The guide's virtual node; --cci-zones adds CCI 2.0's (seedZoneVirtualNodes()).
    store.create(nodesType(), QString(),
                 virtualNodeObject(virtualKubeletNodeName(), clusterId, {}));
}

void seedZoneVirtualNodes(ObjectStore &store, const QString &clusterId, const QStringList &zones,
                          const QStringList &faultyZones)
{
    store.create(nodesType(), QString(),
                 virtualNodeObject(burst::kGlobalVirtualNodeName, clusterId, {}));
    for (const QString &zone : zones) {
        QJsonObject node = virtualNodeObject(burst::kGlobalVirtualNodeName + u'-' + zone,
                                             clusterId,
                                             {{burst::kZoneLabel, zone},
                                              {burst::kLegacyZoneLabel, zone}});
        if (faultyZones.contains(zone)) {
            // vendor docs: CCI sets a faulty AZ's node unschedulable and says why in a condition
            // (its type is a sandbox invention, burst::kZoneFaultCondition).
            QJsonObject spec = node.value(u"spec").toObject();
            spec.insert(QStringLiteral("unschedulable"), true);
            node.insert(QStringLiteral("spec"), spec);
            QJsonObject status = node.value(u"status").toObject();
            QJsonArray conditions = status.value(u"conditions").toArray();
            conditions.append(QJsonObject{
                {QStringLiteral("type"), burst::kZoneFaultCondition},
                {QStringLiteral("status"), QStringLiteral("True")},
                {QStringLiteral("reason"), QStringLiteral("AvailabilityZoneFault")},
                {QStringLiteral("message"),
                 QStringLiteral("CCI availability zone %1 is unavailable").arg(zone)}});
            status.insert(QStringLiteral("conditions"), conditions);
            node.insert(QStringLiteral("status"), status);
        }
        store.create(nodesType(), QString(), node);
    }
}

int seedExampleWorkloads(ObjectStore &store)
{
    QDir dir(QStringLiteral(":/sandbox/examples"));
    int written = 0;
    for (const QString &file : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        const auto result = applyLoaded(store, kube::loadManifestFile(dir.filePath(file)));
        written += result ? *result : 0;
    }
    return written;
}

Result<int> applyManifestFile(ObjectStore &store, const QString &path)
{
    return applyLoaded(store, kube::loadManifestFile(path));
}

QByteArray sandboxKubeconfig(const QString &serverUrl, const QString &token, const TlsContext *tls)
{
    QJsonObject cluster{{QStringLiteral("server"), serverUrl}};
    if (tls)
        cluster.insert(QStringLiteral("certificate-authority-data"),
                       QString::fromLatin1(tls->caPem().toBase64()));
    QJsonArray users{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox-token")},
                    {QStringLiteral("user"), QJsonObject{{QStringLiteral("token"), token}}}}};
    QJsonArray contexts{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox")},
                    {QStringLiteral("context"),
                     QJsonObject{{QStringLiteral("cluster"), QStringLiteral("sandbox")},
                                 {QStringLiteral("user"), QStringLiteral("sandbox-token")},
                                 {QStringLiteral("namespace"), QStringLiteral("default")}}}}};
    if (tls) {
        users.append(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox-admin-cert")},
                        {QStringLiteral("user"),
                         QJsonObject{{QStringLiteral("client-certificate-data"),
                                      QString::fromLatin1(tls->clientCertPem().toBase64())},
                                     {QStringLiteral("client-key-data"),
                                      QString::fromLatin1(tls->clientKeyPem().toBase64())}}}});
        contexts.append(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox-cert")},
                        {QStringLiteral("context"),
                         QJsonObject{{QStringLiteral("cluster"), QStringLiteral("sandbox")},
                                     {QStringLiteral("user"), QStringLiteral("sandbox-admin-cert")},
                                     {QStringLiteral("namespace"), QStringLiteral("default")}}}});
    }
    const QJsonObject config{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Config")},
        {QStringLiteral("clusters"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox")},
                                {QStringLiteral("cluster"), cluster}}}},
        {QStringLiteral("users"), users},
        {QStringLiteral("contexts"), contexts},
        {QStringLiteral("current-context"), QStringLiteral("sandbox")}};
    return kube::jsonToYaml(config);
}

void seedCciScenario(ObjectStore &cciStore, const QString &clusterId, const QString &flavor)
{
    cciStore.create(namespacesType(), QString(),
                    CciAdmission::namespaceObject(cciNamespace(clusterId), flavor));
}

namespace {

// `kubeconfig` with entries appended to its clusters, users and contexts by `add`, which gets a
// function appending one entry to one of those lists; unchanged when it does not parse.
QByteArray withEntries(
    const QByteArray &kubeconfig,
    const std::function<void(const std::function<void(const QString &, const QJsonObject &)> &)>
        &add)
{
    QJsonObject config;
    try {
        config = kube::yamlToJson(YAML::Load(kubeconfig.toStdString())).toObject();
    } catch (const YAML::Exception &) {
        return kubeconfig;
    }
    add([&config](const QString &key, const QJsonObject &entry) {
        QJsonArray list = config.value(key).toArray();
        list.append(entry);
        config.insert(key, list);
    });
    return kube::jsonToYaml(config);
}

} // namespace

QByteArray withRestrictedContext(const QByteArray &kubeconfig, const QString &token,
                                 const QString &nameSpace)
{
    return withEntries(kubeconfig, [&](const auto &appended) {
        const QString name = QStringLiteral("sandbox-restricted");
        appended(
            QStringLiteral("users"),
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("user"), QJsonObject{{QStringLiteral("token"), token}}}});
        appended(QStringLiteral("contexts"),
                 QJsonObject{{QStringLiteral("name"), name},
                             {QStringLiteral("context"),
                              QJsonObject{{QStringLiteral("cluster"), QStringLiteral("sandbox")},
                                          {QStringLiteral("user"), name},
                                          {QStringLiteral("namespace"), nameSpace}}}});
    });
}

QByteArray withCciContext(const QByteArray &kubeconfig, const QString &cciUrl,
                          const QString &clusterId, const TlsContext *tls)
{
    return withEntries(kubeconfig, [&](const auto &appended) {
        QJsonObject cluster{{QStringLiteral("server"), cciUrl}};
        if (tls)
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(tls->caPem().toBase64()));
        const QString name = QStringLiteral("sandbox-cci");
        appended(QStringLiteral("clusters"),
                 QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("cluster"), cluster}});
        // A user with no credential at all makes kubectl prompt for a basic-auth user name; this
        // placeholder is refused like any invalid token and is replaced by --token.
        appended(QStringLiteral("users"),
                 QJsonObject{{QStringLiteral("name"), name},
                             {QStringLiteral("user"),
                              QJsonObject{{QStringLiteral("token"), cciPlaceholderToken()}}}});
        appended(
            QStringLiteral("contexts"),
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("context"),
                         QJsonObject{{QStringLiteral("cluster"), name},
                                     {QStringLiteral("user"), name},
                                     {QStringLiteral("namespace"), cciNamespace(clusterId)}}}});
    });
}

} // namespace core::sandbox
