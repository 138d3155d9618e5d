#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/connectionflags.h"

#include "core/common/translations.h"

#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(burstctl)
};

QString usage()
{
    return Tr::tr("Usage: burstctl COMMAND [options]\n\n"
                  "Commands:\n"
                  "  preview   Show the pod CCI runs for each workload, with diagnostics\n"
                  "  simulate  Simulate local / CCI / Pending placement as replicas change\n"
                  "  sign      Sign an HTTP request with a Huawei Cloud AK/SK (SDK-HMAC-SHA256)\n"
                  "  logs      Print or follow the log of a container in a pod\n"
                  "  exec      Run a command in a container\n"
                  "  get       List objects of a resource type from a cluster, as kubectl get\n"
                  "  watch     Print every change of a resource type, one line per event\n"
                  "  iam-token Print a Huawei IAM token as an ExecCredential (exec plugin for CCI)\n\n"
                  "Run \"burstctl COMMAND --help\" for a command's options, its JSON output and "
                  "the decided rules it applies.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burstctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURST_VERSION));
    core::installTranslations(app, core::preferredLocale());
    QStringList args = QCoreApplication::arguments();
    args = cli::ConnectionFlags::commandFirst(args);
    if (args.size() < 2 || args.at(1) == u"--help" || args.at(1) == u"-h" ||
        args.at(1) == u"help") {
        cli::out() << usage();
        cli::out().flush();
        return args.size() < 2 ? 2 : 0;
    }
    if (args.at(1) == u"--version" || args.at(1) == u"version") {
        cli::out() << QStringLiteral("burstctl %1\n").arg(QCoreApplication::applicationVersion());
        return 0;
    }
    const QString command = args.takeAt(1);
    args[0] = args.at(0) + u' ' + command;
    if (command == u"preview")
        return cli::runPreview(args);
    if (command == u"simulate")
        return cli::runSimulate(args);
    if (command == u"sign")
        return cli::runSign(args);
    if (command == u"logs")
        return cli::runLogs(args);
    if (command == u"exec")
        return cli::runExec(args);
    if (command == u"get")
        return cli::runGet(args);
    if (command == u"watch")
        return cli::runWatch(args);
    if (command == u"iam-token")
        return cli::runIamToken(args);
    cli::err() << Tr::tr("burstctl: unknown command \"%1\"").arg(command) << '\n' << usage();
    return 2;
}
