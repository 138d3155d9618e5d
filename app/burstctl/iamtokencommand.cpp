#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/cloud/iamtokenprovider.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace cli {

namespace {

const QString v1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");

// KUBERNETES_EXEC_INFO, when kubectl (or burstctl) runs us as a plugin: the apiVersion to answer
// with and, with provideClusterInfo, the cluster's CA.
QJsonObject execInfo()
{
    return QJsonDocument::fromJson(qgetenv("KUBERNETES_EXEC_INFO")).object();
}

int run(const Invocation &in)
{
    core::cloud::IamTokenOptions options;
    options.iamEndpoint = QUrl(in.value(QStringLiteral("iam-endpoint")));
    if (!options.iamEndpoint.isValid() || options.iamEndpoint.scheme().isEmpty())
        return in.fail(Tr::tr("--iam-endpoint must be a URL such as "
                              "https://iam.cn-north-4.myhuaweicloud.com"));
    options.projectName = in.value(QStringLiteral("project-name"));
    options.projectId = in.value(QStringLiteral("project-id"));
    if (options.projectName.isEmpty() && options.projectId.isEmpty())
        return in.fail(Tr::tr("give --project-name or --project-id"));
    if (in.isSet(QStringLiteral("ak-env")) || in.isSet(QStringLiteral("sk-env"))) {
        const QString ak = qEnvironmentVariable(in.value(QStringLiteral("ak-env")).toUtf8());
        const QString sk = qEnvironmentVariable(in.value(QStringLiteral("sk-env")).toUtf8());
        if (ak.isEmpty() || sk.isEmpty())
            return in.fail(Tr::tr("the variables named by --ak-env and --sk-env must both be set"));
        options.identity = core::cloud::IamAccessKeyIdentity{ak, sk};
    } else {
        const QString password =
            qEnvironmentVariable(in.value(QStringLiteral("password-env")).toUtf8());
        if (in.value(QStringLiteral("user")).isEmpty() || password.isEmpty())
            return in.fail(Tr::tr("give --ak-env and --sk-env, or --user, --domain and "
                                  "--password-env"));
        options.identity = core::cloud::IamPasswordIdentity{
            in.value(QStringLiteral("user")), password, in.value(QStringLiteral("domain"))};
    }
    const QJsonObject info = execInfo();
    options.caCertificatesPem = QByteArray::fromBase64(info.value(u"spec")
                                                           .toObject()
                                                           .value(u"cluster")
                                                           .toObject()
                                                           .value(u"certificate-authority-data")
                                                           .toString()
                                                           .toLatin1());
    if (in.isSet(QStringLiteral("cacert"))) {
        QFile ca(in.value(QStringLiteral("cacert")));
        if (!ca.open(QIODevice::ReadOnly))
            return in.fail(Tr::tr("cannot read %1: %2").arg(ca.fileName(), ca.errorString()));
        options.caCertificatesPem += '\n' + ca.readAll();
    }
    const QString apiVersion = info.value(u"apiVersion").toString(v1beta1);

    core::cloud::IamTokenProvider provider(options);
    int exitCode = 1;
    QObject context;
    provider.fetch(&context, [&](const core::Result<core::kube::Credential> &credential) {
        if (!credential) {
            in.fail(credential.error(), 1);
            exitCode = 1;
        } else {
            QJsonObject status{{QStringLiteral("token"), credential->token}};
            if (credential->expiry.isValid())
                status.insert(QStringLiteral("expirationTimestamp"),
                              credential->expiry.toUTC().toString(Qt::ISODate));
            const QJsonObject out{{QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                                  {QStringLiteral("apiVersion"), apiVersion},
                                  {QStringLiteral("spec"), QJsonObject()},
                                  {QStringLiteral("status"), status}};
            cli::out() << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
            cli::out().flush();
            exitCode = 0;
        }
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

Command iamTokenCommand()
{
    return Command{
        .name = QStringLiteral("iam-token"),
        .summary = Tr::tr("Print a Huawei IAM token as an ExecCredential (exec plugin for CCI)"),
        .help = Tr::tr(
            "Gets a Huawei IAM token (POST /v3/auth/tokens, project scope) and prints it as a "
            "Kubernetes ExecCredential, so burstctl can serve as the exec credential plugin of a "
            "kubeconfig user for CCI, as cci-iam-authenticator does.\n\n"
            "Identity: an access key (--ak-env/--sk-env: the request is signed with "
            "SDK-HMAC-SHA256) or a password (--user, --domain, --password-env). Secrets are read "
            "only from the environment variables named, never from the command line.\n\n"
            "TLS: the system CAs, plus --cacert FILE, plus the cluster's CA when the kubeconfig "
            "sets provideClusterInfo: true (KUBERNETES_EXEC_INFO).\n\n"
            "Exit status: 0 printed, 1 IAM refused or unreachable, 2 bad input."),
        .options = {{QStringLiteral("iam-endpoint"),
                     Tr::tr("IAM endpoint, e.g. https://iam.cn-north-4.myhuaweicloud.com."),
                     Tr::tr("URL")},
                    {QStringLiteral("project-name"),
                     Tr::tr("Project to scope the token to (often the region)."), Tr::tr("NAME")},
                    {QStringLiteral("project-id"), Tr::tr("Project id (wins over --project-name)."),
                     Tr::tr("ID")},
                    {QStringLiteral("ak-env"),
                     Tr::tr("Environment variable holding the access key."), Tr::tr("VAR")},
                    {QStringLiteral("sk-env"),
                     Tr::tr("Environment variable holding the secret key."), Tr::tr("VAR")},
                    {QStringLiteral("user"), Tr::tr("IAM user name (password identity)."),
                     Tr::tr("NAME")},
                    {QStringLiteral("domain"), Tr::tr("Account (domain) name of the IAM user."),
                     Tr::tr("NAME")},
                    {QStringLiteral("password-env"),
                     Tr::tr("Environment variable holding the password."), Tr::tr("VAR")},
                    {QStringLiteral("cacert"), Tr::tr("Extra CA certificates (PEM) to trust."),
                     Tr::tr("FILE")}},
        .run = run,
    };
}

} // namespace cli
