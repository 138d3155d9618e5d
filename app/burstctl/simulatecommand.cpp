#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"

#include "core/burst/placementsimulator.h"
#include "core/burst/preview.h"
#include "core/common/tr.h"
#include "core/kube/quantity.h"
#include "core/kube/workload.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace cli {

namespace {

using namespace core::burst;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(burstctl)
};

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
        "pods first), newest first.\n\n"
        "Output (JSON/YAML): {workload, strategy{value, source, profile}, podRequest{cpu, memory}, "
        "nodes[{name, cpu, memory}], steps[{replicas, local, cci, pending, events[{action, pod, "
        "location, node}]}]}.");
}

std::optional<SimNode> parseNode(const QString &spec, int index)
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
            err() << Tr::tr("burstctl simulate: bad --node \"%1\": expected "
                            "cpu=QUANTITY,memory=QUANTITY[,name=NAME]")
                         .arg(spec)
                  << '\n';
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

} // namespace

int runSimulate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(simulateDescription());
    parser.addHelpOption();
    parser.addOption({{QStringLiteral("f"), QStringLiteral("filename")},
                      Tr::tr("Manifest with the workload and any ScheduleProfiles. Repeatable."),
                      Tr::tr("FILE")});
    parser.addOption({QStringLiteral("workload"),
                      Tr::tr("Workload to simulate, NAME or KIND/NAME (default: the first)."),
                      Tr::tr("NAME")});
    parser.addOption({QStringLiteral("node"),
                      Tr::tr("Free capacity of one local node, cpu=4,memory=8Gi[,name=n1]. "
                             "Repeatable; default three nodes of 4 cpu / 8Gi."),
                      Tr::tr("SPEC")});
    parser.addOption({QStringLiteral("replicas"),
                      Tr::tr("Replica counts to apply in order, e.g. 0,10,4,0 (default: 0 up to "
                             "spec.replicas and back to 0, one step at a time)."),
                      Tr::tr("LIST")});
    parser.addOption({QStringLiteral("strategy"),
                      Tr::tr("Override the effective strategy: auto, localPrefer, enforce, off."),
                      Tr::tr("STRATEGY")});
    parser.addOption({QStringLiteral("cci-locked"),
                      Tr::tr("The virtual-kubelet node is locked: nothing goes to CCI.")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      Tr::tr("Output format: json (default) or yaml."),
                      Tr::tr("FORMAT"),
                      QStringLiteral("json")});
    parser.process(arguments);

    const Inputs inputs = loadInputs(parser.values(QStringLiteral("f")));
    for (const core::kube::ParseError &e : inputs.errors)
        err() << e.toString() << '\n';
    if (!inputs.errors.isEmpty())
        return 2;
    const core::kube::ManifestObject *object =
        findWorkload(inputs, parser.value(QStringLiteral("workload")));
    if (!object) {
        err() << Tr::tr("burstctl simulate: no pod-bearing object found in the input") << '\n';
        return 2;
    }
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &o : inputs.objects) {
        if (!core::kube::isPodBearingKind(o.kind()) || &o == object)
            objects.append(o.object);
    }
    const PreviewResult preview = previewObjects(objects, {}).value(0);
    const auto workload = core::kube::workloadFromObject(object->object, nullptr);

    SimulationInput in;
    in.podRequest = localRequests(workload->podSpec());
    in.strategy = preview.strategy.value;
    if (parser.isSet(QStringLiteral("strategy"))) {
        const auto s = parseStrategy(parser.value(QStringLiteral("strategy")));
        if (!s) {
            err() << Tr::tr("burstctl simulate: unknown strategy \"%1\"")
                         .arg(parser.value(QStringLiteral("strategy")))
                  << '\n';
            return 2;
        }
        in.strategy = *s;
    }
    if (preview.profile) {
        in.local = preview.profile->local;
        in.cci = preview.profile->cci;
    }
    in.cciAvailable = !parser.isSet(QStringLiteral("cci-locked"));
    const QStringList nodeSpecs = parser.values(QStringLiteral("node"));
    for (int i = 0; i < nodeSpecs.size(); ++i) {
        const auto node = parseNode(nodeSpecs.at(i), i);
        if (!node)
            return 2;
        in.nodes.append(*node);
    }
    if (nodeSpecs.isEmpty()) {
        for (int i = 0; i < 3; ++i)
            in.nodes.append(SimNode{QStringLiteral("idc-node-%1").arg(i + 1), 4000, 8 * kGi});
    }
    if (parser.isSet(QStringLiteral("replicas"))) {
        const auto steps = parseSteps(parser.value(QStringLiteral("replicas")));
        if (!steps) {
            err() << Tr::tr("burstctl simulate: --replicas takes non-negative integers separated "
                            "by commas")
                  << '\n';
            return 2;
        }
        in.replicaSteps = *steps;
    } else {
        in.replicaSteps = rampSteps(workload->replicas());
    }

    QJsonArray steps;
    for (const SimStep &step : simulatePlacement(in))
        steps.append(simStepToJson(step));
    const QJsonObject result{
        {QStringLiteral("workload"), QJsonObject{{QStringLiteral("kind"), workload->kind},
                                                 {QStringLiteral("namespace"), workload->nameSpace},
                                                 {QStringLiteral("name"), workload->name}}},
        {QStringLiteral("strategy"),
         QJsonObject{{QStringLiteral("value"), strategyName(in.strategy)},
                     {QStringLiteral("source"), parser.isSet(QStringLiteral("strategy"))
                                                    ? QStringLiteral("override")
                                                    : sourceName(preview.strategy.source)},
                     {QStringLiteral("profile"),
                      preview.profile ? QJsonValue(preview.profile->name) : QJsonValue()}}},
        {QStringLiteral("podRequest"),
         QJsonObject{
             {QStringLiteral("cpu"), core::kube::formatCpuMilli(in.podRequest.cpuMilli)},
             {QStringLiteral("memory"), core::kube::formatMemoryBytes(in.podRequest.memoryBytes)}}},
        {QStringLiteral("nodes"), nodesJson(in.nodes)},
        {QStringLiteral("steps"), steps}};
    if (!printValue(result, parser.value(QStringLiteral("o")))) {
        err() << Tr::tr("burstctl simulate: unknown output format") << '\n';
        return 2;
    }
    return 0;
}

} // namespace cli
