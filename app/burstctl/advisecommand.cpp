#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/burst/addonadvisor.h"
#include "core/burst/cciconventions.h"
#include "core/burst/ccinetwork.h"
#include "core/kube/apiclient.h"
#include "core/kube/objectmeta.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <functional>
#include <memory>

// burstctl advise: reads a cluster's nodes, pods, workloads, Services, ScheduleProfiles,
// ConfigMap counts and log policies, and prints core::burst::adviseAddon()'s findings (guide 1.1).
namespace cli {

namespace {

// Exit statuses (documented in --help and docs/burstctl.md).
constexpr int kExitWarnings = 3;
constexpr int kExitErrors = 4;

// One list to read: what to resolve, and where each page's items go.
struct ListStep
{
    QString resource;
    bool optional = false; // a resource the cluster may not serve: skipped when unknown
    std::function<void(const QJsonObject &item)> add;
    std::function<void(const QString &kind)> reset; // a restarted list drops its kind's items
    std::function<void()> missing; // called when an optional resource is not served
};

struct Reader
{
    const Invocation *in = nullptr;
    core::kube::ApiClient *client = nullptr;
    core::kube::RestMapper mapper;
    QList<ListStep> steps;
    std::function<void()> finished;

    void next(qsizetype index)
    {
        if (index == steps.size())
            return finished();
        const ListStep &step = steps.at(index);
        const auto mapping = mapper.resolve(step.resource);
        if (!mapping) {
            if (!step.optional) {
                QCoreApplication::exit(in->fail(mapping.error(), 1));
                return;
            }
            if (step.missing)
                step.missing();
            return next(index + 1);
        }
        const core::kube::ResourceMapping resource = mapping.value();
        client->list(
            resource, core::kube::ListOptions{}, client,
            [this, index](const auto &r) {
                const ListStep &s = steps.at(index);
                // An optional resource the user may not list (403) or that went away (404)
                // counts as not served (decided).
                const int status = r ? 0 : r.error().httpStatus;
                if (!r && !(s.optional && (status == 403 || status == 404))) {
                    QCoreApplication::exit(in->fail(r.error(), 1));
                    return;
                }
                if (!r && s.missing)
                    s.missing();
                next(index + 1);
            },
            [this, index, resource](const QJsonObject &page, int pageIndex) {
                const ListStep &s = steps.at(index);
                if (pageIndex == 0 && s.reset)
                    s.reset(resource.kind);
                for (const QJsonValue &item : page.value(u"items").toArray()) {
                    QJsonObject object = item.toObject();
                    object.insert(QStringLiteral("apiVersion"), resource.groupVersion());
                    object.insert(QStringLiteral("kind"), resource.kind);
                    s.add(object);
                }
                return true;
            });
    }
};

std::function<void(const QJsonObject &)> appendTo(QList<QJsonObject> *list)
{
    return [list](const QJsonObject &o) { list->append(o); };
}

// What the advisor reads of a pod (its labels, owner, node and phase): a large cluster's pods are
// held in a fraction of the memory.
QJsonObject podFacts(const QJsonObject &pod)
{
    const QJsonObject meta = pod.value(u"metadata").toObject();
    QJsonObject keptMeta;
    for (const QStringView key : {u"name", u"namespace", u"labels", u"ownerReferences"}) {
        if (meta.contains(key))
            keptMeta.insert(key.toString(), meta.value(key));
    }
    return QJsonObject{
        {QStringLiteral("apiVersion"), pod.value(u"apiVersion")},
        {QStringLiteral("kind"), pod.value(u"kind")},
        {QStringLiteral("metadata"), keptMeta},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("nodeName"),
                                              pod.value(u"spec").toObject().value(u"nodeName")}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), pod.value(u"status").toObject().value(u"phase")}}}};
}

// Several resources share facts.workloads: each restart drops only its own kind.
std::function<void(const QString &)> clearKind(QList<QJsonObject> *list)
{
    return [list](const QString &kind) {
        list->removeIf([&kind](const QJsonObject &o) { return o.value(u"kind") == kind; });
    };
}

