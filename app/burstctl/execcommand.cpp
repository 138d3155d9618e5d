#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/kube/apiclient.h"
#include "core/kube/execclient.h"

#include <QCoreApplication>

#include <cstdio>

namespace cli {

namespace {

// Output is passed through as bytes: the remote command's encoding is not ours to change.
void writeRaw(std::FILE *stream, const QByteArray &data)
{
    std::fwrite(data.constData(), 1, size_t(data.size()), stream);
    std::fflush(stream);
}

int run(const Invocation &in)
{
    const QStringList positional = in.positional();
    if (positional.size() < 2 || !in.arguments().contains(QStringLiteral("--")))
        return in.fail(Tr::tr("give a pod name, then \"--\" and the command to run"));

    const core::Result<core::kube::Connection> connection = in.connect();
    if (!connection)
        return in.fail(connection.error(), 2);
    const QString nameSpace = in.nameSpace(connection.value());

    core::kube::ExecOptions options;
    options.container = in.value(QStringLiteral("container"));
    options.command = positional.mid(1);
    core::kube::ApiClient api(connection.value());
    core::kube::ExecClient client(&api);
    int exitCode = 0;
    QObject::connect(&client, &core::kube::ExecClient::stdoutReceived, &client,
                     [](const QByteArray &data) { writeRaw(stdout, data); });
    QObject::connect(&client, &core::kube::ExecClient::stderrReceived, &client,
                     [](const QByteArray &data) { writeRaw(stderr, data); });
    QObject::connect(&client, &core::kube::ExecClient::finished, &client,
                     [&in, &exitCode](int code, const QString &message) {
                         if (code != 0 && !message.isEmpty())
                             in.fail(message, code);
                         exitCode = code;
                         QCoreApplication::exit(code);
                     });
    QObject::connect(&client, &core::kube::ExecClient::failed, &client,
                     [&in, &exitCode](const core::Error &error) {
                         exitCode = in.fail(error, 1);
                         QCoreApplication::exit(exitCode);
                     });
    client.start(nameSpace, positional.constFirst(), options);
    const int loopCode = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace

Command execCommand()
{
    return Command{
        .name = QStringLiteral("exec"),
        .summary = Tr::tr("Run a command in a container"),
        .help = Tr::tr("Runs a command in a container, as kubectl exec does (WebSocket, "
                       "v5.channel.k8s.io or v4.channel.k8s.io).\n\nExit status: the command's "
                       "own exit code; 1 when it could not run (the API server's message on "
                       "stderr), 2 bad input."),
        .options = {{{QStringLiteral("c"), QStringLiteral("container")},
                     Tr::tr("Container name."),
                     Tr::tr("NAME")}},
        .positionals = {{QStringLiteral("pod"), Tr::tr("Pod name.")},
                        {QStringLiteral("command"),
                         Tr::tr("The command and its arguments, after \"--\"."),
                         QStringLiteral("-- COMMAND [ARGS...]")}},
        .connects = true,
        .run = run,
    };
}

} // namespace cli
