#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/kube/apiclient.h"
#include "core/kube/podlogclient.h"

#include <QCoreApplication>

namespace cli {

namespace {

// A follow that keeps breaking without delivering anything is given up after this many resumes.
constexpr int kMaxResumesWithoutProgress = 5;

std::optional<core::kube::PodLogOptions> optionsFrom(const Invocation &in, QString *problem)
{
    core::kube::PodLogOptions options;
    options.container = in.value(QStringLiteral("container"));
    options.follow = in.isSet(QStringLiteral("follow"));
    options.timestamps = in.isSet(QStringLiteral("timestamps"));
    options.previous = in.isSet(QStringLiteral("previous"));
    bool ok = false;
    const qint64 tail = in.value(QStringLiteral("tail")).toLongLong(&ok);
    if (!ok || tail < -1) {
        *problem = Tr::tr("--tail must be a number of lines or -1");
        return std::nullopt;
    }
    if (tail >= 0)
        options.tailLines = tail;
    if (in.isSet(QStringLiteral("since"))) {
        options.sinceSeconds = core::kube::parseSinceSeconds(in.value(QStringLiteral("since")));
        if (!options.sinceSeconds) {
            *problem = Tr::tr("--since \"%1\" is not a duration like 5s, 2m or 3h")
                           .arg(in.value(QStringLiteral("since")));
            return std::nullopt;
        }
    }
    return options;
}

int run(const Invocation &in)
{
    if (in.positional().size() != 1)
        return in.fail(Tr::tr("give exactly one pod name"));
    QString problem;
    const std::optional<core::kube::PodLogOptions> options = optionsFrom(in, &problem);
    if (!options)
        return in.fail(problem);

    const core::Result<core::kube::Connection> connection = in.connect();
    if (!connection)
        return in.fail(connection.error(), 2);
    const QString nameSpace = in.nameSpace(connection.value());

    core::kube::ApiClient api(connection.value());
    core::kube::PodLogClient client(&api);
    int exitCode = 0;
    int resumesWithoutProgress = 0;
    QObject::connect(&client, &core::kube::PodLogClient::linesReceived, &client,
                     [&resumesWithoutProgress](const QStringList &lines) {
                         resumesWithoutProgress = 0;
                         for (const QString &line : lines)
                             out() << line << '\n';
                         out().flush();
                     });
    QObject::connect(&client, &core::kube::PodLogClient::finished, &client,
                     [] { QCoreApplication::exit(0); });
    QObject::connect(&client, &core::kube::PodLogClient::failed, &client,
                     [&in, &exitCode](const core::Error &error) {
                         exitCode = in.fail(error, 1);
                         QCoreApplication::exit(exitCode);
                     });
    QObject::connect(
        &client, &core::kube::PodLogClient::streamDropped, &client, [&](const core::Error &error) {
            if (++resumesWithoutProgress <= kMaxResumesWithoutProgress && client.resume())
                return;
            exitCode = in.fail(error, 1);
            QCoreApplication::exit(exitCode);
        });
    client.start(nameSpace, in.positional().constFirst(), *options);
    const int loopCode = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace

Command logsCommand()
{
    return Command{
        .name = QStringLiteral("logs"),
        .summary = Tr::tr("Print or follow the log of a container in a pod"),
        .help = Tr::tr("Prints the log of a container in a pod, as kubectl logs does. With -f a "
                       "dropped stream is resumed from the last line received, so no line is lost "
                       "or repeated.\n\nExit status: 0 done, 1 API or network error, 2 bad input."),
        .options = {{{QStringLiteral("c"), QStringLiteral("container")},
                     Tr::tr("Container name."),
                     Tr::tr("NAME")},
                    {{QStringLiteral("f"), QStringLiteral("follow")}, Tr::tr("Stream new lines.")},
                    {QStringLiteral("tail"), Tr::tr("Lines of recent log to show; -1 shows all."),
                     Tr::tr("N"), QStringLiteral("-1")},
                    {QStringLiteral("since"),
                     Tr::tr("Only lines newer than a relative duration like 5s, 2m or 3h."),
                     Tr::tr("DURATION")},
                    {QStringLiteral("timestamps"),
                     Tr::tr("Prefix each line with its RFC3339 timestamp.")},
                    {{QStringLiteral("p"), QStringLiteral("previous")},
                     Tr::tr("The log of the previous, terminated container instance.")}},
        .positionals = {{QStringLiteral("pod"), Tr::tr("Pod name.")}},
        .connects = true,
        .run = run,
    };
}

} // namespace cli