QList<ListStep> stepsFor(core::burst::ClusterFacts *facts)
{
    QList<ListStep> steps;
    const auto add = [&steps](const QString &resource, QList<QJsonObject> *list,
                              bool optional = false) {
        steps.append(ListStep{resource, optional, appendTo(list), clearKind(list), {}});
    };
    add(QStringLiteral("nodes"), &facts->nodes);
    steps.append(ListStep{QStringLiteral("pods"),
                          false,
                          [facts](const QJsonObject &o) { facts->pods.append(podFacts(o)); },
                          clearKind(&facts->pods),
                          {}});
    add(QStringLiteral("deployments.apps"), &facts->workloads);
    add(QStringLiteral("statefulsets.apps"), &facts->workloads);
    add(QStringLiteral("jobs.batch"), &facts->workloads);
    add(QStringLiteral("services"), &facts->services);
    add(QStringLiteral("scheduleprofiles.") + core::burst::kProfileGroup, &facts->profiles, true);
    // Only the count per namespace is kept.
    steps.append(
        ListStep{QStringLiteral("configmaps"),
                 false,
                 [facts](const QJsonObject &o) { ++facts->configMaps[core::kube::namespaceOf(o)]; },
                 [facts](const QString &) { facts->configMaps.clear(); },
                 {}});
    facts->logPolicies = QList<QJsonObject>();
    steps.append(ListStep{core::burst::kLogPolicyResource, true,
                          [facts](const QJsonObject &o) { facts->logPolicies->append(o); },
                          [facts](const QString &) {
                              if (facts->logPolicies)
                                  facts->logPolicies->clear();
                          },
                          [facts] { facts->logPolicies.reset(); }});
    return steps;
}

QString whereOf(const core::burst::Advice &advice)
{
    QString where = core::burst::adviceObject(advice);
    if (where.isEmpty())
        where = Tr::tr("cluster");
    if (!advice.diagnostic.path.isEmpty())
        where += u' ' + advice.diagnostic.path;
    return where;
}

void printText(const core::burst::AddonAdvice &a)
{
    out() << Tr::tr("Burst workloads: %1 (%2 pods); ConfigMaps in their namespaces: %3")
                 .arg(a.burstWorkloads)
                 .arg(a.burstPods)
                 .arg(a.configMaps)
          << '\n'
          << Tr::tr("Recommended add-on node: %1").arg(a.size.size.name()) << '\n'
          << Tr::tr("Add-on node: %1")
                 .arg(a.addonNodes.isEmpty() ? Tr::tr("not found (name it with --addon-node)")
                                             : a.addonNodes.join(QStringLiteral(", ")))
          << "\n\n";
    QList<core::Diagnostic> all;
    for (const core::burst::Advice &advice : a.advice) {
        out() << formatDiagnostic(whereOf(advice), advice.diagnostic) << '\n';
        all.append(advice.diagnostic);
    }
    out() << Tr::tr("%1 errors, %2 warnings, %3 notes")
                 .arg(core::countSeverity(all, core::Severity::Error))
                 .arg(core::countSeverity(all, core::Severity::Warning))
                 .arg(core::countSeverity(all, core::Severity::Info))
          << '\n';
}

int exitStatus(const core::burst::AddonAdvice &a)
{
    QList<core::Diagnostic> all;
    for (const core::burst::Advice &advice : a.advice)
        all.append(advice.diagnostic);
    if (core::hasError(all))
        return kExitErrors;
    return core::countSeverity(all, core::Severity::Warning) > 0 ? kExitWarnings : 0;
}

int run(const Invocation &in)
{
    const QString output = in.value(QStringLiteral("output"));
    if (!(output.isEmpty() || output == u"json") || !in.positional().isEmpty())
        return in.usageError();
    auto facts = std::make_shared<core::burst::ClusterFacts>();
    facts->addonNode = in.value(QStringLiteral("addon-node"));
    for (const QString &subnet : in.values(QStringLiteral("subnet"))) {
        if (!core::burst::parseIpv4Cidr(subnet))
            return in.fail(Tr::tr("\"%1\" is not an IPv4 CIDR such as 192.168.0.0/16").arg(subnet));
        facts->subnets.append(subnet);
    }
    const auto connection = in.connect();
    if (!connection)
        return in.fail(connection.error(), 1);
    core::kube::ApiClient client(connection.value());
    Reader reader;
    reader.in = &in;
    reader.client = &client;
    reader.steps = stepsFor(facts.get());
    reader.finished = [facts, output] {
        const core::burst::AddonAdvice advice = core::burst::adviseAddon(*facts);
        if (output == u"json")
            printValue(core::burst::addonAdviceToJson(advice), QStringLiteral("json"));
        else
            printText(advice);
        out().flush();
        QCoreApplication::exit(exitStatus(advice));
    };
    client.discover(&client, [&in, &reader](const auto &mapper) {
        if (!mapper) {
            QCoreApplication::exit(in.fail(mapper.error(), 1));
            return;
        }
        reader.mapper = mapper.value();
        reader.next(0);
    });
    return QCoreApplication::exec();
}

