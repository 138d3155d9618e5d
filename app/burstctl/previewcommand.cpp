#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/burst/preview.h"
#include "core/burst/previewjson.h"
#include "core/burst/scheduleprofile.h"

#include <QJsonArray>

namespace cli {

namespace {

QString previewDescription()
{
    QString rules;
    for (const QString &rule : core::burst::decidedRules())
        rules += QStringLiteral("  - %1\n").arg(rule);
    return Tr::tr(
               "Shows, for every pod-bearing object (Pod, Deployment, StatefulSet, ReplicaSet, "
               "ReplicationController, Job, CronJob, DaemonSet, PodTemplate) in the input, in "
               "input order: the effective burst strategy and where it comes from, the associated "
               "ScheduleProfile, whether CCI admits the pod, the pod CCI runs after image "
               "replacement, hostPath replacement and resource normalization, and diagnostics. "
               "A Namespace (its CCI flavour, namespace.kubernetes.io/flavor) and a CCI Network "
               "(networking.cci.io/v1beta1: security group, domain and project ids, zone, CIDR, "
               "VPC, network and subnet ids, networkType) each get an element with their kind, "
               "names, admissible and diagnostics only; a Namespace's flavour applies to the GPU "
               "pods of that namespace in the same input.\n\n"
               "Decided rules (where the CCI guide is silent):\n%1\n"
               "Exit status: 0 no error diagnostic, 1 some object or profile has an error, 2 the "
               "input cannot be read or parsed (FILE:LINE:COL: message on stderr).")
        .arg(rules);
}

void reportProfiles(const Inputs &inputs, bool *anyError)
{
    for (const core::kube::ManifestObject &o : inputs.objects) {
        if (!core::burst::isScheduleProfile(o.object))
            continue;
        const auto diagnostics =
            core::burst::validateScheduleProfile(core::burst::scheduleProfileFromJson(o.object));
        for (const core::Diagnostic &d : diagnostics) {
            if (d.severity == core::Severity::Info)
                continue;
            err() << formatDiagnostic(o, d) << '\n';
            *anyError = *anyError || d.severity == core::Severity::Error;
        }
    }
}

int run(const Invocation &in)
{
    const QStringList files = in.values(QStringLiteral("f"));
    const QString format = in.value(QStringLiteral("o"));
    if (files.isEmpty())
        return in.fail(Tr::tr("give at least one -f FILE"));
    if (format != u"json" && format != u"yaml")
        return in.fail(Tr::tr("unknown output format \"%1\" (use json or yaml)").arg(format));
    const Inputs inputs = loadInputs(files);
    for (const core::kube::ParseError &e : inputs.errors)
        err() << e.toString() << '\n';

    core::burst::PreviewScope scope;
    scope.networkInterconnect = !in.isSet(QStringLiteral("no-network-interconnect"));
    scope.logPolicies = in.value(QStringLiteral("log-policies")).toInt();
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &o : inputs.objects)
        objects.append(o.object);
    const QList<core::burst::PreviewResult> results = core::burst::previewObjects(objects, scope);

    bool anyError = false;
    QJsonArray array;
    for (const core::burst::PreviewResult &r : results) {
        array.append(core::burst::previewToJson(r));
        anyError = anyError || core::hasError(r.diagnostics);
    }
    reportProfiles(inputs, &anyError);
    err().flush();
    printValue(array, format);
    if (!inputs.errors.isEmpty())
        return 2;
    return anyError ? 1 : 0;
}

} // namespace

Command previewCommand()
{
    return Command{
        .name = QStringLiteral("preview"),
        .summary = Tr::tr("Show the pod CCI runs for each workload, with diagnostics"),
        .help = previewDescription(),
        .options = {{{QStringLiteral("f"), QStringLiteral("filename")},
                     Tr::tr("Manifest file or folder to preview; \"-\" reads standard input. "
                            "Repeatable."),
                     Tr::tr("FILE")},
                    {{QStringLiteral("o"), QStringLiteral("output")},
                     Tr::tr("Output format: json (default) or yaml."),
                     Tr::tr("FORMAT"),
                     QStringLiteral("json")},
                    {QStringLiteral("no-network-interconnect"),
                     Tr::tr("virtual-kubelet runs without network interconnection (no "
                            "sidecar is injected).")},
                    {QStringLiteral("log-policies"),
                     Tr::tr("Number of log policies that collect from the pods."), Tr::tr("N"),
                     QStringLiteral("0")}},
        .run = run,
    };
}

} // namespace cli
