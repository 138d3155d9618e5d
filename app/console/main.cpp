#include "core/common/translations.h"
#include "core/kube/execcredentialprovider.h"
#include "core/kube/exectruststore.h"
#include "core/kube/kubeconfig.h"
#include "core/kube/loginshellpath.h"
#include "models/clustersession.h"
#include "ui/helpdialogs.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <optional>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app)
};

// The shipped examples live in the executable's resources; the workbench edits files, so it opens
// a writable copy (made once, never overwritten: the operator's edits stay).
QStringList shippedExamples()
{
    const QString target = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                           QStringLiteral("/examples");
    QDir().mkpath(target);
    const QDir source(QStringLiteral(":/examples"));
    for (const QString &name : source.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
        const QString copy = target + u'/' + name;
        if (!QFileInfo::exists(copy) && QFile::copy(source.filePath(name), copy))
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                            QFile::ReadOther);
    }
    return {target};
}

// The context named on the command line as a connection, or nothing (after telling the user
// why). An exec credential plugin runs only once the user has seen and trusted its exact
// command line, in the trust file burstctl shares.
std::optional<core::kube::Connection> connectionFor(const QString &kubeconfig,
                                                    const QString &context)
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
    if (connection.exec) {
        auto trust = std::make_shared<core::kube::ExecTrustStore>(
            core::kube::defaultExecTrustFile());
        if (!trust->isTrusted(connection.userSourceFile, connection.userName, *connection.exec)) {
            const auto answer = QMessageBox::question(
                nullptr, Tr::tr("Run a credential plugin?"),
                Tr::tr("To connect to \"%1\", the kubeconfig user \"%2\" (defined in %3) runs "
                       "this command:\n\n%4\n\nRun it only if you expect it. Trust and run "
                       "it?")
                    .arg(connection.contextName, connection.userName, connection.userSourceFile,
                         core::kube::ExecTrustStore::commandLine(*connection.exec)));
            if (answer != QMessageBox::Yes)
                return std::nullopt;
            trust->trust(connection.userSourceFile, connection.userName, *connection.exec);
        }
        core::kube::attachExecCredentialProvider(connection, trust,
                                                 std::make_shared<core::kube::LoginShellPath>());
    }
    return connection;
}

} // namespace

int main(int argc, char *argv[])
{
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
        Tr::tr("Connect to this kubeconfig context at start (with --kubeconfig alone: its "
               "current context)."),
        Tr::tr("NAME"));
    parser.addOption(kubeconfigOption);
    parser.addOption(contextOption);
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

    ui::MainWindow window;
    window.show();
    window.open(paths);
    if (parser.isSet(contextOption) || parser.isSet(kubeconfigOption)) {
        if (auto connection =
                connectionFor(parser.value(kubeconfigOption), parser.value(contextOption))) {
            auto *session = new models::ClusterSession(*connection, &window);
            window.addClusterSession(session);
            session->start();
        }
    }
    return app.exec();
}
