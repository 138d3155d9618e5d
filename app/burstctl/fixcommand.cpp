#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/burst/podhelpers.h"
#include "core/burst/rolloutrules.h"
#include "core/common/savefile.h"
#include "core/kube/manifestloader.h"
#include "core/kube/workload.h"

#include <QFile>

#include <cstdio>

namespace cli {

namespace {

using namespace core::burst;

const QString kRollout = QStringLiteral("graceful-rollout");
const QString kDownward = QStringLiteral("downward-api");

QString fixDescription()
{
    return Tr::tr(
        "Applies a helper of the guide's chapter 3 to the workloads of one manifest file and "
        "prints the edited file (or writes it back with --in-place). Only the inserted YAML "
        "nodes change: comments, order and quoting of everything else stay as they are.\n\n"
        "Helpers:\n"
        "  graceful-rollout  (guide 3.1) for each Deployment or StatefulSet behind a "
        "LoadBalancer Service of the same file (or the one --workload names): a tcpSocket "
        "readiness probe on the container's first port (else the Service's target port), a "
        "preStop hook running sleep 20, minReadySeconds 10 (kept below the sleep), and "
        "terminationGracePeriodSeconds above the sleep when it is not. ELB sends traffic only "
        "to ready pods; the sleep keeps an old pod serving while ELB removes it; "
        "minReadySeconds, below the sleep, lets the new pod be in service before the old one "
        "exits. The sleep and minReadySeconds values are decided: adjust them to your start-up "
        "time.\n"
        "  downward-api      (guide 3.2) for every app container of every workload (or the one "
        "--workload names): the variables MY_POD_UID, MY_POD_NAME, MY_POD_NAMESPACE, MY_POD_IP, "
        "REGION and ZONE from fieldRefs, the last two from the topology.kubernetes.io/region and "
        "zone annotations CCI adds (empty on a CCE node). A container keeps a variable of the "
        "same name or a fieldRef to the same field.\n\n"
        "Exit status: 0 edited (or nothing to change), 1 an edit was refused (the file is left "
        "as it was), 2 bad arguments or a file that cannot be read or parsed.");
}

bool selected(const core::kube::ManifestObject &o, const QString &name)
{
    return o.name() == name || o.kind() + u'/' + o.name() == name;
}

int run(const Invocation &in)
{
    const QStringList args = in.positional();
    if (args.size() != 1 || (args.first() != kRollout && args.first() != kDownward))
        return in.fail(Tr::tr("name one helper: %1 or %2").arg(kRollout, kDownward));
    const QStringList files = in.values(QStringLiteral("filename"));
    if (files.size() != 1)
        return in.fail(Tr::tr("give exactly one -f FILE"));
    const QString file = files.first();
    const bool inPlace = in.isSet(QStringLiteral("in-place"));
    if (inPlace && file == u"-")
        return in.fail(Tr::tr("--in-place needs a file, not standard input"));
    QFile f;
    const bool opened = file == u"-" ? f.open(stdin, QIODevice::ReadOnly)
                                     : (f.setFileName(file), f.open(QIODevice::ReadOnly));
    if (!opened)
        return in.fail(Tr::tr("cannot read %1: %2").arg(file, f.errorString()));
    const QByteArray bytes = f.readAll();
    const core::kube::LoadResult loaded = core::kube::loadManifests(bytes, file);
    for (const core::kube::ParseError &e : loaded.errors)
        err() << e.toString() << '\n';
    if (!loaded.errors.isEmpty())
        return 2;

    QList<QJsonObject> services;
    for (const core::kube::ManifestObject &o : loaded.objects) {
        if (o.kind() == u"Service")
            services.append(o.object);
    }
    const QString only = in.value(QStringLiteral("workload"));
    QString text = QString::fromUtf8(bytes);
    int changed = 0;
    for (const core::kube::ManifestObject &o : loaded.objects) {
        if (!only.isEmpty() && !selected(o, only))
            continue;
        const auto workload = core::kube::workloadFromObject(o.object, nullptr);
        if (!workload)
            continue;
        ObjectEdits edits;
        QStringList notes;
        if (args.first() == kDownward)
            edits = downwardApiEdits(*workload);
        else if (!only.isEmpty() || !rolloutLoadBalancer(*workload, services).isEmpty())
            edits = gracefulRolloutEdits(*workload, services, {}, &notes);
        for (const QString &note : notes)
            err() << note << '\n';
        if (edits.isEmpty())
            continue;
        const auto after = applyObjectEdits(text, o.document, o.itemPath, edits);
        if (!after)
            return in.fail(after.error(), 1);
        text = *after;
        ++changed;
    }
    if (!only.isEmpty() && changed == 0)
        err() << Tr::tr("%1: nothing to change in %2").arg(only, file) << '\n';
    if (!inPlace) {
        out() << text;
        return 0;
    }
    if (const core::Result<void> saved = core::saveFile(file, text.toUtf8()); !saved)
        return in.fail(saved.error(), 2);
    err() << Tr::tr("%1: %n workload(s) edited", nullptr, changed).arg(file) << '\n';
    return 0;
}

} // namespace

Command fixCommand()
{
    return Command{
        .name = QStringLiteral("fix"),
        .summary = Tr::tr("Insert the guide's graceful-rollout or Downward API settings"),
        .help = fixDescription(),
        .options = {{{QStringLiteral("f"), QStringLiteral("filename")},
                     Tr::tr("The manifest file to edit; \"-\" reads standard input."),
                     Tr::tr("FILE")},
                    {QStringLiteral("workload"),
                     Tr::tr("Only this workload (NAME or KIND/NAME); graceful-rollout then "
                            "applies whether or not a LoadBalancer selects it."),
                     Tr::tr("NAME")},
                    {QStringLiteral("in-place"),
                     Tr::tr("Write the edited file back instead of printing it.")}},
        .positionals = {{QStringLiteral("helper"), Tr::tr("graceful-rollout or downward-api"),
                         QStringLiteral("HELPER")}},
        .run = run,
    };
}

} // namespace cli
