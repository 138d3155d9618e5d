#include "core/cloud/credentialstore.h"

#include "core/common/tr.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace core::cloud {

namespace {

Error notFound(const QString &reference)
{
    return {QStringLiteral("credential.notFound"),
            Tr::tr("No secret is stored under \"%1\".").arg(reference),
            Tr::tr("Enter the credential again.")};
}

Error accessDenied(const QString &reference, const QString &detail)
{
    return {QStringLiteral("credential.accessDenied"),
            Tr::tr("Access to the secret \"%1\" was denied: %2").arg(reference, detail),
            Tr::tr("Unlock the keychain and allow Burst Console to use it.")};
}

Error failed(const QString &reference, const QString &detail)
{
    return {QStringLiteral("credential.failed"),
            Tr::tr("The keychain failed on the secret \"%1\": %2").arg(reference, detail),
            {}};
}

// libsecret reports an unreachable D-Bus session or a missing Secret Service as OtherError
// ("Could not connect: ...", "Cannot autolaunch D-Bus ..."), so the code alone does not tell "no
// keychain" from a failure of a working one: before the keychain ever answered, it means none.
bool meansNoKeychain(int jobError, const QString &errorText, bool keychainAnswered)
{
    if (jobError == QKeychain::NoBackendAvailable)
        return true;
    if (jobError != QKeychain::OtherError)
        return false;
    if (!keychainAnswered)
        return true;
    for (const char *sign : {"D-Bus", "DBus", "org.freedesktop.secrets", "Could not connect",
                             "Error connecting", "was not provided"}) {
        if (errorText.contains(QLatin1String(sign)))
            return true;
    }
    return false;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent) : CredentialStore(defaultService(), parent) {}

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service)
{
}

void CredentialStore::write(const QString &reference, const QString &secret, QObject *context,
                            Done done)
{
    start({Operation::Write, reference, secret, context, std::move(done), {}});
}

void CredentialStore::read(const QString &reference, QObject *context, ReadDone done)
{
    start({Operation::Read, reference, {}, context, {}, std::move(done)});
}

void CredentialStore::remove(const QString &reference, QObject *context, Done done)
{
    start({Operation::Remove, reference, {}, context, std::move(done), {}});
}

void CredentialStore::start(Pending pending)
{
    if (m_persistent)
        startKeychainJob(pending);
    else
        QTimer::singleShot(0, this, [this, pending] { runInMemory(pending); });
}

void CredentialStore::startKeychainJob(const Pending &pending)
{
    // Jobs have no parent: libsecret may still call back into a running job, so a job lives
    // until it finished (autoDelete) even when the store goes first; the connection to the
    // store ends with the store.
    QKeychain::Job *job = nullptr;
    switch (pending.operation) {
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(pending.secret);
        job = write;
        break;
    }
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // Never a plaintext QSettings copy, whatever the platform backend would offer.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(pending.reference);
    connect(job, &QKeychain::Job::finished, this, [this, pending](QKeychain::Job *finished) {
        const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished);
        onJobFinished(pending, finished->error(), finished->errorString(),
                      read ? read->textData() : QString());
    });
    job->start();
}

void CredentialStore::onJobFinished(const Pending &pending, int jobError, const QString &errorText,
                                    const QString &secret)
{
    if (jobError == QKeychain::NoError || jobError == QKeychain::EntryNotFound)
        m_keychainAnswered = true;
    if (jobError == QKeychain::NoError) {
        finish(pending, pending.operation == Operation::Read ? secret : QString());
        return;
    }
    if (meansNoKeychain(jobError, errorText, m_keychainAnswered)) {
        switchToMemory(errorText);
        runInMemory(pending);
        return;
    }
    switch (jobError) {
    case QKeychain::EntryNotFound:
        if (pending.operation == Operation::Remove)
            finish(pending, QString());
        else
            finish(pending, notFound(pending.reference));
        return;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        finish(pending, accessDenied(pending.reference, errorText));
        return;
    default:
        finish(pending, failed(pending.reference, errorText));
    }
}

void CredentialStore::runInMemory(const Pending &pending)
{
    switch (pending.operation) {
    case Operation::Write:
        m_sessionSecrets.insert(pending.reference, pending.secret);
        finish(pending, QString());
        return;
    case Operation::Read: {
        const auto it = m_sessionSecrets.constFind(pending.reference);
        if (it == m_sessionSecrets.cend())
            finish(pending, notFound(pending.reference));
        else
            finish(pending, *it);
        return;
    }
    case Operation::Remove:
        m_sessionSecrets.remove(pending.reference);
        finish(pending, QString());
        return;
    }
}

void CredentialStore::switchToMemory(const QString &reason)
{
    if (!m_persistent)
        return;
    m_persistent = false;
    emit keychainUnavailable(
        {QStringLiteral("credential.keychainUnavailable"),
         Tr::tr("No system keychain is available (%1). Secrets are kept in memory and are "
                "forgotten when Burst Console exits.")
             .arg(reason),
         Tr::tr("Start a Secret Service provider such as GNOME Keyring or KWallet and log in "
                "again to keep credentials between sessions.")});
}

void CredentialStore::finish(const Pending &pending, const Result<QString> &result)
{
    if (!pending.context)
        return;
    if (pending.operation == Operation::Read) {
        if (pending.readDone)
            pending.readDone(result);
        return;
    }
    if (!pending.done)
        return;
    if (result.ok())
        pending.done(Result<void>::success());
    else
        pending.done(result.error());
}

} // namespace core::cloud
