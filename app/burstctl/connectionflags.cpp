#include "app/burstctl/connectionflags.h"

#include "core/kube/execcredentialprovider.h"
#include "core/kube/exectruststore.h"
#include "core/kube/loginshellpath.h"

#include <QCoreApplication>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(burstctl)
};

const QStringList &valueFlags()
{
    static const QStringList flags{QStringLiteral("--kubeconfig"), QStringLiteral("--context"),
                                   QStringLiteral("-n"),           QStringLiteral("--namespace"),
                                   QStringLiteral("--server"),     QStringLiteral("--token")};
    return flags;
}

} // namespace

QList<QCommandLineOption> ConnectionFlags::options(bool allNamespaces)
{
    QCommandLineOption all({QStringLiteral("A"), QStringLiteral("all-namespaces")},
                           Tr::tr("List the objects across all namespaces."));
    if (!allNamespaces) // still parsed, so the command can refuse it with a hint
        all.setFlags(QCommandLineOption::HiddenFromHelp);
    return {{QStringLiteral("kubeconfig"),
             Tr::tr("Path to the kubeconfig file (no KUBECONFIG merge)."), Tr::tr("FILE")},
            {QStringLiteral("context"), Tr::tr("The kubeconfig context to use."), Tr::tr("NAME")},
            {{QStringLiteral("n"), QStringLiteral("namespace")},
             Tr::tr("The namespace scope of the request."),
             Tr::tr("NAMESPACE")},
            all,
            {QStringLiteral("server"), Tr::tr("The address of the API server."), Tr::tr("URL")},
            {QStringLiteral("token"), Tr::tr("Bearer token for authentication to the API server."),
             Tr::tr("TOKEN")},
            {QStringLiteral("insecure-skip-tls-verify"),
             Tr::tr("Do not check the server's certificate (insecure).")},
            {QStringLiteral("trust-exec"),
             Tr::tr("Trust the kubeconfig user's exec credential plugin command line "
                    "(remembered; asked once per command line).")}};
}

void ConnectionFlags::addTo(QCommandLineParser &parser, bool allNamespaces)
{
    parser.addOptions(options(allNamespaces));
}

core::kube::KubeconfigOverrides ConnectionFlags::overrides(const QCommandLineParser &parser) const
{
    core::kube::KubeconfigOverrides o;
    o.kubeconfigPath = parser.value(QStringLiteral("kubeconfig"));
    o.context = parser.value(QStringLiteral("context"));
    o.nameSpace = parser.value(QStringLiteral("namespace"));
    o.server = parser.value(QStringLiteral("server"));
    o.token = parser.value(QStringLiteral("token"));
    o.insecureSkipTlsVerify = parser.isSet(QStringLiteral("insecure-skip-tls-verify"));
    return o;
}

core::Result<core::kube::Connection> ConnectionFlags::load(const QCommandLineParser &parser) const
{
    auto loaded = core::kube::loadConnection(overrides(parser));
    if (!loaded || !loaded->exec)
        return loaded;
    // Exec plugins run only once their exact command line is trusted, for burstctl as for the
    // console (one trust file for both).
    core::kube::Connection connection = loaded.value();
    auto trustStore =
        std::make_shared<core::kube::ExecTrustStore>(core::kube::defaultExecTrustFile());
    if (parser.isSet(QStringLiteral("trust-exec")))
        trustStore->trust(connection.userSourceFile, connection.userName, *connection.exec);
    if (!trustStore->isTrusted(connection.userSourceFile, connection.userName, *connection.exec))
        return core::Error{
            QStringLiteral("exec.untrusted"),
            Tr::tr("user \"%1\" runs an exec credential plugin that is not trusted yet: %2")
                .arg(connection.userName,
                     core::kube::ExecTrustStore::commandLine(*connection.exec)),
            Tr::tr("Check the command line, then run again with --trust-exec.")};
    core::kube::attachExecCredentialProvider(
        connection, trustStore, std::make_shared<core::kube::LoginShellPath>());
    return connection;
}

QString ConnectionFlags::effectiveNamespace(const QCommandLineParser &parser,
                                            const core::kube::Connection &connection)
{
    if (parser.isSet(QStringLiteral("all-namespaces")))
        return {};
    // An empty -n is no -n, as in kubectl: a request never names an empty namespace.
    if (!parser.value(QStringLiteral("namespace")).isEmpty())
        return parser.value(QStringLiteral("namespace"));
    return connection.defaultNamespace.isEmpty() ? QStringLiteral("default")
                                                 : connection.defaultNamespace;
}

QStringList ConnectionFlags::commandFirst(const QStringList &arguments)
{
    QStringList args = arguments;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(u'-')) {
            if (i > 1)
                args.move(i, 1);
            return args;
        }
        if (valueFlags().contains(a))
            ++i;
    }
    return args;
}

} // namespace cli
