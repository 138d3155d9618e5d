#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"

#include "app/burstctl/connectionflags.h"
#include "core/kube/apiclient.h"
#include "core/kube/execclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(burstctl)
};

void addOptions(QCommandLineParser *parser)
{
    parser->setApplicationDescription(
        Tr::tr("Runs a command in a container, as kubectl exec does (WebSocket, "
               "v5.channel.k8s.io or v4.channel.k8s.io).\n\nExit status: the command's own exit "
               "code; 1 when it could not run (the API server's message on stderr), 2 bad "
               "input."));
    parser->addHelpOption();
    parser->addPositionalArgument(QStringLiteral("pod"), Tr::tr("Pod name."));
    parser->addPositionalArgument(QStringLiteral("command"),
                                  Tr::tr("The command and its arguments, after \"--\"."),
                                  QStringLiteral("-- COMMAND [ARGS...]"));
    parser->addOptions({
        {{QStringLiteral("c"), QStringLiteral("container")},
         Tr::tr("Container name."),
         Tr::tr("NAME")},
    });
    ConnectionFlags().addTo(*parser);
}

int fail(const QString &message, int code = 2)
{
    err() << Tr::tr("burstctl exec: %1").arg(message) << '\n';
    err().flush();
    return code;
}

// Output is passed through as bytes: the remote command's encoding is not ours to change.
void writeRaw(std::FILE *stream, const QByteArray &data)
{
    std::fwrite(data.constData(), 1, size_t(data.size()), stream);
    std::fflush(stream);
}

} // namespace

int runExec(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(&parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || !arguments.contains(QStringLiteral("--")))
        return fail(Tr::tr("give a pod name, then \"--\" and the command to run"));

    const core::Result<core::kube::Connection> connection = ConnectionFlags().load(parser);
    if (!connection)
        return fail(describeError(connection.error()));
    const QString nameSpace = ConnectionFlags::effectiveNamespace(parser, connection.value());

    core::kube::ExecOptions options;
    options.container = parser.value(QStringLiteral("container"));
    options.command = positional.mid(1);
    core::kube::ApiClient api(connection.value());
    core::kube::ExecClient client(&api);
    int exitCode = 0;
    QObject::connect(&client, &core::kube::ExecClient::stdoutReceived, &client,
                     [](const QByteArray &data) { writeRaw(stdout, data); });
    QObject::connect(&client, &core::kube::ExecClient::stderrReceived, &client,
                     [](const QByteArray &data) { writeRaw(stderr, data); });
    QObject::connect(&client, &core::kube::ExecClient::finished, &client,
                     [&exitCode](int code, const QString &message) {
                         if (code != 0 && !message.isEmpty())
                             fail(message, code);
                         exitCode = code;
                         QCoreApplication::exit(code);
                     });
    QObject::connect(&client, &core::kube::ExecClient::failed, &client,
                     [&exitCode](const core::Error &error) {
                         exitCode = fail(describeError(error), 1);
                         QCoreApplication::exit(exitCode);
                     });
    client.start(nameSpace, positional.constFirst(), options);
    const int loopCode = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace cli
