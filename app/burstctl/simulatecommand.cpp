#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/burst/placementsimulator.h"
#include "core/burst/preview.h"
#include "core/burst/whatifscenario.h"
#include "core/kube/quantity.h"
#include "core/kube/workload.h"

#include <QJsonArray>

namespace cli {

namespace {

using namespace core::burst;

QString simulateDescription()
{
    return Tr::tr(
        "Simulates where a workload's pods go as its replica count changes: local nodes, CCI "
        "(the virtual-kubelet node) or Pending, and which pods are removed first on scale-down.\n\n"
        "Rules: enforce sends every pod to CCI up to cci.maxNum; localPrefer uses the first local "
        "node that fits while local.maxNum allows, then CCI up to cci.maxNum; auto is an "
        "approximation of the real scheduler (decided): the least-allocated fitting local node, "
        "else CCI; off or no strategy: local or Pending. Scale-down removes Pending pods first, "
        "then pods of the location with the higher scaleDownPriority (decided: ties remove CCI "
        "pods first), newest first. A pod CCI would reject (see preview: admissible) never goes "
        "to CCI, as in the console's What-if.\n\n"
        "Output (JSON/YAML): {workload, strategy{value, source, profile}, admissible, "
        "podRequest{cpu, memory}, nodes[{name, cpu, memory}], steps[{replicas, local, cci, "
        "pending, events[{action, pod, location, node}]}]}.");
}

std::optional<SimNode> parseNode(const QString &spec, int index, QString *problem)
{
    SimNode node;
    node.name = QStringLiteral("idc-node-%1").arg(index + 1);
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0).trimmed();
        const QString value = part.section(u'=', 1).trimmed();
        if (key == u"name") {
            node.name = value;
            continue;
        }
        const auto q = core::kube::Quantity::parse(value);
        if (!q || (key != u"cpu" && key != u"memory")) {
            *problem =
                Tr::tr("bad --node \"%1\": expected cpu=QUANTITY,memory=QUANTITY[,name=NAME]")
                    .arg(spec);
            return std::nullopt;
        }
        if (key == u"cpu")
            node.cpuMilli = q->milliValue();
        else
            node.memoryBytes = q->value();
    }
    return node;
}

std::optional<QList<int>> parseSteps(const QString &text)
{
    QList<int> steps;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 0)
            return std::nullopt;
        steps.append(n);
    }
    return steps;
}

const core::kube::ManifestObject *findWorkload(const Inputs &inputs, const QString &name)
{
    for (const core::kube::ManifestObject &o : inputs.objects) {
        if (!core::kube::isPodBearingKind(o.kind()))
            continue;
        if (name.isEmpty() || o.name() == name || o.kind() + u'/' + o.name() == name)
            return &o;
    }
    return nullptr;
}

QJsonArray nodesJson(const QList<SimNode> &nodes)
{
    QJsonArray array;
    for (const SimNode &n : nodes)
        array.append(
            QJsonObject{{QStringLiteral("name"), n.name},
                        {QStringLiteral("cpu"), core::kube::formatCpuMilli(n.cpuMilli)},
                        {QStringLiteral("memory"), core::kube::formatMemoryBytes(n.memoryBytes)}});
    return array;
}

