#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/burst/prometheussetup.h"
#include "core/burst/scrapeannotations.h"
#include "core/burst/workloadtemplate.h"
#include "core/kube/workload.h"

#include <QFile>

// `burstctl prometheus --namespace NS`: the guide's Prometheus objects (3.5) for a namespace;
// with -f, a check of the prometheus.io/* annotations of the workloads in the files instead.
namespace cli {

namespace {

int check(const Invocation &in)
{
    const Inputs inputs = loadInputs(in.values(QStringLiteral("f")));
    for (const core::kube::ParseError &e : inputs.errors)
        err() << e.toString() << '\n';
    bool anyError = false;
    for (const core::kube::ManifestObject &o : inputs.objects) {
        core::Diagnostics ignored;
        const auto workload = core::kube::workloadFromObject(o.object, &ignored);
        if (!workload)
            continue;
        for (const core::Diagnostic &d : core::burst::checkScrapeAnnotations(*workload)) {
            out() << formatDiagnostic(o, d) << '\n';
            anyError = anyError || d.severity == core::Severity::Error;
        }
    }
    out().flush();
    err().flush();
    if (!inputs.errors.isEmpty())
        return 2;
    return anyError ? 1 : 0;
}

int run(const Invocation &in)
{
    if (in.isSet(QStringLiteral("f")))
        return check(in);
    core::burst::PrometheusSetup setup;
    setup.nameSpace = in.value(QStringLiteral("namespace"));
    if (setup.nameSpace.isEmpty())
        return in.fail(Tr::tr("give --namespace NAMESPACE"));
    setup.monitoredNamespaces = in.values(QStringLiteral("monitor-namespace"));
    setup.kubeconfigSecret = in.value(QStringLiteral("kubeconfig-secret"));
    setup.image = in.value(QStringLiteral("image"));
    setup.retention = in.value(QStringLiteral("retention"));
    if (in.isSet(QStringLiteral("kubeconfig-file"))) {
        QFile file(in.value(QStringLiteral("kubeconfig-file")));
        if (!file.open(QIODevice::ReadOnly))
            return in.fail(Tr::tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        setup.kubeconfig = QString::fromUtf8(file.read(1024 * 1024));
        if (setup.kubeconfig.trimmed().isEmpty())
            return in.fail(Tr::tr("%1 is empty").arg(file.fileName()));
    }
    const auto objects = core::burst::prometheusObjects(setup);
    if (!objects)
        return in.fail(objects.error(), 2);
    if (setup.kubeconfig.isEmpty())
        err() << Tr::tr("burstctl prometheus: Secret %1 holds a placeholder: give "
                        "--kubeconfig-file FILE, or create it yourself with kubectl create "
                        "secret generic %1 -n %2 --from-file=kubeconfig=FILE and leave it out "
                        "of what you apply.")
                     .arg(setup.kubeconfigSecret, setup.nameSpace)
              << '\n';
    err().flush();
    out() << QString::fromUtf8(core::burst::toMultiDocumentYaml(objects.value()));
    out().flush();
    return 0;
}

} // namespace

Command prometheusCommand()
{
    const core::burst::PrometheusSetup defaults;
    return Command{
        .name = QStringLiteral("prometheus"),
        .summary = Tr::tr("Print the Prometheus objects that monitor a CCI namespace"),
        .help = Tr::tr(
            "Prints, as multi-document YAML, what the CCI guide deploys to monitor a namespace "
            "with Prometheus: a Secret with the kubeconfig Prometheus uses to reach CCI, the "
            "ConfigMap prometheus-config (prometheus.yml: pod discovery in the namespaces "
            "monitored, a job keeping pods annotated prometheus.io/scrape: \"true\" at "
            "prometheus.io/port and prometheus.io/path, and a job for CCI's basic pod metrics "
            "on port 19100), and the Deployment prometheus mounting both.\n\n"
            "Decided where the guide differs:\n"
            "  - The kubeconfig goes into a Secret (mounted read-only, mode 0400), not the "
            "guide's ConfigMap: it holds a credential, and ConfigMaps are readable by everyone "
            "who may read the namespace's configuration and are shown in plain text.\n"
            "  - Without --kubeconfig-file the Secret holds a placeholder that Prometheus "
            "cannot use, never a credential of yours; fill it or create the Secret yourself.\n"
            "  - relabel_configs are written under each scrape job (the guide nests them "
            "under kubernetes_sd_configs, where Prometheus does not read them).\n"
            "  - The image defaults to the official Prometheus; a kubeconfig whose user runs "
            "cci-iam-authenticator needs an image that bundles it (--image).\n\n"
            "With -f FILE it checks the prometheus.io/* annotations of the workloads in FILE "
            "instead (port 1-65535, a path starting with '/', scrape exactly \"true\" or "
            "\"false\", the port declared by a container), one diagnostic a line.\n\n"
            "Exit status: 0 printed (or no error found), 1 an annotation error, 2 bad input."),
        .options = {{{QStringLiteral("n"), QStringLiteral("namespace")},
                     Tr::tr("Namespace Prometheus runs in (and monitors, unless "
                            "--monitor-namespace is given)."),
                     Tr::tr("NAMESPACE")},
                    {QStringLiteral("kubeconfig-secret"),
                     Tr::tr("Name of the Secret holding the kubeconfig."), Tr::tr("NAME"),
                     defaults.kubeconfigSecret},
                    {QStringLiteral("kubeconfig-file"),
                     Tr::tr("Kubeconfig to put into that Secret (else a placeholder)."),
                     Tr::tr("FILE")},
                    {QStringLiteral("monitor-namespace"),
                     Tr::tr("A namespace whose pods Prometheus discovers. Repeatable."),
                     Tr::tr("NAMESPACE")},
                    {QStringLiteral("image"), Tr::tr("Prometheus image."), Tr::tr("IMAGE"),
                     defaults.image},
                    {QStringLiteral("retention"), Tr::tr("How long Prometheus keeps samples."),
                     Tr::tr("DURATION"), defaults.retention},
                    {{QStringLiteral("f"), QStringLiteral("filename")},
                     Tr::tr("Check the prometheus.io annotations of the workloads in this file "
                            "or folder (\"-\": standard input). Repeatable."),
                     Tr::tr("FILE")}},
        .run = run,
    };
}

} // namespace cli
