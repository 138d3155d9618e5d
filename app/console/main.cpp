#include "core/common/translations.h"
#include "core/kube/kubeconfig.h"
#include "models/clustersession.h"
#include "models/contextsafety.h"
#include "ui/clusterdock.h"
#include "ui/exectrust.h"
#include "ui/helpdialogs.h"
#include "ui/mainwindow.h"
#include "ui/podactions.h"
#include "ui/terminalpane.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <csignal>
#include <optional>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app)
};

// The shipped examples: installed ones (the Debian package puts them in
// /usr/share/burst-console/examples beside /usr/bin), else those in the executable's resources.
// The workbench edits files, so it opens a writable copy (made once, never overwritten: the
// operator's edits stay).
QStringList shippedExamples()
{
    const QString target = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                           QStringLiteral("/examples");
    QDir().mkpath(target);
    const QString installed = QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                              QStringLiteral("/../share/burst-console/examples"));
    const QDir source(QFileInfo(installed).isDir() ? installed : QStringLiteral(":/examples"));
    for (const QString &name : source.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
        const QString copy = target + u'/' + name;
        if (!QFileInfo::exists(copy) && QFile::copy(source.filePath(name), copy))
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                            QFile::ReadOther);
    }
    return {target};
}

// A context named on the command line as a connection, or nothing (after telling the user
// why). An exec credential plugin runs only once the user has seen and trusted its exact
// command line (ui::approveExecPlugin), unless its kubeconfig is one of `trustedFiles`.
std::optional<core::kube::Connection> connectionFor(const QString &kubeconfig,
                                                    const QString &context,
                                                    const QStringList &trustedFiles)
{
    core::kube::KubeconfigOverrides overrides;
    overrides.kubeconfigPath = kubeconfig;
    overrides.context = context;
    auto loaded = core::kube::loadConnection(overrides);
    if (!loaded) {
        QMessageBox::warning(nullptr, Tr::tr("Cannot connect"),
                             loaded.error().message + u"\n\n" + loaded.error().hint);
        return std::nullopt;
    }
    core::kube::Connection connection = loaded.value();
    if (!ui::approveExecPlugin(nullptr, connection, trustedFiles))
        return std::nullopt;
    return connection;
}

// --safety CONTEXT=normal|production|read-only, kept in the settings like the dialog's choice.
bool applySafety(const QStringList &values)
{
    for (const QString &value : values) {
        const qsizetype equals = value.lastIndexOf(u'=');
        models::ContextSafety safety;
        if (equals <= 0 || !models::parseSafety(value.mid(equals + 1), &safety)) {
            QMessageBox::warning(nullptr, Tr::tr("Invalid option"),
                                 Tr::tr("--safety %1: write CONTEXT=normal, "
                                        "CONTEXT=production or CONTEXT=read-only.")
                                     .arg(value));
            return false;
        }
        models::setContextSafety(value.left(equals), safety);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // Under a file size limit (ulimit -f) a save past it would end the console with SIGXFSZ; ignored,
    // the write fails with EFBIG and the save says so, leaving the file as it was.
    std::signal(SIGXFSZ, SIG_IGN);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("burst-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Burst Console"));
    QApplication::setOrganizationName(QStringLiteral("BurstConsole"));
    QApplication::setApplicationVersion(QStringLiteral(BURST_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/burst-console.svg")));
    const QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    const bool forced = qEnvironmentVariableIsSet("BURST_LANG");
    core::installTranslations(app, forced || language.isEmpty() || language == u"system"
                                       ? core::preferredLocale()
                                       : QLocale(language));
    ui::applyTheme(
        app, QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(ui::HelpDialogs::summary());
    const QCommandLineOption kubeconfigOption(
        QStringLiteral("kubeconfig"), Tr::tr("The kubeconfig file (default: KUBECONFIG, else "
                                             "~/.kube/config, merged as kubectl does)."),
        Tr::tr("FILE"));
    const QCommandLineOption contextOption(
        QStringLiteral("context"),
        Tr::tr("Connect to this kubeconfig context at start (repeatable; with --kubeconfig "
               "alone: its current context)."),
        Tr::tr("NAME"));
    const QCommandLineOption safetyOption(
        QStringLiteral("safety"),
        Tr::tr("Mark a context normal, production (writes need its name typed) or read-only "
               "(writes refused); kept for later starts (repeatable)."),
        Tr::tr("CONTEXT=SAFETY"));
    const QCommandLineOption trustExecOption(
        QStringLiteral("trust-exec-in"),
        Tr::tr("Run the exec credential plugins of users defined in FILE without asking (for a "
               "kubeconfig you just generated yourself, as run.sh does)."),
        Tr::tr("FILE"));
    const QCommandLineOption logsOption(
        QStringLiteral("logs"),
        Tr::tr("Open the log viewer of this pod at start, on the first --context (default: the "
               "kubeconfig's current context)."),
        Tr::tr("NAMESPACE/POD[/CONTAINER]"));
    parser.addOption(kubeconfigOption);
    parser.addOption(logsOption);
    parser.addOption(contextOption);
    parser.addOption(safetyOption);
    parser.addOption(trustExecOption);
    const QCommandLineOption execOption(
        QStringLiteral("exec"),
        Tr::tr("Open a shell in a pod of the first --context (bash, else sh) in a terminal tab."),
        Tr::tr("NAMESPACE/POD[/CONTAINER]"));
    parser.addOption(execOption);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 Tr::tr("Manifest files or folders to open (default: the "
                                        "shipped examples)."),
                                 Tr::tr("[PATH...]"));
    parser.process(app);
    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        paths = shippedExamples();

    if (!applySafety(parser.values(safetyOption)))
        return 2;
    ui::MainWindow window;
    window.setKubeconfigSearch(
        core::kube::KubeconfigSearch::fromEnvironment(parser.value(kubeconfigOption)));
    const QStringList trusted = parser.values(trustExecOption);
    window.setTrustedExecFiles(trusted);
    window.show();
    window.open(paths);
    QStringList contexts = parser.values(contextOption);
    if (contexts.isEmpty() && (parser.isSet(kubeconfigOption) || parser.isSet(logsOption) ||
                                parser.isSet(execOption)))
        contexts.append(QString()); // the file's current context
    QDockWidget *first = nullptr;
    models::ClusterSession *firstSession = nullptr;
    for (const QString &context : contexts) {
        if (auto connection = connectionFor(parser.value(kubeconfigOption), context, trusted)) {
            models::ClusterSession *session = window.connectTo(*connection);
            if (!first) {
                first = window.currentClusterDock();
                firstSession = session;
            }
        }
    }
    // The first context named is the one in front (run.sh: the cluster, its CCI endpoint
    // behind it).
    if (first)
        first->raise();
    if (parser.isSet(logsOption) && firstSession) {
        QString error;
        if (!ui::openLogsArgument(&window, firstSession, parser.value(logsOption), &error))
            QMessageBox::warning(&window, Tr::tr("Invalid option"), error);
    }
    if (parser.isSet(execOption)) {
        const QStringList target = parser.value(execOption).split(u'/');
        if (target.size() < 2 || target.size() > 3 || target.at(0).isEmpty() ||
            target.at(1).isEmpty() || !firstSession) {
            QMessageBox::warning(&window, Tr::tr("Invalid option"),
                                 Tr::tr("--exec %1: write NAMESPACE/POD or "
                                        "NAMESPACE/POD/CONTAINER, with --context.")
                                     .arg(parser.value(execOption)));
        } else {
            ui::openTerminal(&window, firstSession, target.at(0), target.at(1), target.value(2));
        }
    }
    return app.exec();
}
