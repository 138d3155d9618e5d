#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/cloud/cloudaccount.h"
#include "core/cloud/credentialstore.h"
#include "core/cloud/obssecret.h"
#include "core/kube/apiclient.h"
#include "core/kube/resourcetypes.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

// `burstctl obs-secret`: the Secret CCI's OBS volumes read their AK/SK from (guide, chapter 5),
// from the credential store or the environment, written to a 0600 file or sent to the cluster;
// never from or to the command line or standard output. --check-main-key warns about OBS
// secrets in the namespace that hold the account's own key.
namespace cli {

namespace {

const char kAkVariable[] = "OBS_ACCESS_KEY_ID";
const char kSkVariable[] = "OBS_SECRET_ACCESS_KEY";
const char kMainAkVariable[] = "BURST_MAIN_ACCESS_KEY_ID";

// The console's settings, where its cloud accounts (and only references to their secrets) live.
core::Result<core::cloud::CloudAccount> consoleAccount(const QString &id)
{
    QSettings settings(QStringLiteral("BurstConsole"), QStringLiteral("burst-console"));
    auto account =
        core::cloud::loadCloudAccount(settings, QStringLiteral("connections/accounts"), id);
    if (account && account->authKind != core::cloud::CloudAccount::AuthKind::AkSk)
        return core::Error{
            QStringLiteral("obs.account"),
            Tr::tr("account %1 signs in with a password and holds no access key").arg(id),
            {}};
    return account;
}

core::Result<QString> readStored(core::cloud::CredentialStore &store, const QString &reference)
{
    QEventLoop loop;
    core::Result<QString> secret = core::Error{};
    store.read(reference, &loop, [&](const core::Result<QString> &read) {
        secret = read;
        loop.quit();
    });
    loop.exec();
    return secret;
}

core::Result<core::cloud::ObsAccessKey> keyFromAccount(const QString &id, bool withSecret)
{
    const auto account = consoleAccount(id);
    if (!account)
        return account.error();
    core::cloud::CredentialStore store;
    core::cloud::ObsAccessKey key;
    auto ak = readStored(store, account->accessKeyReference);
    if (!ak)
        return ak.error();
    key.accessKeyId = ak.value();
    if (withSecret) {
        auto sk = readStored(store, account->secretKeyReference);
        if (!sk)
            return sk.error();
        key.secretAccessKey = sk.value();
    }
    return key;
}

core::Result<core::cloud::ObsAccessKey> obsKey(const Invocation &in)
{
    if (in.isSet(QStringLiteral("from-account")))
        return keyFromAccount(in.value(QStringLiteral("from-account")), true);
    core::cloud::ObsAccessKey key{qEnvironmentVariable(kAkVariable),
                                  qEnvironmentVariable(kSkVariable)};
    if (key.accessKeyId.isEmpty() || key.secretAccessKey.isEmpty())
        return core::Error{QStringLiteral("obs.noKey"),
                           Tr::tr("no access key: set %1 and %2, or give --from-account ID")
                               .arg(QLatin1String(kAkVariable), QLatin1String(kSkVariable)),
                           {}};
    return key;
}

// The account's own access key id, for --check-main-key.
core::Result<QString> mainKeyId(const Invocation &in)
{
    if (in.isSet(QStringLiteral("main-account"))) {
        auto key = keyFromAccount(in.value(QStringLiteral("main-account")), false);
        if (!key)
            return key.error();
        return key->accessKeyId;
    }
    const QString ak = qEnvironmentVariable(kMainAkVariable);
    if (ak.isEmpty())
        return core::Error{QStringLiteral("obs.noMainKey"),
                           Tr::tr("--check-main-key needs the account's own access key id: give "
                                  "--main-account ID or set %1")
                               .arg(QLatin1String(kMainAkVariable)),
                           {}};
    return ak;
}

int writeFile(const Invocation &in, const QString &path, const QJsonObject &secret)
{
    QFile file(path);
    // A new file only, created 0600: the key never sits in a file others may read.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return in.fail(Tr::tr("cannot create %1: %2 (an existing file is never overwritten)")
                           .arg(path, file.errorString()));
    file.write(QJsonDocument(secret).toJson(QJsonDocument::Indented));
    if (!file.flush())
        return in.fail(Tr::tr("cannot write %1: %2").arg(path, file.errorString()), 1);
    err() << Tr::tr("wrote Secret %1 to %2 (mode 0600); apply it with kubectl apply -f %2, "
                    "then delete the file.")
                 .arg(secret.value(u"metadata").toObject().value(u"name").toString(), path)
          << '\n';
    err().flush();
    return 0;
}

struct Job
{
    QString nameSpace;
    std::optional<QJsonObject> secret; // to create
    QString mainKey;                   // to look for; empty: no check
};

core::kube::ResourceMapping secretsMapping()
{
    core::kube::ResourceMapping mapping;
    static_cast<core::kube::ResourceType &>(mapping) = core::kube::secretsType();
    return mapping;
}

void checkNamespace(const Invocation &in, core::kube::ApiClient *client, const Job &job)
{
    core::kube::ListOptions options;
    options.nameSpace = job.nameSpace;
    client->list(secretsMapping(), options, client, [&in, job](const auto &listed) {
        if (!listed)
            return QCoreApplication::exit(in.fail(listed.error(), 1));
        QList<QJsonObject> secrets;
        for (const QJsonValue &item : listed->value(u"items").toArray())
            secrets << item.toObject();
        const QStringList holding = core::cloud::secretsHoldingKey(secrets, job.mainKey);
        for (const QString &name : holding)
            err() << Tr::tr("warning: Secret %1/%2 holds the account's own access key; replace "
                            "it with a key of an OBS-only sub-user (burstctl obs-secret --help).")
                         .arg(job.nameSpace, name)
                  << '\n';
        if (holding.isEmpty())
            err()
                << Tr::tr("no Secret in %1 holds the account's own access key.").arg(job.nameSpace)
                << '\n';
        err().flush();
        QCoreApplication::exit(holding.isEmpty() ? 0 : 1);
    });
}

int runOnCluster(const Invocation &in, Job job)
{
    const auto connection = in.connect();
    if (!connection)
        return in.fail(connection.error(), 2);
    job.nameSpace = in.nameSpace(connection.value());
    if (job.secret)
        job.secret->insert(QStringLiteral("metadata"),
                           QJsonObject{{QStringLiteral("name"),
                                        job.secret->value(u"metadata").toObject().value(u"name")},
                                       {QStringLiteral("namespace"), job.nameSpace}});
    core::kube::ApiClient client(connection.value());
    if (!job.secret) {
        checkNamespace(in, &client, job);
        return QCoreApplication::exec();
    }
    client.create(
        secretsMapping(), job.nameSpace, *job.secret, &client,
        [&in, &client, job](const auto &created) {
            if (!created)
                return QCoreApplication::exit(in.fail(created.error(), 1));
            out() << Tr::tr("secret/%1 created in %2\n")
                         .arg(created->value(u"metadata").toObject().value(u"name").toString(),
                              job.nameSpace);
            out().flush();
            if (job.mainKey.isEmpty())
                return QCoreApplication::exit(0);
            checkNamespace(in, &client, job);
        });
    return QCoreApplication::exec();
}

int run(const Invocation &in)
{
    const bool apply = in.isSet(QStringLiteral("apply"));
    const bool toFile = in.isSet(QStringLiteral("output-file"));
    const bool check = in.isSet(QStringLiteral("check-main-key"));
    if (apply && toFile)
        return in.fail(Tr::tr("give --apply or --output-file, not both"));
    if (!apply && !toFile && !check)
        return in.fail(Tr::tr("refusing to print a secret: give --output-file FILE (created "
                              "0600) or --apply (sent to the cluster), or --check-main-key"));
    Job job;
    if (check) {
        const auto mainKey = mainKeyId(in);
        if (!mainKey)
            return in.fail(mainKey.error(), 2);
        job.mainKey = mainKey.value();
    }
    if (apply || toFile) {
        const auto key = obsKey(in);
        if (!key)
            return in.fail(key.error(), 2);
        if (check && core::cloud::sameAccessKey(key->accessKeyId, job.mainKey))
            return in.fail(Tr::tr("the access key given is the account's own key; create an "
                                  "OBS-only sub-user and use its key (see --help)"),
                           1);
        // The namespace is checked here and set again from the connection when applying.
        const QString nameSpace = in.value(QStringLiteral("namespace"));
        if (toFile && nameSpace.isEmpty())
            return in.fail(Tr::tr("give --namespace NAMESPACE"));
        auto secret =
            core::cloud::obsSecret(nameSpace.isEmpty() ? QStringLiteral("default") : nameSpace,
                                   in.value(QStringLiteral("name")), key.value());
        if (!secret)
            return in.fail(secret.error(), 2);
        if (toFile)
            return writeFile(in, in.value(QStringLiteral("output-file")), secret.value());
        job.secret = secret.value();
    }
    return runOnCluster(in, job);
}

} // namespace

