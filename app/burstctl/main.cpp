#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/connectionflags.h"
#include "app/burstctl/tr.h"

#include "core/common/translations.h"

namespace cli {
namespace {

QString usage(const QList<Command> &commands)
{
    QString text = Tr::tr("Usage: burstctl COMMAND [options]\n\nCommands:\n");
    for (const Command &command : commands)
        text += QStringLiteral("  %1  %2\n").arg(command.name.leftJustified(10), command.summary);
    return text + Tr::tr("\nRun \"burstctl COMMAND --help\" for a command's options, its JSON "
                         "output and the decided rules it applies.\n");
}

} // namespace
} // namespace cli

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burstctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURST_VERSION));
    core::installTranslations(app, core::preferredLocale());
    // Built after the translations are installed: the commands' texts are translated.
    QList<cli::Command> commands{cli::previewCommand(), cli::simulateCommand(), cli::signCommand(),
                                 cli::logsCommand(),    cli::execCommand(),     cli::getCommand(),
                                 cli::watchCommand(),   cli::iamTokenCommand()};
    commands << cli::templateCommand() << cli::prometheusCommand() << cli::obsSecretCommand()
             << cli::fixCommand() << cli::adviseCommand();
    commands.append(cli::completionCommand(commands));
    QStringList args = cli::ConnectionFlags::commandFirst(QCoreApplication::arguments());
    if (args.size() < 2 || args.at(1) == u"--help" || args.at(1) == u"-h" ||
        args.at(1) == u"help") {
        cli::out() << cli::usage(commands);
        cli::out().flush();
        return args.size() < 2 ? 2 : 0;
    }
    if (args.at(1) == u"--version" || args.at(1) == u"version") {
        cli::out() << QStringLiteral("burstctl %1\n").arg(QCoreApplication::applicationVersion());
        cli::out().flush();
        return 0;
    }
    const QString name = args.takeAt(1);
    args[0] = args.at(0) + u' ' + name;
    for (const cli::Command &command : commands) {
        if (command.name == name)
            return cli::runCommand(command, args);
    }
    cli::err() << cli::Tr::tr("burstctl: unknown command \"%1\"").arg(name) << '\n'
               << cli::usage(commands);
    return 2;
}
