#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"

#include "app/burstctl/connectionflags.h"
#include "core/kube/apiclient.h"
#include "core/kube/podlogclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(burstctl)
};

// A follow that keeps breaking without delivering anything is given up after this many resumes.
constexpr int kMaxResumesWithoutProgress = 5;

void addOptions(QCommandLineParser *parser)
{
    parser->setApplicationDescription(
        Tr::tr("Prints the log of a container in a pod, as kubectl logs does. With -f a dropped "
               "stream is resumed from the last line received, so no line is lost or "
               "repeated.\n\nExit status: 0 done, 1 API or network error, 2 bad input."));
    parser->addHelpOption();
    parser->addPositionalArgument(QStringLiteral("pod"), Tr::tr("Pod name."));
    parser->addOptions({
        {{QStringLiteral("c"), QStringLiteral("container")},
         Tr::tr("Container name."),
         Tr::tr("NAME")},
        {{QStringLiteral("f"), QStringLiteral("follow")}, Tr::tr("Stream new lines.")},
        {QStringLiteral("tail"), Tr::tr("Lines of recent log to show; -1 shows all."), Tr::tr("N"),
         QStringLiteral("-1")},
        {QStringLiteral("since"),
         Tr::tr("Only lines newer than a relative duration like 5s, 2m or 3h."),
         Tr::tr("DURATION")},
        {QStringLiteral("timestamps"), Tr::tr("Prefix each line with its RFC3339 timestamp.")},
        {{QStringLiteral("p"), QStringLiteral("previous")},
         Tr::tr("The log of the previous, terminated container instance.")},
    });
    ConnectionFlags().addTo(*parser);
}

int fail(const QString &message, int code = 2)
{
    err() << Tr::tr("burstctl logs: %1").arg(message) << '\n';
    err().flush();
    return code;
}

std::optional<core::kube::PodLogOptions> optionsFrom(const QCommandLineParser &parser,
                                                     QString *problem)
{
    core::kube::PodLogOptions options;
    options.container = parser.value(QStringLiteral("container"));
    options.follow = parser.isSet(QStringLiteral("follow"));
    options.timestamps = parser.isSet(QStringLiteral("timestamps"));
    options.previous = parser.isSet(QStringLiteral("previous"));
    bool ok = false;
    const qint64 tail = parser.value(QStringLiteral("tail")).toLongLong(&ok);
    if (!ok || tail < -1) {
        *problem = Tr::tr("--tail must be a number of lines or -1");
        return std::nullopt;
    }
    if (tail >= 0)
        options.tailLines = tail;
    if (parser.isSet(QStringLiteral("since"))) {
        options.sinceSeconds = core::kube::parseSinceSeconds(parser.value(QStringLiteral("since")));
        if (!options.sinceSeconds) {
            *problem = Tr::tr("--since \"%1\" is not a duration like 5s, 2m or 3h")
                           .arg(parser.value(QStringLiteral("since")));
            return std::nullopt;
        }
    }
    return options;
}

} // namespace

int runLogs(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(&parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.positionalArguments().size() != 1)
        return fail(Tr::tr("give exactly one pod name"));
    QString problem;
    const std::optional<core::kube::PodLogOptions> options = optionsFrom(parser, &problem);
    if (!options)
        return fail(problem);

    const core::Result<core::kube::Connection> connection = ConnectionFlags().load(parser);
    if (!connection)
        return fail(describeError(connection.error()));
    const QString nameSpace = ConnectionFlags::effectiveNamespace(parser, connection.value());

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
                     [&exitCode](const core::Error &error) {
                         exitCode = fail(describeError(error), 1);
                         QCoreApplication::exit(exitCode);
                     });
    QObject::connect(
        &client, &core::kube::PodLogClient::streamDropped, &client, [&](const core::Error &error) {
            if (++resumesWithoutProgress <= kMaxResumesWithoutProgress && client.resume())
                return;
            exitCode = fail(describeError(error), 1);
            QCoreApplication::exit(exitCode);
        });
    client.start(nameSpace, parser.positionalArguments().constFirst(), *options);
    const int loopCode = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace cli