Command obsSecretCommand()
{
    return Command{
        .name = QStringLiteral("obs-secret"),
        .summary = Tr::tr("Create the OBS access-key Secret of a namespace (AK/SK never on the "
                          "command line)"),
        .help = Tr::tr(
            "Creates the Secret through which CCI's OBS volumes reach OBS (the guide's "
            "\"longaksk\": data.ak and data.sk, base64; type Opaque, which the guide leaves "
            "unsaid).\n\n"
            "The access key comes from the environment (OBS_ACCESS_KEY_ID and "
            "OBS_SECRET_ACCESS_KEY) or from the console's credential store (--from-account ID, "
            "an AK/SK account), never from the command line, which other users see in the "
            "process list. It is never printed: --output-file writes a new file with mode 0600 "
            "(never overwriting one), --apply sends it to the cluster of the current context. "
            "Printing it on standard output would leave it in terminals, logs and scrollback.\n\n"
            "Least privilege (the guide's chapter 5), before you create the Secret:\n"
            "  [ ] In IAM, create a user group (e.g. obs_only) and grant it only OBS "
            "permissions (OBS Administrator, or narrower).\n"
            "  [ ] Create an IAM sub-user (e.g. cci-obs) with programmatic access (access "
            "key), in that group only.\n"
            "  [ ] Download the sub-user's access key and use it here, not the account's own "
            "(main) key.\n"
            "  [ ] Replace secrets that still hold the main key; mount an OBS volume in a test "
            "Job to check reads and writes.\n\n"
            "--check-main-key (only when asked) lists the namespace's Secrets and warns about "
            "every one whose ak (or access.key) is the account's own access key id, given by "
            "--main-account ID or BURST_MAIN_ACCESS_KEY_ID. The comparison happens in memory; "
            "nothing is cached or logged, and only the Secrets' names are printed. With "
            "--apply or --output-file it also refuses a key that is the main one.\n\n"
            "Exit status: 0 done, 1 the cluster refused or a Secret holds the main key, 2 bad "
            "input."),
        .options = {{QStringLiteral("name"), Tr::tr("Name of the Secret."), Tr::tr("NAME"),
                     QLatin1String(core::cloud::kDefaultObsSecretName)},
                    {QStringLiteral("from-account"),
                     Tr::tr("Read the AK/SK of this console account from the credential store."),
                     Tr::tr("ID")},
                    {QStringLiteral("output-file"),
                     Tr::tr("Write the Secret to this new file, mode 0600."), Tr::tr("FILE")},
                    {QStringLiteral("apply"), Tr::tr("Create the Secret in the cluster.")},
                    {QStringLiteral("check-main-key"),
                     Tr::tr("Warn about Secrets in the namespace that hold the account's own "
                            "key.")},
                    {QStringLiteral("main-account"),
                     Tr::tr("Console account whose access key id is the main key."), Tr::tr("ID")}},
        .connects = true,
        .run = run,
    };
}

} // namespace cli