int run(const Invocation &in)
{
    const Inputs inputs = loadInputs(in.values(QStringLiteral("f")));
    for (const core::kube::ParseError &e : inputs.errors)
        err() << e.toString() << '\n';
    if (!inputs.errors.isEmpty())
        return 2;
    const core::kube::ManifestObject *object =
        findWorkload(inputs, in.value(QStringLiteral("workload")));
    if (!object)
        return in.fail(Tr::tr("no pod-bearing object found in the input"));
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &o : inputs.objects) {
        if (!core::kube::isPodBearingKind(o.kind()) || &o == object)
            objects.append(o.object);
    }
    const auto workload = core::kube::workloadFromObject(object->object, nullptr);
    if (!workload)
        return in.fail(Tr::tr("%1/%2 has no pod template").arg(object->kind(), object->name()));
    PreviewResult preview; // the workload's: Namespaces and Networks only get lint results
    for (const PreviewResult &r : previewObjects(objects, {})) {
        if (!r.lintOnly) {
            preview = r;
            break;
        }
    }

    // The console's What-if rules: strategy, profile limits, local request, and no CCI for a pod
    // CCI would reject.
    SimulationInput sim = whatIfScenario(*workload, preview).input;
    if (in.isSet(QStringLiteral("strategy"))) {
        const auto s = parseStrategy(in.value(QStringLiteral("strategy")));
        if (!s)
            return in.fail(
                Tr::tr("unknown strategy \"%1\"").arg(in.value(QStringLiteral("strategy"))));
        sim.strategy = *s;
    }
    sim.cciAvailable = sim.cciAvailable && !in.isSet(QStringLiteral("cci-locked"));
    if (in.isSet(QStringLiteral("virtual-node")))
        sim.virtualNodes = in.values(QStringLiteral("virtual-node"));
    const QStringList nodeSpecs = in.values(QStringLiteral("node"));
    for (int i = 0; i < nodeSpecs.size(); ++i) {
        QString problem;
        const auto node = parseNode(nodeSpecs.at(i), i, &problem);
        if (!node)
            return in.fail(problem);
        sim.nodes.append(*node);
    }
    if (nodeSpecs.isEmpty()) {
        for (int i = 0; i < 3; ++i)
            sim.nodes.append(SimNode{QStringLiteral("idc-node-%1").arg(i + 1), 4000, 8 * kGi});
    }
    if (in.isSet(QStringLiteral("replicas"))) {
        const auto steps = parseSteps(in.value(QStringLiteral("replicas")));
        if (!steps)
            return in.fail(Tr::tr("--replicas takes non-negative integers separated by commas"));
        sim.replicaSteps = *steps;
    } else {
        sim.replicaSteps = rampSteps(workload->replicas());
    }

    QJsonArray steps;
    for (const SimStep &step : simulatePlacement(sim))
        steps.append(simStepToJson(step));
    const QJsonObject result{
        {QStringLiteral("workload"), QJsonObject{{QStringLiteral("kind"), workload->kind},
                                                 {QStringLiteral("namespace"), workload->nameSpace},
                                                 {QStringLiteral("name"), workload->name}}},
        {QStringLiteral("strategy"),
         QJsonObject{{QStringLiteral("value"), strategyName(sim.strategy)},
                     {QStringLiteral("source"), in.isSet(QStringLiteral("strategy"))
                                                    ? QStringLiteral("override")
                                                    : sourceName(preview.strategy.source)},
                     {QStringLiteral("profile"),
                      preview.profile ? QJsonValue(preview.profile->name) : QJsonValue()}}},
        {QStringLiteral("admissible"), preview.admissible},
        {QStringLiteral("podRequest"),
         QJsonObject{{QStringLiteral("cpu"), core::kube::formatCpuMilli(sim.podRequest.cpuMilli)},
                     {QStringLiteral("memory"),
                      core::kube::formatMemoryBytes(sim.podRequest.memoryBytes)}}},
        {QStringLiteral("nodes"), nodesJson(sim.nodes)},
        {QStringLiteral("steps"), steps}};
    if (!printValue(result, in.value(QStringLiteral("o"))))
        return in.fail(Tr::tr("unknown output format"));
    return 0;
}

} // namespace

Command simulateCommand()
{
    return Command{
        .name = QStringLiteral("simulate"),
        .summary = Tr::tr("Simulate local / CCI / Pending placement as replicas change"),
        .help = simulateDescription(),
        .options = {{{QStringLiteral("f"), QStringLiteral("filename")},
                     Tr::tr("Manifest with the workload and any ScheduleProfiles. Repeatable."),
                     Tr::tr("FILE")},
                    {QStringLiteral("workload"),
                     Tr::tr("Workload to simulate, NAME or KIND/NAME (default: the first)."),
                     Tr::tr("NAME")},
                    {QStringLiteral("node"),
                     Tr::tr("Free capacity of one local node, cpu=4,memory=8Gi[,name=n1]. "
                            "Repeatable; default three nodes of 4 cpu / 8Gi."),
                     Tr::tr("SPEC")},
                    {QStringLiteral("replicas"),
                     Tr::tr("Replica counts to apply in order, e.g. 0,10,4,0 (default: 0 up to "
                            "spec.replicas and back to 0, one step at a time)."),
                     Tr::tr("LIST")},
                    {QStringLiteral("strategy"),
                     Tr::tr("Override the effective strategy: auto, localPrefer, enforce, off."),
                     Tr::tr("STRATEGY")},
                    {QStringLiteral("cci-locked"),
                     Tr::tr("The virtual-kubelet node is locked: nothing goes to CCI.")},
                    {QStringLiteral("virtual-node"),
                     Tr::tr("A schedulable virtual node (repeatable, in the order burst pods go "
                            "to them: CCI 2.0's global bursting-node first, then AZ-level "
                            "nodes). CCI pods go to the first; default: virtual-kubelet."),
                     Tr::tr("NAME")},
                    {{QStringLiteral("o"), QStringLiteral("output")},
                     Tr::tr("Output format: json (default) or yaml."),
                     Tr::tr("FORMAT"),
                     QStringLiteral("json")}},
        .run = run,
    };
}

} // namespace cli