QString help()
{
    return Tr::
        tr("Reads a live cluster and advises on the bursting add-on (virtual-kubelet) as the "
           "guide's chapter 1.1 asks: the node size for the add-on, subnets overlapping %1, ARM "
           "nodes, LoadBalancer Services in front of burst pods, log policies, and what to scale "
           "to 0 before uninstalling the add-on or hibernating the cluster. Every namespace is "
           "read (-n is ignored).\n\n"
           "Decided rules:\n"
           "  - Burst workloads are the Deployments, StatefulSets, Jobs and bare Pods whose "
           "strategy (labels, then ScheduleProfile) can send pods to CCI. Their pods are the "
           "replicas they ask for (a Job's parallelism; none once finished), or the pods on "
           "virtual nodes now when more; their ConfigMaps are all ConfigMaps of their "
           "namespaces.\n"
           "  - The node size: the larger of the two counts picks the guide's row (up to 1000: "
           "2U4G, 2000: 4U8G, 4000: 8U16G). Above 4000 the guide gives no size: 8U16G, and a "
           "warning.\n"
           "  - The add-on's node: --addon-node, else the nodes of the kube-system pods named "
           "virtual-kubelet*. It is undersized with fewer vCPUs or under 90% of the memory of "
           "the recommended size.\n"
           "  - Subnets: the nodes' InternalIP addresses and pod CIDRs, and every --subnet (the "
           "VPC subnet is not in the API). The Service CIDR is not checked: the guide names the "
           "cluster's subnet.\n"
           "  - ARM: the kubernetes.io/arch label (else the beta label, else "
           "status.nodeInfo.architecture) is arm64, arm or aarch64.\n"
           "  - LoadBalancer Services count only when they select burst pods. A health-check "
           "port is monitor_port in kubernetes.io/elb.health-check-option(s); "
           "externalTrafficPolicy Local is reported too, for the health-check node port it "
           "brings. \"localPrefer\" is the workload's burst strategy.\n"
           "  - Log policies are the cluster's %2 (CCE's LogConfig, assumed); one counts for "
           "burst workloads of its own namespace (all, when cluster-scoped).\n\n"
           "Output: a summary, then one line per finding, \"OBJECT PATH: severity: message [code] "
           "(hint)\"; with -o json one object {burstWorkloads, burstPods, configMaps, "
           "recommendedNodeSize, addonNodes, advice: [{severity, code, kind, namespace, name, "
           "path, message, hint}]}.\n\n"
           "Exit status: 0 notes only, 1 cannot connect or the API refused a list, 2 bad "
           "arguments, 3 warnings, 4 errors.")
            .arg(core::burst::kCciServiceCidr, core::burst::kLogPolicyResource);
}

} // namespace

Command adviseCommand()
{
    return Command{
        .name = QStringLiteral("advise"),
        .summary = Tr::tr("Advise on the bursting add-on for a live cluster (guide 1.1)"),
        .help = help(),
        .options = {{{QStringLiteral("o"), QStringLiteral("output")},
                     Tr::tr("Output format: json (default: text)."),
                     Tr::tr("FORMAT")},
                    {QStringLiteral("addon-node"),
                     Tr::tr("The node the add-on runs on (default: found by its pods)."),
                     Tr::tr("NODE")},
                    {QStringLiteral("subnet"),
                     Tr::tr("A VPC subnet of the cluster, checked against %1. Repeatable.")
                         .arg(core::burst::kCciServiceCidr),
                     Tr::tr("CIDR")}},
        .connects = true,
        .run = run,
    };
}

} // namespace cli
